"""helpers.vectorize: the vectoriser factories, their filters and surface forms."""

from __future__ import annotations

import warnings

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from helpers.errors import OptionError
from helpers.stemming import Stemmer
from helpers.vectorize import (
    DEFAULT_CONFIG,
    VectorizerConfig,
    display_term,
    make_count_vectorizer,
    make_tfidf_vectorizer,
    term_surface_forms,
)


def test_tfidf_vectorizer_fits_without_warnings_and_uses_config():
    docs = [
        "Pakta pertahanan Rusia.",
        "Pakta militer Rusia.",
        "Ekonomi dan perdagangan.",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vec = make_tfidf_vectorizer(min_df=1, max_df=1.0)
        matrix = vec.fit_transform(docs)
    assert isinstance(vec, TfidfVectorizer)
    assert matrix.shape[0] == 3
    assert "pakta" in vec.vocabulary_
    assert make_tfidf_vectorizer().min_df == DEFAULT_CONFIG.min_df
    assert (
        make_count_vectorizer(min_df=1).fit_transform(docs).sum() == 8
    )  # 3 + 3 + 2 content words


def test_unknown_vectorizer_option_raises():
    with pytest.raises(OptionError, match="stop_words"):
        make_tfidf_vectorizer(stop_words="english")


def test_config_relaxes_filters_for_tiny_corpora():
    assert VectorizerConfig(min_df=2, max_df=0.9).for_corpus(2) == VectorizerConfig(
        min_df=1, max_df=1.0
    )
    assert DEFAULT_CONFIG.for_corpus(17) == DEFAULT_CONFIG


def test_surface_forms_show_the_most_frequent_word():
    forms = term_surface_forms(["kekhawatiran kekhawatiran", "khawatir"])
    assert forms["khawatir"] == "kekhawatiran"
    assert display_term("khawatir khawatir", forms) == "kekhawatiran kekhawatiran"


def test_one_tfidf_value_worked_by_hand_with_sublinear_tf():
    """d1 = "Rusia Rusia Rusia pakta.", d2 = "Pakta damai." (n = 2 documents).

    Smoothed idf = ln((1 + n) / (1 + df)) + 1: rusia (df 1) 1 + ln 1.5 = 1.405465,
    pakta (df 2) 1. Sublinear tf = 1 + ln(tf): rusia 1 + ln 3 = 2.098612, pakta 1.
    d1 before the l2 norm: rusia 2.949533, pakta 1; norm sqrt(2.949533^2 + 1) = 3.114441,
    so rusia = 0.947050 and pakta = 0.321086. (With raw tf rusia would be 0.973009.)
    """
    import math

    vectorizer = make_tfidf_vectorizer(stemmer=Stemmer(), min_df=1, max_df=1.0)
    matrix = vectorizer.fit_transform(
        ["Rusia Rusia Rusia pakta.", "Pakta damai."]
    ).toarray()
    column = {term: i for i, term in enumerate(vectorizer.get_feature_names_out())}
    rusia = (1 + math.log(3)) * (1 + math.log(3 / 2))
    norm = math.hypot(rusia, 1.0)
    assert (
        matrix[0, column["rusia"]]
        == pytest.approx(rusia / norm)
        == pytest.approx(0.947050, abs=1e-6)
    )
    assert (
        matrix[0, column["pakta"]]
        == pytest.approx(1 / norm)
        == pytest.approx(0.321086, abs=1e-6)
    )
    assert matrix[0, column["damai"]] == 0
