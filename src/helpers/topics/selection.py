"""How many topics: NMF reconstruction error and stability across random restarts
(Greene, O'Callaghan & Cunningham 2014), and the rule that picks k."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from ..config import RANDOM_SEED
from ..prose import plural
from .models import fit_nmf
from .settings import TOPIC_SETTINGS, TopicSettings
from .tfidf import TermMatrix, _scan_sample


def candidate_n_topics(
    matrix: TermMatrix, *, settings: TopicSettings = TOPIC_SETTINGS
) -> list[int]:
    """Numbers of topics worth trying: 2 .. min(max_topics, documents - 1, terms - 1)."""
    upper = min(settings.max_topics, matrix.n_documents - 1, matrix.n_terms - 1)
    return list(range(2, upper + 1))


def topics_possible(
    matrix: TermMatrix, *, settings: TopicSettings = TOPIC_SETTINGS
) -> tuple[bool, str]:
    """Whether a topic model makes sense here, and a plain reason when it does not."""
    if matrix.n_documents < settings.min_documents:
        return False, (
            f"Only {plural(matrix.n_documents, 'document')}: topic modelling needs at least "
            f"{settings.min_documents}, so no topics are fitted."
        )
    if not candidate_n_topics(matrix, settings=settings):
        return False, (
            f"Only {matrix.n_terms} term(s) survive the vocabulary filters: too few to "
            "separate two topics, so no topics are fitted."
        )
    return True, ""


def _top_term_sets(components: np.ndarray, n_top: int) -> list[frozenset[int]]:
    # Ties broken by column index (stable argsort) so runs are reproducible.
    return [frozenset(np.argsort(-row, kind="stable")[:n_top]) for row in components]


def _match_by_jaccard(
    reference: np.ndarray, other: np.ndarray, n_top: int
) -> tuple[np.ndarray, np.ndarray]:
    """Best one-to-one matching of ``other``'s topics to ``reference``'s (Hungarian
    algorithm on top-term Jaccard). Returns (matched index, Jaccard) per reference topic."""
    ref_sets, other_sets = (
        _top_term_sets(reference, n_top),
        _top_term_sets(other, n_top),
    )
    jaccard = np.array(
        [[len(a & b) / len(a | b) for b in other_sets] for a in ref_sets]
    )
    rows, cols = linear_sum_assignment(-jaccard)
    matched = np.empty(len(ref_sets), dtype=int)
    matched[rows] = cols
    return matched, jaccard[rows, cols][np.argsort(rows)]


def scan_topic_numbers(
    matrix: TermMatrix,
    *,
    n_topics: Sequence[int] | None = None,
    settings: TopicSettings = TOPIC_SETTINGS,
    seed: int = RANDOM_SEED,
) -> pd.DataFrame:
    """Fit NMF for each number of topics, once deterministically and ``n_seeds`` times
    from random starts, and record error and agreement.

    How to read it: ``reconstruction_error`` always falls as topics are added; look
    for where it stops falling fast. ``jaccard`` is how well a random restart
    recovers each reference topic's top terms (1 = the same terms): a number of
    topics whose topics keep coming back is supported by the data.

    Returns:
        One row per (``n_topics``, ``seed``, ``topic_id``): ``reference_error`` and
        ``relative_error`` (Frobenius error of the deterministic fit, and the same
        divided by the norm of the matrix), ``jaccard`` (top-term overlap of reference
        topic ``topic_id`` with its matched topic in the restart), and
        ``min_dominant_documents`` (in the deterministic fit, the fewest documents
        that any one topic leads).
    """
    ks = (
        candidate_n_topics(matrix, settings=settings)
        if n_topics is None
        else list(n_topics)
    )
    matrix = _scan_sample(matrix, settings=settings, seed=seed)
    norm = float(np.sqrt(matrix.tfidf.multiply(matrix.tfidf).sum())) or 1.0
    rows = []
    for k in ks:
        reference = fit_nmf(matrix, k, settings=settings)
        fewest = _fewest_dominant_documents(reference.transform(matrix.tfidf), k)
        for s in range(settings.n_seeds):
            restart = fit_nmf(
                matrix, k, init="random", seed=seed + s, settings=settings
            )
            _, jaccard = _match_by_jaccard(
                reference.components_, restart.components_, settings.n_top_terms
            )
            rows.extend(
                (
                    k,
                    seed + s,
                    t + 1,
                    reference.reconstruction_err_,
                    reference.reconstruction_err_ / norm,
                    float(j),
                    fewest,
                )
                for t, j in enumerate(jaccard)
            )
    return pd.DataFrame(
        rows,
        columns=[
            "n_topics",
            "seed",
            "topic_id",
            "reference_error",
            "relative_error",
            "jaccard",
            "min_dominant_documents",
        ],
    )


def _fewest_dominant_documents(doc_weights: np.ndarray, n_topics: int) -> int:
    """The smallest number of documents that any topic leads (documents without
    terms lead none)."""
    has_terms = doc_weights.sum(axis=1) > 0
    leads = np.bincount(doc_weights[has_terms].argmax(axis=1), minlength=n_topics)
    return int(leads.min())


def summarise_scan(
    scan: pd.DataFrame, *, settings: TopicSettings = TOPIC_SETTINGS
) -> pd.DataFrame:
    """One row per number of topics: ``relative_error``, ``stability`` (mean Jaccard
    over topics and seeds, 0..1), ``recurrence`` (share of topic × seed pairs whose
    Jaccard reaches ``recur_threshold``) and ``min_dominant_documents`` (the fewest
    documents any topic of the deterministic fit leads)."""
    grouped = scan.assign(recurs=scan["jaccard"] >= settings.recur_threshold).groupby(
        "n_topics"
    )
    return pd.DataFrame(
        {
            "relative_error": grouped["relative_error"].first(),
            "stability": grouped["jaccard"].mean(),
            "recurrence": grouped["recurs"].mean(),
            "min_dominant_documents": grouped["min_dominant_documents"].first(),
        }
    ).reset_index()


def choose_n_topics(
    summary: pd.DataFrame, *, settings: TopicSettings = TOPIC_SETTINGS
) -> int:
    """The largest number of topics that is reproducible and made of themes.

    A k qualifies when its stability reaches ``settings.min_stability`` and every
    topic of its deterministic fit leads at least ``settings.min_topic_documents``
    documents. Why not "the most stable k": k = 2 is almost always the most stable,
    because splitting a vocabulary in two is easy to repeat, so that rule describes
    itself rather than the text. Why the theme condition: on a short text NMF stays
    reproducible at high k by giving single paragraphs topics of their own, which
    describes paragraphs, not themes. The largest qualifying k is the most detailed
    model that still comes back from other random starts (Greene et al. 2014 use
    stability the same way). When no k qualifies, the most stable k is returned
    (ties: the smaller); :func:`n_topics_choice` says so, and says when several k
    qualify.
    """
    return n_topics_choice(summary, settings=settings).n_topics


@dataclass(frozen=True)
class NTopicsChoice:
    """How the number of topics was chosen, for the notebook's prose.

    Attributes:
        n_topics: the chosen k.
        reproducible: every k with stability >= ``min_stability`` whose topics each lead
            at least ``min_topic_documents`` documents, ascending.
        borderline: k just below the threshold (within ``stability_noise``).
        identifiable: True only when exactly one k is reproducible and none is
            borderline: the text then singles out one number of topics.
        fallback: True when no k is reproducible and the most stable one was taken.
    """

    n_topics: int
    reproducible: tuple[int, ...]
    borderline: tuple[int, ...]
    identifiable: bool
    fallback: bool


def n_topics_choice(
    summary: pd.DataFrame, *, settings: TopicSettings = TOPIC_SETTINGS
) -> NTopicsChoice:
    """The number of topics by the rule of :func:`choose_n_topics`, with the evidence.

    Args:
        summary: from :func:`summarise_scan` (``n_topics``, ``stability``).
        settings: ``min_stability`` and ``stability_noise`` are used.

    Returns:
        An :class:`NTopicsChoice`.
    """
    if summary.empty:
        raise ValueError(
            "choose_n_topics needs a non-empty scan summary; check topics_possible() first."
        )
    ordered = summary.sort_values("n_topics")
    ks = ordered["n_topics"].astype(int).to_numpy()
    stability = ordered["stability"].to_numpy(dtype=float)
    themes = (
        ordered["min_dominant_documents"].to_numpy() >= settings.min_topic_documents
        if "min_dominant_documents" in ordered
        else np.ones(len(ks), dtype=bool)
    )
    passes = (stability >= settings.min_stability - 1e-12) & themes
    reproducible = tuple(int(k) for k in ks[passes])
    near = (
        (~passes)
        & themes
        & (stability >= settings.min_stability - settings.stability_noise)
    )
    borderline = tuple(int(k) for k in ks[near])
    if reproducible:
        chosen, fallback = max(reproducible), False
    else:
        best = stability.max()
        chosen, fallback = int(ks[stability >= best - 1e-12].min()), True
    return NTopicsChoice(
        chosen,
        reproducible,
        borderline,
        identifiable=len(reproducible) == 1 and not borderline,
        fallback=fallback,
    )


def topic_stability(
    scan: pd.DataFrame, n_topics: int, *, settings: TopicSettings = TOPIC_SETTINGS
) -> pd.DataFrame:
    """Per topic of the chosen model: how often its top terms recur across restarts.

    Returns:
        Columns ``topic_id``, ``mean_jaccard`` (0..1), ``recurrence`` (share of seeds
        in which the topic is found again, Jaccard >= ``recur_threshold``),
        ``n_seeds``.
    """
    rows = scan[scan["n_topics"] == n_topics]
    grouped = rows.assign(recurs=rows["jaccard"] >= settings.recur_threshold).groupby(
        "topic_id"
    )
    return pd.DataFrame(
        {
            "mean_jaccard": grouped["jaccard"].mean(),
            "recurrence": grouped["recurs"].mean(),
            "n_seeds": grouped["seed"].nunique(),
        }
    ).reset_index()
