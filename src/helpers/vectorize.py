"""Indonesian-aware term extraction for scikit-learn vectorisers.

scikit-learn computes TF-IDF; this module only decides what a *term* is. Its
:func:`indonesian_analyzer` is passed as ``TfidfVectorizer(analyzer=...)`` and does,
per document:

1. tokenise with :func:`helpers.text.tokenize` (reduplication stays one word);
2. merge listed multi-word expressions (:mod:`helpers.multiwords`: *kerja sama*,
   *Korea Utara*) into one term each, lower-cased and not stemmed, so stop-word removal
   cannot split them; only documents that pass a cheap regex test take this step;
3. keep word tokens made of letters (:func:`helpers.text.is_alpha`), lower-cased and at
   least ``MIN_TOKEN_CHARS`` long: punctuation and numbers never become terms;
4. drop stop phrases (``STOP_PHRASES``: *salah satu*) and stop words
   (:func:`helpers.stopwords.stopword_set`) **before** stemming;
5. stem with a :class:`helpers.stemming.Stemmer` (``stem_many``, memoised), then drop
   stems that are themselves stop words (``menunjukkan`` -> ``tunjuk``);
6. join neighbouring stems into n-grams when ``ngram_range`` asks for them.

Why our own analyzer: passing ``stop_words=`` together with a stemming
``preprocessor`` makes scikit-learn compare stop words with stems and warn that they
are inconsistent (scikit-learn's UserWarning "Your stop_words may be inconsistent with your
preprocessing"). Doing both steps here keeps the order right.

Vocabulary filters live in one place, :class:`VectorizerConfig`
(``DEFAULT_CONFIG``). :func:`make_tfidf_vectorizer` and :func:`make_count_vectorizer`
build the scikit-learn objects from it.

References: scikit-learn user guide, "Text feature extraction"
(https://scikit-learn.org/stable/modules/feature_extraction.html#text-feature-extraction).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from itertools import chain

import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from . import stemming
from .errors import OptionError, invalid_value_msg
from .multiwords import find_multiwords, may_contain_multiword, multiword_heads
from .stemming import Stemmer, default_stemmer, surface_forms
from .stopwords import stopword_set
from .text import is_alpha, letter_tokens, tokenize

#: Shortest token (in characters) that can become a term; single letters are initials.
MIN_TOKEN_CHARS = 2

#: Two-word function phrases removed as a whole before single stop words. Their parts
#: are content words on their own (``salah`` = wrong), so the word list cannot hold them.
STOP_PHRASES = frozenset(
    {
        ("salah", "satu"),  # "one of"
        ("salah", "seorang"),  # "one (person) of"
    }
)
_PHRASE_HEADS = frozenset(first for first, *_ in STOP_PHRASES)

#: Documents sampled by :meth:`IndonesianAnalyzer.expects_many_new_words`.
PREPARE_SAMPLE = 200


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


#: Per stemmer: the analyzers' token memo (``term_of``, ``context_tokens``).
_TOKEN_MEMOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _token_memo(stemmer) -> tuple[dict[str, str | None], set[str], set[str]]:
    """The token memo shared by every analyzer that uses ``stemmer``.

    A token's term depends only on the token, the stemmer and this module's fixed
    rules (stop words, ``MIN_TOKEN_CHARS``, ``STOP_PHRASES``), so analyzers with the
    same stemmer can share it, like they share the stem cache: a second vectoriser
    in a session does not analyse the same tokens again. A stemmer that cannot be
    weakly referenced gets a private memo. The third part holds the surface tokens
    that start a listed multi-word expression (any case: ``Korea``, ``KOREA``).
    """
    try:
        return _TOKEN_MEMOS.setdefault(stemmer, ({}, set(), set()))
    except TypeError:
        return {}, set(), set()


class IndonesianAnalyzer:
    """Callable ``document -> list of terms`` for scikit-learn's ``analyzer=``.

    Build it with :func:`indonesian_analyzer`. Holds a reference to the stemmer, so
    swapping in a faster or persistent :class:`~helpers.stemming.Stemmer` (anything
    with ``stem_many(words) -> {word: stem}``) changes only the stemming step.

    Speed (``make bench``): the term of a token depends only on the token itself
    (lower-case, letters, length, stop words, stem), except for the first word of a
    stop phrase. So each distinct surface token is analysed once (:meth:`learn`) and
    its term (or "not a term", ``None``) memoised in ``self.term_of``; a document then
    costs one tokeniser call (:func:`helpers.text.letter_tokens`) and one dictionary
    lookup per token. The memo is shared by analyzers with the same stemmer. A
    document containing a token whose term depends on its neighbours (``salah`` in *salah satu*) also checks the stop phrases. For a large
    new corpus, :meth:`prepare` stems all new words in one batch.
    :meth:`stems_reference` is the straightforward word-by-word version;
    ``tests/test_vectorize.py`` checks that both give the same terms (random strings,
    every SmSA text).
    """

    def __init__(
        self, *, stemmer: Stemmer | None = None, ngram_range: tuple[int, int] = (1, 1)
    ) -> None:
        low, high = ngram_range
        if not (isinstance(low, int) and isinstance(high, int) and 1 <= low <= high):
            raise OptionError(
                invalid_value_msg(
                    "ngram_range",
                    ngram_range,
                    "two integers (low, high) with 1 <= low <= high",
                )
            )
        self.stemmer = stemmer if stemmer is not None else default_stemmer()
        self.ngram_range = (low, high)
        self.stopwords = stopword_set()
        #: ``{surface token: term or None}`` for every token seen so far, and the
        #: tokens whose term is not decided by the token alone (the first word of a
        #: stop phrase, or an override stem that is empty and so looks like None).
        #: Shared by all analyzers with the same stemmer (:func:`_token_memo`).
        self.term_of, self.context_tokens, self.multiword_tokens = _token_memo(
            self.stemmer
        )
        self.multiword_heads = multiword_heads()
        #: ``{document: letter tokens}`` found by :meth:`prepare`, used up by :meth:`stems`.
        self.prepared: dict[str, list[str]] = {}

    def content_units(self, document: str) -> list[tuple[str, bool]]:
        """Content words of ``document`` in order, as ``(word, is_multiword)``.

        A listed multi-word expression (:func:`helpers.multiwords.find_multiwords`) is
        one unit, its lower-case term (``("kerja sama", True)``); other units are
        lower-case word tokens that are not stop words. Plain path: no regex test.
        """
        stops = self.stopwords
        tokens = tokenize(str(document))
        lowers = [token.lower() for token in tokens]
        starts = {start: (end, term) for start, end, term in find_multiwords(lowers)}
        units, i = [], 0
        while i < len(tokens):
            if i in starts:
                end, term = starts[i]
                units.append((term, True))
                i = end
                continue
            if is_alpha(tokens[i]):
                units.append((lowers[i], False))
            i += 1
        kept, i = [], 0
        while i < len(units):
            if (
                i + 1 < len(units)
                and not units[i][1]
                and not units[i + 1][1]
                and (units[i][0], units[i + 1][0]) in STOP_PHRASES
            ):
                i += 2
                continue
            word, is_multiword = units[i]
            if is_multiword or (len(word) >= MIN_TOKEN_CHARS and word not in stops):
                kept.append(units[i])
            i += 1
        return kept

    def content_words(self, document: str) -> list[str]:
        """Lower-case word tokens of ``document`` that are not stop words, in order
        (a listed multi-word expression is one item, its term)."""
        return [word for word, _ in self.content_units(document)]

    def stems_reference(self, document: str) -> list[str]:
        """:meth:`stems` the straightforward way, word by word (no token memo)."""
        units = self.content_units(document)
        mapping = self.stemmer.stem_many(
            [w for w, is_multiword in units if not is_multiword]
        )
        stops = self.stopwords
        terms = [w if is_multiword else mapping[w] for w, is_multiword in units]
        return [
            t
            for t, (_, is_multiword) in zip(terms, units)
            if is_multiword or t not in stops
        ]

    def stems(self, document: str) -> list[str]:
        """Stems of the content words, in order (stems that are stop words dropped)."""
        tokens = self.prepared.pop(document, None) if self.prepared else None
        if tokens is None:
            tokens = letter_tokens(str(document))
        term_of = self.term_of
        try:  # every token known: no Python-level loop
            terms = list(filter(None, map(term_of.__getitem__, tokens)))
        except KeyError:
            self.learn(tokens)
            terms = list(filter(None, map(term_of.__getitem__, tokens)))
        # Multi-word expressions: only a document holding the first word of one (a set
        # test, no Python loop) is searched with the regex, and only a regex hit is
        # tokenised in full. All other documents take exactly the path below.
        if not self.multiword_tokens.isdisjoint(tokens) and may_contain_multiword(
            document if isinstance(document, str) else str(document)
        ):
            multiword_terms = self._stems_with_multiwords(str(document))
            if multiword_terms is not None:
                return multiword_terms
        if self.context_tokens and not self.context_tokens.isdisjoint(tokens):
            return self._stems_with_phrases(tokens)
        return terms

    def _stems_with_phrases(self, tokens: list[str]) -> list[str]:
        """:meth:`stems` for letter tokens that include a stop phrase's first word."""
        words = [token.lower() for token in tokens]
        terms, i = [], 0
        while i < len(words):
            if tuple(words[i : i + 2]) in STOP_PHRASES:
                i += 2
                continue
            terms.append(self.term_of[tokens[i]])
            i += 1
        return [term for term in terms if term is not None]

    def _stems_with_multiwords(self, document: str) -> list[str] | None:
        """:meth:`stems` for a document holding a listed multi-word expression (None if
        it holds none after all). Same rules as :meth:`content_units`, with the memo."""
        tokens = tokenize(document)
        matches = find_multiwords([token.lower() for token in tokens])
        if not matches:
            return None
        # units: a letter token (str), or a multi-word term wrapped in a 1-tuple
        units: list = []
        i = 0
        for start, end, term in matches:
            units.extend(token for token in tokens[i:start] if is_alpha(token))
            units.append((term,))
            i = end
        units.extend(token for token in tokens[i:] if is_alpha(token))
        self.learn([unit for unit in units if isinstance(unit, str)])
        terms, i = [], 0
        while i < len(units):
            unit = units[i]
            if isinstance(unit, tuple):
                terms.append(unit[0])
                i += 1
                continue
            following = units[i + 1] if i + 1 < len(units) else None
            if (
                isinstance(following, str)
                and (unit.lower(), following.lower()) in STOP_PHRASES
            ):
                i += 2
                continue
            terms.append(self.term_of[unit])
            i += 1
        return [term for term in terms if term is not None]

    def prepare(self, documents: Sequence[str]) -> bool:
        """Learn the terms of a whole corpus before scikit-learn asks for them one by one.

        Worth it only when there are thousands of words the stemmer has not seen
        (:meth:`expects_many_new_words`): then every document is tokenised once (the
        tokens are kept for :meth:`stems`, which uses them up) and all new words are
        stemmed in one :meth:`Stemmer.stem_many <helpers.stemming.Stemmer.stem_many>`
        batch. Otherwise nothing
        is done: holding every document's tokens costs more than it saves. The
        vectorisers of :func:`make_tfidf_vectorizer` call this from ``fit``; the terms
        are the same either way. Returns whether the corpus was prepared.
        """
        if not self.expects_many_new_words(documents):
            return False
        self.prepared = {document: letter_tokens(document) for document in documents}
        self.learn(set(chain.from_iterable(self.prepared.values())))
        return True

    def expects_many_new_words(self, documents: Sequence[str]) -> bool:
        """Whether ``documents`` hold at least ``stemming.BATCH_MIN_WORDS`` words new to the stemmer.

        Estimated from every k-th document (``PREPARE_SAMPLE`` of them), scaled up by
        k. Vocabulary grows more slowly than the corpus, so this overestimates, which
        costs a little time and never changes a term.
        """
        known = getattr(self.stemmer, "cache", None)
        if not isinstance(known, dict) or len(documents) == 0:
            return False
        step = max(1, len(documents) // PREPARE_SAMPLE)
        sample = {
            token.lower()
            for document in documents[::step]
            for token in letter_tokens(document)
        }
        new = sample.difference(known, self.stopwords)
        return len(new) * step >= stemming.BATCH_MIN_WORDS

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
            {w for w in new.values() if len(w) >= MIN_TOKEN_CHARS and w not in stops}
        )
        for token, word in new.items():
            stem = stems.get(word)
            term_of[token] = None if stem in stops else stem
            if word in _PHRASE_HEADS or stem == "":
                self.context_tokens.add(token)
            if word in self.multiword_heads:
                self.multiword_tokens.add(token)

    def __call__(self, document: str) -> list[str]:
        stems = self.stems(document)
        if self.ngram_range == (1, 1):
            return stems
        low, high = self.ngram_range
        terms: list[str] = []
        for n in range(low, high + 1):
            terms.extend(" ".join(stems[i : i + n]) for i in range(len(stems) - n + 1))
        return terms

    def __repr__(self) -> str:
        return f"IndonesianAnalyzer(ngram_range={self.ngram_range})"


