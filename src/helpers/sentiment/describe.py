"""Sentences for notebook 03's prose that stay true on any article.

Templated prose goes wrong at the edges: "the most positive paragraph" when no paragraph
is positive, "the first half" of a one-paragraph article, a median interval width when
no paragraph has an interval. These functions pick the wording from the numbers. They
return plain text (no Markdown); paragraph numbers and scores are the only values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Below this many paragraphs, halves of the article are not compared.
MIN_PARAGRAPHS_FOR_HALVES = 4


def _score(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


def count_noun(n: int, noun: str) -> str:
    """``"1 paragraph"``, ``"3 paragraphs"`` (regular English plural).

    >>> count_noun(1, "paragraph"), count_noun(0, "sentence")
    ('1 paragraph', '0 sentences')
    """
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _extreme(row, *, highest: bool) -> str:
    """"most positive" only for a paragraph labelled positive; "least negative" when its
    score is below 0; otherwise "highest-scoring" (and symmetrically for the lowest)."""
    score, tone = row["sentiment_score"], row["sentiment"]
    if highest:
        word = "most positive" if tone == "positive" else "least negative" if score < 0 else "highest-scoring"
    else:
        word = "most negative" if tone == "negative" else "least positive" if score > 0 else "lowest-scoring"
    return f"the {word} paragraph is {int(row['paragraph_id'])} (score {_score(score)}, labelled {row['sentiment']})"


def describe_extremes(paragraphs: pd.DataFrame) -> str:
    """One or two sentences naming the lowest- and highest-scoring paragraphs, worded truthfully.

    How to read it: "most positive" is used only for a paragraph labelled positive;
    when the highest score is below 0 it is "least negative", otherwise
    "highest-scoring" (and symmetrically for the lowest). One paragraph, equal scores
    and a single label throughout get their own wording.

    Args:
        paragraphs: ``paragraph_id``, ``sentiment``, ``sentiment_score`` (e.g. from
            :func:`helpers.sentiment.paragraph_sentiment`).

    Returns:
        Plain text.

    >>> table = pd.DataFrame({"paragraph_id": [1, 2], "sentiment": ["neutral", "negative"],
    ...                       "sentiment_score": [-0.02, -0.4]})
    >>> describe_extremes(table)
    'The most negative paragraph is 2 (score −0.40, labelled negative); the least negative paragraph is 1 (score −0.02, labelled neutral).'
    """
    if paragraphs.empty:
        return "There are no paragraphs to compare."
    if len(paragraphs) == 1:
        row = paragraphs.iloc[0]
        return (f"The article has one paragraph (score {_score(row['sentiment_score'])}, labelled "
                f"{row['sentiment']}), so there are no extremes to compare.")
    ordered = paragraphs.sort_values(["sentiment_score", "paragraph_id"], kind="stable")
    low, high = ordered.iloc[0], ordered.iloc[-1]
    if np.isclose(low["sentiment_score"], high["sentiment_score"]):
        return f"All {len(paragraphs)} paragraphs score the same ({_score(low['sentiment_score'])})."
    text = f"{_extreme(low, highest=False)}; {_extreme(high, highest=True)}."
    text = text[0].upper() + text[1:]
    labels = set(paragraphs["sentiment"])
    if len(labels) == 1:
        text += (f" Every paragraph is labelled {labels.pop()}, so these are differences of degree within one "
                 "label, not a change of tone.")
    return text


def describe_halves(paragraphs: pd.DataFrame) -> str:
    """The mean score of the first and second half of the article, or why it is not given.

    Returns plain text: below ``MIN_PARAGRAPHS_FOR_HALVES`` paragraphs the
    halves are too small to compare and the text says so.

    >>> table = pd.DataFrame({"paragraph_id": [1, 2], "sentiment_score": [0.1, -0.1]})
    >>> describe_halves(table)
    'With 2 paragraphs the article is too short to compare its first and second half.'
    """
    n = len(paragraphs)
    if n < MIN_PARAGRAPHS_FOR_HALVES:
        return f"With {n} paragraph{'s' if n != 1 else ''} the article is too short to compare its first and second half."
    ordered = paragraphs.sort_values("paragraph_id", kind="stable")
    half = n // 2
    first, second = ordered.iloc[:half], ordered.iloc[half:]

    def span(part):
        return f"paragraphs {int(part['paragraph_id'].iloc[0])}–{int(part['paragraph_id'].iloc[-1])}"

    return (f"Mean score in the first half ({span(first)}): {_score(first['sentiment_score'].mean())}; "
            f"in the second half ({span(second)}): {_score(second['sentiment_score'].mean())}.")


def describe_intervals(paragraphs: pd.DataFrame) -> str:
    """The median width of the sentence-bootstrap intervals, over the paragraphs that have one.

    Args:
        paragraphs: ``score_low``, ``score_high`` (NaN for one-sentence paragraphs).

    >>> describe_intervals(pd.DataFrame({"score_low": [np.nan], "score_high": [np.nan]}))
    'No paragraph has more than one sentence, so there is no sentence-bootstrap interval to report.'
    """
    widths = (paragraphs["score_high"] - paragraphs["score_low"]).dropna()
    if widths.empty:
        return "No paragraph has more than one sentence, so there is no sentence-bootstrap interval to report."
    missing = len(paragraphs) - len(widths)
    note = f" ({missing} one-sentence paragraph{'s have' if missing != 1 else ' has'} none)" if missing else ""
    return (f"The median sentence-bootstrap interval is {widths.median():.2f} wide on a scale of 2, over the "
            f"{len(widths)} paragraph{'s' if len(widths) != 1 else ''} with two or more sentences{note}; it shows "
            "how much the sentences of a paragraph disagree, not how wrong the model may be.")


#: A mean score within ±this is described as "close to neutral".
NEUTRAL_BAND = 0.1


def describe_tone(mean_score: float) -> str:
    """``negative`` / ``close to neutral`` / ``positive`` for a mean score (cut at ±``NEUTRAL_BAND``).

    >>> [describe_tone(v) for v in (-0.3, -0.002, 0.12)]
    ['negative', 'close to neutral', 'positive']
    """
    return "negative" if mean_score < -NEUTRAL_BAND else "positive" if mean_score > NEUTRAL_BAND else "close to neutral"
