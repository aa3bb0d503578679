"""Indonesian tokens and sentences of an article, as tidy tables.

:func:`sentences_table` and :func:`tokens_table` turn a paragraphs table into one row
per sentence and one row per token. The rules live in two small modules, re-exported
here so that ``from helpers.text import tokenize`` keeps working:

* :mod:`helpers.tokens`: :func:`tokenize`, :func:`letter_tokens`, :func:`is_word`,
  :func:`is_alpha`, :func:`normalize_text` (the tokenisation rules);
* :mod:`helpers.sentences`: :func:`split_sentences`, :func:`quotation_spans`,
  :func:`quotation_speaker` (the sentence rules).

Tests: ``tests/test_tokens.py``, ``tests/test_sentences.py`` and, for the tables,
``tests/test_text.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .errors import require_columns
from .sentences import (
    ABBREVIATIONS,
    PRONOUNS,
    SPEECH_VERBS_AFTER,
    SPEECH_VERBS_BEFORE,
    quotation_spans,
    quotation_speaker,
    split_sentences,
)
from .stemming import default_stemmer
from .stopwords import stopword_set
from .tokens import (
    HYPHEN_PREFIXES,
    is_alpha,
    is_word,
    letter_tokens,
    normalize_text,
    tokenize,
)

__all__ = [
    "ABBREVIATIONS",
    "HYPHEN_PREFIXES",
    "PRONOUNS",
    "SPEECH_VERBS_AFTER",
    "SPEECH_VERBS_BEFORE",
    "TOKEN_COLUMNS",
    "count_words",
    "is_alpha",
    "is_word",
    "letter_tokens",
    "normalize_text",
    "quotation_spans",
    "quotation_speaker",
    "sentences_table",
    "split_sentences",
    "tokenize",
    "tokens_table",
]

#: The columns of a token table (``tokens_table``), in order.
TOKEN_COLUMNS = (
    "paragraph_id",
    "sentence_id",
    "token_id",
    "token",
    "lower",
    "stem",
    "is_stopword",
    "is_alpha",
    "is_word",
)


def sentences_table(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence, in article order.

    Args:
        paragraphs: a table with ``paragraph_id`` and ``text`` (one row per paragraph).

    Returns:
        A new table with columns ``paragraph_id``, ``sentence_id`` (1..n over the
        whole article, in order), ``text``, ``quoted`` (True when the sentence is
        wholly or partly inside a quotation, :func:`quotation_spans`), ``quotation``
        (the quotation's number, 1..n over the article; 0 when not quoted; the
        sentences of one multi-sentence quotation share it) and ``speaker`` (who says
        it when the text names them, :func:`quotation_speaker`; ``""`` otherwise).
    """
    _require_columns(paragraphs, ["paragraph_id", "text"], "sentences_table")
    rows = []
    n_quotations = 0
    for pid, raw in zip(paragraphs["paragraph_id"], paragraphs["text"]):
        text = normalize_text(str(raw)).strip()
        quotes = [
            (a, b, quotation_speaker(text, (a, b))) for a, b in quotation_spans(text)
        ]
        position = 0
        for sentence in split_sentences(text):
            begin = text.find(sentence, position)
            finish = begin + len(sentence)
            position = finish
            inside = [
                (n_quotations + i + 1, who)
                for i, (a, b, who) in enumerate(quotes)
                if a < finish and b > begin
            ]
            quotation, speaker = inside[0] if inside else (0, "")
            rows.append((pid, sentence, bool(inside), quotation, speaker))
        n_quotations += len(quotes)
    table = pd.DataFrame(
        rows, columns=["paragraph_id", "text", "quoted", "quotation", "speaker"]
    )
    table.insert(1, "sentence_id", range(1, len(table) + 1))
    return table.astype(
        {
            "paragraph_id": "int64",
            "sentence_id": "int64",
            "quoted": "bool",
            "quotation": "int64",
            "speaker": "str",
        }
    )


def tokens_table(sentences: pd.DataFrame, *, stemmer=None) -> pd.DataFrame:
    """One row per token, in text order, with lower-case, stem and flags.

    Args:
        sentences: a table with ``paragraph_id``, ``sentence_id`` and ``text``.
        stemmer: a :class:`helpers.stemming.Stemmer`; the shared default when None.

    Returns:
        A new table with columns ``paragraph_id``, ``sentence_id``, ``token_id``
        (1..n over the article), ``token`` (surface form), ``lower``, ``stem``
        (Sastrawi stem with project overrides; punctuation keeps its form),
        ``is_stopword`` (in the stop-word table), ``is_alpha`` (letters only),
        ``is_word`` (contains a letter or digit; what ``n_words`` counts).
    """
    _require_columns(sentences, ["paragraph_id", "sentence_id", "text"], "tokens_table")
    stemmer = stemmer or default_stemmer()
    rows = [
        (pid, sid, token)
        for pid, sid, text in zip(
            sentences["paragraph_id"], sentences["sentence_id"], sentences["text"]
        )
        for token in tokenize(str(text))
    ]
    table = pd.DataFrame(rows, columns=["paragraph_id", "sentence_id", "token"])
    table.insert(2, "token_id", range(1, len(table) + 1))
    lower = table["token"].str.lower()
    stops = stopword_set()
    table["lower"] = lower
    table["is_alpha"] = table["token"].map(is_alpha).astype(bool)
    table["is_word"] = table["token"].map(is_word).astype(bool)
    stems = stemmer.stem_many(lower[table["is_alpha"]].unique())
    table["stem"] = [stems.get(w, w) for w in lower]
    table["is_stopword"] = lower.isin(stops)
    return table[list(TOKEN_COLUMNS)].astype(
        {"paragraph_id": "int64", "sentence_id": "int64", "token_id": "int64"}
    )


def count_words(text: str) -> int:
    """Number of word tokens (letters or digits) in ``text``."""
    return sum(1 for token in tokenize(text) if is_word(token))


def _require_columns(table: pd.DataFrame, columns: Iterable[str], caller: str) -> None:
    require_columns(
        table, columns, caller=caller, fix="Build it with helpers.paragraphs_table()."
    )
