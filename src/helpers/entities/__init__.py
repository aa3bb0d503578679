"""Named entities found in the article itself: people, places, organisations, groups.

Why hand-written: no maintained Indonesian NER model installs offline with pip (spaCy
has no Indonesian pipeline; nlp-id downloads a model at import). The
rules below use the cues Indonesian news typography gives, and every cue is a visible
table in this module or in ``helpers/data/entity_aliases.csv``.

The package, one topic per module (each re-exported here, so ``from helpers.entities
import X`` and ``entities.X`` work as before):

* :mod:`.cues`: the visible tables of Indonesian cues (titles, organisation, place
  and group words, ...), :data:`KINDS`, the column lists and :class:`Mention`;
* :mod:`.gazetteer`: the known names (CLDR via Babel, ``entity_aliases.csv``, the
  optional actor gazetteer) and the matching key;
* :mod:`.words`: is a capitalised word a common Indonesian word (Sastrawi's root
  dictionary), an acronym, a stop word;
* :mod:`.candidates`: finding names in one text (:func:`find_entities`,
  :func:`mention_spans`, :func:`mask_entities`);
* :mod:`.places`: place words split from the names around them (units, territories);
* :mod:`.kinds`: the kind one mention's words and neighbours suggest;
* :mod:`.merging`: alias merging within one article;
* :mod:`.counting`: one article's mentions and ``entities.csv``
  (:func:`entity_mentions`, :func:`entities_table`, :func:`article_entities`).

Caveats: rule-based, so a capitalised common noun in mid-sentence (``Pakta``) or a
name at the start of every sentence it appears in can be missed or kept wrongly;
lower-case names are never found; CLDR names with ``dan`` (``Bosnia dan
Herzegovina``) are not matched.
"""

from .candidates import find_entities, mask_entities, mention_spans, replace_spans
from .counting import article_entities, entities_table, entity_mentions
from .cues import (
    ADMIN_PLACE_WORDS,
    CLUB_WORDS,
    DATE_WORDS,
    ENTITY_COLUMNS,
    GROUP_CUES,
    KINDS,
    LEGAL_PREFIXES,
    MENTION_COLUMNS,
    NAME_PARTICLES,
    ORGANISATION_SUFFIXES,
    ORGANISATION_WORDS,
    PERSON_AFTER,
    PERSON_BEFORE,
    PERSON_ROLES,
    PLACE_QUALIFIERS,
    PLACE_SUFFIXES,
    PLACE_WORDS,
    REFERENCE_WORDS,
    RELATIONAL_ROLES,
    TERRITORIAL_TITLES,
    TITLE_QUALIFIERS,
    TITLE_WORDS,
    Mention,
)
from .gazetteer import alias_table, gazetteer_aliases, reference_names

__all__ = [
    "ADMIN_PLACE_WORDS",
    "CLUB_WORDS",
    "DATE_WORDS",
    "ENTITY_COLUMNS",
    "GROUP_CUES",
    "KINDS",
    "LEGAL_PREFIXES",
    "MENTION_COLUMNS",
    "NAME_PARTICLES",
    "ORGANISATION_SUFFIXES",
    "ORGANISATION_WORDS",
    "PERSON_AFTER",
    "PERSON_BEFORE",
    "PERSON_ROLES",
    "PLACE_QUALIFIERS",
    "PLACE_SUFFIXES",
    "PLACE_WORDS",
    "REFERENCE_WORDS",
    "RELATIONAL_ROLES",
    "TERRITORIAL_TITLES",
    "TITLE_QUALIFIERS",
    "TITLE_WORDS",
    "Mention",
    "alias_table",
    "article_entities",
    "entities_table",
    "entity_mentions",
    "find_entities",
    "gazetteer_aliases",
    "mask_entities",
    "mention_spans",
    "reference_names",
    "replace_spans",
]
