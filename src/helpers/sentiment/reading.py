"""The model against one careful reading: the analyst's labels for the seed article
(:func:`~.benchmark.analyst_reading`) next to the model's, and how far they agree.

An illustration, not a validation: one reader, one article. The model's measured
quality on news is the annotated news test set (notebook 04).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sklearn.metrics import cohen_kappa_score

from ..prose import Prose


def compare_with_reading(
    paragraphs: pd.DataFrame, reading: pd.DataFrame, evidence: pd.DataFrame
) -> pd.DataFrame:
    """The model's paragraph labels next to the analyst's reading.

    Args:
        paragraphs: ``paragraph_id``, ``sentiment``, ``confidence``, ``low_confidence``
            (from ``paragraph_sentiment``).
        reading: from :func:`~.benchmark.analyst_reading` (empty for most articles).
        evidence: from ``paragraph_evidence`` (``toward_<label>`` word lists).

    Returns:
        Empty when there is no reading; else one row per paragraph with a reading:
        ``paragraph_id``, ``sentiment``, ``confidence``, ``low_confidence``,
        ``reading``, ``mixed``, ``reason``, ``toward_negative``, ``toward_positive``,
        ``agrees`` (label equals reading) and ``model_driver`` (the strongest words
        toward the label the model chose).
    """
    if reading.empty:
        return pd.DataFrame()
    table = (
        paragraphs[["paragraph_id", "sentiment", "confidence", "low_confidence"]]
        .merge(reading, on="paragraph_id")
        .merge(
            evidence[["paragraph_id", "toward_negative", "toward_positive"]],
            on="paragraph_id",
        )
    )
    table["agrees"] = table["sentiment"] == table["reading"]
    rows = table.merge(evidence[["paragraph_id", "toward_neutral"]], on="paragraph_id")
    table["model_driver"] = [
        row[f"toward_{row['sentiment']}"] for row in rows.to_dict("records")
    ]
    return table


@dataclass(frozen=True)
class ReadingAgreement:
    """How far the model agrees with the reading (from :func:`reading_agreement`).

    Attributes:
        n: paragraphs compared.
        n_agree: paragraphs where label and reading agree.
        n_all_neutral: paragraphs an all-neutral labelling would get right.
        kappa: Cohen's kappa between reading and model (0 is chance).
        n_flagged: paragraphs flagged low-confidence.
        disagreeing: paragraph ids where they differ, in order.
        flagged_share: share of the disagreements already flagged low-confidence
            (NaN when there is none).
        model_neutral: disagreements the model calls neutral and the reader tones.
        reader_neutral: disagreements the reader finds neutral and the model tones.
        opposite: disagreements of opposite polarity.
    """

    n: int
    n_agree: int
    n_all_neutral: int
    kappa: float
    n_flagged: int
    disagreeing: tuple[int, ...]
    flagged_share: float
    model_neutral: int
    reader_neutral: int
    opposite: int


def reading_agreement(comparison: pd.DataFrame) -> ReadingAgreement:
    """Agreement counts and Cohen's kappa of a :func:`compare_with_reading` table.

    >>> table = pd.DataFrame({"paragraph_id": [1, 2, 3, 4],
    ...     "reading": ["negative", "neutral", "positive", "neutral"],
    ...     "sentiment": ["negative", "negative", "neutral", "neutral"],
    ...     "low_confidence": [False, True, False, False]})
    >>> table["agrees"] = table["reading"] == table["sentiment"]
    >>> a = reading_agreement(table)
    >>> a.n_agree, a.n_all_neutral, a.disagreeing, a.flagged_share, a.opposite
    (2, 2, (2, 3), 0.5, 0)
    """
    agree = comparison["agrees"]
    disagree = comparison[~agree]
    return ReadingAgreement(
        n=len(comparison),
        n_agree=int(agree.sum()),
        n_all_neutral=int((comparison["reading"] == "neutral").sum()),
        kappa=float(cohen_kappa_score(comparison["reading"], comparison["sentiment"])),
        n_flagged=int(comparison["low_confidence"].sum()),
        disagreeing=tuple(int(i) for i in disagree["paragraph_id"]),
        flagged_share=float(disagree["low_confidence"].mean())
        if len(disagree)
        else float("nan"),
        model_neutral=int((disagree["sentiment"] == "neutral").sum()),
        reader_neutral=int((disagree["reading"] == "neutral").sum()),
        opposite=int(
            (
                (disagree["sentiment"] != "neutral")
                & (disagree["reading"] != "neutral")
            ).sum()
        ),
    )


def describe_reading_agreement(agreement: ReadingAgreement) -> Prose:
    """The paragraph under the comparison: agreement against the all-neutral baseline,
    kappa, and what kinds of disagreement there are."""
    a = agreement
    return Prose(
        "Model and reading agree on **{a}** of {n} paragraphs; labelling every paragraph "
        "neutral would agree on **{b}** (kappa 0 by construction), so the model is "
        "**{gap:+d}** paragraphs above that baseline and its Cohen's kappa is "
        "**{k:.2f}**. With {n} paragraphs one paragraph is {one:.0%} of the total: an "
        "illustration, not a measurement. Of the **{d}** disagreements, **{f:.0%}** were "
        "already flagged low-confidence (as were {fa} of all {n} paragraphs, so the flag "
        "barely separates them here). In **{mn}** the model calls neutral what the "
        "reader finds toned, in **{rn}** the reader finds neutral (or evenly mixed) what "
        "the model tones, and in **{o}** the polarities are opposite. Disagreeing "
        "paragraphs: {ids}. The `reason` column gives the reading and `model_driver` the "
        "words behind the model's verdict: where they differ, the model is counting "
        "words (learned, or from the news lexicon) while the reader weighs who voices a "
        "concern, what is at stake, and which clause of a contrast carries the point.",
        a=a.n_agree,
        n=a.n,
        b=a.n_all_neutral,
        gap=a.n_agree - a.n_all_neutral,
        k=a.kappa,
        one=1 / a.n,
        fa=a.n_flagged,
        d=len(a.disagreeing),
        f=a.flagged_share if a.disagreeing else 0.0,
        mn=a.model_neutral,
        rn=a.reader_neutral,
        o=a.opposite,
        ids=", ".join(str(i) for i in a.disagreeing) or "none",
    )


def describe_reading_takeaway(agreement: ReadingAgreement) -> Prose:
    """The takeaway on the illustration (seed only): agreement, baseline and kappa."""
    return Prose(
        "(seed only, not a validation): {a} of {n} paragraphs agree (all-neutral "
        "baseline: {b}; Cohen's kappa {k:.2f}); use the low-confidence flag and the "
        "word evidence of section 7 before quoting any single paragraph's label.",
        a=agreement.n_agree,
        n=agreement.n,
        b=agreement.n_all_neutral,
        k=agreement.kappa,
    )
