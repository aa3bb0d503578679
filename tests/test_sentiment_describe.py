"""helpers.sentiment.describe: notebook 03's sentences, true on any article."""

from __future__ import annotations

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
