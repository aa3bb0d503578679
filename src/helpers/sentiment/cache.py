"""Where a fitted sentiment model is cached, and the key that says when to retrain:
data checksums, the news labels, library versions, the configuration, the text rules
and the model format (any change gives a new key, so a new file).
"""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import scipy
import sklearn

from .. import config
from ..datasets import checksums
from . import masking, news, rules
from .model import MODEL_FORMAT, SentimentConfig, SentimentModel, _check_settings


def library_versions() -> dict[str, str]:
    """Versions that change a fitted model (part of the cache key)."""
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
    return hashlib.sha256(
        files("helpers.data").joinpath("news_tone_lexicon.csv").read_bytes()
    ).hexdigest()


def cache_key(settings: SentimentConfig, *, news_dir=None) -> str:
    """Hex key from the data checksums, the news labels, library versions, config, text rules
    and model format (any change retrains)."""
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


def _cached(path: Path, key: str) -> SentimentModel | None:
    """The model stored at ``path`` when it exists and carries ``key``, else None."""
    if not path.exists():
        return None
    try:
        model = joblib.load(path)
    except Exception:  # a truncated, stale or foreign file: retrain and overwrite it
        return None
    return (
        model if isinstance(model, SentimentModel) and model.cache_key == key else None
    )


def model_path(
    settings: SentimentConfig | None = None, *, cache_dir=None, news_dir=None
) -> Path:
    """Where the fitted model for ``settings`` is cached."""
    key = cache_key(_check_settings(settings), news_dir=news_dir)
    return (
        Path(cache_dir) if cache_dir else config.EXTERNAL_DIR
    ) / f"sentiment-model-{key[:16]}.joblib"
