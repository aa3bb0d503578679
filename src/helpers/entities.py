"""Named entities found in the article itself: people, places, organisations, groups.

Why hand-written: no maintained Indonesian NER model installs offline with pip (spaCy
has no Indonesian pipeline; nlp-id downloads a model at import, PITFALLS.md). The
rules below use the cues Indonesian news typography gives, and every cue is a visible
table in this module or in ``helpers/data/entity_aliases.csv``.

Finding names (:func:`find_entities`)
-------------------------------------
1. **Capitalised sequences.** Runs of capitalised words (``Karine Jean-Pierre``,
   ``Taman Nasional Gunung Rinjani``), acronyms (``KPK``, ``PBB``) and initials
   (``B. J. Habibie``), joined by single spaces; a few lower-case name particles
   (``bin``, ``van``, ``de``) may sit inside. Punctuation ends a run.
2. **Sentence-initial words.** The first word of a sentence (or of a quotation) is
   capitalised anyway, so it is dropped unless it is a known name (a country, an
   alias), an acronym, or written capitalised somewhere else in the text in a
   non-initial position. ``Kunjungan Putin ke ...`` gives ``Putin``. Capitalised stop
   words (``Menurut``), day and month names and title words alone never count.
3. **Titles and roles** (:data:`TITLE_WORDS`: Presiden, Menteri, Juru bicara, Ketua,
   Kepala, Kanselir, ...) are removed from the front of a name and make it a person:
   ``Presiden Joko Widodo`` is the person *Joko Widodo*. A title followed by a
   country (``Presiden Rusia``) leaves the country; a name set off by commas right
   after such a title (``Presiden Rusia, Vladimir Putin,``) is a person.
4. **Known names split a run**: ``Presiden Rusia Vladimir Putin`` is *Rusia* and
   *Vladimir Putin*, unless the run starts with an organisation or place word
   (``Bank Indonesia``, ``Universitas Indonesia`` stay whole).

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

Why Babel: it ships CLDR, the Unicode consortium's maintained locale data, with 295
Indonesian territory names in the forms news uses (*Korea Utara*, *Amerika
Serikat*); pycountry's Indonesian names are the formal ones (*Federasi Rusia*), and
it is already installed with JupyterLab. CLDR has no capital list, so the capitals
it lacks and the news short forms (*Korut*, *AS*, *RI*) are rows of
``entity_aliases.csv``, each with its reason.

Alias merging (:func:`entity_mentions`)
---------------------------------------
Within one article: (a) spellings that differ only in case or hyphens are one name
(``Kim Jong-un`` / ``Kim Jong Un``); (b) the alias table and the optional extra
table (for example the old actor gazetteer, :func:`gazetteer_aliases`) map short
forms to their entity (``Korut`` -> *Korea Utara*); (c) a name written as ``Long
Name (ACR)`` makes the acronym and the long name one entity; (d) a name that is the
first or last words of exactly one longer person name is that person (``Putin`` ->
*Vladimir Putin*, ``Jean-Pierre`` -> *Karine Jean-Pierre*, ``Sung`` -> *Sung
Ji-hyun*); when it fits two longer names it is left alone. A person is named by its
longest form; other entities by their most frequent form (ties: the longer).

Caveats: rule-based, so a capitalised common noun in mid-sentence (``Pakta``) or a
name at the start of every sentence it appears in can be missed or kept wrongly;
lower-case names are never found; CLDR names with ``dan`` (``Bosnia dan
Herzegovina``) are not matched.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import pandas as pd

from .errors import OptionError

#: Entity kinds, in the order that breaks ties between cues.
KINDS = ("place", "organisation", "group", "person", "other")
#: Columns of ``entities.csv`` (CONTRACT.md), in order.
ENTITY_COLUMNS = [
    "entity",
    "kind",
    "mentions",
    "paragraphs",
    "aliases",
    "first_paragraph",
]
#: Columns :func:`entity_mentions` adds to the input's id columns.
MENTION_COLUMNS = ["entity", "kind", "mention", "start", "end"]

#: Titles and roles (lower case) that precede a person's name and are not part of it.
TITLE_WORDS = frozenset(
    """
