"""Place words split from the names around them.

News writes an office, its territory and its holder as one capitalised run, and
chains administrative units the same way. Three rules take them apart:

1. **Chains of units.** In a run opening with an administrative word
   (:data:`ADMIN_PLACE_WORDS`), each later one opens a new place: ``Desa Banaran
   Kecamatan Pulung`` is *Desa Banaran* and *Kecamatan Pulung*.
2. **A unit, then a person.** ``Kabupaten Ende Marsel Petu`` after a title
   (``Bupati Kabupaten Ende Marsel Petu``) is the place *Kabupaten Ende* and the
   person *Marsel Petu*, when there is evidence of a person: a title or role before
   the run, a speech verb after it, or the name written alone elsewhere in the article.
3. **A territorial title** (:data:`TERRITORIAL_TITLES`: Bupati, Gubernur, Wali Kota,
   Kapolres) names its territory first: ``Bupati Banyuwangi Azwar Anas`` is
   *Banyuwangi* and *Azwar Anas*, when the article writes *Banyuwangi* as a place
   elsewhere (``di Banyuwangi``, ``Kabupaten Banyuwangi``) or writes *Azwar Anas* alone.
   Without that evidence the run stays whole: ``Gubernur Basuki Tjahaja Purnama`` is one
   person.

A place's extent after its unit word: the longest known name (CLDR, aliases), else
the longest form the article writes as a place elsewhere, else one word and its
:data:`PLACE_QUALIFIERS` (``Halmahera Timur``). The person part has two or more words,
not all common ones, and no place or organisation word.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .cues import (
    _NAME_RUN,
    ADMIN_PLACE_WORDS,
    ORGANISATION_WORDS,
    PLACE_QUALIFIERS,
    PLACE_WORDS,
    TERRITORIAL_TITLES,
)
from .gazetteer import _known_lengths, _lookup
from .words import _is_common

#: Words before a name that say it is a place (``di Ende``, ``Kabupaten Ende``), and
#: the capitalised run after them; not after ``Wali`` (``Wali Kota Tri Rismaharini``
#: names no city *Tri*).
_PLACE_CONTEXT = re.compile(
    r"(?<![Ww]ali )\b(?P<cue>Kabupaten|Kab\.|Kota|Provinsi|Propinsi|Kecamatan|Desa"
    r"|Kelurahan|di|ke|dari|asal)[ \t]+(?P<run>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*)"
)
_PREPOSITIONS = frozenset({"di", "ke", "dari", "asal"})


@lru_cache(maxsize=4)  # one article's context
def _places_in(context: str) -> tuple[frozenset[str], frozenset[str]]:
    """Two sets from one pass over the article: the whole capitalised runs written after
    a unit word or ``di``/``ke``/``dari``/``asal`` (``Padang Pariaman`` in ``di Padang
    Pariaman,``), and every opening (1-4 words) of the runs after a unit word
    (``Ende`` in ``Kabupaten Ende``)."""
    whole, after_unit = set(), set()
    for match in _PLACE_CONTEXT.finditer(context):
        words = match.group("run").split()
        whole.add(" ".join(words))
        if match.group("cue") not in _PREPOSITIONS:
            after_unit.update(
                " ".join(words[:n]) for n in range(1, min(4, len(words)) + 1)
            )
    return frozenset(whole), frozenset(after_unit)


def _written_as_place(context: str, name: str) -> bool:
    """Does the article write ``name`` as a whole place: after a unit word or
    ``di``/``ke``/``dari``, not followed by another capitalised word (so the run
    being split, ``Kabupaten Ende Marsel Petu``, is no evidence for itself)?"""
    return name in _places_in(context)[0]


def written_after_unit(context: str, name: str) -> bool:
    """Does the article name ``name`` as an administrative unit (``Kabupaten Ende``)?
    Makes a name with no cue of its own a place (``Ende``)."""
    return name in _places_in(context)[1]


def _count_standalone(context: str, phrase: str) -> int:
    """How often ``phrase`` is written as a whole name: the last words of a
    capitalised run (``Kelimutu`` in ``Taman Nasional Kelimutu,``), not followed by
    another capitalised word."""
    return _run_endings(context).get(phrase, 0)


@lru_cache(maxsize=4)  # one article's context, asked once per long run
def _run_endings(context: str) -> Counter:
    """How often each ending (last 1-6 words) of a capitalised run occurs in ``context``."""
    endings: Counter = Counter()
    for run in _NAME_RUN.finditer(context):
        words = [w.rstrip("’'") for w in run.group().split()]
        for n in range(1, min(6, len(words)) + 1):
            endings[" ".join(words[-n:])] += 1
    return endings


def _joined(words) -> str:
    return " ".join(w for _, _, w in words)


def _looks_like_a_person_part(words) -> bool:
    """Two or more words, not all common, none a place or organisation word."""
    return (
        len(words) >= 2
        and not all(_is_common(w) for _, _, w in words)
        and not any(
            w.lower() in PLACE_WORDS or w.lower() in ORGANISATION_WORDS
            for _, _, w in words
        )
        and not any(w.lower() in PLACE_QUALIFIERS for _, _, w in words)
    )


def _place_extent(words, start: int, context: str) -> int:
    """How many words from ``start`` name the place (at least one; never across the
    next unit word)."""
    limit = next(
        (
            i
            for i in range(start + 1, len(words))
            if words[i][2].lower() in ADMIN_PLACE_WORDS
        ),
        len(words),
    )
    for n in _known_lengths():
        if start + n <= limit and _lookup(_joined(words[start : start + n])):
            return n
    # the whole rest written as a place proves nothing: it is this run's own ending
    for n in range(min(limit, len(words) - 2) - start, 1, -1):
        if _written_as_place(context, _joined(words[start : start + n])):
            return n
    n = 1
    while start + n < limit and words[start + n][2].lower() in PLACE_QUALIFIERS:
        n += 1
    return n


def _person_evidence_elsewhere(tail, context: str) -> bool:
    """The article writes the person part, or its last word, alone elsewhere (the run
    itself counts once)."""
    return (
        _count_standalone(context, _joined(tail)) >= 2
        or _count_standalone(context, tail[-1][2]) >= 2
    )


def split_places(chunk, *, person_cue: bool, context: str) -> list[tuple[list, str]]:
    """Rules 1 and 2: a chunk opening with a unit word, as ``(words, cue)`` parts."""
    parts: list[tuple[list, str]] = []
    i = 0
    while i < len(chunk):
        n = 1 + _place_extent(chunk, i + 1, context) if i + 1 < len(chunk) else 1
        place, rest = chunk[i : i + n], chunk[i + n :]
        if rest and rest[0][2].lower() in ADMIN_PLACE_WORDS:
            parts.append((place, "place"))
            i += n
            continue
        if _looks_like_a_person_part(rest) and (
            person_cue or _person_evidence_elsewhere(rest, context)
        ):
            parts += [(place, "place"), (rest, "person")]
        else:
            parts.append((chunk[i:], "place"))
        break
    return parts


def territory_after_title(title: str, words, context: str) -> int:
    """Rule 3: how many of the words after a territorial title name its territory (0:
    none, the words are the person)."""
    if title not in TERRITORIAL_TITLES or len(words) < 3:
        return 0
    first = words[0][2]
    if _lookup(first) or first.lower() in PLACE_WORDS:
        return 0  # a known name or a unit word is split by the other rules
    for n in range(len(words) - 2, 0, -1):
        if _written_as_place(context, _joined(words[:n])) and _looks_like_a_person_part(
            words[n:]
        ):
            return n
    n = 1
    while n < len(words) and words[n][2].lower() in PLACE_QUALIFIERS:
        n += 1
    if (
        not _is_common(first)  # evidence from the person alone: a name, not a word
        and _looks_like_a_person_part(words[n:])
        and _count_standalone(context, _joined(words[n:])) >= 2
    ):
        return n
    return 0
