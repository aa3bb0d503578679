"""helpers.sentiment scoring rules worked by hand: sentence weights and the weighted bootstrap.

No model is needed: ``paragraph_sentiment`` takes sentence probabilities and weights,
so the tables below are written out and every expected number is computed here.
"""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest

from helpers import sentiment


def test_sentence_weight_is_the_number_of_word_tokens_and_at_least_one():
    texts = ["Harga naik.", "", "Kerja sama RI-Rusia 2024!", "…"]
    # "Harga", "naik" = 2; "" = 0 words, floored at 1; Kerja, sama, RI, Rusia, 2024 = 5; "…" = 1 (floor).
    assert sentiment.sentence_weights(texts).tolist() == [2.0, 1.0, 5.0, 1.0]


def _scored(rows) -> pd.DataFrame:
    """A scored-sentences table: (paragraph_id, sentence_id, n_words, p_neg, p_neu, p_pos)."""
    return pd.DataFrame(
        rows,
        columns=[
            "paragraph_id",
            "sentence_id",
            "n_words",
            *sentiment.PROBABILITY_COLUMNS,
        ],
    )


def test_paragraph_probabilities_are_the_word_weighted_mean():
    scored = _scored([(1, 1, 1, 0.8, 0.1, 0.1), (1, 2, 3, 0.1, 0.1, 0.8)])
    row = sentiment.paragraph_sentiment(scored, n_bootstrap=200).iloc[0]
    # (1 * [.8, .1, .1] + 3 * [.1, .1, .8]) / 4 = [.275, .1, .625]
    assert row[sentiment.PROBABILITY_COLUMNS].tolist() == pytest.approx(
        [0.275, 0.1, 0.625]
    )
    assert row["sentiment"] == "positive"
    assert row["sentiment_score"] == pytest.approx(0.625 - 0.275)
    assert row["confidence"] == pytest.approx(0.625)


def test_bootstrap_resamples_are_word_weighted_too():
    """Two sentences, resampled with replacement: {1,1}, {2,2} and the mixed pair.

    Weighted by words (1 and 3), the mixed pair averages to [.275, .1, .625]: positive,
    like {2,2}; only {1,1} (probability 1/4) is negative, so the label agreement is 3/4.
    Unweighted, the mixed pair would be [.45, .1, .45], a tie read as negative, and
    the agreement would drop to 1/4.
    """
    scored = _scored([(1, 1, 1, 0.8, 0.1, 0.1), (1, 2, 3, 0.1, 0.1, 0.8)])
    n = 4000
    row = sentiment.paragraph_sentiment(scored, n_bootstrap=n).iloc[0]
    tolerance = 4 * np.sqrt(0.75 * 0.25 / n)  # four binomial standard errors
    assert abs(row["label_agreement"] - 0.75) < tolerance
    # The interval spans the two pure resamples: {1,1} scores -0.7, {2,2} scores +0.7.
    assert row["score_low"] == pytest.approx(-0.7) and row[
        "score_high"
    ] == pytest.approx(0.7)


def test_a_heavier_sentence_pulls_the_resampled_scores_its_way():
    """Three sentences; the negative one (score -0.85) has 10 words, the two positives
    (+0.85) 1 word each. A resample of three holds the negative sentence with
    probability 1 - (2/3)^3 = 19/27 = 0.70.

    Weighted, any resample holding it is negative (one copy: (-8.5 + 1.7) / 12 = -0.57),
    so the 45th-55th percentiles of resample scores are negative. Unweighted, one copy
    among three gives +0.28, and only 7/27 = 0.26 of resamples are negative: the same
    percentiles would be positive.
    """
    scored = _scored(
        [
            (1, 1, 10, 0.9, 0.05, 0.05),
            (1, 2, 1, 0.05, 0.05, 0.9),
            (1, 3, 1, 0.05, 0.05, 0.9),
        ]
    )
    row = sentiment.paragraph_sentiment(scored, n_bootstrap=2000, level=0.1).iloc[0]
    assert row["p_negative"] == pytest.approx(
        (10 * 0.9 + 2 * 0.05) / 12
    )  # the weighted mean
    assert row["sentiment"] == "negative"
    assert row["score_low"] <= row["score_high"] < 0
    assert row["label_agreement"] == pytest.approx(
        19 / 27, abs=4 * np.sqrt(0.7 * 0.3 / 2000)
    )


def test_one_sentence_has_no_interval_and_fewer_than_three_are_flagged():
    scored = _scored([(4, 1, 5, 0.1, 0.2, 0.7)])
    row = sentiment.paragraph_sentiment(scored).iloc[0]
    assert np.isnan(row["score_low"]) and np.isnan(row["label_agreement"])
    assert row["low_confidence_reason"] == "fewer than 3 sentences"


def test_paragraph_table_has_fixed_columns_sorted_rows_and_is_seeded():
    scored = _scored(
        [
            (2, 3, 2, 0.2, 0.6, 0.2),
            (1, 2, 3, 0.1, 0.1, 0.8),
            (1, 1, 1, 0.8, 0.1, 0.1),
            (2, 4, 2, 0.2, 0.2, 0.6),
        ]
    )
    first = sentiment.paragraph_sentiment(scored, n_bootstrap=300)
    assert first.columns.tolist() == [
        "paragraph_id",
        "n_sentences",
        "sentiment",
        "p_negative",
        "p_neutral",
        "p_positive",
        "sentiment_score",
        "confidence",
        "score_low",
        "score_high",
        "label_agreement",
        "low_confidence",
        "low_confidence_reason",
    ]
    assert first["paragraph_id"].tolist() == [1, 2] and first[
        "n_sentences"
    ].tolist() == [2, 2]
    assert first["low_confidence"].tolist() == [
        True,
        True,
    ]  # two sentences each: too few to vouch
    pd.testing.assert_frame_equal(
        first, sentiment.paragraph_sentiment(scored, n_bootstrap=300)
    )
    other_seed = sentiment.paragraph_sentiment(scored, n_bootstrap=300, seed=1)
    assert not first["label_agreement"].equals(other_seed["label_agreement"])
    assert (
        sentiment.paragraph_sentiment(scored.iloc[:0]).columns.tolist()
        == first.columns.tolist()
    )


def test_low_confidence_reason_at_its_thresholds():
    p, n, a = (
        sentiment.LOW_CONFIDENCE_P,
        sentiment.MIN_SENTENCES_FOR_AGREEMENT,
        sentiment.LOW_CONFIDENCE_AGREEMENT,
    )
    reason = sentiment.low_confidence_reason
    assert reason(p, n, a) == ""  # exactly at every threshold: confident
    assert reason(p - 0.01, n, a) == f"top probability below {p}"
    assert reason(0.99, n - 1, float("nan")) == f"fewer than {n} sentences"
    assert reason(0.99, n, a - 0.01) == "sentences disagree"
    assert (
        reason(p - 0.01, n + 1, a - 0.01)
        == f"top probability below {p}; sentences disagree"
    )
    assert (
        reason(p - 0.01, n - 1, 0.0)
        == f"top probability below {p}; fewer than {n} sentences"
    )


def test_bootstrap_interval_is_the_central_percentile_interval():
    draws = np.arange(101, dtype=float)  # 0..100: the q-th percentile is q
    scoring = importlib.import_module("helpers.sentiment.scoring")
    assert scoring.bootstrap_interval(draws, 0.9) == pytest.approx((5.0, 95.0))
    assert scoring.bootstrap_interval(draws, 0.5) == pytest.approx((25.0, 75.0))