ceo cto cfo coo founder pendiri presdir komisaris bos
presiden wakil menteri menko menlu mendagri mendikbud menhan juru jubir ketua kepala kanselir
perdana gubernur wagub bupati walikota wali kota camat lurah pemimpin direktur dirut sekretaris
sekjen jenderal raja ratu pangeran putri sultan paus uskup kardinal imam ustaz ustadz habib kiai
kapolri kapolda kapolres kapolsek kasat kabid kabag panglima kasad kasal kasau komandan danrem
dandim pelatih kapten manajer pebulu pebulutangkis pebalap petenis pesepak pemain striker kiper
penyerang gelandang bek aktor aktris penyanyi pedangdut presenter sutradara produser rapper
dr prof ir drs h hj kh bapak ibu pak bu mr mrs ms sir senator anggota hakim jaksa kajari kajati
kapuspen kabareskrim karopenmas kadiv kabid humas dubes duta besar konsul pengacara kuasa hukum
tersangka terdakwa terpidana saksi korban menpora menkeu menkes menag mensos menristekdikti
kompol akbp kombes irjen brigjen ipda iptu aiptu bripka briptu akp letkol kolonel mayor mayjen
letjen laksamana marsekal kopral sersan
""".split()
)
#: Words that may follow a title word and still be part of the title
#: (``Menteri Luar Negeri``, ``Juru Bicara``, ``Sekretaris Jenderal``).
TITLE_QUALIFIERS = frozenset(
    """
luar dalam negeri bicara besar umum jenderal muda utama agung tinggi kota menteri presiden
eksekutif pelaksana harian negara bidang divisi humas tertinggi
""".split()
)
#: Club words: the club's name follows (``Real Madrid``), not a portfolio.
CLUB_WORDS = frozenset(
    {"real", "atletico", "inter", "sporting", "olympique", "borussia"}
)
#: First words of organisation names (lower case).
ORGANISATION_WORDS = (
    frozenset(
        """
partai badan komisi kementerian kemenkes kemenlu kemendagri dewan majelis mahkamah pengadilan
kejaksaan kepolisian polda polres polsek polresta polrestabes polri universitas institut
sekolah bank pt cv perusahaan persatuan perserikatan asosiasi federasi himpunan ikatan
lembaga yayasan organisasi koalisi front gerakan tentara angkatan pasukan kodam korem kodim
komite kantor direktorat dinas biro pemerintah pemprov pemkot pemkab kedutaan konsulat
klub timnas tim persatuan liga serikat kongres parlemen senat kabinet fraksi balai
""".split()
    )
    | CLUB_WORDS
)
#: Club words among them: the club's name follows (``Real Madrid``), not a portfolio.
CLUB_WORDS = frozenset(
    {"real", "atletico", "inter", "sporting", "olympique", "borussia"}
)
#: First words of place names (lower case); ``taman nasional`` is matched as a phrase.
PLACE_WORDS = frozenset(
    """
kabupaten kota provinsi desa kecamatan kelurahan kampung dusun danau gunung sungai pulau
kepulauan selat teluk laut samudra samudera pantai semenanjung jalan jl bandara pelabuhan
stadion bandar gedung istana masjid gereja pura candi lapangan alun-alun taman hutan lembah bukit
tanjung kawasan wilayah jazirah benua negara negeri
""".split()
)
#: Lower-case words right before a name that make it a people or group.
GROUP_CUES = frozenset(
    """
etnis suku bangsa kaum umat warga pengungsi minoritas muslim komunitas kelompok milisi
militan gerilyawan separatis pemberontak
""".split()
)
#: Verbs and prepositions right before a name that make it a person.
PERSON_BEFORE = frozenset(
    """
kata ujar ucap tutur jelas ungkap tegas imbuh tambah lanjut menurut sebut papar terang
pungkas kata-nya sapa
""".split()
)
#: Verbs right after a name that make it a person.
PERSON_AFTER = frozenset(
    """
