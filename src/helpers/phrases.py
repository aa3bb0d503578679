"""Phrases: content-word n-grams, collocations, repeated phrasing and concordance.

All functions take the token table from :func:`helpers.tokens_table` (one row per
token with ``paragraph_id``, ``sentence_id``, ``token``, ``lower``, ``stem``,
``is_stopword``, ``is_alpha``, ``is_word``) and return new tables.

Conventions
-----------
* N-grams never cross a sentence boundary.
* A *content-word n-gram* is ``n`` **adjacent** tokens that are all content words
  (letters only, not stop words). Stop words and punctuation break an n-gram instead
  of being skipped, so ``kerja sama`` is not glued to the next noun across ``dan``.
* Repeated phrasing uses *all* words (stop words included), because formulaic
  phrasing (``tidak hanya ... tetapi juga``, ``dengan demikian``) is made of them.

References
----------
* Church, K. W. & Hanks, P. (1990). Word association norms, mutual information, and
  lexicography. *Computational Linguistics* 16(1), 22-29 (PMI).
* Dunning, T. (1993). Accurate methods for the statistics of surprise and
  coincidence. *Computational Linguistics* 19(1), 61-74 (log-likelihood G²).
* Bonferroni correction for many simultaneous tests: e.g. Dunn, O. J. (1961).
  Multiple comparisons among means. *JASA* 56, 52-64.
* Manning, C. D. & Schütze, H. (1999). *Foundations of Statistical Natural Language
  Processing*, ch. 5 (collocations; why a minimum frequency is needed for PMI).
* Indonesian correlative conjunctions (*konjungsi korelatif*): Alwi et al. (2003),
  *Tata Bahasa Baku Bahasa Indonesia*, 3rd ed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
from scipy.stats import chi2

from .errors import OptionError, check_option, invalid_value_msg, require_columns
from .prose import Prose, join, plural

#: Minimum bigram frequency for collocations: PMI rewards rare pairs (two words seen
#: once, together, get the highest score), so pairs seen once are not ranked.
MIN_COLLOCATION_FREQ = 2

#: Correlative frames (konjungsi korelatif) that signal formulaic argument. Each is a
#: regular expression over a lower-cased sentence; ``...`` in the label is any text.
CORRELATIVE_FRAMES = {
    "tidak hanya ... tetapi/namun/melainkan juga": r"\btidak hanya\b.*?\b(?:tetapi|tapi|namun|melainkan)\s+juga\b",
    "bukan hanya ... tetapi/namun/melainkan juga": r"\bbukan hanya\b.*?\b(?:tetapi|tapi|namun|melainkan)\s+juga\b",
    "baik ... maupun": r"\bbaik\b.*?\bmaupun\b",
    "bukan ... melainkan": r"\bbukan\b(?! hanya).*?\bmelainkan\b",
    "meskipun ... tetapi": r"\b(?:meskipun|walaupun)\b.*?\b(?:tetapi|namun)\b",
}


def _require(tokens: pd.DataFrame, columns, caller: str) -> None:
    require_columns(
        tokens,
        columns,
        caller=caller,
        fix="Build it with helpers.tokens_table(helpers.sentences_table(paragraphs)).",
    )


_TOKEN_COLUMNS = [
    "paragraph_id",
    "sentence_id",
    "token",
    "lower",
    "is_stopword",
    "is_alpha",
    "is_word",
]


def _sentence_groups(tokens: pd.DataFrame):
    """(paragraph_id, sentence_id, sub-table) per sentence, in order."""
    for (pid, sid), group in tokens.groupby(["paragraph_id", "sentence_id"], sort=True):
        yield pid, sid, group


# --- content n-grams -------------------------------------------------------------


def content_ngrams(
    tokens: pd.DataFrame, *, n: int = 2, min_count: int = 1
) -> pd.DataFrame:
    """Counts of n-grams of adjacent content words.

    How to read it: ``pakta pertahanan`` with ``count`` 6 and ``n_paragraphs`` 6 means
    the two words stand side by side six times, in six different paragraphs.

    Args:
        tokens: the token table.
        n: words per n-gram (2 = bigrams, 3 = trigrams).
        min_count: keep n-grams seen at least this often.

    Returns:
        Columns ``ngram`` (lower-case words joined by spaces), ``count``,
        ``n_paragraphs``, sorted by ``count`` descending then ``ngram``.
    """
    _require(tokens, _TOKEN_COLUMNS, "content_ngrams")
    if n < 1:
        raise OptionError(invalid_value_msg("n", n, "a whole number of 1 or more"))
    counts: Counter[str] = Counter()
    paragraphs: defaultdict[str, set] = defaultdict(set)
    # One pass over whole columns (sentences in order, as groupby would give them);
    # a per-sentence groupby cost seconds on long articles. An n-gram stays inside a
    # sentence: its first and last words have the same (paragraph, sentence) key.
    ordered = tokens.sort_values(["paragraph_id", "sentence_id"], kind="stable")
    is_content = (ordered["is_alpha"] & ~ordered["is_stopword"]).tolist()
    words = ordered["lower"].tolist()
    pids = ordered["paragraph_id"].tolist()
    keys = list(zip(pids, ordered["sentence_id"].tolist()))
    for i in range(len(words) - n + 1):
        if keys[i] == keys[i + n - 1] and all(is_content[i : i + n]):
            gram = " ".join(words[i : i + n])
            counts[gram] += 1
            paragraphs[gram].add(pids[i])
    table = pd.DataFrame(
        [(g, c, len(paragraphs[g])) for g, c in counts.items() if c >= min_count],
        columns=["ngram", "count", "n_paragraphs"],
    )
    return table.sort_values(
        ["count", "ngram"], ascending=[False, True], ignore_index=True
    ).astype({"count": "int64", "n_paragraphs": "int64"})


# --- collocations ----------------------------------------------------------------


def collocations(
    tokens: pd.DataFrame,
    *,
    min_freq: int = MIN_COLLOCATION_FREQ,
    measure: str = "log_likelihood",
) -> pd.DataFrame:
    """Two-word collocations of adjacent content words, ranked by an association score.

    Counts come from all adjacent word pairs inside sentences (stop words included),
    so the marginal counts are honest; only pairs of two content words are ranked.
    With ``N`` word pairs, ``c1`` pairs starting with word 1, ``c2`` pairs ending with
    word 2 and ``n`` pairs of exactly (word 1, word 2):

    * ``pmi`` = log2(n·N / (c1·c2)): how many times more often the pair occurs than if
      the words were independent, in bits. High for rare, exclusive pairs.
    * ``log_likelihood`` = Dunning's G² on the 2×2 contingency table: how surprising
      the pair count is under independence. It favours pairs that are both frequent
      and exclusive. **Read it as a ranking.** Its chi-square p-value (1 df) is
      approximate for counts as small as 2, and many pairs are tested at once, so
      ``p_bonferroni`` multiplies each p-value by the number of tests ``m``: every
      distinct adjacent content-word pair in the text (the pairs seen fewer than
      ``min_freq`` times were looked at too, so they count). A pair is significant
      at level alpha only when ``p_bonferroni < alpha``.

    Args:
        tokens: the token table.
        min_freq: rank only pairs seen at least this often (default
            :data:`MIN_COLLOCATION_FREQ`; PMI is unreliable for pairs seen once).
        measure: ``log_likelihood`` or ``pmi``: the sort key.

    Returns:
        Columns ``bigram``, ``word1``, ``word2``, ``n``, ``c1``, ``c2``, ``pmi``,
        ``log_likelihood``, ``p_value`` (chi-square, 1 df, uncorrected),
        ``p_bonferroni`` (``min(1, p_value × m)``), ``n_tests`` (``m``); sorted by
        ``measure`` descending, then ``bigram``.
    """
    _require(tokens, _TOKEN_COLUMNS, "collocations")
    check_option("measure", measure, ("log_likelihood", "pmi"))
    if min_freq < 1:
        raise OptionError(
            invalid_value_msg("min_freq", min_freq, "a whole number of 1 or more")
        )
    pairs: list[tuple[str, str, bool]] = []
    for _, _, group in _sentence_groups(tokens[tokens["is_word"]]):
        words = group["lower"].tolist()
        content = (group["is_alpha"] & ~group["is_stopword"]).tolist()
        pairs.extend(
            (words[i], words[i + 1], content[i] and content[i + 1])
            for i in range(len(words) - 1)
        )
    columns = [
        "bigram",
        "word1",
        "word2",
        "n",
        "c1",
        "c2",
        "pmi",
        "log_likelihood",
        "p_value",
        "p_bonferroni",
        "n_tests",
    ]
    if not pairs:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(pairs, columns=["word1", "word2", "content"])
    total = len(frame)
    c1 = frame["word1"].value_counts()
    c2 = frame["word2"].value_counts()
    table = (
        frame[frame["content"]]
        .groupby(["word1", "word2"])
        .size()
        .rename("n")
        .reset_index()
    )
    n_tests = len(table)  # every distinct content pair was a candidate
    table = table[table["n"] >= min_freq].reset_index(drop=True)
    if table.empty:
        return pd.DataFrame(columns=columns)
    table["c1"] = table["word1"].map(c1).astype("int64")
    table["c2"] = table["word2"].map(c2).astype("int64")
    table["bigram"] = table["word1"] + " " + table["word2"]
    n, a, b = (table[c].to_numpy(dtype="float64") for c in ("n", "c1", "c2"))
    table["pmi"] = np.log2(n * total / (a * b))
    table["log_likelihood"] = log_likelihood(n, a, b, total)
    table["p_value"] = chi2.sf(table["log_likelihood"].to_numpy(), df=1)
    table["p_bonferroni"] = np.minimum(1.0, table["p_value"] * n_tests)
    table["n_tests"] = n_tests
    return table[columns].sort_values(
        [measure, "bigram"], ascending=[False, True], ignore_index=True
    )


def log_likelihood(n, c1, c2, total) -> np.ndarray:
    """Dunning's G² for 2×2 tables given pair count, marginals and total (vectorised).

    Equal to ``scipy.stats.chi2_contingency(table, lambda_="log-likelihood",
    correction=False)``'s statistic; hand-written so thousands of pairs are scored in
    one numpy expression instead of one scipy call each.
    """
    n, c1, c2 = (np.asarray(x, dtype="float64") for x in (n, c1, c2))
    observed = np.stack([n, c1 - n, c2 - n, total - c1 - c2 + n])
    row = np.stack([c1, c1, total - c1, total - c1])
    col = np.stack([c2, total - c2, c2, total - c2])
    expected = row * col / total
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return 2.0 * terms.sum(axis=0)


# --- repetition ------------------------------------------------------------------


def _word_rows(tokens: pd.DataFrame) -> pd.DataFrame:
    return tokens.loc[
        tokens["is_word"],
        ["paragraph_id", "sentence_id", "lower", "is_stopword", "is_alpha"],
    ]


def repeated_phrases(
    tokens: pd.DataFrame, *, min_n: int = 2, max_n: int = 8, min_paragraphs: int = 2
) -> pd.DataFrame:
    """Word sequences that recur in different paragraphs (maximal ones only).

    How to read it: ``keseimbangan kekuatan di kawasan`` with ``n_paragraphs`` 2 is a
    four-word phrase used in two paragraphs. Only *maximal* phrases are listed: a
    shorter phrase is dropped when every one of its occurrences is inside a longer
    listed phrase. Two-word phrases made only of stop words (``dan juga``) are
    dropped as noise, but longer ones are kept (``tidak hanya itu``).

    Args:
        tokens: the token table.
        min_n, max_n: phrase lengths in words.
        min_paragraphs: the phrase must occur in at least this many paragraphs.

    Returns:
        Columns ``phrase``, ``n_words``, ``count`` (occurrences), ``n_paragraphs``,
        ``paragraph_ids`` (sorted, joined with ``", "``); sorted by ``n_words`` × ``count``
        descending, then ``phrase``.
    """
    _require(tokens, _TOKEN_COLUMNS, "repeated_phrases")
    if not 1 <= min_n <= max_n:
        raise OptionError(
            f"Invalid phrase lengths min_n={min_n!r}, max_n={max_n!r}. Use 1 <= min_n <= max_n."
        )
    occurrences = _repeated_occurrences(
        tokens, min_n=min_n, max_n=max_n, min_paragraphs=min_paragraphs
    )
    columns = ["phrase", "n_words", "count", "n_paragraphs", "paragraph_ids"]
    rows = []
    for phrase, places in occurrences.items():
        pids = sorted({pid for pid, _ in places})
        rows.append(
            (
                phrase,
                len(phrase.split()),
                len(places),
                len(pids),
                ", ".join(map(str, pids)),
            )
        )
    table = pd.DataFrame(rows, columns=columns)
    if table.empty:
        return table
    table["weight"] = table["n_words"] * table["count"]
    table = table.sort_values(
        ["weight", "phrase"], ascending=[False, True], ignore_index=True
    )
    return table[columns]


def _repeated_occurrences(
    tokens: pd.DataFrame, *, min_n: int, max_n: int, min_paragraphs: int
):
    """{phrase: [(paragraph_id, start index in the word sequence), ...]} for maximal phrases."""
    words = _word_rows(tokens).reset_index(drop=True)
    lower = words["lower"].tolist()
    stop = words["is_stopword"].tolist()
    sentence = words["sentence_id"].tolist()
    paragraph = words["paragraph_id"].tolist()
    found: dict[str, list[tuple[int, int]]] = {}
    # Recurring n-grams, shortest first: an n-gram can recur in min_paragraphs
    # paragraphs only where both its (n-1)-word parts do, so each length looks only at
    # the starts that passed the length below (every occurrence of a recurring n-gram
    # is such a start). Same phrases as looking at every start, far fewer on long
    # texts (a 5,000-paragraph article: minutes before).
    recurring: dict[int, dict[tuple, list[int]]] = {}
    starts_n = [
        i
        for i in range(len(lower) - min_n + 1)
        if sentence[i] == sentence[i + min_n - 1]
    ]
    for n in range(min_n, max_n + 1):
        places: defaultdict[tuple, list[int]] = defaultdict(list)
        for i in starts_n:
            places[tuple(lower[i : i + n])].append(i)
        recurring[n] = {
            gram: starts
            for gram, starts in places.items()
            if len({paragraph[i] for i in starts}) >= min_paragraphs
        }
        passed = {i for starts in recurring[n].values() for i in starts}
        starts_n = [i for i in sorted(passed) if i + 1 in passed and i + n < len(lower)]
    # furthest[s] = end of the longest phrase already found that starts at word s;
    # longer phrases are found first, so a check over the previous max_n starts
    # tells whether an occurrence lies inside a longer phrase.
    furthest = np.zeros(len(lower) + 1, dtype="int64")
    for n in range(max_n, min_n - 1, -1):
        new_starts = []
        for gram, starts in recurring[n].items():
            if n == 2 and all(stop[starts[0] : starts[0] + 2]):
                continue
            if all(
                furthest[max(0, i - max_n + 1) : i + 1].max() >= i + n for i in starts
            ):
                continue  # not maximal: every occurrence is inside a longer phrase
            found[" ".join(gram)] = [(paragraph[i], i) for i in starts]
            new_starts.extend(starts)
        for i in (
            new_starts
        ):  # after the loop, so phrases of equal length never hide each other
            furthest[i] = max(furthest[i], i + n)
    return found


def repeated_share(
    tokens: pd.DataFrame, *, min_n: int = 3, min_paragraphs: int = 2
) -> pd.DataFrame:
    """How much of each paragraph is phrasing repeated from another paragraph.

    How to read it: a word counts as repeated when it is inside a sequence of at least
    ``min_n`` words that also occurs in another paragraph. ``repeated_share`` 0.25
    means a quarter of the paragraph's words are such recycled phrasing. Three words
    by default because two-word names (``Korea Utara``) would otherwise count as
    repetition.

    Returns:
        Columns ``paragraph_id``, ``n_words``, ``n_repeated_words``, ``repeated_share``
        (0..1), one row per paragraph that has words, in order. The article-wide share is
        ``n_repeated_words.sum() / n_words.sum()``.
    """
    _require(tokens, _TOKEN_COLUMNS, "repeated_share")
    words = _word_rows(tokens).reset_index(drop=True)
    covered = np.zeros(len(words), dtype=bool)
    occurrences = _repeated_occurrences(
        tokens, min_n=min_n, max_n=max(min_n, 12), min_paragraphs=min_paragraphs
    )
    for phrase, places in occurrences.items():
        length = phrase.count(" ") + 1
        for _, start in places:
            covered[start : start + length] = True
    words["repeated"] = covered
    table = (
        words.groupby("paragraph_id", sort=True)
        .agg(n_words=("lower", "size"), n_repeated_words=("repeated", "sum"))
        .reset_index()
    )
    table["n_repeated_words"] = table["n_repeated_words"].astype("int64")
    table["repeated_share"] = table["n_repeated_words"] / table["n_words"]
    return table


def sentence_openers(
    tokens: pd.DataFrame, *, n_words: int = 2, min_paragraphs: int = 2
) -> pd.DataFrame:
    """Sentence openings (first ``n_words`` words) that recur in different paragraphs.

    Returns:
        Columns ``opener`` (lower case), ``count`` (sentences), ``n_paragraphs``,
        ``paragraph_ids``; sorted by ``count`` descending, then ``opener``.
    """
    _require(tokens, _TOKEN_COLUMNS, "sentence_openers")
    words = _word_rows(tokens)
    first = (
        words.groupby(["paragraph_id", "sentence_id"], sort=True)["lower"]
        .agg(lambda s: " ".join(s.head(n_words)) if len(s) >= n_words else None)
        .dropna()
        .rename("opener")
        .reset_index()
    )
    grouped = first.groupby("opener").agg(
        count=("sentence_id", "size"),
        n_paragraphs=("paragraph_id", "nunique"),
        paragraph_ids=("paragraph_id", lambda s: ", ".join(map(str, sorted(set(s))))),
    )
    table = grouped[grouped["n_paragraphs"] >= min_paragraphs].reset_index()
    return table.sort_values(
        ["count", "opener"], ascending=[False, True], ignore_index=True
    )


def correlative_frames(
    sentences: pd.DataFrame, *, frames: dict[str, str] | None = None
) -> pd.DataFrame:
    """Occurrences of discontinuous correlative frames (``tidak hanya ... tetapi juga``).

    Args:
        sentences: a table with ``paragraph_id`` and ``text`` (sentences or paragraphs).
        frames: ``{label: regex}`` over lower-cased text; :data:`CORRELATIVE_FRAMES`
            when None.

    Returns:
        Columns ``frame``, ``count``, ``n_paragraphs``, ``paragraph_ids``, one row per
        frame that occurs, sorted by ``count`` descending then ``frame``.
    """
    require_columns(
        sentences,
        ["paragraph_id", "text"],
        caller="correlative_frames",
        fix="Pass helpers.sentences_table(paragraphs).",
    )
    frames = CORRELATIVE_FRAMES if frames is None else frames
    rows = []
    for label, pattern in frames.items():
        regex = re.compile(pattern)
        pids = [
            pid
            for pid, text in zip(sentences["paragraph_id"], sentences["text"])
            for _ in regex.finditer(str(text).lower())
        ]
        if pids:
            rows.append(
                (
                    label,
                    len(pids),
                    len(set(pids)),
                    ", ".join(map(str, sorted(set(pids)))),
                )
            )
    table = pd.DataFrame(
        rows, columns=["frame", "count", "n_paragraphs", "paragraph_ids"]
    )
    return table.sort_values(
        ["count", "frame"], ascending=[False, True], ignore_index=True
    )


# --- concordance ------------------------------------------------------------------

_NO_SPACE_BEFORE = set(",.;:!?)]}”’%…")
_NO_SPACE_AFTER = set("([{“‘")


def detokenize(tokens: list[str]) -> str:
    """Join tokens with spaces, without spaces before closing punctuation or after
    opening brackets and quotes (straight quotes get a space on the outside only)."""
    out = ""
    open_quote = False  # inside a straight-quoted stretch
    glue_next = True  # no space before the next token
    for token in tokens:
        if token == '"':
            glue = glue_next or open_quote  # a closing quote hugs the text before it
            glue_next = not open_quote  # an opening quote hugs the text after it
            open_quote = not open_quote
        else:
            glue = glue_next or token in _NO_SPACE_BEFORE
            glue_next = token in _NO_SPACE_AFTER
        out += token if glue else " " + token
    return out


def kwic(
    tokens: pd.DataFrame, query: str, *, by: str = "word", window: int = 7
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word, stem or phrase with its context.

    Args:
        tokens: the token table.
        query: one word (``hutan``) or a phrase (``taman nasional``); case is
            ignored. In a merged token table a name is one row, and its term
            (``jawa barat``) finds it. A phrase matches consecutive tokens, so write
            it without punctuation.
        by: ``word`` matches the lower-case form exactly; ``stem`` matches every token
            whose stem equals the stem of each query word (``perjanjian`` also finds
            ``janji`` and ``dijanjikan``).
        window: context tokens on each side (words and punctuation), within the same
            paragraph.

    Returns:
        Columns ``paragraph_id``, ``sentence_id``, ``token_id`` (first token of the
        match), ``left``, ``keyword`` (as written in the text), ``right``; one row per
        occurrence in text order. Empty (with these columns) when nothing matches.
    """
    _require(
        tokens,
        ["paragraph_id", "sentence_id", "token_id", "token", "lower", "stem"],
        "kwic",
    )
    check_option("by", by, ("word", "stem"))
    if window < 0:
        raise OptionError(
            invalid_value_msg("window", window, "a whole number of 0 or more")
        )
    from .stemming import default_stemmer
    from .text import is_word, tokenize

    query_words = [w.lower() for w in tokenize(str(query)) if is_word(w)]
    if not query_words:
        raise OptionError(
            f"Invalid query {query!r}: it has no words. Pass a word or phrase from the article."
        )
    column = "lower" if by == "word" else "stem"
    targets = (
        query_words
        if by == "word"
        else [default_stemmer().stem(w) for w in query_words]
    )
    columns = ["paragraph_id", "sentence_id", "token_id", "left", "keyword", "right"]
    rows = []
    # A row of a merged table (helpers.multiwords.merge_multiwords) may hold a whole
    # name or expression ("korea utara"), so a match is any run of 1..k rows whose
    # values, joined by spaces, spell the query's words (hyphens read as spaces).
    target = " ".join(targets).replace("-", " ")
    whole = " ".join(query_words).replace("-", " ")
    if by == "stem" and whole != target:
        # a merged name's stem is its term, unstemmed: look it up as written
        stems = set(tokens["stem"].astype(str).str.replace("-", " "))
        target = whole if whole in stems else target
    k = len(targets)
    for _, group in tokens.groupby("paragraph_id", sort=True):
        values = [str(v).replace("-", " ") for v in group[column].tolist()]
        surface = group["token"].tolist()
        for i in range(len(values)):
            width = _match_width(values, i, target, k)
            if width:
                rows.append(
                    (
                        group["paragraph_id"].iat[i],
                        group["sentence_id"].iat[i],
                        group["token_id"].iat[i],
                        detokenize(surface[max(0, i - window) : i]),
                        detokenize(surface[i : i + width]),
                        detokenize(surface[i + width : i + width + window]),
                    )
                )
    return pd.DataFrame(rows, columns=columns).astype(
        {"paragraph_id": "int64", "sentence_id": "int64", "token_id": "int64"}
    )


