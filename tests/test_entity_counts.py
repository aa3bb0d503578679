"""helpers.entity_counts: one entity, one count, in every table built on the mentions."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers import entities, entity_counts
from helpers.errors import OptionError

PARAGRAPHS = pd.DataFrame(
    {
        "paragraph_id": [1, 2, 3],
        "text": [
            "Kanselir Jerman Olaf Scholz tiba di Paris. Scholz disambut Presiden Prancis.",
            "Menurut Scholz, Jerman dan Prancis sepakat. Warga Berlin menunggu.",
            "Cuaca cerah hari ini.",
        ],
    }
)


@pytest.fixture(scope="module")
def mentions():
    return entities.entity_mentions(PARAGRAPHS)


def test_presence_has_zero_rows_and_sums_to_the_entity_count(mentions):
    table = entities.entities_table(mentions).set_index("entity")
    presence = entity_counts.entity_presence(
        mentions, PARAGRAPHS, entities=["Olaf Scholz", "Jerman"]
    )
    assert len(presence) == 3 * 2
    by_entity = presence.groupby("entity")["mentions"].sum()
    # Olaf Scholz: "Olaf Scholz", "Scholz", "Scholz" -> 3, as in entities.csv
    assert by_entity["Olaf Scholz"] == table.loc["Olaf Scholz", "mentions"] == 3
    assert by_entity["Jerman"] == table.loc["Jerman", "mentions"] == 2
    assert (
        presence.set_index(["paragraph_id", "entity"]).loc[(3, "Jerman"), "mentions"]
        == 0
    )


def test_cooccurrence_counts_paragraphs_naming_both(mentions):
    names = ["Olaf Scholz", "Jerman", "Prancis", "Berlin"]
    matrix = entity_counts.entity_cooccurrence(mentions, entities=names)
    assert list(matrix.index) == names and list(matrix.columns) == names
    assert matrix.loc["Olaf Scholz", "Jerman"] == 2  # paragraphs 1 and 2
    assert matrix.loc["Olaf Scholz", "Berlin"] == 1
    assert matrix.loc["Berlin", "Berlin"] == 1  # diagonal: paragraphs naming it
    pairs = entity_counts.top_pairs(matrix)
    assert pairs.iloc[0]["paragraphs"] == 2
    assert pairs["paragraphs"].is_monotonic_decreasing
    assert str(entity_counts.describe_pair(pairs)).startswith(
        "The most frequent pairs are"
    )


def test_sentence_mentions_keep_the_paragraph_rows_and_find_their_sentence(mentions):
    sentences = helpers.sentences_table(PARAGRAPHS)
    placed = entity_counts.sentence_mentions(mentions, sentences, PARAGRAPHS)
    assert len(placed) == len(mentions)
    pd.testing.assert_frame_equal(placed.drop(columns="sentence_id"), mentions)
    text = sentences.set_index("sentence_id")["text"]
    for row in placed.itertuples():
        assert row.mention in text[row.sentence_id]
    # "Scholz disambut ..." is the second sentence of paragraph 1
    second = placed[(placed["paragraph_id"] == 1) & (placed["mention"] == "Scholz")]
    assert second["sentence_id"].tolist() == [2]


def test_paragraph_columns_and_prose(mentions):
    columns = entity_counts.paragraph_entity_columns(mentions, PARAGRAPHS)
    assert columns["n_entity_mentions"].tolist() == [5, 4, 0]
    assert columns.loc[2, "entities"] == ""
    assert (
        columns.loc[0, "entities"].split("; ")[0] == "Olaf Scholz"
    )  # most named first
    table = entities.entities_table(mentions)
    text = str(entity_counts.describe_entities(table, n_paragraphs=3))
    assert "**Olaf Scholz** (person) leads with 3 mentions in 2 of 3 paragraphs" in text
    assert "1 person" in text and "places" in text
    empty = entities.entities_table(entities.entity_mentions(PARAGRAPHS.iloc[[2]]))
    assert "no person, place or organisation" in str(
        entity_counts.describe_entities(empty, n_paragraphs=1)
    )


def test_dispersion_prose_names_the_widest_and_the_single_paragraph_ones(mentions):
    text = str(
        entity_counts.describe_dispersion(
            mentions, entities=["Olaf Scholz", "Berlin"], n_paragraphs=3
        )
    )
    assert "*Olaf Scholz* spans the most of the article, from paragraph 1 to 2" in text
    assert "Named in one paragraph only: Berlin." in text


def test_bad_input_names_the_fix():
    with pytest.raises(OptionError, match="entity_mentions"):
        entity_counts.entity_presence(
            pd.DataFrame({"x": [1]}), PARAGRAPHS, entities=["A"]
        )
