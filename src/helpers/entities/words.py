"""Word tests the entity rules share: common Indonesian words, acronyms, stop words.

A capitalised word that is a common word (a root in Sastrawi's dictionary, or an
affixed form of one: ``Terbuka``, ``Kebudayaan``) is weak evidence of a name; an
acronym (``KPK``, ``PBB``) is strong evidence.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..stemming import default_stemmer
from ..stopwords import stopword_set
from .cues import _ACRONYM, DATE_WORDS, NAME_PARTICLES, REFERENCE_WORDS


@lru_cache(maxsize=1)
def _edge_words() -> frozenset[str]:
    """Words that never open or close a name: stop words, dates, particles, references."""
    return frozenset(_stopwords() | DATE_WORDS | NAME_PARTICLES | REFERENCE_WORDS)


@lru_cache(maxsize=1)
def _root_words() -> frozenset[str]:
    """Sastrawi's dictionary of Indonesian root words (shipped with PySastrawi)."""
    text = (
        resources.files("Sastrawi")
        .joinpath("Stemmer/data/kata-dasar.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(w.strip() for w in text.split() if w.strip())


@lru_cache(maxsize=4096)
def _is_common(word: str) -> bool:
    """A capitalised common Indonesian word (a root, or an affixed form of one)?"""
    if _is_acronym(word):
        return False
    lower = word.lower()
    if "-" in lower:  # reduplication: Bangsa-Bangsa
        return all(_is_common(part) for part in lower.split("-") if part)
    if lower in _root_words():
        return True
    return _is_affixed_common(word)


@lru_cache(maxsize=4096)
def _is_affixed_common(word: str) -> bool:
    """An affixed form of a root word (``Terbuka``, ``Kebudayaan``)?"""
    lower = word.lower()
    if not lower.isalpha():
        return False
    stem = default_stemmer().stem_many([lower])[lower]
    return stem != lower and stem in _root_words()


def _stopwords() -> frozenset[str]:
    return stopword_set()


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.fullmatch(word)) and sum(ch.isupper() for ch in word) >= 2
