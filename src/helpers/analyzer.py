"""The Indonesian analyzer: what a *term* is, for scikit-learn vectorisers.

scikit-learn computes TF-IDF; this module only decides what a *term* is. Its
:func:`indonesian_analyzer` is passed as ``TfidfVectorizer(analyzer=...)`` and runs,
per document, one chain of small steps (:class:`IndonesianAnalyzer`, where the
docstring says how to add one):

1. ``words``: the letter tokens of :func:`helpers.text.tokenize` (reduplication stays
   one word; punctuation and numbers never become terms), each listed multi-word
   expression (:mod:`helpers.multiwords`: *kerja sama*, *Korea Utara*) merged into one
   word first, lower-cased and never stemmed, so stop-word removal cannot split it;
2. ``drop_stop_phrases``: ``STOP_PHRASES`` (*salah satu*) removed as a whole;
3. ``terms``: each word lower-cased, kept when it has at least ``MIN_TOKEN_CHARS``
   letters and is not a stop word (:func:`helpers.stopwords.stopword_set`, checked
   **before** stemming), stemmed with a :class:`helpers.stemming.Stemmer`
   (``stem_many``), and dropped when the stem is a stop word (``menunjukkan`` ->
   ``tunjuk``);
4. ``ngrams``: neighbouring terms joined when ``ngram_range`` asks for them.

Why our own analyzer: passing ``stop_words=`` together with a stemming
``preprocessor`` makes scikit-learn compare stop words with stems and warn that they
are inconsistent (scikit-learn's UserWarning "Your stop_words may be inconsistent with your
preprocessing"). Doing both steps here keeps the order right.

:mod:`helpers.vectorize` builds the scikit-learn vectorisers around it and
re-exports its public names. Tests: ``tests/test_analyzer.py`` (one test per
step, and the chain against the rules written out plainly).
"""

from __future__ import annotations

import weakref

import pandas as pd

from .errors import OptionError, invalid_value_msg
from .multiwords import find_multiwords, may_contain_multiword, multiword_heads
from .stemming import Stemmer, default_stemmer
from .stopwords import stopword_set
from .tokens import is_alpha, letter_tokens, tokenize

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


class Expression(str):
    """A listed multi-word expression merged into one word (``"kerja sama"``).

    :meth:`IndonesianAnalyzer.words` emits it; its value is its term (lower-case
    tokens joined by one space), and later steps keep it as it is: it is neither
    lower-cased, checked against the stop words, nor stemmed.
    """

    __slots__ = ()


