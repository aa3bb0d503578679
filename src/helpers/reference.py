"""IndoSum as a reference corpus of Indonesian news: readable text and tidy tables.

IndoSum (Kurniawan & Louvan, "IndoSum: A New Benchmark Dataset for Indonesian Text
Summarization", IALP 2018; CC BY-SA 4.0) ships each article as paragraphs of
sentences of word tokens. The project mirrors the development sets of folds 2 and 3
(1,460 distinct articles from CNN Indonesia, kumparan, merdeka, ANTARA, ...; the two
folds share 36 ids, kept once). The files are fetched, verified and cached by
:mod:`helpers.datasets` (pinned URL, SHA-256, ``DATA_MIRROR``, atomic cache).

Uses: reference frequencies for keyness (notebook 02), the corpus run
(``make corpus CORPUS=indosum``), and the pool of the project's annotated news
sentences (:mod:`helpers.newsset`). Copyright in the articles stays with the outlets:
give attribution, share alike.

Why a hand-written detokeniser: the corpus was tokenised with spaces around every
punctuation mark (``( 19 / 6 )``, ``nafsu - nafsu``, ``" kata "``) and the original
spacing is lost, so no library can restore it exactly. The rules below restore the
usual Indonesian typography; they are tested on real lines of the corpus.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import pandas as pd

from . import datasets

#: The IndoSum files in the order they are read (an id seen twice keeps its first copy).
INDOSUM_FILES = ("dev.02", "dev.03")

# Tokens that attach to the previous token, and tokens the next token attaches to.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "..", "”", "’"}
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
    words = [t for t in (tok.strip() for tok in tokens) if t]  # drop stray \xa0, \n tokens
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
        elif token in ("-", "/") and out and i + 1 < len(words):
            joins = (_joins_hyphen(out[-1], words[i + 1], len(out)) if token == "-"
                     else _is_word(out[-1]) and _is_word(words[i + 1]))
            if joins:
                out[-1] += token + words[i + 1]
                i += 2
                continue
        elif token == "-" and i + 1 < len(words) and words[i + 1] == "-":
            token, i = "--", i + 1  # "CNN Indonesia - - Kepergian": the dateline dash
        if token in _NO_SPACE_AFTER:
            attach_next = True
        if glue and out:
            out[-1] += token
        else:
            out.append(token)
        i += 1
    return " ".join(out)


def _read_indosum(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@lru_cache(maxsize=1)
def _records() -> tuple[dict, ...]:
    """Every distinct IndoSum article record (verified files, first copy of an id)."""
    paths = datasets.dataset_files(["indosum"])
    seen: set[str] = set()
    records = []
    for split in INDOSUM_FILES:
        for record in _read_indosum(paths["indosum", split]):
            if record["id"] not in seen:
                seen.add(record["id"])
                records.append(record)
    return tuple(records)


def reference_sentences() -> pd.DataFrame:
    """One row per sentence of the IndoSum reference corpus, in corpus order.

    Returns columns ``id`` (the article id), ``paragraph`` and ``sentence`` (0-based,
    IndoSum's own segmentation), ``text`` (detokenised). Raises
    :class:`~helpers.errors.DatasetError` when the corpus cannot be obtained.
    """
    rows = [
        (record["id"], p, s, detokenize(tokens))
        for record in _records()
        for p, paragraph in enumerate(record["paragraphs"])
        for s, tokens in enumerate(paragraph)
    ]
    table = pd.DataFrame(rows, columns=["id", "paragraph", "sentence", "text"])
    return table[table["text"] != ""].reset_index(drop=True)


@lru_cache(maxsize=1)
def _articles() -> pd.DataFrame:
    rows = []
    for record in _records():
        paragraphs = tuple(
            text for text in (" ".join(detokenize(s) for s in p).strip() for p in record["paragraphs"]) if text
        )
        rows.append((record["id"], record["source"], record["category"], record["source_url"],
                     "\n\n".join(paragraphs), paragraphs))
    return pd.DataFrame(rows, columns=["id", "source", "category", "url", "text", "paragraphs"])


def reference_articles() -> pd.DataFrame:
    """One row per IndoSum article: the reference corpus as a tidy table.

    Returns columns ``id``, ``source`` (outlet, as IndoSum names it), ``category``
    (``tajuk utama`` = headline news, ``olahraga``, ``teknologi``, ``showbiz``,
    ``hiburan``, ``inspirasi``), ``url``, ``text`` (paragraphs separated by blank lines,
    like an article file) and ``paragraphs`` (a tuple of paragraph texts), in corpus
    order (fold 2, then fold 3). A fresh copy on every call.
    """
    return _articles().copy()


def checksum_key() -> str:
    """The pinned checksums of the corpus files, joined (part of derived-cache keys)."""
    return "-".join(datasets.DATASETS["indosum"][split].sha256[:12] for split in INDOSUM_FILES)
