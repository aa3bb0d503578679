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

The date and dateline rules are in :mod:`helpers.datelines`, the boilerplate rules in
:mod:`helpers.boilerplate`; both modules are re-exported here.
"""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from .boilerplate import MAX_CAPTION_WORDS, MAX_CREDIT_WORDS, strip_boilerplate
from .config import Limits, limits, resolve_article, slug_for
from .datelines import MONTHS, TIME_ZONES, parse_published, split_dateline
from .errors import (
    ArticleEncodingError,
    ArticleLimitError,
    ArticleNotFoundError,
    BinaryArticleError,
    EmptyArticleError,
)
from .text import count_words, normalize_text, split_sentences, tokenize

__all__ = [
    "MAX_CAPTION_WORDS",
    "MAX_CREDIT_WORDS",
    "MAX_CROSSHEAD_WORDS",
    "MAX_HEADLINE_WORDS",
    "MONTHS",
    "TIME_ZONES",
    "Article",
    "check_limits",
    "load_article",
    "paragraphs_table",
    "parse_article",
    "parse_published",
    "read_text",
    "split_dateline",
    "strip_boilerplate",
]

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
