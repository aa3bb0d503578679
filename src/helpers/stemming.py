"""Sastrawi stemming, memoised per distinct word, with a table of overrides.

Sastrawi (PyPI ``PySastrawi``) is the standard Indonesian stemmer (Nazief-Adriani
with the confix-stripping extensions of Asian et al. 2007 and Arifin et al. 2009).
It is slow per call, so a :class:`Stemmer` stems each distinct word once and keeps
the result in a dictionary. It over-stems some words (``pemerintah`` -> ``perintah``);
those are corrected by ``helpers/data/stem_overrides.csv``, one reason per row.

Stems are for counting, not for reading: show readers the most frequent surface form
of each stem (:func:`surface_forms`), so they see ``kekhawatiran`` and not ``khawatir``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

import pandas as pd


@lru_cache(maxsize=1)
def stem_overrides() -> dict[str, str]:
    """The override table as ``{word: stem}`` (lower case)."""
    with resources.files("helpers").joinpath("data/stem_overrides.csv").open(encoding="utf-8") as fh:
        table = pd.read_csv(fh)
    return dict(zip(table["word"].str.lower(), table["stem"].str.lower()))


@lru_cache(maxsize=1)
def _sastrawi():
    # Build the raw (uncached) Sastrawi stemmer once per process; our own dictionary
    # cache sits in front of it.
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer().delegatedStemmer


class Stemmer:
    """A memoising Sastrawi stemmer with overrides.

    Args:
        overrides: ``{word: stem}`` applied before Sastrawi; the package table when None.

    ``stem`` and ``stem_many`` take lower-case words. The cache is a plain dict in
    ``self.cache``; ``clear_cache()`` empties it (the benchmark's cold run).
    """

    def __init__(self, *, overrides: Mapping[str, str] | None = None) -> None:
        self.overrides = dict(stem_overrides() if overrides is None else overrides)
        self.cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """The stem of one lower-case word (memoised)."""
        try:
            return self.cache[word]
        except KeyError:
            pass
        if word in self.overrides:
            result = self.overrides[word]
        else:
            result = _sastrawi().stem(word) or word
        self.cache[word] = result
        return result

    def stem_many(self, words: Iterable[str]) -> dict[str, str]:
        """``{word: stem}`` for every distinct word in ``words``."""
        stem = self.stem
        return {word: stem(word) for word in set(words)}

    def clear_cache(self) -> None:
        """Forget every memoised stem."""
        self.cache.clear()


_DEFAULT: Stemmer | None = None


def default_stemmer() -> Stemmer:
    """The process-wide shared :class:`Stemmer` (one cache for all helpers)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Stemmer()
    return _DEFAULT


def surface_forms(tokens: pd.DataFrame) -> dict[str, str]:
    """Map each stem to its most frequent lower-case surface form.

    Ties go to the alphabetically first form, so the mapping is deterministic.

    Args:
        tokens: a table with ``stem`` and ``lower`` columns (see ``tokens_table``).

    Returns:
        ``{stem: surface form}``.
    """
    counts = (
        tokens.groupby(["stem", "lower"], sort=False).size().reset_index(name="n")
        .sort_values(["stem", "n", "lower"], ascending=[True, False, True])
    )
    return dict(counts.drop_duplicates("stem")[["stem", "lower"]].itertuples(index=False, name=None))
