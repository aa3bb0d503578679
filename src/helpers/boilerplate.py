"""Boilerplate inside an article's paragraphs: editor tags, read-more links, credits.

:func:`strip_boilerplate` removes, from one paragraph, editor tags at its end
(``(has/has)``, ``[bal]``, ``(rsa)``, ``(Antara)``), read-more links (``Baca juga: ...``,
``(Baca: ...)``, ``SIMAK JUGA - ...``), photo captions and credits (``Tesla (Foto:
Tesla)``, ``Foto: Shutterstock``) and credit lines (``Penulis: ...``, ``Sumber:
DPReview.``, ``–Disclosure: ...``). :func:`helpers.article.parse_article` keeps what it
removes in :attr:`helpers.article.Article.boilerplate`; :mod:`helpers.article`
re-exports it. Each pattern is tested with the real IndoSum line it comes from
(``tests/test_boilerplate.py``).
"""

from __future__ import annotations

import re

from .sentences import split_sentences

#: A read-more cue at the start of a paragraph: "Baca juga:", "Baca:", "Baca_Juga",
#: "SIMAK JUGA -", "Lihat juga:", optionally inside brackets.
_READ_MORE_START = re.compile(
    r"^[\(\[]?\s*(?:baca|simak|lihat)(?:[\s_]+juga)?\s*(?::|\s[-–—])", re.I
)
#: A bracketed read-more link anywhere: "(Baca juga: ...)", "[Baca: ...]".
_READ_MORE_BRACKETED = re.compile(
    r"\s*[\(\[]\s*(?:baca|simak|lihat)(?:[\s_]+juga)?\s*:[^\)\]]*[\)\]]", re.I
)
#: An unbracketed read-more cue after a sentence: "... ritel dan online. Baca juga: 5 Mei, ..."
_READ_MORE_INLINE = re.compile(
    r"(?<=[.!?\"”])\s+(?:baca|simak)(?:[\s_]+juga)?\s*:", re.I
)
#: Editor and agency tags closing a paragraph: "(has/has)", "[bal]", "(rsa)", "(Antara)".
_EDITOR_TAG = re.compile(
    r"\s*[\(\[](?:[a-z]{1,10}(?:/[a-z]{1,10})*|antara|ANTARA|Antara|ant|Ant)[\)\]]\s*$"
)
#: An inline photo credit: "(Foto: Tesla)".
_PHOTO_INLINE = re.compile(
    r"\s*\((?:sumber\s+)?(?:foto|photo|ilustrasi|gambar)\s*:[^)]*\)", re.I
)
#: Credit lines: "Penulis: Anggun Pratama", "Sumber: DPReview.", "Sumber berita Gizmochina.",
#: "–Disclosure: DailySocial merupakan media partner ...", "Foto: Shutterstock".
_CREDIT_LINE = re.compile(
    r"^(?:[–—-]\s*disclosure\s*:|(?:penulis|editor|reporter|pewarta|redaktur|fotografer|kontributor)\s*:"
    r"|sumber(?:\s+berita)?\s*:?\s+\S+(?:\s+\S+){0,3}\.?$|(?:sumber\s+)?(?:foto|photo|ilustrasi)\s*:)",
    re.I,
)
#: Longest credit line, in words.
MAX_CREDIT_WORDS = 16
#: Longest photo caption left after removing "(Foto: ...)", in words.
MAX_CAPTION_WORDS = 6


def strip_boilerplate(paragraph: str) -> tuple[str, list[str]]:
    """Remove editor tags, read-more links, captions and credits from one paragraph.

    Returns ``(body, removed)``: the paragraph without them (``""`` when the whole
    paragraph is boilerplate) and the removed pieces, in order.

    >>> strip_boilerplate("Semua serangan itu diklaim kelompok militan ISIS. (has/has)")
    ('Semua serangan itu diklaim kelompok militan ISIS.', ['(has/has)'])
    """
    body, removed = paragraph.strip(), []
    if _CREDIT_LINE.match(body) and len(body.split()) <= MAX_CREDIT_WORDS:
        return "", [body]
    if _READ_MORE_START.match(body):
        first = split_sentences(body)[0] if split_sentences(body) else body
        if body.startswith(("(", "[")) and (end := _READ_MORE_BRACKETED.match(body)):
            first = body[: end.end()]
        removed.append(first.strip())
        body = body[len(first) :].strip()
    for match in list(_READ_MORE_BRACKETED.finditer(body)):
        removed.append(match.group().strip())
    body = _READ_MORE_BRACKETED.sub("", body).strip()
    if inline := _READ_MORE_INLINE.search(body):
        rest = body[inline.start() :].strip()
        link = split_sentences(rest)[0]
        removed.append(link)
        body = (body[: inline.start()] + " " + rest[len(link) :]).strip()
    while tag := _EDITOR_TAG.search(body):
        removed.append(tag.group().strip())
        body = body[: tag.start()].rstrip()
    photos = [m.group().strip() for m in _PHOTO_INLINE.finditer(body)]
    if photos:
        rest = _PHOTO_INLINE.sub("", body).strip()
        if len(rest.split()) <= MAX_CAPTION_WORDS and not rest.endswith(
            (".", "!", "?")
        ):
            return "", removed + [body]
        removed.extend(photos)
        body = rest
    return body, removed
