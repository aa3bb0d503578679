"""Is the model any good? Benchmark scores on the labelled splits (computed once after
training and stored with the model), bootstrap intervals, per-class F1, confusion
tables, and the analyst's reading of the seed article (an illustration, not a test)."""

from __future__ import annotations

import hashlib
from importlib.resources import files

import numpy as np
import pandas as pd
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from .. import config
from ..config import LABELS
from ..datasets import load_datasets
from ..errors import OptionError, check_option
from .model import SentimentModel
from .rules import CONTRAST_WEIGHT, LEXICON_WEIGHT
from .scoring import score_paragraphs, score_texts

#: Scoring variants compared in the benchmark: (name, contrast weight, lexicon weight, unit).
VARIANTS = [
    ("tfidf-logreg (whole text)", 1.0, 0.0, "text"),
    ("+ sentences, contrast", CONTRAST_WEIGHT, 0.0, "paragraph"),
    (
        "+ sentences, contrast, news lexicon (deployed)",
        CONTRAST_WEIGHT,
        LEXICON_WEIGHT,
        "paragraph",
    ),
]
BENCHMARK_COLUMNS = ["dataset", "split", "model", "macro_f1", "accuracy", "n"]
#: The models every benchmark row names (``model`` column of ``sentiment_benchmark.csv``).
DEPLOYED, REVIEWS_ONLY_MODEL, ALL_NEUTRAL = "deployed", "reviews-only", "all-neutral"
#: Held-out splits scored after training, per dataset.
HELD_OUT = {
    "smsa": ("valid", "test"),
    "nusax": ("valid", "test"),
    "news-id": ("dev", "test"),
}


def _score_rows(labelled: pd.DataFrame, predicted, name: str) -> list[dict]:
    scored = labelled.assign(predicted=np.asarray(predicted, dtype=object))
    return [
        {
            "dataset": dataset,
            "split": split,
            "model": name,
            "macro_f1": f1_score(
                group["label"], group["predicted"], average="macro", labels=list(LABELS)
            ),
            "accuracy": accuracy_score(group["label"], group["predicted"]),
            "n": len(group),
        }
        for (dataset, split), group in scored.groupby(["dataset", "split"], sort=True)
    ]


def evaluate_model(
    model: SentimentModel,
    data: pd.DataFrame,
    *,
    comparator: SentimentModel | None = None,
) -> dict:
    """Score a freshly trained model once, for storing with it (``model.evaluation``).

    Every held-out split in ``data`` (SmSA and NusaX valid/test, news dev/test when the
    news labels exist) is scored by the deployed scorer (sentences, contrast, news
    lexicon), by ``comparator`` (the reviews-only model; the model itself when None)
    and by an all-neutral baseline.

    Returns:
        ``{"scores": DataFrame, "news_predictions": DataFrame}``: ``scores`` has the
        ``sentiment_benchmark.csv`` columns (``dataset``, ``split``, ``model``,
        ``macro_f1``, ``accuracy``, ``n``); ``news_predictions`` one row per news
        dev/test sentence: ``split``, ``item``, ``id``, ``category``, ``source``,
        ``text``, ``label``, ``deployed``, ``reviews-only``, ``all-neutral``,
        ``deployed_score`` (p_positive − p_negative).
    """
    held_out = pd.concat(
        [
            data[(data["dataset"] == d) & data["split"].isin(s)]
            for d, s in HELD_OUT.items()
        ],
        ignore_index=True,
    )
    comparator = model if comparator is None else comparator
    deployed = score_paragraphs(model, held_out["text"].tolist())
    predictions = {
        DEPLOYED: deployed["sentiment"].to_numpy(),
        REVIEWS_ONLY_MODEL: predict_labels(comparator, held_out),
        ALL_NEUTRAL: np.full(len(held_out), "neutral", dtype=object),
    }
    rows = [
        row
        for name, predicted in predictions.items()
        for row in _score_rows(held_out, predicted, name)
    ]
    scores = pd.DataFrame(rows, columns=BENCHMARK_COLUMNS).sort_values(
        ["dataset", "split", "model"], kind="stable", ignore_index=True
    )
    news_rows = (held_out["dataset"] == "news-id").to_numpy()
    news_predictions = held_out.loc[news_rows].assign(
        item=lambda t: t["row"],
        **{name: p[news_rows] for name, p in predictions.items()},
        deployed_score=deployed["sentiment_score"].to_numpy()[news_rows],
    )
    columns = [
        "split",
        "item",
        "id",
        "category",
        "source",
        "text",
        "label",
        *predictions,
        "deployed_score",
    ]
    news_predictions = news_predictions.reindex(columns=columns).reset_index(drop=True)
    return {"scores": scores, "news_predictions": news_predictions}


