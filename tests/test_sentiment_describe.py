"""helpers.sentiment.describe: notebook 03's sentences, true on any article."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import sentiment


def _plain(text) -> str:
    """The sentence without its Markdown emphasis (the wording is what is tested)."""
    return str(text).replace("*", "")


def _paragraphs(labels, n_sentences, low=None):
    return pd.DataFrame(
        {
            "sentiment": labels,
            "n_sentences": n_sentences,
            "low_confidence": low if low is not None else [True] * len(labels),
        }
    )


def test_settings_quote_the_package_constants():
    text = _plain(sentiment.describe_settings(17, 1))
    assert text.startswith("Article: 17 paragraphs, 1 sentence. Aggregation rule:")
    assert f"contrast nucleus weight {sentiment.CONTRAST_WEIGHT};" in text
    assert f"below {sentiment.LOW_CONFIDENCE_P}," in text
    assert f"fewer than {sentiment.LOW_CONFIDENCE_AGREEMENT:.0%} of sentence" in text


def test_labels_are_counted_and_short_paragraphs_explain_the_flag():
    # 2 of 3 paragraphs have fewer than 3 sentences: most are that short
    table = _paragraphs(
        ["negative", "negative", "positive"], [1, 2, 5], [True, True, False]
    )
    assert _plain(sentiment.describe_labels(table)) == (
        "Labels: 2 negative, 0 neutral, 1 positive; flagged low-confidence: 2 of 3 "
        "paragraphs; 2 of these have fewer than 3 sentences, which alone is enough for "
        "the flag. When most paragraphs are that short, the flag mostly says do not "
        "quote this label on its own."
    )
    # exactly half short is not "most"
    half = _paragraphs(["neutral", "neutral"], [1, 3], [True, False])
    text = _plain(sentiment.describe_labels(half))
    assert "1 of these" in text and "When most paragraphs" not in text


def test_drivers_and_limits():
    assert sentiment.describe_drivers(["perang", "tewas"], ["membantu"]).startswith(
        "the model words pushing hardest toward negative are perang, tewas; toward "
        "positive membantu."
    )
    assert "are none; toward positive none." in sentiment.describe_drivers([], [])
    assert sentiment.describe_limits(1).startswith("1 paragraph; a model trained")
    assert sentiment.describe_limits(17).endswith(
        "a paragraph label that rests on fewer than 3 sentences says so."
    )


def _extremes_table(scores, labels=None):
    return pd.DataFrame(
        {
            "paragraph_id": range(1, len(scores) + 1),
            "sentiment_score": scores,
            "sentiment": labels or ["neutral"] * len(scores),
            "score_low": [s - 0.1 for s in scores],
            "score_high": [s + 0.1 for s in scores],
        }
    )


def test_extremes_say_least_negative_when_nothing_is_positive():
    text = sentiment.describe_extremes(
        _extremes_table([-0.02, -0.5, -0.3], ["neutral", "negative", "negative"])
    )
    assert (
        "least negative paragraph is 1" in text
        and "most negative paragraph is 2" in text
    )
    assert "most positive" not in text
    text = sentiment.describe_extremes(
        _extremes_table([0.02, 0.5], ["neutral", "positive"])
    )
    assert (
        "least positive paragraph is 1" in text
        and "most positive paragraph is 2" in text
    )
    assert "most negative" not in text
    # A neutral-labelled paragraph is never called "most" anything.
    text = sentiment.describe_extremes(_extremes_table([-0.2, 0.1]))
    assert (
        "lowest-scoring paragraph is 1" in text
        and "highest-scoring paragraph is 2" in text
    )


def test_prose_is_true_on_one_two_eight_and_all_neutral_paragraphs():
    one = _extremes_table([0.3], ["positive"])
    assert "one paragraph" in sentiment.describe_extremes(one)
    assert "too short" in sentiment.describe_halves(
        one
    ) and "1 paragraph " in sentiment.describe_halves(one)
    assert "too short" in sentiment.describe_halves(_extremes_table([0.1, -0.1]))
    eight = _extremes_table([0.1 * i - 0.4 for i in range(8)])
    assert "paragraphs 1–4" in sentiment.describe_halves(
        eight
    ) and "paragraphs 5–8" in sentiment.describe_halves(eight)
    assert "Every paragraph is labelled neutral" in sentiment.describe_extremes(eight)
    assert "same" in sentiment.describe_extremes(_extremes_table([0.0, 0.0]))
    no_interval = _extremes_table([0.1, 0.2]).assign(
        score_low=np.nan, score_high=np.nan
    )
    assert "No paragraph has more than one sentence" in sentiment.describe_intervals(
        no_interval
    )
    partly = _extremes_table([0.1, 0.2]).assign(
        score_low=[np.nan, 0.0], score_high=[np.nan, 0.4]
    )
    assert "0.40 wide" in sentiment.describe_intervals(
        partly
    ) and "1 one-sentence paragraph has none" in sentiment.describe_intervals(partly)
