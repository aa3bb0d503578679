"""helpers.sentiment.ablation: whether the article's verdict depends on the news lexicon."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import sentiment


def _plain(text) -> str:
    """The sentence without its Markdown emphasis (the wording is what is tested)."""
    return str(text).replace("*", "")


def _scores(*values):
    return pd.DataFrame({"sentiment_score": values})


@pytest.mark.parametrize(
    ("with_lexicon", "without", "sign", "verdict"),
    [
        ((-0.3,), (-0.2,), False, False),  # both negative
        ((-0.3,), (0.2,), True, True),  # negative / positive
        ((-0.05,), (0.05,), True, False),  # both close to neutral, opposite signs
        ((-0.004,), (0.2,), False, True),  # one mean too close to zero for a sign
        ((0.005,), (-0.005,), True, False),  # exactly at the margin counts
        ((0.0,), (0.0,), False, False),
    ],
)
def test_sign_and_verdict_depend_on_the_lexicon(with_lexicon, without, sign, verdict):
    result = sentiment.lexicon_verdict(_scores(*with_lexicon), _scores(*without))
    assert (result.sign_depends, result.verdict_depends) == (sign, verdict)


def test_verdict_is_the_mean_paragraph_score_in_words():
    result = sentiment.lexicon_verdict(_scores(-0.3, -0.1), _scores(0.1, 0.0))
    assert result.mean_with == pytest.approx(-0.2)
    assert result.mean_without == pytest.approx(0.05)
    assert (result.verdict_with, result.verdict_without) == (
        "negative",
        "close to neutral",
    )


def _change(*changed):
    return pd.DataFrame(
        {"paragraph_id": range(1, len(changed) + 1), "changed": changed}
    )


def _ablation(rows):
    columns = ["category", "tone", "n_hits", "labels_changed"]
    columns += ["mean_score_deployed", "mean_score_without"]
    return pd.DataFrame(rows, columns=columns)


def test_lexicon_effect_names_the_category_that_moves_the_article_most():
    ablation = _ablation(
        [
            ("(all)", "both", 3, 1, -0.2, -0.05),
            ("kekhawatiran", "negative", 2, 1, -0.2, -0.08),
            ("bantuan", "positive", 1, 0, -0.2, -0.25),
        ]
    )
    verdict = sentiment.lexicon_verdict(_scores(-0.2), _scores(-0.05))
    text = sentiment.describe_lexicon_effect(_change(True, False), ablation, verdict)
    assert _plain(text) == (
        "The lexicon changes the label of 1 of 2 paragraphs; the mean paragraph score "
        "is -0.050 (close to neutral) without it and -0.200 (negative) with it — the "
        "overall verdict depends on the lexicon. The category that moves the article "
        "most is kekhawatiran (2 hits; without it the mean score is -0.08 and 1 "
        "paragraph labels change)."
    )
    assert "*kekhawatiran*" in text.markdown()


def test_lexicon_effect_without_any_hit_and_without_a_change_of_verdict():
    ablation = _ablation([("(all)", "both", 0, 0, -0.3, -0.3)])
    verdict = sentiment.lexicon_verdict(_scores(-0.3), _scores(-0.3))
    text = _plain(sentiment.describe_lexicon_effect(_change(False), ablation, verdict))
    assert text.endswith(
        "with it; the overall verdict does not depend on it. No lexicon term occurs "
        "in this article."
    )
    assert "label of 0 of 1 paragraph;" in text


def test_a_change_of_sign_is_said_before_a_change_of_verdict():
    verdict = sentiment.lexicon_verdict(_scores(-0.3), _scores(0.3))
    ablation = _ablation([("(all)", "both", 0, 0, -0.3, 0.3)])
    text = _plain(sentiment.describe_lexicon_effect(_change(True), ablation, verdict))
    assert "the sign of the article's mean depends on the lexicon" in text
    assert "overall verdict" not in text
    tone = sentiment.describe_article_tone(
        pd.DataFrame({"sentiment": ["negative"], "low_confidence": [True]}),
        verdict,
        n_sentences=2,
    )
    assert _plain(tone) == (
        "mean paragraph score with the news lexicon -0.300 (negative), without it "
        "+0.300 (positive); the sign depends on the lexicon, so do not report the "
        "article's overall tone as settled. 1 negative, 0 neutral and 0 positive "
        "paragraphs, 1 of them low-confidence. This verdict rests on 2 sentences only: "
        "too few to call the tone of an article."
    )


def test_article_tone_caveats_follow_the_verdict():
    paragraphs = pd.DataFrame(
        {"sentiment": ["neutral", "positive"], "low_confidence": [False, False]}
    )
    same = sentiment.lexicon_verdict(_scores(0.2), _scores(0.3))
    changed = sentiment.lexicon_verdict(_scores(0.2), _scores(0.05))
    assert "depends" not in sentiment.describe_article_tone(
        paragraphs, same, n_sentences=12
    )
    text = _plain(sentiment.describe_article_tone(paragraphs, changed, n_sentences=12))
    assert (
        "; the verdict depends on the lexicon, so report it with that caveat." in text
    )
    assert text.endswith(
        "0 negative, 1 neutral and 1 positive paragraphs, 0 of them low-confidence. "
    )


def test_lexicon_ablation_reports_each_category_that_fires(model):
    sentences = pd.DataFrame(
        {
            "paragraph_id": [1, 2],
            "sentence_id": [1, 2],
            "text": [
                "Kedua negara memperkuat kerja sama ekonomi.",
                "Amerika Serikat menyatakan keprihatinan atas bentrokan itu.",
            ],
        }
    )
    table = sentiment.lexicon_ablation(model, sentences)
    assert table["category"].tolist() == [
        "(all)",
        "concern",
        "conflict and threat",
        "help and cooperation",
    ]
    assert table["n_hits"].tolist() == [3, 1, 1, 1]
    without = sentiment.paragraph_sentiment(
        sentiment.score_sentences(model, sentences, lexicon_weight=0)
    )
    assert table.loc[0, "mean_score_without"] == pytest.approx(
        without["sentiment_score"].mean()
    )
    # Leaving the positive category out lowers the mean; leaving a negative one out raises it.
    assert (
        table.loc[3, "mean_score_without"]
        < table.loc[0, "mean_score_deployed"]
        < table.loc[1, "mean_score_without"]
    )
