"""Actors and places: a small gazetteer (data, not code) and mention finding.

The gazetteer is ``helpers/data/actors.csv``, one row per alias:

* ``actor``: the canonical name every alias counts towards (``Rusia``);
* ``alias``: the text to find (``Kremlin``, ``Korut``, ``AS``);
* ``case_sensitive``: ``true`` when case decides the meaning (see the rules);
* ``kind``: ``actor``, or ``blocker`` for a longer name that must *not* count
  (``Jawa Barat`` is a province, not the West);
* ``note``: why the alias is there.

Matching rules (each one is tested in ``tests/test_actors.py``)
------------------------------------------------------------------
1. **Whole words.** An alias matches only between non-word characters, so ``Rusia``
   is found in ``Korut-Rusia`` (a hyphen is a boundary) but ``Kim`` is not found in
   ``Kimia``.
2. **Leftmost-longest, no double counting.** All candidate matches (actors and
   blockers) compete; the one that starts first wins, and among those starting at the
   same place the longest wins. Overlapping shorter candidates are dropped. So
   ``Kim Jong Un`` is one mention of *Kim Jong Un*, never also a mention through
   ``Kim``; ``Vladimir Putin`` is one mention of *Putin*.
3. **Blockers.** Place names that contain an alias (``Asia Barat``, ``Jawa Barat``,
   ``Amerika Latin``, ``Kim Yo Jong``) are in the table as ``blocker`` rows. They win
   by rule 2 and are then discarded, so they count for no actor.
4. **Case.** ``AS`` (Amerika Serikat) is case-sensitive so the word ``as`` (for
   example in an English quotation) never matches. ``Barat`` is case-sensitive: the
   capitalised word is the political West, lower-case ``barat`` is a compass direction
   (``arah barat``, ``non-barat`` in the default article). ``Kim`` alone is
   case-sensitive. Other aliases ignore case, so an all-caps headline still counts.
5. **Negated prefix.** A match right after ``non-`` (``negara non-Barat``,
   ``non-NATO``) names the *other* group, so it is not a mention.
6. **A surname followed by another given name.** Korean names put the surname first,
   and ``Kim`` is the most common one. ``Kim`` alone counts for Kim Jong Un only when
   the next word is *not* another capitalised name: ``Kim Dae-jung`` or ``Kim Yo
   Jong`` are other people and count for no actor. The exceptions are ``Jong`` (his
   own given name; ``Kim Jong Il`` and ``Kim Jong Nam`` are separate blocker rows)
   and capitalised day and month names (``bertemu Kim Rabu (19/6)``). The rule is in
   :data:`SURNAME_ALIASES`.

Caveats: the gazetteer is deliberately small and tuned to geopolitics news; for an
article on another subject, add rows to ``helpers/data/actors.csv`` (columns above:
``actor``, ``alias``, ``case_sensitive``, ``kind`` = ``actor``, ``note``). Capitals
are counted as metonyms of their governments (``Pyongyang`` counts for Korea Utara
even when it is only the meeting place). ``Kim`` alone is assumed to be Kim Jong Un
unless another listed Kim precedes it in the same span. Clitic forms (``Putinnya``)
are not matched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from .errors import OptionError, require_columns

#: Columns of the gazetteer table, in order.
GAZETTEER_COLUMNS = ["actor", "alias", "case_sensitive", "kind", "note"]
#: Columns added to the id columns by :func:`actor_mentions`.
MENTION_COLUMNS = ["actor", "alias", "mention", "start", "end"]

_NEGATED_PREFIX = re.compile(r"non-$", re.IGNORECASE)

#: Capitalised words that may follow a surname alias without naming someone else:
#: Indonesian day and month names (news writes "bertemu Kim Rabu (19/6)").
DATE_WORDS = frozenset(
    "Senin Selasa Rabu Kamis Jumat Jum'at Sabtu Minggu Ahad "
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember "
    "Jan Feb Mar Apr Jun Jul Agu Agt Sep Okt Nov Des".split()
)
#: Single-word surname aliases (rule 6): alias -> the given-name words that may follow
#: it and still mean the actor. Any other capitalised next word (apart from
#: :data:`DATE_WORDS`) means a different person, so the match is dropped.
SURNAME_ALIASES = {"Kim": frozenset({"Jong"})}
_NEXT_CAPITALISED = re.compile(r"[ \t]+([A-Z][\w'’-]*)")


@lru_cache(maxsize=1)
def _gazetteer_cached() -> pd.DataFrame:
    with (
        resources.files("helpers")
        .joinpath("data/actors.csv")
        .open(encoding="utf-8") as fh
    ):
        table = pd.read_csv(fh, dtype=str, keep_default_na=False)
    table["case_sensitive"] = table["case_sensitive"].str.lower().eq("true")
    return table[GAZETTEER_COLUMNS]


def actor_gazetteer(*, include_blockers: bool = False) -> pd.DataFrame:
    """The actor gazetteer as a table (a copy; safe to modify).

    Args:
        include_blockers: also return the ``blocker`` rows (place names that must not
            count, for example ``Jawa Barat``).

    Returns:
        Columns ``actor``, ``alias``, ``case_sensitive`` (bool), ``kind`` (``actor``
        or ``blocker``) and ``note``, in file order (actors in a fixed reading order:
        Rusia, Korea Utara, Putin, Kim Jong Un, Amerika Serikat, China, Ukraina, NATO,
        Barat, Asia Timur, Semenanjung Korea).
    """
    table = _gazetteer_cached().copy()
    if not include_blockers:
        table = table[table["kind"] == "actor"].reset_index(drop=True)
    return table


def actor_names(gazetteer: pd.DataFrame | None = None) -> list[str]:
    """Canonical actor names in gazetteer order (the order plots should use)."""
    table = actor_gazetteer() if gazetteer is None else gazetteer
    names = table.loc[
        table.get("kind", pd.Series("actor", index=table.index)) == "actor", "actor"
    ]
    return list(dict.fromkeys(names))


def _compile(gazetteer: pd.DataFrame) -> list[tuple[re.Pattern, str, str, bool]]:
    """One (pattern, actor, alias, is_blocker) per row."""
    compiled = []
    for row in gazetteer.itertuples(index=False):
        flags = 0 if bool(row.case_sensitive) else re.IGNORECASE
        words = [re.escape(part) for part in str(row.alias).split()]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", flags)
        compiled.append(
            (pattern, row.actor, row.alias, getattr(row, "kind", "actor") == "blocker")
        )
    return compiled


def find_mentions(
    text: str, *, gazetteer: pd.DataFrame | None = None
) -> list[tuple[str, str, str, int, int]]:
    """Actor mentions in one string, by the module's matching rules.

    Returns:
        ``(actor, alias, mention, start, end)`` tuples sorted by ``start``; ``text[start:end]``
        is ``mention``.
    """
    # The packaged gazetteer's patterns directly: comparing a fresh copy of it with the
    # cached table on every call cost a millisecond per paragraph.
    patterns = _default_patterns() if gazetteer is None else _compile_cached(gazetteer)
    candidates = []
    for order, (pattern, actor, alias, blocker) in enumerate(patterns):
        for match in pattern.finditer(text):
            candidates.append(
                (
                    match.start(),
                    -(match.end() - match.start()),
                    order,
                    match,
                    actor,
                    alias,
                    blocker,
                )
            )
    candidates.sort(key=lambda c: c[:3])
    # Hand-written leftmost-longest selection: one regex alternation would also do
    # leftmost-first, but per-alias case flags and blockers need separate patterns.
    mentions = []
    taken_until = -1
    for start, _, _, match, actor, alias, blocker in candidates:
        if start < taken_until:
            continue
        taken_until = match.end()
        if blocker or _NEGATED_PREFIX.search(text[max(0, start - 4) : start]):
            continue
        if alias in SURNAME_ALIASES and _names_someone_else(
            text, match.end(), SURNAME_ALIASES[alias]
        ):
            continue
        mentions.append((actor, alias, match.group(), start, match.end()))
    return mentions


def _names_someone_else(text: str, end: int, allowed: frozenset[str]) -> bool:
    """True when a capitalised word that is not an allowed given name or a date word
    follows the surname at ``end`` (``Kim Dae-jung``)."""
    following = _NEXT_CAPITALISED.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    first = re.split(r"[-'’]", word)[0]
    return word not in allowed and first not in allowed and word not in DATE_WORDS


def _compile_cached(table: pd.DataFrame):
    if table is _gazetteer_cached() or table.equals(_gazetteer_cached()):
        return _default_patterns()
    return _compile(table)


@lru_cache(maxsize=1)
def _default_patterns():
    return _compile(_gazetteer_cached())


def _id_columns(table: pd.DataFrame, text_column: str) -> list[str]:
    return [c for c in table.columns if str(c).endswith("_id") and c != text_column]


def _check_table(table: pd.DataFrame, text_column: str, caller: str) -> list[str]:
    if not isinstance(table, pd.DataFrame):
        raise OptionError(
            f"{caller} needs a pandas DataFrame, got {type(table).__name__}."
        )
    if text_column not in table.columns:
        raise OptionError(
            f"{caller}: the table has no column {text_column!r} (it has {list(table.columns)}). "
            "Pass text_column=... naming the column that holds the text."
        )
    ids = _id_columns(table, text_column)
    if not ids:
        raise OptionError(
            f"{caller}: the table has no id column (a column ending in '_id', such as "
            "'paragraph_id'). Build it with helpers.paragraphs_table() or sentences_table()."
        )
    return ids


def actor_mentions(
    table: pd.DataFrame,
    *,
    text_column: str = "text",
    gazetteer: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per actor mention in a table of texts (paragraphs or sentences).

    How to read it: each row is one place in the text where an actor is named;
    ``table[text_column][row][start:end] == mention``. Counting rows per ``actor``
    gives mention counts; ``alias`` tells which name was used.

    Args:
        table: any table with a text column and id columns (columns whose names end in
            ``_id``, such as ``paragraph_id`` and ``sentence_id``). Not modified.
        text_column: the column holding the text.
        gazetteer: a table like :func:`actor_gazetteer` (``include_blockers=True``);
            the packaged one when None.

    Returns:
        The input's id columns, then ``actor``, ``alias`` (the gazetteer alias),
        ``mention`` (the text as written), ``start`` and ``end`` (character offsets in
        the text). Sorted by the id columns, then ``start``. Empty (with these columns)
        when nothing matches.

    Caveats: see the module docstring for the matching rules (leftmost-longest, case,
    blockers, ``non-``).
    """
    ids = _check_table(table, text_column, "actor_mentions")
    rows = []
    for values, text in zip(
        table[ids].itertuples(index=False, name=None), table[text_column]
    ):
        text = "" if pd.isna(text) else str(text)
        rows.extend(
            values + mention for mention in find_mentions(text, gazetteer=gazetteer)
        )
    result = pd.DataFrame(rows, columns=ids + MENTION_COLUMNS)
    result = result.astype(
        {c: table[c].dtype for c in ids} | {"start": "int64", "end": "int64"}
    )
    return result.sort_values(ids + ["start"], kind="stable", ignore_index=True)


