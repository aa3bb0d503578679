"""Tests for helpers.vectorize: the Indonesian analyzer and vectoriser factories."""

from __future__ import annotations

import warnings

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from helpers.errors import OptionError
from helpers.stemming import Stemmer
from helpers.stopwords import stopword_set
from helpers.vectorize import (
    DEFAULT_CONFIG,
    Expression,
    IndonesianAnalyzer,
    VectorizerConfig,
    display_term,
    indonesian_analyzer,
    make_count_vectorizer,
    make_tfidf_vectorizer,
    term_surface_forms,
)
from plain_analyzer import plain_terms


def test_analyzer_drops_stopwords_punctuation_numbers_and_stems():
    terms = indonesian_analyzer()(
        "Pakta pertahanan ini memperkuat kerja sama militer, 2024 (19/6)."
    )
    assert terms == [
        "pakta",
        "pertahanan",
        "kuat",
        "kerja sama",
        "militer",
    ]  # kerja sama: one listed expression


def test_analyzer_never_emits_stopwords_or_non_letters():
    text = 'Dan, yang; itu 10:58 -- 33,2% ! Mereka menunjukkan bahwa "kami" siap.'
    terms = indonesian_analyzer()(text)
    stops = stopword_set()
    assert all(t.isalpha() and t not in stops for t in terms)
    assert "tunjuk" not in terms  # menunjukkan -> tunjuk, a stop word after stemming


def test_analyzer_ngrams_join_neighbouring_stems():
    terms = indonesian_analyzer(ngram_range=(2, 2))("pakta pertahanan militer")
    assert terms == ["pakta pertahanan", "pertahanan militer"]


def test_analyzer_uses_the_given_stemmer_cache():
    stemmer = Stemmer(overrides={"pakta": "PAKTA"})
    assert indonesian_analyzer(stemmer=stemmer)("pakta") == ["PAKTA"]
    assert stemmer.cache == {"pakta": "PAKTA"}


@pytest.mark.parametrize("bad", [(0, 1), (2, 1), ("1", 2)])
def test_bad_ngram_range_raises_option_error(bad):
    with pytest.raises(OptionError, match="ngram_range"):
        indonesian_analyzer(ngram_range=bad)


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


def test_stop_phrase_salah_satu_is_dropped_but_salah_alone_is_kept():
    analyzer = indonesian_analyzer()
    assert analyzer("Salah satu negara") == ["negara"]
    assert analyzer("keputusan salah") == ["putus", "salah"]


# --- the chain's steps, each on a snippet worked out by hand ------------------------


def test_words_step_keeps_letter_tokens_lower_cased_and_merges_listed_expressions():
    analyzer = indonesian_analyzer(stemmer=Stemmer())
    words = analyzer.words("Kerja sama (2024), Kerja, SAMA: 10:58 Negara-negara!")
    assert words == ["kerja sama", "kerja", "sama", "negara-negara"]
    assert [type(word) for word in words][:2] == [Expression, str]
    # punctuation between the words stops a match; so does a sentence boundary
    assert analyzer.words("Korea, Utara. Korea Utara") == [
        "korea",
        "utara",
        "korea utara",
    ]
    assert analyzer.words("HTTP://a.id x") == ["http", "a", "id", "x"]  # not a URL
    assert analyzer.words("") == []


def test_stop_phrase_step_drops_neighbouring_pairs_only():
    analyzer = indonesian_analyzer(stemmer=Stemmer())
    assert analyzer.drop_stop_phrases(["salah", "satu", "negara", "salah"]) == [
        "negara",
        "salah",
    ]
    assert analyzer.drop_stop_phrases(["salah", "x", "satu"]) == ["salah", "x", "satu"]
    assert analyzer.drop_stop_phrases(["salah", "seorang"]) == []
    assert analyzer("SALAH SATU negara, Salah. Satu") == ["negara"]


def test_terms_step_applies_the_content_word_rule_then_stems():
    analyzer = indonesian_analyzer(stemmer=Stemmer())
    words = [
        "mereka",
        "memperkuat",
        "x",
        "menunjukkan",
        "pakta",
        Expression("kerja sama"),
    ]
    # mereka: a stop word; x: one letter; menunjukkan -> tunjuk, a stop word
    terms = analyzer.terms(words)
    assert terms == ["kuat", "pakta", "kerja sama"]
    assert all(type(term) is str for term in terms)  # no Expression leaks out
    assert analyzer.terms_aligned(["mereka", "memperkuat"]) == [None, "kuat"]


