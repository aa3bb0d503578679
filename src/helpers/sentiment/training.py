"""Training the sentiment model: the labelled data, decontamination, fitting,
temperature calibration, and :func:`load_or_train_model` (cached, see :mod:`.cache`).
"""

from __future__ import annotations

import time

import joblib
import numpy as np
import pandas as pd
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax

from ..datasets import decontaminate, load_cnbc, load_datasets
from ..io import atomic_path
from ..progress import Progress
from . import news
from .benchmark import evaluate_model
from .cache import _cached, cache_key, library_versions, model_path
from .model import (
    REVIEWS_ONLY,
    SentimentConfig,
    SentimentModel,
    _check_settings,
    build_pipeline,
    reviews_only,
)
from .news import NEWS_DATASET, unlabelled_news


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """Temperature minimising validation log-loss (one scalar; ranking unchanged)."""

    def nll(log_t: float) -> float:
        return -log_softmax(logits / np.exp(log_t), axis=1)[np.arange(len(y)), y].mean()

    return float(np.exp(minimize_scalar(nll, bounds=(-3, 3), method="bounded").x))


def _progress_bar(progress: bool, total: int):
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
    parts = [load_datasets(("nusax", "smsa"), cache_dir=data_dir)]
    if "news" in settings.train_sets or news.news_labels_available(news_dir):
        parts.append(news.load_news(news_dir))
    if "cnbc" in settings.train_sets:
        parts.append(load_cnbc(cache_dir=data_dir))
    return pd.concat(parts, ignore_index=True)


def _train_mask(data: pd.DataFrame, settings: SentimentConfig) -> pd.Series:
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
