"""helpers.ngrams: content-word n-grams on tiny Indonesian texts."""

from __future__ import annotations

from article_tables import tables
from helpers import ngrams


def test_content_ngrams_count_adjacent_content_words_only():
    _, tokens = tables(
        "Pakta pertahanan Rusia kuat.", "Pakta pertahanan itu dan Rusia kuat."
    )
    bigrams = ngrams.content_ngrams(tokens, n=2).set_index("ngram")
    assert bigrams.loc["pakta pertahanan", "count"] == 2
    assert bigrams.loc["pakta pertahanan", "n_paragraphs"] == 2
    assert bigrams.loc["rusia kuat", "count"] == 2
    assert bigrams.loc["pertahanan rusia", "count"] == 1  # only in paragraph 1
    assert "pertahanan itu" not in bigrams.index  # stop words break n-grams
    trigrams = ngrams.content_ngrams(tokens, n=3)
    assert trigrams["ngram"].tolist() == [
        "pakta pertahanan rusia",
        "pertahanan rusia kuat",
    ]


def test_ngrams_do_not_cross_sentences():
    _, tokens = tables("Rusia kuat. Korea kuat.")
    assert "kuat korea" not in ngrams.content_ngrams(tokens, n=2)["ngram"].tolist()
