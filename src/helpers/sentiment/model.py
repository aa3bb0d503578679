"""The sentiment model: configuration, pipeline, training with decontamination,
temperature calibration, and the on-disk cache.

Word n-grams (with negation marking) and character n-grams (``char_wb``) feed a
multinomial logistic regression with balanced class weights, trained on SmSA train +
NusaX-Indonesian train after removing every text that duplicates or nearly duplicates
a validation or test text (:func:`helpers.datasets.decontaminate`). One temperature
(Guo et al. 2017, "On calibration of modern neural networks") is fitted on the
validation splits, so the probabilities are calibrated without changing the ranking.
Choices were made on the validation splits only: see :func:`selection_record`.
"""

from __future__ import annotations

import hashlib
import json
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config
from ..config import LABELS
from ..datasets import checksums, decontaminate, load_datasets
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
    from importlib.resources import files

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
    from importlib.resources import files

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
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

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


def library_versions() -> dict[str, str]:
    """Versions that change a fitted model (part of the cache key)."""
    import joblib
    import scipy
    import sklearn

    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
        "joblib": joblib.__version__,
    }


def _data_checksums(settings: SentimentConfig) -> dict[str, str]:
    names = ["nusax", "smsa"]
    if (
        "news" in settings.train_sets
        or settings.news_vocabulary
        or settings.self_training
    ):
        names.append("indosum")
    if "cnbc" in settings.train_sets:
        names.append("cnbc")
    return checksums(names)


def _key_config(settings: SentimentConfig) -> dict:
    """The configuration as it enters the cache key: settings added later enter it only
    when they differ from their default, so adding one keeps every existing key."""
    config_dict = asdict(settings)
    if not config_dict["self_training"]:
        del config_dict["self_training"]
    return config_dict


def _lexicon_digest() -> str:
    """SHA-256 of the news lexicon file (the stored benchmark depends on it)."""
    from importlib.resources import files

    return hashlib.sha256(
        files("helpers.data").joinpath("news_tone_lexicon.csv").read_bytes()
    ).hexdigest()


def cache_key(settings: SentimentConfig, *, news_dir=None) -> str:
    """Hex key from the data checksums, the news labels, library versions, config, text rules
    and model format (any change retrains)."""
    from . import masking, news

    payload = {
        "checksums": _data_checksums(settings),
        "news": news.news_checksum(news_dir),
        "versions": library_versions(),
        "config": _key_config(settings),
        "format": MODEL_FORMAT,
        "masking": masking.MASKING_VERSION,
        "lexicon": _lexicon_digest(),
        "scoring": [rules.CONTRAST_WEIGHT, rules.LEXICON_WEIGHT],
        "contrast": [rules.CONTRAST_MARKERS, rules.CONCESSION_MARKERS],
        "negation": [
            sorted(rules.NEGATORS),
            sorted(rules.NOT_ONLY),
            rules.NEGATION_SCOPE,
        ],
    }
    return hashlib.sha256(
        json.dumps(payload, sort_keys=True, default=list).encode()
    ).hexdigest()


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


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """Temperature minimising validation log-loss (one scalar; ranking unchanged)."""
    from scipy.optimize import minimize_scalar
    from scipy.special import log_softmax

    def nll(log_t: float) -> float:
        return -log_softmax(logits / np.exp(log_t), axis=1)[np.arange(len(y)), y].mean()

    return float(np.exp(minimize_scalar(nll, bounds=(-3, 3), method="bounded").x))


def _cached(path: Path, key: str) -> SentimentModel | None:
    """The model stored at ``path`` when it exists and carries ``key``, else None."""
    import joblib

    if not path.exists():
        return None
    try:
        model = joblib.load(path)
    except Exception:  # a truncated, stale or foreign file: retrain and overwrite it
        return None
    return (
        model if isinstance(model, SentimentModel) and model.cache_key == key else None
    )


def _progress_bar(progress: bool, total: int):
    from ..progress import Progress

    # helpers.progress: a live line in JupyterLab, the terminal under make report,
    # and nothing in saved outputs or reports.
    return Progress(total, "Training sentiment model", enabled=progress)


def _step(bar, message: str) -> None:
    bar.step(message)


def labelled_data(
    settings: SentimentConfig, *, data_dir=None, news_dir=None
) -> pd.DataFrame:
    """Every labelled row the model is trained, calibrated or scored on, in one table.

    The review sets always (their validation and test splits are benchmarks), the news
    set when its labels exist (required when ``news`` is in ``train_sets``), CNBC when
    it is in ``train_sets``. Columns ``dataset``, ``split``, ``row``, ``text``,
    ``label``; news rows also carry ``id``, ``category``, ``source``.
    """
    from . import news

    parts = [load_datasets(("nusax", "smsa"), cache_dir=data_dir)]
    if "news" in settings.train_sets or news.news_labels_available(news_dir):
        parts.append(news.load_news(news_dir))
    if "cnbc" in settings.train_sets:
        from ..datasets import load_cnbc

        parts.append(load_cnbc(cache_dir=data_dir))
    return pd.concat(parts, ignore_index=True)