def stored_scores(model: SentimentModel) -> pd.DataFrame:
    """The benchmark rows stored with ``model`` (``sentiment_benchmark.csv`` columns).

    Raises:
        OptionError: the model was trained with ``evaluate=False``.
    """
    if not model.evaluation:
        raise OptionError(
            "This model carries no stored benchmark; load it with "
            "sentiment.load_or_train_model(), which evaluates after training."
        )
    return model.evaluation["scores"].copy()


def per_class_f1(true_labels, predicted_labels) -> pd.DataFrame:
    """Precision, recall, F1 and support per class (``LABELS`` order).

    Returns ``label``, ``precision``, ``recall``, ``f1``, ``support``.
    """
    precision, recall, f1, support = precision_recall_fscore_support(
        list(true_labels), list(predicted_labels), labels=list(LABELS), zero_division=0
    )
    return pd.DataFrame(
        {
            "label": list(LABELS),
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": support.astype(int),
        }
    )


def _macro_f1(true: np.ndarray, predicted: np.ndarray) -> float:
    """Macro-F1 over the three classes from integer codes (same as scikit-learn's
    ``f1_score(average="macro", labels=LABELS)``, a class absent from both counting 0).

    Hand-written because the bootstrap computes it thousands of times and
    ``f1_score`` validates its input on every call (about 1 ms each)."""
    k = len(LABELS)
    counts = np.bincount(true * k + predicted, minlength=k * k).reshape(k, k)
    tp = np.diag(counts).astype(float)
    denominator = counts.sum(axis=0) + counts.sum(axis=1)
    return float(
        np.mean(np.divide(2 * tp, denominator, out=np.zeros(k), where=denominator > 0))
    )


def bootstrap_f1(
    true_labels,
    predictions: dict,
    *,
    n_bootstrap: int = 2000,
    seed: int = config.RANDOM_SEED,
    level: float = 0.95,
    baseline: str | None = None,
    groups=None,
) -> pd.DataFrame:
    """Macro-F1 of each model with a percentile bootstrap interval over sentences.

    How to read it: ``low``..``high`` is the central ``level`` share of macro-F1 over
    ``n_bootstrap`` resamples (with replacement, seeded) of the scored sentences: how
    much the score could move with another sample of the same kind of sentences. With
    ``groups`` (e.g. article ids) whole groups are resampled, which respects that
    sentences of one article are alike (a cluster bootstrap; wider, and more honest).
    With ``baseline``, ``diff``/``diff_low``/``diff_high`` give the paired difference
    to that model on the same resamples.

    Returns:
        One row per model: ``model``, ``macro_f1``, ``low``, ``high`` (and the ``diff``
        columns with ``baseline``).
    """
    codes = {label: i for i, label in enumerate(LABELS)}
    true = np.asarray([codes[label] for label in true_labels])
    predicted = {
        name: np.asarray([codes[label] for label in p])
        for name, p in predictions.items()
    }
    rng = np.random.default_rng(seed)
    if groups is None:
        draws = rng.integers(0, len(true), size=(n_bootstrap, len(true)))
    else:
        group_codes, uniques = pd.factorize(pd.Series(list(groups)))
        members = [np.flatnonzero(group_codes == g) for g in range(len(uniques))]
        draws = [
            np.concatenate(
                [members[g] for g in rng.integers(0, len(uniques), size=len(uniques))]
            )
            for _ in range(n_bootstrap)
        ]
    boot = {
        name: np.array([_macro_f1(true[d], p[d]) for d in draws])
        for name, p in predicted.items()
    }
    alpha = (1 - level) / 2
    rows = []
    for name, p in predicted.items():
        row = {
            "model": name,
            "macro_f1": _macro_f1(true, p),
            "low": float(np.quantile(boot[name], alpha)),
            "high": float(np.quantile(boot[name], 1 - alpha)),
        }
        if baseline is not None:
            diff = boot[name] - boot[baseline]
            row.update(
                diff=row["macro_f1"] - _macro_f1(true, predicted[baseline]),
                diff_low=float(np.quantile(diff, alpha)),
                diff_high=float(np.quantile(diff, 1 - alpha)),
            )
        rows.append(row)
    return pd.DataFrame(rows)


