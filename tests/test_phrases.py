"""Phrases, collocations, repetition and KWIC on tiny Indonesian texts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, chi2_contingency

import helpers
from helpers import OptionError, phrases


def _tables(*paragraphs: str):
    table = pd.DataFrame(
        {"paragraph_id": range(1, len(paragraphs) + 1), "text": list(paragraphs)}
    )
    sentences = helpers.sentences_table(table)
    return sentences, helpers.tokens_table(sentences)


def test_content_ngrams_count_adjacent_content_words_only():
    _, tokens = _tables(
        "Pakta pertahanan Rusia kuat.", "Pakta pertahanan itu dan Rusia kuat."
    )
    bigrams = phrases.content_ngrams(tokens, n=2).set_index("ngram")
    assert bigrams.loc["pakta pertahanan", "count"] == 2
    assert bigrams.loc["pakta pertahanan", "n_paragraphs"] == 2
    assert bigrams.loc["rusia kuat", "count"] == 2
    assert bigrams.loc["pertahanan rusia", "count"] == 1  # only in paragraph 1
    assert "pertahanan itu" not in bigrams.index  # stop words break n-grams
    trigrams = phrases.content_ngrams(tokens, n=3)
    assert trigrams["ngram"].tolist() == [
        "pakta pertahanan rusia",
        "pertahanan rusia kuat",
    ]


def test_ngrams_do_not_cross_sentences():
    _, tokens = _tables("Rusia kuat. Korea kuat.")
    assert "kuat korea" not in phrases.content_ngrams(tokens, n=2)["ngram"].tolist()


def test_log_likelihood_matches_scipy():
    n, c1, c2, total = 3, 5, 4, 40
    table = np.array([[n, c1 - n], [c2 - n, total - c1 - c2 + n]])
    g2, *_ = chi2_contingency(table, lambda_="log-likelihood", correction=False)
    assert phrases.log_likelihood([n], [c1], [c2], total)[0] == pytest.approx(g2)


def test_collocations_min_freq_and_pmi_by_hand():
    _, tokens = _tables("Korea Utara kuat.", "Korea Utara maju.", "Rusia kuat.")
    table = phrases.collocations(tokens, min_freq=2)
    assert table["bigram"].tolist() == ["korea utara"]  # pairs seen once are not ranked
    row = table.iloc[0]
    # word pairs: korea-utara, utara-kuat, korea-utara, utara-maju, rusia-kuat -> N = 5
    assert (row["n"], row["c1"], row["c2"]) == (2, 2, 2)
    assert row["pmi"] == pytest.approx(np.log2(2 * 5 / (2 * 2)))
    assert len(phrases.collocations(tokens, min_freq=1)) == 4  # distinct content pairs
    # Bonferroni over all 4 candidate content pairs, including the ones seen once.
    assert row["n_tests"] == 4
    assert row["p_value"] == pytest.approx(chi2.sf(row["log_likelihood"], 1))
    assert row["p_bonferroni"] == pytest.approx(min(1.0, 4 * row["p_value"]))
    with pytest.raises(OptionError):
        phrases.collocations(tokens, measure="dice")


def test_repeated_phrases_are_maximal_and_across_paragraphs():
    _, tokens = _tables(
        "Dengan demikian keseimbangan kekuatan berubah.",
        "Dengan demikian keseimbangan kekuatan tetap.",
        "Keseimbangan kekuatan lagi.",
    )
    table = phrases.repeated_phrases(tokens).set_index("phrase")
    assert table.loc["dengan demikian keseimbangan kekuatan", "n_paragraphs"] == 2
    assert (
        table.loc["keseimbangan kekuatan", "count"] == 3
    )  # also stands alone in paragraph 3
    assert "dengan demikian" not in table.index  # always inside the longer phrase
    assert "demikian keseimbangan" not in table.index


def test_repeated_share_by_hand():
    _, tokens = _tables(
        "Tidak hanya itu saja.", "Tidak hanya itu, kata dia.", "Lain sekali."
    )
    share = phrases.repeated_share(tokens, min_n=3)
    assert share["n_repeated_words"].tolist() == [3, 3, 0]
    assert share["repeated_share"].tolist() == pytest.approx([3 / 4, 3 / 5, 0.0])


def test_sentence_openers_and_frames():
    sentences, tokens = _tables(
        "Dengan demikian ini jelas. Hal ini baik.", "Dengan demikian itu jelas."
    )
    openers = phrases.sentence_openers(tokens)
    assert openers["opener"].tolist() == ["dengan demikian"]
    assert openers["count"].tolist() == [2]
    s2, _ = _tables(
        "Tidak hanya politik, tetapi juga ekonomi.",
        "Ini tidak hanya soal militer, namun juga dagang.",
    )
    frames = phrases.correlative_frames(s2).set_index("frame")
    assert frames.iloc[0]["count"] == 2 and frames.iloc[0]["n_paragraphs"] == 2


def test_kwic_word_phrase_and_stem():
    _, tokens = _tables(
        "Rusia menandatangani pakta pertahanan dengan Korea Utara.",
        'Perjanjian itu, kata Putin, "pakta yang kuat".',
    )
    rows = phrases.kwic(tokens, "pakta", window=2)
    assert list(rows.columns) == [
        "paragraph_id",
        "sentence_id",
        "token_id",
        "left",
        "keyword",
        "right",
    ]
    assert rows["paragraph_id"].tolist() == [1, 2]
    assert rows.iloc[0][["left", "keyword", "right"]].tolist() == [
        "Rusia menandatangani",
        "pakta",
        "pertahanan dengan",
    ]
    assert (
        phrases.kwic(tokens, "pakta", window=3).iloc[1]["left"] == 'Putin, "'
    )  # window counts punctuation
    phrase = phrases.kwic(tokens, "Korea Utara", window=1)
    assert phrase.iloc[0][["left", "keyword", "right"]].tolist() == [
        "dengan",
        "Korea Utara",
        ".",
    ]
    by_stem = phrases.kwic(tokens, "janji", by="stem")
    assert by_stem["keyword"].tolist() == ["Perjanjian"]
    assert phrases.kwic(tokens, "Ukraina").empty
    with pytest.raises(OptionError):
        phrases.kwic(tokens, "...")


def test_detokenize():
    assert (
        phrases.detokenize(["Kata", "dia", ",", '"', "damai", "dan", "aman", '"', "."])
        == 'Kata dia, "damai dan aman".'
    )
    assert phrases.detokenize(["Rabu", "(", "19/6", ")", "."]) == "Rabu (19/6)."


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


def test_kwic_finds_a_merged_name_by_its_term_and_phrases_across_it():
    from helpers import entities, multiwords

    text = (
        "Warga Jawa Barat menanam padi. Petani Jawa Barat panen.",
        "Menurut Dedi Mulyadi, Jawa Barat siap.",
    )
    table = pd.DataFrame({"paragraph_id": [1, 2], "text": list(text)})
    _, tokens = _tables(*text)
    merged = multiwords.merge_multiwords(
        tokens,
        expressions=multiwords.entity_expressions(entities.entity_mentions(table)),
    )
    rows = phrases.kwic(merged, "Jawa Barat")
    assert rows["keyword"].tolist() == ["Jawa Barat"] * 3
    assert phrases.kwic(merged, "petani jawa barat")["keyword"].tolist() == [
        "Petani Jawa Barat"
    ]
    assert phrases.kwic(merged, "jawa").empty  # the word alone is part of the name
    text = str(phrases.describe_kwic(rows, "jawa barat"))
    assert text.startswith("*jawa barat* occurs 3 times in 2 paragraphs;")


def test_kwic_by_stem_finds_every_form_the_word_table_counts():
    _, tokens = _tables("Negara-negara itu dan negara kita bernegara.")
    rows = phrases.kwic(tokens, "negara", by="stem")
    assert rows["keyword"].tolist() == ["Negara-negara", "negara", "bernegara"]


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
