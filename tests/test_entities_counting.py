"""helpers.entities.counting: one article's mentions and entities.csv."""

from __future__ import annotations

import pandas as pd
import pytest

from entity_snippets import table
from helpers import entities
from helpers.errors import OptionError


def test_entities_table_columns_counts_and_order():
    mentions = entities.entity_mentions(
        table("Korut dan Rusia.", "Rusia lagi. Korea Utara juga.")
    )
    ents = entities.entities_table(mentions)
    assert list(ents.columns) == entities.ENTITY_COLUMNS
    assert ents["mentions"].sum() == len(mentions)
    assert ents.iloc[0][
        ["entity", "mentions", "paragraphs", "first_paragraph"]
    ].tolist() == ["Korea Utara", 2, 2, 1]
    assert ents["mentions"].is_monotonic_decreasing


def test_no_names_gives_an_empty_table_with_the_columns():
    ents = entities.article_entities(table("tidak ada nama di sini."))
    assert ents.empty and list(ents.columns) == entities.ENTITY_COLUMNS


def test_input_is_not_modified_and_bad_input_is_refused():
    paragraphs = table("Putin tiba.")
    before = paragraphs.copy()
    entities.entity_mentions(paragraphs)
    pd.testing.assert_frame_equal(paragraphs, before)
    with pytest.raises(OptionError):
        entities.entity_mentions(pd.DataFrame({"text": ["Putin"]}))
    with pytest.raises(OptionError):
        entities.entity_mentions(
            paragraphs, extra_aliases=pd.DataFrame({"name": ["x"]})
        )
