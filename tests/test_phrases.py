"""helpers.phrases: the prose about n-grams, collocations, repetition and KWIC."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import phrases

# --- describe ---------------------------------------------------------------------


def _collocations(rows, n_tests=10):
    table = pd.DataFrame(
        rows, columns=["bigram", "n", "pmi", "log_likelihood", "p_bonferroni"]
    )
    return table.assign(n_tests=n_tests)


def test_describe_collocations_single_pair_significant_and_not():
    one = _collocations([("korea utara", 3, 4.0, 20.0, 0.01)])
    assert phrases.describe_collocations(one, alpha=0.05) == (
        "It is the only pair seen often enough to rank. After a Bonferroni correction for the 10 content-word "
        "pairs in the text, the only ranked pair remains significant at 0.05 (adjusted p < 0.05); the p-values "
        "are approximate for counts this small, so the order matters more than the cut."
    )
    not_significant = one.assign(p_bonferroni=0.5)
    assert phrases.describe_collocations(not_significant, alpha=0.05).endswith(
        "none of the 1 ranked pairs is significant at 0.05; the ranking is descriptive."
    )


def test_describe_collocations_pmi_agrees_or_not():
    agree = _collocations(
        [("korea utara", 3, 5.0, 20.0, 0.01), ("kerja sama", 2, 3.0, 10.0, 0.2)]
    )
    text = phrases.describe_collocations(agree, alpha=0.05)
    assert text.startswith(
        "It also has the highest PMI (5.0 bits): both scores agree on the top pair."
    )
    assert "1 of the 2 ranked pairs remain significant at 0.05" in text
    differ = _collocations(
        [("korea utara", 3, 2.0, 20.0, 0.01), ("kerja sama", 2, 3.5, 10.0, 0.02)]
    )
    text = phrases.describe_collocations(differ, alpha=0.05)
    assert text.startswith(
        "By PMI the top pair is kerja sama (3.5 bits, seen 2 times), whose words rarely occur apart."
    )
    assert "2 of the 2 ranked pairs remain significant" in text


def test_describe_collocations_needs_a_pair():
    with pytest.raises(ValueError, match="at least one ranked collocation"):
        phrases.describe_collocations(_collocations([]))


def _repetition(n_words, n_repeated):
    table = pd.DataFrame(
        {
            "paragraph_id": range(1, len(n_words) + 1),
            "n_words": n_words,
            "n_repeated_words": n_repeated,
        }
    )
    return table.assign(repeated_share=table["n_repeated_words"] / table["n_words"])


_NO_FRAMES = pd.DataFrame(columns=["frame", "count"])


def test_describe_repetition_none():
    text = phrases.describe_repetition(
        _repetition([10, 10], [0, 0]), _NO_FRAMES, min_n=3
    )
    assert text == (
        "No phrase of 3+ words recurs in another paragraph: the article does not "
        "recycle its phrasing. "
    )


def test_describe_repetition_one_or_several_paragraphs():
    frames = pd.DataFrame(
        {"frame": ["tidak hanya ... tetapi juga", "baik ... maupun"], "count": [2, 1]}
    )
    text = phrases.describe_repetition(
        _repetition([10, 10, 20], [5, 0, 3]), frames, min_n=3
    )
    assert text.template.startswith("**{share}**")
    assert text == (
        "**20%** of the article's words sit inside phrases of 3+ words that recur in another paragraph. "
        "The most recycled paragraph is 1 (50% of its words). Correlative frames occur 3 times in total, "
        "most often tidak hanya ... tetapi juga."
    )
    text = phrases.describe_repetition(
        _repetition([10, 10], [5, 5]), _NO_FRAMES, min_n=4
    )
    assert text.endswith(
        "4+ words that recur in another paragraph. "
        "The most recycled paragraphs are 1, 2 (50% of their words). "
    )


def test_describe_repetition_renders_through_notebook_md():
    from helpers import notebook

    frames = pd.DataFrame({"frame": ["*bold* [x]"], "count": [1]})
    text = phrases.describe_repetition(_repetition([4], [2]), frames)
    rendered = notebook.md(text).data
    assert rendered.startswith("**50%**") and r"\*bold\* \[x\]" in rendered


def test_ngram_and_takeaway_prose():
    bigrams = pd.DataFrame(
        {"ngram": ["a b", "c d"], "count": [3, 3], "n_paragraphs": [2, 2]}
    )
    empty = bigrams.iloc[0:0]
    text = str(phrases.describe_ngrams(bigrams, empty))
    assert text == (
        "2 content bigrams occur more than once; the most frequent are a b, c d (3 times each). "
        "No content trigram occurs more than once."
    )
    assert "no collocation is ranked" in str(
        phrases.summarise_collocations(pd.DataFrame(), min_freq=2)
    )
    repetition = pd.DataFrame({"n_repeated_words": [0, 0], "n_words": [5, 5]})
    openers = pd.DataFrame({"opener": ["hal ini"]})
    assert str(phrases.summarise_repetition(repetition, openers, min_n=3)) == (
        "No 3+-word phrase recurs across paragraphs. Recurring sentence openers: hal ini."
    )
