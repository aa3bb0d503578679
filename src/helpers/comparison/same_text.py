"""The reference articles that are the analysed article itself (or a near-identical copy).

When the analysed article is an IndoSum article it sits in the reference too: compared
with itself it is its own closest article, and its words inflate the reference counts.
:func:`same_text_ids` finds such copies, :func:`without_articles` leaves them out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import HelpersError
from .space import _check_counts


def same_text_ids(
    article_counts: pd.DataFrame,
    reference_counts: pd.DataFrame,
    *,
    threshold: float = 0.95,
) -> pd.DataFrame:
    """The reference articles that are this article itself (or a near-identical copy).

    Why: when the analysed article is an IndoSum article, it sits in the reference too;
    comparing it with itself makes it its own closest article (cosine about 1) and puts
    its own words in the reference counts, which shrinks every keyness score. Two texts
    count as the same when the cosine of their raw term-count vectors is at least
    ``threshold`` (a copy with a changed dateline or headline still reaches 0.99; two
    reports of the same event by different outlets stay well below 0.9).

    Args:
        article_counts: the article's ``document_id``, ``term``, ``count`` (summed over
            its paragraphs).
        reference_counts: :func:`helpers.reference.reference_counts`.
        threshold: cosine at or above which a reference article is the same text.

    Returns:
        Columns ``id``, ``similarity`` (cosine of counts), sorted by similarity
        descending then id; empty when the article is not in the reference.
    """
    _check_counts(article_counts, "article_counts", ("document_id", "term", "count"))
    _check_counts(
        reference_counts, "reference_counts", ("document_id", "term", "count")
    )
    if not 0 < threshold <= 1:
        raise HelpersError(f"threshold must be in (0, 1], got {threshold!r}.")
    empty = pd.DataFrame(
        {"id": pd.Series(dtype=object), "similarity": pd.Series(dtype="float64")}
    )
    whole = article_counts.groupby("term")["count"].sum()
    if whole.empty or reference_counts.empty:
        return empty
    # Only reference articles sharing a term can be similar; the dot product over shared terms.
    shared = reference_counts[reference_counts["term"].isin(whole.index)]
    dot = shared["count"].to_numpy(dtype=float) * whole.reindex(
        shared["term"]
    ).to_numpy(dtype=float)
    dots = pd.Series(dot).groupby(shared["document_id"].to_numpy()).sum()
    norms = np.sqrt(
        (reference_counts["count"].astype(float) ** 2)
        .groupby(reference_counts["document_id"])
        .sum()
    )
    cosine = dots / (
        norms.reindex(dots.index) * float(np.sqrt((whole.astype(float) ** 2).sum()))
    )
    same = cosine[cosine >= threshold - 1e-12]
    if same.empty:
        return empty
    table = pd.DataFrame(
        {
            "id": same.index.to_numpy(dtype=object),
            "similarity": same.to_numpy(dtype=float),
        }
    )
    return table.sort_values(
        ["similarity", "id"], ascending=[False, True], kind="mergesort"
    ).reset_index(drop=True)


def without_articles(
    reference_counts: pd.DataFrame, articles: pd.DataFrame, excluded: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reference counts and metadata without the ``excluded`` ids (:func:`same_text_ids`).

    Returns new tables (the inputs are not modified), in their original order.
    """
    drop = set(excluded["id"])
    return (
        reference_counts[~reference_counts["document_id"].isin(drop)].reset_index(
            drop=True
        ),
        articles[~articles["id"].isin(drop)].reset_index(drop=True),
    )
