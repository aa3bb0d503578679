"""Corpus-wide topics: IDF from hashed counts, ``MiniBatchNMF`` one partition at a time.

Part of :mod:`helpers.corpus` (the package docstring describes the data flow).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config
from .partition import _hasher
from .settings import CORPUS_SETTINGS, CorpusSettings


def _tfidf_part(counts, keep: np.ndarray, idf: np.ndarray):
    from sklearn.preprocessing import normalize

    matrix = counts[:, keep].astype(np.float64)
    matrix.data = np.log1p(matrix.data)  # sublinear tf, as notebook 02's TF-IDF
    return normalize(matrix.multiply(idf).tocsr())


def _column_labels(
    forms: Counter | dict, columns: np.ndarray, settings: CorpusSettings
) -> list[str]:
    """The readable term of each kept hashed column: the most frequent surface form of
    the most frequent term hashed there (ties alphabetical)."""
    totals: dict[str, Counter] = {}
    for (term, surface), n in forms.items():
        totals.setdefault(term, Counter())[surface] += n
    terms = sorted(totals)
    hashed = (
        _hasher(settings).transform([[t] for t in terms]).indices
        if terms
        else np.zeros(0, int)
    )
    best: dict[int, tuple[int, str]] = {}
    for term, column in zip(terms, hashed):
        n = sum(totals[term].values())
        if column not in best or n > best[column][0]:
            best[column] = (n, term)
    labels = []
    for column in columns:
        if column in best:
            surfaces = totals[best[column][1]]
            labels.append(
                sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            )
        else:
            labels.append(f"#{column}")
    return labels


def fit_corpus_topics(
    parts: list[Path],
    df: np.ndarray,
    forms,
    *,
    n_articles: int,
    settings: CorpusSettings = CORPUS_SETTINGS,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """NMF topics over the corpus, fitted one partition at a time.

    Args:
        parts: ``.npz`` files of hashed term counts, one per partition, in corpus order.
        df: document frequency of every hashed column.
        forms: ``{(term, surface form): count}`` for labels.
        n_articles: rows over all parts.

    Returns:
        ``(topics, assignment)``: ``topics`` has the ``topics.csv`` columns
        (``topic_id``, ``label``, ``rank``, ``term``, ``weight``: a topic's weights over
        its terms sum to 1 over the whole vocabulary) plus ``n_articles`` (articles it
        leads); ``assignment`` has ``dominant_topic`` and ``topic_weight`` (the topic's
        share of the article's topic mix) per article, in corpus order (missing when
        the article has no kept term).

    Caveats: k is fixed (:attr:`CorpusSettings.n_topics`) rather than searched as in
    notebook 02: a stability search refits many times, which a large corpus cannot
    afford. MiniBatchNMF's result depends on the partition order, which is fixed.
    """
    from scipy import sparse
    from sklearn.decomposition import MiniBatchNMF

    max_docs = settings.max_df * n_articles
    keep = np.flatnonzero((df >= settings.min_df) & (df <= max_docs))
    empty_assignment = pd.DataFrame(
        {
            "dominant_topic": pd.array([pd.NA] * n_articles, dtype="Int64"),
            "topic_weight": np.full(n_articles, np.nan),
        }
    )
    columns = ["topic_id", "label", "rank", "term", "weight", "n_articles"]
    n_topics = min(settings.n_topics, len(keep), n_articles)
    if n_topics < 2:
        return pd.DataFrame(columns=columns), empty_assignment
    idf = np.log((1 + n_articles) / (1 + df[keep])) + 1
    model = MiniBatchNMF(
        n_components=n_topics,
        init="nndsvda",
        random_state=config.RANDOM_SEED,
        batch_size=max(settings.batch_size, n_topics),
        max_iter=1,
    )
    for _ in range(settings.topic_epochs):
        for part in parts:
            matrix = _tfidf_part(sparse.load_npz(part), keep, idf)
            if matrix.shape[0] >= n_topics or hasattr(model, "components_"):
                model.partial_fit(matrix)
    if not hasattr(model, "components_"):
        return pd.DataFrame(columns=columns), empty_assignment
    weights = []
    for part in parts:
        weights.append(model.transform(_tfidf_part(sparse.load_npz(part), keep, idf)))
    mix = np.vstack(weights)
    totals = mix.sum(axis=1)
    dominant = pd.array(np.where(totals > 0, mix.argmax(axis=1) + 1, 0), dtype="Int64")
    dominant[totals <= 0] = pd.NA
    share = np.where(
        totals > 0, mix.max(axis=1) / np.where(totals > 0, totals, 1), np.nan
    )
    assignment = pd.DataFrame({"dominant_topic": dominant, "topic_weight": share})

    components = model.components_
    top = np.argsort(-components, axis=1, kind="stable")[:, : settings.n_top_terms]
    labels = _column_labels(forms, keep[np.unique(top)], settings)
    label_of = dict(zip(np.unique(top), labels))
    rows = []
    for t in range(n_topics):
        total = components[t].sum()
        terms = [label_of[j] for j in top[t]]
        label = " / ".join(terms[:3])
        leads = int((assignment["dominant_topic"] == t + 1).sum())
        for rank, j in enumerate(top[t], start=1):
            rows.append(
                (
                    t + 1,
                    label,
                    rank,
                    label_of[j],
                    float(components[t, j] / total) if total else 0.0,
                    leads,
                )
            )
    return pd.DataFrame(rows, columns=columns), assignment
