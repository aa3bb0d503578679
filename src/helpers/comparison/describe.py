"""Prose about the comparison with Indonesian news, each a :class:`~helpers.prose.Prose`."""

from __future__ import annotations

import pandas as pd

from ..prose import Prose, plural
from ..reference import publication_years


def describe_reference_shift(
    within: pd.DataFrame,
    against: pd.DataFrame,
    *,
    n_paragraphs: int,
    paragraph_counts: pd.DataFrame | None = None,
    reference_df: pd.Series | None = None,
    n_reference: int | None = None,
    max_terms: int = 6,
) -> Prose:
    """What changes when IDF comes from the news instead of the article's own paragraphs.

    Args:
        within: :func:`helpers.topics.top_terms_by_document` (within-article view).
        against: :func:`paragraph_terms` (against the reference), same ``n_terms``.
        n_paragraphs: paragraphs in the article.
        paragraph_counts: the article's ``document_id``, ``term``, ``count``; when
            given, the sentence says in how many paragraphs the most widespread
            entering term is used (why the within-article IDF hid it).
        reference_df, n_reference: ``{term: reference articles using it}`` and the
            number of reference articles; when given, the sentence quotes them too.

    Returns:
        A :class:`~helpers.prose.Prose` (shown with ``notebook.md``): the terms that enter the
        paragraphs' top lists, each with the number of paragraphs whose top list it
        enters (most first), and in how many paragraphs the top term changes; then the
        entering term that occurs in the most paragraphs, with that count (a different
        number: occurrence, not rank).
    """
    before = set(within["stem"])
    entering = against[~against["stem"].isin(before)]
    spread = (
        entering.groupby(["stem", "term"])
        .size()
        .rename("paragraphs")
        .reset_index()
        .sort_values(["paragraphs", "term"], ascending=[False, True], kind="mergesort")
    )
    top_before = within[within["rank"] == 1].set_index("document_id")["stem"]
    top_after = against[against["rank"] == 1].set_index("document_id")["stem"]
    common = top_before.index.intersection(top_after.index)
    changed = int((top_before.loc[common] != top_after.loc[common]).sum())
    values = {
        "changed": changed,
        "n": n_paragraphs,
        "paras": plural(n_paragraphs, "paragraph", with_count=False),
    }
    if spread.empty:
        return Prose(
            "Against the news, no new term enters the paragraphs' top lists; the top term changes in "
            "**{changed}** of {n} {paras}.",
            **values,
        )
    shown = spread.head(max_terms)
    values.update(
        k=len(spread),
        terms=", ".join(
            f"{t} ({p})" for t, p in zip(shown["term"], shown["paragraphs"])
        ),
        verb=plural(len(spread), "term enters", "terms enter", with_count=False),
    )
    template = (
        "Against the news, **{k}** {verb} the paragraphs' top lists that the within-article view never "
        "ranks there, most widely *{terms}* (in brackets: the number of paragraphs whose top list the "
        "term enters), and the top term changes in "
        "**{changed}** of {n} {paras}."
    )
    if paragraph_counts is not None and n_paragraphs > 1:
        used = (
            paragraph_counts[paragraph_counts["term"].isin(spread["stem"])]
            .groupby("term")["document_id"]
            .nunique()
        )
        if len(used):
            widest = used.sort_values(ascending=False, kind="mergesort")
            widest = widest[widest == widest.iloc[0]].sort_index()
            stem = widest.index[0]
            values.update(
                wide=spread.set_index("stem").loc[stem, "term"],
                wide_n=int(widest.iloc[0]),
            )
            template += " Of the entering terms, *{wide}* occurs in the most paragraphs of the article ({wide_n} of {n})"
            if reference_df is not None and n_reference:
                values.update(
                    ref_n=int(reference_df.get(stem, 0)), n_ref=f"{n_reference:,}"
                )
                template += ", but in only {ref_n} of {n_ref} reference articles"
            template += "."
    return Prose(template, **values)


def describe_similar(similar: pd.DataFrame) -> Prose:
    """The closest reference articles in one or two sentences, as a :class:`~helpers.prose.Prose`.

    The IndoSum ids begin with a Unix timestamp; when they do, the years of the listed
    articles are quoted, so a reader sees that "similar" means the same actors and
    vocabulary, not necessarily the same event.
    """
    if similar.empty:
        raise ValueError("describe_similar needs at least one article.")
    top = similar.iloc[0]
    years = publication_years(similar)
    categories = similar["category"].value_counts()
    values = {
        "source": top["source"],
        "category": top["category"],
        "s": f"{top['similarity']:.2f}",
        "shared": top["shared_terms"] or "no terms",
        "n": len(similar),
        "cat": categories.index[0],
        "k_cat": int(categories.iloc[0]),
        "low": f"{similar['similarity'].min():.2f}",
    }
    values["share"] = (
        f"All {len(similar)} are"
        if values["k_cat"] == len(similar)
        else f"{values['k_cat']} of the {len(similar)} are"
    )
    template = (
        "The closest reference article ({source}, {category}) has cosine **{s}** and shares *{shared}*. "
        "{share} in the category *{cat}*; the last listed has cosine {low}."
    )
    if years != "unknown years":
        values["years"] = years
        template += (
            " They were published in {years}, so a close article shares this one's actors and vocabulary, "
            "not necessarily its event."
        )
    return Prose(template, **values)


def describe_excluded(excluded: pd.DataFrame, *, threshold: float = 0.95) -> Prose:
    """One line saying which reference articles were left out as this article itself."""
    if excluded.empty:
        return Prose(
            "The article is not in the reference corpus (no reference article has a cosine of term counts "
            "≥ {t} with it), so no article was left out.",
            t=f"{threshold:.2f}",
        )
    values = {
        "n": plural(len(excluded), "reference article"),
        "ids": ", ".join(excluded["id"].astype(str)),
        "s": f"{excluded['similarity'].max():.3f}",
        "t": f"{threshold:.2f}",
        "verb": "was" if len(excluded) == 1 else "were",
    }
    return Prose(
        "**{n}** {verb} left out as this article itself (cosine of term counts {s} ≥ {t}): *{ids}*; "
        "it is not in the reference counts, the reference IDF or the similar articles.",
        **values,
    )


def describe_reference(
    counts: pd.DataFrame, articles: pd.DataFrame, frequencies: pd.DataFrame
) -> Prose:
    """One sentence on the reference corpus: size, years and mix of categories.

    Args:
        counts: the reference term counts (``document_id``).
        articles: their metadata (``category``, and what
            :func:`helpers.reference.publication_years` reads).
        frequencies: :func:`helpers.reference.term_frequencies` of ``counts``.
    """
    shares = articles["category"].value_counts(normalize=True)
    return Prose(
        "Reference: **{n}** IndoSum articles published {years}, **{size}** term "
        "occurrences ({distinct} distinct terms), counted with this notebook's "
        "analyzer. Categories: {mix}.",
        n=f"{counts['document_id'].nunique():,}",
        years=publication_years(articles),
        size=f"{int(frequencies['count'].sum()):,}",
        distinct=f"{len(frequencies):,}",
        mix=", ".join(
            f"{c} {s:.0%}" if s >= 0.005 else f"{c} <1%" for c, s in shares.items()
        ),
    )
