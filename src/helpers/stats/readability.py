"""Indonesian syllables and the ingredients of readability (no English grade formulas).

References
----------
* Indonesian syllable structure (vowel nuclei; ai, au, oi, ei as diphthongs):
  *Tata Bahasa Baku Bahasa Indonesia* (Alwi et al., Balai Pustaka, 3rd ed. 2003) and
  the spelling rules *Pedoman Umum Ejaan Bahasa Indonesia* (EYD).
"""

from __future__ import annotations

import math
import re

import pandas as pd

from ..errors import OptionError, invalid_value_msg
from .basics import sentence_lengths
from .utils import _mean, _median, _require, _share

#: Indonesian vowels (nuclei). ``y`` and ``w`` are semivowels, never nuclei.
VOWELS = frozenset("aeiouéèê")
#: Diphthongs counted as one nucleus (EYD: ai, au, oi, ei).
DIPHTHONGS = ("ai", "au", "oi", "ei")
#: A word with at least this many syllables counts as long (see :func:`readability_table`).
LONG_WORD_SYLLABLES = 4

_DIPHTHONG_RE = re.compile("|".join(DIPHTHONGS) + "|[" + "".join(sorted(VOWELS)) + "]")


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