mengatakan menyatakan menjelaskan menegaskan mengungkapkan menuturkan berkata mengaku
menyebut menambahkan mengucapkan bertanya menjawab tersenyum meninggal lahir
""".split()
)
#: Lower-case particles allowed inside a name (``Osama bin Laden``, ``Van der Sar``).
NAME_PARTICLES = frozenset(
    {"bin", "binti", "van", "von", "der", "den", "de", "da", "del", "dos", "al", "el"}
)
#: Last words that make a name an organisation (``Daewoo Shipbuilding Co Ltd``).
ORGANISATION_SUFFIXES = frozenset(
    "ltd co inc corp tbk group fc united airlines airways air institute foundation "
    "entertainment studio studios media music records pictures".split()
)
#: Last words that make a name a place (``SK Handball Stadium``, ``Thamrin City``).
PLACE_SUFFIXES = frozenset(
    "stadium stadion arena hall city center centre airport hotel mall plaza square park".split()
)
#: Words that open a reference to a law or its parts, not a name (``UU KPK`` is KPK).
LEGAL_PREFIXES = frozenset(
    "uu ruu perppu perpres permen perda pasal ayat undang-undang".split()
)
#: Capitalised words that are never a name on their own: days and months.
DATE_WORDS = frozenset(
    "senin selasa rabu kamis jumat jum'at sabtu minggu ahad januari februari maret april mei "
    "juni juli agustus september oktober november desember".split()
)

#: Capitalised abbreviations that end or open a reference, never a name (``Perkara No. 12``).
REFERENCE_WORDS = frozenset("no nomor nmr hlm hal tel telp ext".split())

_WORD = r"[A-ZÀ-Þ][\w’']*(?:-[\w’']+)*"
_INITIAL = r"[A-Z]\.(?:\s?[A-Z]\.)*"
_NAME_RUN = re.compile(
    rf"(?:{_INITIAL}\s)?{_WORD}(?:(?:\s(?:{'|'.join(sorted(NAME_PARTICLES))}|&))?\s(?:{_INITIAL}\s)?{_WORD})*"
)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,6}")
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?…:;]['\"”’)\]]*|[\"“‘'(\[])\s*$")
_WORD_BEFORE = re.compile(r"([\w-]+)[,\s]*$")
_WORD_AFTER = re.compile(r"^[,\s]*([\w-]+)")


class Mention(NamedTuple):
    """One name as written: ``text[start:end] == mention``; ``cue`` is the kind its
    context suggests (one of :data:`KINDS`, or ``""`` when none)."""

    start: int
    end: int
    mention: str
    cue: str


# --- reference names ---------------------------------------------------------------


def _clean_territory(name: str) -> list[str]:
    """CLDR names in the forms news writes: no parenthesis, 'Asia Bagian Timur' -> 'Asia Timur'."""
    name = re.sub(r"\s*\(.*?\)", "", name).replace(" DAK Tiongkok", "").strip()
    forms = [name]
    if " Bagian " in name:
        forms.append(name.replace(" Bagian ", " "))
    return [f for f in forms if f]


@lru_cache(maxsize=1)
def _alias_rows() -> pd.DataFrame:
    with (
        resources.files("helpers")
        .joinpath("data/entity_aliases.csv")
        .open(encoding="utf-8") as fh
    ):
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


def alias_table() -> pd.DataFrame:
    """The project's alias table (a copy): columns ``alias``, ``entity``, ``kind``, ``reason``."""
    return _alias_rows().copy()


@lru_cache(maxsize=1)
def reference_names() -> pd.DataFrame:
    """Known names: CLDR territories and time-zone cities in Indonesian, plus the alias table.

    Returns:
        Columns ``name`` (as written), ``entity`` (what it counts for), ``kind`` and
        ``source`` (``CLDR territory``, ``CLDR city``, ``entity_aliases.csv``); one row
        per name, the alias table winning over CLDR.
    """
    from babel import Locale
    from babel.dates import get_timezone_location

    locale = Locale("id")
    rows = []
    for code, raw in sorted(locale.territories.items()):
        if code in {"001", "ZZ", "EU", "EZ", "UN", "QO"}:
            continue
        forms = _clean_territory(raw)
        rows.extend((form, forms[0], "place", "CLDR territory") for form in forms)
    from zoneinfo import (
        available_timezones,  # the pinned tzdata package: same list everywhere
    )

    for zone in sorted(available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "Antarctica/")):
            continue
        try:
            city = get_timezone_location(zone, locale=locale, return_city=True)
        except (LookupError, ValueError):  # zones unknown to the installed tz database
            continue
        if city and city[0].isupper() and len(city) > 2:
            rows.append((city, city, "place", "CLDR city"))
    aliases = _alias_rows()
    rows = [
        (a.alias, a.entity, a.kind, "entity_aliases.csv") for a in aliases.itertuples()
    ] + rows
    table = pd.DataFrame(rows, columns=["name", "entity", "kind", "source"])
    table["key"] = table["name"].map(_key)
    return table.drop_duplicates("key", ignore_index=True)


def gazetteer_aliases() -> pd.DataFrame:
    """The actor gazetteer (``helpers/data/actors.csv``) as an extra alias table.

    Optional: pass it as ``extra_aliases=`` to count metonyms the text cannot reveal
    (*Kremlin* for *Rusia*, *Gedung Putih* for *Amerika Serikat*). Returns columns
    ``alias``, ``entity``, ``kind`` (``other``: the entity's kind comes from the text)
    and ``reason``.
    """
    from .actors import actor_gazetteer

    table = actor_gazetteer()
    return pd.DataFrame(
        {
            "alias": table["alias"],
            "entity": table["actor"],
            "kind": "",
            "reason": "actors.csv: " + table["note"],
        }
    )


@lru_cache(maxsize=1)
def _edge_words() -> frozenset[str]:
    """Words that never open or close a name: stop words, dates, particles, references."""
    return frozenset(_stopwords() | DATE_WORDS | NAME_PARTICLES | REFERENCE_WORDS)


@lru_cache(maxsize=65536)
def _key(name: str) -> str:
    """Matching key: lower case, hyphens and apostrophes as spaces, single spaces."""
    return " ".join(re.sub(r"[-'’]", " ", name.lower()).split())


@lru_cache(maxsize=1)
def _known() -> dict[str, tuple[str, str]]:
    """{key: (entity, kind)} of every reference name."""
    table = reference_names()
    return {
        k: (e, kd) for k, e, kd in zip(table["key"], table["entity"], table["kind"])
    }


