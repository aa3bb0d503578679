"""Text statistics for Indonesian: counts, lexical diversity, syllables, readability.

Everything takes the tidy tables from :mod:`helpers.text` (``paragraphs``,
``sentences``, ``tokens``) and returns numbers or new tables; inputs are never
modified. A *word* is a token with a letter or digit (``tokens["is_word"]``), the same
definition as ``paragraphs.csv``'s ``n_words``. Diversity measures are computed on
lower-cased words.

References
----------
* Type-token ratio and its length dependence: Tweedie, F. J. & Baayen, R. H. (1998).
  How variable may a constant be? Measures of lexical richness in perspective.
  *Computers and the Humanities* 32, 323-352.
* MTLD and HD-D: McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: A
  validation study of sophisticated approaches to lexical diversity assessment.
  *Behavior Research Methods* 42(2), 381-392.
* Indonesian syllable structure (vowel nuclei; ai, au, oi, ei as diphthongs):
  *Tata Bahasa Baku Bahasa Indonesia* (Alwi et al., Balai Pustaka, 3rd ed. 2003) and
  the spelling rules *Pedoman Umum Ejaan Bahasa Indonesia* (EYD).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy.stats import hypergeom

from .errors import OptionError, invalid_value_msg, require_columns
from .prose import Prose, join

#: Indonesian vowels (nuclei). ``y`` and ``w`` are semivowels, never nuclei.
VOWELS = frozenset("aeiouéèê")
#: Diphthongs counted as one nucleus (EYD: ai, au, oi, ei).
DIPHTHONGS = ("ai", "au", "oi", "ei")
#: MTLD needs at least this many words: McCarthy & Jarvis (2010) validate it on texts
#: of 100+ words; below that a handful of factors (often none complete) decide it.
MTLD_MIN_WORDS = 100
#: HD-D needs at least its sample size in words (a 42-word sample cannot be drawn
#: from a shorter text).
HDD_SAMPLE_SIZE = 42
#: A word with at least this many syllables counts as long (see :func:`readability_table`).
LONG_WORD_SYLLABLES = 4

_DIPHTHONG_RE = re.compile("|".join(DIPHTHONGS) + "|[" + "".join(sorted(VOWELS)) + "]")


# --- words ------------------------------------------------------------------------


def words_of(tokens: pd.DataFrame) -> list[str]:
    """Lower-cased word tokens (letters or digits) in text order."""
    _require(tokens, ["lower", "is_word"], "words_of")
    return tokens.loc[tokens["is_word"], "lower"].tolist()


def content_words(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens that carry content: letters only and not a stop word (a filtered copy)."""
    _require(tokens, ["is_alpha", "is_stopword"], "content_words")
    return tokens[tokens["is_alpha"] & ~tokens["is_stopword"]].copy()


# --- lexical diversity ------------------------------------------------------------


def ttr(words: Sequence[str]) -> float:
    """Type-token ratio: distinct words / words.

    How to read it: 1.0 means no word repeats; lower means more repetition. It falls
    as a text gets longer (every new word is more likely to be a repeat), so compare
    TTR only between texts of similar length; use :func:`mtld` otherwise.

    Returns NaN for an empty sequence.
    """
    words = list(words)
    return len(set(words)) / len(words) if words else math.nan


def _mtld_pass(words: Iterable[str], threshold: float) -> float:
    # Hand-written: the algorithm is a dozen lines, and no pinned dependency has it.
    factors = 0.0
    types: set[str] = set()
    n_segment = 0
    n_total = 0
    segment_ttr = 1.0
    for word in words:
        n_total += 1
        n_segment += 1
        types.add(word)
        segment_ttr = len(types) / n_segment
        if segment_ttr <= threshold:
            factors += 1.0
            types.clear()
            n_segment = 0
    if n_segment:
        factors += (1.0 - segment_ttr) / (1.0 - threshold)
    return n_total / factors if factors else math.nan


