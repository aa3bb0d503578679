"""Keyness statistics (helpers.keyness) on a two-word toy corpus worked by hand.

Toy corpus: the text is ``a a a b`` (4 tokens), the reference ``a b b b b b b b``
(8 tokens). For ``a`` the 2x2 table is [[3, 1], [1, 7]] (the term / other tokens x text /
reference), N = 12, expected cells 4/3, 8/3, 8/3, 16/3, so

    G2 = 2 [3 ln(3 / (4/3)) + 1 ln(1 / (8/3)) + 1 ln(1 / (8/3)) + 7 ln(7 / (16/3))]
       = 2 [3 ln(9/4) + 2 ln(3/8) + 7 ln(21/16)] = 4.749336

With two words, ``b``'s table is ``a``'s with its rows swapped: the same G2.
Log ratio (Hardie 2014): a: log2((3/4) / (1/8)) = log2 6 = 2.584963;
b: log2((1/4) / (7/8)) = log2(2/7) = -1.807355. p = chi2.sf(4.749336, 1) = 0.029310.
The two-cell form (Rayson & Garside 2000, the UCREL calculator): expected 4/3 and 8/3,
G2 = 2 [3 ln(9/4) + 1 ln(3/8)] = 2.903923.

Second implementation: ``scipy.stats.chi2_contingency(table, correction=False,
lambda_="log-likelihood")`` (Cressie-Read power divergence with lambda 0, i.e. G2).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from helpers import keyness
from helpers.errors import HelpersError, OptionError

TEXT = pd.DataFrame({"term": ["a", "b"], "count": [3, 1]})
REFERENCE = pd.DataFrame({"term": ["a", "b"], "count": [1, 7]})
G2_TOY = 2 * (3 * math.log(9 / 4) + 2 * math.log(3 / 8) + 7 * math.log(21 / 16))


def test_hand_computed_g2_for_the_toy_corpus():
    assert G2_TOY == pytest.approx(4.749336, abs=1e-6)
    assert keyness.log_likelihood([3, 1], [1, 7], 4, 8) == pytest.approx(
        [4.749336, 4.749336], abs=1e-6
    )


def test_two_cell_form_matches_the_hand_value():
    assert keyness.log_likelihood(3, 1, 4, 8, cells=2) == pytest.approx(
        2.903923, abs=1e-6
    )


def test_g2_agrees_with_scipy_on_random_tables():
    rng = np.random.default_rng(20240621)
    size, reference_size = 500, 200_000
    a = rng.integers(0, 40, size=200)
    b = rng.integers(0, 3000, size=200)
    ours = keyness.log_likelihood(a, b, size, reference_size)
    for i in range(0, 200, 7):
        if a[i] + b[i] == 0:
            continue
        table = np.array([[a[i], b[i]], [size - a[i], reference_size - b[i]]])
        theirs = stats.chi2_contingency(
            table, correction=False, lambda_="log-likelihood"
        ).statistic
        assert ours[i] == pytest.approx(theirs, rel=1e-9, abs=1e-9)


def test_zero_counts_use_the_limit_and_equal_rates_give_zero():
    # 0 * ln 0 = 0: a term absent from the text still has a finite G2
    assert np.isfinite(keyness.log_likelihood(0, 50, 100, 1000))
    assert keyness.log_likelihood(10, 100, 100, 1000) == pytest.approx(0.0, abs=1e-12)
    assert keyness.log_likelihood(0, 0, 100, 1000) == pytest.approx(0.0)


def test_hand_computed_log_ratio_and_hardies_zero_adjustment():
    assert keyness.log_ratio([3, 1], [1, 7], 4, 8) == pytest.approx(
        [math.log2(6), math.log2(2 / 7)]
    )
    # a term absent from the reference: its count is taken as 0.5
    assert keyness.log_ratio(4, 0, 100, 1000) == pytest.approx(
        math.log2((4 / 100) / (0.5 / 1000))
    )
    assert keyness.log_ratio(10, 100, 100, 1000) == pytest.approx(0.0)


def test_keyness_table_for_the_toy_corpus():
    table = keyness.keyness_table(TEXT, REFERENCE, correction="none")
    assert list(table.columns[:6]) == keyness.KEYNESS_COLUMNS
    a = table.set_index("term").loc["a"]
    b = table.set_index("term").loc["b"]
    assert (a["article_count"], a["reference_count"]) == (3, 1)
    assert a["log_likelihood"] == pytest.approx(G2_TOY) and b[
        "log_likelihood"
    ] == pytest.approx(G2_TOY)
    assert a["p_value"] == pytest.approx(0.029310, abs=1e-6)
    assert a["direction"] == "positive" and b["direction"] == "negative"
    assert table["term"].tolist() == ["a", "b"]  # positive keywords first
    assert a["significant"] and a["article_per_1000"] == pytest.approx(750.0)


def test_corrections_bonferroni_and_fdr():
    p = np.array([0.01, 0.04, 0.03, 0.5])
    assert keyness.adjust_p_values(p, correction="bonferroni") == pytest.approx(
        [0.04, 0.16, 0.12, 1.0]
    )
    # Benjamini-Hochberg by hand: sorted p 0.01, 0.03, 0.04, 0.5 -> p * 4 / rank, then
    # cumulative minimum from the top: 0.04, 0.0533, 0.0533, 0.5
    assert keyness.adjust_p_values(p, correction="fdr") == pytest.approx(
        [0.04, 0.053333, 0.053333, 0.5], abs=1e-6
    )
    assert keyness.adjust_p_values(p, correction="none").tolist() == p.tolist()
    table = keyness.keyness_table(TEXT, REFERENCE, correction="bonferroni")
    assert table["p_adjusted"].tolist() == pytest.approx(
        (table["p_value"] * 2).clip(upper=1).tolist()
    )


def test_terms_missing_on_one_side_and_inputs_unchanged():
    text = pd.DataFrame({"term": ["pakta", "main"], "count": [5, 1]})
    reference = pd.DataFrame({"term": ["main", "gol"], "count": [900, 100]})
    before = text.copy(), reference.copy()
    table = keyness.keyness_table(text, reference)
    assert set(table["term"]) == {"pakta", "main", "gol"}
    row = table.set_index("term").loc["gol"]
    assert row["article_count"] == 0 and row["direction"] == "negative"
    pd.testing.assert_frame_equal(text, before[0])
    pd.testing.assert_frame_equal(reference, before[1])


def test_keywords_picks_one_direction_by_g2():
    text = pd.DataFrame({"term": ["pakta", "rusia", "main"], "count": [20, 10, 1]})
    reference = pd.DataFrame(
        {"term": ["pakta", "rusia", "main", "gol"], "count": [1, 50, 5000, 5000]}
    )
    table = keyness.keyness_table(text, reference)
    top = keyness.keywords(table, direction="positive", n=2)
    assert top["term"].tolist() == ["pakta", "rusia"]
    assert keyness.keywords(table, direction="negative", significant_only=False)[
        "term"
    ].tolist()[0] in {"main", "gol"}


def test_bad_input_gets_one_clear_error():
    with pytest.raises(OptionError):
        keyness.keyness_table(TEXT, REFERENCE, correction="holm")
    with pytest.raises(HelpersError, match="lacks column"):
        keyness.keyness_table(TEXT.rename(columns={"count": "n"}), REFERENCE)
    with pytest.raises(HelpersError, match="duplicated"):
        keyness.keyness_table(pd.concat([TEXT, TEXT]), REFERENCE)
    with pytest.raises(HelpersError, match="the text has none"):
        keyness.keyness_table(TEXT.iloc[:0], REFERENCE)
    with pytest.raises(HelpersError, match="between 0 and the corpus size"):
        keyness.log_likelihood(5, 1, 4, 8)


def test_describe_keywords_names_the_strongest_and_explains_absent_negatives():
    text = pd.DataFrame({"term": ["pakta", "rusia", "main"], "count": [20, 10, 1]})
    reference = pd.DataFrame(
        {"term": ["pakta", "rusia", "main", "gol"], "count": [1, 50, 5000, 5000]}
    )
    table = keyness.keyness_table(text, reference)
    out = keyness.describe_keywords(
        table, labels={"rusia": "Rusia"}, n_reference_documents=3
    )
    assert "(3 articles, 10,051 term occurrences, 4 distinct terms)" in out
    assert (
        "31 term occurrences (3 distinct terms) give **2** significantly over-used"
        in out
    )
    assert (
        "*pakta, Rusia*" in out
        and "**pakta**, occurs 20 times here (645.2 per 1,000 terms)" in out
    )
    # pakta: log2((20/31) / (1/10051)) = 12.66 -> about 6,485 times
    assert f"{2 ** math.log2((20 / 31) / (1 / 10051)):,.0f}" in out
    n_neg = int((table["significant"] & (table["direction"] == "negative")).sum())
    if n_neg:
        assert "The article avoids" in out
    else:
        assert "No term is significantly under-used" in out


def test_significance_threshold_is_the_smallest_significant_g2():
    table = keyness.keyness_table(TEXT, REFERENCE, correction="none")
    assert keyness.significance_threshold(table) == pytest.approx(G2_TOY)
    assert (
        keyness.significance_threshold(
            keyness.keyness_table(TEXT, REFERENCE, alpha=0.01)
        )
        is None
    )


def test_plot_keywords_draws_both_panels_and_copes_with_no_terms():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.plots import keyness as keyness_plots

    table = keyness.keyness_table(TEXT, REFERENCE, correction="none").assign(
        label=lambda t: t["term"]
    )
    axes = keyness_plots.plot_keywords(
        table[table["direction"] == "positive"], table.iloc[:0], threshold=3.84
    )
    assert axes[0].get_title().startswith("Over-used") and axes[
        1
    ].get_title().startswith("Under-used")
    assert [t.get_text() for t in axes[0].get_yticklabels()] == ["a"]
    assert axes[0].get_xlabel().startswith("Log-likelihood")
    plt.close("all")


def test_acronym_forms_upper_case_what_the_article_writes_in_capitals():
    forms = {
        "mk": "mk",
        "putus": "putuskan",
        "rusia": "rusia",
        "korea utara": "korea utara",
    }
    texts = [
        "MK didesak memutuskan uji materi.",
        "Putusan MK ditunggu; mk ditulis kecil sekali.",
        "Rusia dan RUSIA.",
    ]
    shown = keyness.acronym_forms(forms, texts)
    # MK: 2 in capitals against 1 other spelling; Rusia: 1 against 1, not more often: stays.
    assert shown == {
        "mk": "MK",
        "putus": "putuskan",
        "rusia": "rusia",
        "korea utara": "korea utara",
    }
    assert forms["mk"] == "mk"  # input untouched
