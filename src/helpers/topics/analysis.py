"""Every topic-model output of notebook 02 in one call, as tables with fixed columns.

:func:`analyse` runs the steps of :mod:`helpers.topics` in order (can topics be
fitted at all, how many, NMF, LDA as a check, where the topics occur, how stable
they are) and returns a :class:`TopicAnalysis`. When no topic model can be fitted
(one paragraph, too few terms), every table is still there, with its columns and no
rows (``dominant`` has one row per document with the topic missing), so code that
reads the results needs no branch of its own. This follows tidytext's ``tidy()`` for
topic models (``lda_tidiers.R``): model outputs as tables whose columns do not
depend on the data.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.metrics.pairwise import cosine_similarity

from .models import (
    document_topics,
    dominant_runs,
    dominant_topic_agreement,
    dominant_topics,
    fit_lda,
    fit_nmf,
    match_topics,
    topic_terms,
)
from .selection import (
    NTopicsChoice,
    n_topics_choice,
    scan_topic_numbers,
    summarise_scan,
    topic_stability,
    topics_possible,
)
from .settings import TOPIC_SETTINGS, TopicSettings
from .tfidf import TermMatrix

#: The columns of each table of a :class:`TopicAnalysis`, whether or not it has rows.
COLUMNS = {
    "scan": [
        "n_topics",
        "seed",
        "topic_id",
        "reference_error",
        "relative_error",
        "jaccard",
        "min_dominant_documents",
    ],
    "scan_summary": [
        "n_topics",
        "relative_error",
        "stability",
        "recurrence",
        "min_dominant_documents",
    ],
    "topic_terms": ["topic_id", "label", "rank", "term", "weight", "stem"],
    "lda_terms": ["topic_id", "label", "rank", "term", "weight", "stem"],
    "matches": ["topic_id", "matched_topic_id", "cosine", "jaccard", "shared_terms"],
    "document_topics": ["document_id", "topic_id", "label", "weight"],
    "dominant": ["document_id", "dominant_topic", "label", "topic_weight"],
    "runs": [
        "first_document",
        "last_document",
        "n_documents",
        "dominant_topic",
        "label",
    ],
    "stability": ["topic_id", "mean_jaccard", "recurrence", "n_seeds", "label"],
}


@dataclass(frozen=True, eq=False)
class TopicAnalysis:
    """The outputs of :func:`analyse`.

    Attributes:
        possible: whether a topic model was fitted; ``reason`` says why not ("" when
            it was).
        n_topics: the chosen number of topics (0 without topics); ``choice`` holds the
            evidence (:class:`~helpers.topics.NTopicsChoice`, None without topics).
        topic_names: each NMF topic's label, in topic order.
        nmf, lda: the fitted scikit-learn models (None without topics).
        scan, scan_summary: :func:`~helpers.topics.scan_topic_numbers` and
            :func:`~helpers.topics.summarise_scan`.
        topic_terms, lda_terms: :func:`~helpers.topics.topic_terms` of NMF and LDA.
        matches: :func:`~helpers.topics.match_topics` (each NMF topic's LDA partner).
        method_similarity: NMF topics × LDA topics, cosine of their term weights
            (index ``"<id>: <label>"``, columns the LDA topic ids as text).
        agreement: share of documents with the same dominant topic in both models
            (NaN without topics).
        document_topics: each document's mix of NMF topics
            (:func:`~helpers.topics.document_topics`).
        dominant: one row per document (:func:`~helpers.topics.dominant_topics`); the
            topic is missing for every document when there are no topics.
        runs: :func:`~helpers.topics.dominant_runs` of ``dominant``.
        stability: per topic of the chosen model
            (:func:`~helpers.topics.topic_stability`, with its ``label``);
            ``stability_score`` is its mean ``recurrence`` (NaN without topics).

    Every table has the columns in :data:`COLUMNS` under its name.
    """

    possible: bool
    reason: str
    n_topics: int
    choice: NTopicsChoice | None
    topic_names: tuple[str, ...]
    nmf: NMF | None
    lda: LatentDirichletAllocation | None
    scan: pd.DataFrame
    scan_summary: pd.DataFrame
    topic_terms: pd.DataFrame
    lda_terms: pd.DataFrame
    matches: pd.DataFrame
    method_similarity: pd.DataFrame
    agreement: float
    document_topics: pd.DataFrame
    dominant: pd.DataFrame
    runs: pd.DataFrame
    stability: pd.DataFrame
    stability_score: float


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame(columns=COLUMNS[name])


def _no_topics(matrix: TermMatrix, reason: str) -> TopicAnalysis:
    ids = list(matrix.document_ids)
    dominant = pd.DataFrame(
        {
            "document_id": ids,
            "dominant_topic": pd.array([None] * len(ids), dtype="Int64"),
            "label": "",
            "topic_weight": np.nan,
        }
    )
    return TopicAnalysis(
        possible=False,
        reason=reason,
        n_topics=0,
        choice=None,
        topic_names=(),
        nmf=None,
        lda=None,
        scan=_empty("scan"),
        scan_summary=_empty("scan_summary"),
        topic_terms=_empty("topic_terms"),
        lda_terms=_empty("lda_terms"),
        matches=_empty("matches"),
        method_similarity=pd.DataFrame(),
        agreement=float("nan"),
        document_topics=_empty("document_topics"),
        dominant=dominant,
        runs=_empty("runs"),
        stability=_empty("stability"),
        stability_score=float("nan"),
    )


def analyse(
    matrix: TermMatrix, *, settings: TopicSettings = TOPIC_SETTINGS
) -> TopicAnalysis:
    """Fit, check and describe the topics of ``matrix`` (notebook 02, sections 3-5).

    How to read it: ``n_topics`` is the largest number of topics whose NMF topics
    come back across random restarts (:func:`~helpers.topics.n_topics_choice`);
    ``topic_terms`` name them, ``dominant`` says which one leads each document,
    ``agreement`` and ``matches`` say how far LDA on counts agrees, and
    ``stability`` whether each topic, not only their average, is reproducible.

    Args:
        matrix: from :func:`~helpers.topics.fit_tfidf` (the topic vocabulary).
        settings: every constant of the search (:data:`~helpers.topics.TOPIC_SETTINGS`).

    Returns:
        A :class:`TopicAnalysis`; without topics (:func:`~helpers.topics.topics_possible`
        says why, in ``reason``) its tables have their columns and no rows.

    Caveat: on one short article the topics describe this text's vocabulary, not
    the themes of news in general.
    """
    possible, reason = topics_possible(matrix, settings=settings)
    if not possible:
        return _no_topics(matrix, reason)
    scan = scan_topic_numbers(matrix, settings=settings)
    scan_summary = summarise_scan(scan, settings=settings)
    choice = n_topics_choice(scan_summary, settings=settings)
    k = choice.n_topics
    nmf = fit_nmf(matrix, k, settings=settings)
    nmf_terms = topic_terms(nmf.components_, matrix, n_terms=10)
    names = tuple(nmf_terms.drop_duplicates("topic_id")["label"])
    lda = fit_lda(matrix, k, settings=settings)
    lda_terms = topic_terms(lda.components_, matrix, n_terms=10)
    lda_names = lda_terms.drop_duplicates("topic_id")["label"].tolist()
    matches = match_topics(nmf.components_, lda.components_, matrix)
    doc_topics = document_topics(nmf.transform(matrix.tfidf), matrix, names)
    dominant = dominant_topics(doc_topics)
    lda_dominant = dominant_topics(
        document_topics(lda.transform(matrix.counts), matrix, lda_names)
    )
    stability = topic_stability(scan, k, settings=settings).assign(label=names)
    return TopicAnalysis(
        possible=True,
        reason="",
        n_topics=k,
        choice=choice,
        topic_names=names,
        nmf=nmf,
        lda=lda,
        scan=scan,
        scan_summary=scan_summary,
        topic_terms=nmf_terms,
        lda_terms=lda_terms,
        matches=matches,
        method_similarity=pd.DataFrame(
            cosine_similarity(nmf.components_, lda.components_),
            index=[f"{t}: {n}" for t, n in enumerate(names, start=1)],
            columns=[str(t) for t in range(1, k + 1)],
        ),
        agreement=dominant_topic_agreement(dominant, lda_dominant, matches),
        document_topics=doc_topics,
        dominant=dominant,
        runs=dominant_runs(dominant),
        stability=stability,
        stability_score=float(stability["recurrence"].mean()),
    )