def mtld(
    words: Sequence[str], *, threshold: float = 0.72, min_words: int = MTLD_MIN_WORDS
) -> float:
    """Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010).

    How to read it: the mean length, in words, of stretches of text whose running TTR
    stays above ``threshold``. Higher means more varied vocabulary. Unlike TTR it is
    largely independent of text length for texts of 100 words or more. It is the
    mean of a forward and a backward pass; a final incomplete stretch counts as a
    partial factor ``(1 - ttr) / (1 - threshold)``.

    Args:
        words: lower-cased words in text order.
        threshold: the TTR at which a factor ends (0.72 in the paper).
        min_words: fewer words than this give NaN (default :data:`MTLD_MIN_WORDS`,
            100, the length McCarthy & Jarvis recommend as a minimum). Below it the
            value rests on one or two partial factors and can exceed the text's own
            length, which reads as nonsense.

    Returns:
        A float, or NaN when the text has fewer than ``min_words`` words or no word
        repeats at all.
    """
    if not 0 < threshold < 1:
        raise OptionError(
            invalid_value_msg(
                "threshold", threshold, "a number between 0 and 1 (0.72 is standard)"
            )
        )
    if min_words < 1:
        raise OptionError(
            invalid_value_msg(
                "min_words", min_words, "a whole number of 1 or more (100 is standard)"
            )
        )
    words = list(words)
    if len(words) < min_words:
        return math.nan
    forward, backward = (
        _mtld_pass(words, threshold),
        _mtld_pass(reversed(words), threshold),
    )
    return (forward + backward) / 2


def hdd(words: Sequence[str], *, sample_size: int = HDD_SAMPLE_SIZE) -> float:
    """HD-D lexical diversity (McCarthy & Jarvis 2010), via the hypergeometric distribution.

    How to read it: the expected TTR of a random ``sample_size``-word sample drawn
    from the text, between 0 and 1; higher means more varied vocabulary. Length-robust.

    Returns:
        A float, or NaN when the text has fewer than ``sample_size`` words.
    """
    words = list(words)
    if len(words) < sample_size:
        return math.nan
    counts = np.array(list(Counter(words).values()))
    p_absent = hypergeom.pmf(0, len(words), counts, sample_size)
    return float(np.sum(1.0 - p_absent) / sample_size)


# --- syllables --------------------------------------------------------------------


def count_syllables(word: str) -> int:
    """Indonesian syllables in one word, counted as vowel nuclei.

    Each vowel (a, e, i, o, u) is one nucleus, except the diphthongs ``ai``, ``au``,
    ``oi`` and ``ei``, which are one nucleus together: ``pakta`` 2, ``pertahanan`` 4,
    ``pulau`` 2, ``damai`` 2, ``kekhawatiran`` 5. Hyphenated reduplications count both
    halves (``negara-negara`` 6). Letters other than vowels are ignored, so a word with
    letters but no vowel (``dll``) counts 1; a token without letters counts 0.

    Caveat: ``ai``/``au`` across a syllable or morpheme boundary is pronounced as two
    syllables but counted as one here (``main`` ma-in and ``baik`` ba-ik count 1;
    ``mau`` is right). English spellings (``Kremlin`` is fine, ``Pierre`` is not) are
    counted by the same rule.
    """
    lower = word.lower()
    if not any(ch.isalpha() for ch in lower):
        return 0
    return max(1, len(_DIPHTHONG_RE.findall(lower)))


def syllables_column(tokens: pd.DataFrame) -> pd.Series:
    """Syllables per token (0 for punctuation and numbers), aligned with ``tokens``."""
    _require(tokens, ["token", "is_alpha"], "syllables_column")
    return pd.Series(
        [
            count_syllables(t) if alpha else 0
            for t, alpha in zip(tokens["token"], tokens["is_alpha"])
        ],
        index=tokens.index,
        dtype="int64",
        name="n_syllables",
    )


# --- tables -----------------------------------------------------------------------


def sentence_lengths(tokens: pd.DataFrame) -> pd.DataFrame:
    """Words per sentence.

    Returns:
        Columns ``paragraph_id``, ``sentence_id``, ``n_words``, in order.
    """
    _require(tokens, ["paragraph_id", "sentence_id", "is_word"], "sentence_lengths")
    grouped = tokens.groupby(["paragraph_id", "sentence_id"], sort=True)[
        "is_word"
    ].sum()
    return grouped.astype("int64").rename("n_words").reset_index()


