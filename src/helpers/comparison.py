"""An article against the background of Indonesian news: TF-IDF with reference document
frequencies, and the reference articles most like it.

Within one article, IDF can only compare paragraphs with each other: a word used in
every paragraph (*Rusia*) gets the lowest weight, although it is what the article is
about. Here the documents that decide IDF are the reference articles (IndoSum,
:mod:`helpers.reference`) plus the article itself, so a term is weighted by how rare it
is in general news. Two uses:

* :func:`paragraph_terms`: the distinctive terms of each paragraph, against the news;
* :func:`similar_articles`: the reference articles whose TF-IDF vectors are closest
  (cosine) to the article's, with the terms they share.

scikit-learn does the weighting: ``TfidfTransformer`` (smoothed IDF, sublinear TF,
l2-normalised rows, the settings of :data:`helpers.vectorize.DISTINCTIVE_CONFIG`) is fitted
on the reference articles' counts plus the article's, built from the tidy count tables
of :func:`helpers.reference.term_counts`, so every term is the project's own (same
stems, stop words and multi-word expressions).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from .errors import HelpersError, require_columns
from .prose import Prose, plural
from .reference import publication_years
from .vectorize import DISTINCTIVE_CONFIG


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


#: IndoSum cuts the slug in its ids at this many characters (often mid-word).
INDOSUM_SLUG_CHARS = 50


def headline(
    article_id: str, text: str = "", *, url: str = "", max_chars: int = 70
) -> str:
    """A readable headline for an IndoSum article, from the slug of its id or its URL.

    IndoSum ids are ``<unix time>-<slug of the headline>`` (``1515102300-mk-didesak-...``),
    the slug cut at 50 characters, often mid-word (``...-sampai-ada-pu``). When the
    article's ``url`` ends with the whole slug (it starts with the id's), that one is
    used; otherwise a cut slug loses its last, partial word and ends with an ellipsis.
    The words are written as the article's ``text`` writes them most often (``MK``,
    ``Setnov``, ``KPK``; as the slug when the text never uses the word), the first letter
    is capitalised, and a headline longer than ``max_chars`` is cut at a word boundary
    with an ellipsis.
    """
    if max_chars < 10:
        raise HelpersError(f"max_chars must be at least 10, got {max_chars!r}.")
    slug = re.sub(r"^\d+-", "", str(article_id))
    tail = (
        re.sub(r"\.[a-z]+$", "", str(url).rstrip("/").rsplit("/", 1)[-1].lower())
        if url
        else ""
    )
    tail = re.sub(
        r"^[\d-]+(?=[a-z])", "", tail
    )  # cnnindonesia.com: 20171115112810-12-255759-<slug>
    cut = False
    if slug and tail.startswith(slug):
        slug = tail  # the whole slug (the same one when IndoSum did not cut it)
    elif len(slug) >= INDOSUM_SLUG_CHARS and "-" in slug:
        slug, cut = slug.rsplit("-", 1)[0], True
    words = [w for w in slug.split("-") if w]
    if not words:
        return str(article_id)
    # Sentence-initial words are capitalised whatever they are: count spellings mid-sentence
    # first, and fall back to all occurrences for a word that only opens sentences.
    mid, initial = Counter(), Counter()
    for match in re.finditer(r"\w+", text):
        before = text[: match.start()].rstrip()[-1:]
        (initial if before in ("", ".", "!", "?", '"', "“", ":", "-", "—") else mid)[
            match.group()
        ] += 1
    mid_words = {form.lower() for form in mid}
    written = mid + Counter(
        {form: n for form, n in initial.items() if form.lower() not in mid_words}
    )
    by_lower: dict[str, tuple[int, str]] = {}
    for form, count in sorted(written.items()):
        key = form.lower()
        if key not in by_lower or count > by_lower[key][0]:
            by_lower[key] = (count, form)
    shown = []
    for word in words:
        shown.append(
            by_lower.get(word.lower(), (0, word))[1]
        )  # the text's most frequent spelling
    title = " ".join(shown)
    title = title[:1].upper() + title[1:]
    if len(title) <= max_chars:
        return title + ("…" if cut else "")
    cut = title[: max_chars - 1].rsplit(" ", 1)[0]
    return cut + "…"


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