def _train_mask(data: pd.DataFrame, settings: SentimentConfig) -> pd.Series:
    from .news import NEWS_DATASET

    names = {NEWS_DATASET if name == "news" else name for name in settings.train_sets}
    return (data["split"] == "train") & data["dataset"].isin(names)


def _decontaminated_train(
    data: pd.DataFrame, settings: SentimentConfig
) -> pd.DataFrame:
    """Training rows flagged against every validation, dev and test text (see notebook 04 for
    why validation texts too: the benchmark reports validation scores)."""
    train = data[_train_mask(data, settings)]
    held_out = data[data["split"].isin(["valid", "dev", "test"])]
    return decontaminate(train, held_out, threshold=settings.near_duplicate_threshold)


def calibration_rows(data: pd.DataFrame, settings: SentimentConfig) -> pd.DataFrame:
    """Where the temperature is fitted: the news dev split for a news-trained model (it is
    used on news), the review validation splits otherwise."""
    from .news import NEWS_DATASET

    if "news" in settings.train_sets:
        return data[(data["dataset"] == NEWS_DATASET) & (data["split"] == "dev")]
    return data[data["dataset"].isin(["smsa", "nusax"]) & (data["split"] == "valid")]


def _calibrate(pipeline, rows: pd.DataFrame) -> float:
    logits = np.asarray(pipeline.decision_function(rows["text"].tolist()), dtype=float)
    y = pd.Categorical(rows["label"], categories=list(pipeline.classes_)).codes
    return fit_temperature(logits, np.asarray(y))


def _training_summary(
    flagged: pd.DataFrame, temperature: float, started: float, n_unlabelled: int
) -> dict:
    kept = flagged[~flagged["is_contaminated"]]
    return {
        "n_train_before": int(len(flagged)),
        "n_train": int(len(kept)),
        "n_dropped_exact": int((flagged["reason"] == "exact").sum()),
        "n_dropped_near": int((flagged["reason"] == "near").sum()),
        "dropped_by_dataset": {
            k: int(v)
            for k, v in flagged.groupby("dataset")["is_contaminated"].sum().items()
        },
        "train_by_dataset": {
            k: int(v) for k, v in kept.groupby("dataset").size().items()
        },
        "n_unlabelled": int(n_unlabelled),
        "temperature": temperature,
        "train_seconds": round(time.perf_counter() - started, 3),
        "versions": library_versions(),
    }


def _sample_weights(rows: pd.DataFrame, settings: SentimentConfig) -> np.ndarray:
    from .news import NEWS_DATASET

    weights = {NEWS_DATASET: settings.news_weight, "cnbc": settings.cnbc_weight}
    return rows["dataset"].map(weights).fillna(1.0).to_numpy(dtype=float)


def fit_pipeline(settings: SentimentConfig, train: pd.DataFrame, *, unlabelled=()):
    """Fit :func:`build_pipeline` on ``train`` (``text``, ``label``, ``dataset``).

    With ``unlabelled`` texts the features (vocabulary, document frequencies) are fitted
    on the training texts plus those, then the classifier on the training texts alone.
    News rows get ``settings.news_weight`` and CNBC rows ``settings.cnbc_weight`` as sample weight.
    """
    pipeline = build_pipeline(settings)
    texts, labels = train["text"].tolist(), train["label"].to_numpy()
    features = pipeline[:-1]
    if len(unlabelled):
        features.fit(texts + list(unlabelled))
        matrix = features.transform(texts)
    else:
        matrix = features.fit_transform(texts)
    pipeline.named_steps["classifier"].fit(
        matrix, labels, sample_weight=_sample_weights(train, settings)
    )
    return pipeline


def _unlabelled_for(settings: SentimentConfig, data: pd.DataFrame) -> list[str]:
    from .news import NEWS_DATASET, unlabelled_news

    if not (settings.news_vocabulary or settings.self_training):
        return []
    news_rows = data[data["dataset"] == NEWS_DATASET]
    held_out = news_rows.loc[news_rows["split"].isin(["dev", "test"]), "id"]
    return unlabelled_news(exclude_ids=held_out)


def _pseudo_labelled(pipeline, texts: list[str], threshold: float) -> pd.DataFrame:
    """Unlabelled texts the fitted pipeline labels with probability >= ``threshold``
    (``dataset`` ``indosum``, weight 1 like a review)."""
    probabilities = pipeline.predict_proba(texts)
    confident = probabilities.max(axis=1) >= threshold
    labels = np.asarray(pipeline.classes_)[probabilities.argmax(axis=1)]
    return pd.DataFrame(
        {
            "dataset": "indosum",
            "split": "train",
            "text": np.asarray(texts, dtype=object)[confident],
            "label": labels[confident],
        }
    )