def benchmark_texts(data=None, *, split: str = "test", data_dir=None) -> pd.DataFrame:
    """The labelled texts of one split of both datasets (``dataset``, ``split``, ``text``, ``label`` ...)."""
    check_option("split", split, ("valid", "test"))
    data = (
        load_datasets(("nusax", "smsa"), cache_dir=data_dir) if data is None else data
    )
    return data[data["split"] == split].reset_index(drop=True)


def predict_labels(
    model: SentimentModel,
    labelled: pd.DataFrame,
    *,
    contrast_weight: float = CONTRAST_WEIGHT,
    lexicon_weight: float = LEXICON_WEIGHT,
    unit: str = "paragraph",
) -> np.ndarray:
    """Predicted labels for ``labelled["text"]``: ``unit`` ``paragraph`` (sentence split +
    aggregation, as for news) or ``text`` (each text scored whole)."""
    check_option("unit", unit, ("paragraph", "text"))
    scorer = score_paragraphs if unit == "paragraph" else score_texts
    return scorer(
        model,
        labelled["text"].tolist(),
        contrast_weight=contrast_weight,
        lexicon_weight=lexicon_weight,
    )["sentiment"].to_numpy()


def evaluate(
    model: SentimentModel,
    labelled: pd.DataFrame,
    *,
    name: str,
    contrast_weight: float = CONTRAST_WEIGHT,
    lexicon_weight: float = LEXICON_WEIGHT,
    unit: str = "paragraph",
) -> pd.DataFrame:
    """Macro-F1 and accuracy of one scoring variant on labelled texts, per dataset and split.

    Args:
        labelled: rows with ``dataset``, ``split``, ``text``, ``label``.
        name: the variant's name (the ``model`` column).
        unit: see :func:`predict_labels`.

    Returns:
        ``dataset``, ``split``, ``model``, ``macro_f1``, ``accuracy``, ``n``.
    """
    predicted = predict_labels(
        model,
        labelled,
        contrast_weight=contrast_weight,
        lexicon_weight=lexicon_weight,
        unit=unit,
    )
    rows = [
        {
            "dataset": dataset,
            "split": split,
            "model": name,
            "macro_f1": f1_score(
                group["label"], group["predicted"], average="macro", labels=list(LABELS)
            ),
            "accuracy": accuracy_score(group["label"], group["predicted"]),
            "n": len(group),
        }
        for (dataset, split), group in labelled.assign(predicted=predicted).groupby(
            ["dataset", "split"], sort=True
        )
    ]
    return pd.DataFrame(rows, columns=BENCHMARK_COLUMNS)


def benchmark(
    model: SentimentModel, labelled: pd.DataFrame, *, variants=None
) -> pd.DataFrame:
    """:func:`evaluate` for every variant (``VARIANTS`` by default), stacked."""
    variants = VARIANTS if variants is None else variants
    return pd.concat(
        [
            evaluate(
                model,
                labelled,
                name=name,
                contrast_weight=c,
                lexicon_weight=lexicon,
                unit=unit,
            )
            for name, c, lexicon, unit in variants
        ],
        ignore_index=True,
    )


def confusion_table(true_labels, predicted_labels) -> pd.DataFrame:
    """3 x 3 counts: rows true label, columns predicted, both in ``LABELS`` order."""
    counts = confusion_matrix(
        list(true_labels), list(predicted_labels), labels=list(LABELS)
    )
    return pd.DataFrame(
        counts,
        index=pd.Index(LABELS, name="true"),
        columns=pd.Index(LABELS, name="predicted"),
    )


def article_fingerprint(paragraph_texts) -> str:
    """SHA-256 of the body paragraphs joined by blank lines (identifies an article's text)."""
    return hashlib.sha256(
        "\n\n".join(str(t) for t in paragraph_texts).encode("utf-8")
    ).hexdigest()


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
    with (
        files("helpers.data")
        .joinpath("analyst_reading.csv")
        .open(encoding="utf-8") as handle
    ):
        table = pd.read_csv(handle)
    chosen = table[
        table["article_sha256"] == article_fingerprint(paragraph_texts)
    ].drop(columns="article_sha256")
    return chosen.sort_values("paragraph_id", ignore_index=True)