def test_terms_step_drops_an_empty_stem_and_a_stop_word_stem():
    stemmer = Stemmer(overrides={"pakta": "", "rusia": "yang"})
    assert indonesian_analyzer(stemmer=stemmer)("Pakta Rusia pakta kuat") == ["kuat"]


def test_ngram_step():
    assert indonesian_analyzer(ngram_range=(1, 2)).ngrams(["a", "b", "c"]) == [
        "a",
        "b",
        "c",
        "a b",
        "b c",
    ]
    assert indonesian_analyzer(ngram_range=(3, 3)).ngrams(["a", "b"]) == []


def test_a_step_can_be_added_to_the_chain():
    class WithoutRussia(IndonesianAnalyzer):
        def __init__(self, **options):
            super().__init__(**options)
            self.steps = (self.words, self.drop_rusia, *self.steps[1:])

        def drop_rusia(self, words):
            return [word for word in words if word.lower() != "rusia"]

    text = "Pakta Rusia dan Korea Utara"
    assert WithoutRussia(stemmer=Stemmer())(text) == ["pakta", "korea utara"]
    assert indonesian_analyzer(stemmer=Stemmer())(text) == [
        "pakta",
        "rusia",
        "korea utara",
    ]


def test_the_term_memo_is_only_a_cache():
    analyzer = indonesian_analyzer(stemmer=Stemmer())
    documents = ["Salah satu pakta memperkuat", "Kerja sama Korea Utara", "pakta"]
    first = [analyzer(d) for d in documents]
    assert analyzer.term_memo  # filled
    assert [analyzer(d) for d in documents] == first  # served from the memo
    analyzer.term_memo.clear()
    assert [analyzer(d) for d in documents] == first
    poisoned = {word: "wrong" for word in analyzer.term_memo}
    analyzer.term_memo.update(poisoned)  # the memo is read: a wrong cache shows
    assert analyzer("pakta") == ["wrong"]


def test_the_term_memo_is_shared_only_by_the_same_stemmer_and_rules(monkeypatch):
    from helpers import vectorize

    stemmer = Stemmer()
    first = indonesian_analyzer(stemmer=stemmer)
    assert first("memperkuat pakta") == ["kuat", "pakta"]
    assert indonesian_analyzer(stemmer=stemmer).term_memo is first.term_memo
    assert indonesian_analyzer(stemmer=Stemmer()).term_memo == {}
    monkeypatch.setattr(vectorize, "MIN_TOKEN_CHARS", 6)  # another rule: another memo
    stricter = indonesian_analyzer(stemmer=stemmer)
    assert stricter.term_memo is not first.term_memo
    assert stricter("memperkuat pakta") == ["kuat"]


# --- the chain equals the rules written out plainly (tests/plain_analyzer.py) ---------


def _assert_chain_equals_plain(documents, stemmer):
    analyzer = indonesian_analyzer(stemmer=stemmer)
    for _ in range(2):  # the second pass is served from the term memo
        for document in documents:
            assert analyzer(document) == plain_terms(document, stemmer), document


def test_chain_equals_plain_rules_on_random_strings():
    import random

    from helpers import config

    rng = random.Random(config.RANDOM_SEED)
    pieces = [
        "Salah",
        "salah",
        "satu",
        "seorang",
        "SATU",
        "yang",
        "dan",
        "menunjukkan",
        "Pakta",
        "pertahanan",
        "negara-negara",
        "Korut-Rusia",
        "kerja",
        "sama",
        "Korea",
        "utara",
        "x",
        "di",
        "jum'at",
        "é",
        "memperkuat",
        " ",
        " ",
        " ",
        ",",
        ".",
        "-",
        "2024",
        "(19/6)",
        "http://a.id",
        "a@b.co",
        "ke-2",
        "\n",
    ]
    documents = [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for _ in range(3_000)
    ]
    _assert_chain_equals_plain(documents, Stemmer())


@pytest.mark.slow
def test_chain_equals_plain_rules_on_smsa_texts():
    from helpers.bench import smsa_train_texts
    from helpers.stemming import default_stemmer

    _assert_chain_equals_plain(smsa_train_texts(), default_stemmer())


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
