"""helpers.sentiment.reading: the model's labels against the analyst's reading."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import sentiment


def _plain(text) -> str:
    """The sentence without its Markdown emphasis (the wording is what is tested)."""
    return str(text).replace("*", "")


def _scored():
    return pd.DataFrame(
        {
            "paragraph_id": [1, 2, 3, 4],
            "sentiment": ["negative", "negative", "neutral", "neutral"],
            "confidence": [0.9, 0.4, 0.6, 0.8],
            "low_confidence": [False, True, False, False],
        }
    )


def _reading():
    return pd.DataFrame(
        {
            "paragraph_id": [1, 2, 3, 4],
            "reading": ["negative", "neutral", "positive", "neutral"],
            "mixed": [False, False, True, False],
            "reason": ["korban tewas", "laporan biasa", "bantuan tiba", "jadwal"],
        }
    )


def _evidence():
    return pd.DataFrame(
        {
            "paragraph_id": [1, 2, 3, 4],
            "toward_negative": ["tewas (+0.90)", "perang (+0.40)", "", ""],
            "toward_neutral": ["", "", "rapat (+0.20)", "jadwal (+0.30)"],
            "toward_positive": ["", "", "membantu (+0.10)", ""],
        }
    )


def test_no_reading_gives_an_empty_table():
    empty = sentiment.compare_with_reading(_scored(), pd.DataFrame(), _evidence())
    assert empty.empty


def test_the_driver_is_the_evidence_toward_the_label_the_model_chose():
    table = sentiment.compare_with_reading(_scored(), _reading(), _evidence())
    assert table["agrees"].tolist() == [True, False, False, True]
    assert table["model_driver"].tolist() == [
        "tewas (+0.90)",
        "perang (+0.40)",
        "rapat (+0.20)",
        "jadwal (+0.30)",
    ]
    assert "toward_neutral" not in table.columns  # only used to pick the driver


def test_agreement_counted_by_hand():
    agreement = sentiment.reading_agreement(
        sentiment.compare_with_reading(_scored(), _reading(), _evidence())
    )
    assert (agreement.n, agreement.n_agree, agreement.n_all_neutral) == (4, 2, 2)
    assert agreement.disagreeing == (2, 3)
    # paragraph 2 (model negative, reader neutral) is flagged, paragraph 3 is not
    assert agreement.flagged_share == 0.5 and agreement.n_flagged == 1
    assert (agreement.model_neutral, agreement.reader_neutral, agreement.opposite) == (
        1,
        1,
        0,
    )
    # observed 2/4; chance (1*2 + 2*2 + 1*0) / 16 = 0.375; kappa 0.125 / 0.625
    assert agreement.kappa == pytest.approx(0.2)


def test_full_agreement_has_no_disagreements_to_flag():
    scored = _scored().assign(sentiment=_reading()["reading"])
    agreement = sentiment.reading_agreement(
        sentiment.compare_with_reading(scored, _reading(), _evidence())
    )
    assert agreement.n_agree == agreement.n == 4 and agreement.disagreeing == ()
    assert math.isnan(agreement.flagged_share)
    text = sentiment.describe_reading_agreement(agreement)
    assert "Of the **0** disagreements, **0%** were already flagged" in text
    assert "Disagreeing paragraphs: none." in text and "is **+2** paragraphs" in text


def test_prose_quotes_the_agreement_numbers():
    agreement = sentiment.reading_agreement(
        sentiment.compare_with_reading(_scored(), _reading(), _evidence())
    )
    text = _plain(sentiment.describe_reading_agreement(agreement))
    assert text.startswith("Model and reading agree on 2 of 4 paragraphs;")
    assert "one paragraph is 25% of the total" in text
    assert "Cohen's kappa is 0.20." in text and "Disagreeing paragraphs: 2, 3." in text
    assert sentiment.describe_reading_takeaway(agreement) == (
        "(seed only, not a validation): 2 of 4 paragraphs agree (all-neutral baseline: "
        "2; Cohen's kappa 0.20); use the low-confidence flag and the word evidence of "
        "section 7 before quoting any single paragraph's label."
    )