def overview_table(paragraphs: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """The article at a glance: counts, lengths and diversity, one measure per row.

    Args:
        paragraphs: from :func:`helpers.paragraphs_table` (``paragraph_id``, ``n_words``).
        tokens: from :func:`helpers.tokens_table`.

    Returns:
        Columns ``measure``, ``value`` (float) and ``definition`` (one line; the TTR row
        says that TTR depends on length).
    """
    _require(paragraphs, ["paragraph_id", "n_words"], "overview_table")
    words = words_of(tokens)
    alpha = tokens[tokens["is_alpha"]]
    per_sentence = sentence_lengths(tokens)["n_words"]
    rows = [
        ("paragraphs", len(paragraphs), "body paragraphs (metadata lines excluded)"),
        (
            "sentences",
            len(per_sentence),
            "sentences found by the Indonesian splitter (quotes kept whole)",
        ),
        (
            "words",
            len(words),
            "tokens containing a letter or digit (punctuation excluded)",
        ),
        ("distinct words", len(set(words)), "different lower-cased words"),
        (
            "distinct stems",
            alpha["stem"].nunique(),
            "different Sastrawi stems of alphabetic words",
        ),
        ("mean words per sentence", _mean(per_sentence), "average sentence length"),
        (
            "median words per sentence",
            _median(per_sentence),
            "middle sentence length (robust to outliers)",
        ),
        (
            "mean words per paragraph",
            _mean(paragraphs["n_words"]),
            "average paragraph length",
        ),
        (
            "median words per paragraph",
            _median(paragraphs["n_words"]),
            "middle paragraph length",
        ),
        (
            "stop-word share",
            _share(tokens.loc[tokens["is_word"], "is_stopword"]),
            "fraction of words in the stop-word list (function words)",
        ),
        (
            "type-token ratio (TTR)",
            ttr(words),
            "distinct words / words; falls as text gets longer, so compare only texts of similar length",
        ),
        (
            "MTLD",
            mtld(words),
            f"mean run of words keeping TTR above 0.72; length-robust, higher = more varied; "
            f"needs {MTLD_MIN_WORDS}+ words (McCarthy & Jarvis 2010), else empty",
        ),
        (
            "HD-D",
            hdd(words),
            f"expected TTR of a random {HDD_SAMPLE_SIZE}-word sample; length-robust, 0 to 1; "
            f"needs {HDD_SAMPLE_SIZE}+ words (the sample size), else empty",
        ),
    ]
    table = pd.DataFrame(rows, columns=["measure", "value", "definition"])
    table["value"] = table["value"].astype("float64")
    return table


def vocabulary_table(tokens: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """Content words counted by stem, labelled with their most frequent surface form.

    How to read it: ``pertahanan`` with ``n`` 9 means that words with the stem
    ``tahan`` occur 9 times, and ``pertahanan`` is the form used most often.

    Args:
        tokens: from :func:`helpers.tokens_table`.
        top: keep only the ``top`` most frequent stems (None keeps all).

    Returns:
        Columns ``stem``, ``label`` (most frequent lower-case form; ties to the
        alphabetically first), ``n`` (occurrences), ``share`` (of all content words),
        ``n_paragraphs`` (paragraphs it occurs in), ``forms`` (the distinct forms,
        most frequent first, joined with ``", "``). Sorted by ``n`` descending, then
        ``label``.
    """
    content = content_words(tokens)
    if content.empty:
        return pd.DataFrame(
            columns=["stem", "label", "n", "share", "n_paragraphs", "forms"]
        )
    form_counts = (
        content.groupby(["stem", "lower"])
        .size()
        .rename("k")
        .reset_index()
        .sort_values(["stem", "k", "lower"], ascending=[True, False, True])
    )
    forms = form_counts.groupby("stem", sort=False)["lower"].agg(list)
    table = (
        content.groupby("stem")
        .agg(n=("lower", "size"), n_paragraphs=("paragraph_id", "nunique"))
        .reset_index()
    )
    table["label"] = table["stem"].map(lambda s: forms[s][0])
    table["forms"] = table["stem"].map(lambda s: ", ".join(forms[s]))
    table["share"] = table["n"] / len(content)
    table = table.sort_values(
        ["n", "label"], ascending=[False, True], ignore_index=True
    )
    table = table[["stem", "label", "n", "share", "n_paragraphs", "forms"]]
    return table.head(top).reset_index(drop=True) if top is not None else table


def rank_frequency(tokens: pd.DataFrame) -> pd.DataFrame:
    """Word frequencies by rank, for a Zipf plot.

    How to read it: Zipf's law predicts ``frequency`` roughly proportional to
    ``1 / rank``, a straight line of slope about -1 on log-log axes.

    Returns:
        Columns ``rank`` (1 = most frequent), ``word`` (lower case), ``frequency``.
        Ties are ordered alphabetically so ranks are deterministic.
    """
    counts = pd.Series(words_of(tokens), dtype="str").value_counts()
    table = counts.rename_axis("word").reset_index(name="frequency")
    table = table.sort_values(
        ["frequency", "word"], ascending=[False, True], ignore_index=True
    )
    table.insert(0, "rank", np.arange(1, len(table) + 1, dtype="int64"))
    return table


def zipf_slope(ranks: pd.DataFrame) -> float:
    """Least-squares slope of log10(frequency) on log10(rank); about -1 for Zipfian text.

    NaN with fewer than 3 distinct words."""
    if len(ranks) < 3:
        return math.nan
    slope, _ = np.polyfit(np.log10(ranks["rank"]), np.log10(ranks["frequency"]), 1)
    return float(slope)


def readability_table(
    tokens: pd.DataFrame, *, long_word_syllables: int = LONG_WORD_SYLLABLES
) -> pd.DataFrame:
    """Indonesian-appropriate readability measures, one per row.

    English grade formulas (Flesch reading ease, Flesch-Kincaid grade) are calibrated
    on English syllable and word-length norms. Indonesian words are longer in
    syllables (affixes such as ``meN-...-kan``, ``per-...-an``), so those formulas
    report inflated grades that mean nothing. This table therefore reports the
    *ingredients* of readability, which are comparable between Indonesian texts:

    * syllables per word (vowel nuclei; see :func:`count_syllables`);
    * the share of long words (``long_word_syllables`` syllables or more, default 4:
      most Indonesian roots have two syllables, so four usually means an affixed or
      compound word);
    * letters per word;
    * words per sentence (mean and median).

    How to read it: higher values on every row mean denser, harder text. Compare with
    other Indonesian news articles, not with English norms.

    Returns:
        Columns ``measure``, ``value``, ``definition``.
    """
    if long_word_syllables < 1:
        raise OptionError(
            invalid_value_msg(
                "long_word_syllables",
                long_word_syllables,
                "a whole number of 1 or more",
            )
        )
    alpha = tokens[tokens["is_alpha"]]
    syllables = syllables_column(alpha) if not alpha.empty else pd.Series(dtype="int64")
    per_sentence = sentence_lengths(tokens)["n_words"]
    rows = [
        (
            "syllables per word",
            _mean(syllables),
            "mean vowel nuclei per alphabetic word (ai, au, oi, ei count once)",
        ),
        (
            f"long-word share ({long_word_syllables}+ syllables)",
            _share(syllables >= long_word_syllables),
            f"fraction of alphabetic words with {long_word_syllables} or more syllables",
        ),
        (
            "letters per word",
            _mean(alpha["token"].str.replace(r"[-'’]", "", regex=True).str.len()),
            "mean letters per alphabetic word",
        ),
        (
            "mean words per sentence",
            _mean(per_sentence),
            "average sentence length in words",
        ),
        (
            "median words per sentence",
            _median(per_sentence),
            "middle sentence length in words",
        ),
        (
            "longest sentence (words)",
            float(per_sentence.max()) if len(per_sentence) else math.nan,
            "the longest sentence; very long ones are hard to follow",
        ),
    ]
    table = pd.DataFrame(rows, columns=["measure", "value", "definition"])
    table["value"] = table["value"].astype("float64")
    return table


#: Why no grade level is reported; the notebook prints this.
READABILITY_NOTE = (
    "English grade formulas such as Flesch reading ease and Flesch-Kincaid are "
    "calibrated on English and give meaningless grades for Indonesian, whose affixed "
    "words have more syllables; they are deliberately not reported. The measures "
    "below are the formulas' ingredients, comparable between Indonesian texts."
)


# --- small utilities --------------------------------------------------------------


def _mean(values) -> float:
    values = pd.Series(values, dtype="float64")
    return float(values.mean()) if len(values) else math.nan


def _median(values) -> float:
    values = pd.Series(values, dtype="float64")
    return float(values.median()) if len(values) else math.nan


def _share(flags) -> float:
    flags = pd.Series(flags, dtype="bool")
    return float(flags.mean()) if len(flags) else math.nan


def _require(table: pd.DataFrame, columns: Iterable[str], caller: str) -> None:
    require_columns(
        table,
        columns,
        caller=caller,
        fix="Build it with helpers.tokens_table(helpers.sentences_table(paragraphs)).",
    )


# --- describe: prose for the notebook ------------------------------------------------
# Each returns a helpers.prose.Prose: plain text as a str, escaped Markdown via notebook.md.


def describe_mtld(overview: pd.DataFrame) -> Prose:
    """MTLD as a short phrase for a takeaway: ``'85 words'`` or why it is not reported.

    Args:
        overview: from :func:`overview_table` (rows ``words`` and ``MTLD``).
    """
    values = overview.set_index("measure")["value"]
    if pd.isna(values["MTLD"]):
        return Prose(
            "not reported (the text has {n} words; MTLD needs {min_words})",
            n=int(values["words"]),
            min_words=MTLD_MIN_WORDS,
        )
    return Prose("{mtld:.0f} words", mtld=values["MTLD"])


def describe_diversity(overview: pd.DataFrame) -> Prose:
    """Two sentences on the length-robust diversity measures, MTLD and HD-D.

    Each one is read out (MTLD: words before the running TTR drops to 0.72; HD-D: the
    share of distinct words in a random 42-word sample) or, when the text is too short
    for it (the value is NaN), said to be not reported and why.

    Args:
        overview: from :func:`overview_table` (rows ``words``, ``MTLD``, ``HD-D``).

    Returns:
        A :class:`~helpers.prose.Prose`.
    """
    values = overview.set_index("measure")["value"]
    if pd.isna(values["MTLD"]):
        mtld_sentence = Prose(
            "MTLD is not reported: the text has {n} words, fewer than the {min_words} MTLD needs "
            "to be meaningful.",
            n=int(values["words"]),
            min_words=MTLD_MIN_WORDS,
        )
    else:
        mtld_sentence = Prose(
            "MTLD is {mtld:.0f} words: on average, that many words pass before the running TTR "
            "drops to 0.72. There are no published MTLD norms for Indonesian news, so read it "
            "comparatively, against other articles.",
            mtld=values["MTLD"],
        )
    if pd.isna(values["HD-D"]):
        hdd_sentence = Prose(
            "HD-D is not reported (fewer than {size} words).", size=HDD_SAMPLE_SIZE
        )
    else:
        hdd_sentence = Prose(
            "HD-D is {hdd:.2f}: a random {size}-word sample would hold that share of distinct "
            "words.",
            hdd=values["HD-D"],
            size=HDD_SAMPLE_SIZE,
        )
    return join([mtld_sentence, hdd_sentence])


def describe_vocabulary(vocabulary: pd.DataFrame, *, n_top: int = 5) -> Prose:
    """Which content words dominate (the share is in bold in the Markdown).

    Only words seen at least twice are listed; the share of the top words is a rough measure of focus.

    Args:
        vocabulary: from :func:`vocabulary_table` (``label``, ``n``, ``share``), most
            frequent first.
        n_top: most frequent words listed.

    Returns:
        A :class:`~helpers.prose.Prose`: no content words, every word once, one
        repeated word, or the top words with their counts and combined share.
    """
    repeated = vocabulary[vocabulary["n"] >= 2]
    if vocabulary.empty:
        return Prose("The article has no content words after removing stop words.")
    if repeated.empty:
        return Prose(
            "Every one of the {n} content words occurs once, so no word dominates.",
            n=len(vocabulary),
        )
    top_words = repeated.head(n_top)
    listed = ", ".join(f"{w} ({n})" for w, n in zip(top_words["label"], top_words["n"]))
    if len(top_words) == 1:
        return Prose(
            "Only one content word occurs more than once: {words}; every other content word occurs once.",
            words=listed,
        )
    return Prose(
        "The {k} most frequent content words are {words}. Together they make up **{share}** of all "
        "content words, a rough measure of how narrowly the article is focused.{rest}",
        k=len(top_words),
        words=listed,
        share=f"{top_words['share'].sum():.0%}",
        rest=" Every other content word occurs once." if len(repeated) < n_top else "",
    )