def actor_presence(
    table: pd.DataFrame,
    *,
    text_column: str = "text",
    gazetteer: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Mention counts per input row and actor, in long form with zero rows included.

    How to read it: ``mentions`` is how many times the actor is named in that row's
    text; 0 means not named. Every (row, actor) pair is present, so averages and
    ``pivot`` work directly (``presence.pivot(index="paragraph_id", columns="actor",
    values="mentions")`` is the paragraph-by-actor matrix).

    Args:
        table: as for :func:`actor_mentions`.
        text_column: the column holding the text.
        gazetteer: as for :func:`actor_mentions`.

    Returns:
        The input's id columns, ``actor`` and ``mentions`` (int). One row per input row
        and actor; sorted by the id columns in input order, then actors in gazetteer
        order (:func:`actor_names`).
    """
    ids = _check_table(table, text_column, "actor_presence")
    mentions = actor_mentions(table, text_column=text_column, gazetteer=gazetteer)
    actors = actor_names(gazetteer)
    counts = mentions.groupby(ids + ["actor"], sort=False).size()
    grid = pd.MultiIndex.from_tuples(
        [
            values + (actor,)
            for values in table[ids].itertuples(index=False, name=None)
            for actor in actors
        ],
        names=ids + ["actor"],
    )
    result = counts.reindex(grid, fill_value=0).rename("mentions").reset_index()
    result["mentions"] = result["mentions"].astype("int64")
    return result.astype({c: table[c].dtype for c in ids})


def actor_cooccurrence(
    presence: pd.DataFrame, *, id_column: str = "paragraph_id", min_mentions: int = 1
) -> pd.DataFrame:
    """How many units (paragraphs by default) name both of two actors.

    How to read it: cell (Rusia, Korea Utara) = 8 means eight paragraphs name both;
    the diagonal is the number of paragraphs naming the actor at all.

    Args:
        presence: the long table from :func:`actor_presence`.
        id_column: the unit of co-occurrence (``paragraph_id`` or ``sentence_id``).
        min_mentions: keep only actors mentioned at least this often in total.

    Returns:
        A square table (index and columns are actor names, in gazetteer order) of
        integer counts; only actors with at least ``min_mentions`` mentions. Empty when
        no actor qualifies.
    """
    require_columns(
        presence,
        (id_column, "actor", "mentions"),
        caller="actor_cooccurrence",
        fix="Pass the table from actor_presence().",
    )
    totals = presence.groupby("actor", sort=False)["mentions"].sum()
    keep = [a for a in dict.fromkeys(presence["actor"]) if totals[a] >= min_mentions]
    if not keep:
        return pd.DataFrame(dtype="int64")
    present = (
        presence[presence["actor"].isin(keep)]
        .groupby([id_column, "actor"], sort=False)["mentions"]
        .sum()
        .gt(0)
        .astype("int64")
        .unstack("actor", fill_value=0)
        .reindex(columns=keep, fill_value=0)
    )
    matrix = present.T @ present
    matrix.index.name = None
    matrix.columns.name = None
    return matrix.astype("int64")
