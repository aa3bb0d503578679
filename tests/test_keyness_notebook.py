"""Notebook 02's comparison with Indonesian news (issue 12): its tables on the seed, and
the run without a reference corpus (one line says so; the rest still runs)."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from helpers import config, keyness
from helpers.report import execute_notebook

pytestmark = pytest.mark.notebook

SIMILAR_COLUMNS = ["id", "source", "category", "url", "similarity", "shared_terms"]


def test_keyness_csv_follows_the_contract(seed_report):
    table = pd.read_csv(seed_report["processed"] / "keyness.csv", keep_default_na=False)
    assert list(table.columns[:6]) == keyness.KEYNESS_COLUMNS
    assert table["term"].is_unique
    positive = table[table["direction"] == "positive"]
    assert (
        positive.iloc[0]["term"]
        == positive.sort_values("log_likelihood", ascending=False).iloc[0]["term"]
    )
    assert {"pakta", "korea utara", "rusia"} <= set(positive.head(10)["term"])
    assert ((table["article_count"] > 0) | table["significant"]).all()
    assert table["p_value"].between(0, 1).all() and (table["log_likelihood"] >= 0).all()


def test_similar_articles_csv_follows_the_contract(seed_report):
    table = pd.read_csv(
        seed_report["processed"] / "similar_articles.csv", keep_default_na=False
    )
    assert list(table.columns) == SIMILAR_COLUMNS
    assert len(table) == 10 and table["id"].is_unique
    assert (
        table["similarity"].is_monotonic_decreasing
        and table["similarity"].between(0, 1).all()
    )
    assert table["url"].str.startswith("http").all()
    assert (table["shared_terms"] != "").all()


def test_notebook_runs_without_a_reference_corpus(tmp_path, monkeypatch, seed_path):
    """A fresh offline clone: no cache, no mirror. Notebook 02 says so in one line and
    still writes its other tables (and header-only keyness/similar tables)."""
    paragraphs = seed_path.read_text(encoding="utf-8").split("\n\n")[3:5]
    article = tmp_path / "two-paragraphs.txt"
    article.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (tmp_path / "no-mirror").mkdir()
    monkeypatch.setenv(config.EXTERNAL_DIR_ENV, str(tmp_path / "empty-cache"))
    monkeypatch.setenv(config.DATA_MIRROR_ENV, str(tmp_path / "no-mirror"))
    out = tmp_path / "out"
    executed = tmp_path / "02.ipynb"
    execute_notebook(
        config.NOTEBOOKS_DIR / "02-tfidf-topics.ipynb",
        executed,
        article_path=article,
        output_dir=out,
    )
    nb = nbformat.read(executed, as_version=4)
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error"
            assert not (output.output_type == "stream" and output.name == "stderr"), (
                output.text[:300]
            )
            shown = str(output.get("data", {}).get("text/html", "")) + str(
                output.get("data", {}).get("text/markdown", "")
            )
            texts.append(
                re.sub(r"\\(.)", r"\1", shown)
            )  # markdown escapes (\( for a literal bracket) removed
    notes = [
        t
        for t in texts
        if "reference corpus (IndoSum) cannot be loaded" in t and "Note:" in t
    ]
    assert (
        len(notes) == 1 and notes[0].strip().count("\n") == 0
    )  # one line, once (the takeaways repeat the reason)
    assert any("No comparison with Indonesian news" in t for t in texts)
    assert (out / "topics.csv").is_file() and (out / "paragraphs.csv").is_file()
    assert (
        pd.read_csv(out / "keyness.csv").empty
        and list(pd.read_csv(out / "keyness.csv").columns[:6])
        == keyness.KEYNESS_COLUMNS
    )
    assert list(pd.read_csv(out / "similar_articles.csv").columns) == SIMILAR_COLUMNS
    assert not (tmp_path / "empty-cache" / "indosum" / "dev.02.jsonl").exists()
