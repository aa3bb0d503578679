"""Counts built on one article's entity mentions: presence, co-occurrence, sentences, prose.

Every table here starts from :func:`helpers.entities.entity_mentions` on the
paragraphs, so an entity has one count wherever it is shown: ``entities.csv``,
notebook 01's actors-and-places section and notebook 03's tone by actor all count the
same mention rows (one entity, one count).

* :func:`entity_presence` -- mentions per paragraph and entity, zero rows included.
* :func:`entity_cooccurrence` -- paragraphs naming both of two entities.
* :func:`sentence_mentions` -- each mention placed in the sentence that holds it.
* :func:`paragraph_entity_columns` -- the per-paragraph columns notebook 01 writes.
* :func:`describe_entities`, :func:`describe_dispersion`, :func:`describe_pair` --
  the generated sentences (:class:`helpers.prose.Prose`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import require_columns
from .prose import Prose, join, plural
from .text import normalize_text, split_sentences

_MENTION_FIX = "Pass the table from helpers.entities.entity_mentions(paragraphs)."
#: Readable names of the entity kinds (:data:`helpers.entities.KINDS`), plural.
KIND_NAMES = {
    "person": ("person", "people"),
    "place": ("place", "places"),
    "organisation": ("organisation", "organisations"),
    "group": ("people or group", "peoples or groups"),
    "other": ("other name", "other names"),
}


def entity_presence(
    mentions: pd.DataFrame, paragraphs: pd.DataFrame, *, entities: list[str]
) -> pd.DataFrame:
    """Mentions per paragraph and entity, in long form with zero rows included.

    Returns:
        Columns ``paragraph_id``, ``entity``, ``mentions`` (int); one row per
        paragraph (article order) and entity (the order of ``entities``).
    """
    require_columns(
        mentions, ("paragraph_id", "entity"), caller="entity_presence", fix=_MENTION_FIX
    )
    counts = mentions.groupby(["paragraph_id", "entity"]).size()
    grid = pd.MultiIndex.from_product(
        [paragraphs["paragraph_id"].tolist(), list(entities)],
        names=["paragraph_id", "entity"],
    )
    table = counts.reindex(grid, fill_value=0).rename("mentions").reset_index()
    return table.astype({"paragraph_id": "int64", "mentions": "int64"})


def entity_cooccurrence(mentions: pd.DataFrame, *, entities: list[str]) -> pd.DataFrame:
    """How many paragraphs name both of two entities.

    How to read it: cell (A, B) = 3 means three paragraphs name both A and B; the
    diagonal is the number of paragraphs naming the entity at all (``paragraphs`` in
    ``entities.csv``).

    Returns:
        A square integer table, index and columns in the order of ``entities``.
    """
    require_columns(
        mentions,
        ("paragraph_id", "entity"),
        caller="entity_cooccurrence",
        fix=_MENTION_FIX,
    )
    chosen = mentions[mentions["entity"].isin(entities)]
    present = (
        pd.crosstab(chosen["paragraph_id"], chosen["entity"])
        .gt(0)
        .astype("int64")
        .reindex(columns=list(entities), fill_value=0)
    )
    matrix = present.T @ present
    matrix.index.name = None
    matrix.columns.name = None
    return matrix.astype("int64")


def sentence_mentions(
    mentions: pd.DataFrame, sentences: pd.DataFrame, paragraphs: pd.DataFrame
) -> pd.DataFrame:
    """The paragraph mentions, each with the ``sentence_id`` of the sentence holding it.

    The mentions stay the paragraph-level ones, so counts per entity are those of
    ``entities.csv``. Sentences are located in their paragraph the way
    :func:`helpers.sentences_table` splits it (:func:`helpers.text.split_sentences`
    over the normalised text, searched in order).

    Args:
        mentions: from :func:`helpers.entities.entity_mentions` on ``paragraphs``.
        sentences: from :func:`helpers.sentences_table` on the same ``paragraphs``.
        paragraphs: the paragraphs table (``paragraph_id``, ``text``).

    Returns:
        The mentions' columns plus ``sentence_id`` (int); same rows, same order.
    """
    require_columns(
        mentions,
        ("paragraph_id", "start"),
        caller="sentence_mentions",
        fix=_MENTION_FIX,
    )
    require_columns(
        sentences,
        ("paragraph_id", "sentence_id"),
        caller="sentence_mentions",
        fix="Build it with helpers.sentences_table(paragraphs).",
    )
    first_id = sentences.groupby("paragraph_id")["sentence_id"].min().to_dict()
    ends: dict = {}
    for pid, text in zip(paragraphs["paragraph_id"], paragraphs["text"]):
        text = normalize_text(str(text))
        offset = len(text) - len(text.lstrip())  # split_sentences strips the text
        stripped, position, bounds = text.strip(), 0, []
        for sentence in split_sentences(stripped):
            position = stripped.find(sentence, position) + len(sentence)
            bounds.append(offset + position)
        ends[pid] = np.array(bounds)
    sentence_ids = [
        first_id[pid]
        + min(int(np.searchsorted(ends[pid], start, side="right")), len(ends[pid]) - 1)
        for pid, start in zip(mentions["paragraph_id"], mentions["start"])
    ]
    return mentions.assign(
        sentence_id=pd.Series(sentence_ids, dtype="int64", index=mentions.index)
    )


def paragraph_entity_columns(
    mentions: pd.DataFrame, paragraphs: pd.DataFrame
) -> pd.DataFrame:
    """Per paragraph: ``n_entity_mentions`` (int) and ``entities`` (the entities it
    names, most mentioned in the paragraph first, ``"; "``-joined; ``""`` when none)."""
    require_columns(
        mentions,
        ("paragraph_id", "entity", "start"),
        caller="paragraph_entity_columns",
        fix=_MENTION_FIX,
    )
    # One grouping for the whole article, not one per paragraph (5,000 paragraphs:
    # 65 s per paragraph, 0.1 s at once). Within a paragraph: most mentions first,
    # then the earliest first mention; remaining ties keep the order of first
    # appearance (a stable sort over groupby(sort=False)'s order).
    ids = paragraphs["paragraph_id"]
    n_mentions = mentions.groupby("paragraph_id", sort=False).size()
    order = (
        mentions.groupby(["paragraph_id", "entity"], sort=False)
        .agg(n=("start", "size"), first=("start", "min"))
        .reset_index()
    )
    order = order.sort_values(
        ["paragraph_id", "n", "first"], ascending=[True, False, True], kind="stable"
    )
    named = order.groupby("paragraph_id", sort=False)["entity"].agg("; ".join)
    table = pd.DataFrame(
        {
            "paragraph_id": ids.to_numpy(),
            "n_entity_mentions": ids.map(n_mentions).fillna(0).to_numpy(),
            "entities": ids.map(named).fillna("").to_numpy(),
        }
    )
    return table.astype({"paragraph_id": "int64", "n_entity_mentions": "int64"})


def describe_kinds(table: pd.DataFrame) -> Prose:
    """``"The text names 12 entities: 3 people, 7 places and 2 organisations."``"""
    if table.empty:
        return Prose(
            "The text names no person, place or organisation that the rules find."
        )
    counts = table["kind"].value_counts()
    parts = [
        plural(int(counts[k]), *KIND_NAMES[k]) for k in KIND_NAMES if k in counts.index
    ]
    listed = (
        parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    )
    return Prose(
        "The text names **{n}**: {listed}.",
        n=plural(len(table), "entity", "entities"),
        listed=listed,
    )


def describe_lead(table: pd.DataFrame, *, n_paragraphs: int, n: int = 3) -> Prose:
    """Who leads, with how many mentions in how many paragraphs, and who follows.

    Args:
        table: ``entities.csv`` (:func:`helpers.entities.entities_table`).
        n_paragraphs: paragraphs in the article.
        n: entities named after the leader(s).
    """
    if table.empty:
        return Prose("No entity is named, so there is nobody to follow.")
    top = int(table["mentions"].iloc[0])
    leaders = table[table["mentions"] == top]
    if len(leaders) == 1:
        lead = Prose(
            "**{name}** ({kind}) leads with {m} in {k} of {p}",
            name=leaders["entity"].iloc[0],
            kind=KIND_NAMES[leaders["kind"].iloc[0]][0],
            m=plural(top, "mention"),
            k=int(leaders["paragraphs"].iloc[0]),
            p=plural(n_paragraphs, "paragraph"),
        )
    else:
        lead = Prose(
            "{names} share the lead with {m} each",
            names=_and(leaders["entity"].head(4).tolist(), len(leaders)),
            m=plural(top, "mention"),
        )
    rest = table[table["mentions"] < top].head(n)
    if rest.empty:
        return Prose("{lead}.", lead=lead)
    return Prose(
        "{lead}; next come {rest}.",
        lead=lead,
        rest=", ".join(f"{e} ({m})" for e, m in zip(rest["entity"], rest["mentions"])),
    )


def describe_entities(table: pd.DataFrame, *, n_paragraphs: int, n: int = 3) -> Prose:
    """:func:`describe_kinds` then :func:`describe_lead`."""
    if table.empty:
        return describe_kinds(table)
    return join(
        [describe_kinds(table), describe_lead(table, n_paragraphs=n_paragraphs, n=n)]
    )


def describe_dispersion(
    mentions: pd.DataFrame, *, entities: list[str], n_paragraphs: int
) -> Prose:
    """Which followed entity spans most of the article, and which stay in one paragraph."""
    chosen = mentions[mentions["entity"].isin(entities)]
    if chosen.empty:
        return Prose("")
    if n_paragraphs == 1:
        return Prose(
            "With a single paragraph every mention is in the same place; the plot shows "
            "the order of mentions inside it."
        )
    spread = chosen.groupby("entity")["paragraph_id"].agg(["min", "max", "nunique"])
    spread = spread.reindex([e for e in entities if e in spread.index])
    single = [e for e in spread.index if spread.loc[e, "nunique"] == 1]
    single_text = (
        Prose("Named in one paragraph only: {names}.", names=_and(single, len(single)))
        if single
        else Prose("Every one of them is named in more than one paragraph.")
    )
    if len(single) == len(spread):
        return Prose(
            "Each is named in one paragraph only: {names}.",
            names=_and(single, len(single)),
        )
    widest = (
        spread.assign(span=spread["max"] - spread["min"])
        .sort_values(["span", "nunique"], ascending=False, kind="stable")
        .index[0]
    )
    return join(
        [
            Prose(
                "*{name}* spans the most of the article, from paragraph {first} to {last} "
                "({k} name it).",
                name=widest,
                first=int(spread.loc[widest, "min"]),
                last=int(spread.loc[widest, "max"]),
                k=plural(int(spread.loc[widest, "nunique"]), "paragraph"),
            ),
            single_text,
        ]
    )


def top_pairs(matrix: pd.DataFrame) -> pd.DataFrame:
    """Pairs of different entities by paragraphs naming both, most first.

    Returns:
        Columns ``entity_a``, ``entity_b``, ``paragraphs``; only pairs named together
        at least once; ties by name.
    """
    columns = ["entity_a", "entity_b", "paragraphs"]
    if len(matrix) < 2:
        return pd.DataFrame(columns=columns).astype({"paragraphs": "int64"})
    upper = np.triu(np.ones(matrix.shape, dtype=bool), k=1)
    pairs = (
        matrix.where(upper)
        .stack()
        .rename("paragraphs")
        .rename_axis(["entity_a", "entity_b"])
        .reset_index()
    )
    pairs = pairs[pairs["paragraphs"] > 0].astype({"paragraphs": "int64"})
    return pairs.sort_values(
        ["paragraphs", "entity_a", "entity_b"],
        ascending=[False, True, True],
        ignore_index=True,
    )[columns]


def describe_pair(pairs: pd.DataFrame) -> Prose:
    """The pair(s) named together most often, from :func:`top_pairs`."""
    if pairs.empty:
        return Prose("No two of these entities are named in the same paragraph.")
    best = pairs[pairs["paragraphs"] == pairs["paragraphs"].iloc[0]]
    names = "; ".join(
        f"{a} and {b}"
        for a, b in zip(best["entity_a"].head(3), best["entity_b"].head(3))
    )
    more = f" and {plural(len(best) - 3, 'more pair')}" if len(best) > 3 else ""
    return Prose(
        "The most frequent {pair} {names}{more}, named together in {n}.",
        pair=plural(len(best), "pair is", "pairs are", with_count=False),
        names=names,
        more=more,
        n=plural(int(best["paragraphs"].iloc[0]), "paragraph"),
    )


def _and(names: list[str], total: int) -> str:
    """``a, b and c`` (and ``and k more`` when ``total`` exceeds the names given)."""
    names = [str(n) for n in names]
    if total > len(names):
        return ", ".join(names) + f" and {total - len(names)} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
