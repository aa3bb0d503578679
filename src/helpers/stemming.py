"""Sastrawi stemming, memoised per distinct word, with overrides and a disk cache.

Sastrawi (PyPI ``PySastrawi``) is the standard Indonesian stemmer (Nazief-Adriani
with the confix-stripping extensions of Asian et al. 2007 and Arifin et al. 2009).
It over-stems some words (``pemerintah`` -> ``perintah``); those are corrected by
``helpers/data/stem_overrides.csv``, one reason per row.

Stems are for counting, not for reading: show readers the most frequent surface form
of each stem (:func:`surface_forms`), so they see ``kekhawatiran`` and not ``khawatir``.

Speed (``make bench`` measures it). Three layers, each giving exactly Sastrawi's
answer (``tests/test_stemming.py`` compares them with plain Sastrawi):

1. a dictionary per :class:`Stemmer` (``self.cache``): each distinct word is stemmed
   once per process;
2. an optional persistent cache, a JSON file under ``data/external/`` named after
   the Sastrawi version, the override table and :data:`CACHE_VERSION`, so a change
   to any of them starts a fresh file (:func:`default_cache_path`);
3. a faster cold path, still Sastrawi's algorithm: a word found in Sastrawi's root
   dictionary is its own stem (Sastrawi's first step), plain ``a-z`` words skip its
   text normaliser, its prefix visitors are walked by one dispatcher that uses a
   compiled regex (built from the rules' own patterns) to jump to the next rule that
   can match, and removed affixes are computed with ``str.replace`` instead of
   compiling each word as a regex (:func:`_guard_prefix_visitors`). About 4x faster
   than plain Sastrawi on a cold cache;
4. a batch of at least :data:`PARALLEL_MIN_WORDS` new words (a whole corpus, see
   :meth:`helpers.vectorize.IndonesianAnalyzer.prepare`) is split between this process
   and one forked child where that is safe (:func:`_stem_words`): about 1.8x faster
   on two cores, the same stems.
"""

from __future__ import annotations

import atexit
import hashlib
import inspect
import json
import os
import re
import sys
import threading
import weakref
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

import pandas as pd

#: Bump when the stemming rules of this module change, so old disk caches are ignored.
CACHE_VERSION = 1

#: Unsaved new stems that trigger a write of the persistent cache.
FLUSH_EVERY = 2_000

#: A batch of at least this many new words is stemmed on two cores (:func:`_stem_words`).
PARALLEL_MIN_WORDS = 5_000


@lru_cache(maxsize=1)
def stem_overrides() -> dict[str, str]:
    """The override table as ``{word: stem}`` (lower case)."""
    with resources.files("helpers").joinpath("data/stem_overrides.csv").open(encoding="utf-8") as fh:
        table = pd.read_csv(fh)
    return dict(zip(table["word"].str.lower(), table["stem"].str.lower()))


# --- a faster, identical Sastrawi -------------------------------------------------

_RULE_MATCH = re.compile(r"^matches = re\.match\(r'([^']*)', word\)$")
_RULE_LITERAL = re.compile(r"^if word == '([a-z]+)':$")


def _rule_guard(disambiguator) -> list[str] | None:
    """Regexes that must match a word for ``disambiguator`` to return anything.

    Sastrawi's prefix rules are written as ``matches = re.match(PATTERN, word)``
    followed by ``if matches:`` (two also check one literal word first). Reading the
    rule's source keeps the guard in step with the installed Sastrawi. Returns None
    when the rule has any other shape; its visitor then runs unguarded.
    """
    try:
        source = inspect.getsource(type(disambiguator).disambiguate)
    except (OSError, TypeError):
        return None
    body = source.split('"""')[-1] if source.count('"""') >= 2 else source
    lines = [line for line in body.splitlines() if line.strip()]
    if not lines:
        return None
    indent = len(lines[0]) - len(lines[0].lstrip())
    patterns: list[str] = []
    top = [line.strip() for line in lines if len(line) - len(line.lstrip()) == indent]
    i = 0
    while i < len(top):
        if (m := _RULE_MATCH.match(top[i])) and i + 1 < len(top) and top[i + 1] == "if matches:":
            patterns.append(m.group(1))
            i += 2
        elif m := _RULE_LITERAL.match(top[i]):
            patterns.append("^" + re.escape(m.group(1)) + "$")
            i += 1
        else:
            return None
    return patterns or None


_LITERAL_WORD = re.compile(r"[a-z0-9]*")


@lru_cache(maxsize=1)
def _removal_class():
    # Sastrawi's Removal record. Imported once: an import statement inside the
    # visitors (called ~5 times per word) cost a quarter of the cold stemming time.
    from Sastrawi.Stemmer.Context.Removal import Removal

    return Removal


