"""Paragraphs that restate each other: identical phrasing shared by a pair.

Cosine similarity of TF-IDF vectors (``helpers.topics.similar_pairs``) measures shared
*vocabulary*: an event paragraph and the quote about it share the same rare names and
score high without repeating anything. A restatement reuses *wording*: runs of the same
words in the same order. This module finds, for every pair of paragraphs, the runs of
at least ``min_words`` identical words (inside one sentence, punctuation breaks a run)
that both contain, and keeps a run only when it holds a content word that is not part
of a name, so that "antara Rusia dan Korea Utara" (names and function words) is not
evidence but "keseimbangan kekuatan di kawasan" is.

Written here rather than taken from a library: textacy and scikit-learn have n-gram
counts and similarity, but no pairwise shared-phrase evidence; the run finding is a few
lines over an inverted index of n-grams, so it stays linear in the article's length for
articles whose phrasing is not shared by hundreds of paragraphs.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pandas as pd

from .errors import check_positive, require_columns
from .prose import Prose, plural

COLUMNS = [
    "paragraph_a",
    "paragraph_b",
    "shared_words",
    "shared_phrases",
    "restatement",
]

_TOKEN_COLUMNS = [
    "paragraph_id",
    "sentence_id",
    "token_id",
    "token",
    "lower",
    "is_stopword",
    "is_alpha",
    "is_word",
]

#: An n-gram found in more paragraphs than this is formula, not restatement (a sign-off
#: or a boilerplate line repeated through a long article); it is not used, which also
#: keeps the number of candidate pairs bounded.
MAX_PARAGRAPHS_PER_PHRASE = 50

#: Shared words at which a pair of paragraphs is called a restatement: one three-word
#: run can be a stock phrase ("antara kedua negara"), four words or two runs are wording.
MIN_SHARED = 4


def _name_words(tokens: pd.DataFrame) -> frozenset[str]:
    """Lower-cased words written with a capital inside a sentence (not as its first word)."""
    words = tokens[tokens["is_word"]]
    first = words.groupby(["paragraph_id", "sentence_id"], sort=False)[
        "token_id"
    ].transform("min")
    inside = words[words["token_id"] != first]
    capital = inside["token"].str[:1].str.isupper()
    return frozenset(inside.loc[capital, "lower"])


def restatements(
    tokens: pd.DataFrame,
    *,
    min_words: int = 3,
    min_shared: int = MIN_SHARED,
    n_pairs: int | None = 10,
) -> pd.DataFrame:
    """Pairs of paragraphs that share identical phrasing, most shared words first.

    How to read it: ``shared_words`` 7 with ``shared_phrases`` "bukan hanya menjadi isu;
    dalam geopolitik global" means the two paragraphs contain those word runs verbatim,
    7 words in all. ``restatement`` is True when ``shared_words`` reaches ``min_shared``.

    >>> import helpers
    >>> text = ("Judul\\n\\nHarga beras naik tajam di pasar induk. Pedagang mengeluh.\\n\\n"
    ...         "Menurut Ani, harga beras naik tajam di pasar induk sejak Senin.\\n")
    >>> paragraphs = helpers.paragraphs_table(helpers.parse_article(text))
    >>> table = restatements(helpers.tokens_table(helpers.sentences_table(paragraphs)))
    >>> table[["paragraph_a", "paragraph_b", "shared_words", "shared_phrases"]].to_dict("records")
    [{'paragraph_a': 1, 'paragraph_b': 2, 'shared_words': 7, 'shared_phrases': 'Harga beras naik tajam di pasar induk'}]

    Args:
        tokens: the token table (``helpers.tokens_table``); one row per token.
        min_words: the shortest run that counts (3: two-word runs such as "kerja sama"
            are ordinary collocations, not restatement).
        min_shared: shared words at which a pair is called a restatement.
        n_pairs: pairs returned (None: every pair that shares a run).

    Returns:
        Columns ``paragraph_a`` < ``paragraph_b``, ``shared_words`` (words of paragraph
        a inside the shared runs, counted on both sides and the smaller kept),
        ``shared_phrases`` (the runs as they read in paragraph a, in order, joined with
        "; "), ``restatement`` (bool). Fixed columns, even with no rows.
    """
    require_columns(
        tokens,
        _TOKEN_COLUMNS,
        caller="restatements",
        fix="Build it with helpers.tokens_table(helpers.sentences_table(paragraphs)).",
    )
    check_positive("min_words", min_words)
    check_positive("min_shared", min_shared)
    if n_pairs is not None:
        check_positive("n_pairs", n_pairs)
    ordered = tokens.sort_values(
        ["paragraph_id", "sentence_id", "token_id"], kind="stable"
    )
    names = _name_words(ordered)
    paragraph = ordered["paragraph_id"].to_numpy()
    sentence = ordered["sentence_id"].to_numpy()
    lower = ordered["lower"].tolist()
    surface = ordered["token"].tolist()
    is_word = ordered["is_word"].to_numpy()
    topic = (
        ordered["is_word"]
        & ordered["is_alpha"]
        & ~ordered["is_stopword"]
        & ~ordered["lower"].isin(names)
    ).to_numpy()
    # n-gram -> {paragraph: [start positions]}, over runs of word tokens in one sentence.
    places: defaultdict[tuple, defaultdict[int, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    run = 0
    for i in range(len(lower)):
        same = (
            i > 0
            and paragraph[i] == paragraph[i - 1]
            and sentence[i] == sentence[i - 1]
        )
        run = run + 1 if is_word[i] and same else (1 if is_word[i] else 0)
        if run >= min_words:
            start = i - min_words + 1
            places[tuple(lower[start : i + 1])][int(paragraph[i])].append(start)
    shared: defaultdict[tuple[int, int], list[tuple]] = defaultdict(list)
    for gram, where in places.items():
        if 2 <= len(where) <= MAX_PARAGRAPHS_PER_PHRASE:
            for a, b in combinations(sorted(where), 2):
                shared[(a, b)].append(gram)
    rows = []
    for (a, b), grams in shared.items():
        runs_a = _runs(
            [s for g in grams for s in places[g][a]], min_words, topic, surface
        )
        runs_b = _runs(
            [s for g in grams for s in places[g][b]], min_words, topic, surface
        )
        if runs_a and runs_b:
            words = min(sum(len(r) for r in runs_a), sum(len(r) for r in runs_b))
            rows.append(
                (
                    a,
                    b,
                    words,
                    "; ".join(" ".join(r) for r in runs_a),
                    words >= min_shared,
                )
            )
    table = pd.DataFrame(rows, columns=COLUMNS).astype(
        {
            "paragraph_a": "int64",
            "paragraph_b": "int64",
            "shared_words": "int64",
            "restatement": "bool",
        }
    )
    table = table.sort_values(
        ["shared_words", "paragraph_a", "paragraph_b"],
        ascending=[False, True, True],
        ignore_index=True,
    )
    return table if n_pairs is None else table.head(n_pairs)


def _runs(starts: list[int], n: int, topic, surface) -> list[list[str]]:
    """Maximal runs of positions covered by n-grams starting at ``starts``, kept when they
    hold a topic word; each run as its list of words."""
    covered = sorted({s + k for s in starts for k in range(n)})
    runs, current = [], []
    for position in covered:
        if current and position != current[-1] + 1:
            runs.append(current)
            current = []
        current.append(position)
    if current:
        runs.append(current)
    return [[surface[p] for p in r] for r in runs if any(topic[p] for p in r)]


def describe_restatements(
    table: pd.DataFrame,
    *,
    min_shared: int = MIN_SHARED,
    closest: pd.DataFrame | None = None,
) -> Prose:
    """Sentences on the pairs that restate each other, quoting the shared runs.

    Args:
        table: from :func:`restatements`, most shared words first.
        min_shared: the cut used to build ``table`` (quoted in the text).
        closest: optionally, the most similar pairs by vocabulary
            (``helpers.topics.similar_pairs``): the text then says whether the pair
            with the most similar vocabulary also shares wording.
    """
    require_columns(
        table,
        COLUMNS,
        caller="describe_restatements",
        fix="Pass the table from restatements().",
    )
    flagged = table[table["restatement"]]
    if flagged.empty:
        first = Prose(
            "**No paragraph restates another:** no two paragraphs share {k} or more words of identical "
            "phrasing with a content word in it.",
            k=min_shared,
        )
    else:
        top = flagged.iloc[0]
        runs = top["shared_phrases"].split("; ")
        quoted = Prose(
            "; ".join(f"*{{p{i}}}*" for i in range(len(runs))),
            **{f"p{i}": r for i, r in enumerate(runs)},
        )
        first = Prose(
            "**{n}** of paragraphs {verb} at least {k} words of identical phrasing. The strongest: paragraphs "
            "**{a}** and **{b}** share {w} words: {phrases}.",
            n=plural(len(flagged), "pair"),
            verb=plural(len(flagged), "shares", "share", with_count=False),
            k=min_shared,
            a=int(top["paragraph_a"]),
            b=int(top["paragraph_b"]),
            w=int(top["shared_words"]),
            phrases=quoted,
        )
    if closest is None or closest.empty or not closest.iloc[0]["similarity"] > 0:
        return first
    near = closest.iloc[0]
    a, b = sorted((int(near["document_a"]), int(near["document_b"])))
    same = flagged[(flagged["paragraph_a"] == a) & (flagged["paragraph_b"] == b)]
    second = Prose(
        "The pair with the most similar vocabulary, paragraphs {a} and {b} (cosine {s}), {verdict}.",
        a=a,
        b=b,
        s=f"{near['similarity']:.2f}",
        verdict=(
            "is one of them"
            if len(same)
            else "shares no such wording: related subject matter (names, shared rare words), not repetition"
        ),
    )
    return Prose("{first} {second}", first=first, second=second)


def describe_takeaway(table: pd.DataFrame, *, min_shared: int = MIN_SHARED) -> Prose:
    """The takeaway bullet (Markdown list item) on restatements, from :func:`restatements`."""
    require_columns(
        table,
        COLUMNS,
        caller="describe_takeaway",
        fix="Pass the table from restatements().",
    )
    flagged = table[table["restatement"]]
    if flagged.empty:
        return Prose(
            "* No paragraph restates another (no pair shares {k} or more words of identical phrasing).",
            k=min_shared,
        )
    top = flagged.iloc[0]
    return Prose(
        "* Restatements: {n} of paragraphs {verb} {k} or more words of identical phrasing; the strongest, "
        "paragraphs **{a}** and **{b}**, share *{shared}*.",
        n=plural(len(flagged), "pair"),
        verb=plural(len(flagged), "shares", "share", with_count=False),
        k=min_shared,
        a=int(top["paragraph_a"]),
        b=int(top["paragraph_b"]),
        shared=top["shared_phrases"],
    )
