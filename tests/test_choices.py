"""helpers.choices: article-specific settings default to values computed from the article."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers import choices, entities, multiwords, phrases, stats
from helpers.errors import OptionError

TEXT = [
    "Gubernur Ridwan Kamil meresmikan jembatan baru di Kabupaten Bogor. Jembatan itu panjang.",
    "Menurut Ridwan, jembatan itu mempercepat perjalanan warga. Warga Bogor senang.",
    "Ridwan Kamil berjanji jembatan kedua selesai tahun depan.",
]


@pytest.fixture(scope="module")
def article():
    paragraphs = pd.DataFrame({"paragraph_id": [1, 2, 3], "text": TEXT})
    tokens = helpers.tokens_table(helpers.sentences_table(paragraphs))
    mentions = entities.entity_mentions(paragraphs)
    merged = multiwords.merge_multiwords(
        tokens, expressions=multiwords.entity_expressions(mentions)
    )
    return {
        "entities": entities.entities_table(mentions),
        "vocabulary": stats.vocabulary_table(merged),
        "bigrams": phrases.content_ngrams(merged, n=2),
        "merged": merged,
    }


def test_entities_to_follow_default_is_the_most_mentioned(article):
    table = article["entities"]
    assert table["entity"].iloc[0] == "Ridwan Kamil"
    assert choices.entities_to_follow(table, [], n=1) == ["Ridwan Kamil"]
    assert (
        choices.entities_to_follow(table, None, n=2) == table["entity"].head(2).tolist()
    )


def test_requested_entities_match_names_or_aliases_and_unknown_ones_are_listed(article):
    table = article["entities"]
    # "ridwan" is an alias written in the text; case is ignored
    assert choices.entities_to_follow(table, ["ridwan", "Atlantis"]) == ["Ridwan Kamil"]
    assert choices.unknown_names(table, ["ridwan", "Atlantis"]) == ["Atlantis"]
    with pytest.raises(OptionError) as error:
        choices.entities_to_follow(table, [3])
    assert str(error.value) == (
        "Invalid value for follow_entities: [3]. Use a list of names (strings), or [] "
        "to let the notebook choose from the article."
    )


def test_kwic_defaults_come_from_the_article(article):
    terms = choices.kwic_terms(article["vocabulary"], article["entities"])
    # the top entity as its one term, then the top content word that is not a name
    assert terms == ["ridwan kamil", "jembatan"]
    assert choices.kwic_terms(
        article["vocabulary"], article["entities"], ["warga"]
    ) == ["warga"]
    rows = phrases.kwic(article["merged"], terms[0], by="stem")
    assert len(rows) == 3  # Ridwan Kamil, Ridwan, Ridwan Kamil: every form, one term
    assert choices.kwic_phrase(article["bigrams"]) is None  # no pair seen twice
    assert choices.kwic_phrase(article["bigrams"], "jembatan baru") == "jembatan baru"


def test_an_article_without_names_or_repeats_gets_empty_defaults():
    paragraphs = pd.DataFrame(
        {"paragraph_id": [1], "text": ["hujan turun sejak pagi."]}
    )
    tokens = helpers.tokens_table(helpers.sentences_table(paragraphs))
    table = entities.article_entities(paragraphs)
    assert choices.entities_to_follow(table) == []
    assert choices.kwic_terms(stats.vocabulary_table(tokens), table) == []
    assert choices.kwic_phrase(phrases.content_ngrams(tokens, n=2)) is None


def test_extra_aliases_from_a_csv(tmp_path):
    assert (
        choices.read_extra_aliases(None) is None
        and choices.read_extra_aliases("") is None
    )
    path = tmp_path / "aliases.csv"
    path.write_text("alias,entity\nSenayan,DPR\n", encoding="utf-8")
    table = choices.read_extra_aliases(str(path))
    assert table.to_dict("records") == [{"alias": "Senayan", "entity": "DPR"}]
    found = entities.article_entities(
        pd.DataFrame(
            {
                "paragraph_id": [1],
                "text": ["Anggota DPR rapat. Wartawan menunggu di Senayan."],
            }
        ),
        extra_aliases=table,
    )
    assert found.set_index("entity").loc["DPR", "mentions"] == 2 and len(found) == 1
    with pytest.raises(OptionError, match="no file"):
        choices.read_extra_aliases(str(tmp_path / "missing.csv"))
    (tmp_path / "bad.csv").write_text("name\nx\n", encoding="utf-8")
    with pytest.raises(OptionError, match="alias"):
        choices.read_extra_aliases(str(tmp_path / "bad.csv"))


def test_the_old_actor_table_reads_as_extra_aliases():
    table = choices.read_extra_aliases("src/helpers/data/actors.csv")
    assert list(table.columns) == ["alias", "entity"] and len(table) > 0
    assert table["alias"].str.strip().str.len().gt(0).all()
    found = entities.article_entities(
        pd.DataFrame(
            {"paragraph_id": [1], "text": ["Bantahan itu datang dari Kremlin."]}
        ),
        extra_aliases=table,
    )
    assert found["entity"].tolist() == ["Rusia"]
