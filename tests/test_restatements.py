"""Restatements (issue 10, item 7): shared identical phrasing, worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers import OptionError
from helpers import restatements as rs
from helpers.errors import HelpersError


def tokens_of(*paragraphs: str) -> pd.DataFrame:
    text = "Judul berita\n\n" + "\n\n".join(paragraphs) + "\n"
    table = helpers.paragraphs_table(helpers.parse_article(text))
    return helpers.tokens_table(helpers.sentences_table(table))


def test_a_run_of_shared_words_is_found_with_its_words_counted():
    # "harga beras naik tajam" (4 words) is in both; "di pasar" is only two words.
    tokens = tokens_of(
        "Harga beras naik tajam di pasar Senin. Pedagang mengeluh.",
        "Pembeli kaget karena harga beras naik tajam sejak Senin di pasar.",
    )
    table = rs.restatements(tokens)
    assert table.to_dict("records") == [
        {
            "paragraph_a": 1,
            "paragraph_b": 2,
            "shared_words": 4,
            "shared_phrases": "Harga beras naik tajam",
            "restatement": True,
        }
    ]
    assert rs.restatements(tokens, min_shared=5)["restatement"].tolist() == [False]


def test_a_run_made_of_names_and_function_words_is_not_evidence():
    # "antara Rusia dan Korea Utara" is shared (5 words), but every word is a name
    # (capitalised inside a sentence) or a stop word: overlap of subject, not wording.
    tokens = tokens_of(
        "Kerja sama antara Rusia dan Korea Utara makin erat.",
        "Pengamat menilai hubungan antara Rusia dan Korea Utara berbahaya.",
    )
    assert rs.restatements(tokens).empty


def test_punctuation_breaks_a_run():
    # The comma splits "harga beras, naik tajam": no three-word run is shared.
    tokens = tokens_of(
        "Soal harga beras, naik tajam katanya.",
        "Pedagang bilang harga beras naik tajam.",
    )
    assert rs.restatements(tokens).empty


def test_two_runs_are_listed_in_order_and_summed():
    tokens = tokens_of(
        "Harga beras naik tajam pekan ini. Pemerintah menyiapkan operasi pasar murah.",
        "Pemerintah menyiapkan operasi pasar murah karena harga beras naik tajam.",
    )
    row = rs.restatements(tokens).iloc[0]
    assert (
        row["shared_phrases"]
        == "Harga beras naik tajam; Pemerintah menyiapkan operasi pasar murah"
    )
    assert row["shared_words"] == 4 + 5


def test_on_the_seed_paragraphs_8_and_15_restate_and_the_lead_with_its_quote_does_not(
    seed_path,
):
    article = helpers.load_article(seed_path)
    tokens = helpers.tokens_table(
        helpers.sentences_table(helpers.paragraphs_table(article))
    )
    table = rs.restatements(tokens, n_pairs=None)
    top = table.iloc[0]
    assert (top["paragraph_a"], top["paragraph_b"], top["restatement"]) == (8, 15, True)
    assert "bukan hanya menjadi isu" in top["shared_phrases"]
    assert "geopolitik global" in top["shared_phrases"]
    lead_and_quote = table[(table["paragraph_a"] == 1) & (table["paragraph_b"] == 2)]
    assert not lead_and_quote["restatement"].any()
    # the "keseimbangan kekuatan" paragraphs 9 and 14 are flagged too
    assert table.loc[
        (table["paragraph_a"] == 9) & (table["paragraph_b"] == 14), "restatement"
    ].tolist() == [True]


def test_a_phrase_in_too_many_paragraphs_is_formula_not_restatement(monkeypatch):
    paragraphs = [
        f"Laporan nomor {i} selesai. Baca berita lengkap di sini." for i in range(4)
    ]
    assert (
        len(rs.restatements(tokens_of(*paragraphs), n_pairs=None)) == 6
    )  # every pair of 4
    monkeypatch.setattr(rs, "MAX_PARAGRAPHS_PER_PHRASE", 3)
    assert rs.restatements(tokens_of(*paragraphs), n_pairs=None).empty


def test_fixed_columns_input_untouched_and_clear_errors():
    tokens = tokens_of("Satu paragraf saja di sini.")
    before = tokens.copy()
    table = rs.restatements(tokens)
    assert table.columns.tolist() == rs.COLUMNS and table.empty
    pd.testing.assert_frame_equal(tokens, before)
    with pytest.raises(OptionError, match="min_words"):
        rs.restatements(tokens, min_words=0)
    with pytest.raises(HelpersError, match="lower"):
        rs.restatements(tokens.drop(columns="lower"))


def test_the_description_quotes_the_strongest_pair_or_says_there_is_none():
    tokens = tokens_of(
        "Harga beras naik tajam di pasar Senin.",
        "Pembeli kaget karena harga beras naik tajam sejak Senin.",
    )
    table = rs.restatements(tokens)
    assert str(rs.describe_restatements(table)) == (
        "**1 pair** of paragraphs shares at least 4 words of identical phrasing. The strongest: "
        "paragraphs **1** and **2** share 4 words: *Harga beras naik tajam*."
    )
    assert (
        str(rs.describe_restatements(table, min_shared=4).__class__.__name__) == "Prose"
    )
    none = rs.restatements(tokens, min_shared=9)
    assert str(rs.describe_restatements(none, min_shared=9)).startswith(
        "**No paragraph restates another:** no two paragraphs share 9 or more words"
    )
    closest = pd.DataFrame(
        {
            "document_a": [2],
            "document_b": [1],
            "similarity": [0.4567],
            "shared_terms": ["x"],
        }
    )
    assert str(rs.describe_restatements(table, closest=closest)).endswith(
        "The pair with the most similar vocabulary, paragraphs 1 and 2 (cosine 0.46), is one of them."
    )
    assert "shares no such wording" in str(
        rs.describe_restatements(none, min_shared=9, closest=closest)
    )


def test_the_takeaway_names_the_strongest_pair_or_says_there_is_none():
    tokens = tokens_of(
        "Harga beras naik tajam di pasar Senin.",
        "Pembeli kaget karena harga beras naik tajam sejak Senin.",
    )
    table = rs.restatements(tokens)
    assert str(rs.describe_takeaway(table)) == (
        "* Restatements: 1 pair of paragraphs shares 4 or more words of identical phrasing; the strongest, "
        "paragraphs **1** and **2**, share *Harga beras naik tajam*."
    )
    assert str(
        rs.describe_takeaway(rs.restatements(tokens, min_shared=9), min_shared=9)
    ) == (
        "* No paragraph restates another (no pair shares 9 or more words of identical phrasing)."
    )
