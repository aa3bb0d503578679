"""The per-paragraph columns notebook 01 adds to ``paragraphs.csv``.

One function, so the notebook cell stays short and the columns are tested:
:func:`paragraph_statistics`.
"""

from __future__ import annotations

import pandas as pd

from .errors import require_columns

#: Columns :func:`paragraph_statistics` adds, in order (README, ``paragraphs.csv``).
PARAGRAPH_STAT_COLUMNS = [
    "n_content_words",
    "mean_sentence_words",
    "repeated_share",
    "n_entity_mentions",
    "entities",
]


def paragraph_statistics(
    paragraphs: pd.DataFrame,
    tokens: pd.DataFrame,
    repetition: pd.DataFrame,
    entity_columns: pd.DataFrame,
) -> pd.DataFrame:
    """``paragraphs`` plus notebook 01's per-paragraph statistics (a new table).

    Args:
        paragraphs: :func:`helpers.paragraphs_table` (``paragraph_id``,
            ``n_sentences``, ``n_words``).
        tokens: :func:`helpers.tokens_table` (unmerged: word counts).
        repetition: :func:`helpers.phrases.repeated_share` (``repeated_share``).
        entity_columns: :func:`helpers.entity_counts.paragraph_entity_columns`.

    Returns:
        The paragraphs' columns, then :data:`PARAGRAPH_STAT_COLUMNS`:
        ``n_content_words`` (alphabetic words that are not stop words),
        ``mean_sentence_words``, ``repeated_share`` (0 when nothing repeats),
        ``n_entity_mentions`` and ``entities`` (as in ``entities.csv``).
    """
    require_columns(
        paragraphs,
        ("paragraph_id", "n_sentences", "n_words"),
        caller="paragraph_statistics",
        fix="Build it with helpers.paragraphs_table(article).",
    )
    content = tokens[tokens["is_alpha"] & ~tokens["is_stopword"]]
    n_content = content.groupby("paragraph_id").size().rename("n_content_words")
    repeated = repetition.set_index("paragraph_id")["repeated_share"]
    found = entity_columns.set_index("paragraph_id")
    ids = paragraphs["paragraph_id"]
    table = paragraphs.copy()
    table["n_content_words"] = ids.map(n_content).fillna(0).astype("int64").to_numpy()
    table["mean_sentence_words"] = table["n_words"] / table["n_sentences"].clip(lower=1)
    table["repeated_share"] = ids.map(repeated).fillna(0.0).astype(float).to_numpy()
    table["n_entity_mentions"] = (
        ids.map(found["n_entity_mentions"]).fillna(0).astype("int64").to_numpy()
    )
    table["entities"] = ids.map(found["entities"]).fillna("").to_numpy()
    return table
