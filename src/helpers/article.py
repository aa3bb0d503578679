"""Load an Indonesian news article from a plain-text file into an :class:`Article`.

Format (CONTRACT.md): UTF-8 text, paragraphs separated by blank lines. These lines
are metadata, never body text:

* a photo credit: ``Sumber foto: ...`` (also ``Foto: ...``);
* the headline: the first block, when it is one short line without a final full stop;
* a date line: ``Tanggal: 21 Jun 2024 10:58 wib.`` (WIB/WITA/WIT become the Jakarta,
  Makassar and Jayapura time zones);
* a copyright footer: ``Copyright © Tampang.com`` / ``All rights reserved``;
* a dateline at the start of the first paragraph: ``JAKARTA (Pos Kota) –``,
  ``Jakarta, CNN Indonesia --``, ``Merdeka.com -``, ``Palu (ANTARA News) -``;
* all-caps crossheads between paragraphs (``DITINDAK TEGAS``): kept as section
  labels, not counted as paragraphs;
* boilerplate (:func:`strip_boilerplate`, kept in :attr:`Article.boilerplate`): editor
  tags at the end of a paragraph (``(has/has)``, ``[bal]``, ``(rsa)``, ``(Antara)``),
  read-more links (``Baca juga: ...``, ``(Baca: ...)``, ``SIMAK JUGA - ...``), photo
  captions and credits (``Tesla (Foto: Tesla)``, ``Foto: Shutterstock``), and
  credit lines (``Penulis: ...``, ``Sumber: DPReview.``, ``–Disclosure: ...``).

When a file has no blank lines at all but several lines, each line is a paragraph
(some exports use single newlines). Otherwise lines inside a block are joined with
a space (hard-wrapped text).
"""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from .config import Limits, limits, resolve_article, slug_for
from .errors import (
    ArticleEncodingError,
    ArticleLimitError,
    ArticleNotFoundError,
    BinaryArticleError,
    EmptyArticleError,
)
from .text import count_words, normalize_text, split_sentences, tokenize

#: Indonesian month names and abbreviations -> month number.
MONTHS = {
    "jan": 1,
    "januari": 1,
    "feb": 2,
    "februari": 2,
    "peb": 2,
    "pebruari": 2,
    "mar": 3,
    "maret": 3,
    "apr": 4,
    "april": 4,
    "mei": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agus": 8,
    "agustus": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "nop": 11,
    "november": 11,
    "nopember": 11,
    "des": 12,
    "desember": 12,
    # English forms, common in CMS exports
    "may": 5,
    "aug": 8,
    "oct": 10,
    "dec": 12,
}

#: Indonesian time-zone abbreviations -> IANA zones.
TIME_ZONES = {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura"}

#: Longest headline, in words. Longer first lines are body text.
MAX_HEADLINE_WORDS = 25
#: Longest crosshead, in words.
MAX_CROSSHEAD_WORDS = 8

_PHOTO_RE = re.compile(
    r"^\s*(?:sumber\s+foto|foto|photo|ilustrasi)\s*:\s*(?P<value>.*)$", re.I
)
_DATE_LINE_RE = re.compile(
    r"^\s*(?:tanggal|diterbitkan|dipublikasikan|published)\s*:\s*(?P<value>.+)$", re.I
)
_COPYRIGHT_RE = re.compile(r"^\s*(?:copyright|hak\s+cipta)\b|^\s*©", re.I)
_RIGHTS_RE = re.compile(r"^\s*all\s+rights\s+reserved\.?\s*$", re.I)
_DATE_RE = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?\s+(?P<year>\d{4})"
    r"(?:[,|\s]+(?:pukul\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.]\d{2})?)?"
    r"(?:\s*(?P<tz>wib|wita|wit)\b)?",
    re.I,
)
_DASH = r"(?:--|[-–—])"