def _match_width(values: list[str], i: int, target: str, k: int) -> int:
    """How many rows from ``i`` spell ``target`` (0 when none); at most ``k`` rows."""
    joined = ""
    for width in range(1, min(k, len(values) - i) + 1):
        joined = values[i] if width == 1 else joined + " " + values[i + width - 1]
        if joined == target:
            return width
        if not target.startswith(joined + " "):
            return 0
    return 0


# --- describe: prose for the notebook ------------------------------------------------
# Each returns a helpers.prose.Prose: plain text as a str, escaped Markdown via notebook.md.


def describe_collocations(collocations: pd.DataFrame, *, alpha: float = 0.05) -> Prose:
    """Two sentences after the top collocation: does PMI agree, and what survives Bonferroni.

    Args:
        collocations: from :func:`collocations` (``bigram``, ``n``, ``pmi``,
            ``p_bonferroni``, ``n_tests``), ranked, not empty.
        alpha: significance level for ``p_bonferroni``.

    Returns:
        A :class:`~helpers.prose.Prose`.
    """
    if collocations.empty:
        raise ValueError(
            "describe_collocations needs at least one ranked collocation; check collocations.empty first."
        )
    n_tests = int(collocations["n_tests"].iloc[0])
    n_significant = int((collocations["p_bonferroni"] < alpha).sum())
    top = collocations.iloc[0]
    by_pmi = collocations.sort_values(["pmi", "bigram"], ascending=[False, True]).iloc[
        0
    ]
    if len(collocations) == 1:
        pmi_text = Prose("It is the only pair seen often enough to rank.")
    elif by_pmi["bigram"] == top["bigram"]:
        pmi_text = Prose(
            "It also has the highest PMI ({pmi:.1f} bits): both scores agree on the top pair.",
            pmi=by_pmi["pmi"],
        )
    else:
        pmi_text = Prose(
            "By PMI the top pair is {bigram} ({pmi:.1f} bits, seen {n} times), whose words rarely "
            "occur apart.",
            bigram=by_pmi["bigram"],
            pmi=by_pmi["pmi"],
            n=int(by_pmi["n"]),
        )
    if n_significant:
        kept = (
            Prose(
                "the only ranked pair remains significant at {alpha} (adjusted p < {alpha})",
                alpha=alpha,
            )
            if len(collocations) == 1
            else Prose(
                "{k} of the {n} ranked pairs remain significant at {alpha} (adjusted p < {alpha})",
                k=n_significant,
                n=len(collocations),
                alpha=alpha,
            )
        )
        rest = Prose(
            "{kept}; the p-values are approximate for counts this small, so the order matters more than "
            "the cut.",
            kept=kept,
        )
    else:
        rest = Prose(
            "none of the {n} ranked pairs is significant at {alpha}; the ranking is descriptive.",
            n=len(collocations),
            alpha=alpha,
        )
    sig_text = Prose(
        "After a Bonferroni correction for the {m} content-word pairs in the text, {rest}",
        m=n_tests,
        rest=rest,
    )
    return join([pmi_text, sig_text])


