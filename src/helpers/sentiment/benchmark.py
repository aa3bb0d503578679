"""Is the model any good? Benchmark scores on the labelled splits, confusion tables,
and the analyst's reading of the seed article."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from ..config import LABELS
from ..datasets import load_datasets
from ..errors import check_option
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
    from importlib.resources import files

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
