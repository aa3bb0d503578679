"""helpers.sentiment.cache: the key that says when a model is retrained."""

from __future__ import annotations

from helpers import sentiment


def test_cache_key_changes_with_the_configuration():
    default = sentiment.cache_key(sentiment.SentimentConfig())
    assert default == sentiment.cache_key(sentiment.SentimentConfig())
    assert default != sentiment.cache_key(sentiment.SentimentConfig(C=1.0))
