"""Readable text from IndoSum's tokens: the detokeniser.

Why hand-written: the corpus was tokenised with spaces around every punctuation mark
(``( 19 / 6 )``, ``nafsu - nafsu``, ``" kata "``) and the original spacing is lost, so
no library can restore it exactly. The rules below restore the usual Indonesian
typography; they are tested on real lines of the corpus (``tests/test_detokenizer.py``).
:mod:`helpers.reference` uses :func:`detokenize` and re-exports it.
"""

from __future__ import annotations

import re

# Tokens that attach to the previous token, and tokens the next token attaches to.
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "...",
    "..",
    "”",
    "’",
}
_NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "$", "€", "£", "Rp"}
_STRAIGHT_QUOTES = {'"', "'", "`"}
_WORDLIKE = re.compile(r"\w", re.UNICODE)
_ALL_CAPS = re.compile(r"^[A-Z][A-Z.]+$")


def _is_word(token: str) -> bool:
    return bool(_WORDLIKE.search(token))


def _joins_hyphen(left: str, right: str, position: int) -> bool:
    """Whether ``left - right`` was one hyphenated word (``nafsu-nafsu``, ``Coca-Cola``,
    ``2016-2017``) rather than a dash between phrases (``MISANO - Pebalap``,
    ``Merdeka.com - Pemerintah``: a dateline or a ``SIMAK JUGA -`` tag)."""
    if not (_is_word(left) and _is_word(right)):
        return False
    if left.lower() == right.lower() or right.lower().startswith(left.lower()[:3]):
        return True  # reduplication: nafsu-nafsu, disia-siakan, sebut-sebut
    if _ALL_CAPS.match(left) and len(left) > 1 and not _ALL_CAPS.match(right):
        return False  # "MISANO ADRIATICO - Pebalap", "SIMAK JUGA - Persib"
    if "." in left and not left.replace(".", "").isdigit():
        return False  # "Merdeka.com - Pemerintah"
    if position <= 6 and right[:1].isupper() and left[:1].isupper():
        return False  # a dateline at the start of a sentence: "Rimanews - Polsek"
    return True


def detokenize(tokens: list[str]) -> str:
    """Join one IndoSum sentence's tokens into readable text.

    How to read it: spacing follows Indonesian typography, so the text can be split,
    tokenised and shown like any article: no space before ``, . ; : ! ? ) ] %``, none
    after ``( [ $``, quotes hug what they quote, ``19 / 6`` becomes ``19/6`` and a
    hyphen between two parts of one word closes up.

    >>> detokenize(["Jumat", "(", "8", "/", "9", "/", "2017", ")", "."])
    'Jumat (8/9/2017).'
    >>> detokenize(["nafsu", "-", "nafsu", "dan", '"', "kata", "kunci", '"', "."])
    'nafsu-nafsu dan "kata kunci".'

    Caveats: the original spacing is lost, so a spaced dash between two words that
    look like one compound (``Jakarta - Banyuwangi``) closes up as ``Jakarta-Banyuwangi``,
    which is how Indonesian news writes a route or a pair anyway.
    """
    words = [
        t for t in (tok.strip() for tok in tokens) if t
    ]  # drop stray \xa0, \n tokens
    out: list[str] = []
    attach_next = False
    open_quotes: dict[str, bool] = {}
    i = 0
    while i < len(words):
        token = words[i]
        glue = attach_next or not out
        attach_next = False
        if token in _STRAIGHT_QUOTES:
            # A quote that ends the sentence closes one opened in an earlier sentence.
            opening = not open_quotes.get(token, False) and i + 1 < len(words)
            open_quotes[token] = opening
            if opening:
                attach_next = True
            else:
                glue = True
        elif token in _NO_SPACE_BEFORE:
            glue = True
        elif token == "-" and i + 1 < len(words) and words[i + 1] == "-":
            token, i = "--", i + 1  # "CNN Indonesia - - Kepergian": the dateline dash
        elif token in ("-", "/") and out and i + 1 < len(words):
            joins = (
                _joins_hyphen(out[-1], words[i + 1], len(out))
                if token == "-"
                else _is_word(out[-1]) and _is_word(words[i + 1])
            )
            if joins:
                out[-1] += token + words[i + 1]
                i += 2
                continue
        if token in _NO_SPACE_AFTER:
            attach_next = True
        if glue and out:
            out[-1] += token
        else:
            out.append(token)
        i += 1
    return " ".join(out)
