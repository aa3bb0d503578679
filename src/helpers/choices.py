"""Article-specific settings, with defaults computed from the article itself.

The notebooks' parameters cells leave these empty (``None`` or ``[]``); the helpers
below then choose from the article being analysed, so no word of any particular
article is ever a default:

* :func:`entities_to_follow` -- the entities a notebook charts and scores: the ones
  asked for, else the most mentioned ones of ``entities.csv``.
* :func:`kwic_terms` -- the concordance terms: the ones asked for, else the most
  mentioned entity and the most frequent content word that is not a name.
* :func:`kwic_phrase` -- the multi-word concordance: the one asked for, else the most
  frequent content-word bigram seen at least twice (none when there is no such pair).
* :func:`read_extra_aliases` -- an optional table of extra aliases (a CSV path).
"""

from __future__ import annotations

import pandas as pd

from . import config
from .errors import OptionError, check_positive, invalid_value_msg, require_columns
from .multiwords import entity_term

#: Entities followed when the parameter is empty (charts stay readable).
N_FOLLOWED = 8


def _key(name) -> str:
    return " ".join(str(name).lower().replace("-", " ").split())


def _as_list(requested, name: str) -> list[str]:
    if requested is None:
        return []
    if isinstance(requested, str):
        requested = [requested]
    if not all(isinstance(r, str) for r in requested):
        raise OptionError(
            invalid_value_msg(
                name,
                requested,
                "a list of names (strings), or [] to let the notebook choose from "
                "the article",
            )
        )
    return [r.strip() for r in requested if r.strip()]


def entities_to_follow(
    table: pd.DataFrame, requested=None, *, n: int = N_FOLLOWED
) -> list[str]:
    """The entities to follow, as named in ``entities.csv``.

    Args:
        table: ``entities.csv`` (:func:`helpers.entities.entities_table`), most
            mentioned first.
        requested: names asked for (entity names or any alias written in the text,
            case ignored); ``None`` or ``[]`` chooses the ``n`` most mentioned.
        n: how many to choose when nothing is requested.

    Returns:
        Entity names, in ``table`` order when chosen, in the requested order when
        asked for. A requested name the article does not contain is left out
        (:func:`unknown_names` lists them, for a note to the reader).
    """
    check_positive("n", n)
    require_columns(
        table,
        ("entity", "aliases"),
        caller="entities_to_follow",
        fix="Pass entities.csv (helpers.entities.entities_table).",
    )
    wanted = _as_list(requested, "follow_entities")
    if not wanted:
        return table["entity"].head(n).tolist()
    lookup = _alias_lookup(table)
    chosen = [lookup[_key(r)] for r in wanted if _key(r) in lookup]
    return list(dict.fromkeys(chosen))


def unknown_names(table: pd.DataFrame, requested) -> list[str]:
    """The requested names that are neither an entity nor an alias in ``table``."""
    lookup = _alias_lookup(table)
    return [r for r in _as_list(requested, "names") if _key(r) not in lookup]


def _alias_lookup(table: pd.DataFrame) -> dict[str, str]:
    lookup = {}
    for entity, aliases in zip(table["entity"], table["aliases"]):
        for form in str(aliases).split("; "):
            lookup.setdefault(_key(form.rsplit(" (", 1)[0]), entity)
        lookup[_key(entity)] = entity
    return lookup


def kwic_terms(
    vocabulary: pd.DataFrame, table: pd.DataFrame, requested=None
) -> list[str]:
    """The concordance terms: ``requested``, else two chosen from the article.

    Args:
        vocabulary: :func:`helpers.stats.vocabulary_table` on the merged token table
            (entities as one term), most frequent first.
        table: ``entities.csv``.
        requested: terms asked for; ``None`` or ``[]`` chooses.

    Returns:
        The requested terms as given; otherwise the most mentioned entity's term
        (:func:`entity_term`) and the most frequent content word that is not a name
        and occurs at least twice; fewer when the article has none.
    """
    wanted = _as_list(requested, "kwic_terms")
    if wanted:
        return wanted
    require_columns(
        vocabulary,
        ("label", "n"),
        caller="kwic_terms",
        fix="Pass helpers.stats.vocabulary_table(term_tokens).",
    )
    names = {entity_term(e) for e in table["entity"]} if len(table) else set()
    chosen = [entity_term(table["entity"].iloc[0])] if len(table) else []
    words = vocabulary[(vocabulary["n"] >= 2) & ~vocabulary["label"].isin(names)]
    words = words[~words["label"].str.contains(" ")]  # a word, not an expression
    chosen += words["label"].head(1).tolist()
    return list(dict.fromkeys(chosen))


def kwic_phrase(bigrams: pd.DataFrame, requested=None, *, min_count: int = 2):
    """The multi-word concordance: ``requested``, else the most frequent content
    bigram seen at least ``min_count`` times (:func:`helpers.phrases.content_ngrams`),
    else ``None``."""
    if requested is not None and str(requested).strip():
        return str(requested).strip()
    require_columns(
        bigrams,
        ("ngram", "count"),
        caller="kwic_phrase",
        fix="Pass helpers.phrases.content_ngrams(term_tokens, n=2).",
    )
    repeated = bigrams[bigrams["count"] >= min_count]
    return repeated["ngram"].iloc[0] if len(repeated) else None


def read_extra_aliases(path) -> pd.DataFrame | None:
    """An extra alias table from a CSV file, or ``None`` when ``path`` is empty.

    The file needs the columns ``alias`` and ``entity`` (``kind`` and ``reason`` are
    optional), one row per name that should count for an entity although the text
    cannot show it (a metonym such as a seat of government for its state).
    The project's old actor table (``src/helpers/data/actors.csv``: columns
    ``actor`` and ``alias``) is read as such a table too.
    """
    if path is None or not str(path).strip():
        return None
    file = config.resolve_path(path)
    if not file.is_file():
        raise OptionError(
            f"extra_aliases: no file {str(file)!r}. Pass the path of a CSV with the "
            "columns alias and entity, or leave it empty (None)."
        )
    table = pd.read_csv(file, dtype=str, keep_default_na=False)
    if "entity" not in table.columns and "actor" in table.columns:
        # the actor table's layout (src/helpers/data/actors.csv): actor rows only, and
        # its kind column (actor / blocker) is not an entity kind
        rows = table[table.get("kind", "actor") != "blocker"]
        table = pd.DataFrame({"alias": rows.get("alias"), "entity": rows["actor"]})
    require_columns(
        table,
        ("alias", "entity"),
        caller="read_extra_aliases",
        fix="Give the CSV a header row with alias,entity (and optionally kind,reason).",
    )
    return table
