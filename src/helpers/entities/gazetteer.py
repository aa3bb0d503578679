"""Known names: CLDR's Indonesian territory and city names, the alias tables, the key.

Why Babel: it ships CLDR, the Unicode consortium's maintained locale data, with 295
Indonesian territory names in the forms news uses (*Korea Utara*, *Amerika
Serikat*); pycountry's Indonesian names are the formal ones (*Federasi Rusia*), and
it is already installed with JupyterLab. CLDR has no capital list, so the capitals
it lacks and the news short forms (*Korut*, *AS*, *RI*) are rows of
``entity_aliases.csv``, each with its reason.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from zoneinfo import (
    available_timezones,  # the pinned tzdata package: same list everywhere
)

import pandas as pd

from ..actors import actor_gazetteer


def _clean_territory(name: str) -> list[str]:
    """CLDR names in the forms news writes: no parenthesis, 'Asia Bagian Timur' -> 'Asia Timur'."""
    name = re.sub(r"\s*\(.*?\)", "", name).replace(" DAK Tiongkok", "").strip()
    forms = [name]
    if " Bagian " in name:
        forms.append(name.replace(" Bagian ", " "))
    return [f for f in forms if f]


@lru_cache(maxsize=1)
def _alias_rows() -> pd.DataFrame:
    with (
        resources.files("helpers")
        .joinpath("data/entity_aliases.csv")
        .open(encoding="utf-8") as fh
    ):
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


def alias_table() -> pd.DataFrame:
    """The project's alias table (a copy): columns ``alias``, ``entity``, ``kind``, ``reason``."""
    return _alias_rows().copy()


@lru_cache(maxsize=1)
def reference_names() -> pd.DataFrame:
    """Known names: CLDR territories and time-zone cities in Indonesian, plus the alias table.

    Returns:
        Columns ``name`` (as written), ``entity`` (what it counts for), ``kind`` and
        ``source`` (``CLDR territory``, ``CLDR city``, ``entity_aliases.csv``); one row
        per name, the alias table winning over CLDR.
    """
    from babel import Locale  # noqa: PLC0415 (CLDR loads when first used)
    from babel.dates import get_timezone_location  # noqa: PLC0415 (as above)

    locale = Locale("id")
    rows = []
    for code, raw in sorted(locale.territories.items()):
        if code in {"001", "ZZ", "EU", "EZ", "UN", "QO"}:
            continue
        forms = _clean_territory(raw)
        rows.extend((form, forms[0], "place", "CLDR territory") for form in forms)
    for zone in sorted(available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "Antarctica/")):
            continue
        try:
            city = get_timezone_location(zone, locale=locale, return_city=True)
        except (LookupError, ValueError):  # zones unknown to the installed tz database
            continue
        if city and city[0].isupper() and len(city) > 2:
            rows.append((city, city, "place", "CLDR city"))
    aliases = _alias_rows()
    rows = [
        (a.alias, a.entity, a.kind, "entity_aliases.csv") for a in aliases.itertuples()
    ] + rows
    table = pd.DataFrame(rows, columns=["name", "entity", "kind", "source"])
    table["key"] = table["name"].map(_key)
    return table.drop_duplicates("key", ignore_index=True)


def gazetteer_aliases() -> pd.DataFrame:
    """The actor gazetteer (``helpers/data/actors.csv``) as an extra alias table.

    Optional: pass it as ``extra_aliases=`` to count metonyms the text cannot reveal
    (*Kremlin* for *Rusia*, *Gedung Putih* for *Amerika Serikat*). Returns columns
    ``alias``, ``entity``, ``kind`` (``other``: the entity's kind comes from the text)
    and ``reason``.
    """
    table = actor_gazetteer()
    return pd.DataFrame(
        {
            "alias": table["alias"],
            "entity": table["actor"],
            "kind": "",
            "reason": "actors.csv: " + table["note"],
        }
    )


@lru_cache(maxsize=65536)
def _key(name: str) -> str:
    """Matching key: lower case, hyphens and apostrophes as spaces, single spaces."""
    return " ".join(re.sub(r"[-'’]", " ", name.lower()).split())


@lru_cache(maxsize=1)
def _known() -> dict[str, tuple[str, str]]:
    """{key: (entity, kind)} of every reference name."""
    table = reference_names()
    return {
        k: (e, kd) for k, e, kd in zip(table["key"], table["entity"], table["kind"])
    }


@lru_cache(maxsize=1)
def _acronym_keys() -> frozenset[str]:
    """Keys of reference names written in capitals (``AS``, ``UN``, ``RI``): they match only
    when the text writes them in capitals too, so ``Un`` in *Kim Jong Un* is not the UN."""
    table = reference_names()
    return frozenset(k for k, n in zip(table["key"], table["name"]) if n.isupper())


def _lookup(name: str, mapping: dict | None = None):
    """The (entity, kind) a name as written stands for, or None."""
    key = _key(name)
    if key in _acronym_keys() and not name.replace(" ", "").isupper():
        return None
    return (mapping or _known()).get(key)


@lru_cache(maxsize=1)
def _alias_sourced() -> frozenset[str]:
    table = reference_names()
    return frozenset(table.loc[table["source"] == "entity_aliases.csv", "key"])


@lru_cache(maxsize=1)
def _known_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(k.split()) for k in _known()}, reverse=True))
