"""helpers.collocations: PMI and G² worked by hand and against SciPy."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import chi2, chi2_contingency

from article_tables import tables
from helpers import OptionError, collocations


def test_log_likelihood_matches_scipy():
    n, c1, c2, total = 3, 5, 4, 40
    table = np.array([[n, c1 - n], [c2 - n, total - c1 - c2 + n]])
    g2, *_ = chi2_contingency(table, lambda_="log-likelihood", correction=False)
    assert collocations.log_likelihood([n], [c1], [c2], total)[0] == pytest.approx(g2)


def test_collocations_min_freq_and_pmi_by_hand():
    _, tokens = tables("Korea Utara kuat.", "Korea Utara maju.", "Rusia kuat.")
    table = collocations.collocations(tokens, min_freq=2)
    assert table["bigram"].tolist() == ["korea utara"]  # pairs seen once are not ranked
    row = table.iloc[0]
    # word pairs: korea-utara, utara-kuat, korea-utara, utara-maju, rusia-kuat -> N = 5
    assert (row["n"], row["c1"], row["c2"]) == (2, 2, 2)
    assert row["pmi"] == pytest.approx(np.log2(2 * 5 / (2 * 2)))
    assert (
        len(collocations.collocations(tokens, min_freq=1)) == 4
    )  # distinct content pairs
    # Bonferroni over all 4 candidate content pairs, including the ones seen once.
    assert row["n_tests"] == 4
    assert row["p_value"] == pytest.approx(chi2.sf(row["log_likelihood"], 1))
    assert row["p_bonferroni"] == pytest.approx(min(1.0, 4 * row["p_value"]))
    with pytest.raises(OptionError):
        collocations.collocations(tokens, measure="dice")
