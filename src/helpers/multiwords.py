"""Multi-word expressions (MWEs) counted as one term.

Word units split Indonesian multi-word expressions: *Korea Utara* becomes ``korea``
and ``utara``, and *kerja sama* (cooperation) loses ``sama`` to the stop-word list.
This module lists the expressions that count as a single term and merges them:

* :func:`multiword_expressions` -- the list: ``src/helpers/data/multiwords.csv``
  (compounds, one ``reason`` per row) plus the names of several words that
  :func:`helpers.entities.reference_names` knows (CLDR's Indonesian country and city
  names, and ``src/helpers/data/entity_aliases.csv``).
* :func:`merge_multiwords` -- a token table (:func:`helpers.tokens_table`) in which each
  matched expression is one row; used for vocabulary, Zipf and n-gram counts.
* :func:`find_multiwords` -- matches in a token list; used by
  :class:`helpers.vectorize.IndonesianAnalyzer` (TF-IDF and topics).
* :func:`entity_expressions` -- the names found in one article
  (:func:`helpers.entities.entity_mentions`) as expressions: every form written in
  the text counts as the entity's one term (*Suu Kyi* and *Aung San Suu Kyi* are
  ``aung san suu kyi``; *Putin* alone counts for the entity *Vladimir Putin*). Pass
  them as ``expressions=`` to :func:`merge_multiwords` and the analyzer.

Matching rules: case-insensitive; the expression's tokens (by
:func:`helpers.text.tokenize`, so *Kim Jong-un* is ``kim jong un``) must be
consecutive tokens of one sentence, so punctuation between the words (a comma, a
full stop) stops a match; at each position the longest expression wins (*menteri luar
negeri* over *luar negeri*); matches do not overlap and are found left to right.
The term of an expression is its tokens, lower-cased and joined by one space
(``korea utara``); spellings with the same tokens are one term.

Article expressions (:func:`entity_expressions`) match the tokens *as written*
(case-sensitive): a name is capitalised, and the same word in lower case
(*bunga*, a flower) is not the name. At one position the longest expression of
either list wins, an article's name on a tie (it takes its entity's term).

Caveat: the list is small and hand-made; an expression missing from it is still
split. Tokens that are never merged (``is_word`` counts, sentence splitting,
:func:`helpers.tokens_table` itself) are unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from .entities import reference_names
from .errors import HelpersError
from .prose import Prose, plural
from .text import TOKEN_COLUMNS, tokenize

_DATA_FILE = "multiwords.csv"


@lru_cache(maxsize=1)
def _expressions_cached() -> pd.DataFrame:
    with (
        resources.files("helpers.data")
        .joinpath(_DATA_FILE)
        .open(encoding="utf-8") as handle
    ):
        listed = pd.read_csv(handle, dtype=str, keep_default_na=False)
    missing = {"expression", "reason"} - set(listed.columns)
    if missing:
        raise HelpersError(
            f"{_DATA_FILE} lacks column(s) {sorted(missing)}; it needs 'expression' and 'reason'."
        )
    listed = listed.assign(source="multiwords.csv")
    # Place and organisation names of several words from maintained sources: CLDR's
    # Indonesian country and city names (Babel) and the project's alias table.
    names = reference_names()  # one-token names are dropped below
    names = pd.DataFrame(
        {
            "expression": names["name"],
            "reason": "a name of several words (" + names["source"] + ")",
            "source": names["source"],
        }
    )
    table = pd.concat(
        [listed[["expression", "reason", "source"]], names], ignore_index=True
    )
    table["tokens"] = [
        tuple(t.lower() for t in tokenize(e)) for e in table["expression"]
    ]
    table = table[table["tokens"].map(len) >= 2]
    table["term"] = table["tokens"].map(" ".join)
    table = table.drop_duplicates("term", ignore_index=True)
    return table[["expression", "term", "tokens", "reason", "source"]]


def multiword_expressions() -> pd.DataFrame:
    """The expressions that count as one term (a copy).

    Returns:
        Columns ``expression`` (as listed), ``term`` (lower-case tokens joined by a
        space: the term used in counts and TF-IDF), ``tokens`` (tuple of lower-case
        tokens), ``reason`` and ``source`` (``multiwords.csv``, ``CLDR territory``,
        ``CLDR city`` or ``entity_aliases.csv``). One row per distinct term, list
        order (``multiwords.csv`` first).
    """
    return _expressions_cached().copy()


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[tuple[str, ...]]], re.Pattern]:
    """``{first token: token tuples, longest first}`` and the precondition regex."""
    table = _expressions_cached()
    by_head: dict[str, list[tuple[str, ...]]] = {}
    for tokens in sorted(table["tokens"], key=len, reverse=True):
        by_head.setdefault(tokens[0], []).append(tokens)
    # A cheap superset test on lower-cased raw text: every token-level match is also a
    # regex match (between two tokens tokenize() leaves only white space, a dropped
    # hyphen or a zero-width character it removes). Alternatives are grouped by first
    # word, longest first; searching lower-cased text without re.IGNORECASE is about
    # twice as fast on the SmSA texts (``make bench``).
    separator = r"[\s\-\u200b\ufeff]*"
    groups = []
    for head, candidates in sorted(by_head.items()):
        rests = sorted(
            {separator.join(map(re.escape, c[1:])) for c in candidates},
            key=len,
            reverse=True,
        )
        groups.append(re.escape(head) + separator + "(?:" + "|".join(rests) + ")")
    letter = r"[^\W\d_]"
    pattern = re.compile(rf"(?<!{letter})(?:{'|'.join(groups)})(?!{letter})")
    return by_head, pattern


def multiword_heads() -> frozenset[str]:
    """The lower-case first tokens of all expressions (``kerja``, ``korea``, ...).

    A document whose tokens include none of them holds no expression; the analyzer
    (:class:`helpers.vectorize.IndonesianAnalyzer`) checks this before anything else.
    """
    return frozenset(_index()[0])


def may_contain_multiword(text: str) -> bool:
    """False when ``text`` certainly holds no listed expression (one regex search).

    True does not guarantee a match (:func:`find_multiwords` decides): the regex also
    accepts, for example, words separated by a hyphen inside one token.
    """
    return _index()[1].search(text.lower()) is not None


def find_multiwords(
    words: list[str],
    *,
    surface: list[str] | None = None,
    expressions: pd.DataFrame | None = None,
) -> list[tuple[int, int, str]]:
    """Expression matches in one token sequence, left to right, longest first.

    Args:
        words: lower-case tokens in text order, punctuation tokens included (they
            break a match because they are not part of any expression).
        surface: the same tokens as written; needed with ``expressions``.
        expressions: article expressions (:func:`entity_expressions`), matched
            case-sensitively on ``surface``, besides the listed ones.

    Returns:
        ``(start, end, term)`` with ``words[start:end]`` the matched tokens; matches
        never overlap.
    """
    by_head = _index()[0]
    extra = _article_index(expressions)
    if extra and surface is None:
        raise HelpersError(
            "find_multiwords: article expressions match the tokens as written; pass "
            "surface=[the tokens before lower-casing]."
        )
    found, i, n = [], 0, len(words)
    while i < n:
        best = None
        for candidate in by_head.get(words[i], ()):
            end = i + len(candidate)
            if end <= n and tuple(words[i:end]) == candidate:
                best = (i, end, " ".join(candidate))
                break
        for candidate, term in extra.get(surface[i], ()) if extra else ():
            end = i + len(candidate)
            if (best is None or end >= best[1]) and end <= n:
                if tuple(surface[i:end]) == candidate:
                    best = (i, end, term)
                    break
        if best is None:
            i += 1
        else:
            found.append(best)
            i = best[1]
    return found


#: The last few article indexes, keyed by the expressions table's id (the table itself
#: is kept alongside, so a reused id of a dropped table is never mistaken for it).
_ARTICLE_INDEXES: dict[int, tuple[pd.DataFrame, dict]] = {}


def _article_index(expressions: pd.DataFrame | None) -> dict:
    """``{first surface token: [(tokens, term), ...] longest first}``, built once per table
    (a sentence or a document at a time asks for it again)."""
    if expressions is None or len(expressions) == 0:
        return {}
    cached = _ARTICLE_INDEXES.get(id(expressions))
    if cached is not None and cached[0] is expressions:
        return cached[1]
    index = _build_article_index(expressions)
    if len(_ARTICLE_INDEXES) >= 4:
        _ARTICLE_INDEXES.pop(next(iter(_ARTICLE_INDEXES)))
    _ARTICLE_INDEXES[id(expressions)] = (expressions, index)
    return index


def _build_article_index(expressions: pd.DataFrame) -> dict:
    missing = {"tokens", "term"} - set(expressions.columns)
    if missing:
        raise HelpersError(
            f"expressions lacks column(s) {sorted(missing)}; build it with "
            "helpers.multiwords.entity_expressions(mentions)."
        )
    index: dict[str, list] = {}
    pairs = sorted(
        zip(expressions["tokens"], expressions["term"]), key=lambda p: -len(p[0])
    )
    for tokens, term in pairs:
        index.setdefault(tokens[0], []).append((tuple(tokens), term))
    return index


def entity_term(entity: str) -> str:
    """The one term an entity counts as: its name in lower case, single spaces
    (``Karine Jean-Pierre`` -> ``karine jean-pierre``)."""
    return " ".join(str(entity).lower().split())


def entity_expressions(mentions: pd.DataFrame) -> pd.DataFrame:
    """Every form of every entity written in one article, as an expression.

    How to read it: the row ``("Suu", "Kyi")`` -> ``aung san suu kyi`` says that the
    tokens *Suu Kyi*, as written, count as the entity's one term.

    Args:
        mentions: from :func:`helpers.entities.entity_mentions` (``entity`` and
            ``mention`` columns).

    Returns:
        Columns ``expression`` (the form as written), ``term``
        (:func:`entity_term` of its entity), ``tokens`` (tuple of tokens as written,
        :func:`helpers.text.tokenize`), ``reason`` and ``source`` (``article``); one
        row per distinct form, longest first. A one-token form whose term is itself
        is kept too, so that a name is never stemmed or dropped as a stop word.
    """
    columns = ["expression", "term", "tokens", "reason", "source"]
    if not {"entity", "mention"} <= set(mentions.columns):
        raise HelpersError(
            "entity_expressions needs the columns 'entity' and 'mention'; pass "
            "helpers.entities.entity_mentions(paragraphs)."
        )
    pairs = mentions[["mention", "entity"]].drop_duplicates("mention")
    rows = []
    for form, entity in zip(pairs["mention"], pairs["entity"]):
        tokens = tuple(tokenize(str(form)))
        if tokens:
            rows.append(
                (form, entity_term(entity), tokens, f"a form of {entity}", "article")
            )
    table = pd.DataFrame(rows, columns=columns)
    order = table["tokens"].map(len).sort_values(ascending=False, kind="stable")
    return table.loc[order.index].reset_index(drop=True)


def merge_multiwords(
    tokens: pd.DataFrame, *, expressions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """A token table in which each listed multi-word expression is one row.

    How to read it: *Kerja sama Korea Utara* gives two rows, ``Kerja sama`` and
    ``Korea Utara``, instead of four; counts of words and n-grams built on the result
    treat each expression as one term.

    Args:
        tokens: from :func:`helpers.tokens_table` (not modified).
        expressions: the article's names (:func:`entity_expressions`), merged as
            well: each form becomes its entity's term.

    Returns:
        A new table with the same columns. A merged row has ``token`` = the surface
        words joined by a space, ``lower`` and ``stem`` = the term (lower case, not
        stemmed), ``is_stopword`` False, ``is_alpha`` and ``is_word`` True, and the
        ids (``paragraph_id``, ``sentence_id``, ``token_id``) of its first token.
        Other rows are unchanged; ``token_id`` therefore has gaps.

    Caveats: matches stay inside one sentence and never span punctuation. Word
    counts (``n_words``) must come from the unmerged table.
    """
    required = TOKEN_COLUMNS
    missing = [c for c in required if c not in tokens.columns]
    if missing:
        raise HelpersError(
            f"merge_multiwords needs column(s) {missing}; build the table with "
            "helpers.tokens_table(helpers.sentences_table(paragraphs))."
        )
    if tokens.empty:
        return tokens.copy()
    keep = [True] * len(tokens)
    replacements: dict[int, tuple[str, str]] = {}
    lower = tokens["lower"].tolist()
    surface = tokens["token"].tolist()
    positions = pd.Series(range(len(tokens)), index=tokens.index)
    for _, rows in positions.groupby(
        [tokens["paragraph_id"], tokens["sentence_id"]], sort=False
    ):
        rows = rows.tolist()
        found = find_multiwords(
            [lower[r] for r in rows],
            surface=[surface[r] for r in rows],
            expressions=expressions,
        )
        for start, end, term in found:
            first = rows[start]
            replacements[first] = (" ".join(surface[r] for r in rows[start:end]), term)
            for r in rows[start + 1 : end]:
                keep[r] = False
    if not replacements:
        return tokens.copy()
    merged = tokens.copy()
    columns = {
        name: merged.columns.get_loc(name)
        for name in ("token", "lower", "stem", "is_stopword", "is_alpha", "is_word")
    }
    for r, (text, term) in replacements.items():
        merged.iat[r, columns["token"]] = text
        merged.iat[r, columns["lower"]] = term
        merged.iat[r, columns["stem"]] = term
        merged.iat[r, columns["is_stopword"]] = False
        merged.iat[r, columns["is_alpha"]] = True
        merged.iat[r, columns["is_word"]] = True
    return merged[keep].reset_index(drop=True)


def merged_terms(merged: pd.DataFrame) -> pd.DataFrame:
    """The terms that :func:`merge_multiwords` made from several tokens or from an alias.

    Returns:
        Columns ``term`` and ``n`` (rows of the merged table holding it), most frequent
        first, then by term.
    """
    missing = [c for c in ("token", "lower") if c not in merged.columns]
    if missing:
        raise HelpersError(
            f"merged_terms needs column(s) {missing}; pass merge_multiwords(tokens)."
        )
    token = merged["token"].astype(str)
    changed = merged[token.str.contains(" ") | (token.str.lower() != merged["lower"])]
    counts = changed["lower"].value_counts()
    table = pd.DataFrame({"term": counts.index, "n": counts.to_numpy(dtype="int64")})
    return table.sort_values(["n", "term"], ascending=[False, True], ignore_index=True)


def describe_merged(terms: pd.DataFrame, *, n: int = 5) -> Prose:
    """Which names and expressions count as one term in this article (from :func:`merged_terms`)."""
    if terms.empty:
        return Prose(
            "No name or listed expression of several words occurs in this article, so "
            "every term below is a single word."
        )
    shown = ", ".join(
        f"{t} ({k})" for t, k in zip(terms["term"].head(n), terms["n"].head(n))
    )
    return Prose(
        "In this article **{k}** count as one term each; the most frequent: {shown}.",
        k=plural(len(terms), "name or expression", "names and expressions"),
        shown=shown,
    )


def describe_term_count(n_terms: int, n_words: int, n_merged: int) -> Prose:
    """Why the number of distinct terms differs from the overview's distinct words.

    Returns ``""`` (a ``Prose``) when they are equal; otherwise a parenthesis that
    says why, to sit in the same sentence as the number.
    """
    if n_terms == n_words:
        return Prose("")
    return Prose(
        " ({t} distinct terms here against {w} distinct words in the overview, "
        "because the overview counts every word of a name or expression separately, "
        "and here the {k} above each count as one term)",
        t=n_terms,
        w=n_words,
        k=plural(n_merged, "name or expression", "names and expressions"),
    )
