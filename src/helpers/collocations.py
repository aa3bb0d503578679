"""Two-word collocations of adjacent content words: PMI and Dunning's G².

:mod:`helpers.phrases` re-exports every public name.

References
----------
* Church, K. W. & Hanks, P. (1990). Word association norms, mutual information, and
  lexicography. *Computational Linguistics* 16(1), 22-29 (PMI).
* Dunning, T. (1993). Accurate methods for the statistics of surprise and
  coincidence. *Computational Linguistics* 19(1), 61-74 (log-likelihood G²).
* Bonferroni correction for many simultaneous tests: e.g. Dunn, O. J. (1961).
  Multiple comparisons among means. *JASA* 56, 52-64.
* Manning, C. D. & Schütze, H. (1999). *Foundations of Statistical Natural Language
  Processing*, ch. 5 (collocations; why a minimum frequency is needed for PMI).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import chi2

from .errors import OptionError, check_option, invalid_value_msg
from .ngrams import _TOKEN_COLUMNS, _require, _sentence_groups

#: Minimum bigram frequency for collocations: PMI rewards rare pairs (two words seen
#: once, together, get the highest score), so pairs seen once are not ranked.
MIN_COLLOCATION_FREQ = 2


def collocations(
    tokens: pd.DataFrame,
    *,
    min_freq: int = MIN_COLLOCATION_FREQ,
    measure: str = "log_likelihood",
) -> pd.DataFrame:
    """Two-word collocations of adjacent content words, ranked by an association score.

    Counts come from all adjacent word pairs inside sentences (stop words included),
    so the marginal counts are honest; only pairs of two content words are ranked.
    With ``N`` word pairs, ``c1`` pairs starting with word 1, ``c2`` pairs ending with
    word 2 and ``n`` pairs of exactly (word 1, word 2):

    * ``pmi`` = log2(n·N / (c1·c2)): how many times more often the pair occurs than if
      the words were independent, in bits. High for rare, exclusive pairs.
    * ``log_likelihood`` = Dunning's G² on the 2×2 contingency table: how surprising
      the pair count is under independence. It favours pairs that are both frequent
      and exclusive. **Read it as a ranking.** Its chi-square p-value (1 df) is
      approximate for counts as small as 2, and many pairs are tested at once, so
      ``p_bonferroni`` multiplies each p-value by the number of tests ``m``: every
      distinct adjacent content-word pair in the text (the pairs seen fewer than
      ``min_freq`` times were looked at too, so they count). A pair is significant
      at level alpha only when ``p_bonferroni < alpha``.

    Args:
        tokens: the token table.
        min_freq: rank only pairs seen at least this often (default
            :data:`MIN_COLLOCATION_FREQ`; PMI is unreliable for pairs seen once).
        measure: ``log_likelihood`` or ``pmi``: the sort key.

    Returns:
        Columns ``bigram``, ``word1``, ``word2``, ``n``, ``c1``, ``c2``, ``pmi``,
        ``log_likelihood``, ``p_value`` (chi-square, 1 df, uncorrected),
        ``p_bonferroni`` (``min(1, p_value × m)``), ``n_tests`` (``m``); sorted by
        ``measure`` descending, then ``bigram``.
    """
    _require(tokens, _TOKEN_COLUMNS, "collocations")
    check_option("measure", measure, ("log_likelihood", "pmi"))
    if min_freq < 1:
        raise OptionError(
            invalid_value_msg("min_freq", min_freq, "a whole number of 1 or more")
        )
    pairs: list[tuple[str, str, bool]] = []
    for _, _, group in _sentence_groups(tokens[tokens["is_word"]]):
        words = group["lower"].tolist()
        content = (group["is_alpha"] & ~group["is_stopword"]).tolist()
        pairs.extend(
            (words[i], words[i + 1], content[i] and content[i + 1])
            for i in range(len(words) - 1)
        )
    columns = [
        "bigram",
        "word1",
        "word2",
        "n",
        "c1",
        "c2",
        "pmi",
        "log_likelihood",
        "p_value",
        "p_bonferroni",
        "n_tests",
    ]
    if not pairs:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(pairs, columns=["word1", "word2", "content"])
    total = len(frame)
    c1 = frame["word1"].value_counts()
    c2 = frame["word2"].value_counts()
    table = (
        frame[frame["content"]]
        .groupby(["word1", "word2"])
        .size()
        .rename("n")
        .reset_index()
    )
    n_tests = len(table)  # every distinct content pair was a candidate
    table = table[table["n"] >= min_freq].reset_index(drop=True)
    if table.empty:
        return pd.DataFrame(columns=columns)
    table["c1"] = table["word1"].map(c1).astype("int64")
    table["c2"] = table["word2"].map(c2).astype("int64")
    table["bigram"] = table["word1"] + " " + table["word2"]
    n, a, b = (table[c].to_numpy(dtype="float64") for c in ("n", "c1", "c2"))
    table["pmi"] = np.log2(n * total / (a * b))
    table["log_likelihood"] = log_likelihood(n, a, b, total)
    table["p_value"] = chi2.sf(table["log_likelihood"].to_numpy(), df=1)
    table["p_bonferroni"] = np.minimum(1.0, table["p_value"] * n_tests)
    table["n_tests"] = n_tests
    return table[columns].sort_values(
        [measure, "bigram"], ascending=[False, True], ignore_index=True
    )


def log_likelihood(n, c1, c2, total) -> np.ndarray:
    """Dunning's G² for 2×2 tables given pair count, marginals and total (vectorised).

    Equal to ``scipy.stats.chi2_contingency(table, lambda_="log-likelihood",
    correction=False)``'s statistic; hand-written so thousands of pairs are scored in
    one numpy expression instead of one scipy call each.
    """
    n, c1, c2 = (np.asarray(x, dtype="float64") for x in (n, c1, c2))
    observed = np.stack([n, c1 - n, c2 - n, total - c1 - c2 + n])
    row = np.stack([c1, c1, total - c1, total - c1])
    col = np.stack([c2, total - c2, c2, total - c2])
    expected = row * col / total
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return 2.0 * terms.sum(axis=0)
