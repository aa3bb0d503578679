"""Prose of notebook 05 (helpers.corpus_compare): tone ranges and the takeaways."""

from __future__ import annotations

import pandas as pd

from helpers import corpus_compare as compare


def _tone(rows):
    return pd.DataFrame(rows, columns=["source", "mean", "low", "high"])


def test_tone_range_with_separated_and_overlapping_intervals():
    separated = _tone([("a_b", -0.4, -0.5, -0.3), ("c", 0.2, 0.1, 0.3)])
    assert compare.describe_tone_range(separated, "source", "outlet") == (
        "The most negative outlet is a_b (mean -0.40, interval -0.50 to -0.30); the "
        "most positive is c (+0.20, +0.10 to +0.30). Their intervals do not overlap: "
        "the difference is more than resampling noise."
    )
    overlapping = _tone([("a", -0.1, -0.3, 0.2), ("c", 0.0, -0.2, 0.3)])
    assert compare.describe_tone_range(overlapping, "source", "outlet").endswith(
        "overlap: this corpus cannot tell them apart."
    )
    assert compare.describe_tone_range(
        separated.head(1), "source", "outlet", min_articles=7
    ) == ("Fewer than two outlets with 7 or more articles: no comparison.")


def test_takeaways_escape_values_and_skip_empty_sections():
    articles = pd.DataFrame(
        {"source": ["x_y", "x_y", ""], "mean_sentiment": [0.5, -0.5, 0.3]}
    )
    paragraphs = pd.DataFrame(
        {"sentiment": ["neutral", "positive", "neutral", "neutral"]}
    )
    empty = pd.DataFrame()
    text = compare.corpus_takeaways(
        articles,
        paragraphs,
        pd.DataFrame({"file": ["bad.txt"]}),
        structure=empty,
        summary=empty,
        outlet_tone=empty,
        entities=pd.DataFrame({"entity": ["Kim*"], "n_articles": [2]}),
        copies={"pairs": 1, "cross_outlet_pairs": 0},
    )
    assert text.split("\n") == [
        "- 3 articles from 1 outlets were analysed; 1 files were refused, each with its "
        "reason in `errors.csv`.",
        "- Overall, the mean article tone is +0.10 on a scale of -1 to 1; 75% of "
        "paragraphs read neutral to the model.",
        "- The most-named entity is Kim\\* (2 articles).",
        "- 1 near-duplicate pairs (0 across outlets).",
    ]
