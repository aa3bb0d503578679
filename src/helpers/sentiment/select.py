"""The development log of the news-trained model: every candidate scored on the news dev
split (and the review validation splits), never on a test split.

Run ``python -m helpers.sentiment.select`` to remeasure every candidate and rewrite
``src/helpers/data/news_model_selection.csv`` (a few minutes; the notebooks only read
the stored log). The deployed defaults (:class:`~helpers.sentiment.model.SentimentConfig`,
``rules.LEXICON_WEIGHT``) are the best row on dev, chosen by hand from this log with a
preference for the simpler candidate when the difference is below one dev sentence's worth.
"""

from __future__ import annotations

import sys
from dataclasses import replace

import pandas as pd
from sklearn.metrics import f1_score

from ..config import LABELS
from .benchmark import predict_labels
from .model import REVIEWS_ONLY, SentimentConfig
from .news import NEWS_DATASET
from .training import labelled_data, train_model

#: Columns of the stored log.
LOG_COLUMNS = [
    "stage",
    "candidate",
    "news_dev",
    "smsa_valid",
    "nusax_valid",
    "status",
    "note",
]
LOG_FILE = "news_model_selection.csv"

#: Every candidate spells out its settings (the defaults changed after this log was measured).
_BASE = SentimentConfig(
    train_sets=REVIEWS_ONLY,
    news_weight=1.0,
    cnbc_weight=1.0,
    mask_entities=True,
    news_vocabulary=False,
    lexicon_features=False,
    self_training=0.0,
)
_NEWS = replace(_BASE, train_sets=("smsa", "nusax", "news"))
#: The news-lexicon weight of every candidate that does not name another one.
_LEXICON = 1.5


def candidates() -> list[tuple[str, str, SentimentConfig, float, str]]:
    """(stage, name, settings, lexicon weight, note) of every candidate, in the order measured."""
    news10 = replace(_NEWS, news_weight=10.0)
    learned = replace(news10, lexicon_features=True)
    cnbc = replace(news10, train_sets=("smsa", "nusax", "news", "cnbc"))
    return [
        (
            "1 baseline",
            "reviews only, entities masked",
            _BASE,
            _LEXICON,
            "the comparator",
        ),
        (
            "1 baseline",
            "reviews only, entities not masked",
            replace(_BASE, mask_entities=False),
            _LEXICON,
            "the model before this round",
        ),
        (
            "2 news data",
            "+ news train, weight 1",
            replace(_NEWS, news_weight=1.0),
            _LEXICON,
            "",
        ),
        (
            "2 news data",
            "+ news train, weight 3",
            replace(_NEWS, news_weight=3.0),
            _LEXICON,
            "",
        ),
        ("2 news data", "+ news train, weight 10", news10, _LEXICON, ""),
        (
            "2 news data",
            "+ news train, weight 30",
            replace(_NEWS, news_weight=30.0),
            _LEXICON,
            "",
        ),
        (
            "2 news data",
            "news train only (no reviews)",
            replace(_NEWS, train_sets=("news",)),
            _LEXICON,
            "",
        ),
        (
            "3 CNBC",
            "+ news train (weight 10) + CNBC headlines (weight 1)",
            replace(news10, train_sets=("smsa", "nusax", "news", "cnbc")),
            _LEXICON,
            "CNBC labels follow market logic",
        ),
        (
            "3 CNBC",
            "+ news train (weight 10) + CNBC headlines (weight 0.3)",
            replace(
                news10, train_sets=("smsa", "nusax", "news", "cnbc"), cnbc_weight=0.3
            ),
            _LEXICON,
            "CNBC labels follow market logic",
        ),
        (
            "4 domain adaptation",
            "+ news train (weight 10), document frequencies from unlabelled IndoSum",
            replace(news10, news_vocabulary=True),
            _LEXICON,
            "",
        ),
        ("5 lexicon", "+ news train (weight 10), news lexicon off", news10, 0.0, ""),
        (
            "5 lexicon",
            "+ news train (weight 10), news lexicon weight 3",
            news10,
            3.0,
            "",
        ),
        (
            "5 lexicon",
            "+ news train (weight 10), news lexicon weight 5",
            news10,
            5.0,
            "",
        ),
        (
            "5 lexicon",
            "+ news train (weight 10), lexicon counts as learned features",
            learned,
            0.0,
            "",
        ),
        (
            "5 lexicon",
            "+ news train (weight 10), learned lexicon features + lexicon weight 1.5",
            learned,
            1.5,
            "",
        ),
        (
            "4 domain adaptation",
            "+ news train (weight 10), self-training on IndoSum (p >= 0.9)",
            replace(news10, self_training=0.9),
            _LEXICON,
            "",
        ),
        (
            "8 combined",
            "+ news train (weight 10) + CNBC, news lexicon weight 5",
            cnbc,
            5.0,
            "",
        ),
        (
            "8 combined",
            "+ news train (weight 10) + CNBC + IndoSum document frequencies",
            replace(cnbc, news_vocabulary=True),
            _LEXICON,
            "",
        ),
        (
            "8 combined",
            "+ news train (weight 10) + CNBC + IndoSum document frequencies, news lexicon weight 5",
            replace(cnbc, news_vocabulary=True),
            5.0,
            "",
        ),
        (
            "6 regularisation",
            "+ news train (weight 10), C = 1",
            replace(news10, C=1.0),
            _LEXICON,
            "",
        ),
        (
            "6 regularisation",
            "+ news train (weight 10), C = 10",
            replace(news10, C=10.0),
            _LEXICON,
            "",
        ),
        (
            "7 masking",
            "+ news train (weight 10), entities not masked",
            replace(news10, mask_entities=False),
            _LEXICON,
            "",
        ),
    ]


def _macro_f1(model, rows: pd.DataFrame, lexicon_weight: float) -> float:
    predicted = predict_labels(model, rows, lexicon_weight=lexicon_weight)
    return float(
        f1_score(rows["label"], predicted, average="macro", labels=list(LABELS))
    )


def measure(*, cache_dir=None, log=print) -> pd.DataFrame:
    """Train every candidate (cached) and score it on news dev, SmSA valid and NusaX valid."""
    data = labelled_data(_NEWS)
    held = {
        "news_dev": data[(data["dataset"] == NEWS_DATASET) & (data["split"] == "dev")],
        "smsa_valid": data[(data["dataset"] == "smsa") & (data["split"] == "valid")],
        "nusax_valid": data[(data["dataset"] == "nusax") & (data["split"] == "valid")],
    }
    rows = []
    for stage, name, settings, lexicon_weight, note in candidates():
        model = train_model(
            settings=settings, cache_dir=cache_dir, progress=False, evaluate=False
        )
        scores = {
            column: _macro_f1(model, table, lexicon_weight)
            for column, table in held.items()
        }
        log(
            f"{stage:22} {name:70} "
            + " ".join(f"{k}={v:.3f}" for k, v in scores.items())
        )
        rows.append(
            {"stage": stage, "candidate": name, **scores, "status": "", "note": note}
        )
    return pd.DataFrame(rows, columns=LOG_COLUMNS)


def main() -> int:  # pragma: no cover - a developer's command, run by hand
    table = measure(log=lambda line: print(line, file=sys.stderr))
    table = table.sort_values(
        ["news_dev", "candidate"], ascending=[False, True], kind="stable"
    )
    print(table.to_csv(index=False), end="")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
