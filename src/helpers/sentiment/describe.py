"""Sentences for notebook 03's prose that stay true on any article.

Templated prose goes wrong at the edges: "the most positive paragraph" when no paragraph
is positive, "the first half" of a one-paragraph article, a median interval width when
no paragraph has an interval. These functions pick the wording from the numbers. Each
returns a :class:`helpers.prose.Prose` (plain text as a ``str``, escaped Markdown from
``.markdown()``); paragraph numbers, scores and labels are its values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import LABELS
from ..prose import Prose, plural
from .rules import CONTRAST_WEIGHT, LEXICON_WEIGHT
from .scoring import (
    LOW_CONFIDENCE_AGREEMENT,
    LOW_CONFIDENCE_P,
    MIN_SENTENCES_FOR_AGREEMENT,
)

#: Below this many paragraphs, halves of the article are not compared.
MIN_PARAGRAPHS_FOR_HALVES = 4


def _score(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


def _extreme(row, *, highest: bool, capital: bool = False) -> Prose:
    """ "most positive" only for a paragraph labelled positive; "least negative" when its
    score is below 0; otherwise "highest-scoring" (and symmetrically for the lowest)."""
    score, tone = row["sentiment_score"], row["sentiment"]
    if highest:
        word = (
            "most positive"
            if tone == "positive"
            else "least negative"
            if score < 0
            else "highest-scoring"
        )
    else:
        word = (
            "most negative"
            if tone == "negative"
            else "least positive"
            if score > 0
            else "lowest-scoring"
        )
    the = "The" if capital else "the"
    return Prose(
        the
        + " "
        + word
        + " paragraph is {pid} (score {score}, labelled {label}{thin})",
        pid=int(row["paragraph_id"]),
        score=_score(score),
        label=row["sentiment"],
        thin=_thin(row),
    )


#: Below this many sentences a verdict is said to rest on few sentences.
MIN_SENTENCES_FOR_VERDICT = 3


def _thin(row) -> str:
    """``"; rests on 1 sentence"`` when the paragraph has fewer than
    ``MIN_SENTENCES_FOR_VERDICT`` sentences (and says how many), else ``""``."""
    n = row.get("n_sentences") if hasattr(row, "get") else None
    if n is None or pd.isna(n) or int(n) >= MIN_SENTENCES_FOR_VERDICT:
        return ""
    return f"; rests on {plural(int(n), 'sentence')}"


def describe_extremes(paragraphs: pd.DataFrame) -> Prose:
    """One or two sentences naming the lowest- and highest-scoring paragraphs, worded truthfully.

    How to read it: "most positive" is used only for a paragraph labelled positive;
    when the highest score is below 0 it is "least negative", otherwise
    "highest-scoring" (and symmetrically for the lowest). One paragraph, equal scores
    and a single label throughout get their own wording.

    Args:
        paragraphs: ``paragraph_id``, ``sentiment``, ``sentiment_score`` and optionally
            ``n_sentences`` (e.g. from :func:`helpers.sentiment.paragraph_sentiment`): a
            paragraph with fewer than 3 sentences is said to rest on that many.

    Returns:
        A :class:`~helpers.prose.Prose`.

    >>> table = pd.DataFrame({"paragraph_id": [1, 2], "sentiment": ["neutral", "negative"],
    ...                       "sentiment_score": [-0.02, -0.4]})
    >>> describe_extremes(table)
    'The most negative paragraph is 2 (score −0.40, labelled negative); the least negative paragraph is 1 (score −0.02, labelled neutral).'
    """
    if paragraphs.empty:
        return Prose("There are no paragraphs to compare.")
    if len(paragraphs) == 1:
        row = paragraphs.iloc[0]
        return Prose(
            "The article has one paragraph (score {score}, labelled {label}), so there are no extremes "
            "to compare.",
            score=_score(row["sentiment_score"]),
            label=row["sentiment"],
        )
    ordered = paragraphs.sort_values(["sentiment_score", "paragraph_id"], kind="stable")
    low, high = ordered.iloc[0], ordered.iloc[-1]
    if np.isclose(low["sentiment_score"], high["sentiment_score"]):
        return Prose(
            "All {n} paragraphs score the same ({score}).",
            n=len(paragraphs),
            score=_score(low["sentiment_score"]),
        )
    text = Prose(
        "{low}; {high}.",
        low=_extreme(low, highest=False, capital=True),
        high=_extreme(high, highest=True),
    )
    labels = set(paragraphs["sentiment"])
    if len(labels) == 1:
        text = Prose(
            "{text} Every paragraph is labelled {label}, so these are differences of degree within one "
            "label, not a change of tone.",
            text=text,
            label=labels.pop(),
        )
    return text


def describe_halves(paragraphs: pd.DataFrame) -> Prose:
    """The mean score of the first and second half of the article, or why it is not given.

    Returns a :class:`~helpers.prose.Prose`: below ``MIN_PARAGRAPHS_FOR_HALVES`` paragraphs the
    halves are too small to compare and the text says so.

    >>> table = pd.DataFrame({"paragraph_id": [1, 2], "sentiment_score": [0.1, -0.1]})
    >>> describe_halves(table)
    'With 2 paragraphs the article is too short to compare its first and second half.'
    """
    n = len(paragraphs)
    if n < MIN_PARAGRAPHS_FOR_HALVES:
        return Prose(
            "With {n} the article is too short to compare its first and second half.",
            n=plural(n, "paragraph"),
        )
    ordered = paragraphs.sort_values("paragraph_id", kind="stable")
    half = n // 2
    first, second = ordered.iloc[:half], ordered.iloc[half:]

    def span(part):
        return f"paragraphs {int(part['paragraph_id'].iloc[0])}–{int(part['paragraph_id'].iloc[-1])}"

    return Prose(
        "Mean score in the first half ({first_span}): {first}; in the second half ({second_span}): "
        "{second}.",
        first_span=span(first),
        first=_score(first["sentiment_score"].mean()),
        second_span=span(second),
        second=_score(second["sentiment_score"].mean()),
    )


def describe_intervals(paragraphs: pd.DataFrame) -> Prose:
    """The median width of the sentence-bootstrap intervals, over the paragraphs that have one.

    Args:
        paragraphs: ``score_low``, ``score_high`` (NaN for one-sentence paragraphs).

    >>> describe_intervals(pd.DataFrame({"score_low": [np.nan], "score_high": [np.nan]}))
    'No paragraph has more than one sentence, so there is no sentence-bootstrap interval to report.'
    """
    widths = (paragraphs["score_high"] - paragraphs["score_low"]).dropna()
    if widths.empty:
        return Prose(
            "No paragraph has more than one sentence, so there is no sentence-bootstrap interval to report."
        )
    missing = len(paragraphs) - len(widths)
    note = (
        Prose(
            " ({n} {verb} none)",
            n=plural(missing, "one-sentence paragraph"),
            verb=plural(missing, "has", "have", with_count=False),
        )
        if missing
        else ""
    )
    return Prose(
        "The median sentence-bootstrap interval is {width:.2f} wide on a scale of 2, over the {n} with "
        "two or more sentences{note}; it shows how much the sentences of a paragraph disagree, not how "
        "wrong the model may be.",
        width=widths.median(),
        n=plural(len(widths), "paragraph"),
        note=note,
    )


#: A mean score within ±this is described as "close to neutral".
NEUTRAL_BAND = 0.1


def describe_tone(mean_score: float) -> Prose:
    """``negative`` / ``close to neutral`` / ``positive`` for a mean score (cut at ±``NEUTRAL_BAND``).

    >>> [describe_tone(v) for v in (-0.3, -0.002, 0.12)]
    ['negative', 'close to neutral', 'positive']
    """
    return Prose(
        "negative"
        if mean_score < -NEUTRAL_BAND
        else "positive"
        if mean_score > NEUTRAL_BAND
        else "close to neutral"
    )


def describe_verdict_basis(n_sentences: int) -> Prose:
    """A caveat when an article-level verdict rests on fewer than ``MIN_SENTENCES_FOR_VERDICT``
    sentences, else an empty ``Prose``.

    >>> describe_verdict_basis(2)
    'This verdict rests on 2 sentences only: too few to call the tone of an article.'
    >>> describe_verdict_basis(12)
    ''
    """
    if n_sentences >= MIN_SENTENCES_FOR_VERDICT:
        return Prose("")
    return Prose(
        "This verdict rests on {n} only: too few to call the tone of an article.",
        n=plural(int(n_sentences), "sentence"),
    )


def describe_model_quality(scores: pd.DataFrame, *, short: bool = False) -> Prose:
    """One paragraph (or, with ``short``, one sentence) on how good the model is, from its stored benchmark.

    Args:
        scores: the ``sentiment_benchmark.csv`` rows (``dataset``, ``split``, ``model``,
            ``macro_f1``, ``n``), e.g. ``sentiment.stored_scores(model)``.

    >>> rows = pd.DataFrame({"dataset": ["smsa"] * 3, "split": ["test"] * 3, "n": [500] * 3,
    ...                      "model": ["deployed", "reviews-only", "all-neutral"], "macro_f1": [0.78, 0.78, 0.1]})
    >>> describe_model_quality(rows, short=True)
    'No news labels in this checkout, so there is no news score; SmSA test (reviews) macro-F1 0.780.'
    """
    f1 = scores.set_index(["dataset", "split", "model"])["macro_f1"]
    n = scores.set_index(["dataset", "split", "model"])["n"]
    smsa = f1.get(("smsa", "test", "deployed"))
    reviews = (
        Prose("SmSA test (reviews) macro-F1 {v:.3f}", v=float(smsa))
        if smsa is not None
        else Prose("no review score")
    )
    if ("news-id", "test", "deployed") not in f1.index:
        return Prose(
            "No news labels in this checkout, so there is no news score; {r}.",
            r=reviews,
        )
    news, only, neutral = (
        float(f1[("news-id", "test", m)])
        for m in ("deployed", "reviews-only", "all-neutral")
    )
    if short:
        return Prose(
            "news test macro-F1 {a:.2f} (reviews-only {b:.2f}, all-neutral {c:.2f}); {r}.",
            a=news,
            b=only,
            c=neutral,
            r=reviews,
        )
    return Prose(
        "On the project's annotated news test sentences (n = {n}, never used to choose anything), the "
        "model scores macro-F1 **{a:.2f}** (macro-F1 is the mean of the F1 scores of the three labels; 1 "
        "is perfect). The same pipeline trained on reviews only scores {b:.2f}, and labelling every "
        "sentence neutral {c:.2f}. On {r}.",
        n=int(n[("news-id", "test", "deployed")]),
        a=news,
        b=only,
        c=neutral,
        r=reviews,
    )


#: How each training set is named in prose.
_TRAINING_NAMES = {
    "smsa": "SmSA reviews",
    "nusax": "NusaX reviews",
    "news-id": "the project's annotated news sentences",
    "cnbc": "CNBC Indonesia headlines",
}


def describe_training_data(model) -> Prose:
    """One sentence on what the model was trained on, with the CNBC fair-use note when it applies.

    Args:
        model: a fitted :class:`~helpers.sentiment.model.SentimentModel`.
    """
    used = model.training.get("train_by_dataset", {})
    parts = ", ".join(
        f"{_TRAINING_NAMES.get(name, name)} ({count:,})"
        for name, count in sorted(used.items())
    )
    text = Prose("It was trained on {parts}, with named entities masked.", parts=parts)
    if used.get("cnbc"):
        text = Prose(
            "{t} The CNBC headlines are CNBC Indonesia's copyright; their dataset's repository is "
            "MIT-licensed and its authors claim research fair use.",
            t=text,
        )
    return text


def describe_settings(n_paragraphs: int, n_sentences: int) -> Prose:
    """The article's size and the scoring rules (aggregation, weights, when a paragraph
    is low-confidence), with the constants this package uses.

    >>> str(describe_settings(1, 2))[:40]
    'Article: **1 paragraph**, **2 sentences*'
    """
    return Prose(
        "Article: **{p}**, **{s}**. Aggregation rule: word-weighted mean of sentence "
        "probabilities; contrast nucleus weight **{c}**; news-lexicon weight **{l}** "
        "log-odds per term. A paragraph is low-confidence when its top probability is "
        "below **{lp}**, when it has fewer than **{ms}** sentences (too few for "
        "agreement between sentences to vouch for the label), or when fewer than "
        "**{la:.0%}** of sentence resamples give its label.",
        p=plural(n_paragraphs, "paragraph"),
        s=plural(n_sentences, "sentence"),
        c=CONTRAST_WEIGHT,
        l=LEXICON_WEIGHT,
        lp=LOW_CONFIDENCE_P,
        ms=MIN_SENTENCES_FOR_AGREEMENT,
        la=LOW_CONFIDENCE_AGREEMENT,
    )


def describe_labels(paragraphs: pd.DataFrame) -> Prose:
    """How many paragraphs carry each label, how many are flagged low-confidence, and
    how many of those have too few sentences for the flag to mean more than that.

    Args:
        paragraphs: ``sentiment``, ``low_confidence`` and ``n_sentences`` per paragraph
            (from :func:`helpers.sentiment.paragraph_sentiment`).

    >>> table = pd.DataFrame({"sentiment": ["negative", "neutral"],
    ...                       "low_confidence": [True, True], "n_sentences": [1, 4]})
    >>> describe_labels(table)
    'Labels: **1** negative, **1** neutral, **0** positive; flagged low-confidence: **2** of 2 paragraphs; **1** of these have fewer than 3 sentences, which alone is enough for the flag.'
    """
    counts = paragraphs["sentiment"].value_counts().reindex(LABELS, fill_value=0)
    few = int((paragraphs["n_sentences"] < MIN_SENTENCES_FOR_AGREEMENT).sum())
    template = (
        "Labels: **{n}** negative, **{u}** neutral, **{p}** positive; flagged "
        "low-confidence: **{low}** of {total}; **{few}** of these have fewer than {ms} "
        "sentences, which alone is enough for the flag."
    )
    if 2 * few > len(paragraphs):
        template += (
            " When most paragraphs are that short, the flag mostly says *do not quote "
            "this label on its own*."
        )
    return Prose(
        template,
        n=int(counts["negative"]),
        u=int(counts["neutral"]),
        p=int(counts["positive"]),
        low=int(paragraphs["low_confidence"].sum()),
        total=plural(len(paragraphs), "paragraph"),
        few=few,
        ms=MIN_SENTENCES_FOR_AGREEMENT,
    )


def describe_drivers(toward_negative, toward_positive) -> Prose:
    """The takeaway on the model words that pushed the article hardest each way.

    >>> describe_drivers(["perang"], [])
    'the model words pushing hardest toward negative are perang; toward positive none. Check whether they are tone words or topic words: a topic word (politics words are negative in the review data) moves the score without any tone.'
    """
    return Prose(
        "the model words pushing hardest toward negative are {neg}; toward positive "
        "{pos}. Check whether they are tone words or topic words: a topic word "
        "(politics words are negative in the review data) moves the score without any "
        "tone.",
        neg=", ".join(toward_negative) or "none",
        pos=", ".join(toward_positive) or "none",
    )


def describe_limits(n_paragraphs: int) -> Prose:
    """The takeaway on the limits: sample size, training data, what the intervals are.

    >>> str(describe_limits(1))[:12]
    '1 paragraph;'
    """
    return Prose(
        "{n}; a model trained mostly on reviews plus a small annotated news set, "
        "measured on held-out news in notebook 04; the intervals are sentence-bootstrap "
        "intervals (spread between a paragraph's sentences), not model error; a "
        "paragraph label that rests on fewer than {m} sentences says so.",
        n=plural(n_paragraphs, "paragraph"),
        m=MIN_SENTENCES_FOR_VERDICT,
    )
