"""Phrases: content-word n-grams, collocations, repeated phrasing and concordance.

All functions take the token table from :func:`helpers.tokens_table` (one row per
token with ``paragraph_id``, ``sentence_id``, ``token``, ``lower``, ``stem``,
``is_stopword``, ``is_alpha``, ``is_word``) and return new tables. They live in small
modules, re-exported here so that ``from helpers.phrases import kwic`` keeps working:

* :mod:`helpers.ngrams`: :func:`content_ngrams`;
* :mod:`helpers.collocations`: :func:`collocations`, :func:`log_likelihood`;
* :mod:`helpers.repetition`: :func:`repeated_phrases`, :func:`repeated_share`,
  :func:`sentence_openers`, :func:`correlative_frames`;
* :mod:`helpers.concordance`: :func:`kwic`, :func:`detokenize`.

This module writes the prose about them for notebook 01 (``describe_*``,
``summarise_*``).

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
* Collocations (PMI, G², the Bonferroni correction, minimum frequencies): the
  references in :mod:`helpers.collocations`.
* Indonesian correlative conjunctions (*konjungsi korelatif*): Alwi et al. (2003),
  *Tata Bahasa Baku Bahasa Indonesia*, 3rd ed.
"""

from __future__ import annotations

import pandas as pd

from .collocations import MIN_COLLOCATION_FREQ, collocations, log_likelihood
from .concordance import detokenize, kwic
from .ngrams import content_ngrams
from .prose import Prose, join, plural
from .repetition import (
    CORRELATIVE_FRAMES,
    correlative_frames,
    repeated_phrases,
    repeated_share,
    sentence_openers,
)

__all__ = [
    "CORRELATIVE_FRAMES",
    "MIN_COLLOCATION_FREQ",
    "collocations",
    "content_ngrams",
    "correlative_frames",
    "describe_collocations",
    "describe_frames",
    "describe_kwic",
    "describe_ngrams",
    "describe_repetition",
    "detokenize",
    "kwic",
    "log_likelihood",
    "repeated_phrases",
    "repeated_share",
    "sentence_openers",
    "summarise_collocations",
    "summarise_repetition",
]

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
