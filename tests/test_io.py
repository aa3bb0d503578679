"""helpers.io.update_paragraphs_csv: merge per-paragraph columns, never mix articles."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.errors import OptionError
from helpers.io import update_paragraphs_csv

BASE = pd.DataFrame(
    {
        "paragraph_id": [1, 2],
        "text": ["Harga naik.", "Warga resah."],
        "n_sentences": [1, 1],
        "n_words": [2, 2],
    }
)


def test_first_write_has_the_contract_columns_first(tmp_path):
    path = tmp_path / "paragraphs.csv"
    new = BASE.assign(sentiment=["negative", "negative"])[
        ["sentiment", "text", "paragraph_id", "n_words", "n_sentences"]
    ]
    merged = update_paragraphs_csv(new, path)
    assert merged.columns.tolist()[:4] == [
        "paragraph_id",
        "text",
        "n_sentences",
        "n_words",
    ]
    assert merged.columns.tolist()[-1] == "sentiment"
    pd.testing.assert_frame_equal(pd.read_csv(path), merged)
    assert new.columns.tolist()[0] == "sentiment"  # the input is not reordered in place


def test_same_paragraphs_keep_the_other_notebooks_columns(tmp_path):
    path = tmp_path / "paragraphs.csv"
    update_paragraphs_csv(
        BASE.assign(top_terms=["harga", "warga"], sentiment=["old", "old"]), path
    )
    merged = update_paragraphs_csv(BASE.assign(sentiment=["negative", "neutral"]), path)
    assert merged["top_terms"].tolist() == ["harga", "warga"]  # kept from notebook 02
    assert merged["sentiment"].tolist() == ["negative", "neutral"]  # new values win
    assert pd.read_csv(path)["sentiment"].tolist() == ["negative", "neutral"]


def test_other_paragraphs_replace_the_stale_file(tmp_path):
    path = tmp_path / "paragraphs.csv"
    update_paragraphs_csv(BASE.assign(top_terms=["harga", "warga"]), path)
    edited = BASE.assign(text=["Harga turun.", "Warga resah."])
    merged = update_paragraphs_csv(
        edited.assign(sentiment=["positive", "negative"]), path
    )
    assert (
        "top_terms" not in merged.columns
    )  # another article's (or an edited one's) column is dropped
    assert "top_terms" not in pd.read_csv(path).columns
    fewer = update_paragraphs_csv(BASE.iloc[:1].assign(x=[1]), path)
    assert fewer["paragraph_id"].tolist() == [1] and "sentiment" not in fewer.columns


@pytest.mark.parametrize("missing", ["paragraph_id", "text"])
def test_a_table_without_its_keys_is_refused(tmp_path, missing):
    with pytest.raises(OptionError, match=f"needs a '{missing}' column"):
        update_paragraphs_csv(BASE.drop(columns=missing), tmp_path / "paragraphs.csv")
    assert not (tmp_path / "paragraphs.csv").exists()


def test_the_file_has_the_same_bytes_whichever_notebook_writes_last(tmp_path):
    # Three notebooks' columns, written in every order (make report runs notebooks
    # side by side): listed extras keep their fixed order, unlisted ones go last A-Z.
    parts = [
        BASE.assign(n_chars=[11, 12], zeta=[1, 2], n_entity_mentions=[0, 1]),
        BASE.assign(sentiment=["negative", "neutral"], sentiment_score=[-0.5, 0.25]),
        BASE.assign(section=["lead", "body"], alpha=[0.1, 0.2]),
    ]
    contents = set()
    for n, order in enumerate([(0, 1, 2), (2, 1, 0), (1, 2, 0)]):
        path = tmp_path / str(n) / "paragraphs.csv"
        for i in order:
            update_paragraphs_csv(parts[i], path)
        contents.add(path.read_bytes())
    assert len(contents) == 1
    header = contents.pop().decode().splitlines()[0]
    assert header == (
        "paragraph_id,text,n_sentences,n_words,n_chars,sentiment,sentiment_score,section,"
        "n_entity_mentions,alpha,zeta"
    )
