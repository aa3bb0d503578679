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
    VectorizerConfig,
    display_term,
    indonesian_analyzer,
    make_count_vectorizer,
    make_tfidf_vectorizer,
    term_surface_forms,
)


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


# --- the memoised fast path equals the straightforward one ----------------------------


def _assert_fast_path_equals_reference(documents, stemmer):
    fast, reference = (
        indonesian_analyzer(stemmer=stemmer),
        indonesian_analyzer(stemmer=stemmer),
    )
    for document in documents:
        assert fast.stems(document) == reference.stems_reference(document), document
    # A second pass is served from the memo alone.
    assert [fast.stems(d) for d in documents] == [
        reference.stems_reference(d) for d in documents
    ]


def test_fast_path_equals_reference_on_random_strings():
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
    _assert_fast_path_equals_reference(documents, Stemmer())


def test_fast_path_equals_reference_when_an_override_stem_is_empty_or_a_stop_word():
    stemmer = Stemmer(overrides={"pakta": "", "rusia": "yang"})
    _assert_fast_path_equals_reference(
        ["Pakta Rusia pakta kuat", "pakta", "Rusia"], stemmer
    )


def test_fast_path_equals_reference_on_smsa_texts():
    from helpers.bench import smsa_train_texts
    from helpers.stemming import default_stemmer

    _assert_fast_path_equals_reference(smsa_train_texts(), default_stemmer())


def test_prepared_fit_equals_the_plain_scikit_learn_fit(monkeypatch):
    from helpers import stemming
    from helpers.bench import smsa_train_texts

    monkeypatch.setattr(stemming, "BATCH_MIN_WORDS", 500)
    texts = smsa_train_texts()[:1500]
    prepared_vec = make_tfidf_vectorizer(stemmer=Stemmer())
    assert prepared_vec.analyzer.expects_many_new_words(texts)
    prepared = prepared_vec.fit_transform(texts)
    assert prepared_vec.analyzer.prepared == {}  # used up or dropped after the fit
    plain_vec = make_tfidf_vectorizer(stemmer=Stemmer())
    plain = TfidfVectorizer.fit_transform(plain_vec, texts)  # skips the preparing step
    assert prepared_vec.vocabulary_ == plain_vec.vocabulary_
    assert (prepared != plain).nnz == 0
    # A warm stemmer expects no new words, so the corpus is not prepared again.
    assert not prepared_vec.analyzer.expects_many_new_words(texts)
    counts = make_count_vectorizer(stemmer=Stemmer(), min_df=1).fit(texts)
    assert (
        counts.vocabulary_
        == make_count_vectorizer(min_df=1).fit(list(texts)).vocabulary_
    )


def test_token_memo_is_shared_per_stemmer_only():
    stemmer = Stemmer()
    first, second = (
        indonesian_analyzer(stemmer=stemmer),
        indonesian_analyzer(stemmer=stemmer),
    )
    assert first("memperkuat pakta") == ["kuat", "pakta"]
    assert second.term_of is first.term_of and "memperkuat" in second.term_of
    other = indonesian_analyzer(stemmer=Stemmer(overrides={"memperkuat": "perkuat"}))
    assert other.term_of is not first.term_of
    assert other("memperkuat pakta") == ["perkuat", "pakta"]


def test_count_vectorizer_fit_prepares_once_and_uses_the_tokens(monkeypatch):
    from helpers import stemming, text
    from helpers.bench import smsa_train_texts

    monkeypatch.setattr(stemming, "BATCH_MIN_WORDS", 500)
    texts = smsa_train_texts()[:1000]
    calls = []
    real = text.letter_tokens

    def counting(document):
        calls.append(1)
        return real(document)

    import helpers.vectorize as vectorize

    monkeypatch.setattr(vectorize, "letter_tokens", counting)
    vectorizer = make_count_vectorizer(stemmer=Stemmer(), min_df=1).fit(texts)
    sample = len(texts[:: max(1, len(texts) // vectorize.PREPARE_SAMPLE)])
    repeats = len(texts) - len(
        set(texts)
    )  # a repeated text is tokenised again when met again
    assert (
        len(calls) == sample + len(texts) + repeats
    )  # the sample, then the corpus once
    assert vectorizer.analyzer.prepared == {}


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
