"""helpers.repetition: repeated phrasing, openers and frames on tiny texts."""

from __future__ import annotations

import pytest

from article_tables import tables
from helpers import repetition


def test_repeated_phrases_are_maximal_and_across_paragraphs():
    _, tokens = tables(
        "Dengan demikian keseimbangan kekuatan berubah.",
        "Dengan demikian keseimbangan kekuatan tetap.",
        "Keseimbangan kekuatan lagi.",
    )
    table = repetition.repeated_phrases(tokens).set_index("phrase")
    assert table.loc["dengan demikian keseimbangan kekuatan", "n_paragraphs"] == 2
    assert (
        table.loc["keseimbangan kekuatan", "count"] == 3
    )  # also stands alone in paragraph 3
    assert "dengan demikian" not in table.index  # always inside the longer phrase
    assert "demikian keseimbangan" not in table.index


def test_repeated_share_by_hand():
    _, tokens = tables(
        "Tidak hanya itu saja.", "Tidak hanya itu, kata dia.", "Lain sekali."
    )
    share = repetition.repeated_share(tokens, min_n=3)
    assert share["n_repeated_words"].tolist() == [3, 3, 0]
    assert share["repeated_share"].tolist() == pytest.approx([3 / 4, 3 / 5, 0.0])


def test_sentence_openers_and_frames():
    sentences, tokens = tables(
        "Dengan demikian ini jelas. Hal ini baik.", "Dengan demikian itu jelas."
    )
    openers = repetition.sentence_openers(tokens)
    assert openers["opener"].tolist() == ["dengan demikian"]
    assert openers["count"].tolist() == [2]
    s2, _ = tables(
        "Tidak hanya politik, tetapi juga ekonomi.",
        "Ini tidak hanya soal militer, namun juga dagang.",
    )
    frames = repetition.correlative_frames(s2).set_index("frame")
    assert frames.iloc[0]["count"] == 2 and frames.iloc[0]["n_paragraphs"] == 2
