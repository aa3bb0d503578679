"""Repeated phrasing: recurring word sequences, sentence openers, correlative frames.

Repeated phrasing uses *all* words (stop words included), because formulaic phrasing
(``tidak hanya ... tetapi juga``, ``dengan demikian``) is made of them. N-grams never
cross a sentence boundary. :mod:`helpers.phrases` re-exports every public name.

References
----------
* Indonesian correlative conjunctions (*konjungsi korelatif*): Alwi et al. (2003),
  *Tata Bahasa Baku Bahasa Indonesia*, 3rd ed.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from .errors import OptionError, require_columns
from .ngrams import _TOKEN_COLUMNS, _require

#: Correlative frames (konjungsi korelatif) that signal formulaic argument. Each is a
#: regular expression over a lower-cased sentence; ``...`` in the label is any text.
CORRELATIVE_FRAMES = {
    "tidak hanya ... tetapi/namun/melainkan juga": r"\btidak hanya\b.*?\b(?:tetapi|tapi|namun|melainkan)\s+juga\b",
    "bukan hanya ... tetapi/namun/melainkan juga": r"\bbukan hanya\b.*?\b(?:tetapi|tapi|namun|melainkan)\s+juga\b",
    "baik ... maupun": r"\bbaik\b.*?\bmaupun\b",
    "bukan ... melainkan": r"\bbukan\b(?! hanya).*?\bmelainkan\b",
    "meskipun ... tetapi": r"\b(?:meskipun|walaupun)\b.*?\b(?:tetapi|namun)\b",
}


def _word_rows(tokens: pd.DataFrame) -> pd.DataFrame:
    return tokens.loc[
        tokens["is_word"],
        ["paragraph_id", "sentence_id", "lower", "is_stopword", "is_alpha"],
    ]


def repeated_phrases(
    tokens: pd.DataFrame, *, min_n: int = 2, max_n: int = 8, min_paragraphs: int = 2
) -> pd.DataFrame:
    """Word sequences that recur in different paragraphs (maximal ones only).

    How to read it: ``keseimbangan kekuatan di kawasan`` with ``n_paragraphs`` 2 is a
    four-word phrase used in two paragraphs. Only *maximal* phrases are listed: a
    shorter phrase is dropped when every one of its occurrences is inside a longer
    listed phrase. Two-word phrases made only of stop words (``dan juga``) are
    dropped as noise, but longer ones are kept (``tidak hanya itu``).

    Args:
        tokens: the token table.
        min_n, max_n: phrase lengths in words.
        min_paragraphs: the phrase must occur in at least this many paragraphs.

    Returns:
        Columns ``phrase``, ``n_words``, ``count`` (occurrences), ``n_paragraphs``,
        ``paragraph_ids`` (sorted, joined with ``", "``); sorted by ``n_words`` × ``count``
        descending, then ``phrase``.
    """
    _require(tokens, _TOKEN_COLUMNS, "repeated_phrases")
    if not 1 <= min_n <= max_n:
        raise OptionError(
            f"Invalid phrase lengths min_n={min_n!r}, max_n={max_n!r}. Use 1 <= min_n <= max_n."
        )
    occurrences = _repeated_occurrences(
        tokens, min_n=min_n, max_n=max_n, min_paragraphs=min_paragraphs
    )
    columns = ["phrase", "n_words", "count", "n_paragraphs", "paragraph_ids"]
    rows = []
    for phrase, places in occurrences.items():
        pids = sorted({pid for pid, _ in places})
        rows.append(
            (
                phrase,
                len(phrase.split()),
                len(places),
                len(pids),
                ", ".join(map(str, pids)),
            )
        )
    table = pd.DataFrame(rows, columns=columns)
    if table.empty:
        return table
    table["weight"] = table["n_words"] * table["count"]
    table = table.sort_values(
        ["weight", "phrase"], ascending=[False, True], ignore_index=True
    )
    return table[columns]


def _repeated_occurrences(
    tokens: pd.DataFrame, *, min_n: int, max_n: int, min_paragraphs: int
):
    """{phrase: [(paragraph_id, start index in the word sequence), ...]} for maximal phrases."""
    words = _word_rows(tokens).reset_index(drop=True)
    lower = words["lower"].tolist()
    stop = words["is_stopword"].tolist()
    sentence = words["sentence_id"].tolist()
    paragraph = words["paragraph_id"].tolist()
    found: dict[str, list[tuple[int, int]]] = {}
    # Recurring n-grams, shortest first: an n-gram can recur in min_paragraphs
    # paragraphs only where both its (n-1)-word parts do, so each length looks only at
    # the starts that passed the length below (every occurrence of a recurring n-gram
    # is such a start). Same phrases as looking at every start, far fewer on long
    # texts (a 5,000-paragraph article: minutes before).
    recurring: dict[int, dict[tuple, list[int]]] = {}
    starts_n = [
        i
        for i in range(len(lower) - min_n + 1)
        if sentence[i] == sentence[i + min_n - 1]
    ]
    for n in range(min_n, max_n + 1):
        places: defaultdict[tuple, list[int]] = defaultdict(list)
        for i in starts_n:
            places[tuple(lower[i : i + n])].append(i)
        recurring[n] = {
            gram: starts
            for gram, starts in places.items()
            if len({paragraph[i] for i in starts}) >= min_paragraphs
        }
        passed = {i for starts in recurring[n].values() for i in starts}
        starts_n = [i for i in sorted(passed) if i + 1 in passed and i + n < len(lower)]
    # furthest[s] = end of the longest phrase already found that starts at word s;
    # longer phrases are found first, so a check over the previous max_n starts
    # tells whether an occurrence lies inside a longer phrase.
    furthest = np.zeros(len(lower) + 1, dtype="int64")
    for n in range(max_n, min_n - 1, -1):
        new_starts = []
        for gram, starts in recurring[n].items():
            if n == 2 and all(stop[starts[0] : starts[0] + 2]):
                continue
            if all(
                furthest[max(0, i - max_n + 1) : i + 1].max() >= i + n for i in starts
            ):
                continue  # not maximal: every occurrence is inside a longer phrase
            found[" ".join(gram)] = [(paragraph[i], i) for i in starts]
            new_starts.extend(starts)
        for i in (
            new_starts
        ):  # after the loop, so phrases of equal length never hide each other
            furthest[i] = max(furthest[i], i + n)
    return found


def repeated_share(
    tokens: pd.DataFrame, *, min_n: int = 3, min_paragraphs: int = 2
) -> pd.DataFrame:
    """How much of each paragraph is phrasing repeated from another paragraph.

    How to read it: a word counts as repeated when it is inside a sequence of at least
    ``min_n`` words that also occurs in another paragraph. ``repeated_share`` 0.25
    means a quarter of the paragraph's words are such recycled phrasing. Three words
    by default because two-word names (``Korea Utara``) would otherwise count as
    repetition.

    Returns:
        Columns ``paragraph_id``, ``n_words``, ``n_repeated_words``, ``repeated_share``
        (0..1), one row per paragraph that has words, in order. The article-wide share is
        ``n_repeated_words.sum() / n_words.sum()``.
    """
    _require(tokens, _TOKEN_COLUMNS, "repeated_share")
    words = _word_rows(tokens).reset_index(drop=True)
    covered = np.zeros(len(words), dtype=bool)
    occurrences = _repeated_occurrences(
        tokens, min_n=min_n, max_n=max(min_n, 12), min_paragraphs=min_paragraphs
    )
    for phrase, places in occurrences.items():
        length = phrase.count(" ") + 1
        for _, start in places:
            covered[start : start + length] = True
    words["repeated"] = covered
    table = (
        words.groupby("paragraph_id", sort=True)
        .agg(n_words=("lower", "size"), n_repeated_words=("repeated", "sum"))
        .reset_index()
    )
    table["n_repeated_words"] = table["n_repeated_words"].astype("int64")
    table["repeated_share"] = table["n_repeated_words"] / table["n_words"]
    return table


def sentence_openers(
    tokens: pd.DataFrame, *, n_words: int = 2, min_paragraphs: int = 2
) -> pd.DataFrame:
    """Sentence openings (first ``n_words`` words) that recur in different paragraphs.

    Returns:
        Columns ``opener`` (lower case), ``count`` (sentences), ``n_paragraphs``,
        ``paragraph_ids``; sorted by ``count`` descending, then ``opener``.
    """
    _require(tokens, _TOKEN_COLUMNS, "sentence_openers")
    words = _word_rows(tokens)
    first = (
        words.groupby(["paragraph_id", "sentence_id"], sort=True)["lower"]
        .agg(lambda s: " ".join(s.head(n_words)) if len(s) >= n_words else None)
        .dropna()
        .rename("opener")
        .reset_index()
    )
    grouped = first.groupby("opener").agg(
        count=("sentence_id", "size"),
        n_paragraphs=("paragraph_id", "nunique"),
        paragraph_ids=("paragraph_id", lambda s: ", ".join(map(str, sorted(set(s))))),
    )
    table = grouped[grouped["n_paragraphs"] >= min_paragraphs].reset_index()
    return table.sort_values(
        ["count", "opener"], ascending=[False, True], ignore_index=True
    )


def correlative_frames(
    sentences: pd.DataFrame, *, frames: dict[str, str] | None = None
) -> pd.DataFrame:
    """Occurrences of discontinuous correlative frames (``tidak hanya ... tetapi juga``).

    Args:
        sentences: a table with ``paragraph_id`` and ``text`` (sentences or paragraphs).
        frames: ``{label: regex}`` over lower-cased text; :data:`CORRELATIVE_FRAMES`
            when None.

    Returns:
        Columns ``frame``, ``count``, ``n_paragraphs``, ``paragraph_ids``, one row per
        frame that occurs, sorted by ``count`` descending then ``frame``.
    """
    require_columns(
        sentences,
        ["paragraph_id", "text"],
        caller="correlative_frames",
        fix="Pass helpers.sentences_table(paragraphs).",
    )
    frames = CORRELATIVE_FRAMES if frames is None else frames
    rows = []
    for label, pattern in frames.items():
        regex = re.compile(pattern)
        pids = [
            pid
            for pid, text in zip(sentences["paragraph_id"], sentences["text"])
            for _ in regex.finditer(str(text).lower())
        ]
        if pids:
            rows.append(
                (
                    label,
                    len(pids),
                    len(set(pids)),
                    ", ".join(map(str, sorted(set(pids)))),
                )
            )
    table = pd.DataFrame(
        rows, columns=["frame", "count", "n_paragraphs", "paragraph_ids"]
    )
    return table.sort_values(
        ["count", "frame"], ascending=[False, True], ignore_index=True
    )