@lru_cache(maxsize=1)
def _acronym_keys() -> frozenset[str]:
    """Keys of reference names written in capitals (``AS``, ``UN``, ``RI``): they match only
    when the text writes them in capitals too, so ``Un`` in *Kim Jong Un* is not the UN."""
    table = reference_names()
    return frozenset(k for k, n in zip(table["key"], table["name"]) if n.isupper())


def _lookup(name: str, mapping: dict | None = None):
    """The (entity, kind) a name as written stands for, or None."""
    key = _key(name)
    if key in _acronym_keys() and not name.replace(" ", "").isupper():
        return None
    return (mapping or _known()).get(key)


@lru_cache(maxsize=1)
def _alias_sourced() -> frozenset[str]:
    table = reference_names()
    return frozenset(table.loc[table["source"] == "entity_aliases.csv", "key"])


@lru_cache(maxsize=1)
def _known_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(k.split()) for k in _known()}, reverse=True))


# --- finding names -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _root_words() -> frozenset[str]:
    """Sastrawi's dictionary of Indonesian root words (shipped with PySastrawi)."""
    from importlib import resources as res

    text = (
        res.files("Sastrawi")
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
    from .stemming import default_stemmer

    lower = word.lower()
    if not lower.isalpha():
        return False
    stem = default_stemmer().stem_many([lower])[lower]
    return stem != lower and stem in _root_words()


def _stopwords() -> frozenset[str]:
    from .stopwords import stopword_set

    return stopword_set()


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.fullmatch(word)) and sum(ch.isupper() for ch in word) >= 2


@lru_cache(maxsize=4)  # one article's context, asked once per paragraph
def _capitalised_elsewhere(text: str) -> frozenset[str]:
    """Capitalised words of ``text`` that occur at least once in a non-initial position."""
    found = set()
    for match in re.finditer(_WORD, text):
        if (
            not _SENTENCE_START.search(text[max(0, match.start() - 4) : match.start()])
            or match.start() == 0
        ):
            if match.start() > 0:
                found.add(match.group())
    return frozenset(found)


def _split_words(run: str, offset: int) -> list[tuple[int, int, str]]:
    """The words of a run as ``(start, end, word)``; a closing quote is no part of a word."""
    words = []
    for m in re.finditer(r"\S+", run):
        word = m.group().rstrip("’'")
        if word:
            words.append((offset + m.start(), offset + m.start() + len(word), word))
    return words


def _segment(words: list[tuple[int, int, str]]) -> list[tuple[list, str]]:
    """Split a run at known names; returns (words, cue) chunks. A run starting with an
    organisation or place word stays whole."""
    first = words[0][2].lower()
    if (
        first in ORGANISATION_WORDS
        or first in PLACE_WORDS
        or _key(" ".join(w for _, _, w in words[:2])) == "taman nasional"
    ):
        # ... unless common words then two or more uncommon ones follow the first word:
        # "Gedung Putih Karine Jean-Pierre" is the place, then the person.
        common = 1
        while common < len(words) and _is_common(words[common][2]):
            common += 1
        tail = words[common:]
        if (
            common >= 2
            and len(tail) >= 2
            and not any(_is_common(w) for _, _, w in tail)
        ):
            return [(words[:common], ""), (tail, "")]
        return [(words, "")]
    chunks, pending, i = [], [], 0
    while i < len(words):
        for n in _known_lengths():
            if i + n <= len(words) and _lookup(
                " ".join(w for _, _, w in words[i : i + n])
            ):
                if pending:
                    chunks.append((pending, ""))
                    pending = []
                chunks.append((words[i : i + n], "known"))
                i += n
                break
        else:
            if _is_acronym(words[i][2]) and len(words) > 1:
                # an acronym inside a run is a name of its own (KPK Febri Diansyah)
                if pending:
                    chunks.append((pending, ""))
                    pending = []
                chunks.append(([words[i]], ""))
            else:
                pending.append(words[i])
            i += 1
    if pending:
        chunks.append((pending, ""))
    return chunks


