"""Alias merging within one article: which names are one entity, and its kind.

Alias merging (:func:`entity_mentions`)
---------------------------------------
Within one article: (a) spellings that differ only in case or hyphens are one name
(``Kim Jong-un`` / ``Kim Jong Un``); (b) the alias table and the optional extra
table (for example the old actor gazetteer, :func:`gazetteer_aliases`) map short
forms to their entity (``Korut`` -> *Korea Utara*); (c) a name written as ``Long
Name (ACR)`` makes the acronym and the long name one entity; (d) a name that is the
first or last words of exactly one longer person name is that person (``Putin`` ->
*Vladimir Putin*, ``Jean-Pierre`` -> *Karine Jean-Pierre*, ``Sung`` -> *Sung
Ji-hyun*); when it fits two longer names it is left alone. A person is named by its
longest form; other entities by their most frequent form (ties: the longer).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from ..errors import OptionError
from .cues import KINDS, NAME_PARTICLES, Mention
from .gazetteer import _alias_sourced, _key, _known, _lookup
from .kinds import _has_personal_name_form, _looks_like_person_name
from .places import written_after_unit
from .words import _is_common


def _alias_map(extra_aliases: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    mapping = dict(_known())
    if extra_aliases is not None:
        missing = {"alias", "entity"} - set(extra_aliases.columns)
        if missing:
            raise OptionError(
                f"extra_aliases lacks column(s) {sorted(missing)}; it needs 'alias' and 'entity' "
                "(and optionally 'kind'), like helpers.entities.gazetteer_aliases()."
            )
        kinds = (
            extra_aliases["kind"]
            if "kind" in extra_aliases.columns
            else pd.Series("", index=extra_aliases.index)
        )
        for alias, entity, kind in zip(
            extra_aliases["alias"], extra_aliases["entity"], kinds
        ):
            if str(alias).strip() and str(entity).strip():
                mapping[_key(str(alias))] = (str(entity), str(kind or ""))
    return mapping


def _resolve(
    mentions: list[Mention], texts: list[str], aliases: dict[str, tuple[str, str]]
):
    """Merge the mentions' names into entities: ({name key: entity}, {entity: kind})."""
    forms: dict[str, Counter] = defaultdict(Counter)  # key -> surface forms
    cues: dict[str, Counter] = defaultdict(Counter)  # key -> cue votes
    table_of: dict[
        str, tuple[str, str]
    ] = {}  # key -> (entity, kind) from an alias table
    for m in mentions:
        forms[_key(m.mention)][m.mention] += 1
        cues[_key(m.mention)][m.cue] += 1
        found = _lookup(m.mention, aliases)
        if found:
            table_of[_key(m.mention)] = found
    parent = {k: k for k in forms}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    # (b) alias tables: keys mapping to the same entity are one; the entity's own key joins them.
    by_entity: dict[str, str] = {}
    for k in list(forms):
        if k in table_of:
            target = _key(table_of[k][0])
            if target in by_entity:
                union(k, by_entity[target])
            else:
                by_entity[target] = k
    # (c) Long Name (ACR): each "(ACR)" in the text, and the known form right before it
    # (one pass over the text, then at most 8 dictionary lookups per parenthesis)
    joined = "\n".join(texts)
    by_form = {form: k for k in forms for form in forms[k]}
    for m in re.finditer(r"\(([A-Z][A-Za-z0-9&-]{1,9})\)", joined):
        acronym = _key(m.group(1))
        if acronym not in forms:
            continue
        before = joined[max(0, m.start() - 200) : m.start()].rstrip().split(" ")
        for n in range(min(8, len(before)), 0, -1):
            form = " ".join(before[-n:])
            k = by_form.get(form)
            # the acronym spells the long name: same first letter (so "Susu
            # Indonesia (GKSI)" does not make GKSI the country)
            if k is not None and acronym != k and acronym[:1] == _key(form)[:1]:
                union(acronym, k)
                break
    # (c') an acronym spelling the initials of exactly one longer name in the article
    # (PKI and Partai Komunis Indonesia), even without the parenthesis
    initials: dict[str, set[str]] = defaultdict(set)
    for k in forms:
        words = [w for w in k.split() if w not in NAME_PARTICLES and w != "dan"]
        if len(words) >= 2:
            initials["".join(w[0] for w in words)].add(k)
    for k in list(forms):
        if any(f.isupper() for f in forms[k]) and " " not in k:
            longer = {find(o) for o in initials.get(k, ())}
            if len(longer) == 1:
                union(k, longer.pop())
    # (d) surname / given name of exactly one longer person name
    personish = {
        k
        for k in forms
        if cues[k]["person"]
        or (
            len(k.split()) in (2, 3, 4)
            and not cues[k]["place"]
            and not cues[k]["organisation"]
            and k not in table_of
            and _looks_like_person_name(k)
        )
    }
    # indexed by first and last words (one or two), so each short name is a lookup
    starts: dict[tuple, list[str]] = defaultdict(list)
    ends: dict[tuple, list[str]] = defaultdict(list)
    for o in personish:
        if o in table_of:
            continue
        ow = o.split()
        for n in (1, 2):
            if len(ow) > n:
                starts[tuple(ow[:n])].append(o)
                # a surname: what comes before it is a name too, not common words
                # ("Agen Payfazz", agent, is no person whose surname is Payfazz)
                if not all(_is_common(w) for w in ow[:-n]):
                    ends[tuple(ow[-n:])].append(o)
    for k in sorted(forms, key=lambda s: len(s.split())):
        words = k.split()
        if k in table_of or len(words) > 2:
            continue
        longer = {
            find(o) for o in starts.get(tuple(words), []) + ends.get(tuple(words), [])
        }
        if len(longer) == 1:
            union(k, longer.pop())
    groups: dict[str, list[str]] = defaultdict(list)
    for k in forms:
        groups[find(k)].append(k)
    canonical, kinds = {}, {}
    for members in groups.values():
        votes = Counter()
        for k in members:
            votes.update({c: n for c, n in cues[k].items() if c})
        table_entity = next((table_of[k] for k in members if k in table_of), None)
        from_alias_csv = any(
            k in _alias_sourced() or (k in aliases and k not in _known())
            for k in members
        )
        all_forms = Counter()
        for k in members:
            all_forms.update(forms[k])
        if table_entity and table_entity[1]:
            kind = table_entity[1]
        elif votes:
            kind = sorted(votes.items(), key=lambda kv: (-kv[1], KINDS.index(kv[0])))[
                0
            ][0]
        elif any(written_after_unit(joined, f) for f in all_forms):
            kind = "place"  # Ende, written elsewhere as Kabupaten Ende
        elif (
            len(members) > 1  # merged with its own surname or given name: rule (d)
            and _looks_like_person_name(max(members, key=lambda k: len(k.split())))
        ) or any(_has_personal_name_form(f) for f in all_forms):
            kind = "person"
        else:
            kind = "other"
        if table_entity and from_alias_csv:
            name = table_entity[0]
        elif kind == "person":
            name = max(all_forms, key=lambda f: (len(f.split()), all_forms[f], f))
        else:
            name = max(all_forms, key=lambda f: (all_forms[f], len(f), f))
        for k in members:
            canonical[k] = name
        kinds[name] = kind
    return canonical, kinds
