"""helpers.newsset: the annotated news sentiment set (sample, splits, passes, kappa)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import config, newsset, reference
from helpers.errors import DatasetError, OptionError


@pytest.fixture(scope="module")
def sample():
    return newsset.sample_sentences(
        reference.reference_articles(), reference.reference_sentences()
    )


def test_stored_keys_are_the_seeded_sample(sample):
    stored = pd.read_csv(newsset.DATA_DIR / "sample.csv")
    pd.testing.assert_frame_equal(
        sample.drop(columns="text"), stored, check_dtype=False
    )


def test_sample_size_strata_and_splits(sample):
    assert len(sample) >= 1200 and sample["id"].nunique() >= 250
    assert (
        sample["category"] == "tajuk utama"
    ).mean() >= 0.45  # headline news well represented
    assert sample["source"].nunique() >= 8
    splits = pd.read_csv(newsset.DATA_DIR / "splits.csv")
    assert splits["id"].is_unique  # an article is in exactly one split
    per_split = sample.merge(splits[["id", "split"]], on="id")["split"].value_counts()
    assert per_split["test"] >= 400 and per_split["dev"] > 0 and per_split["train"] > 0
    pd.testing.assert_frame_equal(newsset.assign_splits(sample), splits)


def test_seed_article_is_not_in_the_set(sample):
    seed = config.DEFAULT_ARTICLE.read_text(encoding="utf-8")
    seed_sentences = {
        s.strip() for s in re.split(r"(?<=[.!?])\s+", seed) if len(s.split()) > 5
    }
    assert not seed_sentences & set(sample["text"])
    assert not sample["text"].str.contains("Tampang", case=False).any()


def test_sentences_are_eligible_and_not_boilerplate(sample):
    words = sample["text"].str.split().str.len()
    assert words.between(newsset.MIN_WORDS, newsset.MAX_WORDS).all()
    assert not sample["text"].str.lower().str.startswith(("[", "baca juga")).any()


def test_kappa_by_hand():
    # 4 items, 3 agree. p_o = 3/4. Marginals a: pos 1, neu 2, neg 1; b: pos 1, neu 1, neg 2.
    # p_e = (1*1 + 2*1 + 1*2) / 16 = 5/16, kappa = (12/16 - 5/16) / (11/16) = 7/11.
    a = pd.Series(["positive", "neutral", "neutral", "negative"])
    b = pd.Series(["positive", "neutral", "negative", "negative"])
    table = newsset.agreement(a, b).set_index("label")
    assert table.loc["overall", "kappa"] == pytest.approx(7 / 11)
    assert table.loc["overall", "share_agreed"] == pytest.approx(0.75)
    # positive vs rest agrees everywhere: kappa 1.
    assert table.loc["positive", "kappa"] == pytest.approx(1.0)
    # neutral vs rest: a = [0,1,1,0], b = [0,1,0,0]: p_o 3/4, p_e = (2*1 + 2*3)/16 = 1/2 -> 0.5.
    assert table.loc["neutral", "kappa"] == pytest.approx(0.5)


def test_a_pass_with_a_missing_item_is_refused(tmp_path):
    pd.read_csv(newsset.DATA_DIR / "sample.csv").to_csv(
        tmp_path / "sample.csv", index=False
    )
    pd.DataFrame({"item": [1, 2], "label": ["neutral", "positive"]}).to_csv(
        tmp_path / "pass_a.csv", index=False
    )
    with pytest.raises(DatasetError, match="do not match sample.csv"):
        newsset.read_pass("a", data_dir=tmp_path)
    with pytest.raises(OptionError):
        newsset.read_pass("c", data_dir=tmp_path)


def test_a_pass_with_an_unknown_label_is_refused(tmp_path):
    sample = pd.read_csv(newsset.DATA_DIR / "sample.csv")
    sample.to_csv(tmp_path / "sample.csv", index=False)
    pd.DataFrame({"item": sample["item"], "label": "netral"}).to_csv(
        tmp_path / "pass_b.csv", index=False
    )
    with pytest.raises(DatasetError, match="netral"):
        newsset.read_pass("b", data_dir=tmp_path)


def test_guideline_is_in_the_repository_with_worked_examples():
    text = newsset.GUIDELINE.read_text(encoding="utf-8")
    examples = re.findall(r"^\|\s*\d+\s*\|", text, flags=re.MULTILINE)
    assert len(examples) >= 30
    for required in (
        "carries no tone",
        "neutral",
        "positive",
        "negative",
        "quote",
        "hedged",
        "mixed",
    ):
        assert required.lower() in text.lower(), required
    # No worked example comes from the seed article's story.
    for seed_word in ("Putin", "Kim Jong Un", "Pyongyang", "pakta"):
        assert seed_word.lower() not in text.lower()


def test_kappa_from_the_stored_passes():
    passes = {name: newsset.read_pass(name) for name in newsset.PASS_FILES}
    table = newsset.agreement(passes["a"]["label"], passes["b"]["label"]).set_index(
        "label"
    )
    assert table.loc["overall", "n"] == 1400
    # Recompute overall kappa from the confusion matrix by hand.
    confusion = (
        pd.crosstab(passes["a"]["label"], passes["b"]["label"])
        .reindex(index=newsset.LABELS, columns=newsset.LABELS, fill_value=0)
        .to_numpy()
    )
    n = confusion.sum()
    observed = confusion.trace() / n
    expected = (confusion.sum(axis=1) @ confusion.sum(axis=0)) / n**2
    assert table.loc["overall", "kappa"] == pytest.approx(
        (observed - expected) / (1 - expected)
    )
    assert 0.4 < table.loc["overall", "kappa"] <= 1


def test_final_labels_follow_the_passes_and_the_adjudication():
    labels = newsset.read_labels()
    agreed = labels["label_a"] == labels["label_b"]
    assert (labels.loc[agreed, "label"] == labels.loc[agreed, "label_a"]).all()
    adjudication = pd.read_csv(newsset.DATA_DIR / newsset.ADJUDICATION_FILE)
    assert sorted(adjudication["item"]) == sorted(labels.loc[~agreed, "item"])
    assert adjudication["reason"].str.len().gt(0).all()


def test_an_adjudicated_table_that_overrides_agreement_is_refused(tmp_path):
    import shutil

    for path in newsset.DATA_DIR.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    labels = pd.read_csv(tmp_path / "labels.csv")
    first_agreed = labels.index[labels["label_a"] == labels["label_b"]][0]
    labels.loc[first_agreed, "label"] = (
        "positive" if labels.loc[first_agreed, "label"] != "positive" else "negative"
    )
    labels.to_csv(tmp_path / "labels.csv", index=False)
    with pytest.raises(DatasetError, match="overrides two agreeing passes"):
        newsset.read_labels(data_dir=tmp_path)


def test_news_sentences_rebuilds_text_from_the_corpus():
    table = newsset.news_sentences()
    assert len(table) == 1400 and table["text"].str.len().gt(0).all()
    assert set(table["split"]) == {"train", "dev", "test"}
    assert table.groupby("id")["split"].nunique().eq(1).all()
