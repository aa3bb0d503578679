"""helpers.concordance: keyword in context on tiny Indonesian texts."""

from __future__ import annotations

import pandas as pd
import pytest

from article_tables import tables
from helpers import OptionError, concordance, phrases


def test_kwic_word_phrase_and_stem():
    _, tokens = tables(
        "Rusia menandatangani pakta pertahanan dengan Korea Utara.",
        'Perjanjian itu, kata Putin, "pakta yang kuat".',
    )
    rows = concordance.kwic(tokens, "pakta", window=2)
    assert list(rows.columns) == [
        "paragraph_id",
        "sentence_id",
        "token_id",
        "left",
        "keyword",
        "right",
    ]
    assert rows["paragraph_id"].tolist() == [1, 2]
    assert rows.iloc[0][["left", "keyword", "right"]].tolist() == [
        "Rusia menandatangani",
        "pakta",
        "pertahanan dengan",
    ]
    assert (
        concordance.kwic(tokens, "pakta", window=3).iloc[1]["left"] == 'Putin, "'
    )  # window counts punctuation
    phrase = concordance.kwic(tokens, "Korea Utara", window=1)
    assert phrase.iloc[0][["left", "keyword", "right"]].tolist() == [
        "dengan",
        "Korea Utara",
        ".",
    ]
    by_stem = concordance.kwic(tokens, "janji", by="stem")
    assert by_stem["keyword"].tolist() == ["Perjanjian"]
    assert concordance.kwic(tokens, "Ukraina").empty
    with pytest.raises(OptionError):
        concordance.kwic(tokens, "...")


def test_detokenize():
    assert (
        concordance.detokenize(
            ["Kata", "dia", ",", '"', "damai", "dan", "aman", '"', "."]
        )
        == 'Kata dia, "damai dan aman".'
    )
    assert concordance.detokenize(["Rabu", "(", "19/6", ")", "."]) == "Rabu (19/6)."


def test_kwic_finds_a_merged_name_by_its_term_and_phrases_across_it():
    from helpers import entities, multiwords

    text = (
        "Warga Jawa Barat menanam padi. Petani Jawa Barat panen.",
        "Menurut Dedi Mulyadi, Jawa Barat siap.",
    )
    table = pd.DataFrame({"paragraph_id": [1, 2], "text": list(text)})
    _, tokens = tables(*text)
    merged = multiwords.merge_multiwords(
        tokens,
        expressions=multiwords.entity_expressions(entities.entity_mentions(table)),
    )
    rows = concordance.kwic(merged, "Jawa Barat")
    assert rows["keyword"].tolist() == ["Jawa Barat"] * 3
    assert concordance.kwic(merged, "petani jawa barat")["keyword"].tolist() == [
        "Petani Jawa Barat"
    ]
    assert concordance.kwic(merged, "jawa").empty  # the word alone is part of the name
    text = str(phrases.describe_kwic(rows, "jawa barat"))
    assert text.startswith("*jawa barat* occurs 3 times in 2 paragraphs;")


def test_kwic_by_stem_finds_every_form_the_word_table_counts():
    _, tokens = tables("Negara-negara itu dan negara kita bernegara.")
    rows = concordance.kwic(tokens, "negara", by="stem")
    assert rows["keyword"].tolist() == ["Negara-negara", "negara", "bernegara"]
