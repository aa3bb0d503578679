"""helpers.stopwords: the stop-word table and its look-ups."""

from __future__ import annotations

import pandas as pd

import helpers


def test_stopword_table_is_documented_data():
    table = helpers.stopwords_table()
    assert table["word"].is_unique and table["word"].is_monotonic_increasing
    assert len(table[table["source"] == "stopwords-iso"]) == 758
    extra = table[table["source"] == "project"]
    assert len(extra) > 0 and extra["reason"].str.len().gt(10).all()
    assert {"yang", "dan", "pun", "wib"} <= helpers.stopword_set()


def test_stopwords_table_columns_order_and_reasons():
    from helpers.stopwords import stopwords_table

    table = stopwords_table()
    assert table.columns.tolist() == ["word", "source", "reason"]
    assert table.index.equals(pd.RangeIndex(len(table)))
    assert table["word"].is_monotonic_increasing and table["word"].is_unique
    base = table[table["source"] == "stopwords-iso"]
    assert len(base) == 758 and (base["reason"] == "").all()
    project = table[table["source"] == "project"]
    assert len(project) > 0 and project["reason"].str.len().gt(10).all()


def test_is_stopword_ignores_case():
    from helpers.stopwords import is_stopword

    assert is_stopword("YANG") and is_stopword("yang")
    assert not is_stopword("Pakta")
