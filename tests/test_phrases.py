"""Phrases, collocations, repetition and KWIC on tiny Indonesian texts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, chi2_contingency

import helpers
from helpers import OptionError, phrases


def _tables(*paragraphs: str):
    table = pd.DataFrame({"paragraph_id": range(1, len(paragraphs) + 1), "text": list(paragraphs)})
    sentences = helpers.sentences_table(table)
    return sentences, helpers.tokens_table(sentences)


def test_content_ngrams_count_adjacent_content_words_only():
    _, tokens = _tables("Pakta pertahanan Rusia kuat.", "Pakta pertahanan itu dan Rusia kuat.")
    bigrams = phrases.content_ngrams(tokens, n=2).set_index("ngram")
    assert bigrams.loc["pakta pertahanan", "count"] == 2
    assert bigrams.loc["pakta pertahanan", "n_paragraphs"] == 2
    assert bigrams.loc["rusia kuat", "count"] == 2
    assert bigrams.loc["pertahanan rusia", "count"] == 1     # only in paragraph 1
    assert "pertahanan itu" not in bigrams.index            # stop words break n-grams
    trigrams = phrases.content_ngrams(tokens, n=3)
    assert trigrams["ngram"].tolist() == ["pakta pertahanan rusia", "pertahanan rusia kuat"]


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
    assert table["bigram"].tolist() == ["korea utara"]       # pairs seen once are not ranked
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
    _, tokens = _tables("Dengan demikian keseimbangan kekuatan berubah.",
                        "Dengan demikian keseimbangan kekuatan tetap.",
                        "Keseimbangan kekuatan lagi.")
    table = phrases.repeated_phrases(tokens).set_index("phrase")
    assert table.loc["dengan demikian keseimbangan kekuatan", "n_paragraphs"] == 2
    assert table.loc["keseimbangan kekuatan", "count"] == 3   # also stands alone in paragraph 3
    assert "dengan demikian" not in table.index               # always inside the longer phrase
    assert "demikian keseimbangan" not in table.index


def test_repeated_share_by_hand():
    _, tokens = _tables("Tidak hanya itu saja.", "Tidak hanya itu, kata dia.", "Lain sekali.")
    share = phrases.repeated_share(tokens, min_n=3)
    assert share["n_repeated_words"].tolist() == [3, 3, 0]
    assert share["repeated_share"].tolist() == pytest.approx([3 / 4, 3 / 5, 0.0])


def test_sentence_openers_and_frames():
    sentences, tokens = _tables("Dengan demikian ini jelas. Hal ini baik.", "Dengan demikian itu jelas.")
    openers = phrases.sentence_openers(tokens)
    assert openers["opener"].tolist() == ["dengan demikian"]
    assert openers["count"].tolist() == [2]
    s2, _ = _tables("Tidak hanya politik, tetapi juga ekonomi.", "Ini tidak hanya soal militer, namun juga dagang.")
    frames = phrases.correlative_frames(s2).set_index("frame")
    assert frames.iloc[0]["count"] == 2 and frames.iloc[0]["n_paragraphs"] == 2


def test_kwic_word_phrase_and_stem():
    _, tokens = _tables("Rusia menandatangani pakta pertahanan dengan Korea Utara.",
                        'Perjanjian itu, kata Putin, "pakta yang kuat".')
    rows = phrases.kwic(tokens, "pakta", window=2)
    assert list(rows.columns) == ["paragraph_id", "sentence_id", "token_id", "left", "keyword", "right"]
    assert rows["paragraph_id"].tolist() == [1, 2]
    assert rows.iloc[0][["left", "keyword", "right"]].tolist() == ["Rusia menandatangani", "pakta", "pertahanan dengan"]
    assert phrases.kwic(tokens, "pakta", window=3).iloc[1]["left"] == 'Putin, "'  # window counts punctuation
    phrase = phrases.kwic(tokens, "Korea Utara", window=1)
    assert phrase.iloc[0][["left", "keyword", "right"]].tolist() == ["dengan", "Korea Utara", "."]
    by_stem = phrases.kwic(tokens, "janji", by="stem")
    assert by_stem["keyword"].tolist() == ["Perjanjian"]
    assert phrases.kwic(tokens, "Ukraina").empty
    with pytest.raises(OptionError):
        phrases.kwic(tokens, "...")


def test_detokenize():
    assert phrases.detokenize(["Kata", "dia", ",", '"', "damai", "dan", "aman", '"', "."]) == 'Kata dia, "damai dan aman".'
    assert phrases.detokenize(["Rabu", "(", "19/6", ")", "."]) == "Rabu (19/6)."
