"""Text statistics for Indonesian: counts, lexical diversity, syllables, readability.

Everything takes the tidy tables from :mod:`helpers.text` (``paragraphs``,
``sentences``, ``tokens``) and returns numbers or new tables; inputs are never
modified. A *word* is a token with a letter or digit (``tokens["is_word"]``), the same
definition as ``paragraphs.csv``'s ``n_words``. Diversity measures are computed on
lower-cased words.

One module per kind of measure, as in textacy's ``text_stats``, re-exported here
(``from helpers.stats import mtld`` keeps working): :mod:`~helpers.stats.basics`
(counts and tables), :mod:`~helpers.stats.diversity` (TTR, MTLD, HD-D),
:mod:`~helpers.stats.readability` (syllables, readability ingredients) and
:mod:`~helpers.stats.describe` (the prose).

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

from .basics import (
    content_words,
    overview_table,
    rank_frequency,
    sentence_lengths,
    vocabulary_table,
    words_of,
    zipf_slope,
)
from .describe import (
    describe_diversity,
    describe_mtld,
    describe_vocabulary,
)
from .diversity import (
    HDD_SAMPLE_SIZE,
    MTLD_MIN_WORDS,
    hdd,
    mtld,
    ttr,
)
from .readability import (
    DIPHTHONGS,
    LONG_WORD_SYLLABLES,
    READABILITY_NOTE,
    VOWELS,
    count_syllables,
    readability_table,
    syllables_column,
)

__all__ = [
    "DIPHTHONGS",
    "HDD_SAMPLE_SIZE",
    "LONG_WORD_SYLLABLES",
    "MTLD_MIN_WORDS",
    "READABILITY_NOTE",
    "VOWELS",
    "content_words",
    "count_syllables",
    "describe_diversity",
    "describe_mtld",
    "describe_vocabulary",
    "hdd",
    "mtld",
    "overview_table",
    "rank_frequency",
    "readability_table",
    "sentence_lengths",
    "syllables_column",
    "ttr",
    "vocabulary_table",
    "words_of",
    "zipf_slope",
]
