"""Tiny articles for the helpers.entities tests: paragraphs in, entities out."""

from __future__ import annotations

import pandas as pd

from helpers import entities


def table(*paragraphs: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"paragraph_id": range(1, len(paragraphs) + 1), "text": list(paragraphs)}
    )


def found(*paragraphs: str, **options) -> pd.DataFrame:
    return entities.article_entities(table(*paragraphs), **options).set_index("entity")
