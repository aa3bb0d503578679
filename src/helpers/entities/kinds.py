"""The kind one mention suggests, from its own words and its neighbours.

Kinds (:data:`KINDS`)
---------------------
* ``place``: a country or region name in Indonesian from CLDR via Babel
  (``Locale("id").territories``: *Korea Utara*, *Rusia*, *Jerman*), a city from
  CLDR's Indonesian time-zone city names (*Pyongyang*, *Kairo*), an alias in
  ``entity_aliases.csv``, or a run starting with a place word (:data:`PLACE_WORDS`:
  Kabupaten, Desa, Danau, Taman Nasional), or a name after ``di``, or a name with no
  cue that the article also writes after a unit word (*Ende*, as in *Kabupaten Ende*).
* ``organisation``: a run starting with an organisation word
  (:data:`ORGANISATION_WORDS`: Partai, Badan, Komisi, Kementerian) or an acronym
  (``KPK``, ``DPR``, ``NATO``).
* ``group``: a people or group after a group word (:data:`GROUP_CUES`: *etnis*,
  *suku*, *warga*, *pengungsi*, *Muslim*): ``etnis Rohingya``.
* ``person``: only with evidence: a title (``Presiden Joko Widodo``), a lower-case
  role (:data:`PERSON_ROLES`: ``produser Kim Min-jong``), a speech cue (``kata
  Pence``, ``menurut Kim``), a name that merged with its own surname or given name
  written alone (``Mourinho`` in an article on *Jose Mourinho*), or a given-name
  pattern (:func:`_has_personal_name_form`: ``Kim Min-jong``, ``Osama bin Laden``,
  ``B. J. Habibie``). A capitalised sequence with none of these is not a person:
  apps, shows and titles (*Bigo Live*, *Infinite Challenge*, *Good Life*) are
  ``other``.
* ``other``: anything else (products, events, shows, single words without a cue).

An entity's kind is the most frequent cue over all its mentions, in the priority
order of :data:`KINDS` when tied.
"""

from __future__ import annotations

import re

from .cues import (
    GROUP_CUES,
    ORGANISATION_SUFFIXES,
    ORGANISATION_WORDS,
    PERSON_AFTER,
    PERSON_BEFORE,
    PERSON_ROLES,
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
        or lower_before in PERSON_ROLES
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


#: A given name in Korean romanisation, two syllables joined by a hyphen (``Min-jong``,
#: ``Ji-hyun``); the second syllable is lower case, unlike a double name
#: (``Jean-Pierre``).
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
#: Initials opening a name (``B. J. Habibie``).
_INITIAL = re.compile(r"[A-Z]\.")


def _has_personal_name_form(name: str) -> bool:
    """A name of up to four words written the way only people's names are: a hyphenated
    given name, alone or after the family name (``Seung-yoon``, ``Kim Min-jong``),
    ``bin``/``binti`` (``Osama bin Laden``), or initials in front (``B. J. Habibie``).

    >>> [_has_personal_name_form(n) for n in ("Kim Min-jong", "Bigo Live", "B. J. Habibie")]
    [True, False, True]
    """
    words = name.split()
    if (
        len(words) == 1
    ):  # a given name alone (Seung-yoon), not a reduplication (Bangsa-bangsa)
        return bool(_HYPHENATED_GIVEN_NAME.fullmatch(name)) and not _is_common(name)
    if len(words) > 4:
        return False
    return (
        any(_HYPHENATED_GIVEN_NAME.fullmatch(w) for w in words[1:])
        or any(w in ("bin", "binti") for w in words[1:-1])
        or bool(_INITIAL.fullmatch(words[0]))
    )
