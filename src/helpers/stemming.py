"""Sastrawi stemming, memoised per distinct word, with overrides and a disk cache.

Sastrawi (PyPI ``PySastrawi``) is the standard Indonesian stemmer (Nazief-Adriani
with the confix-stripping extensions of Asian et al. 2007 and Arifin et al. 2009).
It over-stems some words (``pemerintah`` -> ``perintah``); those are corrected by
``helpers/data/stem_overrides.csv``, one reason per row.

Stems are for counting, not for reading: show readers the most frequent surface form
of each stem (:func:`surface_forms`), so they see ``kekhawatiran`` and not ``khawatir``.

Speed (``make bench`` measures it). Sastrawi is used through its public classes only
and gives every stem; two layers in front of it avoid asking twice:

1. a dictionary per :class:`Stemmer` (``self.cache``): each distinct word is stemmed
   once per process;
2. an optional persistent cache, a JSON file under ``data/external/`` named after
   the Sastrawi version, the override table and :data:`CACHE_VERSION`, so a change
   to any of them starts a fresh file (:func:`default_cache_path`).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import threading
import weakref
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

import pandas as pd

from .config import EXTERNAL_DIR
from .io import write_text

#: Bump when the stemming rules of this module change, so old disk caches are ignored.
CACHE_VERSION = 1

#: Unsaved new stems that trigger a write of the persistent cache.
FLUSH_EVERY = 2_000


@lru_cache(maxsize=1)
def stem_overrides() -> dict[str, str]:
    """The override table as ``{word: stem}`` (lower case)."""
    with (
        resources.files("helpers")
        .joinpath("data/stem_overrides.csv")
        .open(encoding="utf-8") as fh
    ):
        table = pd.read_csv(fh)
    return dict(zip(table["word"].str.lower(), table["stem"].str.lower()))


# --- Sastrawi, through its public API ---------------------------------------------


@lru_cache(maxsize=1)
def sastrawi_stemmer():
    """Sastrawi's stemmer, built the way ``StemmerFactory.create_stemmer`` builds it
    (its root dictionary from ``StemmerFactory.get_words``), without the factory's
    in-memory result cache: :class:`Stemmer` keeps its own, which the benchmark can
    empty. Built once per process (loading the dictionary takes a fifth of a second).
    """
    # Sastrawi loads only when a word is first stemmed (most imports of helpers never do)
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary  # noqa: PLC0415
    from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer  # noqa: PLC0415
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # noqa: PLC0415

    return SastrawiStemmer(ArrayDictionary(StemmerFactory().get_words()))


def sastrawi_stem(word: str) -> str:
    """Sastrawi's stem of one word, without overrides or caches.

    Sastrawi returns an empty string for a word it normalises away (``"123"`` keeps
    its digits, ``"-"`` does not); the word itself is returned then.
    """
    return sastrawi_stemmer().stem(word) or word


def sastrawi_version() -> str:
    """The installed PySastrawi version (part of the disk cache's name)."""
    try:
        return metadata.version("PySastrawi")
    except metadata.PackageNotFoundError:  # pragma: no cover - vendored copy
        return "unknown"


def cache_key(overrides: Mapping[str, str]) -> str:
    """A short hash of what decides the stems: Sastrawi version, overrides, rules."""
    payload = json.dumps([sastrawi_version(), CACHE_VERSION, sorted(overrides.items())])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def default_cache_path(overrides: Mapping[str, str] | None = None) -> Path:
    """``data/external/stem-cache-<key>.json`` for the given (or the package) overrides."""
    key = cache_key(stem_overrides() if overrides is None else overrides)
    return EXTERNAL_DIR / f"stem-cache-{key}.json"


class Stemmer:
    """A memoising Sastrawi stemmer with overrides and an optional disk cache.

    Args:
        overrides: ``{word: stem}`` applied before Sastrawi; the package table when None.
        cache_path: a JSON file to load stems from and save new ones to; None keeps
            the cache in memory only. :func:`default_stemmer` uses
            :func:`default_cache_path`. A missing or unreadable file is ignored (the
            cache is only an accelerator; stems are recomputed).

    ``stem`` and ``stem_many`` take lower-case words. The cache is a plain dict in
    ``self.cache``; ``clear_cache()`` empties it (the benchmark's cold run). New stems
    are written to ``cache_path`` every :data:`FLUSH_EVERY` new words, on
    :meth:`flush`, and when the process exits.
    """

    def __init__(
        self,
        *,
        overrides: Mapping[str, str] | None = None,
        cache_path: str | os.PathLike | None = None,
    ) -> None:
        self.overrides = dict(stem_overrides() if overrides is None else overrides)
        self.cache: dict[str, str] = {}
        self.cache_path = Path(cache_path) if cache_path is not None else None
        self._unsaved = 0
        self._lock = threading.Lock()
        if self.cache_path is not None:
            self.cache.update(self._read_disk_cache())
            _PERSISTENT.add(self)

    # -- stemming ----------------------------------------------------------------

    def _compute(self, word: str) -> str:
        if word in self.overrides:
            return self.overrides[word]
        return sastrawi_stem(word)

    def stem(self, word: str) -> str:
        """The stem of one lower-case word (memoised)."""
        try:
            return self.cache[word]
        except KeyError:
            pass
        result = self.cache[word] = self._compute(word)
        self._note_new(1)
        return result

    def stem_many(self, words: Iterable[str]) -> dict[str, str]:
        """``{word: stem}`` for every distinct word in ``words``."""
        cache = self.cache
        words = (
            words if isinstance(words, (list, tuple, set, frozenset)) else list(words)
        )
        try:  # the warm path: every word already known, no Python-level loop
            return {word: cache[word] for word in words}
        except KeyError:
            pass
        missing = sorted({word for word in words if word not in cache})
        cache.update((word, self._compute(word)) for word in missing)
        self._note_new(len(missing))
        return {word: cache[word] for word in words}

    def clear_cache(self) -> None:
        """Forget every memoised stem (in memory; the disk file is left alone)."""
        self.cache.clear()
        self._unsaved = 0

    # -- persistence -------------------------------------------------------------

    def reload(self) -> int:
        """Merge stems that other processes saved to ``cache_path`` since this one
        read it (the corpus run's workers share stems this way). Returns how many
        stems were new here; 0 without a cache file."""
        if self.cache_path is None:
            return 0
        with self._lock:
            on_disk = self._read_disk_cache()
            new = {
                word: stem for word, stem in on_disk.items() if word not in self.cache
            }
            self.cache.update(new)
        return len(new)

    def _note_new(self, n: int) -> None:
        if self.cache_path is None or n == 0:
            return
        self._unsaved += n
        if self._unsaved >= FLUSH_EVERY:
            self.flush()

    def _read_disk_cache(self) -> dict[str, str]:
        try:
            data = json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("key") != cache_key(self.overrides):
            return {}
        stems = data.get("stems")
        if not isinstance(stems, dict):
            return {}
        return {str(k): str(v) for k, v in stems.items()}

    def flush(self, *, force: bool = False) -> Path | None:
        """Write the cache to ``cache_path`` now (merged with what is on disk).

        Returns the path, or None when there is no path or nothing new (``force``
        writes anyway). Failing to write (read-only checkout) is not an error: the
        cache is only an accelerator.
        """
        if self.cache_path is None or (self._unsaved == 0 and not force):
            return None
        with self._lock:
            merged = self._read_disk_cache()
            merged.update(self.cache)
            payload = {
                "key": cache_key(self.overrides),
                "sastrawi": sastrawi_version(),
                "cache_version": CACHE_VERSION,
                "stems": dict(sorted(merged.items())),
            }
            try:
                write_text(
                    self.cache_path,
                    json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                )
            except OSError:
                return None
            self._unsaved = 0
        return self.cache_path


#: Stemmers with a disk cache, flushed when the process exits (weakly held).
_PERSISTENT: weakref.WeakSet[Stemmer] = weakref.WeakSet()


@atexit.register
def _flush_all() -> None:
    for stemmer in list(_PERSISTENT):
        stemmer.flush()


@lru_cache(maxsize=1)
def default_stemmer() -> Stemmer:
    """The process-wide shared :class:`Stemmer` (one cache for all helpers).

    It loads and extends the disk cache at :func:`default_cache_path` (in
    ``data/external/``, git-ignored; delete the file to start cold).
    """
    return Stemmer(cache_path=default_cache_path())


def surface_forms(tokens: pd.DataFrame) -> dict[str, str]:
    """Map each stem to its most frequent lower-case surface form.

    Ties go to the alphabetically first form, so the mapping is deterministic.

    Args:
        tokens: a table with ``stem`` and ``lower`` columns (see ``tokens_table``).

    Returns:
        ``{stem: surface form}``.
    """
    counts = (
        tokens.groupby(["stem", "lower"], sort=False)
        .size()
        .reset_index(name="n")
        .sort_values(["stem", "n", "lower"], ascending=[True, False, True])
    )
    return dict(
        counts.drop_duplicates("stem")[["stem", "lower"]].itertuples(
            index=False, name=None
        )
    )