def indonesian_analyzer(
    *, stemmer: Stemmer | None = None, ngram_range: tuple[int, int] = (1, 1)
) -> IndonesianAnalyzer:
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
    ['pakta', 'pertahanan', 'kuat', 'kerja sama', 'militer']
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


class _PreparingFit:
    """``fit``/``fit_transform`` that first let the analyzer learn the whole corpus
    (:meth:`IndonesianAnalyzer.prepare`); the fitted result is exactly scikit-learn's.

    Only a list, tuple or pandas Series of strings is prepared (an iterator can be read
    only once); the prepared tokens are dropped after the fit either way.
    """

    def _fit_prepared(self, fit, raw_documents, y):
        analyzer = self.analyzer
        # Not again inside an outer fit that prepared (CountVectorizer.fit calls
        # fit_transform): that would drop the outer fit's tokens.
        ready = (
            isinstance(analyzer, IndonesianAnalyzer)
            and not analyzer.prepared
            and isinstance(raw_documents, (list, tuple, pd.Series))
            and all(isinstance(d, str) for d in raw_documents)
        )
        try:
            if ready:
                analyzer.prepare(raw_documents)
            return fit(raw_documents, y)
        finally:
            if ready:
                analyzer.prepared = {}

    def fit(self, raw_documents, y=None):
        return self._fit_prepared(super().fit, raw_documents, y)

    def fit_transform(self, raw_documents, y=None):
        return self._fit_prepared(super().fit_transform, raw_documents, y)


