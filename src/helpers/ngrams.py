"""Content-word n-grams of a token table, and the input check the phrase modules share.

A *content-word n-gram* is ``n`` **adjacent** tokens that are all content words
(letters only, not stop words) inside one sentence. Stop words and punctuation break an
n-gram instead of being skipped, so ``kerja sama`` is not glued to the next noun across
``dan``. :mod:`helpers.phrases` re-exports :func:`content_ngrams`.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from .errors import OptionError, invalid_value_msg, require_columns


def _require(tokens: pd.DataFrame, columns, caller: str) -> None:
    require_columns(
        tokens,
        columns,
        caller=caller,
        fix="Build it with helpers.tokens_table(helpers.sentences_table(paragraphs)).",
    )


_TOKEN_COLUMNS = [
    "paragraph_id",
    "sentence_id",
    "token",
    "lower",
    "is_stopword",
    "is_alpha",
    "is_word",
]


def _sentence_groups(tokens: pd.DataFrame):
    """(paragraph_id, sentence_id, sub-table) per sentence, in order."""
    for (pid, sid), group in tokens.groupby(["paragraph_id", "sentence_id"], sort=True):
        yield pid, sid, group


# --- content n-grams -------------------------------------------------------------


def content_ngrams(
    tokens: pd.DataFrame, *, n: int = 2, min_count: int = 1
) -> pd.DataFrame:
    """Counts of n-grams of adjacent content words.

    How to read it: ``pakta pertahanan`` with ``count`` 6 and ``n_paragraphs`` 6 means
    the two words stand side by side six times, in six different paragraphs.

    Args:
        tokens: the token table.
        n: words per n-gram (2 = bigrams, 3 = trigrams).
        min_count: keep n-grams seen at least this often.

    Returns:
        Columns ``ngram`` (lower-case words joined by spaces), ``count``,
        ``n_paragraphs``, sorted by ``count`` descending then ``ngram``.
    """
    _require(tokens, _TOKEN_COLUMNS, "content_ngrams")
    if n < 1:
        raise OptionError(invalid_value_msg("n", n, "a whole number of 1 or more"))
    counts: Counter[str] = Counter()
    paragraphs: defaultdict[str, set] = defaultdict(set)
    # One pass over whole columns (sentences in order, as groupby would give them);
    # a per-sentence groupby cost seconds on long articles. An n-gram stays inside a
    # sentence: its first and last words have the same (paragraph, sentence) key.
    ordered = tokens.sort_values(["paragraph_id", "sentence_id"], kind="stable")
    is_content = (ordered["is_alpha"] & ~ordered["is_stopword"]).tolist()
    words = ordered["lower"].tolist()
    pids = ordered["paragraph_id"].tolist()
    keys = list(zip(pids, ordered["sentence_id"].tolist()))
    for i in range(len(words) - n + 1):
        if keys[i] == keys[i + n - 1] and all(is_content[i : i + n]):
            gram = " ".join(words[i : i + n])
            counts[gram] += 1
            paragraphs[gram].add(pids[i])
    table = pd.DataFrame(
        [(g, c, len(paragraphs[g])) for g, c in counts.items() if c >= min_count],
        columns=["ngram", "count", "n_paragraphs"],
    )
    return table.sort_values(
        ["count", "ngram"], ascending=[False, True], ignore_index=True
    ).astype({"count": "int64", "n_paragraphs": "int64"})