def describe_frames(frames: pd.DataFrame) -> Prose:
    """One sentence on correlative frames (``''`` when there are none).

    Args:
        frames: from :func:`correlative_frames` (``frame``, ``count``), most frequent first.
    """
    if frames.empty:
        return Prose("")
    return Prose(
        "Correlative frames occur {n} times in total, most often {frame}.",
        n=int(frames["count"].sum()),
        frame=frames["frame"].iloc[0],
    )


def describe_repetition(
    repetition: pd.DataFrame, frames: pd.DataFrame, *, min_n: int = 3
) -> Prose:
    """How much phrasing recurs across paragraphs (the share is in bold in the Markdown).

    Args:
        repetition: from :func:`repeated_share` with the same ``min_n``.
        frames: from :func:`correlative_frames`.
        min_n: shortest phrase counted as repeated (quoted in the text).

    Returns:
        A :class:`~helpers.prose.Prose`. With no repeated phrasing the text says the article
        does not recycle its phrasing; otherwise it gives the article-wide share and the
        most recycled paragraph(s).
    """
    frames_text = describe_frames(frames)
    if repetition["n_repeated_words"].sum() == 0:
        return Prose(
            "No phrase of {k}+ words recurs in another paragraph: the article does not recycle "
            "its phrasing. {frames_text}",
            k=min_n,
            frames_text=frames_text,
        )
    overall = repetition["n_repeated_words"].sum() / max(repetition["n_words"].sum(), 1)
    top_share = repetition["repeated_share"].max()
    most = (
        repetition[repetition["repeated_share"] == top_share]["paragraph_id"]
        .astype(int)
        .tolist()
    )
    template = (
        "**{share}** of the article's words sit inside phrases of {k}+ words that recur in another "
        "paragraph. The most recycled {which} ({pshare} of {its} words). {frames_text}"
    )
    which = " ".join(
        [
            plural(len(most), "paragraph", with_count=False),
            plural(len(most), "is", "are", with_count=False),
            ", ".join(map(str, most)),
        ]
    )
    return Prose(
        template,
        share=f"{overall:.0%}",
        k=min_n,
        which=which,
        its=plural(len(most), "its", "their", with_count=False),
        pshare=f"{top_share:.0%}",
        frames_text=frames_text,
    )


