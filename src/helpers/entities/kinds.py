"""The kind one mention suggests, from its own words and its neighbours.

Kinds (:data:`KINDS`)
---------------------
* ``place``: a country or region name in Indonesian from CLDR via Babel
  (``Locale("id").territories``: *Korea Utara*, *Rusia*, *Jerman*), a city from
  CLDR's Indonesian time-zone city names (*Pyongyang*, *Kairo*), an alias in
  ``entity_aliases.csv``, or a run starting with a place word (:data:`PLACE_WORDS`:
  Kabupaten, Desa, Danau, Taman Nasional), or a name after ``di``.
* ``organisation``: a run starting with an organisation word
  (:data:`ORGANISATION_WORDS`: Partai, Badan, Komisi, Kementerian) or an acronym
  (``KPK``, ``DPR``, ``NATO``).
* ``group``: a people or group after a group word (:data:`GROUP_CUES`: *etnis*,
  *suku*, *warga*, *pengungsi*, *Muslim*): ``etnis Rohingya``.
* ``person``: a title or speech cue (``kata Pence``, ``menurut Kim``), or a name
  that merged with its own surname or given name; otherwise a two- or three-word
  capitalised name with no other cue.
* ``other``: anything else (products, events, single words without a cue).

An entity's kind is the most frequent cue over all its mentions, in the priority
order of :data:`KINDS` when tied.
"""

from __future__ import annotations

from .cues import (
    GROUP_CUES,
    ORGANISATION_SUFFIXES,
    ORGANISATION_WORDS,
    PERSON_AFTER,
    PERSON_BEFORE,
    PLACE_SUFFIXES,
    PLACE_WORDS,
)
from .gazetteer import _key, _lookup
from .words import _is_acronym, _is_affixed_common, _is_common


def _cue(
    chunk, how: str, titled: bool, appositive: bool, lower_before: str, lower_after: str
) -> str:
    """The kind a mention's own words and neighbours suggest ("" when none)."""
    name = " ".join(w for _, _, w in chunk)
    first = chunk[0][2].lower()
    if how == "known" or _lookup(name):
        return _lookup(name)[1] or "place"
    if (
        first in ORGANISATION_WORDS
        or (first.startswith("kemen") and len(chunk) == 1)  # Kemenpora, Kemenkeu
        or chunk[-1][2].lower().rstrip(".") in ORGANISATION_SUFFIXES
    ):
        return "organisation"
    if (
        first in PLACE_WORDS
        or _key(name).startswith("taman nasional")
        or chunk[-1][2].lower() in PLACE_SUFFIXES
    ):
        return "place"
    if len(chunk) == 1 and _is_acronym(chunk[0][2]):
        return "organisation"
    if lower_before in GROUP_CUES:
        return "group"
    if (
        titled
        or appositive
        or lower_before in PERSON_BEFORE
        or lower_after in PERSON_AFTER
    ):
        return "person"
    if lower_before == "di":
        return "place"
    return ""


def _looks_like_person_name(key: str) -> bool:
    """No affixed common word (``Korea Terbuka``) and not only root words (``Bunga Bangsa``)."""
    words = key.split()
    return not any(_is_affixed_common(w) for w in words) and not all(
        _is_common(w) for w in words
    )