def _visit_prefix_rule(visitor, context) -> None:
    """Sastrawi's ``AbstractDisambiguatePrefixRule.visit``, with one shortcut.

    Sastrawi computes the removed prefix with ``re.sub(result, '', word, count=1)``,
    compiling every stem as a regex (the regex cache thrashes on a large vocabulary).
    For a stem of letters and digits that is the same as ``str.replace``; anything
    else still goes through ``re.sub``. Everything else is Sastrawi's code, unchanged.
    """
    result = None
    for disambiguator in visitor.disambiguators:
        result = disambiguator.disambiguate(context.current_word)
        if context.dictionary.contains(result):
            break
    if result is None:
        return
    if _LITERAL_WORD.fullmatch(result):
        removed = context.current_word.replace(result, "", 1)
    else:
        removed = re.sub(result, "", context.current_word, count=1)
    context.add_removal(_removal_class()(visitor, context.current_word, result, removed, "DP"))
    context.current_word = result


class _PrefixDispatcher:
    """All of Sastrawi's prefix visitors as one visitor that skips hopeless rules.

    Sastrawi's ``Context.accept_prefix_visitors`` calls each prefix visitor in turn
    and stops after the first one that changes the word (or reaches a dictionary
    word, or stops the process). This does the same walk, but finds the next visitor
    whose rules can match the current word with one compiled regex (the visitors'
    guards joined in order, so the regex's first matching branch is the next
    candidate). A visitor whose guard fails would return without changing anything,
    so skipping it changes nothing. After this visitor returns, Sastrawi's own loop
    makes the same checks again and ends, exactly as before.
    """

    def __init__(self, visitors: list, guards: list[list[str] | None]) -> None:
        from Sastrawi.Stemmer.Context.Visitor.AbstractDisambiguatePrefixRule import (
            AbstractDisambiguatePrefixRule,
        )

        self.visitors = visitors
        self.fast_visit = [type(v).visit is AbstractDisambiguatePrefixRule.visit for v in visitors]
        branches = []
        for i, guard in enumerate(guards):
            # Inner groups become non-capturing so ``lastgroup`` names the visitor.
            body = "|".join(f"(?:{_non_capturing(p)})" for p in guard) if guard else ""
            branches.append(f"(?P<v{i}>{body})")
        # One regex per start position: visitors from i onwards, in Sastrawi's order.
        self.finders = [re.compile("|".join(branches[i:])) for i in range(len(branches))]

    def visit(self, context) -> None:
        start = 0
        count = len(self.visitors)
        while start < count:
            match = self.finders[start].match(context.current_word)
            if match is None:
                return
            index = int(match.lastgroup[1:])
            before = len(context.removals)
            visitor = self.visitors[index]
            if self.fast_visit[index]:
                _visit_prefix_rule(visitor, context)
            else:
                visitor.visit(context)
            if context.dictionary.contains(context.current_word) or context.process_is_stopped \
                    or len(context.removals) > before:
                return
            start = index + 1


def _non_capturing(pattern: str) -> str:
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


_REMOVER_TEMPLATE = [
    "def visit(self, context):",
    "result = self.remove(context.current_word)",
    "if result != context.current_word:",
    "removedPart = re.sub(result, '', context.current_word, count=1)",
    "removal = Removal(self, context.current_word, result, removedPart, '{affix}')",
    "context.add_removal(removal)",
    "context.current_word = result",
]


class _AffixRemover:
    """A Sastrawi plain-affix visitor (particle, possessive, suffix, di/ke/se prefix)
    with the same ``str.replace`` shortcut as :func:`_visit_prefix_rule`.

    Built only when the visitor's ``visit`` source is exactly Sastrawi's template
    (:func:`_wrap_affix_remover`); it calls the visitor's own ``remove``.
    """

    def __init__(self, visitor, affix_type: str) -> None:
        self.visitor = visitor
        self.affix_type = affix_type
        self.remove = _compiled_remove(visitor) or visitor.remove

    def visit(self, context) -> None:
        word = context.current_word
        result = self.remove(word)
        if result != word:
            if _LITERAL_WORD.fullmatch(result):
                removed = word.replace(result, "", 1)
            else:
                removed = re.sub(result, "", word, count=1)
            context.add_removal(_removal_class()(self.visitor, word, result, removed, self.affix_type))
            context.current_word = result


_REMOVE_BODY = re.compile(r"^return re\.sub\(r'([^']*)', '', word, count=1\)$")


