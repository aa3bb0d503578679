"""Prose about the text statistics for notebook 01, each a :class:`~helpers.prose.Prose`."""

from __future__ import annotations

import pandas as pd

from ..prose import Prose, join
from .diversity import HDD_SAMPLE_SIZE, MTLD_MIN_WORDS


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
