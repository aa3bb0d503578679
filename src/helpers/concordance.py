"""Keyword in context (KWIC): every occurrence of a word, stem or phrase in its context.

:mod:`helpers.phrases` re-exports every public name.
"""

from __future__ import annotations

import pandas as pd

from .errors import OptionError, check_option, invalid_value_msg
from .ngrams import _require
from .stemming import default_stemmer
from .text import is_word, tokenize

_NO_SPACE_BEFORE = set(",.;:!?)]}”’%…")
_NO_SPACE_AFTER = set("([{“‘")


def detokenize(tokens: list[str]) -> str:
    """Join tokens with spaces, without spaces before closing punctuation or after
    opening brackets and quotes (straight quotes get a space on the outside only)."""
    out = ""
    open_quote = False  # inside a straight-quoted stretch
    glue_next = True  # no space before the next token
    for token in tokens:
        if token == '"':
            glue = glue_next or open_quote  # a closing quote hugs the text before it
            glue_next = not open_quote  # an opening quote hugs the text after it
            open_quote = not open_quote
        else:
            glue = glue_next or token in _NO_SPACE_BEFORE
            glue_next = token in _NO_SPACE_AFTER
        out += token if glue else " " + token
    return out


def kwic(
    tokens: pd.DataFrame, query: str, *, by: str = "word", window: int = 7
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word, stem or phrase with its context.

    Args:
        tokens: the token table.
        query: one word (``hutan``) or a phrase (``taman nasional``); case is
            ignored. In a merged token table a name is one row, and its term
            (``jawa barat``) finds it. A phrase matches consecutive tokens, so write
            it without punctuation.
        by: ``word`` matches the lower-case form exactly; ``stem`` matches every token
            whose stem equals the stem of each query word (``perjanjian`` also finds
            ``janji`` and ``dijanjikan``).
        window: context tokens on each side (words and punctuation), within the same
            paragraph.

    Returns:
        Columns ``paragraph_id``, ``sentence_id``, ``token_id`` (first token of the
        match), ``left``, ``keyword`` (as written in the text), ``right``; one row per
        occurrence in text order. Empty (with these columns) when nothing matches.
    """
    _require(
        tokens,
        ["paragraph_id", "sentence_id", "token_id", "token", "lower", "stem"],
        "kwic",
    )
    check_option("by", by, ("word", "stem"))
    if window < 0:
        raise OptionError(
            invalid_value_msg("window", window, "a whole number of 0 or more")
        )
    query_words = [w.lower() for w in tokenize(str(query)) if is_word(w)]
    if not query_words:
        raise OptionError(
            f"Invalid query {query!r}: it has no words. Pass a word or phrase from the article."
        )
    column = "lower" if by == "word" else "stem"
    targets = (
        query_words
        if by == "word"
        else [default_stemmer().stem(w) for w in query_words]
    )
    columns = ["paragraph_id", "sentence_id", "token_id", "left", "keyword", "right"]
    rows = []
    # A row of a merged table (helpers.multiwords.merge_multiwords) may hold a whole
    # name or expression ("korea utara"), so a match is any run of 1..k rows whose
    # values, joined by spaces, spell the query's words (hyphens read as spaces).
    target = " ".join(targets).replace("-", " ")
    whole = " ".join(query_words).replace("-", " ")
    if by == "stem" and whole != target:
        # a merged name's stem is its term, unstemmed: look it up as written
        stems = set(tokens["stem"].astype(str).str.replace("-", " "))
        target = whole if whole in stems else target
    k = len(targets)
    for _, group in tokens.groupby("paragraph_id", sort=True):
        values = [str(v).replace("-", " ") for v in group[column].tolist()]
        surface = group["token"].tolist()
        for i in range(len(values)):
            width = _match_width(values, i, target, k)
            if width:
                rows.append(
                    (
                        group["paragraph_id"].iat[i],
                        group["sentence_id"].iat[i],
                        group["token_id"].iat[i],
                        detokenize(surface[max(0, i - window) : i]),
                        detokenize(surface[i : i + width]),
                        detokenize(surface[i + width : i + width + window]),
                    )
                )
    return pd.DataFrame(rows, columns=columns).astype(
        {"paragraph_id": "int64", "sentence_id": "int64", "token_id": "int64"}
    )


def _match_width(values: list[str], i: int, target: str, k: int) -> int:
    """How many rows from ``i`` spell ``target`` (0 when none); at most ``k`` rows."""
    joined = ""
    for width in range(1, min(k, len(values) - i) + 1):
        joined = values[i] if width == 1 else joined + " " + values[i + width - 1]
        if joined == target:
            return width
        if not target.startswith(joined + " "):
            return 0
    return 0
