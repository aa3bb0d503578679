"""Keyness: which terms a text over-uses or avoids compared with a reference corpus.

Two numbers per term, as corpus linguists report them (AntConc, WordSmith, Sketch Engine):

* **log-likelihood G²** (Dunning 1993), the significance of the difference. The 2×2
  table is the term's count and all other tokens, in the text and in the reference;
  G² = 2 Σ O ln(O / E) over its four cells, where E comes from the margins. Under the
  null hypothesis (same relative frequency in both) G² follows a χ² distribution with one
  degree of freedom, so ``p_value`` is ``chi2.sf(G², 1)``. Thousands of terms are tested
  at once, so p-values are corrected for multiple testing: Benjamini-Hochberg's false
  discovery rate (default) or Bonferroni.
* **log ratio** (Hardie 2014), the size of the difference: ``log2`` of the ratio of the
  term's relative frequencies (text / reference). +1 means twice as frequent in the
  text, -1 half as frequent. A zero count is replaced by 0.5 (Hardie's adjustment), so
  a term missing from one side gets a finite value.

Positive keywords (``direction == "positive"``) are over-used in the text; negative
keywords are under-used ("what the article avoids compared with general news").

Why hand-written: the formulas are a few vectorised lines of numpy; no pinned library
offers keyness tables. ``tests/test_keyness.py`` checks them against hand-computed
values and against ``scipy.stats.chi2_contingency(..., lambda_="log-likelihood")``.

References:
    Dunning, T. (1993). Accurate methods for the statistics of surprise and
    coincidence. Computational Linguistics 19(1), 61-74.
    Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling.
    Workshop on Comparing Corpora, ACL 2000 (the two-cell variant the UCREL calculator
    uses; :func:`log_likelihood` with ``cells=2``).
    Hardie, A. (2014). Log Ratio: an informal introduction. CASS, Lancaster University.
    https://cass.lancs.ac.uk/log-ratio-an-informal-introduction/
    Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate. JRSS B 57(1).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
from scipy import stats

from .errors import HelpersError, check_option
from .prose import Prose

#: Significance level after correction.
ALPHA = 0.05

#: Multiple-testing corrections :func:`keyness_table` accepts.
CORRECTIONS = ("fdr", "bonferroni", "none")

#: Hardie's (2014) replacement for a zero frequency in the log ratio.
ZERO_ADJUSTMENT = 0.5

#: Columns of ``keyness.csv`` (README, "Processed tables"), then the extra ones.
KEYNESS_COLUMNS = [
    "term",
    "article_count",
    "reference_count",
    "log_likelihood",
    "log_ratio",
    "p_value",
]


def _xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    # x * ln(y) with 0 * ln(0) = 0: the limit, as Dunning's and Rayson's formulas use.
    return np.where(x > 0, x * np.log(np.where(x > 0, y, 1.0)), 0.0)


def log_likelihood(
    count, reference_count, size: float, reference_size: float, *, cells: int = 4
) -> np.ndarray:
    """G² of a term's frequency in a text against a reference corpus (array in, array out).

    How to read it: 0 means the same relative frequency in both; larger means a less
    likely difference. 3.84 is p = 0.05 and 10.83 is p = 0.001 for one test (χ², 1 df).
    The sign of the difference is not in G²: see :func:`log_ratio`.

    Args:
        count, reference_count: the term's counts (scalars or arrays of equal length).
        size, reference_size: total tokens of the text and of the reference.
        cells: 4 (default) is Dunning's full 2×2 table; 2 is the two-cell form of
            Rayson & Garside (2000) used by the UCREL calculator, which leaves out the
            "other tokens" row (the two agree closely when the term is rare).

    Returns:
        float array of G² values (>= 0).
    """
    if cells not in (2, 4):
        raise HelpersError(f"cells must be 2 or 4, got {cells!r}.")
    a = np.asarray(count, dtype=float)
    b = np.asarray(reference_count, dtype=float)
    c, d = float(size), float(reference_size)
    if c <= 0 or d <= 0:
        raise HelpersError(
            f"Corpus sizes must be positive (got {c:g} and {d:g}); the text or the reference has no terms."
        )
    if np.any(a < 0) or np.any(b < 0) or np.any(a > c) or np.any(b > d):
        raise HelpersError("Counts must be between 0 and the corpus size.")
    total = c + d
    expected_a, expected_b = c * (a + b) / total, d * (a + b) / total
    g2 = _xlogy(a, a / np.where(expected_a > 0, expected_a, 1)) + _xlogy(
        b, b / np.where(expected_b > 0, expected_b, 1)
    )
    if cells == 4:
        other_a, other_b = c - a, d - b
        expected_other_a, expected_other_b = c - expected_a, d - expected_b
        g2 = (
            g2
            + _xlogy(
                other_a, other_a / np.where(expected_other_a > 0, expected_other_a, 1)
            )
            + _xlogy(
                other_b, other_b / np.where(expected_other_b > 0, expected_other_b, 1)
            )
        )
    return np.maximum(2.0 * g2, 0.0)  # rounding can give -1e-15 for identical rates


def log_ratio(count, reference_count, size: float, reference_size: float) -> np.ndarray:
    """Hardie's (2014) log ratio: ``log2((count / size) / (reference_count / reference_size))``.

    How to read it: each unit doubles the difference; +3 means eight times as frequent
    in the text as in the reference, 0 the same, negative less frequent. A zero count
    is replaced by ``ZERO_ADJUSTMENT`` (0.5), so it is an estimate, not infinite.
    """
    a = np.where(
        np.asarray(count, dtype=float) == 0,
        ZERO_ADJUSTMENT,
        np.asarray(count, dtype=float),
    )
    b = np.where(
        np.asarray(reference_count, dtype=float) == 0,
        ZERO_ADJUSTMENT,
        np.asarray(reference_count, dtype=float),
    )
    return np.log2((a / float(size)) / (b / float(reference_size)))


def adjust_p_values(p_values, *, correction: str = "fdr") -> np.ndarray:
    """p-values corrected for testing many terms at once.

    ``fdr``: Benjamini-Hochberg (``scipy.stats.false_discovery_control``), which keeps
    the expected share of false keywords among those called significant at ``ALPHA``;
    ``bonferroni``: ``p × number of tests`` (capped at 1), which keeps the chance of even
    one false keyword at ``ALPHA``, stricter; ``none``: unchanged.
    """
    check_option("correction", correction, CORRECTIONS)
    p = np.asarray(p_values, dtype=float)
    if p.size == 0 or correction == "none":
        return p.copy()
    if correction == "bonferroni":
        return np.minimum(p * p.size, 1.0)
    return stats.false_discovery_control(p, method="bh")


def keyness_table(
    counts: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    correction: str = "fdr",
    alpha: float = ALPHA,
) -> pd.DataFrame:
    """Keyness of every term of a text against a reference corpus.

    Args:
        counts: the text's terms, columns ``term`` and ``count`` (one row per term).
        reference: the reference's terms, columns ``term`` and ``count``
            (:func:`helpers.reference.reference_frequencies`). Neither is modified.
        correction: ``fdr`` (Benjamini-Hochberg, default), ``bonferroni`` or ``none``.
            The number of tests is the number of distinct terms in either table.
        alpha: significance level after correction.

    Returns:
        One row per term in either table: ``term``, ``article_count``,
        ``reference_count``, ``log_likelihood`` (G², Dunning's four-cell form),
        ``log_ratio`` (Hardie), ``p_value`` (uncorrected, χ² with 1 df), then
        ``p_adjusted``, ``significant`` (``p_adjusted < alpha``), ``direction``
        (``positive``: relatively more frequent in the text; ``negative``: less;
        ``none``: equal), ``article_per_1000`` and ``reference_per_1000`` (relative
        frequencies per thousand terms). Sorted by direction (positive first), then
        G² descending, then term: the positive keywords head the table.

    Caveats: the text and the reference must be counted the same way (the same
    analyzer); G² assumes independent tokens, which words in a text are not, so p-values
    are optimistic for terms that cluster (a name repeated in one article). Read the
    log ratio with it: a significant but small effect is not a keyword worth quoting.
    """
    check_option("correction", correction, CORRECTIONS)
    if not 0 < alpha < 1:
        raise HelpersError(f"alpha must be between 0 and 1, got {alpha!r}.")
    for name, table in (("counts", counts), ("reference", reference)):
        missing = {"term", "count"} - set(table.columns)
        if missing:
            raise HelpersError(
                f"keyness_table: {name} lacks column(s) {sorted(missing)}; it needs 'term' and 'count'."
            )
        if table["term"].duplicated().any():
            raise HelpersError(
                f"keyness_table: {name} has duplicated terms; aggregate counts per term first."
            )
    merged = (
        counts[["term", "count"]]
        .rename(columns={"count": "article_count"})
        .merge(
            reference[["term", "count"]].rename(columns={"count": "reference_count"}),
            on="term",
            how="outer",
        )
        .fillna({"article_count": 0, "reference_count": 0})
    )
    merged = merged.astype({"article_count": "int64", "reference_count": "int64"})
    size, reference_size = (
        int(merged["article_count"].sum()),
        int(merged["reference_count"].sum()),
    )
    if size == 0 or reference_size == 0:
        raise HelpersError(
            "keyness_table needs terms on both sides: "
            + ("the text has none." if size == 0 else "the reference has none.")
        )
    a, b = merged["article_count"].to_numpy(), merged["reference_count"].to_numpy()
    merged["log_likelihood"] = log_likelihood(a, b, size, reference_size)
    merged["log_ratio"] = log_ratio(a, b, size, reference_size)
    merged["p_value"] = stats.chi2.sf(merged["log_likelihood"].to_numpy(), df=1)
    merged["p_adjusted"] = adjust_p_values(
        merged["p_value"].to_numpy(), correction=correction
    )
    merged["significant"] = merged["p_adjusted"] < alpha
    rate, reference_rate = a / size, b / reference_size
    merged["direction"] = np.select(
        [rate > reference_rate, rate < reference_rate], ["positive", "negative"], "none"
    )
    merged["article_per_1000"] = 1000 * rate
    merged["reference_per_1000"] = 1000 * reference_rate
    order = merged["direction"].map({"positive": 0, "none": 1, "negative": 2})
    merged = (
        merged.assign(_order=order, _g2=-merged["log_likelihood"])
        .sort_values(["_order", "_g2", "term"], kind="mergesort")
        .drop(columns=["_order", "_g2"])
    )
    return merged.reset_index(drop=True)


def keywords(
    table: pd.DataFrame,
    *,
    direction: str = "positive",
    n: int = 10,
    significant_only: bool = True,
) -> pd.DataFrame:
    """The ``n`` strongest keywords of one direction from :func:`keyness_table`.

    Positive keywords are ranked by G² (the usual keyword list); negative keywords by
    G² too, so the most reliably avoided terms come first. ``significant_only`` keeps
    terms whose corrected p-value is below the table's ``alpha``.
    """
    check_option("direction", direction, ("positive", "negative"))
    chosen = table[table["direction"] == direction]
    if significant_only:
        chosen = chosen[chosen["significant"]]
    return (
        chosen.sort_values(
            ["log_likelihood", "term"], ascending=[False, True], kind="mergesort"
        )
        .head(n)
        .reset_index(drop=True)
    )


def significance_threshold(table: pd.DataFrame) -> float | None:
    """The smallest G² called significant in ``table`` (None when none is)."""
    significant = table.loc[table["significant"], "log_likelihood"]
    return float(significant.min()) if len(significant) else None


def describe_keywords(
    table: pd.DataFrame,
    *,
    labels: dict[str, str] | None = None,
    n: int = 5,
    correction: str = "fdr",
    n_reference_documents: int | None = None,
) -> Prose:
    """What the keyness table says, as a :class:`~helpers.prose.Prose` (shown with ``notebook.md``).

    Names the strongest positive
    keywords with their counts, rates and log ratio, and either the significant
    negative keywords or why there are none (the expected count of the most frequent
    term the article does not use).
    """
    labels = labels or {}
    show = lambda term: labels.get(term, term)  # noqa: E731
    size, reference_size = (
        int(table["article_count"].sum()),
        int(table["reference_count"].sum()),
    )
    positive = keywords(table, direction="positive", n=n)
    negative = keywords(table, direction="negative", n=n)
    n_pos = int((table["significant"] & (table["direction"] == "positive")).sum())
    n_neg = int((table["significant"] & (table["direction"] == "negative")).sum())
    method = {
        "fdr": "false discovery rate 5 %, Benjamini-Hochberg",
        "bonferroni": "Bonferroni, 5 %",
        "none": "uncorrected, 5 %",
    }[correction]
    values = {
        "size": f"{size:,}",
        "ref_size": f"{reference_size:,}",
        "n_pos": n_pos,
        "n_neg": n_neg,
        "method": method,
        "docs": f"{n_reference_documents:,} articles, "
        if n_reference_documents
        else "",
    }
    values.update(
        distinct=f"{int((table['article_count'] > 0).sum()):,}",
        ref_distinct=f"{int((table['reference_count'] > 0).sum()):,}",
    )
    template = (
        "Against the reference ({docs}{ref_size} term occurrences, {ref_distinct} distinct terms), the "
        "article's {size} term occurrences ({distinct} distinct terms) give **{n_pos}** "
        "significantly over-used and **{n_neg}** significantly under-used terms ({method}). "
    )
    if len(positive):
        first = positive.iloc[0]
        values.update(
            top=", ".join(show(t) for t in positive["term"]),
            first=show(first["term"]),
            a=int(first["article_count"]),
            b=int(first["reference_count"]),
            ra=f"{first['article_per_1000']:.1f}",
            rb=f"{first['reference_per_1000']:.2f}",
            lr=f"{first['log_ratio']:+.1f}",
            fold=f"{2 ** first['log_ratio']:,.0f}",
        )
        template += (
            "The strongest positive keywords are *{top}*. The first, **{first}**, occurs {a} times here "
            "({ra} per 1,000 terms) against {b} in the reference ({rb} per 1,000): log ratio {lr}, "
            "about {fold} times as frequent. "
        )
    if len(negative):
        values["neg"] = ", ".join(show(t) for t in negative["term"])
        template += (
            "The article avoids *{neg}*: frequent in general news, rare or absent here."
        )
    else:
        absent = table[(table["direction"] == "negative")].sort_values(
            ["log_likelihood", "term"], ascending=[False, True], kind="mergesort"
        )
        if len(absent):
            row = absent.iloc[0]
            values.update(
                word=show(row["term"]),
                b_neg=f"{int(row['reference_count']):,}",
                a_neg=int(row["article_count"]),
                expected=f"{size * row['reference_count'] / reference_size:.1f}",
            )
            template += (
                "No term is significantly under-used: the article is too short for absence to be evidence. "
                "The strongest candidate, *{word}* ({b_neg} uses in the reference), would be expected "
                "{expected} times in a text this long and occurs {a_neg} times."
            )
    return Prose(template, **values)


def acronym_forms(forms: dict[str, str], texts) -> dict[str, str]:
    """``forms`` with each acronym written in capitals, as the article writes it.

    The surface forms of :func:`helpers.vectorize.term_surface_forms` are lower case
    (``mk``); a reader expects ``MK``. A form is upper-cased when the texts write that
    word in capitals (at least two letters, e.g. ``MK``, ``KPU``, ``DPR``) more often than
    in any other spelling; names and ordinary words keep their form.

    Returns a new dict (``forms`` is not modified).
    """
    written = Counter(re.findall(r"\w+", " ".join(str(t) for t in texts)))
    upper, other = Counter(), Counter()
    for word, count in written.items():
        is_acronym = (
            len(word) >= 2 and word.isupper() and any(ch.isalpha() for ch in word)
        )
        (upper if is_acronym else other)[word.lower()] += count
    acronyms = {w for w, count in upper.items() if count > other.get(w, 0)}
    return {
        term: (form.upper() if form in acronyms else form)
        for term, form in forms.items()
    }
