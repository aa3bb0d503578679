"""Readable headlines for IndoSum articles, from the slug of their id or their URL."""

from __future__ import annotations

import re
from collections import Counter

from ..errors import HelpersError

#: IndoSum cuts the slug in its ids at this many characters (often mid-word).
INDOSUM_SLUG_CHARS = 50


def headline(
    article_id: str, text: str = "", *, url: str = "", max_chars: int = 70
) -> str:
    """A readable headline for an IndoSum article, from the slug of its id or its URL.

    IndoSum ids are ``<unix time>-<slug of the headline>`` (``1515102300-mk-didesak-...``),
    the slug cut at 50 characters, often mid-word (``...-sampai-ada-pu``). When the
    article's ``url`` ends with the whole slug (it starts with the id's), that one is
    used; otherwise a cut slug loses its last, partial word and ends with an ellipsis.
    The words are written as the article's ``text`` writes them most often (``MK``,
    ``Setnov``, ``KPK``; as the slug when the text never uses the word), the first letter
    is capitalised, and a headline longer than ``max_chars`` is cut at a word boundary
    with an ellipsis.
    """
    if max_chars < 10:
        raise HelpersError(f"max_chars must be at least 10, got {max_chars!r}.")
    slug = re.sub(r"^\d+-", "", str(article_id))
    tail = (
        re.sub(r"\.[a-z]+$", "", str(url).rstrip("/").rsplit("/", 1)[-1].lower())
        if url
        else ""
    )
    tail = re.sub(
        r"^[\d-]+(?=[a-z])", "", tail
    )  # cnnindonesia.com: 20171115112810-12-255759-<slug>
    cut = False
    if slug and tail.startswith(slug):
        slug = tail  # the whole slug (the same one when IndoSum did not cut it)
    elif len(slug) >= INDOSUM_SLUG_CHARS and "-" in slug:
        slug, cut = slug.rsplit("-", 1)[0], True
    words = [w for w in slug.split("-") if w]
    if not words:
        return str(article_id)
    # Sentence-initial words are capitalised whatever they are: count spellings mid-sentence
    # first, and fall back to all occurrences for a word that only opens sentences.
    mid, initial = Counter(), Counter()
    for match in re.finditer(r"\w+", text):
        before = text[: match.start()].rstrip()[-1:]
        (initial if before in ("", ".", "!", "?", '"', "“", ":", "-", "—") else mid)[
            match.group()
        ] += 1
    mid_words = {form.lower() for form in mid}
    written = mid + Counter(
        {form: n for form, n in initial.items() if form.lower() not in mid_words}
    )
    by_lower: dict[str, tuple[int, str]] = {}
    for form, count in sorted(written.items()):
        key = form.lower()
        if key not in by_lower or count > by_lower[key][0]:
            by_lower[key] = (count, form)
    shown = []
    for word in words:
        shown.append(
            by_lower.get(word.lower(), (0, word))[1]
        )  # the text's most frequent spelling
    title = " ".join(shown)
    title = title[:1].upper() + title[1:]
    if len(title) <= max_chars:
        return title + ("…" if cut else "")
    cut = title[: max_chars - 1].rsplit(" ", 1)[0]
    return cut + "…"