# --- boilerplate (each pattern is tested with the real IndoSum line it comes from) ---
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
_DATELINE_RES = [
    # JAKARTA (Pos Kota) –   /   Palu (ANTARA News) -
    re.compile(
        rf"^(?P<place>[A-Z][\w.' ]{{1,40}}?)\s*\((?P<agency>[^)]{{2,40}})\)\s*{_DASH}\s*"
    ),
    # Jakarta, CNN Indonesia --   /   JAKARTA, KOMPAS.com -
    re.compile(
        rf"^(?P<place>[A-Z][\w.' ]{{1,40}}?),\s*(?P<agency>[A-Z][\w.' ]{{1,40}}?)\s*{_DASH}\s+"
    ),
    # Merdeka.com -   /   Liputan6.com, Jakarta -
    re.compile(
        rf"^(?P<agency>[A-Z][\w]*\.(?:com|co\.id|id|net|org))(?:,\s*(?P<place>[A-Z][\w ]{{1,40}}?))?\s*{_DASH}\s+"
    ),
]


@dataclass(frozen=True)
class Article:
    """A parsed article: metadata plus body paragraphs in order.

    Attributes:
        path: where it was read from.
        title: the headline, or None.
        published: a timezone-aware datetime, or None.
        source: the publisher, from the copyright footer (or the dateline), or None.
        photo_credit: the photo credit text, or None.
        dateline: the dateline removed from the first paragraph, or None.
        paragraphs: body paragraphs, in order (tuple of str).
        sections: the crosshead in force before each paragraph (None before the first).
        warnings: notes about the parse (single-newline paragraphs, decoding).
        boilerplate: the editor tags, read-more links, captions and credit lines
            removed from the body (:func:`strip_boilerplate`), in order.
    """

    path: Path
    title: str | None
    published: datetime | None
    source: str | None
    photo_credit: str | None
    paragraphs: tuple[str, ...]
    dateline: str | None = None
    sections: tuple[str | None, ...] = ()
    notes: tuple[str, ...] = field(default=())
    boilerplate: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """Output folder name (the file stem)."""
        return slug_for(self.path)

    @property
    def n_paragraphs(self) -> int:
        return len(self.paragraphs)

    def metadata_table(self) -> pd.DataFrame:
        """The metadata as a two-column table (``field``, ``value``) for display."""
        values = {
            "file": self.path.name,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "dateline": self.dateline,
            "photo_credit": self.photo_credit,
            "paragraphs": len(self.paragraphs),
            "sections": len({s for s in self.sections if s}),
            "boilerplate removed": "; ".join(self.boilerplate),
        }
        return pd.DataFrame(
            {
                "field": list(values),
                "value": [("" if v is None else str(v)) for v in values.values()],
            }
        )


# --- reading bytes ----------------------------------------------------------------


