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
   after such a title (``Presiden Rusia, Vladimir Putin,``) is a person.
4. **Known names split a run**: ``Presiden Rusia Vladimir Putin`` is *Rusia* and
   *Vladimir Putin*, unless the run starts with an organisation or place word
   (``Bank Indonesia``, ``Universitas Indonesia`` stay whole).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .cues import (
    _NAME_RUN,
    _SENTENCE_START,
    _WORD,
    _WORD_AFTER,
    _WORD_BEFORE,
    CLUB_WORDS,
    DATE_WORDS,
    GROUP_CUES,
    LEGAL_PREFIXES,
    ORGANISATION_WORDS,
    PLACE_WORDS,
    TITLE_QUALIFIERS,
    TITLE_WORDS,
    Mention,
)
from .gazetteer import _key, _known_lengths, _lookup
from .kinds import _cue
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