def _top_ngram_names(table: pd.DataFrame) -> tuple[str, int, int]:
    """Every n-gram tied at the top count (so a tie is never one winner): names, count, k."""
    top = table[table["count"] == table["count"].max()]
    names = ", ".join(top["ngram"].head(3)) + (
        f" and {len(top) - 3} more" if len(top) > 3 else ""
    )
    return names, int(top["count"].iloc[0]), len(top)


def describe_ngrams(
    repeated_bigrams: pd.DataFrame, repeated_trigrams: pd.DataFrame
) -> Prose:
    """How many content bigrams and trigrams recur, and the most frequent ones.

    Args:
        repeated_bigrams, repeated_trigrams: :func:`content_ngrams` rows seen at least
            twice (n = 2 and 3).
    """
    parts = []
    for table, noun, verbs in (
        (repeated_bigrams, "content bigram", ("occurs", "occur")),
        (repeated_trigrams, "content trigram", ("recurs", "recur")),
    ):
        if table.empty:
            parts.append(Prose("No {noun} occurs more than once.", noun=noun))
            continue
        names, count, k = _top_ngram_names(table)
        parts.append(
            Prose(
                "{what} {verb} more than once; the most frequent {be} {names} "
                "({count} times{each}).",
                what=plural(len(table), noun),
                verb=plural(len(table), *verbs, with_count=False),
                be=plural(k, "is", "are", with_count=False),
                names=names,
                count=count,
                each="" if k == 1 else " each",
            )
        )
    return join(parts)


