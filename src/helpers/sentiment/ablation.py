"""What the news lexicon changes in an article: each category left out in turn, and
whether the article's overall verdict depends on the lexicon at all.

The lexicon adds a fixed log-odds per hit (:data:`~.rules.LEXICON_WEIGHT`); these
functions rescore the article without it (or without one category) and compare.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..config import LABELS
from ..errors import require_columns
from ..prose import Prose, plural
from .describe import describe_tone, describe_verdict_basis
from .model import SentimentModel
from .rules import CONTRAST_WEIGHT, LEXICON_WEIGHT, lexicon_hits, news_lexicon
from .scoring import PROBABILITY_COLUMNS, probability_variants, sentence_weights

#: Both article means must be at least this far from 0 before a change of sign counts.
SIGN_MARGIN = 0.005


def _paragraph_means(scored_sentences: pd.DataFrame) -> pd.DataFrame:
    """Word-weighted mean probabilities per paragraph (the aggregation rule, no bootstrap)."""
    weighted = scored_sentences[PROBABILITY_COLUMNS].mul(
        scored_sentences["n_words"], axis=0
    )
    sums = weighted.groupby(scored_sentences["paragraph_id"], sort=True).sum()
    means = sums.div(
        scored_sentences.groupby("paragraph_id", sort=True)["n_words"].sum(), axis=0
    )
    return pd.DataFrame(
        {
            "paragraph_id": means.index,
            "sentiment": np.asarray(LABELS, dtype=object)[
                means.to_numpy().argmax(axis=1)
            ],
            "sentiment_score": (means["p_positive"] - means["p_negative"]).to_numpy(),
        }
    )


def lexicon_ablation(
    model: SentimentModel,
    sentences: pd.DataFrame,
    *,
    contrast_weight: float = CONTRAST_WEIGHT,
    lexicon_weight: float = LEXICON_WEIGHT,
) -> pd.DataFrame:
    """What each news-lexicon category does to an article: drop it, rescore, compare.

    How to read it: one row for the full lexicon (``category`` = ``(all)``, i.e. the
    lexicon switched off) and one per category that matches the article. ``n_hits`` is
    the number of matches; ``labels_changed`` the paragraphs whose label differs from
    the deployed scoring when that category is left out; ``mean_score_without`` the
    article's mean paragraph score without it (compare ``mean_score_deployed``).

    Args:
        sentences: a sentences table (``paragraph_id``, ``sentence_id``, ``text``).

    Returns:
        ``category``, ``tone``, ``n_hits``, ``labels_changed``, ``mean_score_deployed``,
        ``mean_score_without``; the ``(all)`` row first, then categories by name.
    """

    require_columns(
        sentences,
        ("paragraph_id", "sentence_id", "text"),
        caller="lexicon_ablation",
        fix="Build the table with helpers.sentences_table(paragraphs).",
    )
    texts = sentences["text"].astype(str).tolist()
    hits = pd.DataFrame(
        [hit for text in texts for hit in lexicon_hits(text)],
        columns=["form", "tone", "category"],
    )
    tones = news_lexicon().drop_duplicates("category").set_index("category")["tone"]
    variants = [("(all)", "both", len(hits), (0.0, ()))]
    variants += [
        (category, tones.get(category, ""), int(n), (lexicon_weight, (category,)))
        for category, n in hits["category"].value_counts().sort_index().items()
    ]
    # One featurisation for every variant: only the lexicon log-odds differ
    # (the same numbers as score_sentences with each variant's options).
    probabilities = probability_variants(
        model,
        texts,
        [(lexicon_weight, ())] + [options for *_, options in variants],
        contrast_weight=contrast_weight,
    )
    frame = pd.DataFrame(
        {
            "paragraph_id": sentences["paragraph_id"].to_numpy(),
            "n_words": sentence_weights(texts).astype("int64"),
        }
    )
    means = [
        _paragraph_means(frame.assign(**dict(zip(PROBABILITY_COLUMNS, p.T))))
        for p in probabilities
    ]
    deployed = means[0]
    rows = []
    for (category, tone, n_hits, _), without in zip(variants, means[1:]):
        rows.append(
            {
                "category": category,
                "tone": tone,
                "n_hits": int(n_hits),
                "labels_changed": int(
                    (
                        without["sentiment"].to_numpy()
                        != deployed["sentiment"].to_numpy()
                    ).sum()
                ),
                "mean_score_deployed": float(deployed["sentiment_score"].mean()),
                "mean_score_without": float(without["sentiment_score"].mean()),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "category",
            "tone",
            "n_hits",
            "labels_changed",
            "mean_score_deployed",
            "mean_score_without",
        ],
    )


@dataclass(frozen=True)
class LexiconVerdict:
    """The article's mean paragraph score with and without the news lexicon.

    Attributes:
        mean_with, mean_without: mean ``sentiment_score`` over the paragraphs.
        verdict_with, verdict_without: their wording (:func:`~.describe.describe_tone`).
        sign_depends: both means are clearly off zero (``|mean| >= SIGN_MARGIN``) with
            opposite signs.
    """

    mean_with: float
    mean_without: float
    verdict_with: Prose
    verdict_without: Prose
    sign_depends: bool

    @property
    def verdict_depends(self) -> bool:
        """The wording (negative / close to neutral / positive) differs."""
        return self.verdict_with != self.verdict_without


def lexicon_verdict(
    with_lexicon: pd.DataFrame, without_lexicon: pd.DataFrame
) -> LexiconVerdict:
    """Compare two paragraph tables (``sentiment_score``) of one article, scored with
    and without the lexicon (e.g. ``paragraph_sentiment(score_sentences(model,
    sentences, lexicon_weight=0))``).

    >>> v = lexicon_verdict(pd.DataFrame({"sentiment_score": [0.2, -0.1]}),
    ...                     pd.DataFrame({"sentiment_score": [-0.1, -0.2]}))
    >>> (float(round(v.mean_with, 2)), float(round(v.mean_without, 2)), v.sign_depends, v.verdict_depends)
    (0.05, -0.15, True, True)
    """
    mean_with = with_lexicon["sentiment_score"].mean()
    mean_without = without_lexicon["sentiment_score"].mean()
    return LexiconVerdict(
        mean_with=mean_with,
        mean_without=mean_without,
        verdict_with=describe_tone(mean_with),
        verdict_without=describe_tone(mean_without),
        sign_depends=bool(
            min(abs(mean_with), abs(mean_without)) >= SIGN_MARGIN
            and np.sign(mean_with) != np.sign(mean_without)
        ),
    )


def describe_lexicon_effect(
    lexicon_change: pd.DataFrame, ablation: pd.DataFrame, verdict: LexiconVerdict
) -> Prose:
    """How many labels the lexicon changes, whether the verdict depends on it, and the
    category that moves the article most.

    Args:
        lexicon_change: one row per paragraph with a boolean ``changed``.
        ablation: from :func:`lexicon_ablation`.
        verdict: from :func:`lexicon_verdict`.
    """
    template = (
        "The lexicon changes the label of **{k}** of {n}; the mean paragraph score is "
        "**{a:+.3f}** ({vw}) without it and **{b:+.3f}** ({vl}) with it"
    )
    if verdict.sign_depends:
        template += " — **the sign of the article's mean depends on the lexicon**. "
    elif verdict.verdict_depends:
        template += " — **the overall verdict depends on the lexicon**. "
    else:
        template += "; the overall verdict does not depend on it. "
    values = {}
    toned = ablation[ablation["category"] != "(all)"]
    if toned.empty:
        template += "No lexicon term occurs in this article."
    else:
        shift = (toned["mean_score_without"] - toned["mean_score_deployed"]).abs()
        top = (
            toned.assign(shift=shift)
            .sort_values(["shift", "category"], ascending=[False, True], kind="stable")
            .iloc[0]
        )
        template += (
            "The category that moves the article most is *{c}* ({h} hits; without it "
            "the mean score is {w:+.2f} and {kc} paragraph labels change)."
        )
        values = {
            "c": top["category"],
            "h": int(top["n_hits"]),
            "w": top["mean_score_without"],
            "kc": int(top["labels_changed"]),
        }
    return Prose(
        template,
        k=int(lexicon_change["changed"].sum()),
        n=plural(len(lexicon_change), "paragraph"),
        a=verdict.mean_without,
        b=verdict.mean_with,
        vw=verdict.verdict_without,
        vl=verdict.verdict_with,
        **values,
    )


def describe_article_tone(
    paragraphs: pd.DataFrame, verdict: LexiconVerdict, *, n_sentences: int
) -> Prose:
    """The takeaway on the article's tone: the mean score with and without the lexicon
    (and a caveat when the sign or the verdict depends on it), the label counts, and
    a caveat when the article has too few sentences.

    Args:
        paragraphs: ``sentiment`` and ``low_confidence`` per paragraph.
        verdict: from :func:`lexicon_verdict`.
        n_sentences: the article's number of sentences.
    """
    caveat = (
        "; **the sign depends on the lexicon**, so do not report the article's overall "
        "tone as settled"
        if verdict.sign_depends
        else "; **the verdict depends on the lexicon**, so report it with that caveat"
        if verdict.verdict_depends
        else ""
    )
    counts = paragraphs["sentiment"].value_counts().reindex(LABELS, fill_value=0)
    return Prose(
        "mean paragraph score {tone}. {counts}",
        tone=Prose(
            "with the news lexicon {a:+.3f} ({va}), without it {b:+.3f} ({vb})"
            + caveat,
            a=verdict.mean_with,
            va=verdict.verdict_with,
            b=verdict.mean_without,
            vb=verdict.verdict_without,
        ),
        counts=Prose(
            "{n} negative, {u} neutral and {p} positive paragraphs, {low} of them "
            "low-confidence. {basis}",
            n=int(counts["negative"]),
            u=int(counts["neutral"]),
            p=int(counts["positive"]),
            low=int(paragraphs["low_confidence"].sum()),
            basis=describe_verdict_basis(n_sentences),
        ),
    )


def describe_lexicon_takeaway(lexicon_change: pd.DataFrame) -> Prose:
    """The takeaway on the lexicon: how many paragraph labels it changes.

    >>> describe_lexicon_takeaway(pd.DataFrame({"changed": [True, False, True]}))
    'changes 2 paragraph labels here; its weight was chosen on the news dev split (notebook 04).'
    """
    return Prose(
        "changes {k} paragraph labels here; its weight was chosen on the news dev split "
        "(notebook 04).",
        k=int(lexicon_change["changed"].sum()),
    )
