"""One article's entities: every mention with its entity, and ``entities.csv``."""

from __future__ import annotations

import pandas as pd

from ..errors import OptionError
from .candidates import find_entities
from .cues import ENTITY_COLUMNS, MENTION_COLUMNS
from .gazetteer import _key
from .merging import _alias_map, _resolve


def _id_columns(table: pd.DataFrame, text_column: str) -> list[str]:
    return [c for c in table.columns if str(c).endswith("_id") and c != text_column]


def entity_mentions(
    table: pd.DataFrame,
    *,
    text_column: str = "text",
    extra_aliases: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per name mention in a table of texts (one article), aliases merged.

    How to read it: each row is one place where an entity is named;
    ``table[text_column][row][start:end] == mention``, and ``entity`` is the name all
    its aliases count towards (``Putin`` -> *Vladimir Putin*).

    Args:
        table: paragraphs (or sentences) of one article, with id columns (names ending
            in ``_id``, such as ``paragraph_id``) and a text column. Not modified.
        text_column: the column holding the text.
        extra_aliases: an optional table with ``alias``, ``entity`` (and ``kind``)
            columns, for example :func:`gazetteer_aliases`; its rows win over the
            project's alias table.

    Returns:
        The id columns, then ``entity``, ``kind`` (one per entity, see the module
        docstring), ``mention`` (as written), ``start``, ``end``. Sorted by the id
        columns, then ``start``.
    """
    if not isinstance(table, pd.DataFrame) or text_column not in table.columns:
        raise OptionError(
            f"entity_mentions needs a DataFrame with a {text_column!r} column; "
            "build it with helpers.paragraphs_table(article)."
        )
    ids = _id_columns(table, text_column)
    if not ids:
        raise OptionError(
            "entity_mentions: the table has no id column (a column ending in '_id', such as "
            "'paragraph_id'). Build it with helpers.paragraphs_table(article)."
        )
    aliases = _alias_map(extra_aliases)
    texts = ["" if pd.isna(t) else str(t) for t in table[text_column]]
    context = "\n\n".join(texts)
    raw = [
        (values, m)
        for values, text in zip(table[ids].itertuples(index=False, name=None), texts)
        for m in find_entities(text, context=context)
    ]
    columns = ids + MENTION_COLUMNS
    if not raw:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=table[c].dtype if c in ids else "object")
                for c in columns
            }
        ).astype({"start": "int64", "end": "int64"})
    canonical, kinds = _resolve([m for _, m in raw], texts, aliases)
    rows = [
        values
        + (
            canonical[_key(m.mention)],
            kinds[canonical[_key(m.mention)]],
            m.mention,
            m.start,
            m.end,
        )
        for values, m in raw
    ]
    result = pd.DataFrame(rows, columns=columns).astype(
        {c: table[c].dtype for c in ids} | {"start": "int64", "end": "int64"}
    )
    return result.sort_values(ids + ["start"], kind="stable", ignore_index=True)


def entities_table(
    mentions: pd.DataFrame, *, id_column: str = "paragraph_id"
) -> pd.DataFrame:
    """One row per entity: the table written as ``entities.csv``.

    How to read it: ``mentions`` counts every mention under any alias (one entity, one
    count); ``paragraphs`` is how many paragraphs name it; ``aliases`` lists the forms
    written, most frequent first, with their counts; ``first_paragraph`` is where it is
    first named.

    Args:
        mentions: from :func:`entity_mentions`.
        id_column: the paragraph id column.

    Returns:
        Columns ``entity``, ``kind``, ``mentions``, ``paragraphs``, ``aliases``,
        ``first_paragraph``; sorted by ``mentions`` descending, then
        ``first_paragraph``, then ``entity``.
    """
    for column in ("entity", "kind", "mention", id_column):
        if column not in mentions.columns:
            raise OptionError(
                f"entities_table needs a {column!r} column; pass the table from entity_mentions()."
            )
    if mentions.empty:
        return pd.DataFrame(
            {
                c: pd.Series(
                    dtype="int64"
                    if c in ("mentions", "paragraphs", "first_paragraph")
                    else "object"
                )
                for c in ENTITY_COLUMNS
            }
        )
    rows = []
    for entity, group in mentions.groupby("entity", sort=True):
        counts = group["mention"].value_counts()
        counts = counts.sort_index().sort_values(ascending=False, kind="stable")
        rows.append(
            (
                entity,
                group["kind"].iloc[0],
                len(group),
                group[id_column].nunique(),
                "; ".join(f"{form} ({n})" for form, n in counts.items()),
                int(group[id_column].min()),
            )
        )
    table = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return table.sort_values(
        ["mentions", "first_paragraph", "entity"],
        ascending=[False, True, True],
        ignore_index=True,
    ).astype({"mentions": "int64", "paragraphs": "int64", "first_paragraph": "int64"})


def article_entities(
    paragraphs: pd.DataFrame, *, extra_aliases: pd.DataFrame | None = None
) -> pd.DataFrame:
    """``entities_table(entity_mentions(paragraphs))``: the article's entities in one call."""
    return entities_table(entity_mentions(paragraphs, extra_aliases=extra_aliases))