class IndonesianTfidfVectorizer(_PreparingFit, TfidfVectorizer):
    """scikit-learn's ``TfidfVectorizer``, fitting with :meth:`IndonesianAnalyzer.prepare`."""


class IndonesianCountVectorizer(_PreparingFit, CountVectorizer):
    """scikit-learn's ``CountVectorizer``, fitting with :meth:`IndonesianAnalyzer.prepare`."""


def make_tfidf_vectorizer(
    *,
    stemmer: Stemmer | None = None,
    config: VectorizerConfig | None = None,
    **overrides,
) -> TfidfVectorizer:
    """A scikit-learn ``TfidfVectorizer`` with the Indonesian analyzer and project filters.

    Args:
        stemmer: passed to :func:`indonesian_analyzer`.
        config: the filters; ``DEFAULT_CONFIG`` when None.
        **overrides: any :class:`VectorizerConfig` field (``min_df=1``, ...).

    Returns:
        An unfitted :class:`IndonesianTfidfVectorizer` (a ``TfidfVectorizer``;
        l2-normalised rows, smoothed idf).
    """
    cfg = _config_with(config, overrides)
    return IndonesianTfidfVectorizer(
        analyzer=indonesian_analyzer(stemmer=stemmer, ngram_range=cfg.ngram_range),
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
    **overrides,
) -> CountVectorizer:
    """A ``CountVectorizer`` with the same analyzer and filters (raw counts, for LDA)."""
    cfg = _config_with(config, overrides)
    return IndonesianCountVectorizer(
        analyzer=indonesian_analyzer(stemmer=stemmer, ngram_range=cfg.ngram_range),
        min_df=cfg.min_df,
        max_df=cfg.max_df,
        max_features=cfg.max_features,
        lowercase=False,
    )


def term_surface_forms(
    documents: Sequence[str] | Iterable[str], *, stemmer: Stemmer | None = None
) -> dict[str, str]:
    """Map each stem in ``documents`` to its most frequent lower-case surface form.

    Uses the same filtering as the analyzer, so every single-stem term has an entry.
    For an n-gram, join the surface forms of its parts (:func:`display_term`).
    """
    analyzer = IndonesianAnalyzer(stemmer=stemmer)
    rows = []
    for document in documents:
        units = analyzer.content_units(document)
        mapping = analyzer.stemmer.stem_many(
            [w for w, is_multiword in units if not is_multiword]
        )
        # a multi-word term is its own (lower-case) surface form
        rows.extend((w, w if is_multiword else mapping[w]) for w, is_multiword in units)
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
