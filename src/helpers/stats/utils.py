"""Helpers shared by the statistics modules: mean, median and share (NaN when empty), the input check."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from ..errors import require_columns


def _mean(values) -> float:
    values = pd.Series(values, dtype="float64")
    return float(values.mean()) if len(values) else math.nan


def _median(values) -> float:
    values = pd.Series(values, dtype="float64")
    return float(values.median()) if len(values) else math.nan


def _share(flags) -> float:
    flags = pd.Series(flags, dtype="bool")
    return float(flags.mean()) if len(flags) else math.nan


def _require(table: pd.DataFrame, columns: Iterable[str], caller: str) -> None:
    require_columns(
        table,
        columns,
        caller=caller,
        fix="Build it with helpers.tokens_table(helpers.sentences_table(paragraphs)).",
    )
