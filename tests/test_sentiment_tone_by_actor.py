"""helpers.sentiment.tone_by_actor: prose about the tone of sentences naming actors."""

from __future__ import annotations

import pandas as pd

from conftest import NEGATIVE, POSITIVE
from helpers import sentiment


def _plain(text) -> str:
    """The sentence without its Markdown emphasis (the wording is what is tested)."""
    return str(text).replace("*", "")


def _actors(rows):
    return pd.DataFrame(
        rows,
        columns=[
            "actor",
            "n_sentences",
            "mean_score",
            "score_low",
            "score_high",
            "direction",
        ],
    )


def test_no_actor_in_enough_sentences():
    actors = _actors([("Rusia", 2, -0.3, -0.5, -0.1, "too few sentences")])
    assert sentiment.describe_actors(actors) == (
        "No actor is named in 3 or more sentences, so no actor's mean is worth reading."
    )


def test_one_actor_in_enough_sentences_is_named_alone():
    actors = _actors(
        [
            ("Putin", 4, -0.25, -0.4, -0.1, "negative"),
            ("Rusia", 2, 0.3, 0.1, 0.5, "too few sentences"),
        ]
    )
    assert _plain(sentiment.describe_actors(actors)) == (
        "Only Putin is named in at least 3 sentences (mean -0.25, n=4; interval negative)."
    )


def test_highest_and_lowest_with_overlapping_intervals():
    actors = _actors(
        [
            ("Korea Utara", 5, -0.2, -0.4, 0.05, "unclear"),
            ("Rusia", 3, 0.1, -0.1, 0.3, "unclear"),
            ("Putin", 6, -0.3, -0.5, -0.1, "negative"),
        ]
    )
    text = _plain(sentiment.describe_actors(actors))
    assert text.startswith("Among the 3 actors named in at least 3 sentences")
    assert "highest mean surrounds Rusia (+0.10, interval -0.10 to +0.30, n=3)" in text
    assert "lowest Putin (-0.30, interval -0.50 to -0.10, n=6)" in text
    # Rusia's low (-0.10) is not above Putin's high (-0.10): the intervals overlap
    assert "Their intervals overlap, so the difference is not established." in text
    assert "Actors whose interval excludes 0: Putin: negative." in text


def test_separate_intervals_and_no_clear_actor():
    actors = _actors(
        [
            ("Rusia", 3, 0.4, 0.2, 0.6, "positive"),
            ("Putin", 3, -0.4, -0.6, -0.2, "negative"),
        ]
    )
    assert "Their intervals do not overlap." in sentiment.describe_actors(actors)
    unclear = actors.assign(direction="unclear")
    assert "excludes 0: none." in sentiment.describe_actors(unclear)


def test_actor_names_are_values_escaped_in_markdown():
    actors = _actors([("Kim_Jong *Un*", 3, 0.0, -0.1, 0.1, "unclear")])
    markdown = sentiment.describe_actors(actors).markdown()
    assert "**Kim\\_Jong \\*Un\\***" in markdown


def test_actor_direction_needs_three_sentences_and_an_interval_clear_of_zero(model):
    sentences = pd.DataFrame(
        {
            "paragraph_id": [1, 1, 1, 2],
            "sentence_id": [1, 2, 3, 4],
            "text": [
                f"Budi: {POSITIVE}",
                f"Budi: {POSITIVE}",
                f"Budi dan Ani: {POSITIVE}",
                f"Ani: {NEGATIVE}",
            ],
        }
    )
    scored = sentiment.score_sentences(model, sentences)
    mentions = pd.DataFrame(
        {
            "sentence_id": [1, 2, 3, 3, 4],
            "actor": ["Budi", "Budi", "Budi", "Ani", "Ani"],
        }
    )
    actors = sentiment.actor_sentiment(scored, mentions).set_index("actor")
    assert (
        actors.loc["Budi", "direction"] == "positive"
        and actors.loc["Budi", "score_low"] > 0
    )
    assert actors.loc["Ani", "direction"] == "too few sentences"
