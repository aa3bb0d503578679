"""Counts and tables of an article: words, sentence lengths, the overview, vocabulary, Zipf."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .diversity import HDD_SAMPLE_SIZE, MTLD_MIN_WORDS, hdd, mtld, ttr
from .utils import _mean, _median, _require, _share


def words_of(tokens: pd.DataFrame) -> list[str]:
    """Lower-cased word tokens (letters or digits) in text order."""
    _require(tokens, ["lower", "is_word"], "words_of")
    return tokens.loc[tokens["is_word"], "lower"].tolist()


def content_words(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens that carry content: letters only and not a stop word (a filtered copy)."""
    _require(tokens, ["is_alpha", "is_stopword"], "content_words")
    return tokens[tokens["is_alpha"] & ~tokens["is_stopword"]].copy()


def sentence_lengths(tokens: pd.DataFrame) -> pd.DataFrame:
    """Words per sentence.

    Returns:
        Columns ``paragraph_id``, ``sentence_id``, ``n_words``, in order.
    """
    _require(tokens, ["paragraph_id", "sentence_id", "is_word"], "sentence_lengths")
    grouped = tokens.groupby(["paragraph_id", "sentence_id"], sort=True)[
        "is_word"
    ].sum()
    return grouped.astype("int64").rename("n_words").reset_index()


def overview_table(paragraphs: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """The article at a glance: counts, lengths and diversity, one measure per row.

    Args:
        paragraphs: from :func:`helpers.paragraphs_table` (``paragraph_id``, ``n_words``).
        tokens: from :func:`helpers.tokens_table`.

    Returns:
        Columns ``measure``, ``value`` (float) and ``definition`` (one line; the TTR row
        says that TTR depends on length).
    """
    _require(paragraphs, ["paragraph_id", "n_words"], "overview_table")
    words = words_of(tokens)
    alpha = tokens[tokens["is_alpha"]]
    per_sentence = sentence_lengths(tokens)["n_words"]
    rows = [
        ("paragraphs", len(paragraphs), "body paragraphs (metadata lines excluded)"),
        (
            "sentences",
            len(per_sentence),
            "sentences found by the Indonesian splitter (quotes kept whole)",
        ),
        (
            "words",
            len(words),
            "tokens containing a letter or digit (punctuation excluded)",
        ),
        ("distinct words", len(set(words)), "different lower-cased words"),
        (
            "distinct stems",
            alpha["stem"].nunique(),
            "different Sastrawi stems of alphabetic words",
        ),
        ("mean words per sentence", _mean(per_sentence), "average sentence length"),
        (
            "median words per sentence",
            _median(per_sentence),
            "middle sentence length (robust to outliers)",
        ),
        (
            "mean words per paragraph",
            _mean(paragraphs["n_words"]),
            "average paragraph length",
        ),
        (
            "median words per paragraph",
            _median(paragraphs["n_words"]),
            "middle paragraph length",
        ),
        (
            "stop-word share",
            _share(tokens.loc[tokens["is_word"], "is_stopword"]),
            "fraction of words in the stop-word list (function words)",
        ),
        (
            "type-token ratio (TTR)",
            ttr(words),
            "distinct words / words; falls as text gets longer, so compare only texts of similar length",
        ),
        (
            "MTLD",
            mtld(words),
            f"mean run of words keeping TTR above 0.72; length-robust, higher = more varied; "
            f"needs {MTLD_MIN_WORDS}+ words (McCarthy & Jarvis 2010), else empty",
        ),
        (
            "HD-D",
            hdd(words),
            f"expected TTR of a random {HDD_SAMPLE_SIZE}-word sample; length-robust, 0 to 1; "
            f"needs {HDD_SAMPLE_SIZE}+ words (the sample size), else empty",
        ),
    ]
    table = pd.DataFrame(rows, columns=["measure", "value", "definition"])
    table["value"] = table["value"].astype("float64")
    return table


def vocabulary_table(tokens: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """Content words counted by stem, labelled with their most frequent surface form.

    How to read it: ``pertahanan`` with ``n`` 9 means that words with the stem
    ``tahan`` occur 9 times, and ``pertahanan`` is the form used most often.

    Args:
        tokens: from :func:`helpers.tokens_table`.
        top: keep only the ``top`` most frequent stems (None keeps all).

    Returns:
        Columns ``stem``, ``label`` (most frequent lower-case form; ties to the
        alphabetically first), ``n`` (occurrences), ``share`` (of all content words),
        ``n_paragraphs`` (paragraphs it occurs in), ``forms`` (the distinct forms,
        most frequent first, joined with ``", "``). Sorted by ``n`` descending, then
        ``label``.
    """
    content = content_words(tokens)
    if content.empty:
        return pd.DataFrame(
            columns=["stem", "label", "n", "share", "n_paragraphs", "forms"]
        )
    form_counts = (
        content.groupby(["stem", "lower"])
        .size()
        .rename("k")
        .reset_index()
        .sort_values(["stem", "k", "lower"], ascending=[True, False, True])
    )
    forms = form_counts.groupby("stem", sort=False)["lower"].agg(list)
    table = (
        content.groupby("stem")
        .agg(n=("lower", "size"), n_paragraphs=("paragraph_id", "nunique"))
        .reset_index()
    )
    table["label"] = table["stem"].map(lambda s: forms[s][0])
    table["forms"] = table["stem"].map(lambda s: ", ".join(forms[s]))
    table["share"] = table["n"] / len(content)
    table = table.sort_values(
        ["n", "label"], ascending=[False, True], ignore_index=True
    )
    table = table[["stem", "label", "n", "share", "n_paragraphs", "forms"]]
    return table.head(top).reset_index(drop=True) if top is not None else table


def rank_frequency(tokens: pd.DataFrame) -> pd.DataFrame:
    """Word frequencies by rank, for a Zipf plot.

    How to read it: Zipf's law predicts ``frequency`` roughly proportional to
    ``1 / rank``, a straight line of slope about -1 on log-log axes.

    Returns:
        Columns ``rank`` (1 = most frequent), ``word`` (lower case), ``frequency``.
        Ties are ordered alphabetically so ranks are deterministic.
    """
    counts = pd.Series(words_of(tokens), dtype="str").value_counts()
    table = counts.rename_axis("word").reset_index(name="frequency")
    table = table.sort_values(
        ["frequency", "word"], ascending=[False, True], ignore_index=True
    )
    table.insert(0, "rank", np.arange(1, len(table) + 1, dtype="int64"))
    return table


def zipf_slope(ranks: pd.DataFrame) -> float:
    """Least-squares slope of log10(frequency) on log10(rank); about -1 for Zipfian text.

    NaN with fewer than 3 distinct words."""
    if len(ranks) < 3:
        return math.nan
    slope, _ = np.polyfit(np.log10(ranks["rank"]), np.log10(ranks["frequency"]), 1)
    return float(slope)