def describe_kwic(rows: pd.DataFrame, term: str) -> Prose:
    """How often a concordance term occurs, where, and the word that most often follows.

    Args:
        rows: :func:`kwic` rows for ``term`` (not empty).
        term: the query.
    """
    if rows.empty:
        return Prose("*{term}* does not occur in this article.", term=term)
    next_words = rows["right"].str.split().str[0].str.lower()
    next_words = next_words[next_words.str.contains(r"\w", na=False)].value_counts()
    if len(next_words) and next_words.iloc[0] >= 2:
        after = Prose(
            "the word after it is most often *{w}* ({n} times).",
            w=next_words.index[0],
            n=int(next_words.iloc[0]),
        )
    else:
        after = Prose("no word follows it more than once.")
    return Prose(
        "*{term}* occurs {times} in {where}; {after}",
        term=term,
        times="once" if len(rows) == 1 else f"{len(rows)} times",
        where=plural(rows["paragraph_id"].nunique(), "paragraph"),
        after=after,
    )


def summarise_collocations(
    collocations: pd.DataFrame,
    *,
    alpha: float = 0.05,
    min_freq: int = MIN_COLLOCATION_FREQ,
) -> Prose:
    """One takeaway sentence on the top collocation and how many pairs stay significant."""
    if collocations.empty:
        return Prose(
            "No content-word pair occurs {k}+ times, so no collocation is ranked.",
            k=min_freq,
        )
    top = collocations.iloc[0]
    n_significant = int((collocations["p_bonferroni"] < alpha).sum())
    if len(collocations) > 1:
        verdict = Prose(
            "{s} of {n} ranked pairs stay", s=n_significant, n=len(collocations)
        )
    else:
        verdict = Prose("it stays" if n_significant else "it does not stay")
    return Prose(
        "The top-ranked collocation by G² is {bigram} (G² {g2:.1f}, seen {n} times); "
        "{verdict} significant after a Bonferroni correction.",
        bigram=top["bigram"],
        g2=float(top["log_likelihood"]),
        n=int(top["n"]),
        verdict=verdict,
    )


def summarise_repetition(
    repetition: pd.DataFrame, openers: pd.DataFrame, *, min_n: int = 3
) -> Prose:
    """One takeaway sentence on repeated phrasing and recurring sentence openers."""
    repeated = int(repetition["n_repeated_words"].sum())
    if repeated:
        share = repeated / max(int(repetition["n_words"].sum()), 1)
        main = Prose(
            "{share:.0%} of the words sit inside {k}+-word phrases that recur in another "
            "paragraph.",
            share=share,
            k=min_n,
        )
    else:
        main = Prose("No {k}+-word phrase recurs across paragraphs.", k=min_n)
    if openers.empty:
        return main
    return join(
        [
            main,
            Prose(
                "Recurring sentence openers: {o}.",
                o=", ".join(openers["opener"].head(3)),
            ),
        ]
    )
