"""Indonesian stop words: the stopwords-iso list plus a small, documented table.

The base list is ``stopwordsiso.stopwords("id")`` (758 words; the same list spaCy
uses), which works offline. Project additions live in
``helpers/data/stopwords_extra.csv`` with one reason per word, so the list stays
auditable. Stop words are data: filtering is an anti-join on the ``lower`` column.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd
import stopwordsiso


@lru_cache(maxsize=1)
def _extra_table() -> pd.DataFrame:
    with (
        resources.files("helpers")
        .joinpath("data/stopwords_extra.csv")
        .open(encoding="utf-8") as fh
    ):
        return pd.read_csv(fh)


def stopwords_table() -> pd.DataFrame:
    """The stop-word list as a table, sorted by word.

    Returns:
        Columns ``word`` (lower case), ``source`` (``stopwords-iso`` or ``project``)
        and ``reason`` (empty for the base list).
    """
    base = pd.DataFrame({"word": sorted(stopwordsiso.stopwords("id"))})
    base["source"] = "stopwords-iso"
    base["reason"] = ""
    extra = _extra_table().assign(source="project")[["word", "source", "reason"]]
    extra = extra[~extra["word"].isin(base["word"])]
    return pd.concat([base, extra], ignore_index=True).sort_values(
        "word", ignore_index=True
    )


@lru_cache(maxsize=1)
def stopword_set() -> frozenset[str]:
    """All stop words as a frozen set of lower-case strings (cached)."""
    return frozenset(stopwords_table()["word"])


def is_stopword(word: str) -> bool:
    """True when the lower-cased ``word`` is a stop word."""
    return word.lower() in stopword_set()
