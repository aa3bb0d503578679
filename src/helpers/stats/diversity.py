"""Lexical diversity of a list of lower-cased words: TTR, MTLD and HD-D.

Higher means more varied vocabulary. TTR falls as a text gets longer; MTLD and HD-D are
designed to be largely independent of length, but need enough words
(:data:`MTLD_MIN_WORDS`, :data:`HDD_SAMPLE_SIZE`).

References
----------
* Type-token ratio and its length dependence: Tweedie, F. J. & Baayen, R. H. (1998).
  How variable may a constant be? Measures of lexical richness in perspective.
  *Computers and the Humanities* 32, 323-352.
* MTLD and HD-D: McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: A
  validation study of sophisticated approaches to lexical diversity assessment.
  *Behavior Research Methods* 42(2), 381-392.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy.stats import hypergeom

from ..errors import OptionError, invalid_value_msg

#: MTLD needs at least this many words: McCarthy & Jarvis (2010) validate it on texts
#: of 100+ words; below that a handful of factors (often none complete) decide it.
MTLD_MIN_WORDS = 100
#: HD-D needs at least its sample size in words (a 42-word sample cannot be drawn
#: from a shorter text).
HDD_SAMPLE_SIZE = 42


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
