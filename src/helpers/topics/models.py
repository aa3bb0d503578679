"""The topic models (NMF on TF-IDF, LDA on counts), their terms, labels and where they occur."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.metrics.pairwise import cosine_similarity

from ..config import RANDOM_SEED
from ..errors import check_positive
from .settings import TOPIC_SETTINGS, TopicSettings
from .tfidf import TermMatrix, _scan_sample


def fit_nmf(
    matrix: TermMatrix,
    n_topics: int,
    *,
    init: str = "nndsvda",
    seed: int = RANDOM_SEED,
    settings: TopicSettings = TOPIC_SETTINGS,
) -> NMF:
    """Non-negative matrix factorisation of the TF-IDF matrix: ``X ≈ W H``.

    ``init="nndsvda"`` (the default) is deterministic, based on an SVD; ``"random"``
    starts from ``seed`` and is used to test stability. Returns the fitted
    scikit-learn ``NMF`` (``components_`` is topics × terms).
    """
    check_positive("n_topics", n_topics)
    model = NMF(
        n_components=n_topics, init=init, random_state=seed, max_iter=settings.max_iter
    )
    model.fit(matrix.tfidf)
    return model


def topic_labels(
    components: np.ndarray, labels: Sequence[str], *, n_words: int = 3
) -> list[str]:
    """A readable label per topic: its top ``n_words`` display terms joined by " / ".

    When two topics would get the same label, more terms are added until they differ.
    """
    orders = [np.argsort(-row, kind="stable") for row in components]
    width = n_words
    while True:
        names = [" / ".join(labels[j] for j in order[:width]) for order in orders]
        if len(set(names)) == len(names) or width >= len(labels):
            return names
        width += 1


def topic_terms(
    components: np.ndarray, matrix: TermMatrix, *, n_terms: int = 10
) -> pd.DataFrame:
    """The top terms of every topic (the content of ``topics.csv``).

    Args:
        components: topics × terms weights (``NMF.components_`` or LDA's).
        matrix: the :class:`TermMatrix` the model was fitted on.
        n_terms: terms per topic.

    Returns:
        Columns ``topic_id`` (1..k), ``label``, ``rank`` (1 = strongest), ``term``
        (display form), ``weight`` (the term's share of the topic's total weight,
        so a topic's weights over the whole vocabulary sum to 1), ``stem``. Terms with
        zero weight are left out.
    """
    check_positive("n_terms", n_terms)
    names = topic_labels(components, matrix.labels)
    totals = components.sum(axis=1, keepdims=True)
    shares = np.divide(
        components, totals, out=np.zeros_like(components, dtype=float), where=totals > 0
    )
    rows = []
    for t, row in enumerate(shares):
        order = [j for j in np.argsort(-row, kind="stable")[:n_terms] if row[j] > 0]
        rows.extend(
            (t + 1, names[t], rank, matrix.labels[j], float(row[j]), matrix.terms[j])
            for rank, j in enumerate(order, start=1)
        )
    return pd.DataFrame(
        rows, columns=["topic_id", "label", "rank", "term", "weight", "stem"]
    ).astype({"topic_id": "int64", "rank": "int64"})


def document_topics(
    doc_weights: np.ndarray, matrix: TermMatrix, labels: Sequence[str]
) -> pd.DataFrame:
    """Each document's mix of topics, as shares that sum to 1 per document.

    Args:
        doc_weights: documents × topics (``NMF.transform`` or LDA's).
        matrix: the :class:`TermMatrix` (for document ids).
        labels: topic labels (``topic_terms(...)["label"]`` in topic order).

    Returns:
        Columns ``document_id``, ``topic_id``, ``label``, ``weight`` (share, 0..1).
        A document with no terms has weight 0 for every topic.
    """
    totals = doc_weights.sum(axis=1, keepdims=True)
    shares = np.divide(
        doc_weights,
        totals,
        out=np.zeros_like(doc_weights, dtype=float),
        where=totals > 0,
    )
    k = shares.shape[1]
    return pd.DataFrame(
        {
            "document_id": np.repeat(list(matrix.document_ids), k),
            "topic_id": np.tile(np.arange(1, k + 1), matrix.n_documents),
            "label": np.tile(list(labels), matrix.n_documents),
            "weight": shares.ravel(),
        }
    )


def dominant_topics(doc_topics: pd.DataFrame) -> pd.DataFrame:
    """The strongest topic of each document.

    Returns:
        Columns ``document_id``, ``dominant_topic`` (nullable int; missing when the
        document has no terms), ``label``, ``topic_weight`` (its share, 0..1).
    """
    ordered = doc_topics.sort_values(
        ["document_id", "weight", "topic_id"],
        ascending=[True, False, True],
        kind="stable",
    )
    top = ordered.drop_duplicates("document_id").reset_index(drop=True)
    has_terms = top["weight"] > 0
    return pd.DataFrame(
        {
            "document_id": top["document_id"],
            "dominant_topic": top["topic_id"].where(has_terms).astype("Int64"),
            "label": top["label"].where(has_terms, ""),
            "topic_weight": top["weight"],
        }
    )


def dominant_runs(dominant: pd.DataFrame) -> pd.DataFrame:
    """Consecutive stretches of documents with the same dominant topic.

    Returns:
        Columns ``first_document``, ``last_document``, ``n_documents``,
        ``dominant_topic``, ``label``, in order. Documents without a topic form their
        own runs (topic missing).
    """
    key = dominant["dominant_topic"].astype("float").fillna(-1)
    run_id = (key != key.shift()).cumsum()
    grouped = dominant.groupby(run_id.to_numpy(), sort=True)
    return pd.DataFrame(
        {
            "first_document": grouped["document_id"].first().to_numpy(),
            "last_document": grouped["document_id"].last().to_numpy(),
            "n_documents": grouped.size().to_numpy(),
            "dominant_topic": pd.array(
                grouped["dominant_topic"].first().to_numpy(), dtype="Int64"
            ),
            "label": grouped["label"].first().to_numpy(),
        }
    )


def fit_lda(
    matrix: TermMatrix,
    n_topics: int,
    *,
    seed: int = RANDOM_SEED,
    settings: TopicSettings = TOPIC_SETTINGS,
) -> LatentDirichletAllocation:
    """Latent Dirichlet allocation on raw counts over the same vocabulary (batch
    variational Bayes, fixed seed). Returns the fitted scikit-learn model.

    Above ``settings.max_scan_documents`` documents it is fitted on the same seeded
    sample as the topic-number search (:func:`scan_topic_numbers`); ``transform``
    still gives every document's topic mix."""
    check_positive("n_topics", n_topics)
    model = LatentDirichletAllocation(
        n_components=n_topics,
        learning_method="batch",
        random_state=seed,
        max_iter=settings.lda_max_iter,
        evaluate_every=5,
    )
    model.fit(_scan_sample(matrix, settings=settings, seed=seed, all_terms=True).counts)
    return model


def match_topics(
    reference: np.ndarray,
    other: np.ndarray,
    matrix: TermMatrix,
    *,
    n_top: int = TOPIC_SETTINGS.n_top_terms,
) -> pd.DataFrame:
    """Pair each reference topic with one topic of another model, and show the overlap.

    Matching maximises the cosine similarity of the topic-term weight vectors
    (Hungarian algorithm), so each topic is used once.

    Returns:
        Columns ``topic_id``, ``matched_topic_id``, ``cosine`` (0..1, weight-vector
        similarity), ``jaccard`` (overlap of the top ``n_top`` terms), ``shared_terms``
        (the shared top terms, display forms, by reference weight).
    """
    similarity = cosine_similarity(reference, other)
    rows_idx, cols_idx = linear_sum_assignment(-similarity)
    rows = []
    for r, c in sorted(zip(rows_idx, cols_idx)):
        top_r = [int(j) for j in np.argsort(-reference[r], kind="stable")[:n_top]]
        top_c = set(int(j) for j in np.argsort(-other[c], kind="stable")[:n_top])
        shared = [matrix.labels[j] for j in top_r if j in top_c]
        rows.append(
            (
                r + 1,
                c + 1,
                float(similarity[r, c]),
                len(shared) / len(set(top_r) | top_c),
                ", ".join(shared),
            )
        )
    return pd.DataFrame(
        rows,
        columns=["topic_id", "matched_topic_id", "cosine", "jaccard", "shared_terms"],
    )


def dominant_topic_agreement(
    reference: pd.DataFrame, other: pd.DataFrame, matches: pd.DataFrame
) -> float:
    """Share of documents whose dominant topic is the same in both models, after
    mapping ``other``'s topics onto the reference's with ``matches``."""
    mapping = dict(zip(matches["matched_topic_id"], matches["topic_id"]))
    joined = reference.merge(other, on="document_id", suffixes=("", "_other"))
    if joined.empty:
        return float("nan")
    return float(
        (joined["dominant_topic_other"].map(mapping) == joined["dominant_topic"]).mean()
    )
