"""Paragraph sentiment: a validated TF-IDF + logistic-regression model, applied to news.

The model
---------
Word n-grams (with negation marking) and character n-grams (``char_wb``) feed a
multinomial logistic regression with balanced class weights, trained on SmSA train +
NusaX-Indonesian train after removing every text that duplicates or nearly duplicates
a validation or test text (:func:`helpers.datasets.decontaminate`). One temperature
(Guo et al. 2017, "On calibration of modern neural networks") is then fitted on the
validation splits, so the probabilities are calibrated without changing the ranking.
Model choices (n-gram ranges, ``C``, class weights, negation marking, contrast weight)
were selected on the validation splits only; the record is in
:class:`SentimentConfig`, and notebook 03 re-scores the validation splits. Test splits
are scored once, for the benchmark.

News lexicon
    ``data/news_tone_lexicon.csv``: a short, analyst-written list of news-tone words
    (concern, tension, threat, aggression, conflict / peace, support, praise,
    cooperation, benefit) with their affixed forms. Each non-negated hit adds
    ``LEXICON_WEIGHT`` log-odds to its class in its clause. It is not a validated
    resource; notebook 03 measures its effect on both benchmarks (with and without).

Negation (``tidak``, ``bukan``, ``tanpa`` ...)
    Tokens after a negator, up to three words or the next punctuation mark, get a
    ``neg_`` prefix before the word n-grams are built (Das & Chen 2001; Pang, Lee &
    Vaithyanathan 2002), so ``tidak enak`` and ``enak`` are different features.
    ``tidak hanya`` / ``bukan hanya`` / ``tidak saja`` ("not only ... but also") are
    additive, not negation, and are left unmarked.

Contrast and concession (``namun``, ``tetapi``, ``meskipun`` ...)
    A sentence is cut into clauses at contrast markers. The clause after ``namun`` /
    ``tetapi`` / ``tapi`` / ``melainkan`` and the main clause next to a
    ``meskipun`` / ``walaupun`` clause are the *nucleus*; the other clause is the
    *satellite* (Rhetorical Structure Theory; Polanyi & Zaenen 2006, "Contextual
    valence shifters"). Sentence log-odds are the weighted mean of clause log-odds
    with weight ``CONTRAST_WEIGHT`` for the nucleus and 1 for the satellite.
    ``... tetapi juga`` after ``tidak hanya`` is additive and is not split.

Paragraphs
    Rule: a paragraph's probabilities are the mean of its sentences' probabilities,
    weighted by each sentence's number of words. The label is the most probable class.
    ``sentiment_score`` = ``p_positive - p_negative`` (from -1 to 1). Uncertainty comes
    from a bootstrap over the paragraph's sentences (seeded): an interval for the score
    and the share of resamples that give the same label.

Evidence
    Exact additive contributions of the linear model: for every feature,
    coefficient x TF-IDF value, centred over the three classes (softmax ignores a
    shared constant), assigned to the words the feature comes from (a bigram splits
    between its two words; a character n-gram between the words that contain it).
    Per sentence, contributions plus the centred intercept sum to the clause-weighted
    log-odds before temperature scaling.

Caveats: the training texts are reviews and comments, not news. Report-style news
sentences are mostly neutral in SmSA terms; the model's verdicts on news must be read
with the evidence and the low-confidence flags.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from . import config
from .datasets import LABELS, checksums, decontaminate, load_datasets
from .errors import OptionError
from .text import split_sentences

#: Bump when the pickled model layout changes (part of the cache key).
MODEL_FORMAT = 3

#: Words that negate what follows (standard and colloquial spellings).
NEGATORS = frozenset({"tidak", "tak", "bukan", "tanpa", "belum", "jangan", "enggak", "nggak", "gak",
                      "ga", "engga", "ndak", "kagak", "gk", "tdk"})
#: A negator followed by one of these is "not only" (additive), not negation.
NOT_ONLY = frozenset({"hanya", "saja", "cuma", "sekadar", "sekedar", "semata"})
#: How many tokens after a negator are marked (stops earlier at punctuation).
NEGATION_SCOPE = 3
#: Clause after these is the nucleus (contrast): "A, namun B" -> B counts more.
CONTRAST_MARKERS = ("akan tetapi", "namun", "tetapi", "tapi", "melainkan")
#: The clause these introduce is the satellite (concession): "meskipun A, B" -> B counts more.
CONCESSION_MARKERS = ("meskipun", "walaupun", "meski", "walau", "kendati", "biarpun")
#: Weight of the nucleus clause relative to the satellite (1 switches contrast off).
CONTRAST_WEIGHT = 2.0
#: A paragraph is low-confidence when its top probability is below this...
LOW_CONFIDENCE_P = 0.5
#: ...or when fewer than this share of sentence-bootstrap resamples agree on its label.
LOW_CONFIDENCE_AGREEMENT = 0.8
#: Bootstrap resamples over sentences.
N_BOOTSTRAP = 1000

_TOKEN = re.compile(r"\w+|[^\w\s]")
_MARKERS_RE = re.compile(
    r"\b(?P<marker>" + "|".join(m.replace(" ", r"\s+") for m in CONTRAST_MARKERS + CONCESSION_MARKERS) + r")\b",
    re.IGNORECASE,
)
_NOT_ONLY_RE = re.compile(r"\b(?:tidak|tak|bukan)\s+(?:hanya|saja|cuma|sekadar|sekedar|semata)\b", re.IGNORECASE)


# --- text preprocessing -------------------------------------------------------------


@lru_cache(maxsize=32768)
def _lower_tokens(text: str) -> tuple[str, ...]:
    """Lower-case tokens of ``text`` (cached: negation marking, character n-grams and the
    lexicon all tokenise the same clause)."""
    return tuple(_TOKEN.findall(text.lower()))



def mark_negation(text: str) -> str:
    """Lower-case ``text`` and prefix ``neg_`` to the words a negator governs.

    >>> mark_negation("Makanannya tidak enak, tapi murah.")
    'makanannya tidak neg_enak , tapi murah .'
    >>> mark_negation("Tidak hanya politik, tetapi juga ekonomi.")
    'tidak hanya politik , tetapi juga ekonomi .'
    """
    tokens = _lower_tokens(str(text))
    if NEGATORS.isdisjoint(tokens):  # fast path: most sentences have no negator
        return " ".join(tokens)
    out: list[str] = []
    remaining = 0
    for i, token in enumerate(tokens):
        if not token[0].isalnum() and token[0] != "_":  # punctuation ends the scope
            remaining = 0
            out.append(token)
            continue
        if token in NEGATORS:
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            remaining = 0 if following in NOT_ONLY else NEGATION_SCOPE
            out.append(token)
            continue
        if remaining and token not in {m for m in CONTRAST_MARKERS if " " not in m}:
            out.append("neg_" + token)
            remaining -= 1
        else:
            remaining = 0
            out.append(token)
    return " ".join(out)


_ADDITIVE_RE = re.compile(r"\b(?:tidak|tak|bukan)\s+(?:hanya|saja|cuma|sekadar|sekedar|semata)\b", re.IGNORECASE)


def prepare_text(text: str) -> str:
    """Rewrite additive "not only" to its paraphrase before features are built.

    ``tidak hanya A, tetapi juga B`` means "besides A, also B"; left as is, the
    review-trained model reads the ``tidak`` as a complaint. The rewrite to ``selain``
    keeps the meaning and removes the false negation (applied to training and scored
    text alike).

    >>> prepare_text("Tidak hanya itu, kerja sama juga meningkat.")
    'selain itu, kerja sama juga meningkat.'
    """
    return _ADDITIVE_RE.sub("selain", str(text))


def prepare_texts(texts):
    """:func:`prepare_text` over a sequence (the pipeline's first step)."""
    return [prepare_text(t) for t in texts]


# --- news-domain tone lexicon -------------------------------------------------------

#: Log-odds added to a clause's class per news-lexicon hit (0 switches the lexicon off).
LEXICON_WEIGHT = 1.5


def news_lexicon() -> pd.DataFrame:
    """The news-tone term list (``tone``, ``category``, ``pattern``, ``example``).

    Source: written for this project by the analyst from the categories issue 5 names
    as carrying tone in geopolitical news (concern, tension, threat, aggression,
    conflict / peace, support, praise, cooperation, benefit), with the common affixed
    forms of each word spelled out (no stemmer, so matching is exact and fast). It is
    not a validated lexicon; its effect on both benchmarks is measured in notebook 03.
    """
    from importlib.resources import files

    with files("helpers.data").joinpath("news_tone_lexicon.csv").open(encoding="utf-8") as handle:
        return pd.read_csv(handle)


def _lexicon_lookup() -> dict[tuple[str, ...], tuple[str, str]]:
    """Word sequence (lower-case tokens) -> (tone, category)."""
    lookup = {}
    for tone, category, pattern in news_lexicon()[["tone", "category", "pattern"]].itertuples(index=False):
        for form in pattern.split("|"):
            words = tuple(_TOKEN.findall(form.strip().lower()))
            if words:
                lookup[words] = (tone, category)
    return lookup


_LEXICON: dict | None = None
_LEXICON_FIRST: frozenset = frozenset()


def lexicon_hits(text: str) -> list[tuple[str, str, str]]:
    """News-lexicon matches in ``text`` that are not negated, in text order.

    Returns ``(form, tone, category)`` tuples; ``form`` is the matched words,
    lower-cased. Longer forms win (``bekerja sama`` before ``sama``). A hit within
    ``NEGATION_SCOPE`` words after a negator, with no punctuation between
    (``tidak khawatir``), is dropped: "not worried" is not praise, so it is
    neutralised rather than flipped. Additive ``tidak hanya`` does not negate.

    >>> lexicon_hits("Kim memuji Rusia, tetapi AS tidak khawatir.")
    [('memuji', 'positive', 'praise')]
    """
    global _LEXICON, _LEXICON_FIRST
    if _LEXICON is None:
        _LEXICON = _lexicon_lookup()
        _LEXICON_FIRST = frozenset(key[0] for key in _LEXICON)
    tokens = _lower_tokens(str(text))
    hits = []
    # Only tokens that can start a lexicon form are examined (a set test per token).
    next_free = 0
    for i in [i for i, token in enumerate(tokens) if token in _LEXICON_FIRST]:
        if i < next_free:
            continue  # inside a longer form already matched
        match = next((key for key in (tuple(tokens[i:i + 2]), tuple(tokens[i:i + 1])) if key in _LEXICON), None)
        if match is None:
            continue
        next_free = i + len(match)
        if not _is_negated(tokens, i):
            hits.append((" ".join(match), *_LEXICON[match]))
    return hits


def _is_negated(tokens: list[str], i: int) -> bool:
    """True when a negator governs ``tokens[i]`` (within the scope, no punctuation between)."""
    for j in range(i - 1, max(-1, i - 1 - NEGATION_SCOPE), -1):
        token = tokens[j]
        if not token[0].isalnum() and token[0] != "_":
            return False
        if token in NEGATORS:
            return not (j + 1 < len(tokens) and tokens[j + 1] in NOT_ONLY)
    return False


def split_clauses(sentence: str, *, weight: float = CONTRAST_WEIGHT) -> list[tuple[str, float]]:
    """Cut a sentence at contrast/concession markers; return ``(clause, weight)`` pairs.

    Weights sum to 1. The nucleus gets ``weight`` times the satellite's share. A sentence
    without markers (or ``weight == 1``) is one clause with weight 1.

    >>> [(c, round(w, 3)) for c, w in split_clauses("Tempatnya bagus, tetapi makanannya mahal.")]
    [('Tempatnya bagus,', 0.333), ('tetapi makanannya mahal.', 0.667)]
    >>> [(c, round(w, 3)) for c, w in split_clauses("Meskipun mahal, makanannya enak.")]
    [('Meskipun mahal,', 0.333), ('makanannya enak.', 0.667)]
    """
    text = str(sentence).strip()
    matches = [m for m in _MARKERS_RE.finditer(text) if m.start() > 0 or m.group("marker").lower() in CONCESSION_MARKERS]
    if weight == 1 or not matches:
        return [(text, 1.0)]
    additive = _NOT_ONLY_RE.search(text) is not None
    # (start, end, role) pieces: role 'n' nucleus, 's' satellite.
    cuts: list[tuple[int, str]] = []  # (position, role of the clause that starts here)
    for m in matches:
        marker = re.sub(r"\s+", " ", m.group("marker").lower())
        after = text[m.end():m.end() + 6].lower()
        if marker in CONTRAST_MARKERS:
            if additive and after.strip().startswith("juga"):
                continue  # "tidak hanya A, tetapi juga B": additive
            cuts.append((m.start(), "contrast"))
        else:
            cuts.append((m.start(), "concession"))
    if not cuts:
        return [(text, 1.0)]
    pieces: list[tuple[str, str]] = []  # (clause text, role)
    position = 0
    for start, kind in cuts:
        if start > position:
            before = text[position:start].strip()
            if before:
                pieces.append((before, "s" if kind == "contrast" else "n"))
        position = start
        if kind == "concession":
            # The concessive clause runs to the next comma (or the next cut, or the end).
            next_starts = [s for s, _ in cuts if s > start]
            comma = text.find(",", start)
            end = min([e for e in [comma + 1 if comma >= 0 else None, *next_starts] if e] or [len(text)])
            if end <= start:
                end = len(text)
            pieces.append((text[start:end].strip(), "s"))
            position = end
    tail = text[position:].strip()
    if tail:
        pieces.append((tail, "n"))
    pieces = [(p, r) for p, r in pieces if re.search(r"\w", p)]
    if len(pieces) < 2 or len({r for _, r in pieces}) < 2:
        return [(text, 1.0)]
    raw = np.array([weight if role == "n" else 1.0 for _, role in pieces])
    shares = raw / raw.sum()
    return [(p, float(s)) for (p, _), s in zip(pieces, shares)]


# --- configuration and model --------------------------------------------------------


@dataclass(frozen=True)
class SentimentConfig:
    """Everything that changes the fitted model (part of the cache key).

    Selection record (validation macro-F1, SmSA valid / NusaX valid, decontaminated
    training, measured one choice at a time on successive development versions; test
    splits never used):

    * negation marking on 0.865 / 0.886 vs off 0.861 / 0.869 -> on;
    * balanced class weights vs none: 0.866 / 0.865 vs 0.857 / 0.839 -> balanced;
    * ``min_df`` 3 vs 2: 0.868 / 0.875 vs 0.866 / 0.865 -> 3 (also fewer features);
    * ``C`` 3 / 10 / 30: 0.859 / 0.895, 0.865 / 0.886, 0.868 / 0.886 -> a tie on the
      mean; 3 fits fastest;
    * character n-grams (2, 5) vs (1, 5) vs (2, 6), word n-grams (1, 2) vs (1, 3):
      within 0.002 -> the smaller ones;
    * near-duplicate threshold 0.6: read off matched pairs, not tuned for score.

    Scoring-time choices, also on validation (NusaX valid has only 100 texts, so one
    text is 0.01): contrast weight 2 vs 1 costs 0.013 on NusaX and 0.001 on SmSA;
    sentence splitting costs 0.029 on NusaX. Both are kept for news, where the issue
    asks for them, and their cost is reported in notebook 03.
    """

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    min_df: int = 3
    C: float = 3.0
    class_weight: str | None = "balanced"
    negation: bool = True
    near_duplicate_threshold: float = 0.6
    train_sets: tuple[str, ...] = ("smsa", "nusax")


@dataclass
class SentimentModel:
    """A fitted model plus what is needed to trust it.

    Attributes:
        pipeline: the scikit-learn ``Pipeline`` (``features`` union, ``classifier``).
        temperature: divides the log-odds before the softmax (fitted on validation).
        config: the :class:`SentimentConfig` it was trained with.
        cache_key: hash of data checksums, library versions and config.
        training: summary of the training run (sizes, decontamination counts, seconds).
    """

    pipeline: object
    temperature: float
    config: SentimentConfig
    cache_key: str
    training: dict = field(default_factory=dict)

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(self.pipeline.classes_)


class CharNgramVectorizer(TransformerMixin, BaseEstimator):
    """Character n-grams inside word boundaries (like ``TfidfVectorizer(analyzer="char_wb")``)
    with sublinear TF-IDF and L2 normalisation, computed per distinct word.

    Why hand-written: scikit-learn's ``char_wb`` analyzer builds every n-gram of every
    document in Python (about 4 s for SmSA train here, the bulk of training time). A
    document's ``char_wb`` n-grams are the union of its words' n-grams, so this class
    builds them once per distinct word and gets document counts as a sparse product
    (document x word counts) @ (word x n-gram counts): the same features, about five
    times faster. Words are the tokens of ``_TOKEN`` (letters/digits, or one
    punctuation mark), lower-cased, padded with one space on each side.
    """

    def __init__(self, ngram_range=(2, 5), min_df: int = 2, dtype=np.float32):
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.dtype = dtype

    def __getstate__(self):
        state = super().__getstate__().copy()
        state["_cache"] = {}  # runtime cache: rebuilt on demand, never pickled
        return state

    def _word_ngrams(self, word: str) -> list[str]:
        padded = f" {word} "
        low, high = tuple(self.ngram_range)
        grams = []
        for n in range(low, high + 1):
            if len(padded) < n:
                continue
            grams.extend(padded[i:i + n] for i in range(len(padded) - n + 1))
        return grams

    def _documents_by_words(self, documents):
        """(sparse documents x distinct words counts, list of distinct words)."""
        from scipy import sparse

        index: dict[str, int] = {}
        indices: list[int] = []
        indptr = [0]
        for document in documents:
            for token in _lower_tokens(str(document)):
                indices.append(index.setdefault(token, len(index)))
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.float64)
        counts = sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, len(index)))
        counts.sum_duplicates()
        return counts, list(index)

    def fit(self, documents, y=None):
        self.fit_transform(documents)
        return self

    def fit_transform(self, documents, y=None):
        from scipy import sparse

        self._cache = {}
        doc_words, words = self._documents_by_words(documents)
        vocabulary: dict[str, int] = {}
        rows, cols = [], []
        for row, word in enumerate(words):
            for gram in self._word_ngrams(word):
                rows.append(row)
                cols.append(vocabulary.setdefault(gram, len(vocabulary)))
        word_grams = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(words), len(vocabulary)))
        counts = (doc_words @ word_grams).tocsc()
        document_frequency = np.diff(counts.indptr)
        keep = np.flatnonzero(document_frequency >= self.min_df)
        names = np.empty(len(vocabulary), dtype=object)
        names[list(vocabulary.values())] = list(vocabulary)
        kept_names = names[keep]
        order = np.argsort(kept_names.astype(str), kind="stable")  # sorted, like scikit-learn
        keep = keep[order]
        self.vocabulary_ = {name: i for i, name in enumerate(names[keep])}
        n_documents = counts.shape[0]
        self.idf_ = (np.log((1 + n_documents) / (1 + document_frequency[keep])) + 1).astype(np.float64)
        self._cache = {}
        return self._weight(counts[:, keep].tocsr())

    def _word_columns(self, word: str) -> np.ndarray:
        if not hasattr(self, "_cache"):
            self._cache = {}
        columns = self._cache.get(word)
        if columns is None:
            vocabulary = self.vocabulary_
            columns = np.asarray([vocabulary[g] for g in self._word_ngrams(word) if g in vocabulary], dtype=np.int64)
            self._cache[word] = columns
        return columns

    def counts(self, documents):
        """Raw n-gram counts (documents x features) for fitted features."""
        from scipy import sparse

        doc_words, words = self._documents_by_words(documents)
        rows, cols = [], []
        for row, word in enumerate(words):
            columns = self._word_columns(word)
            rows.append(np.full(len(columns), row, dtype=np.int64))
            cols.append(columns)
        rows_array = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        cols_array = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        word_grams = sparse.csr_matrix((np.ones(len(rows_array)), (rows_array, cols_array)),
                                       shape=(len(words), len(self.vocabulary_)))
        return (doc_words @ word_grams).tocsr()

    def transform(self, documents):
        return self._weight(self.counts(documents))

    def _weight(self, counts):
        """Sublinear tf x idf, rows scaled to unit L2 norm (in place on a CSR copy)."""
        weighted = counts.tocsr().astype(self.dtype)
        weighted.data = (1 + np.log(weighted.data)) * self.idf_[weighted.indices].astype(self.dtype)
        lengths = np.diff(weighted.indptr)
        filled = lengths > 0
        norms = np.zeros(weighted.shape[0], dtype=self.dtype)
        if weighted.nnz:  # reduceat over non-empty rows only (empty rows would index past the end)
            norms[filled] = np.sqrt(np.add.reduceat(weighted.data ** 2, weighted.indptr[:-1][filled]))
        weighted.data /= np.repeat(np.where(norms > 0, norms, 1), lengths)
        return weighted

    def get_feature_names_out(self, input_features=None):
        names = np.empty(len(self.vocabulary_), dtype=object)
        names[list(self.vocabulary_.values())] = list(self.vocabulary_)
        return names


