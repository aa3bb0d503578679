"""The sentiment model: its configuration, the untrained pipeline, and the development
logs behind the chosen settings.

Word n-grams (with negation marking) and character n-grams (``char_wb``) feed a
multinomial logistic regression with balanced class weights, trained on SmSA train +
NusaX-Indonesian train after removing every text that duplicates or nearly duplicates
a validation or test text (:func:`helpers.datasets.decontaminate`). One temperature
(Guo et al. 2017, "On calibration of modern neural networks") is fitted on the
validation splits, so the probabilities are calibrated without changing the ranking.
Choices were made on the validation splits only: see :func:`selection_record`.

Training, calibration and :func:`~.training.load_or_train_model` are in
:mod:`.training`; the cache key and the cached file in :mod:`.cache`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from importlib.resources import files

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from ..config import LABELS
from ..errors import OptionError
from . import rules
from .features import (
    CharNgramVectorizer,
    LexiconCounts,
    negation_preprocessor,
    plain_preprocessor,
    split_on_spaces,
)

#: Bump when the pickled model layout or the features change (part of the cache key).
MODEL_FORMAT = (
    6  # 6: entity masking, 'not only' paraphrase, news data, stored evaluation
)


#: Training sets the configuration may name: the two review sets, the project's annotated
#: news sentences (train split only) and the CNBC Indonesia headlines.
TRAIN_SETS = ("smsa", "nusax", "news", "cnbc")


#: The comparator every news-trained model is scored against: the same pipeline on reviews alone.
REVIEWS_ONLY = ("smsa", "nusax")


@dataclass(frozen=True)
class SentimentConfig:
    """Everything that changes the fitted model (part of the cache key).

    The defaults were selected on the news dev split (and the review validation splits
    for the review-only settings); the test splits were never used. The record, with
    every alternative measured, is :func:`selection_record`.

    Attributes:
        train_sets: which of :data:`TRAIN_SETS` to train on (their train splits).
        news_weight: sample weight of an annotated news training sentence, relative to
            one review (the news train split is small next to SmSA's 11,000 texts).
        cnbc_weight: sample weight of a CNBC headline (when ``cnbc`` is trained on).
        mask_entities: replace named entities with one placeholder before features are
            built (:mod:`helpers.sentiment.masking`), so a name carries no tone.
        news_vocabulary: fit the TF-IDF vocabulary and document frequencies on the
            training texts plus the unlabelled IndoSum sentences (domain adaptation);
            articles of the news dev and test splits are left out of it.
        lexicon_features: give the classifier the counts of negative and positive
            news-lexicon hits as two features, so their weight is learned from the
            training data (use with lexicon weight 0 at scoring time).
        self_training: when above 0, one round of self-training (Yarowsky 1995): the
            fitted model labels the unlabelled IndoSum sentences (dev and test articles
            left out), those it labels with at least this probability are added to the
            training data with their predicted label, and the model is refitted.
    """

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    min_df: int = 3
    C: float = 3.0
    class_weight: str | None = "balanced"
    negation: bool = True
    near_duplicate_threshold: float = 0.6
    train_sets: tuple[str, ...] = ("smsa", "nusax", "news", "cnbc")
    news_weight: float = 10.0
    cnbc_weight: float = 1.0
    mask_entities: bool = True
    news_vocabulary: bool = False
    lexicon_features: bool = False
    self_training: float = 0.0


@dataclass
class SentimentModel:
    """A fitted model plus what is needed to trust it.

    Attributes:
        pipeline: the scikit-learn ``Pipeline`` (``prepare``, ``features`` union, ``classifier``).
        temperature: divides the log-odds before the softmax (fitted on validation).
        config: the :class:`SentimentConfig` it was trained with.
        cache_key: hash of data checksums, library versions and config.
        training: summary of the training run (sizes, decontamination counts, seconds).
        evaluation: scores computed once, right after training, and stored with the model
            so notebooks read them instead of rescoring: ``scores`` (the
            ``sentiment_benchmark.csv`` rows), ``news_predictions`` (news dev/test
            sentences with the deployed, reviews-only and all-neutral labels, for
            intervals and confusion matrices). See :func:`helpers.sentiment.benchmark.evaluate_model`.
    """

    pipeline: object
    temperature: float
    config: SentimentConfig
    cache_key: str
    training: dict = field(default_factory=dict)
    evaluation: dict = field(default_factory=dict)

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(self.pipeline.classes_)

    def label_order(self) -> list[int]:
        """Classifier columns in ``LABELS`` order."""
        classes = list(self.pipeline.named_steps["classifier"].classes_)
        return [classes.index(label) for label in LABELS]


def selection_record() -> pd.DataFrame:
    """The development log behind :class:`SentimentConfig` (``helpers/data/sentiment_selection.csv``).

    How to read it: a static log, not recomputed: one row per candidate measured while
    the model was developed, with macro-F1 on SmSA valid and NusaX valid (decontaminated
    training, each text scored whole) and their mean. ``status`` is ``deployed
    settings`` for the one row that measured today's configuration,
    ``superseded: earlier round`` for rows measured while other settings were not yet
    final (their scores for the same choice differ), and ``alternative, not adopted``
    for the rest. Features changed since the log (see ``MODEL_FORMAT``), so the live
    validation score of the deployed model (notebook 03) can differ from the logged
    one. NusaX valid has 100 texts, so one text is 0.01 there. Test splits were never
    used to choose.

    Returns:
        ``stage``, ``candidate``, ``smsa_valid``, ``nusax_valid``, ``mean_valid``,
        ``status``, ``note``.
    """
    with (
        files("helpers.data")
        .joinpath("sentiment_selection.csv")
        .open(encoding="utf-8") as handle
    ):
        table = pd.read_csv(handle, keep_default_na=False)
    return table.assign(mean_valid=(table["smsa_valid"] + table["nusax_valid"]) / 2)[
        [
            "stage",
            "candidate",
            "smsa_valid",
            "nusax_valid",
            "mean_valid",
            "status",
            "note",
        ]
    ]


def news_selection_record() -> pd.DataFrame:
    """The development log of the news-trained model (``helpers/data/news_model_selection.csv``).

    How to read it: one row per candidate, measured by ``python -m helpers.sentiment.select``
    (static here, not recomputed): macro-F1 on the news dev split (every choice is made
    on it), SmSA valid and NusaX valid, ranked by news dev. ``status`` is ``deployed
    settings`` for the one row that is today's :class:`SentimentConfig` and lexicon
    weight, ``comparator`` for the reviews-only row, ``alternative, not adopted`` for
    the rest. No test split was scored. The news dev split has 276 sentences.

    Returns:
        ``stage``, ``candidate``, ``news_dev``, ``smsa_valid``, ``nusax_valid``, ``status``, ``note``.
    """
    with (
        files("helpers.data")
        .joinpath("news_model_selection.csv")
        .open(encoding="utf-8") as handle
    ):
        table = pd.read_csv(handle, keep_default_na=False)
    return table.sort_values(
        ["news_dev", "candidate"],
        ascending=[False, True],
        kind="stable",
        ignore_index=True,
    )


def build_pipeline(settings: SentimentConfig):
    """The untrained scikit-learn pipeline for ``settings``."""
    words = TfidfVectorizer(
        ngram_range=tuple(settings.word_ngrams),
        sublinear_tf=True,
        min_df=settings.min_df,
        preprocessor=negation_preprocessor if settings.negation else plain_preprocessor,
        tokenizer=split_on_spaces,
        token_pattern=None,
        dtype=np.float32,
    )
    chars = CharNgramVectorizer(
        ngram_range=settings.char_ngrams, min_df=settings.min_df
    )
    # newton-cg converges in a handful of iterations here (lbfgs needs ~30 and 5x the time).
    classifier = LogisticRegression(
        C=settings.C,
        class_weight=settings.class_weight,
        solver="newton-cg",
        max_iter=200,
    )
    prepare = FunctionTransformer(
        rules.prepare_texts, kw_args={"mask_entities": settings.mask_entities}
    )
    parts = [("words", words), ("chars", chars)]
    if settings.lexicon_features:
        parts.append(("lexicon", LexiconCounts()))
    return Pipeline(
        [
            ("prepare", prepare),
            ("features", FeatureUnion(parts)),
            ("classifier", classifier),
        ]
    )


def _check_settings(settings) -> SentimentConfig:
    if settings is None:
        return SentimentConfig()
    if not isinstance(settings, SentimentConfig):
        raise OptionError(
            f"settings must be a SentimentConfig, got {type(settings).__name__}."
        )
    unknown = sorted(set(settings.train_sets) - set(TRAIN_SETS))
    if unknown or not settings.train_sets:
        raise OptionError(
            f"train_sets {list(settings.train_sets)} must be a non-empty subset of {list(TRAIN_SETS)}."
        )
    if settings.news_weight <= 0 or settings.cnbc_weight <= 0:
        raise OptionError(
            f"news_weight and cnbc_weight must be positive, got {settings.news_weight!r}, "
            f"{settings.cnbc_weight!r}."
        )
    return settings


def reviews_only(settings: SentimentConfig) -> SentimentConfig:
    """The comparator of a news-trained configuration: the same pipeline on SmSA + NusaX alone
    (no news labels, no CNBC, no unlabelled news)."""
    return replace(
        settings,
        train_sets=REVIEWS_ONLY,
        news_weight=1.0,
        cnbc_weight=1.0,
        news_vocabulary=False,
        self_training=0.0,
    )