def find_entities(text: str, *, context: str | None = None) -> list[Mention]:
    """Name mentions in one text, by the module's rules (no alias merging).

    Args:
        text: a paragraph or sentence.
        context: the whole article, used to decide whether a sentence-initial word is
            written capitalised elsewhere (rule 2); ``text`` itself when None.

    Returns:
        :class:`Mention` tuples sorted by ``start``; ``text[start:end] == mention``.
    """
    text = str(text)
    elsewhere = _capitalised_elsewhere(text if context is None else context)
    stops = _stopwords()
    edge_words = _edge_words()
    mentions: list[Mention] = []
    previous_title_end = -10
    for run in _NAME_RUN.finditer(text):
        words = _split_words(run.group(), run.start())
        # Rule 2: the sentence-initial word.
        initial = bool(words) and bool(
            _SENTENCE_START.search(text[max(0, words[0][0] - 4) : words[0][0]])
        )
        initial_word = words[0] if initial else None
        if initial:
            word = words[0][2]
            starts_known = any(
                _lookup(" ".join(w for _, _, w in words[:n]))
                for n in _known_lengths()
                if n <= len(words)
            )
            opens_body = len(words) > 1 and (
                word.lower() in ORGANISATION_WORDS or word.lower() in PLACE_WORDS
            )
            starts_name = (
                len(words) > 1
                and word.lower() not in stops
                and word.lower() not in GROUP_CUES  # "Warga Jawa Barat ...": a cue word
                and (
                    not _is_common(word)
                    or (len(words) >= 3 and not _is_affixed_common(word))
                )
            )
            if not (
                starts_known
                or opens_body
                or starts_name
                or word.lower().rstrip(".") in TITLE_WORDS  # rule 3 removes it
                or _is_acronym(word)
                or (word in elsewhere and word.lower() not in stops)
            ):
                words = words[1:]
        # Stop words, dates and particles at the edges are not part of a name.
        while (
            words
            and (words[0][2].lower().rstrip(".") in edge_words)
            and not _is_acronym(words[0][2])
        ):
            words = words[1:]
        while (
            words
            and (words[-1][2].lower().rstrip(".") in edge_words)
            and not _is_acronym(words[-1][2])
        ):
            words = words[:-1]
        while words and words[0][2].lower() in LEGAL_PREFIXES:
            words = words[1:]
        # Rule 3: titles, also inside a run (``Kapolsek Metro Tanah Abang Kompol Mustakim``):
        # the words after the last title are the person, those before it a place or body.
        # A title's portfolio continued after "dan" (Menteri Pendidikan dan Kebudayaan X).
        titled = previous_title_end >= 0 and bool(
            re.fullmatch(r"\s+(?:dan|&)\s+", text[previous_title_end : run.start()])
        )
        if titled:
            words = [("", "", "")] + words  # a virtual title in front
        last_title = max(
            (i for i, w in enumerate(words) if w[2].lower().rstrip(".") in TITLE_WORDS),
            default=0 if titled else None,
        )
        if last_title is not None:
            titled = True
            head = [
                w
                for w in words[:last_title]
                if w[2] and w[2].lower().rstrip(".") not in TITLE_WORDS
            ]
            words = words[last_title + 1 :]
            while words and words[0][2].lower() in TITLE_QUALIFIERS:
                words = words[1:]
            # A portfolio or body between the title and the name (``Menteri Pendidikan dan
            # Kebudayaan Muhadjir Effendy``, ``Ketua Dewan Perwakilan Rakyat Setya Novanto``):
            # common words up front are not part of the person's name.
            common = 0
            if words and (
                _is_affixed_common(words[0][2])
                or words[0][2].lower() in ORGANISATION_WORDS - CLUB_WORDS
            ):
                while common < len(words) and _is_common(words[common][2]):
                    common += 1
            if 0 < common < len(words):
                head, words = head + words[:common], words[common:]
            elif (
                common == len(words)
                and words
                and not _lookup(" ".join(w for _, _, w in words))
            ):
                head, words = head + words, []
            if head and (
                head[0][2].lower() in ORGANISATION_WORDS
                or _lookup(" ".join(w for _, _, w in head))
                or head[0][2].lower() in PLACE_WORDS
            ):
                for chunk, how in _segment(head):
                    name = text[chunk[0][0] : chunk[-1][1]]
                    mentions.append(
                        Mention(
                            chunk[0][0],
                            chunk[-1][1],
                            name,
                            _cue(chunk, how, False, False, "", ""),
                        )
                    )
            previous_title_end = run.end()
        if not words:
            continue
        if (
            len(words) == 1
            and _is_common(words[0][2])
            and re.match(r"\s+\d", text[words[0][1] : words[0][1] + 3])
        ):
            continue  # "Pasal 245", "Liga 1": a reference, not a name
        before = text[: words[0][0]]
        word_before = _WORD_BEFORE.search(before[-30:])
        lower_before = word_before.group(1).lower() if word_before else ""
        after = _WORD_AFTER.match(text[words[-1][1] : words[-1][1] + 30])
        lower_after = after.group(1).lower() if after else ""
        appositive = bool(re.fullmatch(r",\s*", text[previous_title_end : words[0][0]]))
        for chunk, how in _segment(words):
            start, end = chunk[0][0], chunk[-1][1]
            name = text[start:end]
            if len(chunk) == 1 and (
                name.lower() in stops
                or name.lower() in DATE_WORDS
                or name.lower() in TITLE_WORDS
            ):
                continue
            if (
                chunk == [initial_word]
                and how != "known"
                and _is_common(name)
                and name not in elsewhere
            ):
                continue  # a capitalised common word left alone by a known name after it
            first_chunk = chunk[0][0] == words[0][0]
            cue = _cue(
                chunk,
                how,
                titled and how != "known",
                appositive and first_chunk,
                lower_before if first_chunk else "",
                lower_after if chunk[-1][1] == words[-1][1] else "",
            )
            if len(name) == 1 or re.match(r"(?:Rp|US\$)\d", name):
                continue  # an initial or an amount (Rp48), not a name
            for part_start, part_end in _split_by_context(chunk, how, context or text):
                part = text[part_start:part_end]
                mentions.append(
                    Mention(part_start, part_end, part, cue if part_end == end else "")
                )
            if how == "known":
                previous_title_end = end if titled else previous_title_end
    return _join_portfolios(mentions, text)


