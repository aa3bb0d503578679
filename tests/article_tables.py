"""A tiny article's sentence and token tables, for the phrase-module tests."""

from __future__ import annotations

import pandas as pd

import helpers


def tables(*paragraphs: str):
    """``(sentences, tokens)`` of an article with these paragraphs."""
    table = pd.DataFrame(
        {"paragraph_id": range(1, len(paragraphs) + 1), "text": list(paragraphs)}
    )
    sentences = helpers.sentences_table(table)
    return sentences, helpers.tokens_table(sentences)
