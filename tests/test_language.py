"""helpers.language.check_language: the stop-word vote, counted by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import language
from helpers.language import check_language


def _tokens(words, punctuation=0) -> pd.DataFrame:
    """A token table: ``words`` (all word tokens) plus ``punctuation`` non-word tokens."""
    return pd.DataFrame(
        {
            "lower": [*words, *["."] * punctuation],
            "is_word": [True] * len(words) + [False] * punctuation,
        }
    )


def test_the_words_used_here_are_in_the_lists_they_stand_for():
    assert {"yang", "dan", "di"} <= language._indonesian_only()
    assert {"the", "of", "and"} <= language._english_only()
    assert not {"pakta", "rusia"} & (
        language._indonesian_only() | language._english_only()
    )


def test_share_at_the_threshold_counts_as_indonesian():
    # 20 words, 3 Indonesian-only stop words: 3 / 20 = 0.15 = MIN_INDONESIAN_STOPWORD_SHARE.
    result = check_language(
        _tokens(["yang", "dan", "di"] + ["pakta"] * 17, punctuation=5)
    )
    assert (result.n_words, result.indonesian_share, result.english_share) == (
        20,
        0.15,
        0.0,
    )
    assert result.is_indonesian
    # 2 / 20 = 0.10: below the threshold.
    below = check_language(_tokens(["yang", "dan"] + ["pakta"] * 18))
    assert below.indonesian_share == pytest.approx(0.10) and not below.is_indonesian


def test_indonesian_share_must_also_beat_the_english_share():
    # 4 Indonesian (0.20) against 4 English (0.20) function words: a tie is not Indonesian.
    tie = check_language(
        _tokens(
            ["yang", "dan", "di", "yang", "the", "of", "and", "the"] + ["pakta"] * 12
        )
    )
    assert (tie.indonesian_share, tie.english_share) == (
        0.2,
        0.2,
    ) and not tie.is_indonesian
    ahead = check_language(
        _tokens(["yang", "dan", "di", "yang", "the", "of", "and"] + ["pakta"] * 13)
    )
    assert ahead.is_indonesian


def test_under_twenty_words_get_the_benefit_of_the_doubt():
    english = ["the", "of", "and", "rusia"]
    assert check_language(
        _tokens((english * 5)[:19])
    ).is_indonesian  # 19 words: too few to judge
    assert not check_language(
        _tokens(english * 5)
    ).is_indonesian  # 20 words: judged, English
    empty = check_language(_tokens([], punctuation=3))
    assert (empty.n_words, empty.is_indonesian) == (0, True)


def test_the_message_names_the_shares():
    result = check_language(_tokens(["the", "of", "and", "rusia"] * 5))
    assert result.message().startswith(
        "This text does not look Indonesian: 0% of its 20 words are "
        "Indonesian function words and 75% are English ones."
    )
