"""Indonesian-aware term extraction for scikit-learn vectorisers.

scikit-learn computes TF-IDF; this module only decides what a *term* is. Its
:func:`indonesian_analyzer` is passed as ``TfidfVectorizer(analyzer=...)`` and does,
per document:

1. tokenise with :func:`helpers.text.tokenize` (reduplication stays one word);
2. keep word tokens made of letters (:func:`helpers.text.is_alpha`), lower-cased and at
   least ``MIN_TOKEN_CHARS`` long: punctuation and numbers never become terms;
3. drop stop phrases (``STOP_PHRASES``: *salah satu*) and stop words
   (:func:`helpers.stopwords.stopword_set`) **before** stemming;
4. stem with a :class:`helpers.stemming.Stemmer` (``stem_many``, memoised), then drop
   stems that are themselves stop words (``menunjukkan`` -> ``tunjuk``);
5. join neighbouring stems into n-grams when ``ngram_range`` asks for them.

Why our own analyzer: passing ``stop_words=`` together with a stemming
``preprocessor`` makes scikit-learn compare stop words with stems and warn that they
are inconsistent (PITFALLS.md). Doing both steps here keeps the order right.

Vocabulary filters live in one place, :class:`VectorizerConfig`
(``DEFAULT_CONFIG``). :func:`make_tfidf_vectorizer` and :func:`make_count_vectorizer`
build the scikit-learn objects from it.

References: scikit-learn user guide, "Text feature extraction"
(https://scikit-learn.org/stable/modules/feature_extraction.html#text-feature-extraction).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace

import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from .errors import OptionError
from .stemming import Stemmer, default_stemmer, surface_forms
from .stopwords import stopword_set
from .text import is_alpha, letter_tokens, tokenize

#: Shortest token (in characters) that can become a term; single letters are initials.
MIN_TOKEN_CHARS = 2

#: Two-word function phrases removed as a whole before single stop words. Their parts
#: are content words on their own (``salah`` = wrong), so the word list cannot hold them.
STOP_PHRASES = frozenset({
    ("salah", "satu"),   # "one of"
    ("salah", "seorang"),  # "one (person) of"
})
_PHRASE_HEADS = frozenset(first for first, *_ in STOP_PHRASES)


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

    def for_corpus(self, n_documents: int) -> "VectorizerConfig":
        """The same filters, relaxed so that they are satisfiable for a tiny corpus.

        With fewer than ``2 * min_df`` documents a ``min_df`` of 2 would leave almost
        nothing, and a fractional ``max_df`` could fall below ``min_df`` (scikit-learn
        then raises). For such corpora both filters are switched off (1 and 1.0).
        """
        min_docs = self.min_df if isinstance(self.min_df, int) else self.min_df * n_documents
        max_docs = self.max_df if isinstance(self.max_df, int) else self.max_df * n_documents
        if n_documents < 2 * max(min_docs, 1) or max_docs < min_docs:
            return replace(self, min_df=1, max_df=1.0)
        return self


#: The project's vocabulary filters for topics and similarity (notebook 02, benchmark).
DEFAULT_CONFIG = VectorizerConfig()
#: Filters for per-document distinctive terms: a term used in one paragraph only is
#: exactly what makes that paragraph distinctive, so ``min_df`` is 1 here.
DISTINCTIVE_CONFIG = replace(DEFAULT_CONFIG, min_df=1)


class IndonesianAnalyzer:
    """Callable ``document -> list of terms`` for scikit-learn's ``analyzer=``.

    Build it with :func:`indonesian_analyzer`. Holds a reference to the stemmer, so
    swapping in a faster or persistent :class:`~helpers.stemming.Stemmer` (anything
    with ``stem_many(words) -> {word: stem}``) changes only the stemming step.

    Speed (``make bench``): the term of a token depends only on the token itself
    (lower-case, letters, length, stop words, stem), except for the first word of a
    stop phrase. So each distinct surface token is analysed once and its term (or
    "not a term", ``None``) memoised in ``self.term_of``; a document then costs one
    dictionary lookup per token. A document containing a token whose term depends on
    its neighbours (``salah`` in *salah satu*) takes the straightforward path
    (:meth:`stems_reference`). ``tests/test_vectorize.py`` checks both paths agree.
    """

    def __init__(self, *, stemmer: Stemmer | None = None, ngram_range: tuple[int, int] = (1, 1)) -> None:
        low, high = ngram_range
        if not (isinstance(low, int) and isinstance(high, int) and 1 <= low <= high):
            raise OptionError(
                f"Invalid ngram_range {ngram_range!r}: use two integers (low, high) with 1 <= low <= high."
            )
        self.stemmer = stemmer if stemmer is not None else default_stemmer()
        self.ngram_range = (low, high)
        self.stopwords = stopword_set()
        #: ``{surface token: term or None}`` for every token seen so far.
        self.term_of: dict[str, str | None] = {}
        #: Tokens whose term is not decided by the token alone: the first word of a
        #: stop phrase, or an (override) stem that is empty and so looks like None.
        self.context_tokens: set[str] = set()

    def content_words(self, document: str) -> list[str]:
        """Lower-case word tokens of ``document`` that are not stop words, in order."""
        stops = self.stopwords
        words = [token.lower() for token in tokenize(str(document)) if is_alpha(token)]
        kept, i = [], 0
        while i < len(words):
            if tuple(words[i : i + 2]) in STOP_PHRASES:
                i += 2
                continue
            if len(words[i]) >= MIN_TOKEN_CHARS and words[i] not in stops:
                kept.append(words[i])
            i += 1
        return kept

    def stems_reference(self, document: str) -> list[str]:
        """:meth:`stems` the straightforward way, word by word (no token memo)."""
        words = self.content_words(document)
        mapping = self.stemmer.stem_many(words)
        stops = self.stopwords
        return [s for s in (mapping[w] for w in words) if s not in stops]

    def stems(self, document: str) -> list[str]:
        """Stems of the content words, in order (stems that are stop words dropped)."""
        tokens = letter_tokens(str(document))
        term_of = self.term_of
        if not term_of.keys() >= set(tokens):
            self.learn(tokens)
        if self.context_tokens and not self.context_tokens.isdisjoint(tokens):
            return self.stems_reference(document)
        return list(filter(None, map(term_of.__getitem__, tokens)))

    def learn(self, tokens: Iterable[str]) -> None:
        """Memoise the term of each new letter token (:func:`helpers.text.letter_tokens`).

        New words are stemmed in one ``stem_many`` batch.
        """
        term_of = self.term_of
        new = {token: token.lower() for token in tokens if token not in term_of}
        if not new:
            return
        stops = self.stopwords
        stems = self.stemmer.stem_many(
            {w for w in new.values() if len(w) >= MIN_TOKEN_CHARS and w not in stops})
        for token, word in new.items():
            stem = stems.get(word)
            term_of[token] = None if stem in stops else stem
            if word in _PHRASE_HEADS or stem == "":
                self.context_tokens.add(token)

    def __call__(self, document: str) -> list[str]:
        stems = self.stems(document)
        low, high = self.ngram_range
        if (low, high) == (1, 1):
            return stems
        terms: list[str] = []
        for n in range(low, high + 1):
            terms.extend(" ".join(stems[i : i + n]) for i in range(len(stems) - n + 1))
        return terms

    def __repr__(self) -> str:
        return f"IndonesianAnalyzer(ngram_range={self.ngram_range})"


def indonesian_analyzer(*, stemmer: Stemmer | None = None, ngram_range: tuple[int, int] = (1, 1)) -> IndonesianAnalyzer:
    """An analyzer for ``TfidfVectorizer(analyzer=...)``: tokenise, drop stop words, stem.

    Args:
        stemmer: a :class:`helpers.stemming.Stemmer` (or any object with
            ``stem_many``); the shared process-wide stemmer when None.
        ngram_range: n-gram lengths over the stems, as in scikit-learn.

    Returns:
        A callable mapping one document (str) to its list of terms (stems, or stems
        joined by a space for n-grams). Punctuation, numbers, one-letter tokens and
        stop words never appear.

    >>> indonesian_analyzer()("Pakta pertahanan ini memperkuat kerja sama militer (19/6).")
    ['pakta', 'pertahanan', 'kuat', 'kerja', 'militer']
    """
    return IndonesianAnalyzer(stemmer=stemmer, ngram_range=ngram_range)


def _config_with(config: VectorizerConfig | None, overrides: dict) -> VectorizerConfig:
    config = config or DEFAULT_CONFIG
    unknown = set(overrides) - set(asdict(config))
    if unknown:
        raise OptionError(
            f"Unknown vectoriser option(s) {sorted(unknown)}; use fields of VectorizerConfig: "
            f"{sorted(asdict(config))}."
        )
    return replace(config, **overrides)


def make_tfidf_vectorizer(*, stemmer: Stemmer | None = None, config: VectorizerConfig | None = None,
                          **overrides) -> TfidfVectorizer:
    """A scikit-learn ``TfidfVectorizer`` with the Indonesian analyzer and project filters.

    Args:
        stemmer: passed to :func:`indonesian_analyzer`.
        config: the filters; ``DEFAULT_CONFIG`` when None.
        **overrides: any :class:`VectorizerConfig` field (``min_df=1``, ...).

    Returns:
        An unfitted ``TfidfVectorizer`` (l2-normalised rows, smoothed idf).
    """
    cfg = _config_with(config, overrides)
    return TfidfVectorizer(
        analyzer=indonesian_analyzer(stemmer=stemmer, ngram_range=cfg.ngram_range),
        min_df=cfg.min_df, max_df=cfg.max_df, sublinear_tf=cfg.sublinear_tf,
        max_features=cfg.max_features, lowercase=False,
    )


def make_count_vectorizer(*, stemmer: Stemmer | None = None, config: VectorizerConfig | None = None,
                          **overrides) -> CountVectorizer:
    """A ``CountVectorizer`` with the same analyzer and filters (raw counts, for LDA)."""
    cfg = _config_with(config, overrides)
    return CountVectorizer(
        analyzer=indonesian_analyzer(stemmer=stemmer, ngram_range=cfg.ngram_range),
        min_df=cfg.min_df, max_df=cfg.max_df, max_features=cfg.max_features, lowercase=False,
    )


def term_surface_forms(documents: Sequence[str] | Iterable[str], *, stemmer: Stemmer | None = None) -> dict[str, str]:
    """Map each stem in ``documents`` to its most frequent lower-case surface form.

    Uses the same filtering as the analyzer, so every single-stem term has an entry.
    For an n-gram, join the surface forms of its parts (:func:`display_term`).
    """
    analyzer = IndonesianAnalyzer(stemmer=stemmer)
    rows = []
    for document in documents:
        words = analyzer.content_words(document)
        mapping = analyzer.stemmer.stem_many(words)
        rows.extend((w, mapping[w]) for w in words)
    tokens = pd.DataFrame(rows, columns=["lower", "stem"])
    if tokens.empty:
        return {}
    return surface_forms(tokens)


def display_term(term: str, forms: dict[str, str]) -> str:
    """The readable form of a term: each stem replaced by its surface form."""
    return " ".join(forms.get(part, part) for part in term.split(" "))