def negation_preprocessor(text: str) -> str:
    """``TfidfVectorizer`` preprocessor: lower-case and mark negation (module-level so
    the fitted model pickles)."""
    return mark_negation(text)


def plain_preprocessor(text: str) -> str:
    """``TfidfVectorizer`` preprocessor without negation marking: lower-case tokens."""
    return " ".join(_lower_tokens(str(text)))


def split_on_spaces(text: str) -> list[str]:
    """Tokenizer for already tokenised text (the preprocessors join tokens with spaces)."""
    return text.split()


def build_pipeline(settings: SentimentConfig):
    """The untrained scikit-learn pipeline for ``settings``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    words = TfidfVectorizer(ngram_range=tuple(settings.word_ngrams), sublinear_tf=True, min_df=settings.min_df,
                            preprocessor=negation_preprocessor if settings.negation else plain_preprocessor,
                            tokenizer=split_on_spaces, token_pattern=None, dtype=np.float32)
    chars = CharNgramVectorizer(ngram_range=settings.char_ngrams, min_df=settings.min_df)
    features = FeatureUnion([("words", words), ("chars", chars)])
    # newton-cg converges in a handful of iterations here (lbfgs needs ~30 and 5x the time).
    classifier = LogisticRegression(C=settings.C, class_weight=settings.class_weight, solver="newton-cg",
                                    max_iter=200)
    return Pipeline([("prepare", FunctionTransformer(prepare_texts)), ("features", features),
                     ("classifier", classifier)])


def library_versions() -> dict[str, str]:
    """Versions that change a fitted model (part of the cache key)."""
    import joblib
    import scipy
    import sklearn

    return {"python": platform.python_version(), "numpy": np.__version__, "pandas": pd.__version__,
            "scipy": scipy.__version__, "scikit-learn": sklearn.__version__, "joblib": joblib.__version__}


def cache_key(settings: SentimentConfig) -> str:
    """Hex key from the data checksums, library versions, config and model format."""
    payload = {"checksums": checksums(settings.train_sets + tuple(s for s in ("smsa", "nusax")
                                                                  if s not in settings.train_sets)),
               "versions": library_versions(), "config": asdict(settings), "format": MODEL_FORMAT,
               "contrast": [CONTRAST_MARKERS, CONCESSION_MARKERS], "negation": [sorted(NEGATORS), sorted(NOT_ONLY),
                                                                              NEGATION_SCOPE]}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=list).encode()).hexdigest()


def _check_settings(settings) -> SentimentConfig:
    if settings is None:
        return SentimentConfig()
    if not isinstance(settings, SentimentConfig):
        raise OptionError(f"settings must be a SentimentConfig, got {type(settings).__name__}.")
    return settings


def _fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """Temperature minimising validation log-loss (one scalar; ranking unchanged)."""
    from scipy.optimize import minimize_scalar
    from scipy.special import log_softmax

    def nll(log_t: float) -> float:
        return -log_softmax(logits / np.exp(log_t), axis=1)[np.arange(len(y)), y].mean()

    return float(np.exp(minimize_scalar(nll, bounds=(-3, 3), method="bounded").x))


def train_model(*, settings: SentimentConfig | None = None, use_cache: bool = True, cache_dir=None,
                data_dir=None, progress: bool = True) -> SentimentModel:
    """Train the sentiment model, or load it from the cache when nothing changed.

    How to read it: the returned :class:`SentimentModel` scores text with
    :func:`score_texts`, :func:`score_paragraphs` and :func:`score_sentences`;
    ``model.training`` says what it was trained on and how much was decontaminated.

    Args:
        settings: a :class:`SentimentConfig`; the validated default when None.
        use_cache: load ``sentiment-model-<key>.joblib`` from ``cache_dir`` when it
            exists; always (re)write it after training. False forces training.
        cache_dir: where fitted models are cached; ``data/external/`` when None.
        data_dir: dataset cache folder for :func:`helpers.datasets.load_datasets`.
        progress: show a progress bar (on stdout) while training.

    Returns:
        A :class:`SentimentModel`.

    Raises:
        DatasetError: the labelled data cannot be obtained (see its message).
    """
    import joblib

    from .io import atomic_path

    settings = _check_settings(settings)
    key = cache_key(settings)
    cache_dir = Path(cache_dir) if cache_dir else config.EXTERNAL_DIR
    path = cache_dir / f"sentiment-model-{key[:16]}.joblib"
    if use_cache and path.exists():
        try:
            model = joblib.load(path)
            if isinstance(model, SentimentModel) and model.cache_key == key:
                return model
        except Exception:  # a truncated or foreign file: retrain and overwrite it
            pass
    from tqdm import tqdm

    started = time.perf_counter()
    # stdout, not stderr: executed notebooks must have no stderr output.
    bar = tqdm(total=5, desc="Training sentiment model", file=sys.stdout, disable=not progress,
               ascii=True, bar_format="{desc}: step {n}/{total}{postfix}", mininterval=0)
    bar.set_postfix_str("loading data")
    data = load_datasets(("nusax", "smsa"), cache_dir=data_dir)
    bar.update()
    bar.set_postfix_str("decontaminating")
    train = data[(data["split"] == "train") & data["dataset"].isin(settings.train_sets)]
    held_out = data[data["split"] != "train"]
    flagged = decontaminate(train, held_out, threshold=settings.near_duplicate_threshold)
    kept = flagged[~flagged["is_contaminated"]]
    bar.update()
    bar.set_postfix_str("fitting TF-IDF + logistic regression")
    pipeline = build_pipeline(settings)
    pipeline.fit(kept["text"].tolist(), kept["label"].to_numpy())
    bar.update()
    bar.set_postfix_str("calibrating on validation")
    valid = data[data["split"] == "valid"]
    logits = pipeline.decision_function(valid["text"].tolist())
    y = pd.Categorical(valid["label"], categories=list(pipeline.classes_)).codes
    temperature = _fit_temperature(np.asarray(logits, dtype=float), np.asarray(y))
    bar.update()
    bar.set_postfix_str("saving")
    training = {
        "n_train_before": int(len(flagged)),
        "n_train": int(len(kept)),
        "n_dropped_exact": int((flagged["reason"] == "exact").sum()),
        "n_dropped_near": int((flagged["reason"] == "near").sum()),
        "dropped_by_dataset": {k: int(v) for k, v in flagged.groupby("dataset")["is_contaminated"].sum().items()},
        "temperature": temperature,
        "train_seconds": round(time.perf_counter() - started, 3),
        "versions": library_versions(),
    }
    model = SentimentModel(pipeline=pipeline, temperature=temperature, config=settings, cache_key=key,
                           training=training)
    with atomic_path(path) as tmp:
        joblib.dump(model, tmp)
    bar.update()
    bar.set_postfix_str(f"done in {training['train_seconds']:.1f} s")
    bar.close()
    return model


def load_or_train_model(*, settings: SentimentConfig | None = None, cache_dir=None, data_dir=None,
                        progress: bool = True) -> SentimentModel:
    """The cached model for ``settings`` if there is one, else train and cache it.

    Same as ``train_model(use_cache=True, ...)``; see :func:`train_model`.
    """
    return train_model(settings=settings, use_cache=True, cache_dir=cache_dir, data_dir=data_dir,
                       progress=progress)


# --- scoring ------------------------------------------------------------------------

PROBABILITY_COLUMNS = ["p_negative", "p_neutral", "p_positive"]
_TONE_INDEX = {"negative": 0, "positive": 2}


def _softmax(logits: np.ndarray, temperature: float) -> np.ndarray:
    from scipy.special import softmax

    return softmax(logits / temperature, axis=1)


def _clean(texts) -> list[str]:
    return ["" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t) for t in texts]


def _clause_plan(texts, contrast_weight: float):
    """Clauses of every text and a (text index, weight) per clause."""
    clauses: list[str] = []
    owner: list[int] = []
    weights: list[float] = []
    for i, text in enumerate(texts):
        if contrast_weight == 1 or not _may_have_marker(text):  # fast path: one clause
            clauses.append(text)
            owner.append(i)
            weights.append(1.0)
            continue
        for clause, w in split_clauses(text, weight=contrast_weight):
            clauses.append(clause)
            owner.append(i)
            weights.append(w)
    return clauses, np.asarray(owner, dtype=np.int64), np.asarray(weights)


_MARKER_STEMS = ("namun", "tapi", "melainkan", "meski", "walau", "kendati", "biarpun")


def _may_have_marker(text: str) -> bool:
    """Cheap substring pre-check before the marker regex (most sentences have none)."""
    lower = text.lower()
    return any(stem in lower for stem in _MARKER_STEMS) and _MARKERS_RE.search(text) is not None


def _classifier_order(model: SentimentModel) -> list[int]:
    classes = list(model.pipeline.named_steps["classifier"].classes_)
    return [classes.index(label) for label in LABELS]


def _lexicon_logits(clauses, weight: float) -> np.ndarray:
    out = np.zeros((len(clauses), len(LABELS)))
    if weight:
        for row, clause in enumerate(clauses):
            for _, tone, _ in lexicon_hits(clause):
                out[row, _TONE_INDEX[tone]] += weight
    return out


def text_logits(model: SentimentModel, texts, *, contrast_weight: float = CONTRAST_WEIGHT,
                lexicon_weight: float = 0.0) -> np.ndarray:
    """Clause-weighted log-odds (``LABELS`` order, before temperature), one row per text.

    Each clause gets the model's log-odds plus ``lexicon_weight`` per news-lexicon hit
    on the hit's class; a text's log-odds are the weighted mean over its clauses.
    """
    texts = _clean(texts)
    if not texts:
        return np.zeros((0, len(LABELS)))
    clauses, owner, weights = _clause_plan(texts, contrast_weight)
    features = model.pipeline[:-1].transform(clauses)
    classifier = model.pipeline.named_steps["classifier"]
    clause_logits = np.asarray(features @ classifier.coef_.T + classifier.intercept_, dtype=float)
    clause_logits = clause_logits[:, _classifier_order(model)] + _lexicon_logits(clauses, lexicon_weight)
    out = np.zeros((len(texts), len(LABELS)))
    np.add.at(out, owner, clause_logits * weights[:, None])
    return out


def _table_from_probabilities(probabilities: np.ndarray) -> pd.DataFrame:
    probabilities = probabilities.reshape(-1, len(LABELS))
    table = pd.DataFrame(probabilities, columns=PROBABILITY_COLUMNS)
    table.insert(0, "sentiment", np.asarray(LABELS, dtype=object)[probabilities.argmax(axis=1)]
                 if len(table) else pd.Series([], dtype=object))
    table["sentiment_score"] = table["p_positive"] - table["p_negative"]
    table["confidence"] = probabilities.max(axis=1) if len(table) else np.zeros(0)
    return table


def score_texts(model: SentimentModel, texts, *, contrast_weight: float = CONTRAST_WEIGHT,
                lexicon_weight: float = LEXICON_WEIGHT) -> pd.DataFrame:
    """Score each text as one unit (clauses weighted, no sentence splitting).

    How to read it: one row per input text, in input order. ``p_*`` are calibrated
    probabilities that sum to 1; ``sentiment`` is the most probable label;
    ``sentiment_score = p_positive - p_negative`` runs from -1 (surely negative) to 1;
    ``confidence`` is the top probability (1/3 means the model cannot tell).

    Args:
        model: from :func:`load_or_train_model`.
        texts: a sequence of strings (a Series or list).
        contrast_weight: nucleus weight for contrast/concession clauses; 1 turns the
            contrast rule off.
        lexicon_weight: log-odds per news-lexicon hit; 0 turns the lexicon off.

    Returns:
        Columns ``sentiment``, ``p_negative``, ``p_neutral``, ``p_positive``,
        ``sentiment_score``, ``confidence``; a fresh 0..n-1 index.
    """
    logits = text_logits(model, list(texts), contrast_weight=contrast_weight, lexicon_weight=lexicon_weight)
    return _table_from_probabilities(_softmax(logits, model.temperature))


def sentence_weights(texts) -> np.ndarray:
    """Number of word tokens in each text (at least 1): the aggregation weight."""
    return np.asarray([max(1, len(re.findall(r"\w+", str(t)))) for t in texts], dtype=float)


def score_paragraphs(model: SentimentModel, texts, *, contrast_weight: float = CONTRAST_WEIGHT,
                     lexicon_weight: float = LEXICON_WEIGHT) -> pd.DataFrame:
    """Score paragraphs: split into sentences, score each, take the word-weighted mean.

    The fast path (no bootstrap, no evidence) for benchmarks and bulk scoring; for an
    article use :func:`score_sentences` then :func:`paragraph_sentiment`, which give
    the same probabilities plus intervals and flags.

    Returns:
        The :func:`score_texts` columns plus ``n_sentences``, one row per input text,
        in input order. An empty text is scored as the empty string (the model's prior).
    """
    texts = _clean(texts)
    sentences: list[str] = []
    owner: list[int] = []
    for i, text in enumerate(texts):
        parts = split_sentences(text) or [text]
        sentences.extend(parts)
        owner.extend([i] * len(parts))
    owner_array = np.asarray(owner, dtype=np.int64)
    logits = text_logits(model, sentences, contrast_weight=contrast_weight, lexicon_weight=lexicon_weight)
    probabilities = _softmax(logits, model.temperature)
    weights = sentence_weights(sentences)
    summed = np.zeros((len(texts), len(LABELS)))
    np.add.at(summed, owner_array, probabilities * weights[:, None])
    totals = np.bincount(owner_array, weights=weights, minlength=len(texts))
    table = _table_from_probabilities(summed / np.maximum(totals, 1e-12)[:, None])
    table["n_sentences"] = np.bincount(owner_array, minlength=len(texts)).astype("int64")
    return table


def score_sentences(model: SentimentModel, sentences: pd.DataFrame, *, contrast_weight: float = CONTRAST_WEIGHT,
                    lexicon_weight: float = LEXICON_WEIGHT) -> pd.DataFrame:
    """Add sentence-level scores to a sentences table (from ``helpers.sentences_table``).

    Returns:
        A copy of ``sentences`` plus ``n_words`` (aggregation weight), ``n_clauses``,
        ``lexicon_terms`` (news-lexicon hits, ``;``-separated) and the
        :func:`score_texts` columns. Row order is kept.
    """
    for column in ("paragraph_id", "sentence_id", "text"):
        if column not in sentences.columns:
            raise OptionError(f"score_sentences needs a {column!r} column; build the table with "
                              "helpers.sentences_table(paragraphs).")
    result = sentences.reset_index(drop=True).copy()
    texts = result["text"].astype(str).tolist()
    result["n_words"] = sentence_weights(texts).astype("int64")
    result["n_clauses"] = [len(split_clauses(t, weight=contrast_weight)) for t in texts]
    result["lexicon_terms"] = ["; ".join(f"{h[0]} ({h[1][:3]})" for h in lexicon_hits(t)) if lexicon_weight else ""
                               for t in texts]
    scores = score_texts(model, texts, contrast_weight=contrast_weight, lexicon_weight=lexicon_weight)
    return pd.concat([result, scores], axis=1)


def paragraph_sentiment(scored_sentences: pd.DataFrame, *, n_bootstrap: int = N_BOOTSTRAP,
                        seed: int = config.RANDOM_SEED, level: float = 0.95) -> pd.DataFrame:
    """Aggregate sentence scores to paragraphs, with a bootstrap interval and a flag.

    Rule: word-weighted mean of sentence probabilities; label = most probable class.
    The bootstrap resamples a paragraph's sentences with replacement ``n_bootstrap``
    times (seeded) and recomputes the weighted mean.

    How to read it: ``score_low``..``score_high`` is the ``level`` interval of
    ``sentiment_score`` across resamples: wide when the sentences disagree. It collapses
    to a point for a one-sentence paragraph (no between-sentence spread; the
    probabilities are then the only uncertainty). ``label_agreement`` is the share of
    resamples giving the same label. ``low_confidence`` is True when the top
    probability is below ``LOW_CONFIDENCE_P`` or the agreement is below
    ``LOW_CONFIDENCE_AGREEMENT``.

    Args:
        scored_sentences: output of :func:`score_sentences`.
        n_bootstrap: number of resamples.
        seed: random seed (``config.RANDOM_SEED``).
        level: interval coverage.

    Returns:
        One row per paragraph in ``paragraph_id`` order: ``paragraph_id``,
        ``n_sentences``, ``sentiment``, ``p_negative``, ``p_neutral``, ``p_positive``,
        ``sentiment_score``, ``confidence``, ``score_low``, ``score_high``,
        ``label_agreement``, ``low_confidence``.
    """
    rng = np.random.default_rng(seed)
    alpha = (1 - level) / 2
    rows = []
    ordered = scored_sentences.sort_values(["paragraph_id", "sentence_id"], kind="stable")
    for paragraph_id, group in ordered.groupby("paragraph_id", sort=True):
        probabilities = group[PROBABILITY_COLUMNS].to_numpy(dtype=float)
        weights = group["n_words"].to_numpy(dtype=float)
        mean = weights @ probabilities / weights.sum()
        n = len(group)
        draws = rng.integers(0, n, size=(n_bootstrap, n))
        w = weights[draws]
        boot = np.einsum("bn,bnk->bk", w, probabilities[draws]) / w.sum(axis=1, keepdims=True)
        boot_score = boot[:, 2] - boot[:, 0]
        label = int(mean.argmax())
        agreement = float((boot.argmax(axis=1) == label).mean())
        rows.append({
            "paragraph_id": paragraph_id, "n_sentences": n, "sentiment": LABELS[label],
            "p_negative": mean[0], "p_neutral": mean[1], "p_positive": mean[2],
            "sentiment_score": mean[2] - mean[0], "confidence": mean.max(),
            "score_low": float(np.quantile(boot_score, alpha)),
            "score_high": float(np.quantile(boot_score, 1 - alpha)),
            "label_agreement": agreement,
            "low_confidence": bool(mean.max() < LOW_CONFIDENCE_P or agreement < LOW_CONFIDENCE_AGREEMENT),
        })
    columns = ["paragraph_id", "n_sentences", "sentiment", *PROBABILITY_COLUMNS, "sentiment_score", "confidence",
               "score_low", "score_high", "label_agreement", "low_confidence"]
    return pd.DataFrame(rows, columns=columns)


# --- evidence -----------------------------------------------------------------------

_WORD_CHARS = re.compile(r"\w")


def _word_contributions(model: SentimentModel, clause: str) -> dict[str, np.ndarray]:
    """Centred log-odds contributions per word of one clause (``LABELS`` order)."""
    classifier = model.pipeline.named_steps["classifier"]
    order = _classifier_order(model)
    coef = np.asarray(classifier.coef_, dtype=float)[order]
    coef = coef - coef.mean(axis=0, keepdims=True)  # softmax ignores a shared constant
    prepared = prepare_text(clause)
    union = model.pipeline.named_steps["features"]
    words_vec = union.transformer_list[0][1]
    chars_vec = union.transformer_list[1][1]
    n_word_features = len(words_vec.vocabulary_)
    x = union.transform([prepared]).tocsr()
    values = dict(zip(x.indices.tolist(), x.data.astype(float).tolist()))
    totals: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(len(LABELS)))
    # Word n-grams: a feature's contribution is split equally between its words.
    for gram in words_vec.build_analyzer()(prepared):
        column = words_vec.vocabulary_.get(gram)
        if column is None or column not in values:
            continue
        parts = [w[4:] if w.startswith("neg_") else w for w in gram.split(" ")]
        occurrences = Counter(words_vec.build_analyzer()(prepared))[gram]
        share = values[column] * coef[:, column] / occurrences / len(parts)
        for word in parts:
            totals[word] += share
    # Character n-grams: split between the words (tokens) that contain them.
    tokens = _TOKEN.findall(prepared.lower())
    gram_counts: Counter = Counter()
    token_grams = []
    for token in tokens:
        grams = [chars_vec.vocabulary_[g] for g in chars_vec._word_ngrams(token) if g in chars_vec.vocabulary_]
        token_grams.append(grams)
        gram_counts.update(grams)
    for token, grams in zip(tokens, token_grams):
        if not _WORD_CHARS.search(token):
            key = token
        else:
            key = token
        for g in grams:
            column = n_word_features + g
            if column in values:
                totals[key] += values[column] * coef[:, column] / gram_counts[g]
    return dict(totals)


def explain_sentences(model: SentimentModel, scored_sentences: pd.DataFrame, *,
                      contrast_weight: float = CONTRAST_WEIGHT, lexicon_weight: float = LEXICON_WEIGHT) -> pd.DataFrame:
    """Every word's push toward each class in every sentence, from the model itself.

    How to read it: ``toward_negative`` / ``toward_neutral`` / ``toward_positive`` are
    log-odds points (before temperature) that this word adds to each class, centred so
    the three sum to 0; ``toward_score`` = ``toward_positive - toward_negative``
    (positive numbers push the sentence toward positive). Per sentence, the rows plus
    the centred intercept add up exactly to the sentence's log-odds. News-lexicon hits
    are separate rows with ``source`` = ``news lexicon``.

    Returns:
        ``paragraph_id``, ``sentence_id``, ``word``, ``source`` (``model`` or
        ``news lexicon``), ``toward_negative``, ``toward_neutral``,
        ``toward_positive``, ``toward_score``; sorted by sentence then word.
    """
    rows = []
    for paragraph_id, sentence_id, text in scored_sentences[["paragraph_id", "sentence_id", "text"]].itertuples(
            index=False):
        for clause, weight in split_clauses(str(text), weight=contrast_weight):
            for word, push in _word_contributions(model, clause).items():
                rows.append((paragraph_id, sentence_id, word, "model", *(weight * push)))
            if lexicon_weight:
                for form, tone, _ in lexicon_hits(clause):
                    push = np.zeros(len(LABELS))
                    push[_TONE_INDEX[tone]] = lexicon_weight
                    push -= push.mean()
                    rows.append((paragraph_id, sentence_id, form.lower(), "news lexicon", *(weight * push)))
    columns = ["paragraph_id", "sentence_id", "word", "source", "toward_negative", "toward_neutral", "toward_positive"]
    table = pd.DataFrame(rows, columns=columns)
    table = table.groupby(["paragraph_id", "sentence_id", "word", "source"], as_index=False, sort=True)[
        columns[4:]].sum()
    table["toward_score"] = table["toward_positive"] - table["toward_negative"]
    return table


def paragraph_evidence(explanations: pd.DataFrame, scored_sentences: pd.DataFrame, *, top_n: int = 3) -> pd.DataFrame:
    """The words that pushed each paragraph most toward each class.

    Sentence contributions are weighted by the sentence's share of the paragraph's words
    (the aggregation rule), then summed per word and paragraph.

    Returns:
        One row per paragraph: ``paragraph_id``, ``toward_negative``,
        ``toward_neutral``, ``toward_positive`` (each the ``top_n`` words with the
        largest positive push toward that class, formatted ``word (+1.23)``; news-lexicon
        terms end in ``*``; punctuation tokens are left out of the table).
    """
    weights = scored_sentences[["sentence_id", "paragraph_id", "n_words"]].copy()
    weights["share"] = weights["n_words"] / weights.groupby("paragraph_id")["n_words"].transform("sum")
    merged = explanations.merge(weights[["sentence_id", "share"]], on="sentence_id", how="left")
    classes = ["toward_negative", "toward_neutral", "toward_positive"]
    for column in classes:
        merged[column] = merged[column] * merged["share"]
    merged = merged[merged["word"].str.contains(r"\w", regex=True)]  # punctuation is not readable evidence
    merged["label"] = np.where(merged["source"] == "news lexicon", merged["word"] + "*", merged["word"])
    per_word = merged.groupby(["paragraph_id", "label"], as_index=False, sort=True)[classes].sum()
    rows = []
    for paragraph_id, group in per_word.groupby("paragraph_id", sort=True):
        row = {"paragraph_id": paragraph_id}
        for column in classes:
            top = group[group[column] > 0].sort_values([column, "label"], ascending=[False, True]).head(top_n)
            row[column] = ", ".join(f"{w} (+{v:.2f})" for w, v in zip(top["label"], top[column]))
        rows.append(row)
    return pd.DataFrame(rows, columns=["paragraph_id", *classes])


def paragraph_push(explanations: pd.DataFrame, scored_sentences: pd.DataFrame) -> pd.DataFrame:
    """Per paragraph, the total push toward positive and toward negative, and the word
    that pushed hardest each way (``toward_score``, weighted as in the aggregation rule).

    Returns:
        ``paragraph_id``, ``push_positive`` (sum of positive word pushes, >= 0),
        ``push_negative`` (sum of negative word pushes, <= 0), ``top_positive``,
        ``top_negative`` (words; ``*`` marks news-lexicon terms; empty when none).
    """
    weights = scored_sentences[["sentence_id", "paragraph_id", "n_words"]].copy()
    weights["share"] = weights["n_words"] / weights.groupby("paragraph_id")["n_words"].transform("sum")
    merged = explanations.merge(weights[["sentence_id", "share"]], on="sentence_id", how="left")
    merged = merged[merged["word"].str.contains(r"\w", regex=True)]
    merged = merged.assign(push=merged["toward_score"] * merged["share"],
                           label=np.where(merged["source"] == "news lexicon", merged["word"] + "*", merged["word"]))
    per_word = merged.groupby(["paragraph_id", "label"], as_index=False, sort=True)["push"].sum()
    rows = []
    for paragraph_id in sorted(scored_sentences["paragraph_id"].unique()):
        group = per_word[per_word["paragraph_id"] == paragraph_id].sort_values(["push", "label"], kind="stable")
        positive, negative = group[group["push"] > 0], group[group["push"] < 0]
        rows.append({"paragraph_id": paragraph_id, "push_positive": positive["push"].sum(),
                     "push_negative": negative["push"].sum(),
                     "top_positive": positive["label"].iloc[-1] if len(positive) else "",
                     "top_negative": negative["label"].iloc[0] if len(negative) else ""})
    return pd.DataFrame(rows, columns=["paragraph_id", "push_positive", "push_negative", "top_positive",
                                       "top_negative"])


# --- benchmark ----------------------------------------------------------------------


def benchmark_texts(data=None, *, split: str = "test", data_dir=None) -> pd.DataFrame:
    """The labelled texts of one split of both datasets (``dataset``, ``text``, ``label``)."""
    from .errors import check_option

    check_option("split", split, ("valid", "test"))
    data = load_datasets(("nusax", "smsa"), cache_dir=data_dir) if data is None else data
    return data[data["split"] == split].reset_index(drop=True)


def evaluate(model: SentimentModel, labelled: pd.DataFrame, *, name: str, contrast_weight: float = CONTRAST_WEIGHT,
             lexicon_weight: float = LEXICON_WEIGHT, unit: str = "paragraph") -> pd.DataFrame:
    """Macro-F1 and accuracy of one scoring variant on labelled texts, per dataset.

    Args:
        labelled: rows with ``dataset``, ``split``, ``text``, ``label``.
        name: the variant's name (the ``model`` column).
        unit: ``paragraph`` (sentence split + aggregation, as for news) or ``text``
            (each text scored whole).

    Returns:
        ``dataset``, ``split``, ``model``, ``macro_f1``, ``accuracy``, ``n``, plus the
        predictions are not returned (see :func:`predict_labels`).
    """
    from sklearn.metrics import accuracy_score, f1_score

    predicted = predict_labels(model, labelled, contrast_weight=contrast_weight, lexicon_weight=lexicon_weight,
                               unit=unit)
    rows = []
    for (dataset, split), group in labelled.assign(predicted=predicted).groupby(["dataset", "split"], sort=True):
        rows.append({"dataset": dataset, "split": split, "model": name,
                     "macro_f1": f1_score(group["label"], group["predicted"], average="macro", labels=list(LABELS)),
                     "accuracy": accuracy_score(group["label"], group["predicted"]), "n": len(group)})
    return pd.DataFrame(rows, columns=["dataset", "split", "model", "macro_f1", "accuracy", "n"])


def predict_labels(model: SentimentModel, labelled: pd.DataFrame, *, contrast_weight: float = CONTRAST_WEIGHT,
                   lexicon_weight: float = LEXICON_WEIGHT, unit: str = "paragraph") -> np.ndarray:
    """Predicted labels for ``labelled["text"]`` (see :func:`evaluate`)."""
    from .errors import check_option

    check_option("unit", unit, ("paragraph", "text"))
    scorer = score_paragraphs if unit == "paragraph" else score_texts
    return scorer(model, labelled["text"].tolist(), contrast_weight=contrast_weight,
                  lexicon_weight=lexicon_weight)["sentiment"].to_numpy()


#: Scoring variants compared in the benchmark: (name, contrast weight, lexicon weight, unit).
VARIANTS = [
    ("tfidf-logreg (whole text)", 1.0, 0.0, "text"),
    ("+ sentences, contrast", CONTRAST_WEIGHT, 0.0, "paragraph"),
    ("+ sentences, contrast, news lexicon (deployed)", CONTRAST_WEIGHT, LEXICON_WEIGHT, "paragraph"),
]


def benchmark(model: SentimentModel, labelled: pd.DataFrame, *, variants=None) -> pd.DataFrame:
    """:func:`evaluate` for every variant (``VARIANTS`` by default), stacked."""
    variants = VARIANTS if variants is None else variants
    parts = [evaluate(model, labelled, name=name, contrast_weight=c, lexicon_weight=l, unit=u)
             for name, c, l, u in variants]
    return pd.concat(parts, ignore_index=True)


def confusion_table(true_labels, predicted_labels) -> pd.DataFrame:
    """3 x 3 counts: rows true label, columns predicted, both in ``LABELS`` order."""
    from sklearn.metrics import confusion_matrix

    counts = confusion_matrix(list(true_labels), list(predicted_labels), labels=list(LABELS))
    return pd.DataFrame(counts, index=pd.Index(LABELS, name="true"), columns=pd.Index(LABELS, name="predicted"))


# --- actors -------------------------------------------------------------------------


def actor_sentiment(scored_sentences: pd.DataFrame, mentions: pd.DataFrame, *, n_bootstrap: int = N_BOOTSTRAP,
                    seed: int = config.RANDOM_SEED, level: float = 0.95) -> pd.DataFrame:
    """Mean sentence score per actor, with counts and a bootstrap interval.

    How to read it: ``mean_score`` is the average ``sentiment_score`` of the sentences
    that name the actor (each sentence once, however often it names them); the
    interval resamples those sentences (seeded). With a handful of sentences the
    interval is wide and the mean says little; it describes the sentences *around*
    an actor, not the article's attitude *toward* them.

    Args:
        scored_sentences: from :func:`score_sentences`.
        mentions: from ``helpers.actors.actor_mentions(sentences)`` (needs
            ``sentence_id`` and ``actor``).

    Returns:
        One row per actor, sorted by ``n_sentences`` (descending) then ``actor``:
        ``actor``, ``n_mentions``, ``n_sentences``, ``n_paragraphs``, ``mean_score``,
        ``score_low``, ``score_high``, ``n_negative``, ``n_neutral``, ``n_positive``
        (sentences by label).
    """
    columns = ["actor", "n_mentions", "n_sentences", "n_paragraphs", "mean_score", "score_low", "score_high",
               "n_negative", "n_neutral", "n_positive"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    rng = np.random.default_rng(seed)
    alpha = (1 - level) / 2
    scores = scored_sentences.set_index("sentence_id")
    rows = []
    for actor, group in mentions.groupby("actor", sort=True):
        sentence_ids = sorted(group["sentence_id"].unique())
        chosen = scores.loc[sentence_ids]
        values = chosen["sentiment_score"].to_numpy(dtype=float)
        boot = values[rng.integers(0, len(values), size=(n_bootstrap, len(values)))].mean(axis=1)
        counts = chosen["sentiment"].value_counts()
        rows.append({"actor": actor, "n_mentions": len(group), "n_sentences": len(sentence_ids),
                     "n_paragraphs": chosen["paragraph_id"].nunique(), "mean_score": values.mean(),
                     "score_low": float(np.quantile(boot, alpha)), "score_high": float(np.quantile(boot, 1 - alpha)),
                     **{f"n_{label}": int(counts.get(label, 0)) for label in LABELS}})
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["n_sentences", "actor"], ascending=[False, True], kind="stable", ignore_index=True)


# --- a careful reading (seed article only) -------------------------------------------


def article_fingerprint(paragraph_texts) -> str:
    """SHA-256 of the body paragraphs joined by blank lines (identifies an article's text)."""
    return hashlib.sha256("\n\n".join(str(t) for t in paragraph_texts).encode("utf-8")).hexdigest()


def analyst_reading(paragraph_texts) -> pd.DataFrame:
    """The analyst's own paragraph-by-paragraph reading, when one exists for this text.

    How to read it: a human reference, written by reading every paragraph of the seed
    article (``data/analyst_reading.csv``), with ``reading`` (negative / neutral /
    positive), ``mixed`` (both tones present) and ``reason``. It is keyed by
    :func:`article_fingerprint`, so it is returned only for exactly that text and is
    never used to set a model output; for any other article the table is empty.

    Returns:
        ``paragraph_id``, ``reading``, ``mixed``, ``reason`` (empty when no reading).
    """
    from importlib.resources import files

    with files("helpers.data").joinpath("analyst_reading.csv").open(encoding="utf-8") as handle:
        table = pd.read_csv(handle)
    fingerprint = article_fingerprint(paragraph_texts)
    chosen = table[table["article_sha256"] == fingerprint].drop(columns="article_sha256")
    return chosen.sort_values("paragraph_id", ignore_index=True)
