"""Which documents say the same thing: cosine similarity, redundant pairs, clustering."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import squareform
from sklearn.metrics.pairwise import cosine_similarity

from ..errors import OptionError, check_option, check_positive, invalid_value_msg
from .settings import TOPIC_SETTINGS
from .tfidf import TermMatrix


def similarity_matrix(matrix: TermMatrix) -> pd.DataFrame:
    """Cosine similarity of the documents' TF-IDF vectors (1 = same terms in the same
    proportions, 0 = no term in common). Square table indexed by document id."""
    values = (
        cosine_similarity(matrix.tfidf)
        if matrix.n_terms
        else np.zeros((matrix.n_documents,) * 2)
    )
    np.fill_diagonal(values, 1.0)
    ids = list(matrix.document_ids)
    return pd.DataFrame(values, index=ids, columns=ids)


def similar_pairs(
    matrix: TermMatrix,
    *,
    n_pairs: int = 5,
    n_shared: int = 6,
    threshold: float = TOPIC_SETTINGS.redundancy_threshold,
) -> pd.DataFrame:
    """The most similar pairs of documents, the terms they share, and whether they
    pass the redundancy threshold.

    How to read it: ``similarity`` is the cosine of the two TF-IDF vectors (1 = same
    terms in the same proportions). ``redundant`` is True when it reaches
    ``threshold`` (an absolute cut, 0.5 by default), so the most similar pair of an
    article that never repeats itself is listed but not called redundant.

    Caveat: with ``min_df=2`` only terms shared by two or more documents count, and
    IDF weights rare terms most, so a pair sharing a few rare words (an event
    paragraph and the quote about it) scores high. That is topical overlap, not
    necessarily restating; read the shared terms before calling a pair repetition.

    Args:
        matrix: from :func:`fit_tfidf`.
        n_pairs: pairs returned, most similar first.
        n_shared: shared terms listed per pair (by the product of their weights).
        threshold: cosine at or above which a pair is ``redundant``.

    Returns:
        Columns ``document_a`` < ``document_b`` (ids), ``similarity`` (cosine, 0..1),
        ``redundant`` (bool), ``shared_terms`` (display forms, comma-separated). Ties
        are broken by ids.
    """
    check_positive("n_pairs", n_pairs)
    if not 0 <= threshold <= 1:
        raise OptionError(
            invalid_value_msg(
                "threshold", threshold, "a cosine between 0 and 1 (0.5 is the default)"
            )
        )
    sim = similarity_matrix(matrix).to_numpy()
    ids = list(matrix.document_ids)
    a_idx, b_idx = np.triu_indices(len(ids), k=1)
    values = sim[a_idx, b_idx]
    candidates = np.arange(len(values))
    if len(values) > n_pairs:
        # Only pairs that can reach the top n_pairs are sorted in Python: those within
        # 1e-9 of the n-th highest similarity (far wider than the 1e-12 rounding of the
        # key, so the order is the same as sorting every pair; 12.5 million pairs for a
        # 5,000-paragraph article).
        nth = _nth_largest(values, a_idx, n_pairs)
        candidates = np.flatnonzero(values >= nth - 1e-9)
    order = sorted(
        candidates.tolist(), key=lambda p: (-round(values[p], 12), a_idx[p], b_idx[p])
    )
    dense = matrix.tfidf
    rows = []
    for p in order[:n_pairs]:
        a, b = a_idx[p], b_idx[p]
        product = dense[a].multiply(dense[b]).toarray().ravel()
        shared = [
            j for j in np.argsort(-product, kind="stable")[:n_shared] if product[j] > 0
        ]
        similarity = float(sim[a, b])
        rows.append(
            (
                ids[a],
                ids[b],
                similarity,
                similarity >= threshold - 1e-12,
                ", ".join(matrix.labels[j] for j in shared),
            )
        )
    return pd.DataFrame(
        rows,
        columns=["document_a", "document_b", "similarity", "redundant", "shared_terms"],
    ).astype({"similarity": "float64", "redundant": "bool"})


def _nth_largest(values: np.ndarray, rows: np.ndarray, n: int) -> float:
    """The ``n``-th largest of ``values`` (pairs in row order, ``rows`` their first
    document), exactly as a full ``np.partition``, which took seconds on 12 million
    pairs full of ties. The ``n``-th largest row maximum is a lower bound (``n``
    different pairs reach it), so only the values at or above it are partitioned."""
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    if len(starts) >= n:
        row_max = np.maximum.reduceat(values, starts)
        bound = np.partition(row_max, len(row_max) - n)[len(row_max) - n]
        values = values[values >= bound]
    return np.partition(values, len(values) - n)[len(values) - n]


def redundant_pairs(
    matrix: TermMatrix,
    *,
    n_pairs: int = 5,
    n_shared: int = 6,
    threshold: float = TOPIC_SETTINGS.redundancy_threshold,
) -> pd.DataFrame:
    """Pairs of documents similar enough to call redundant (cosine >= ``threshold``).

    The rows of :func:`similar_pairs` that pass the threshold (at most ``n_pairs``),
    without the ``redundant`` column; empty (with the columns ``document_a``,
    ``document_b``, ``similarity``, ``shared_terms``) when no pair passes. See
    :func:`similar_pairs` for the caveat on rare shared words.
    """
    check_positive("n_pairs", n_pairs)
    # Pairs come most similar first, so the first n_pairs redundant ones are among the
    # n_pairs most similar (asking for every pair cost minutes on long articles).
    pairs = similar_pairs(
        matrix, n_pairs=n_pairs, n_shared=n_shared, threshold=threshold
    )
    kept = pairs[pairs["redundant"]].head(n_pairs)
    return kept.drop(columns="redundant").reset_index(drop=True)


def document_linkage(matrix: TermMatrix, *, method: str = "average") -> np.ndarray:
    """Hierarchical clustering of the documents on cosine distance (SciPy ``linkage``).

    Average linkage is used because cosine distance is not Euclidean (Ward assumes
    it is). Returns the SciPy linkage matrix; needs at least two documents.
    """
    check_option("method", method, ("average", "complete", "single", "weighted"))
    if matrix.n_documents < 2:
        raise ValueError(
            "document_linkage needs at least two documents; check the document count first."
        )
    distance = np.clip(1.0 - similarity_matrix(matrix).to_numpy(), 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    distance = (distance + distance.T) / 2  # exact symmetry for squareform
    return linkage(squareform(distance, checks=False), method=method)
