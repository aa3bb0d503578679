"""Stemming: overrides, caches, and the fast paths give exactly Sastrawi's answers."""

from __future__ import annotations

import json
import random

import pytest

from helpers import config, stemming, text
from helpers.stemming import Stemmer, default_cache_path, sastrawi_stem, surface_forms

PREFIXES = ["", "me", "mem", "men", "meng", "meny", "ber", "be", "ter", "pe", "pem", "pen",
            "peng", "peny", "per", "di", "ke", "se", "memper", "diper", "ku", "kau"]
SUFFIXES = ["", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu", "kannya", "annya"]


def _affixed_sample(n: int = 2500) -> list[str]:
    """Dictionary roots with prefixes and suffixes attached (deterministic sample)."""
    roots = sorted(w for w in stemming._plain_sastrawi().dictionary.words if w.isalpha())
    rng = random.Random(config.RANDOM_SEED)
    words = {rng.choice(PREFIXES) + rng.choice(roots) + rng.choice(SUFFIXES) for _ in range(n)}
    return sorted(words)


def _seed_words() -> list[str]:
    article = config.DEFAULT_ARTICLE.read_text(encoding="utf-8")
    return sorted({t.lower() for t in text.tokenize(article) if text.is_alpha(t)})


# --- the fast cold path is Sastrawi ---------------------------------------------------


def test_fast_path_equals_plain_sastrawi_on_affixed_words():
    plain = stemming._plain_sastrawi()
    words = _affixed_sample() + _seed_words()
    different = [(w, plain.stem(w) or w, sastrawi_stem(w)) for w in words
                 if (plain.stem(w) or w) != sastrawi_stem(w)]
    assert different == []


def test_fast_path_equals_plain_sastrawi_on_every_smsa_word():
    from helpers.bench import smsa_train_texts

    plain = stemming._plain_sastrawi()
    words = sorted({t.lower() for document in smsa_train_texts() for t in text.letter_tokens(document)})
    assert len(words) > 15_000
    assert [w for w in words if (plain.stem(w) or w) != sastrawi_stem(w)] == []


def test_compiled_precedence_specification_equals_sastrawis():
    from Sastrawi.Stemmer.ConfixStripping.PrecedenceAdjustmentSpecification import (
        PrecedenceAdjustmentSpecification,
    )

    ours = stemming._context_class()
    assert ours.__name__ == "CompiledPrecedenceContext"  # a Sastrawi upgrade would lose the speed-up
    compiled = ours.start_stemming_process.__globals__["PrecedenceAdjustmentSpecification"]()
    theirs = PrecedenceAdjustmentSpecification()
    for word in _affixed_sample() + ["belah", "bean", "mei", "dii", "pei", "teri", "terlah", "ber", "", "be\nlah"]:
        assert compiled.is_satisfied_by(word) == theirs.is_satisfied_by(word), word


@pytest.mark.parametrize("word", ["negara-negara", "berlari-lari", "jum'at", "café", "ABC", "se-asia",
                                  "meniru-nirukan", "x", "", "123", "mem-", "k212"])
def test_fast_path_equals_plain_sastrawi_on_odd_words(word):
    assert sastrawi_stem(word) == (stemming._plain_sastrawi().stem(word) or word)


def test_known_stems():
    stemmer = Stemmer()
    assert stemmer.stem("memperkuat") == "kuat"
    assert stemmer.stem("pertemuan") == "temu"
    assert stemmer.stem("kerja") == "kerja"  # a root is its own stem


def test_every_prefix_visitor_is_guarded():
    # A Sastrawi upgrade that changes its rule layout would silently lose the speed-up;
    # only the di/ke/se remover (not a disambiguator) is expected to run unguarded.
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    raw = StemmerFactory().create_stemmer().delegatedStemmer
    n_visitors = len(raw.visitor_provider.prefix_visitors)
    assert stemming._guard_prefix_visitors(raw) == n_visitors - 1


def test_every_affix_remover_is_compiled():
    stemmer = stemming._sastrawi()
    removers = [*stemmer.visitor_provider.suffix_visitors, stemmer.visitor_provider.prefix_visitors[0].visitors[0]]
    assert all(isinstance(v, stemming._AffixRemover) for v in removers)
    assert all(v.remove is not v.visitor.remove for v in removers)


# --- overrides and the in-memory cache --------------------------------------------------


def test_overrides_win_over_sastrawi():
    assert sastrawi_stem("pemerintah") == "perintah"
    assert Stemmer().stem("pemerintah") == "pemerintah"
    assert Stemmer(overrides={"pemerintah": "xyz"}).stem("pemerintah") == "xyz"


def test_stem_many_accepts_any_iterable_and_returns_distinct_words():
    stemmer = Stemmer()
    words = ["memperkuat", "kerja", "memperkuat"]
    assert stemmer.stem_many(iter(words)) == {"memperkuat": "kuat", "kerja": "kerja"}
    assert stemmer.stem_many(words) == stemmer.stem_many(set(words))  # warm path
    assert stemmer.stem_many([]) == {}


def test_clear_cache_forgets_and_recomputes_the_same():
    stemmer = Stemmer()
    first = stemmer.stem_many(_seed_words())
    stemmer.clear_cache()
    assert stemmer.cache == {}
    assert stemmer.stem_many(_seed_words()) == first


# --- the persistent cache -------------------------------------------------------------


def test_disk_cache_round_trip(tmp_path):
    path = tmp_path / "stems.json"
    stemmer = Stemmer(cache_path=path)
    stems = stemmer.stem_many(["memperkuat", "pertemuan"])
    assert stemmer.flush() == path
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["stems"] == {"memperkuat": "kuat", "pertemuan": "temu"}
    assert data["key"] == stemming.cache_key(stemming.stem_overrides())
    again = Stemmer(cache_path=path)
    assert again.cache == stems
    assert again.flush() is None  # nothing new to write


def test_disk_cache_merges_with_other_processes(tmp_path):
    path = tmp_path / "stems.json"
    first, second = Stemmer(cache_path=path), Stemmer(cache_path=path)
    first.stem("memperkuat")
    second.stem("pertemuan")
    first.flush()
    second.flush()
    assert set(json.loads(path.read_text(encoding="utf-8"))["stems"]) == {"memperkuat", "pertemuan"}


@pytest.mark.parametrize("content", ["", "{not json", "[1, 2]", json.dumps({"key": "other", "stems": {"a": "b"}})])
def test_unusable_disk_cache_is_ignored(tmp_path, content):
    path = tmp_path / "stems.json"
    path.write_text(content, encoding="utf-8")
    stemmer = Stemmer(cache_path=path)
    assert stemmer.cache == {}
    assert stemmer.stem("memperkuat") == "kuat"


def test_cache_file_name_depends_on_overrides():
    assert default_cache_path() == default_cache_path(stemming.stem_overrides())
    assert default_cache_path({"a": "b"}) != default_cache_path()
    assert default_cache_path().parent == config.EXTERNAL_DIR


def test_flush_writes_automatically_after_many_new_words(tmp_path, monkeypatch):
    monkeypatch.setattr(stemming, "FLUSH_EVERY", 3)
    path = tmp_path / "stems.json"
    stemmer = Stemmer(cache_path=path)
    stemmer.stem_many(["memperkuat", "pertemuan"])
    assert not path.exists()
    stemmer.stem("kerja")
    assert path.exists()


def test_unwritable_cache_path_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    stemmer = Stemmer(cache_path=blocker / "stems.json")  # parent is a file
    stemmer.stem("memperkuat")
    assert stemmer.flush() is None


# --- surface forms and the fast tokeniser ----------------------------------------------


def test_surface_forms_picks_most_frequent_then_alphabetical():
    import pandas as pd

    tokens = pd.DataFrame({"stem": ["kuat", "kuat", "kuat", "temu", "temu"],
                           "lower": ["memperkuat", "memperkuat", "kekuatan", "temuan", "bertemu"]})
    assert surface_forms(tokens) == {"kuat": "memperkuat", "temu": "bertemu"}


def test_fast_tokenizer_equals_reference_on_random_strings():
    rng = random.Random(config.RANDOM_SEED)
    pieces = list("aAbZ-–'’@.:/,%0912 \n_+()\"“”éİß½") + [
        "http://", "www.", "https://x-y.com/a-b", "a@b.co", "non-", "-nya", "Korut-Rusia",
        "kerja-kerja", "10:58", "1.000,5"]
    for _ in range(20_000):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert text.tokenize(sample) == text._tokenize_reference(sample), sample


def test_fast_ascii_tokenizer_equals_reference_on_random_ascii_strings():
    rng = random.Random(config.RANDOM_SEED + 1)
    pieces = list("aZk-'@.:/,%09 \t\n\r\x0b\x0c\x1c\x1f\x7f_+()\"#") + [
        "kerja-kerja", "Korut-Rusia", "non-blok", "se-Asia", "1.000,5", "10:58", "ke-2", "jum'at"]
    for _ in range(20_000):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert text.tokenize(sample) == text._tokenize_reference(sample), repr(sample)


def test_is_alpha_shortcut_matches_the_regex():
    import re

    pattern = re.compile(rf"{text._WORD}(?:-{text._WORD})*")
    for token in ["kata", "negara-negara", "jum'at", "½", "Ⅻ", "a1", "", "-", "İstanbul", "x_y"]:
        assert text.is_alpha(token) == bool(pattern.fullmatch(token)), token


def test_letter_tokens_equal_the_alpha_tokens_of_tokenize_on_random_strings():
    rng = random.Random(config.RANDOM_SEED + 2)
    pieces = list("aZk-'’@.:/,%09 \t\n\x1c_+()\"#éİß½") + [
        "kerja-kerja", "Korut-Rusia", "non-blok", "se-Asia", "1.000,5", "ke-2", "jum'at", "http://a-b.id",
        "www.", "a@b.co", "x-12-y", "-nya", "berlari-lari"]
    for _ in range(20_000):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        expected = [t for t in text.tokenize(sample) if text.is_alpha(t)]
        assert text.letter_tokens(sample) == expected, repr(sample)


# --- a large batch on two cores --------------------------------------------------------


def test_large_batch_on_two_cores_gives_the_same_stems(monkeypatch):
    import os

    words = _affixed_sample(600)
    serial = {word: sastrawi_stem(word) for word in words}
    forks = []
    real_fork = os.fork

    def counting_fork():
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(stemming, "PARALLEL_MIN_WORDS", 100)
    monkeypatch.setattr(os, "fork", counting_fork)
    stemmer = Stemmer(overrides={})
    assert stemmer.stem_many(words) == serial
    assert len(forks) == (1 if stemming._can_fork() else 0)


def test_a_failing_child_or_fork_falls_back_to_this_process(monkeypatch):
    import os

    monkeypatch.setattr(stemming, "PARALLEL_MIN_WORDS", 10)
    words = [f"kata{i}" for i in range(40)]
    parent = os.getpid()

    def upper_here_only(word):
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return word.upper()

    assert stemming._stem_words(upper_here_only, words) == {w: w.upper() for w in words}

    def no_fork():
        raise OSError("fork is not allowed here")

    monkeypatch.setattr(os, "fork", no_fork)
    assert stemming._stem_words(str.upper, words) == {w: w.upper() for w in words}


def test_small_batches_and_threaded_processes_stay_serial(monkeypatch):
    import threading

    monkeypatch.setattr(stemming, "PARALLEL_MIN_WORDS", 10)
    monkeypatch.setattr(threading, "active_count", lambda: 3)  # e.g. a Jupyter kernel
    assert not stemming._can_fork()
