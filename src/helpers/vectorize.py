"""scikit-learn vectorisers with the Indonesian analyzer and the project's filters.

scikit-learn computes TF-IDF; :mod:`helpers.analyzer` decides what a *term* is (its
:func:`indonesian_analyzer` is passed as ``TfidfVectorizer(analyzer=...)``), and
this module re-exports its public names, so ``from helpers.vectorize import
IndonesianAnalyzer`` keeps working.

Vocabulary filters live in one place, :class:`VectorizerConfig`
(``DEFAULT_CONFIG``). :func:`make_tfidf_vectorizer` and :func:`make_count_vectorizer`
build the scikit-learn objects from it; :func:`term_surface_forms` and
:func:`display_term` turn stems back into readable words.

References: scikit-learn user guide, "Text feature extraction"
(https://scikit-learn.org/stable/modules/feature_extraction.html#text-feature-extraction).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace

import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from .analyzer import (
    MIN_TOKEN_CHARS,
    STOP_PHRASES,
    Expression,
    IndonesianAnalyzer,
    indonesian_analyzer,
)
from .errors import OptionError
from .stemming import Stemmer, surface_forms

__all__ = [
    "DEFAULT_CONFIG",
    "DISTINCTIVE_CONFIG",
    "MIN_TOKEN_CHARS",
    "STOP_PHRASES",
    "Expression",
    "IndonesianAnalyzer",
    "VectorizerConfig",
    "display_term",
    "indonesian_analyzer",
    "make_count_vectorizer",
    "make_tfidf_vectorizer",
    "term_surface_forms",
]


@dataclass(frozen=True)
class VectorizerConfig:
    """Vocabulary filters and weighting, in one place.

    Attributes:
        min_df: keep terms found in at least this many documents (int) or this share
            of documents (float). 2 means a term must recur to define a shared theme.
        max_df: drop terms found in more than this share (float) or number (int) of
            documents: a term in nearly every paragraph distinguishes none of them.
        ngram_range: ``(1, 1)`` single stems; ``(1, 2)`` adds pairs of neighbouring
            stems (after stop words are removed).
        sublinear_tf: use ``1 + log(tf)`` so one repeated word does not dominate.
        max_features: keep only this many most frequent terms (None keeps all).
    """

    min_df: int | float = 2
    max_df: int | float = 0.9
    ngram_range: tuple[int, int] = (1, 1)
    sublinear_tf: bool = True
    max_features: int | None = None

    def for_corpus(self, n_documents: int) -> VectorizerConfig:
        """The same filters, relaxed so that they are satisfiable for a tiny corpus.

        With fewer than ``2 * min_df`` documents a ``min_df`` of 2 would leave almost
        nothing, and a fractional ``max_df`` could fall below ``min_df`` (scikit-learn
        then raises). For such corpora both filters are switched off (1 and 1.0).
        """
        min_docs = (
            self.min_df if isinstance(self.min_df, int) else self.min_df * n_documents
        )
        max_docs = (
            self.max_df if isinstance(self.max_df, int) else self.max_df * n_documents
        )
        if n_documents < 2 * max(min_docs, 1) or max_docs < min_docs:
            return replace(self, min_df=1, max_df=1.0)
        return self


#: The project's vocabulary filters for topics and similarity (notebook 02, benchmark).
DEFAULT_CONFIG = VectorizerConfig()
#: Filters for per-document distinctive terms: a term used in one paragraph only is
#: exactly what makes that paragraph distinctive, so ``min_df`` is 1 here.
DISTINCTIVE_CONFIG = replace(DEFAULT_CONFIG, min_df=1)


def _config_with(config: VectorizerConfig | None, overrides: dict) -> VectorizerConfig:
    config = config or DEFAULT_CONFIG
    unknown = set(overrides) - set(asdict(config))
    if unknown:
        raise OptionError(
            f"Unknown vectoriser option(s) {sorted(unknown)}; use fields of VectorizerConfig: "
            f"{sorted(asdict(config))}."
        )
    return replace(config, **overrides)


def make_tfidf_vectorizer(
    *,
    stemmer: Stemmer | None = None,
    config: VectorizerConfig | None = None,
    expressions: pd.DataFrame | None = None,
    **overrides,
) -> TfidfVectorizer:
    """A scikit-learn ``TfidfVectorizer`` with the Indonesian analyzer and project filters.

    Args:
        stemmer: passed to :func:`indonesian_analyzer`.
        config: the filters; ``DEFAULT_CONFIG`` when None.
        expressions: the article's names, passed to :func:`indonesian_analyzer`.
        **overrides: any :class:`VectorizerConfig` field (``min_df=1``, ...).

    Returns:
        An unfitted ``TfidfVectorizer`` (l2-normalised rows, smoothed idf).
    """
    cfg = _config_with(config, overrides)
    return TfidfVectorizer(
        analyzer=indonesian_analyzer(
            stemmer=stemmer, ngram_range=cfg.ngram_range, expressions=expressions
        ),
        min_df=cfg.min_df,
        max_df=cfg.max_df,
        sublinear_tf=cfg.sublinear_tf,
        max_features=cfg.max_features,
        lowercase=False,
    )


def make_count_vectorizer(
    *,
    stemmer: Stemmer | None = None,
    config: VectorizerConfig | None = None,
    expressions: pd.DataFrame | None = None,
    **overrides,
) -> CountVectorizer:
    """A ``CountVectorizer`` with the same analyzer and filters (raw counts, for LDA)."""
    cfg = _config_with(config, overrides)
    return CountVectorizer(
        analyzer=indonesian_analyzer(
            stemmer=stemmer, ngram_range=cfg.ngram_range, expressions=expressions
        ),
        min_df=cfg.min_df,
        max_df=cfg.max_df,
        max_features=cfg.max_features,
        lowercase=False,
    )


def term_surface_forms(
    documents: Sequence[str] | Iterable[str],
    *,
    stemmer: Stemmer | None = None,
    expressions: pd.DataFrame | None = None,
) -> dict[str, str]:
    """Map each stem in ``documents`` to its most frequent lower-case surface form.

    Uses the same filtering as the analyzer (with the article's names when
    ``expressions`` is given), so every single-stem term has an entry. For an n-gram,
    join the surface forms of its parts (:func:`display_term`).
    """
    analyzer = IndonesianAnalyzer(stemmer=stemmer, expressions=expressions)
    # a multi-word term is its own (lower-case) surface form
    rows = [pair for document in documents for pair in analyzer.word_terms(document)]
    tokens = pd.DataFrame(rows, columns=["lower", "stem"])
    if tokens.empty:
        return {}
    return surface_forms(tokens)


def display_term(term: str, forms: dict[str, str]) -> str:
    """The readable form of a term: each stem replaced by its surface form.

    A multi-word term (``korea utara``) contains spaces itself, so the parts of an
    n-gram are matched greedily, longest key of ``forms`` first.
    """
    parts = term.split(" ")
    shown, i = [], 0
    while i < len(parts):
        for end in range(len(parts), i, -1):
            key = " ".join(parts[i:end])
            if key in forms:
                shown.append(forms[key])
                i = end
                break
        else:
            shown.append(parts[i])
            i += 1
    return " ".join(shown)
