"""Tone by actor: the sentences that name an entity, their mean score and its interval.

It measures the tone of the sentences that *mention* an actor, not the article's stance
*toward* it: a quoted sentence in which one actor praises another is positive for both.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import config
from ..config import LABELS
from ..prose import Prose
from .scoring import MIN_SENTENCES_FOR_AGREEMENT, N_BOOTSTRAP, bootstrap_interval


def _actor_row(
    actor: str,
    group: pd.DataFrame,
    scores: pd.DataFrame,
    rng,
    n_bootstrap: int,
    level: float,
) -> dict:
    sentence_ids = sorted(group["sentence_id"].unique())
    chosen = scores.loc[sentence_ids]
    values = chosen["sentiment_score"].to_numpy(dtype=float)
    low = high = float("nan")
    if len(values) > 1:  # one sentence: nothing to resample
        boot = values[
            rng.integers(0, len(values), size=(n_bootstrap, len(values)))
        ].mean(axis=1)
        low, high = bootstrap_interval(boot, level)
    counts = chosen["sentiment"].value_counts()
    enough = len(values) >= MIN_SENTENCES_FOR_AGREEMENT
    direction = (
        "negative"
        if enough and high < 0
        else "positive"
        if enough and low > 0
        else "unclear"
        if enough
        else "too few sentences"
    )
    return {
        "actor": actor,
        "n_mentions": len(group),
        "n_sentences": len(sentence_ids),
        "n_paragraphs": chosen["paragraph_id"].nunique(),
        "mean_score": values.mean(),
        "score_low": low,
        "score_high": high,
        "direction": direction,
        **{f"n_{label}": int(counts.get(label, 0)) for label in LABELS},
    }


def actor_sentiment(
    scored_sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    n_bootstrap: int = N_BOOTSTRAP,
    seed: int = config.RANDOM_SEED,
    level: float = 0.95,
) -> pd.DataFrame:
    """Mean sentence score per actor, with counts and a sentence-bootstrap interval.

    How to read it: ``mean_score`` is the average ``sentiment_score`` of the sentences
    that name the actor (each sentence once, however often it names them); the
    interval resamples those sentences (seeded): the spread between them, not model
    error, and NaN for one sentence. ``direction`` is ``negative`` / ``positive`` when
    the interval lies wholly below / above 0, ``unclear`` when it contains 0, and
    ``too few sentences`` below ``MIN_SENTENCES_FOR_AGREEMENT`` sentences. It measures
    the tone of sentences that *mention* an actor, not the article's stance *toward* it.

    Args:
        scored_sentences: from ``score_sentences``.
        mentions: from ``helpers.actors.actor_mentions(sentences)`` (needs
            ``sentence_id`` and ``actor``).

    Returns:
        One row per actor, sorted by ``n_sentences`` (descending) then ``actor``:
        ``actor``, ``n_mentions``, ``n_sentences``, ``n_paragraphs``, ``mean_score``,
        ``score_low``, ``score_high``, ``direction``, ``n_negative``, ``n_neutral``,
        ``n_positive``.
    """
    columns = [
        "actor",
        "n_mentions",
        "n_sentences",
        "n_paragraphs",
        "mean_score",
        "score_low",
        "score_high",
        "direction",
        "n_negative",
        "n_neutral",
        "n_positive",
    ]
    rng = np.random.default_rng(seed)
    scores = scored_sentences.set_index("sentence_id")
    rows = [
        _actor_row(actor, group, scores, rng, n_bootstrap, level)
        for actor, group in (
            mentions.groupby("actor", sort=True) if len(mentions) else []
        )
    ]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(
        ["n_sentences", "actor"],
        ascending=[False, True],
        kind="stable",
        ignore_index=True,
    )


def describe_actors(actors: pd.DataFrame) -> Prose:
    """One or two sentences comparing the actors named in enough sentences to read.

    How to read it: only actors named in at least ``MIN_SENTENCES_FOR_AGREEMENT``
    sentences are compared; with two or more, the highest and lowest means are named
    and their intervals said to overlap (the difference is not established) or not.

    Args:
        actors: from :func:`actor_sentiment` (not empty).

    >>> table = pd.DataFrame({"actor": ["Rusia"], "n_sentences": [2], "mean_score": [0.1],
    ...                       "direction": ["too few sentences"]})
    >>> describe_actors(table)
    "No actor is named in 3 or more sentences, so no actor's mean is worth reading."
    """
    m = MIN_SENTENCES_FOR_AGREEMENT
    solid = actors[actors["n_sentences"] >= m].sort_values(
        ["mean_score", "actor"], kind="stable"
    )
    if solid.empty:
        return Prose(
            "No actor is named in {m} or more sentences, so no actor's mean is worth "
            "reading.",
            m=m,
        )
    if len(solid) == 1:
        only = solid.iloc[0]
        return Prose(
            "Only **{a}** is named in at least {m} sentences (mean {s:+.2f}, n={n}; "
            "interval {d}).",
            a=only["actor"],
            m=m,
            s=only["mean_score"],
            n=int(only["n_sentences"]),
            d=only["direction"],
        )
    clear = solid[solid["direction"].isin(["negative", "positive"])]
    top, bottom = solid.iloc[-1], solid.iloc[0]
    return Prose(
        "Among the {k} actors named in at least {m} sentences, the highest mean "
        "surrounds **{t}** ({ts:+.2f}, interval {tl:+.2f} to {th:+.2f}, n={tn}) and the "
        "lowest **{b}** ({bs:+.2f}, interval {bl:+.2f} to {bh:+.2f}, n={bn}). Their "
        "intervals {ov}. Actors whose interval excludes 0: {c}. These describe the "
        "sentences that mention each actor, not the article's stance toward it.",
        k=len(solid),
        m=m,
        ov="overlap, so the difference is not established"
        if top["score_low"] <= bottom["score_high"]
        else "do not overlap",
        c="; ".join(f"{a}: {d}" for a, d in zip(clear["actor"], clear["direction"]))
        or "none",
        t=top["actor"],
        ts=top["mean_score"],
        tl=top["score_low"],
        th=top["score_high"],
        tn=int(top["n_sentences"]),
        b=bottom["actor"],
        bs=bottom["mean_score"],
        bl=bottom["score_low"],
        bh=bottom["score_high"],
        bn=int(bottom["n_sentences"]),
    )
