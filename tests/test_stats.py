"""Text statistics on tiny Indonesian texts with hand-worked answers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import helpers
from helpers import OptionError, stats


def _tokens(*paragraphs: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    table = pd.DataFrame(
        {
            "paragraph_id": range(1, len(paragraphs) + 1),
            "text": list(paragraphs),
            "n_words": [helpers.text.count_words(p) for p in paragraphs],
        }
    )
    return table, helpers.tokens_table(helpers.sentences_table(table))


@pytest.mark.parametrize(
    "word, expected",
    [
        ("pakta", 2),
        ("pertahanan", 4),
        ("Korea", 3),  # plain vowels: ko-re-a
        ("pulau", 2),
        ("damai", 2),
        ("survei", 2),
        ("amboi", 2),  # au, ai, ei, oi are one nucleus
        ("kekhawatiran", 5),
        ("diantara", 4),  # ia is not a diphthong
        ("negara-negara", 6),
        ("dll", 1),
        ("19/6", 0),
        (",", 0),
    ],
)
def test_count_syllables(word, expected):
    assert stats.count_syllables(word) == expected


def test_ttr_by_hand_and_empty():
    assert stats.ttr(["kami", "makan", "nasi", "kami"]) == pytest.approx(3 / 4)
    assert math.isnan(stats.ttr([]))


def test_mtld_toy_texts():
    # a b c d a: no factor completes; final TTR 4/5 -> partial factor 0.2/0.28; 5 / (0.2/0.28) = 7
    # (min_words=1 switches off the length guard so the arithmetic can be checked by hand)
    assert stats.mtld(list("abcda"), min_words=1) == pytest.approx(7.0)
    # a a a b b: two full factors each way -> 5 / 2
    assert stats.mtld(list("aaabb"), min_words=1) == pytest.approx(2.5)
    # kami makan nasi kami makan ikan: one factor each way -> 6
    assert stats.mtld(
        "kami makan nasi kami makan ikan".split(), min_words=1
    ) == pytest.approx(6.0)
    assert math.isnan(stats.mtld(["semua", "kata", "berbeda"], min_words=1))
    with pytest.raises(OptionError):
        stats.mtld(["a"], threshold=1.5)


def test_mtld_needs_100_words():
    # 99 words repeating "a b c d": defined arithmetic, but below McCarthy & Jarvis's minimum.
    text = list("abcd") * 25
    assert math.isnan(stats.mtld(text[:99]))
    assert stats.MTLD_MIN_WORDS == 100
    # "a b c d" repeated: the forward pass ends a factor at every 4th word ... either way
    # the value is finite and no longer than the text once 100 words are there.
    value = stats.mtld(text)
    assert not math.isnan(value) and value <= len(text)
    with pytest.raises(OptionError):
        stats.mtld(text, min_words=0)


def test_overview_leaves_mtld_and_hdd_empty_for_short_texts():
    word = [
        f"kata{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(60)
    ]  # kataaa, kataab, ...
    paragraphs, tokens = _tokens(" ".join(word[:41]) + ".")
    table = stats.overview_table(paragraphs, tokens).set_index("measure")
    assert table.loc["words", "value"] == 41
    assert math.isnan(table.loc["MTLD", "value"]) and math.isnan(
        table.loc["HD-D", "value"]
    )
    assert (
        "100+ words" in table.loc["MTLD", "definition"]
        and "42+ words" in table.loc["HD-D", "definition"]
    )
    paragraphs, tokens = _tokens(" ".join(word[i % 30] for i in range(42)) + ".")
    table = stats.overview_table(paragraphs, tokens).set_index("measure")["value"]
    assert math.isnan(table["MTLD"]) and not math.isnan(table["HD-D"])


def test_hdd_bounds():
    unique = [f"kata{i}" for i in range(60)]
    assert stats.hdd(unique) == pytest.approx(1.0)  # every sampled word is new
    assert stats.hdd(["sama"] * 50) == pytest.approx(1 / 42)
    assert math.isnan(stats.hdd(unique[:10]))  # shorter than the sample


def test_overview_counts_by_hand():
    paragraphs, tokens = _tokens(
        "Rusia dan Korea Utara menandatangani pakta. Pakta itu kuat."
    )
    before = tokens.copy()
    table = stats.overview_table(paragraphs, tokens).set_index("measure")["value"]
    assert table["paragraphs"] == 1 and table["sentences"] == 2 and table["words"] == 9
    assert table["distinct words"] == 8  # pakta twice (case ignored)
    assert table["type-token ratio (TTR)"] == pytest.approx(8 / 9)
    assert table["mean words per sentence"] == pytest.approx(4.5)
    assert table["stop-word share"] == pytest.approx(2 / 9)  # dan, itu
    definitions = stats.overview_table(paragraphs, tokens).set_index("measure")[
        "definition"
    ]
    assert "length" in definitions["type-token ratio (TTR)"]
    pd.testing.assert_frame_equal(tokens, before)


def test_vocabulary_counts_by_stem_labels_by_surface():
    _, tokens = _tokens("Kekuatan Rusia. Kekuatan baru memperkuat Korea.")
    vocab = stats.vocabulary_table(tokens).set_index("stem")
    assert vocab.loc["kuat", "n"] == 3
    assert vocab.loc["kuat", "label"] == "kekuatan"  # most frequent form, not the stem
    assert vocab.loc["kuat", "forms"] == "kekuatan, memperkuat"
    assert vocab["share"].sum() == pytest.approx(1.0)


def test_rank_frequency_and_zipf_slope():
    _, tokens = _tokens("a a a a b b c d")
    ranks = stats.rank_frequency(tokens)
    assert ranks["word"].tolist() == ["a", "b", "c", "d"]
    assert ranks["frequency"].tolist() == [4, 2, 1, 1]
    assert stats.zipf_slope(ranks) < 0


def test_readability_uses_indonesian_syllables():
    _, tokens = _tokens("Pakta pertahanan kuat.")
    table = stats.readability_table(tokens).set_index("measure")["value"]
    assert table["syllables per word"] == pytest.approx((2 + 4 + 2) / 3)
    assert table["long-word share (4+ syllables)"] == pytest.approx(1 / 3)
    assert "Flesch" in stats.READABILITY_NOTE
    assert not any(
        "flesch" in m.lower() for m in stats.readability_table(tokens)["measure"]
    )


def test_sentence_lengths_sum_to_word_count():
    paragraphs, tokens = _tokens("Satu dua tiga. Empat lima.", "Enam.")
    lengths = stats.sentence_lengths(tokens)
    assert lengths["n_words"].tolist() == [3, 2, 1]
    assert lengths["n_words"].sum() == paragraphs["n_words"].sum()


def test_missing_columns_are_reported():
    with pytest.raises(OptionError, match="tokens_table"):
        stats.words_of(pd.DataFrame({"x": [1]}))


def test_plot_helpers_return_labelled_axes():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers import entities, entity_counts, phrases
    from helpers.plots import stats as stat_plots

    paragraphs, tokens = _tokens(
        "Rusia dan Jerman menandatangani perjanjian.",
        "Perjanjian itu membuat Rusia kuat.",
    )
    mentions = entities.entity_mentions(paragraphs)
    names = ["Rusia", "Jerman"]
    axes = [
        stat_plots.plot_words_per_paragraph(paragraphs),
        stat_plots.plot_length_histogram(
            stats.sentence_lengths(tokens)["n_words"], title="t", xlabel="x"
        ),
        stat_plots.plot_top_terms(stats.vocabulary_table(tokens)),
        stat_plots.plot_zipf(stats.rank_frequency(tokens)),
        stat_plots.plot_ngram_bars(phrases.content_ngrams(tokens), title="t"),
        stat_plots.plot_repeated_share_bars(phrases.repeated_share(tokens)),
        stat_plots.plot_entity_counts(mentions, names),
        stat_plots.plot_entity_dispersion(mentions, paragraphs, names),
        stat_plots.plot_cooccurrence_heatmap(
            entity_counts.entity_cooccurrence(mentions, entities=names)
        ),
    ]
    for ax in axes:
        assert ax.get_title() and ax.get_xlabel()
    assert [t.get_text() for t in axes[0].get_xticklabels()] == [
        "1",
        "2",
    ]  # paragraph numbers
    plt.close("all")


def test_entity_figures_sort_mask_and_use_one_colour():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from helpers import entities, entity_counts
    from helpers.plots import stats as stat_plots

    paragraphs, _ = _tokens(
        "Rusia dan Jerman bersekutu.",
        "Jerman dan Prancis.",
        "Jerman lagi.",
    )
    mentions = entities.entity_mentions(paragraphs)
    # Jerman (3) before Rusia (1) and Prancis (1), although the order given lists Rusia first.
    bars = stat_plots.plot_entity_counts(mentions, ["Rusia", "Prancis", "Jerman"])
    labels = [t.get_text() for t in bars.get_yticklabels()]
    assert labels[0] == "Jerman" and labels.index("Rusia") < labels.index("Prancis")
    widths = [p.get_width() for p in bars.patches]
    assert widths == sorted(widths, reverse=True) and widths[0] == 3
    # Dispersion: every mark in the same colour.
    shown = ["Rusia", "Jerman", "Prancis"]
    dispersion = stat_plots.plot_entity_dispersion(mentions, paragraphs, shown)
    colours = dispersion.collections[0].get_edgecolor()
    assert len(np.unique(np.round(colours, 6), axis=0)) == 1
    # Co-occurrence: the diagonal is masked, so the colour scale spans off-diagonal counts only.
    matrix = entity_counts.entity_cooccurrence(mentions, entities=shown)
    heat = stat_plots.plot_cooccurrence_heatmap(matrix)
    annotations = sorted(t.get_text() for t in heat.texts)
    assert annotations == [
        "0",
        "0",
        "1",
        "1",
        "1",
        "1",
    ]  # 3 off-diagonal pairs, twice; no "3"
    assert heat.collections[0].get_clim()[1] == 1
    plt.close("all")


# --- describe ---------------------------------------------------------------------


def _overview(words, mtld_value, hdd_value):
    return pd.DataFrame(
        {
            "measure": ["words", "MTLD", "HD-D"],
            "value": [float(words), mtld_value, hdd_value],
            "definition": ["", "", ""],
        }
    )


def test_describe_diversity_values():
    text = stats.describe_diversity(_overview(150, 84.6, 0.8649))
    assert text == (
        "MTLD is 85 words: on average, that many words pass before the running TTR drops to 0.72. "
        "There are no published MTLD norms for Indonesian news, so read it comparatively, against "
        "other articles. HD-D is 0.86: a random 42-word sample would hold that share of distinct words."
    )
    assert stats.describe_mtld(_overview(150, 84.6, 0.8649)) == "85 words"


def test_describe_diversity_too_short_for_both():
    text = stats.describe_diversity(_overview(12, float("nan"), float("nan")))
    assert text == (
        "MTLD is not reported: the text has 12 words, fewer than the 100 MTLD needs to be meaningful. "
        "HD-D is not reported (fewer than 42 words)."
    )
    assert (
        stats.describe_mtld(_overview(12, float("nan"), float("nan")))
        == "not reported (the text has 12 words; MTLD needs 100)"
    )


def test_describe_diversity_hdd_without_mtld():
    text = stats.describe_diversity(_overview(60, float("nan"), 0.9))
    assert text.startswith("MTLD is not reported: the text has 60 words")
    assert text.endswith(
        "HD-D is 0.90: a random 42-word sample would hold that share of distinct words."
    )


def test_describe_diversity_on_a_real_overview():
    tokens = helpers.tokens_table(
        helpers.sentences_table(
            pd.DataFrame(
                {
                    "paragraph_id": [1],
                    "text": ["Rusia dan Korea Utara menandatangani pakta pertahanan."],
                }
            )
        )
    )
    paragraphs = pd.DataFrame(
        {"paragraph_id": [1], "n_words": [int(tokens["is_word"].sum())]}
    )
    text = stats.describe_diversity(stats.overview_table(paragraphs, tokens))
    assert "the text has 7 words" in text and "HD-D is not reported" in text


def _vocabulary(rows):
    return pd.DataFrame(rows, columns=["label", "n", "share"])


def test_describe_vocabulary_empty_and_all_once():
    assert (
        stats.describe_vocabulary(_vocabulary([]))
        == "The article has no content words after removing stop words."
    )
    text = stats.describe_vocabulary(
        _vocabulary([("pakta", 1, 0.5), ("rusia", 1, 0.5)])
    )
    assert text == "Every one of the 2 content words occurs once, so no word dominates."


def test_describe_vocabulary_one_or_several_repeated_words():
    text = stats.describe_vocabulary(
        _vocabulary([("rusia", 3, 0.6), ("pakta", 1, 0.2), ("kim", 1, 0.2)])
    )
    assert text == (
        "Only one content word occurs more than once: rusia (3); every other "
        "content word occurs once."
    )
    vocabulary = _vocabulary(
        [
            ("rusia", 3, 0.3),
            ("korea utara", 2, 0.2),
            ("pakta", 2, 0.2),
            ("kim", 1, 0.1),
            ("putin", 1, 0.1),
            ("nato", 1, 0.1),
        ]
    )
    text = stats.describe_vocabulary(vocabulary, n_top=2)
    assert text == (
        "The 2 most frequent content words are rusia (3), korea utara (2). Together they make up **50%** of all "
        "content words, a rough measure of how narrowly the article is focused."
    )
    text = stats.describe_vocabulary(vocabulary, n_top=5)
    assert (
        text.values["k"] == 3
        and text.values["rest"] == " Every other content word occurs once."
    )