#: ``{stemmer: {rules: caches}}``: the analyzers' caches (:meth:`IndonesianAnalyzer.memos`).
_MEMOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class IndonesianAnalyzer:
    """Callable ``document -> list of terms`` for scikit-learn's ``analyzer=``.

    Build it with :func:`indonesian_analyzer`. One chain of small steps, as in
    scikit-learn's ``build_analyzer``/``_analyze``; each step takes the previous
    step's output and is written once (``self.steps`` lists them in order):

    1. :meth:`words` -- the letter tokens of :func:`helpers.text.tokenize`, lower
       case, with each listed multi-word expression (:mod:`helpers.multiwords`)
       merged into one :class:`Expression` first:
       *Kerja sama, 2024.* -> ``[Expression("kerja sama")]``;
    2. :meth:`drop_stop_phrases` -- ``STOP_PHRASES`` removed as a whole:
       ``["salah", "satu", "negara"]`` -> ``["negara"]``;
    3. :meth:`terms` -- each word's term by the one rule :meth:`term_of` (at least
       ``MIN_TOKEN_CHARS`` letters and not a stop word (:meth:`content_word`),
       stemmed, the stem not a stop word either), words without a term dropped:
       ``["mereka", "memperkuat", "menunjukkan"]`` -> ``["kuat"]``;
    4. :meth:`ngrams` -- neighbouring terms joined when ``ngram_range`` asks for it.

    Adding a step: write a method that takes the previous step's list (or, first in
    line, the document) and returns a new list, and put it in ``self.steps`` at its
    place, for example in ``__init__`` (or a subclass's ``__init__``)::

        self.steps = (self.words, self.merge_names, self.drop_stop_phrases,
                      self.terms, self.ngrams)

    A step placed before :meth:`terms` that merges words into one term emits
    :class:`Expression` items (``Expression("vladimir putin")``), which
    :meth:`drop_stop_phrases` and :meth:`terms` keep as they are. A new option that
    changes :meth:`term_of` must be added to the ``rules`` key in :meth:`memos`.
    ``tests/test_analyzer.py`` has one test per step and compares the chain with
    the rules written out plainly (``tests/plain_analyzer.py``).

    Speed (``make bench``): :meth:`terms` keeps each distinct word's term in a cache
    (:meth:`memos`: a pure function of the word, shared by analyzers with the same
    stemmer and rules; emptying it changes no result), so once a corpus's words are
    known a document costs one tokeniser call and a dictionary lookup per word.
    :meth:`words` and :meth:`drop_stop_phrases` take their slow path only for a
    document holding an expression's or a stop phrase's first word.

    Args:
        stemmer: anything with ``stem_many(words) -> {word: stem}`` (a
            :class:`~helpers.stemming.Stemmer`); the shared process-wide one when None.
        ngram_range: n-gram lengths over the terms, as in scikit-learn.
        expressions: one article's names (:func:`helpers.multiwords.entity_expressions`):
            :meth:`words` merges every form of an entity, as written, into the
            entity's one term (*Suu Kyi* -> ``aung san suu kyi``), besides the listed
            expressions.
    """

    def __init__(
        self,
        *,
        stemmer: Stemmer | None = None,
        ngram_range: tuple[int, int] = (1, 1),
        expressions: pd.DataFrame | None = None,
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
        #: The first words of the listed expressions (all letter tokens), lower case.
        self.expression_heads = multiword_heads()
        #: The article's names, and their first tokens as written (see ``expressions``).
        self.expressions = expressions
        self.name_heads = (
            frozenset(tokens[0] for tokens in expressions["tokens"])
            if expressions is not None and len(expressions)
            else frozenset()
        )
        #: ``{word: term or None}``, the cache of :meth:`term_of` (see :meth:`memos`).
        self.term_memo = self.memos()
        #: The steps of :meth:`__call__`, in order (see the class docstring).
        self.steps = (self.words, self.drop_stop_phrases, self.terms, self.ngrams)

    def __call__(self, document: str) -> list[str]:
        result = document
        for step in self.steps:
            result = step(result)
        return result

    # -- the steps, in order -----------------------------------------------------

    def words(self, document: str) -> list[str]:
        """Lower-case letter tokens of ``document`` in order, listed expressions merged.

        The tokens of :func:`helpers.text.tokenize` that are made of letters
        (:func:`helpers.text.is_alpha`), lower-cased; a listed multi-word expression
        (:func:`helpers.multiwords.find_multiwords`, matched on all tokens, so
        punctuation between its words stops a match) becomes one :class:`Expression`
        instead of its words. A document without an expression's first word, or that
        cannot hold an expression (:func:`helpers.multiwords.may_contain_multiword`),
        takes :func:`helpers.text.letter_tokens`, which gives the same tokens faster.

        >>> indonesian_analyzer().words("Kerja sama (2024), Kerja, sama.")
        ['kerja sama', 'kerja', 'sama']
        """
        text = str(document)
        words = letter_tokens(text, lower=True)
        names = bool(self.name_heads) and not self.name_heads.isdisjoint(
            letter_tokens(text)
        )
        if not names and (
            self.expression_heads.isdisjoint(words) or not may_contain_multiword(text)
        ):
            return words  # nothing to merge: the same words as the long way below
        tokens = tokenize(text)
        lowers = [token.lower() for token in tokens]
        words, i = [], 0
        found = find_multiwords(
            lowers, surface=tokens, expressions=self.expressions if names else None
        )
        for start, end, term in found:
            words.extend(word for word in lowers[i:start] if is_alpha(word))
            words.append(Expression(term))
            i = end
        words.extend(word for word in lowers[i:] if is_alpha(word))
        return words

    def drop_stop_phrases(self, words: list[str]) -> list[str]:
        """``words`` (lower case) without the ``STOP_PHRASES`` (two neighbouring words).

        >>> indonesian_analyzer().drop_stop_phrases(["salah", "satu", "salah"])
        ['salah']
        """
        if _PHRASE_HEADS.isdisjoint(words):
            return words
        kept, i = [], 0
        while i < len(words):
            if tuple(words[i : i + 2]) in STOP_PHRASES:
                i += 2
                continue
            kept.append(words[i])
            i += 1
        return kept

    def terms(self, words: list[str]) -> list[str]:
        """The term of each word (:meth:`term_of`), in order; words without one dropped.

        >>> indonesian_analyzer().terms(["mereka", "memperkuat", "x", "menunjukkan"])
        ['kuat']
        """
        if Expression in map(type, words):  # a merged name or expression: not cached
            return list(filter(None, self.terms_aligned(words)))
        try:  # every word known: one C-level map, no Python-level loop
            return list(filter(None, map(self.term_memo.__getitem__, words)))
        except KeyError:
            return list(filter(None, self.terms_aligned(words)))

    def terms_aligned(self, words: list[str]) -> list[str | None]:
        """``[term_of(word) for word in words]`` (None: no term), through the cache.

        An :class:`Expression` is its own term and never enters the cache: it is equal
        to (and hashes like) the plain word, so ``Expression("milan")`` cached as
        ``milan`` would keep the word *milan* unstemmed in every analyzer sharing the
        cache (the IndoSum reference counted after an article naming Milan), and a
        cached ``milan -> mil`` would stem the name.
        """
        memo = self.term_memo
        if Expression in map(type, words):
            for word in words:
                if type(word) is not Expression and word not in memo:
                    memo[word] = self.term_of(word)
            return [
                str(word) if type(word) is Expression else memo[word] for word in words
            ]
        try:  # every word known: one C-level map, no Python-level loop
            return list(map(memo.__getitem__, words))
        except KeyError:
            for word in words:
                if word not in memo:
                    memo[word] = self.term_of(word)
            return list(map(memo.__getitem__, words))

    def ngrams(self, terms: list[str]) -> list[str]:
        """``terms`` and/or their n-grams (joined by a space), as ``ngram_range`` asks.

        >>> indonesian_analyzer(ngram_range=(1, 2)).ngrams(["a", "b", "c"])
        ['a', 'b', 'c', 'a b', 'b c']
        """
        if self.ngram_range == (1, 1):
            return terms
        low, high = self.ngram_range
        grams: list[str] = []
        for n in range(low, high + 1):
            grams.extend(" ".join(terms[i : i + n]) for i in range(len(terms) - n + 1))
        return grams

    # -- the term rule, written once ----------------------------------------------

    def content_word(self, word: str) -> str | None:
        """``word`` (lower case, from :meth:`words`) if it is a content word, else None.

        A content word has at least ``MIN_TOKEN_CHARS`` characters and is not a stop
        word (checked *before* stemming). An :class:`Expression` is its own content
        word.
        """
        if isinstance(word, Expression):
            return word
        if len(word) < MIN_TOKEN_CHARS or word in self.stopwords:
            return None
        return word

    def memos(self) -> dict[str, str | None]:
        """The cache of :meth:`term_of` (``{word: term or None}``) that :meth:`terms` reads.

        :meth:`term_of` is a pure function of the word and of the rules (the stemmer,
        the stop words, ``MIN_TOKEN_CHARS``), so analyzers with the same stemmer and
        rules share one cache (a second vectoriser in a session does not look at the
        same words again, ``make bench``), and emptying it changes no result. A rule
        that a new option changes must be part of ``rules`` below, or analyzers with
        different options would share terms.
        """
        rules = (MIN_TOKEN_CHARS, self.stopwords)
        try:
            per_stemmer = _MEMOS.setdefault(self.stemmer, {})
        except TypeError:  # a stemmer that cannot be weakly referenced: a private cache
            per_stemmer = {}
        return per_stemmer.setdefault(rules, {})

    def term_of(self, word: str) -> str | None:
        """The term of one lower-case word (None: no term): the rule behind :meth:`terms`.

        The stem of the word's :meth:`content_word`, unless that stem is empty or a stop
        word itself (``menunjukkan`` -> ``tunjuk``). An :class:`Expression` is its own
        term.
        """
        lower = self.content_word(word)
        if lower is None:
            return None
        if isinstance(word, Expression):
            return str(word)
        stem = self.stemmer.stem_many((lower,))[lower]
        return stem if stem and stem not in self.stopwords else None

    def word_terms(self, document: str) -> list[tuple[str, str]]:
        """``(content word, stem)`` for each content word of ``document``, in order.

        The steps before :meth:`terms`, with each content word's stem, including
        stems that :meth:`terms` drops for being stop words: for the readable
        surface form of each term (:func:`helpers.vectorize.term_surface_forms`).
        """
        words = self.drop_stop_phrases(self.words(document))
        content = [
            lower for lower in map(self.content_word, words) if lower is not None
        ]
        stems = self.stemmer.stem_many(
            [lower for lower in content if not isinstance(lower, Expression)]
        )
        return [
            (str(lower), str(lower) if isinstance(lower, Expression) else stems[lower])
            for lower in content
        ]

    def __repr__(self) -> str:
        names = "" if self.expressions is None else f", {len(self.expressions)} names"
        return f"IndonesianAnalyzer(ngram_range={self.ngram_range}{names})"


def indonesian_analyzer(
    *,
    stemmer: Stemmer | None = None,
    ngram_range: tuple[int, int] = (1, 1),
    expressions: pd.DataFrame | None = None,
) -> IndonesianAnalyzer:
    """An analyzer for ``TfidfVectorizer(analyzer=...)``: tokenise, drop stop words, stem.

    Args:
        stemmer: a :class:`helpers.stemming.Stemmer` (or any object with
            ``stem_many``); the shared process-wide stemmer when None.
        ngram_range: n-gram lengths over the stems, as in scikit-learn.
        expressions: one article's names, each counted as its entity's one term
            (:func:`helpers.multiwords.entity_expressions`); None: listed ones only.

    Returns:
        A callable mapping one document (str) to its list of terms (stems, or stems
        joined by a space for n-grams). Punctuation, numbers, one-letter tokens and
        stop words never appear.

    >>> indonesian_analyzer()("Perjanjian ini memperkuat kerja sama militer (19/6).")
    ['janji', 'kuat', 'kerja sama', 'militer']
    """
    return IndonesianAnalyzer(
        stemmer=stemmer, ngram_range=ngram_range, expressions=expressions
    )
