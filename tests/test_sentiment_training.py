"""helpers.sentiment.training: training, the cache round trip, refused settings (tiny synthetic data)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import sentiment
from helpers.errors import OptionError


def toy_datasets(*args, **kwargs) -> pd.DataFrame:
    rows = []
    for dataset in ("nusax", "smsa"):
        for split in ("train", "valid", "test"):
            for i in range(6):
                rows += [
                    (dataset, split, i, f"enak sekali {split} {i} bagus", "positive"),
                    (dataset, split, i, f"buruk sekali {split} {i} kecewa", "negative"),
                    (dataset, split, i, f"ada di jalan {split} {i} kota", "neutral"),
                ]
    return pd.DataFrame(rows, columns=["dataset", "split", "row", "text", "label"])


@pytest.mark.slow
def test_unchanged_config_loads_and_changed_config_retrains(
    tmp_path, monkeypatch, capsys, caplog
):
    import logging

    monkeypatch.setattr(sentiment.training, "load_datasets", toy_datasets)
    monkeypatch.delenv("HELPERS_PROGRESS_FILE", raising=False)
    small = sentiment.SentimentConfig(
        min_df=1, near_duplicate_threshold=1.0, train_sets=sentiment.REVIEWS_ONLY
    )
    with caplog.at_level(logging.INFO, logger="helpers.progress"):
        first = sentiment.train_model(
            settings=small, cache_dir=tmp_path, news_dir=tmp_path, progress=True
        )
    captured = capsys.readouterr()
    # outside a kernel, progress goes to the helpers.progress logger; helpers never print
    assert (
        "Training sentiment model: step 6/6" in caplog.text
        and captured.out == captured.err == ""
    )
    files = sorted(tmp_path.glob("sentiment-model-*.joblib"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="helpers.progress"):
        second = sentiment.load_or_train_model(
            settings=small, cache_dir=tmp_path, news_dir=tmp_path, progress=True
        )
    assert caplog.text == ""  # loaded: no training, no progress
    assert second.cache_key == first.cache_key and files[0].stat().st_mtime_ns == stamp
    sentiment.train_model(
        settings=sentiment.SentimentConfig(
            min_df=1,
            C=1.0,
            near_duplicate_threshold=1.0,
            train_sets=sentiment.REVIEWS_ONLY,
        ),
        cache_dir=tmp_path,
        news_dir=tmp_path,
        progress=False,
    )
    assert len(list(tmp_path.glob("sentiment-model-*.joblib"))) == 2
    # The benchmark is stored with the model: every held-out split, three models.
    scores = sentiment.stored_scores(second)
    assert set(scores["model"]) == {"deployed", "reviews-only", "all-neutral"}
    assert set(zip(scores["dataset"], scores["split"])) == {
        (d, s) for d in ("nusax", "smsa") for s in ("valid", "test")
    }
    assert (scores.loc[scores["model"] == "all-neutral", "accuracy"] == 1 / 3).all()


def test_bad_settings_are_refused():
    with pytest.raises(OptionError, match="SentimentConfig"):
        sentiment.train_model(settings={"C": 1}, progress=False)
