"""helpers.sentiment evaluation and calibration, with answers worked by hand."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest

from helpers import sentiment
from helpers.errors import OptionError
from helpers.sentiment.training import fit_temperature

benchmark_module = importlib.import_module(
    "helpers.sentiment.benchmark"
)  # the name is also a function


def test_temperature_makes_a_75_percent_right_logit_gap_read_75_percent():
    # Every text has logits (2, 0); class 0 is right 3 times in 4. The log-loss is
    # smallest when softmax gives 0.75: 1 / (1 + exp(-2 / T)) = 0.75, so T = 2 / ln 3.
    logits = np.array([[2.0, 0.0]] * 4)
    y = np.array([0, 0, 0, 1])
    assert fit_temperature(logits, y) == pytest.approx(2 / np.log(3), rel=1e-3)
    # Always right: sharpening always lowers the loss, so T goes to the search bound exp(-3) = 0.0498.
    assert np.exp(-3) <= fit_temperature(logits, np.zeros(4, dtype=int)) < 0.06


LABELLED = pd.DataFrame(
    {
        "dataset": ["nusax", "nusax", "nusax", "nusax", "smsa", "smsa"],
        "split": ["test"] * 6,
        "text": [f"t{i}" for i in range(6)],
        "label": [
            "negative",
            "negative",
            "positive",
            "neutral",
            "positive",
            "negative",
        ],
    }
)
PREDICTED = np.array(
    ["negative", "positive", "positive", "neutral", "positive", "positive"]
)


# smsa below has no neutral text and no neutral prediction: scikit-learn warns and scores it 0.
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.UndefinedMetricWarning")
def test_evaluate_scores_each_dataset_by_hand(monkeypatch):
    calls = []

    def fake_predict(model, labelled, *, contrast_weight, lexicon_weight, unit):
        calls.append((contrast_weight, lexicon_weight, unit))
        return PREDICTED

    monkeypatch.setattr(benchmark_module, "predict_labels", fake_predict)
    table = sentiment.evaluate(
        None,
        LABELLED,
        name="variant",
        contrast_weight=2.0,
        lexicon_weight=0.5,
        unit="text",
    )
    assert calls == [(2.0, 0.5, "text")]
    assert table.columns.tolist() == [
        "dataset",
        "split",
        "model",
        "macro_f1",
        "accuracy",
        "n",
    ]
    nusax, smsa = table.iloc[0], table.iloc[1]
    # nusax: negative P 1/1 R 1/2 -> F1 2/3; positive P 1/2 R 1 -> 2/3; neutral 1. Macro (2/3+2/3+1)/3 = 7/9.
    assert (nusax["dataset"], nusax["n"], nusax["model"]) == ("nusax", 4, "variant")
    assert nusax["macro_f1"] == pytest.approx(7 / 9) and nusax[
        "accuracy"
    ] == pytest.approx(3 / 4)
    # smsa: positive P 1/2 R 1 -> 2/3; negative and neutral 0 (the absent class counts as 0). 2/9.
    assert smsa["macro_f1"] == pytest.approx(2 / 9) and smsa[
        "accuracy"
    ] == pytest.approx(1 / 2)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.UndefinedMetricWarning")
def test_benchmark_stacks_every_variant_in_order(monkeypatch):
    calls = []

    def fake_predict(model, labelled, *, contrast_weight, lexicon_weight, unit):
        calls.append((contrast_weight, lexicon_weight, unit))
        return PREDICTED

    monkeypatch.setattr(benchmark_module, "predict_labels", fake_predict)
    variants = [("a", 1.0, 0.0, "text"), ("b", 2.0, 1.5, "paragraph")]
    table = sentiment.benchmark(None, LABELLED, variants=variants)
    assert calls == [(1.0, 0.0, "text"), (2.0, 1.5, "paragraph")]
    assert table["model"].tolist() == ["a", "a", "b", "b"]
    assert table["dataset"].tolist() == ["nusax", "smsa", "nusax", "smsa"]
    default = sentiment.benchmark(None, LABELLED)
    assert default["model"].unique().tolist() == [
        name for name, *_ in sentiment.VARIANTS
    ]


def test_predict_labels_refuses_an_unknown_unit():
    with pytest.raises(OptionError, match="unit"):
        sentiment.predict_labels(None, LABELLED, unit="word")