def _split_by_context(chunk, how: str, context: str) -> list[tuple[int, int]]:
    """A run of 3+ words that opens with a name the article writes alone more often
    than the whole run, and at least twice (``bos Bigo Live David Li``, ``Bigo Live``
    alone 8 times), is that name and then a name of two or more words, not all
    common ones;
    otherwise the run is one name."""
    whole = [(chunk[0][0], chunk[-1][1])]
    if how == "known" or len(chunk) < 3 or chunk[0][2].lower() in ORGANISATION_WORDS:
        return whole
    if chunk[0][2].lower() in PLACE_WORDS:
        return whole
    name = " ".join(w for _, _, w in chunk)
    full = _count_standalone(context, name)
    for n in range(1, len(chunk) - 1):
        head, tail = chunk[:n], chunk[n:]
        if all(_is_common(w) for _, _, w in tail):
            continue
        alone = _count_standalone(context, " ".join(w for _, _, w in head))
        if alone >= 2 and alone > full:
            return [(head[0][0], head[-1][1]), (tail[0][0], tail[-1][1])]
    return whole


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


def _join_portfolios(mentions: list[Mention], text: str) -> list[Mention]:
    """``Kementerian Komunikasi`` + ``dan`` + ``Informatika``: one organisation when the
    part after ``dan`` is common words only (a portfolio, not another name)."""
    joined: list[Mention] = []
    for m in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and text[last.end : m.start] == " dan "
            and last.mention.split()[0].lower() in ORGANISATION_WORDS
            and all(_is_common(w) for w in m.mention.split())
        ):
            joined[-1] = Mention(
                last.start, m.end, text[last.start : m.end], "organisation"
            )
        else:
            joined.append(m)
    return joined


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


def mention_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of every name in ``text``, in order.

    The small stable entry point for masking names before scoring a text (for example
    sentiment): ``text[start:end]`` is a name. Same rules as :func:`find_entities`.

    >>> mention_spans("Presiden Rusia, Vladimir Putin, tiba di Pyongyang.")
    [(9, 14), (16, 30), (40, 49)]
    """
    return [(m.start, m.end) for m in find_entities(text)]


def mask_entities(text: str, *, mask: str = "X") -> str:
    """``text`` with every name (:func:`mention_spans`) replaced by ``mask``."""
    out, last = [], 0
    for start, end in mention_spans(text):
        out.append(text[last:start])
        out.append(mask)
        last = end
    out.append(text[last:])
    return "".join(out)


# --- one article: alias merging ----------------------------------------------------


def _alias_map(extra_aliases: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    mapping = dict(_known())
    if extra_aliases is not None:
        missing = {"alias", "entity"} - set(extra_aliases.columns)
        if missing:
            raise OptionError(
                f"extra_aliases lacks column(s) {sorted(missing)}; it needs 'alias' and 'entity' "
                "(and optionally 'kind'), like helpers.entities.gazetteer_aliases()."
            )
        kinds = (
            extra_aliases["kind"]
            if "kind" in extra_aliases.columns
            else pd.Series("", index=extra_aliases.index)
        )
        for alias, entity, kind in zip(
            extra_aliases["alias"], extra_aliases["entity"], kinds
        ):
            if str(alias).strip() and str(entity).strip():
                mapping[_key(str(alias))] = (str(entity), str(kind or ""))
    return mapping


def _id_columns(table: pd.DataFrame, text_column: str) -> list[str]:
    return [c for c in table.columns if str(c).endswith("_id") and c != text_column]


def entity_mentions(
    table: pd.DataFrame,
    *,
    text_column: str = "text",
    extra_aliases: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per name mention in a table of texts (one article), aliases merged.

    How to read it: each row is one place where an entity is named;
    ``table[text_column][row][start:end] == mention``, and ``entity`` is the name all
    its aliases count towards (``Putin`` -> *Vladimir Putin*).

    Args:
        table: paragraphs (or sentences) of one article, with id columns (names ending
            in ``_id``, such as ``paragraph_id``) and a text column. Not modified.
        text_column: the column holding the text.
        extra_aliases: an optional table with ``alias``, ``entity`` (and ``kind``)
            columns, for example :func:`gazetteer_aliases`; its rows win over the
            project's alias table.

    Returns:
        The id columns, then ``entity``, ``kind`` (one per entity, see the module
        docstring), ``mention`` (as written), ``start``, ``end``. Sorted by the id
        columns, then ``start``.
    """
    if not isinstance(table, pd.DataFrame) or text_column not in table.columns:
        raise OptionError(
            f"entity_mentions needs a DataFrame with a {text_column!r} column; "
            "build it with helpers.paragraphs_table(article)."
        )
    ids = _id_columns(table, text_column)
    if not ids:
        raise OptionError(
            "entity_mentions: the table has no id column (a column ending in '_id', such as "
            "'paragraph_id'). Build it with helpers.paragraphs_table(article)."
        )
    aliases = _alias_map(extra_aliases)
    texts = ["" if pd.isna(t) else str(t) for t in table[text_column]]
    context = "\n\n".join(texts)
    raw = [
        (values, m)
        for values, text in zip(table[ids].itertuples(index=False, name=None), texts)
        for m in find_entities(text, context=context)
    ]
    columns = ids + MENTION_COLUMNS
    if not raw:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=table[c].dtype if c in ids else "object")
                for c in columns
            }
        ).astype({"start": "int64", "end": "int64"})
    canonical, kinds = _resolve([m for _, m in raw], texts, aliases)
    rows = [
        values
        + (
            canonical[_key(m.mention)],
            kinds[canonical[_key(m.mention)]],
            m.mention,
            m.start,
            m.end,
        )
        for values, m in raw
    ]
    result = pd.DataFrame(rows, columns=columns).astype(
        {c: table[c].dtype for c in ids} | {"start": "int64", "end": "int64"}
    )
    return result.sort_values(ids + ["start"], kind="stable", ignore_index=True)