def _fit(
    settings: SentimentConfig, key: str, data: pd.DataFrame, bar
) -> SentimentModel:
    started = time.perf_counter()
    _step(bar, "decontaminating")
    flagged = _decontaminated_train(data, settings)
    kept = flagged[~flagged["is_contaminated"]]
    unlabelled = _unlabelled_for(settings, data)
    _step(bar, "fitting TF-IDF + logistic regression")
    frequencies_from = unlabelled if settings.news_vocabulary else []
    pipeline = fit_pipeline(settings, kept, unlabelled=frequencies_from)
    if settings.self_training:
        pseudo = _pseudo_labelled(pipeline, unlabelled, settings.self_training)
        pipeline = fit_pipeline(
            settings,
            pd.concat([kept, pseudo], ignore_index=True),
            unlabelled=frequencies_from,
        )
    _step(bar, "calibrating")
    temperature = _calibrate(pipeline, calibration_rows(data, settings))
    return SentimentModel(
        pipeline=pipeline,
        temperature=temperature,
        config=settings,
        cache_key=key,
        training=_training_summary(flagged, temperature, started, len(unlabelled)),
    )


def model_path(
    settings: SentimentConfig | None = None, *, cache_dir=None, news_dir=None
) -> Path:
    """Where the fitted model for ``settings`` is cached."""
    key = cache_key(_check_settings(settings), news_dir=news_dir)
    return (
        Path(cache_dir) if cache_dir else config.EXTERNAL_DIR
    ) / f"sentiment-model-{key[:16]}.joblib"


def train_model(
    *,
    settings: SentimentConfig | None = None,
    use_cache: bool = True,
    cache_dir=None,
    data_dir=None,
    news_dir=None,
    progress: bool = True,
    evaluate: bool = True,
) -> SentimentModel:
    """Train the sentiment model, or load it from the cache when nothing changed.

    How to read it: the returned :class:`SentimentModel` scores text with
    ``score_texts``, ``score_paragraphs`` and ``score_sentences``; ``model.training``
    says what it was trained on and how much was decontaminated; ``model.evaluation``
    holds its benchmark scores, computed once after training and cached with it.

    Args:
        settings: a :class:`SentimentConfig`; the selected default when None.
        use_cache: load ``sentiment-model-<key>.joblib`` from ``cache_dir`` when it
            exists; always (re)write it after training. False forces training.
        cache_dir: where fitted models are cached; ``data/external/`` when None.
        data_dir: dataset cache folder for :func:`helpers.datasets.load_datasets`.
        news_dir: folder of the news set's keys and labels (``newsset.DATA_DIR`` when None).
        progress: show a progress bar (on stdout, so it reaches the terminal, not the
            report) while training.
        evaluate: score the benchmarks after training and store them in ``evaluation``
            (also trains and caches the reviews-only comparator).

    Raises:
        DatasetError: the labelled data cannot be obtained (see its message).
    """
    import joblib

    from ..io import atomic_path

    settings = _check_settings(settings)
    key = cache_key(settings, news_dir=news_dir)
    path = model_path(settings, cache_dir=cache_dir, news_dir=news_dir)
    model = _cached(path, key) if use_cache else None
    if model is not None and (model.evaluation or not evaluate):
        return model
    with _progress_bar(progress, total=6 if evaluate else 5) as bar:
        bar.show("loading data")
        data = labelled_data(settings, data_dir=data_dir, news_dir=news_dir)
        model = model or _fit(settings, key, data, bar)
        if evaluate:
            from .benchmark import evaluate_model

            _step(bar, "scoring the benchmarks")
            comparator = (
                None
                if tuple(sorted(settings.train_sets)) == tuple(sorted(REVIEWS_ONLY))
                else train_model(
                    settings=reviews_only(settings),
                    cache_dir=cache_dir,
                    data_dir=data_dir,
                    news_dir=news_dir,
                    progress=False,
                    evaluate=False,
                )
            )
            model.evaluation = evaluate_model(model, data, comparator=comparator)
        _step(bar, "saving")
        with atomic_path(path) as tmp:
            joblib.dump(model, tmp)
        _step(bar, f"done in {model.training['train_seconds']:.1f} s")
    return model


def reviews_only(settings: SentimentConfig) -> SentimentConfig:
    """The comparator of a news-trained configuration: the same pipeline on SmSA + NusaX alone
    (no news labels, no CNBC, no unlabelled news)."""
    from dataclasses import replace

    return replace(
        settings,
        train_sets=REVIEWS_ONLY,
        news_weight=1.0,
        cnbc_weight=1.0,
        news_vocabulary=False,
        self_training=0.0,
    )


def load_or_train_model(
    *,
    settings: SentimentConfig | None = None,
    cache_dir=None,
    data_dir=None,
    news_dir=None,
    progress: bool = True,
) -> SentimentModel:
    """The cached model for ``settings`` if there is one, else train, evaluate and cache it.

    Same as ``train_model(use_cache=True, ...)``; see :func:`train_model`.
    """
    return train_model(
        settings=settings,
        use_cache=True,
        cache_dir=cache_dir,
        data_dir=data_dir,
        news_dir=news_dir,
        progress=progress,
    )