def _compiled_remove(visitor):
    """The visitor's ``remove`` with its one regex compiled once, or None.

    Sastrawi's removers are ``return re.sub(PATTERN, '', word, count=1)``; calling
    ``re.sub`` with a string looks the pattern up in ``re``'s cache on every call.
    """
    try:
        source = inspect.getsource(type(visitor).remove)
    except (OSError, TypeError):
        return None
    body = source.split('"""')[-1] if source.count('"""') >= 2 else source
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    match = _REMOVE_BODY.match(lines[0]) if len(lines) == 1 else None
    if match is None:
        return None
    pattern = re.compile(match.group(1))
    return lambda word: pattern.sub("", word, count=1)


def _wrap_affix_remover(visitor):
    """``_AffixRemover(visitor)`` when its ``visit`` is Sastrawi's template, else ``visitor``."""
    try:
        source = inspect.getsource(type(visitor).visit)
    except (OSError, TypeError):
        return visitor
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    match = re.fullmatch(r"removal = Removal\(self, context\.current_word, result, removedPart, '(\w+)'\)",
                         lines[4]) if len(lines) == len(_REMOVER_TEMPLATE) else None
    if match is None:
        return visitor
    expected = [line.format(affix=match.group(1)) for line in _REMOVER_TEMPLATE]
    return _AffixRemover(visitor, match.group(1)) if lines == expected else visitor


def _guard_prefix_visitors(stemmer) -> int:
    """Replace a Sastrawi stemmer's prefix visitors by one :class:`_PrefixDispatcher`.

    Returns how many visitors got a guard (the others always run, as before).
    """
    provider = stemmer.visitor_provider
    provider.suffix_visitors[:] = [_wrap_affix_remover(v) for v in provider.suffix_visitors]
    visitors = [v if hasattr(v, "disambiguators") else _wrap_affix_remover(v)
                for v in provider.prefix_visitors]
    guards = []
    for visitor in visitors:
        rules = getattr(visitor, "disambiguators", None)
        rule_guards = [_rule_guard(rule) for rule in rules] if rules else [None]
        ok = rules and all(g is not None for g in rule_guards)
        guards.append([p for g in rule_guards for p in g] if ok else None)
    provider.prefix_visitors[:] = [_PrefixDispatcher(visitors, guards)]
    return sum(g is not None for g in guards)


@lru_cache(maxsize=1)
def _sastrawi():
    # Build the raw (uncached) Sastrawi stemmer once per process; our own caches
    # sit in front of it.
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    _guard_prefix_visitors(stemmer)
    return stemmer


class _CompiledPrecedenceSpecification:
    """Sastrawi's ``PrecedenceAdjustmentSpecification`` with its regexes compiled into one.

    Sastrawi calls ``re.match`` with each of its six patterns for every word (a
    fifth of the cold stemming time). One alternation of the same patterns matches
    exactly when one of them does. The patterns are read from Sastrawi's source.
    """

    def __init__(self, patterns: list[str]) -> None:
        self.rules = re.compile("|".join(f"(?:{p})" for p in patterns))

    def is_satisfied_by(self, value: str) -> bool:
        return self.rules.match(value) is not None


_QUOTED_PATTERN = re.compile(r"r'([^']*)'")


@lru_cache(maxsize=1)
def _context_class():
    """Sastrawi's ``Context`` running Sastrawi's own ``start_stemming_process`` code
    with :class:`_CompiledPrecedenceSpecification` in place of its specification class.

    The function is rebuilt from Sastrawi's code object with a copy of its module's
    globals (nothing is copied by hand, and Sastrawi's own classes are left
    untouched). Falls back to Sastrawi's ``Context`` when the specification's
    patterns cannot be read.
    """
    import importlib
    import types

    module = importlib.import_module("Sastrawi.Stemmer.Context.Context")
    specification = module.PrecedenceAdjustmentSpecification
    try:
        patterns = _QUOTED_PATTERN.findall(inspect.getsource(specification.is_satisfied_by))
    except (OSError, TypeError):
        patterns = []
    if not patterns:
        return module.Context
    compiled = _CompiledPrecedenceSpecification(patterns)
    namespace = dict(vars(module), PrecedenceAdjustmentSpecification=lambda: compiled)
    original = module.Context.start_stemming_process
    start = types.FunctionType(original.__code__, namespace, original.__name__, original.__defaults__,
                               original.__closure__)
    return type("CompiledPrecedenceContext", (module.Context,), {"start_stemming_process": start})


