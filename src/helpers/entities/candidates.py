"""Finding names in one text (no alias merging): capitalised runs, titles, splits.

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
   after such a title (``Presiden Rusia, Vladimir Putin,``) is a person, also after a
   short form in parentheses (``Menteri ... (Menkominfo), Rudiantara``). Common words
   right after a title are its portfolio, not the name (``Menteri Pendidikan dan
   Kebudayaan Muhadjir Effendy``); a root word too when the portfolio goes on after
   ``dan`` (``Menteri Komunikasi dan Informatika Rudiantara``).
4. **Known names split a run**: ``Presiden Rusia Vladimir Putin`` is *Rusia* and
   *Vladimir Putin*, unless the run starts with an organisation or place word
   (``Bank Indonesia``, ``Universitas Indonesia`` stay whole).
5. **Place words split a run** (:mod:`.places`): chains of administrative units, a
   unit then a person (``Bupati Kabupaten Ende Marsel Petu``), a territorial title's
   territory (``Bupati Banyuwangi Azwar Anas``); an amount ends a name (``Kabupaten
   Bekasi Rp3,91 juta``).
6. **A run split by a name written alone** (``bos Bigo Live David Li``, *Bigo Live*
   alone elsewhere): the name, then the person when a role in a body (:data:`RELATIONAL_ROLES`:
   *bos*, *pelatih*, *ketua*) precedes the run.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cues import (
    _NAME_RUN,
    _SENTENCE_START,
    _WORD,
    _WORD_AFTER,
    _WORD_BEFORE,
    ADMIN_PLACE_WORDS,
    CLUB_WORDS,
    DATE_WORDS,
    GROUP_CUES,
    LEGAL_PREFIXES,
    ORGANISATION_WORDS,
    PERSON_AFTER,
    PERSON_BEFORE,
    PERSON_ROLES,
    PLACE_WORDS,
    RELATIONAL_ROLES,
    TITLE_QUALIFIERS,
    TITLE_WORDS,
    Mention,
)
from .gazetteer import _key, _known_lengths, _lookup
from .kinds import _cue
from .places import _count_standalone, split_places, territory_after_title
from .words import _edge_words, _is_acronym, _is_affixed_common, _is_common, _stopwords


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


#: An age in parentheses right after a name (``Fendi Timah (56)``): only people have one.
_AGE = re.compile(r"\s*\(\s*\d{1,3}(?:\s*(?:tahun|th))?\s*\)")


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
        while words and re.match(r"(?:Rp|US\$)\d", words[-1][2]):
            words = words[:-1]  # an amount after a name (Kabupaten Bekasi Rp3,91 juta)
        # Rule 3: titles, also inside a run (``Kapolsek Metro Tanah Abang Kompol Mustakim``):
        # the words after the last title are the person, those before it a place or body.
        # A title's portfolio continued after "dan" (Menteri Pendidikan dan Kebudayaan X).
        titled = previous_title_end >= 0 and bool(
            re.fullmatch(r"\s+(?:dan|&)\s+", text[previous_title_end : run.start()])
        )
        titled_by_dan = titled and not any(  # no title of its own: a portfolio goes on
            w[2].lower().rstrip(".") in TITLE_WORDS for w in words
        )
        if titled:
            words = [("", "", "")] + words  # a virtual title in front
        last_title = max(
            (i for i, w in enumerate(words) if w[2].lower().rstrip(".") in TITLE_WORDS),
            default=0 if titled else None,
        )
        if last_title is not None:
            titled = True
            titles = [w for w in words[: last_title + 1] if w[2]]
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
            # A root word opens a portfolio too when the portfolio goes on after "dan"
            # (``Menteri Komunikasi dan Informatika Rudiantara``): Komunikasi and
            # Informatika are the ministry's words, not people.
            continues = bool(
                re.match(r"\s+(?:dan|&)\s+[A-Z]", text[run.end() : run.end() + 8])
            ) and all(_is_common(w) for _, _, w in words)
            # ... unless a body named before "dan" goes on here (``Kepala Badan Riset dan
            # Sumber Daya Manusia``): _join_portfolios makes the two one organisation.
            joins_body = (
                titled_by_dan
                and bool(mentions)
                and mentions[-1].cue == "organisation"
                and mentions[-1].end == previous_title_end
                and all(_is_common(w) for _, _, w in words)
            )
            common = 0
            if (
                (not joins_body)
                and words
                and (
                    _is_affixed_common(words[0][2])
                    or words[0][2].lower() in ORGANISATION_WORDS - CLUB_WORDS
                    or ((continues or titled_by_dan) and _is_common(words[0][2]))
                )
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
            # Rule 3 of .places: a territorial title names its territory first.
            title = titles[-1][2].lower().rstrip(".") if titles else ""
            territory = territory_after_title(title, words, context or text)
            if territory:
                start, end = words[0][0], words[territory - 1][1]
                mentions.append(Mention(start, end, text[start:end], "place"))
                words = words[territory:]
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
        appositive = bool(
            re.fullmatch(
                r"(?:\s*\([^()]{1,20}\))?,\s*", text[previous_title_end : words[0][0]]
            )
        )  # "Menteri ... (Menkominfo), Rudiantara"
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
            if how != "known" and chunk[0][2].lower() in ADMIN_PLACE_WORDS:
                person_cue = (
                    (titled and how != "known")
                    or (appositive and first_chunk)
                    or (first_chunk and lower_before in PERSON_BEFORE | PERSON_ROLES)
                    or (chunk[-1][1] == words[-1][1] and lower_after in PERSON_AFTER)
                )
                for part, part_cue in split_places(
                    chunk, person_cue=person_cue, context=context or text
                ):
                    first, last = part[0][0], part[-1][1]
                    mentions.append(Mention(first, last, text[first:last], part_cue))
                continue
            if not cue and chunk[-1][1] == words[-1][1] and _AGE.match(text, end):
                cue = "person"  # an age after a name: Fendi Timah (56)
            parts = _split_by_context(chunk, how, context or text)
            if len(parts) > 1 and first_chunk and lower_before in RELATIONAL_ROLES:
                cue = "person"  # bos Bigo Live David Li: the body, then the person
            for part_start, part_end in parts:
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


def mention_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of every name in ``text``, in order.

    The small stable entry point for masking names before scoring a text (for example
    sentiment): ``text[start:end]`` is a name. Same rules as :func:`find_entities`.

    >>> mention_spans("Presiden Rusia, Vladimir Putin, tiba di Pyongyang.")
    [(9, 14), (16, 30), (40, 49)]
    """
    return [(m.start, m.end) for m in find_entities(text)]


def replace_spans(text: str, spans, replacement: str) -> str:
    """``text`` with each ``(start, end)`` span (sorted, not overlapping) replaced.

    >>> replace_spans("Korea Utara dan PBB", [(0, 11), (16, 19)], "X")
    'X dan X'
    """
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(replacement)
        last = end
    out.append(text[last:])
    return "".join(out)


def mask_entities(text: str, *, mask: str = "X") -> str:
    """``text`` with every name (:func:`mention_spans`) replaced by ``mask``."""
    return replace_spans(text, mention_spans(text), mask)