def _resolve(
    mentions: list[Mention], texts: list[str], aliases: dict[str, tuple[str, str]]
):
    """Merge the mentions' names into entities: ({name key: entity}, {entity: kind})."""
    forms: dict[str, Counter] = defaultdict(Counter)  # key -> surface forms
    cues: dict[str, Counter] = defaultdict(Counter)  # key -> cue votes
    table_of: dict[
        str, tuple[str, str]
    ] = {}  # key -> (entity, kind) from an alias table
    for m in mentions:
        forms[_key(m.mention)][m.mention] += 1
        cues[_key(m.mention)][m.cue] += 1
        found = _lookup(m.mention, aliases)
        if found:
            table_of[_key(m.mention)] = found
    parent = {k: k for k in forms}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    # (b) alias tables: keys mapping to the same entity are one; the entity's own key joins them.
    by_entity: dict[str, str] = {}
    for k in list(forms):
        if k in table_of:
            target = _key(table_of[k][0])
            if target in by_entity:
                union(k, by_entity[target])
            else:
                by_entity[target] = k
    # (c) Long Name (ACR): each "(ACR)" in the text, and the known form right before it
    # (one pass over the text, then at most 8 dictionary lookups per parenthesis)
    joined = "\n".join(texts)
    by_form = {form: k for k in forms for form in forms[k]}
    for m in re.finditer(r"\(([A-Z][A-Za-z0-9&-]{1,9})\)", joined):
        acronym = _key(m.group(1))
        if acronym not in forms:
            continue
        before = joined[max(0, m.start() - 200) : m.start()].rstrip().split(" ")
        for n in range(min(8, len(before)), 0, -1):
            form = " ".join(before[-n:])
            k = by_form.get(form)
            # the acronym spells the long name: same first letter (so "Susu
            # Indonesia (GKSI)" does not make GKSI the country)
            if k is not None and acronym != k and acronym[:1] == _key(form)[:1]:
                union(acronym, k)
                break
    # (c') an acronym spelling the initials of exactly one longer name in the article
    # (PKI and Partai Komunis Indonesia), even without the parenthesis
    initials: dict[str, set[str]] = defaultdict(set)
    for k in forms:
        words = [w for w in k.split() if w not in NAME_PARTICLES and w != "dan"]
        if len(words) >= 2:
            initials["".join(w[0] for w in words)].add(k)
    for k in list(forms):
        if any(f.isupper() for f in forms[k]) and " " not in k:
            longer = {find(o) for o in initials.get(k, ())}
            if len(longer) == 1:
                union(k, longer.pop())
    # (d) surname / given name of exactly one longer person name
    personish = {
        k
        for k in forms
        if cues[k]["person"]
        or (
            len(k.split()) in (2, 3, 4)
            and not cues[k]["place"]
            and not cues[k]["organisation"]
            and k not in table_of
            and _looks_like_person_name(k)
        )
    }
    # indexed by first and last words (one or two), so each short name is a lookup
    starts: dict[tuple, list[str]] = defaultdict(list)
    ends: dict[tuple, list[str]] = defaultdict(list)
    for o in personish:
        if o in table_of:
            continue
        ow = o.split()
        for n in (1, 2):
            if len(ow) > n:
                starts[tuple(ow[:n])].append(o)
                # a surname: what comes before it is a name too, not common words
                # ("Agen Payfazz", agent, is no person whose surname is Payfazz)
                if not all(_is_common(w) for w in ow[:-n]):
                    ends[tuple(ow[-n:])].append(o)
    for k in sorted(forms, key=lambda s: len(s.split())):
        words = k.split()
        if k in table_of or len(words) > 2:
            continue
        longer = {
            find(o) for o in starts.get(tuple(words), []) + ends.get(tuple(words), [])
        }
        if len(longer) == 1:
            union(k, longer.pop())
    groups: dict[str, list[str]] = defaultdict(list)
    for k in forms:
        groups[find(k)].append(k)
    canonical, kinds = {}, {}
    for members in groups.values():
        votes = Counter()
        for k in members:
            votes.update({c: n for c, n in cues[k].items() if c})
        table_entity = next((table_of[k] for k in members if k in table_of), None)
        from_alias_csv = any(
            k in _alias_sourced() or (k in aliases and k not in _known())
            for k in members
        )
        all_forms = Counter()
        for k in members:
            all_forms.update(forms[k])
        if table_entity and table_entity[1]:
            kind = table_entity[1]
        elif votes:
            kind = sorted(votes.items(), key=lambda kv: (-kv[1], KINDS.index(kv[0])))[
                0
            ][0]
        elif _looks_like_person_name(max(members, key=lambda k: len(k.split()))) and (
            len(members) > 1 or 2 <= len(max(members, key=len).split()) <= 3
        ):
            kind = "person"
        else:
            kind = "other"
        if table_entity and from_alias_csv:
            name = table_entity[0]
        elif kind == "person":
            name = max(all_forms, key=lambda f: (len(f.split()), all_forms[f], f))
        else:
            name = max(all_forms, key=lambda f: (all_forms[f], len(f), f))
        for k in members:
            canonical[k] = name
        kinds[name] = kind
    return canonical, kinds


