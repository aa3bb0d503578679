"""TF-IDF of any list of documents, with the Indonesian analyzer (:mod:`helpers.vectorize`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

from ..errors import check_positive
from ..stemming import Stemmer
from ..vectorize import (
    DEFAULT_CONFIG,
    VectorizerConfig,
    display_term,
    make_tfidf_vectorizer,
    term_surface_forms,
)
from .settings import TopicSettings


@dataclass(frozen=True, eq=False)
class TermMatrix:
    """Documents × terms, weighted by TF-IDF, with readable term names.

    Attributes:
        tfidf: sparse ``(n_documents, n_terms)`` TF-IDF matrix (rows l2-normalised).
        counts: sparse raw term counts over the same vocabulary (for LDA).
        document_ids: one id per row, in input order.
        terms: the vocabulary as stems (n-grams joined by a space), column order.
        labels: each term's display form (most frequent surface form per stem).
        config: the vectoriser filters actually used (relaxed for tiny corpora).
    """

    tfidf: sparse.csr_matrix
    counts: sparse.csr_matrix
    document_ids: tuple
    terms: tuple[str, ...]
    labels: tuple[str, ...]
    config: VectorizerConfig

    @property
    def n_documents(self) -> int:
        return self.tfidf.shape[0]

    @property
    def n_terms(self) -> int:
        return self.tfidf.shape[1]


def fit_tfidf(
    documents: Sequence[str],
    *,
    document_ids: Sequence | None = None,
    config: VectorizerConfig | None = None,
    stemmer: Stemmer | None = None,
    expressions: pd.DataFrame | None = None,
) -> TermMatrix:
    """TF-IDF of ``documents`` with the Indonesian analyzer (scikit-learn does the maths).

    How to read it: a cell is high when a term is frequent in that document and rare
    in the others. Rows are l2-normalised, so documents of different length compare.

    Args:
        documents: the texts (paragraphs of an article, or whole articles).
        document_ids: one id per document; 1..n when None.
        config: vocabulary filters; ``DEFAULT_CONFIG`` when None. Relaxed by
            :meth:`VectorizerConfig.for_corpus` for tiny corpora, and relaxed again
            when the filters would remove every term.
        stemmer: passed to the analyzer (shared default when None).
        expressions: the article's names (:func:`helpers.multiwords.entity_expressions`):
            every form of an entity is its one term (``aung san suu kyi``).

    Returns:
        A :class:`TermMatrix`. A corpus with no content words (only stop words,
        numbers, punctuation) gives zero terms instead of an error.
    """
    documents = [str(d) for d in documents]
    ids = (
        tuple(range(1, len(documents) + 1))
        if document_ids is None
        else tuple(document_ids)
    )
    if len(ids) != len(documents):
        raise ValueError(
            f"fit_tfidf got {len(documents)} documents but {len(ids)} document_ids; pass one id per document."
        )
    cfg = (config or DEFAULT_CONFIG).for_corpus(len(documents))
    relaxed = VectorizerConfig(
        min_df=1,
        max_df=1.0,
        ngram_range=cfg.ngram_range,
        sublinear_tf=cfg.sublinear_tf,
        max_features=cfg.max_features,
    )
    forms = term_surface_forms(documents, stemmer=stemmer, expressions=expressions)
    for attempt in (cfg, relaxed):
        vectorizer = make_tfidf_vectorizer(
            stemmer=stemmer, config=attempt, expressions=expressions
        )
        try:
            tfidf = vectorizer.fit_transform(documents).tocsr()
        except ValueError:  # scikit-learn: "no terms remain" / "empty vocabulary"
            continue
        terms = tuple(vectorizer.get_feature_names_out())
        counter = CountVectorizer(
            analyzer=vectorizer.analyzer, vocabulary=list(terms), lowercase=False
        )
        counts = counter.transform(documents).tocsr()
        return TermMatrix(
            tfidf,
            counts,
            ids,
            terms,
            tuple(display_term(t, forms) for t in terms),
            attempt,
        )
    empty = sparse.csr_matrix((len(documents), 0))
    return TermMatrix(empty, empty.copy(), ids, (), (), relaxed)


def top_terms_by_document(matrix: TermMatrix, *, n_terms: int = 5) -> pd.DataFrame:
    """The highest-TF-IDF terms of each document: what makes it distinctive.

    Args:
        matrix: from :func:`fit_tfidf`.
        n_terms: terms kept per document (fewer when the document has fewer).

    Returns:
        Columns ``document_id``, ``rank`` (1 = most distinctive), ``term`` (display
        form), ``stem``, ``weight`` (TF-IDF, 0..1). Ties are broken by term, so the
        order is deterministic. Documents without any term have no rows.
    """
    check_positive("n_terms", n_terms)
    rows = []
    # each document's stored entries, not a dense row per document (seconds on 5,000)
    csr = sparse.csr_matrix(matrix.tfidf)
    if not csr.has_canonical_format:
        csr = csr.copy()
        csr.sum_duplicates()
    for i, doc_id in enumerate(matrix.document_ids):
        cols = csr.indices[csr.indptr[i] : csr.indptr[i + 1]]
        vals = csr.data[csr.indptr[i] : csr.indptr[i + 1]]
        weights = dict(zip(cols[vals != 0].tolist(), vals[vals != 0]))
        order = sorted(weights, key=lambda j: (-weights[j], matrix.terms[j]))[:n_terms]
        rows.extend(
            (doc_id, rank, matrix.labels[j], matrix.terms[j], float(weights[j]))
            for rank, j in enumerate(order, start=1)
        )
    return pd.DataFrame(
        rows, columns=["document_id", "rank", "term", "stem", "weight"]
    ).astype({"rank": "int64", "weight": "float64"})


def document_frequencies(matrix: TermMatrix) -> pd.Series:
    """In how many documents each term occurs (index: the terms' display forms).

    >>> m = fit_tfidf(["pakta damai", "pakta perang"], config=VectorizerConfig(min_df=1, max_df=1.0))
    >>> document_frequencies(m).to_dict()
    {'damai': 1, 'pakta': 2, 'perang': 1}
    """
    counts = np.asarray((matrix.tfidf > 0).sum(axis=0)).ravel()
    return pd.Series(counts, index=list(matrix.labels), dtype="int64")


def terms_per_document(matrix: TermMatrix) -> pd.Series:
    """How many distinct terms of the vocabulary each document uses (index: document ids).

    >>> m = fit_tfidf(["pakta damai", "pakta"], document_ids=[7, 8], config=VectorizerConfig(min_df=1, max_df=1.0))
    >>> terms_per_document(m).to_dict()
    {7: 2, 8: 1}
    """
    counts = np.asarray((matrix.tfidf > 0).sum(axis=1)).ravel()
    return pd.Series(counts, index=list(matrix.document_ids), dtype="int64")


def term_weights_table(
    matrix: TermMatrix,
    top_terms: pd.DataFrame,
    *,
    max_rank: int = 2,
    max_terms: int = 30,
) -> pd.DataFrame:
    """A terms × documents TF-IDF table for a heatmap of distinctive terms.

    Keeps terms that rank ``<= max_rank`` in some document, ordered by the first
    document where they rank (so the diagonal follows the article), at most
    ``max_terms`` of them.

    Returns:
        A wide table: index = term (display form), columns = document ids in order.
    """
    chosen = top_terms[top_terms["rank"] <= max_rank]
    stems = list(dict.fromkeys(chosen["stem"]))[:max_terms]
    index = {t: j for j, t in enumerate(matrix.terms)}
    columns = [index[s] for s in stems]
    values = (
        matrix.tfidf[:, columns].toarray().T
        if columns
        else np.zeros((0, matrix.n_documents))
    )
    return pd.DataFrame(
        values,
        index=[matrix.labels[j] for j in columns],
        columns=list(matrix.document_ids),
    )


def _scan_sample(
    matrix: TermMatrix, *, settings: TopicSettings, seed: int, all_terms: bool = False
) -> TermMatrix:
    """``matrix`` itself, or a seeded random sample of ``settings.max_scan_documents``
    of its rows (in document order) when it has more, keeping only the terms the
    sample uses unless ``all_terms``."""
    if matrix.n_documents <= settings.max_scan_documents:
        return matrix
    rows = np.sort(
        np.random.default_rng(seed).choice(
            matrix.n_documents, settings.max_scan_documents, replace=False
        )
    )
    tfidf = matrix.tfidf[rows]
    columns = (
        np.arange(matrix.n_terms) if all_terms else np.flatnonzero(tfidf.getnnz(axis=0))
    )
    return replace(
        matrix,
        tfidf=tfidf[:, columns],
        counts=matrix.counts[rows][:, columns],
        document_ids=tuple(matrix.document_ids[i] for i in rows),
        terms=tuple(matrix.terms[j] for j in columns),
        labels=tuple(matrix.labels[j] for j in columns),
    )
