"""helpers.analyzer: the Indonesian analyzer, step by step and against the plain rules."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analyzer import Expression, IndonesianAnalyzer, indonesian_analyzer
from helpers.errors import OptionError
from helpers.stemming import Stemmer
from helpers.stopwords import stopword_set
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
    from helpers import analyzer

    stemmer = Stemmer()
    first = indonesian_analyzer(stemmer=stemmer)
    assert first("memperkuat pakta") == ["kuat", "pakta"]
    assert indonesian_analyzer(stemmer=stemmer).term_memo is first.term_memo
    assert indonesian_analyzer(stemmer=Stemmer()).term_memo == {}
    monkeypatch.setattr(analyzer, "MIN_TOKEN_CHARS", 6)  # another rule: another memo
    stricter = indonesian_analyzer(stemmer=stemmer)
    assert stricter.term_memo is not first.term_memo
    assert stricter("memperkuat pakta") == ["kuat"]


@pytest.mark.parametrize("names_first", [True, False])
def test_an_articles_names_never_leak_into_an_analyzer_sharing_its_memo(names_first):
    # "Milan" is one of the article's names (kept whole); the plain word "milan"
    # elsewhere is stemmed (here by an override, as Sastrawi does: milan -> mil). The
    # two analyzers share one term memo (same stemmer and rules), in either order.
    from helpers import multiwords

    names = multiwords.entity_expressions(
        pd.DataFrame({"entity": ["Milan"], "mention": ["Milan"]})
    )
    stemmer = Stemmer(overrides={"milan": "mil"})
    with_names = indonesian_analyzer(stemmer=stemmer, expressions=names)
    plain = indonesian_analyzer(stemmer=stemmer)
    assert with_names.term_memo is plain.term_memo
    runs = [(with_names, ["milan"]), (plain, ["mil"])]
    for analyzer, expected in runs if names_first else runs[::-1]:
        assert analyzer("Milan") == expected
        assert analyzer.terms_aligned(analyzer.words("Milan")) == expected


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