def _looks_like_person_name(key: str) -> bool:
    """No affixed common word (``Korea Terbuka``) and not only root words (``Bunga Bangsa``)."""
    words = key.split()
    return not any(_is_affixed_common(w) for w in words) and not all(
        _is_common(w) for w in words
    )


def entities_table(
    mentions: pd.DataFrame, *, id_column: str = "paragraph_id"
) -> pd.DataFrame:
    """One row per entity: the table written as ``entities.csv``.

    How to read it: ``mentions`` counts every mention under any alias (one entity, one
    count); ``paragraphs`` is how many paragraphs name it; ``aliases`` lists the forms
    written, most frequent first, with their counts; ``first_paragraph`` is where it is
    first named.

    Args:
        mentions: from :func:`entity_mentions`.
        id_column: the paragraph id column.

    Returns:
        Columns ``entity``, ``kind``, ``mentions``, ``paragraphs``, ``aliases``,
        ``first_paragraph``; sorted by ``mentions`` descending, then
        ``first_paragraph``, then ``entity``.
    """
    for column in ("entity", "kind", "mention", id_column):
        if column not in mentions.columns:
            raise OptionError(
                f"entities_table needs a {column!r} column; pass the table from entity_mentions()."
            )
    if mentions.empty:
        return pd.DataFrame(
            {
                c: pd.Series(
                    dtype="int64"
                    if c in ("mentions", "paragraphs", "first_paragraph")
                    else "object"
                )
                for c in ENTITY_COLUMNS
            }
        )
    rows = []
    for entity, group in mentions.groupby("entity", sort=True):
        counts = group["mention"].value_counts()
        counts = counts.sort_index().sort_values(ascending=False, kind="stable")
        rows.append(
            (
                entity,
                group["kind"].iloc[0],
                len(group),
                group[id_column].nunique(),
                "; ".join(f"{form} ({n})" for form, n in counts.items()),
                int(group[id_column].min()),
            )
        )
    table = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return table.sort_values(
        ["mentions", "first_paragraph", "entity"],
        ascending=[False, True, True],
        ignore_index=True,
    ).astype({"mentions": "int64", "paragraphs": "int64", "first_paragraph": "int64"})


def article_entities(
    paragraphs: pd.DataFrame, *, extra_aliases: pd.DataFrame | None = None
) -> pd.DataFrame:
    """``entities_table(entity_mentions(paragraphs))``: the article's entities in one call."""
    return entities_table(entity_mentions(paragraphs, extra_aliases=extra_aliases))
