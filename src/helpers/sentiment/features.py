"""Features of the sentiment model: word n-grams with negation marking, and a fast
character n-gram TF-IDF (:class:`CharNgramVectorizer`)."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from .rules import lexicon_hits, lower_tokens, mark_negation


def negation_preprocessor(text: str) -> str:
    """``TfidfVectorizer`` preprocessor: lower-case tokens with negation marked
    (module-level so the fitted model pickles)."""
    return mark_negation(text)


def plain_preprocessor(text: str) -> str:
    """``TfidfVectorizer`` preprocessor without negation marking: lower-case tokens."""
    return " ".join(lower_tokens(str(text)))


def split_on_spaces(text: str) -> list[str]:
    """Tokenizer for already tokenised text (the preprocessors join tokens with spaces)."""
    return text.split()


def _binary_matrix(rows, cols, shape) -> sparse.csr_matrix:
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)


class CharNgramVectorizer(TransformerMixin, BaseEstimator):
    """Character n-grams inside word boundaries (like ``TfidfVectorizer(analyzer="char_wb")``)
    with sublinear TF-IDF and L2 normalisation, computed per distinct word.

    Why hand-written: scikit-learn's ``char_wb`` analyzer builds every n-gram of every
    document in Python (about 4 s for SmSA train here, the bulk of training time). A
    document's ``char_wb`` n-grams are the union of its words' n-grams, so this class
    builds them once per distinct word and gets document counts as a sparse product
    (document x word counts) @ (word x n-gram counts): the same features, about five
    times faster. Words are the tokens of ``rules.TOKEN_RE``, lower-cased, padded with
    one space on each side.
    """

    def __init__(self, ngram_range=(2, 5), min_df: int = 2, dtype=np.float32):
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.dtype = dtype

    def __getstate__(self):
        state = super().__getstate__().copy()
        state["_cache"] = {}  # runtime cache: rebuilt on demand, never pickled
        return state

    def word_ngrams(self, word: str) -> list[str]:
        """The n-grams of one word, padded with a space on each side."""
        padded = f" {word} "
        low, high = tuple(self.ngram_range)
        return [
            padded[i : i + n]
            for n in range(low, high + 1)
            for i in range(len(padded) - n + 1)
        ]

    @staticmethod
    def _documents_by_words(documents):
        """(sparse documents x distinct words counts, list of distinct words)."""
        index: dict[str, int] = {}
        indices: list[int] = []
        indptr = [0]
        for document in documents:
            indices.extend(
                index.setdefault(token, len(index))
                for token in lower_tokens(str(document))
            )
            indptr.append(len(indices))
        counts = sparse.csr_matrix(
            (np.ones(len(indices)), indices, indptr),
            shape=(len(indptr) - 1, len(index)),
        )
        counts.sum_duplicates()
        return counts, list(index)

    def fit(self, documents, y=None):
        self.fit_transform(documents)
        return self

    def fit_transform(self, documents, y=None):
        doc_words, words = self._documents_by_words(documents)
        vocabulary: dict[str, int] = {}
        pairs = [
            (row, vocabulary.setdefault(g, len(vocabulary)))
            for row, w in enumerate(words)
            for g in self.word_ngrams(w)
        ]
        rows, cols = zip(*pairs) if pairs else ((), ())
        counts = (
            doc_words @ _binary_matrix(rows, cols, (len(words), len(vocabulary)))
        ).tocsc()
        document_frequency = np.diff(counts.indptr)
        names = np.asarray(sorted(vocabulary, key=vocabulary.get), dtype=object)
        keep = np.flatnonzero(document_frequency >= self.min_df)
        keep = keep[
            np.argsort(names[keep].astype(str), kind="stable")
        ]  # sorted, like scikit-learn
        self.vocabulary_ = {name: i for i, name in enumerate(names[keep])}
        self.idf_ = np.log((1 + counts.shape[0]) / (1 + document_frequency[keep])) + 1
        self._cache = {}
        return self._weight(counts[:, keep].tocsr())

    def _word_columns(self, word: str) -> np.ndarray:
        cache = self.__dict__.setdefault("_cache", {})
        if word not in cache:
            cache[word] = np.asarray(
                [
                    self.vocabulary_[g]
                    for g in self.word_ngrams(word)
                    if g in self.vocabulary_
                ],
                dtype=np.int64,
            )
        return cache[word]

    def counts(self, documents):
        """Raw n-gram counts (documents x features) for fitted features."""
        doc_words, words = self._documents_by_words(documents)
        columns = [self._word_columns(word) for word in words]
        rows = np.repeat(np.arange(len(words)), [len(c) for c in columns])
        cols = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64)
        return (
            doc_words @ _binary_matrix(rows, cols, (len(words), len(self.vocabulary_)))
        ).tocsr()

    def transform(self, documents):
        return self._weight(self.counts(documents))

    def _weight(self, counts):
        """Sublinear tf x idf, rows scaled to unit L2 norm."""
        weighted = counts.tocsr().astype(self.dtype)
        weighted.data = (1 + np.log(weighted.data)) * self.idf_[
            weighted.indices
        ].astype(self.dtype)
        lengths = np.diff(weighted.indptr)
        norms = np.sqrt(
            np.bincount(
                np.repeat(np.arange(len(lengths)), lengths),
                weights=weighted.data**2,
                minlength=len(lengths),
            )
        )
        weighted.data /= np.repeat(np.where(norms > 0, norms, 1), lengths).astype(
            self.dtype
        )
        return weighted

    def get_feature_names_out(self, input_features=None):
        return np.asarray(
            sorted(self.vocabulary_, key=self.vocabulary_.get), dtype=object
        )


class LexiconCounts(TransformerMixin, BaseEstimator):
    """Two features per text: the number of non-negated negative and positive news-lexicon
    hits (:func:`helpers.sentiment.rules.lexicon_hits`), scaled by ``scale``.

    Lets the classifier learn from the training data how much a lexicon hit counts,
    instead of adding a fixed log-odds at scoring time. Stateless (nothing is fitted).
    """

    def __init__(self, scale: float = 1.0):
        self.scale = scale

    def fit(self, documents, y=None):
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return True  # stateless: nothing to fit

    def transform(self, documents):
        rows, cols, values = [], [], []
        for row, document in enumerate(documents):
            for _, tone, _ in lexicon_hits(str(document)):
                rows.append(row)
                cols.append(0 if tone == "negative" else 1)
                values.append(self.scale)
        matrix = sparse.csr_matrix(
            (values, (rows, cols)), shape=(len(documents), 2), dtype=np.float32
        )
        matrix.sum_duplicates()
        return matrix

    def get_feature_names_out(self, input_features=None):
        return np.asarray(["lexicon_negative", "lexicon_positive"], dtype=object)