def read_text(path: str | os.PathLike) -> str:
    """Read an article file as text, with clear errors for everything that is not.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are
    decoded; CRLF and CR line endings become LF. Anything else that is not valid UTF-8
    (cp1252, latin-1) is refused: guessing a legacy encoding silently corrupts
    characters, and the fix is one ``iconv`` command.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleNotFoundError(
            path, "no such file.", "Check the path (ARTICLE=... or article_path)."
        )
    if path.is_dir():
        raise ArticleNotFoundError(
            path,
            "is a directory, not an article file.",
            "Point to a .txt file inside it.",
        )
    if not path.is_file():
        raise ArticleNotFoundError(
            path, "is not a regular file.", "Point to a UTF-8 .txt file."
        )
    size = path.stat().st_size
    max_bytes = limits().max_bytes
    if (
        size > max_bytes
    ):  # refused before reading: a huge file would stall every notebook
        raise ArticleLimitError(
            path,
            f"is {size:,} bytes; the limit is {max_bytes:,} bytes (max_bytes).",
            f"Split it into separate article files, or raise the limit with {Limits.env_name('max_bytes')}=<n>.",
        )
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if b"\x00" in data[:8192]:
            raise BinaryArticleError(
                path,
                "contains NUL bytes, so it is binary, not text.",
                "Export the article as plain UTF-8 text.",
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ArticleEncodingError(
                path,
                f"is not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}).",
                "Convert it first, for example: iconv -f cp1252 -t utf-8 in.txt > out.txt",
            ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t")
    if controls > max(8, len(text) // 100):
        raise BinaryArticleError(
            path,
            "is mostly control characters, so it is binary, not text.",
            "Export the article as plain UTF-8 text.",
        )
    return normalize_text(text)


# --- parsing ----------------------------------------------------------------------


def parse_published(value: str) -> datetime | None:
    """Parse an Indonesian date such as ``21 Jun 2024 10:58 wib.``.

    Returns a timezone-aware datetime (Asia/Jakarta when no zone is given), or None
    when the text holds no recognisable date.
    """
    match = _DATE_RE.search(value)
    if not match:
        return None
    month = MONTHS.get(match["month"].lower())
    if month is None:
        return None
    zone = ZoneInfo(TIME_ZONES[(match["tz"] or "wib").lower()])
    try:
        return datetime(
            int(match["year"]),
            month,
            int(match["day"]),
            int(match["hour"] or 0),
            int(match["minute"] or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None


def _is_crosshead(block: str) -> bool:
    letters = [ch for ch in block if ch.isalpha()]
    return (
        "\n" not in block
        and bool(letters)
        and all(ch.isupper() for ch in letters)
        and len(block.split()) <= MAX_CROSSHEAD_WORDS
        and not block.rstrip().endswith((".", ",", ";"))
    )


def _is_headline(block: str) -> bool:
    return (
        "\n" not in block
        and len(block.split()) <= MAX_HEADLINE_WORDS
        and not block.rstrip().endswith((".", ",", ";", ":"))
    )


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """Split a leading dateline from a paragraph.

    Returns ``(dateline, agency, rest)``; ``dateline`` and ``agency`` are None when the
    paragraph has no dateline.

    >>> split_dateline('Palu (ANTARA News) - Hujan deras turun.')
    ('Palu (ANTARA News)', 'ANTARA News', 'Hujan deras turun.')
    """
    for pattern in _DATELINE_RES:
        match = pattern.match(paragraph)
        if match and match.end() < len(paragraph):
            dateline = paragraph[: match.end()].strip().rstrip("-–— ").strip()
            return (
                dateline,
                (match.group("agency") or "").strip() or None,
                paragraph[match.end() :].strip(),
            )
    return None, None, paragraph


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


def parse_article(text: str, *, path: str | os.PathLike = "<text>") -> Article:
    """Parse article text (already decoded) into an :class:`Article`."""
    path = Path(path)
    photo = published = source = None
    notes: list[str] = []
    body_lines: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if (m := _PHOTO_RE.match(stripped)) and photo is None:
            photo = m["value"].strip() or None
        elif (
            (m := _DATE_LINE_RE.match(stripped))
            and published is None
            and parse_published(m["value"])
        ):
            published = parse_published(m["value"])
        elif _COPYRIGHT_RE.match(stripped):
            name = re.sub(
                r"^\s*(?:copyright|hak\s+cipta)?\s*(?:©|\(c\))?\s*(?:\d{4}\s*)?",
                "",
                stripped,
                flags=re.I,
            )
            source = source or (name.strip(" .") or None)
        elif _RIGHTS_RE.match(stripped):
            continue
        else:
            body_lines.append(stripped)

    joined = "\n".join(body_lines).strip()
    if re.search(r"\n\s*\n", joined):
        blocks = [b.strip() for b in re.split(r"\n\s*\n", joined)]
    else:
        blocks = [b.strip() for b in joined.split("\n")]
        if len(blocks) > 1:
            notes.append(
                "No blank lines between paragraphs: each line was read as one paragraph."
            )
    blocks = [b for b in blocks if b]
    boilerplate: list[str] = []
    kept = []
    for block in blocks:
        body, removed = strip_boilerplate(block)
        boilerplate.extend(removed)
        if body:
            kept.append(body)
    blocks = kept

    title = None
    if len(blocks) > 1 and _is_headline(blocks[0]):
        title = blocks.pop(0)

    paragraphs: list[str] = []
    sections: list[str | None] = []
    current_section: str | None = None
    for block in blocks:
        if _is_crosshead(block) and paragraphs:
            current_section = block.strip()
            continue
        paragraphs.append(re.sub(r"\s*\n\s*", " ", block))
        sections.append(current_section)

    dateline = None
    if paragraphs:
        dateline, agency, rest = split_dateline(paragraphs[0])
        if dateline:
            paragraphs[0] = rest
            source = source or agency

    if not any(count_words(p) for p in paragraphs):
        raise EmptyArticleError(
            path,
            "has no body text (after removing metadata lines).",
            "Check that the file holds the article's paragraphs.",
        )
    return Article(
        path=path,
        title=title,
        published=published,
        source=source,
        photo_credit=photo,
        paragraphs=tuple(paragraphs),
        dateline=dateline,
        sections=tuple(sections),
        notes=tuple(notes),
        boilerplate=tuple(boilerplate),
    )


def _long_token(paragraph: str, max_chars: int) -> str | None:
    """The first token longer than ``max_chars`` characters in ``paragraph``, or None.

    Only runs of more than ``max_chars`` non-space characters can hold such a token,
    so only those are tokenised (the check costs one regex scan per paragraph).
    """
    for run in re.finditer(rf"\S{{{max_chars + 1},}}", paragraph):
        for token in tokenize(run.group()):
            if len(token) > max_chars:
                return token
    return None


def check_limits(article: Article, *, settings: Limits | None = None) -> None:
    """Refuse an article beyond the input limits, in one line naming the limit and the fix.

    Checks the number of paragraphs, the longest paragraph and the longest token
    against ``settings`` (:func:`helpers.config.limits` when None: the defaults or
    their environment variables). Raises :class:`~helpers.errors.ArticleLimitError`.
    """
    settings = settings or limits()

    def refuse(problem: str, name: str, advice: str) -> None:
        raise ArticleLimitError(
            article.path,
            problem,
            f"{advice[0].upper()}{advice[1:]}, or raise the limit with {Limits.env_name(name)}=<n>.",
        )

    if article.n_paragraphs > settings.max_paragraphs:
        refuse(
            f"has {article.n_paragraphs:,} paragraphs; the limit is {settings.max_paragraphs:,} "
            "(max_paragraphs).",
            "max_paragraphs",
            "split it into separate article files",
        )
    for number, paragraph in enumerate(article.paragraphs, start=1):
        token = _long_token(paragraph, settings.max_token_chars)
        if token is not None:  # first: the more specific problem
            refuse(
                f"paragraph {number} has a token of {len(token):,} characters ({token[:20]!r}...); "
                f"the limit is {settings.max_token_chars:,} (max_token_chars).",
                "max_token_chars",
                "remove pasted data such as a base64 image",
            )
        if len(paragraph) > settings.max_paragraph_chars:
            refuse(
                f"paragraph {number} has {len(paragraph):,} characters; the limit is "
                f"{settings.max_paragraph_chars:,} (max_paragraph_chars).",
                "max_paragraph_chars",
                "separate its paragraphs with blank lines",
            )


def load_article(path: str | os.PathLike | None = None) -> Article:
    """Read and parse an article file.

    Args:
        path: the article file; relative paths are resolved against the current
            directory, then the project root; None means the default article.

    Returns:
        An :class:`Article`. Notes about the parse (for example single-newline
        paragraphs) are also issued as ``UserWarning``.

    Raises:
        ArticleNotFoundError, ArticleEncodingError, BinaryArticleError,
        EmptyArticleError, ArticleLimitError (beyond :class:`helpers.config.Limits`):
        with a message naming the file, the problem and the fix.
    """
    resolved = resolve_article(path)
    text = read_text(resolved)
    if not text.strip():
        raise EmptyArticleError(
            resolved,
            "is empty or blank.",
            "Check that the file holds the article's text.",
        )
    article = parse_article(text, path=resolved)
    check_limits(article)
    for note in article.notes:
        warnings.warn(f"{resolved.name}: {note}", UserWarning, stacklevel=2)
    return article


def paragraphs_table(article: Article) -> pd.DataFrame:
    """One row per body paragraph, in article order.

    Returns:
        Columns ``paragraph_id`` (1..n), ``text``, ``n_sentences``, ``n_words``
        (tokens with a letter or digit), ``n_chars`` (characters including spaces),
        and ``section`` (the crosshead above it, empty when none).
    """
    texts = list(article.paragraphs)
    sections = list(article.sections) or [None] * len(texts)
    return pd.DataFrame(
        {
            "paragraph_id": pd.Series(range(1, len(texts) + 1), dtype="int64"),
            "text": texts,
            "n_sentences": [len(split_sentences(t)) for t in texts],
            "n_words": [count_words(t) for t in texts],
            "n_chars": [len(t) for t in texts],
            "section": [s or "" for s in sections],
        }
    )