@lru_cache(maxsize=1)
def _plain_sastrawi():
    """Sastrawi exactly as shipped (tests compare the fast path with it)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer().delegatedStemmer


def sastrawi_stem(word: str) -> str:
    """Sastrawi's stem of one word, without overrides or caches (same as Sastrawi).

    Plain lower-case ``a-z`` words go straight to Sastrawi's word stemmer (its text
    normaliser would return them unchanged); a word in its root dictionary is
    returned as is (Sastrawi's first step). Anything else takes Sastrawi's full path.
    """
    stemmer = _sastrawi()
    if word.isascii() and word.isalpha() and word.islower():
        if word in stemmer.dictionary.words:
            return word
        # Sastrawi's stem_word: a word without a hyphen is never plural, so it goes
        # to stem_singular_word, i.e. one Context (ours, see _context_class).
        context = _context_class()(word, stemmer.dictionary, stemmer.visitor_provider)
        context.execute()
        return context.result or word
    return stemmer.stem(word) or word


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
    from .config import EXTERNAL_DIR

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

    def __init__(self, *, overrides: Mapping[str, str] | None = None,
                 cache_path: str | os.PathLike | None = None) -> None:
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
        words = words if isinstance(words, (list, tuple, set, frozenset)) else list(words)
        try:  # the warm path: every word already known, no Python-level loop
            return {word: cache[word] for word in words}
        except KeyError:
            pass
        missing = sorted({word for word in words if word not in cache})
        cache.update(_stem_words(self._compute, missing))
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
            new = {word: stem for word, stem in on_disk.items() if word not in self.cache}
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
        from .io import write_text

        with self._lock:
            merged = self._read_disk_cache()
            merged.update(self.cache)
            payload = {"key": cache_key(self.overrides), "sastrawi": sastrawi_version(),
                       "cache_version": CACHE_VERSION, "stems": dict(sorted(merged.items()))}
            try:
                write_text(self.cache_path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
            except OSError:
                return None
            self._unsaved = 0
        return self.cache_path


def _can_fork() -> bool:
    """True where forking a helper process is safe: POSIX fork, two or more usable
    cores, and no other Python thread (a fork copies locks other threads may hold;
    Jupyter kernels run several threads, so they stem serially).

    From Python 3.12, ``os.fork`` warns (DeprecationWarning) when the process has any
    other OS thread, including the idle worker threads of numpy's BLAS; there the
    fork is used only when ``/proc/self/task`` shows a single thread.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    if not hasattr(os, "fork") or cores < 2 or threading.active_count() > 1:
        return False
    if sys.version_info >= (3, 12):
        try:
            return len(os.listdir("/proc/self/task")) == 1
        except OSError:  # cannot tell: stay serial
            return False
    return True


def _stem_words(compute, words: list[str]) -> dict[str, str]:
    """``{word: compute(word)}``; a large batch is split between this process and a fork.

    Why hand-written rather than ``multiprocessing``: one child for one batch needs no
    pool, queues or threads, and a plain ``os.fork`` is the cheapest way to reuse the
    already-loaded Sastrawi dictionary. Each word's stem depends on the word alone, so
    the result is the same however the words are split. The child sends its stems back
    through a pipe and exits with ``os._exit`` (no atexit handlers, no flushing of the
    parent's buffers). Whatever goes wrong in the child (it crashed, sent nothing), its
    half is stemmed here instead.
    """
    if len(words) < PARALLEL_MIN_WORDS or not _can_fork():
        return {word: compute(word) for word in words}
    # Every other word, so both halves get alike words (and alike work).
    theirs, mine = words[::2], words[1::2]
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return {word: compute(word) for word in words}
    if pid == 0:  # the child: stem its half, send it, and leave at once
        status = 1
        try:
            os.close(read_fd)
            with os.fdopen(write_fd, "wb") as out:
                out.write(json.dumps([compute(word) for word in theirs]).encode("utf-8"))
            status = 0
        finally:
            os._exit(status)
    os.close(write_fd)
    try:
        stems = {word: compute(word) for word in mine}
    finally:  # always collect the child, even when stemming here failed
        with os.fdopen(read_fd, "rb") as source:
            payload = source.read()
        _, status = os.waitpid(pid, 0)
    try:
        their_stems = json.loads(payload) if status == 0 else None
    except ValueError:
        their_stems = None
    if not (isinstance(their_stems, list) and len(their_stems) == len(theirs)):
        their_stems = [compute(word) for word in theirs]
    stems.update(zip(theirs, their_stems))
    return stems


#: Stemmers with a disk cache, flushed when the process exits (weakly held).
_PERSISTENT: "weakref.WeakSet[Stemmer]" = weakref.WeakSet()


@atexit.register
def _flush_all() -> None:
    for stemmer in list(_PERSISTENT):
        stemmer.flush()


_DEFAULT: Stemmer | None = None


def default_stemmer() -> Stemmer:
    """The process-wide shared :class:`Stemmer` (one cache for all helpers).

    It loads and extends the disk cache at :func:`default_cache_path` (in
    ``data/external/``, git-ignored; delete the file to start cold).
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Stemmer(cache_path=default_cache_path())
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
