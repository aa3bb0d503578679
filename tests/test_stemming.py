"""Stemming: Sastrawi through its public API, overrides, the memo and the disk cache."""

from __future__ import annotations

import json
import random
from functools import lru_cache

import pandas as pd
import pytest

import helpers
from helpers import config, stemming, text
from helpers.stemming import Stemmer, default_cache_path, sastrawi_stem, surface_forms

PREFIXES = [
    "",
    "me",
    "mem",
    "men",
    "meng",
    "meny",
    "ber",
    "be",
    "ter",
    "pe",
    "pem",
    "pen",
    "peng",
    "peny",
    "per",
    "di",
    "ke",
    "se",
    "memper",
    "diper",
    "ku",
    "kau",
]
SUFFIXES = [
    "",
    "kan",
    "an",
    "i",
    "nya",
    "lah",
    "kah",
    "pun",
    "ku",
    "mu",
    "kannya",
    "annya",
]


def _affixed_sample(n: int = 2500) -> list[str]:
    """Dictionary roots with prefixes and suffixes attached (deterministic sample)."""
    roots = sorted(
        w for w in stemming.sastrawi_stemmer().get_dictionary().words if w.isalpha()
    )
    rng = random.Random(config.RANDOM_SEED)
    words = {
        rng.choice(PREFIXES) + rng.choice(roots) + rng.choice(SUFFIXES)
        for _ in range(n)
    }
    return sorted(words)


def _seed_words() -> list[str]:
    article = config.DEFAULT_ARTICLE.read_text(encoding="utf-8")
    return sorted({t.lower() for t in text.tokenize(article) if text.is_alpha(t)})


# --- exactly Sastrawi's stems ----------------------------------------------------------


@lru_cache(maxsize=1)
def _factory_stemmer():
    """Sastrawi as its README shows it: ``StemmerFactory().create_stemmer()``."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def _factory_stem(word: str) -> str:
    return _factory_stemmer().stem(word) or word


@pytest.mark.parametrize(
    "word",
    [
        "negara-negara",
        "berlari-lari",
        "jum'at",
        "café",
        "ABC",
        "se-asia",
        "meniru-nirukan",
        "x",
        "",
        "123",
        "mem-",
        "k212",
    ],
)
def test_odd_words_get_sastrawis_stem(word):
    assert sastrawi_stem(word) == _factory_stem(word)
    assert Stemmer(overrides={}).stem(word) == _factory_stem(word)


@pytest.mark.slow
def test_stem_many_without_overrides_is_sastrawi_on_affixed_words():
    words = _affixed_sample() + _seed_words()
    assert Stemmer(overrides={}).stem_many(words) == {
        w: _factory_stem(w) for w in words
    }


def test_stem_many_with_overrides_is_sastrawi_except_the_table():
    overrides = stemming.stem_overrides()
    words = _affixed_sample(500) + sorted(overrides)
    expected = {w: overrides.get(w, _factory_stem(w)) for w in words}
    assert Stemmer().stem_many(words) == expected
    assert any(
        _factory_stem(w) != s for w, s in overrides.items()
    )  # the table changes something


def test_known_stems():
    stemmer = Stemmer()
    assert stemmer.stem("memperkuat") == "kuat"
    assert stemmer.stem("pertemuan") == "temu"
    assert stemmer.stem("kerja") == "kerja"  # a root is its own stem


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
    assert set(json.loads(path.read_text(encoding="utf-8"))["stems"]) == {
        "memperkuat",
        "pertemuan",
    }


@pytest.mark.parametrize(
    "content",
    ["", "{not json", "[1, 2]", json.dumps({"key": "other", "stems": {"a": "b"}})],
)
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


# --- surface forms -----------------------------------------------------------------


def test_surface_forms_picks_most_frequent_then_alphabetical():
    import pandas as pd

    tokens = pd.DataFrame(
        {
            "stem": ["kuat", "kuat", "kuat", "temu", "temu"],
            "lower": ["memperkuat", "memperkuat", "kekuatan", "temuan", "bertemu"],
        }
    )
    assert surface_forms(tokens) == {"kuat": "memperkuat", "temu": "bertemu"}


# --- the stemmer's memo and surface forms ----------------------------------------


def test_stemmer_memoises_and_applies_overrides():
    stemmer = helpers.Stemmer(overrides={"pemerintah": "pemerintah"})
    assert stemmer.stem("pemerintah") == "pemerintah"
    assert stemmer.stem("kekhawatiran") == "khawatir"
    assert set(stemmer.cache) == {"pemerintah", "kekhawatiran"}
    stemmer.clear_cache()
    assert stemmer.cache == {}


def test_surface_forms_pick_the_most_frequent_form():
    tokens = pd.DataFrame(
        {
            "stem": ["tahan", "tahan", "tahan", "janji"],
            "lower": ["pertahanan", "pertahanan", "bertahan", "perjanjian"],
        }
    )
    assert helpers.surface_forms(tokens) == {
        "tahan": "pertahanan",
        "janji": "perjanjian",
    }
