"""The reference space: TF-IDF weights learned from the reference articles plus one
article, the distinctive terms of its paragraphs, and the closest reference articles.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from ..errors import HelpersError, require_columns
from ..vectorize import DISTINCTIVE_CONFIG


@dataclass(frozen=True)
class ReferenceSpace:
    """TF-IDF weights learned from the reference articles plus one article.

    Attributes:
        terms: the vocabulary (sorted), the columns of every matrix.
        transformer: the fitted ``TfidfTransformer`` (``idf_`` per term).
        reference_ids: one id per row of ``reference_tfidf``, corpus order.
        reference_tfidf: sparse ``(n_reference, n_terms)`` TF-IDF of the reference articles.
        article_tfidf: sparse ``(1, n_terms)`` TF-IDF of the whole article.
    """

    terms: tuple[str, ...]
    transformer: TfidfTransformer
    reference_ids: tuple
    reference_tfidf: sparse.csr_matrix
    article_tfidf: sparse.csr_matrix

    @property
    def n_documents(self) -> int:
        """Documents behind the IDF: the reference articles plus the article."""
        return len(self.reference_ids) + 1

    def idf(self) -> pd.Series:
        """The IDF of every term (scikit-learn's smoothed ``ln((1 + n) / (1 + df)) + 1``)."""
        return pd.Series(self.transformer.idf_, index=list(self.terms), name="idf")


def _check_counts(table: pd.DataFrame, name: str, columns: tuple[str, ...]) -> None:
    missing = set(columns) - set(table.columns)
    if missing:
        raise HelpersError(
            f"{name} lacks column(s) {sorted(missing)}; build it with helpers.reference.term_counts."
        )


def _count_matrix(
    counts: pd.DataFrame, ids: list, index: dict[str, int]
) -> sparse.csr_matrix:
    rows = counts["document_id"].map({doc: i for i, doc in enumerate(ids)}).to_numpy()
    cols = counts["term"].map(index).to_numpy()
    keep = ~(pd.isna(rows) | pd.isna(cols))
    return sparse.csr_matrix(
        (
            counts["count"].to_numpy(dtype=float)[keep],
            (rows[keep].astype(int), cols[keep].astype(int)),
        ),
        shape=(len(ids), len(index)),
    )


def reference_space(
    article_counts: pd.DataFrame, reference_counts: pd.DataFrame
) -> ReferenceSpace:
    """Fit TF-IDF on the reference articles plus the article (one document each).

    Args:
        article_counts: the article's term counts, ``document_id`` (paragraph),
            ``term``, ``count`` (:func:`helpers.reference.term_counts` of its paragraphs);
            summed into one document.
        reference_counts: :func:`helpers.reference.reference_counts`.

    Returns:
        A :class:`ReferenceSpace`. Neither input is modified.
    """
    _check_counts(article_counts, "article_counts", ("document_id", "term", "count"))
    _check_counts(
        reference_counts, "reference_counts", ("document_id", "term", "count")
    )
    if reference_counts.empty:
        raise HelpersError(
            "The reference counts are empty; rebuild them with helpers.reference.reference_counts()."
        )
    terms = tuple(sorted(set(reference_counts["term"]) | set(article_counts["term"])))
    index = {term: j for j, term in enumerate(terms)}
    reference_ids = list(dict.fromkeys(reference_counts["document_id"]))
    reference_matrix = _count_matrix(reference_counts, reference_ids, index)
    whole = (
        article_counts.groupby("term", as_index=False)["count"]
        .sum()
        .assign(document_id="article")
    )
    article_matrix = _count_matrix(whole, ["article"], index)
    transformer = TfidfTransformer(
        norm="l2",
        use_idf=True,
        smooth_idf=True,
        sublinear_tf=DISTINCTIVE_CONFIG.sublinear_tf,
    )
    weighted = transformer.fit_transform(
        sparse.vstack([reference_matrix, article_matrix]).tocsr()
    ).tocsr()
    return ReferenceSpace(
        terms, transformer, tuple(reference_ids), weighted[:-1], weighted[-1]
    )


def paragraph_terms(
    space: ReferenceSpace,
    paragraph_counts: pd.DataFrame,
    *,
    n_terms: int = 5,
    labels: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The distinctive terms of each paragraph, with IDF from the reference plus the article.

    How to read it: a term scores high when the paragraph uses it and general news
    rarely does, whatever the other paragraphs do; weights run from 0 to 1 (each
    paragraph's vector has unit length).

    Args:
        space: from :func:`reference_space` (fitted with this article's counts).
        paragraph_counts: ``document_id``, ``term``, ``count`` per paragraph.
        n_terms: terms kept per paragraph.
        labels: ``{term: display form}`` (:func:`helpers.vectorize.term_surface_forms`);
            the term itself when missing.

    Returns:
        Columns ``document_id``, ``rank`` (1 = most distinctive), ``term`` (display
        form), ``stem``, ``weight``, the same as
        :func:`helpers.topics.top_terms_by_document`; ties broken by term. Paragraphs
        without terms have no rows.
    """
    _check_counts(
        paragraph_counts, "paragraph_counts", ("document_id", "term", "count")
    )
    if n_terms < 1:
        raise HelpersError(f"n_terms must be at least 1, got {n_terms!r}.")
    index = {term: j for j, term in enumerate(space.terms)}
    unknown = set(paragraph_counts["term"]) - set(index)
    if unknown:
        raise HelpersError(
            f"{len(unknown)} paragraph term(s) are not in the reference space (e.g. "
            f"{sorted(unknown)[0]!r}); fit reference_space with this article's counts."
        )
    ids = list(dict.fromkeys(paragraph_counts["document_id"]))
    weights = space.transformer.transform(
        _count_matrix(paragraph_counts, ids, index)
    ).tocsr()
    labels = labels or {}
    rows = []
    for row, doc in enumerate(ids):
        start, end = weights.indptr[row], weights.indptr[row + 1]
        cols, values = weights.indices[start:end], weights.data[start:end]
        order = sorted(
            range(len(cols)), key=lambda k: (-values[k], space.terms[cols[k]])
        )[:n_terms]
        rows.extend(
            (
                doc,
                rank,
                labels.get(space.terms[cols[k]], space.terms[cols[k]]),
                space.terms[cols[k]],
                float(values[k]),
            )
            for rank, k in enumerate(order, start=1)
        )
    return pd.DataFrame(
        rows, columns=["document_id", "rank", "term", "stem", "weight"]
    ).astype({"rank": "int64", "weight": "float64"})


def similar_articles(
    space: ReferenceSpace,
    articles: pd.DataFrame,
    *,
    n: int = 10,
    n_shared: int = 6,
    labels: dict[str, str] | None = None,
) -> pd.DataFrame:
    """The reference articles most like the article: cosine of their TF-IDF vectors.

    How to read it: 1 would be the same terms in the same proportions, 0 no term in
    common. News on the same story or the same actors scores highest; read the shared
    terms to see why an article is close.

    Args:
        space: from :func:`reference_space`.
        articles: the reference metadata, ``id``, ``source``, ``category``, ``url``
            (:func:`helpers.reference.reference_articles`).
        n: articles returned.
        n_shared: shared terms listed per article (by the product of their weights).
        labels: ``{term: display form}`` for the shared terms.

    Returns:
        Columns ``id``, ``source``, ``category``, ``url``, ``similarity`` (0..1),
        ``shared_terms`` (display forms, comma-separated, strongest first); sorted by
        similarity descending, ties by id.
    """
    missing = {"id", "source", "category", "url"} - set(articles.columns)
    if missing:
        raise HelpersError(
            f"articles lacks column(s) {sorted(missing)}; pass helpers.reference.reference_articles()."
        )
    if n < 1 or n_shared < 1:
        raise HelpersError(
            f"n and n_shared must be at least 1, got {n!r} and {n_shared!r}."
        )
    similarity = (space.reference_tfidf @ space.article_tfidf.T).toarray().ravel()
    ids = np.asarray(space.reference_ids, dtype=object)
    order = sorted(
        range(len(ids)), key=lambda i: (-round(float(similarity[i]), 12), ids[i])
    )[:n]
    labels = labels or {}
    article = space.article_tfidf.toarray().ravel()
    rows = []
    for i in order:
        product = space.reference_tfidf[i].toarray().ravel() * article
        shared = [
            j for j in np.argsort(-product, kind="stable")[:n_shared] if product[j] > 0
        ]
        rows.append(
            (
                ids[i],
                float(similarity[i]),
                ", ".join(labels.get(space.terms[j], space.terms[j]) for j in shared),
            )
        )
    ranked = pd.DataFrame(rows, columns=["id", "similarity", "shared_terms"])
    meta = articles[["id", "source", "category", "url"]].drop_duplicates("id")
    table = ranked.merge(meta, on="id", how="left")
    return table[
        ["id", "source", "category", "url", "similarity", "shared_terms"]
    ].astype({"similarity": "float64"})


def joined_terms(
    terms: pd.DataFrame, document_ids, *, empty: str = "(no content words)"
) -> list[str]:
    """Each document's ``term`` values joined by ", ", one string per id of ``document_ids``.

    >>> joined_terms(pd.DataFrame({"document_id": [2, 1, 2], "term": ["a", "b", "c"]}), [1, 2, 3])
    ['b', 'a, c', '(no content words)']
    """
    require_columns(
        terms,
        ["document_id", "term"],
        caller="joined_terms",
        fix="pass a table with one row per (document_id, term)",
    )
    joined = terms.groupby("document_id", sort=True)["term"].apply(", ".join)
    return joined.reindex(list(document_ids), fill_value=empty).tolist()
