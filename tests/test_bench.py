"""``make bench`` runs end to end on tiny inputs and writes every figure (no timing checks)."""

from __future__ import annotations

import json
import math

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import bench


def test_floor_notebooks_only_import_the_stack(tmp_path):
    paths = bench.write_floor_notebooks(tmp_path, 3)
    assert [p.name for p in paths] == [
        "01-floor.ipynb",
        "02-floor.ipynb",
        "03-floor.ipynb",
    ]
    nb = nbformat.read(paths[0], as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert (
        len(tagged) == 1
        and "article_path" in tagged[0].source
        and "output_dir" in tagged[0].source
    )
    assert nb.cells[-1].source == bench.FLOOR_IMPORTS


def test_tfidf_bench_on_a_tiny_corpus():
    texts = [
        "Pakta pertahanan Rusia dan Korea Utara ditandatangani.",
        "Pemerintah menyatakan kekhawatiran atas kerja sama militer itu.",
        "Warga berharap perdamaian tetap terjaga di kawasan.",
    ] * 5
    result = bench.bench_tfidf(texts, repeat=2)
    assert result["tfidf_n_documents"] == 15 and result["tfidf_repeat"] == 2
    for key in ["tfidf_cold_ratio", "tfidf_warm_ratio", "tfidf_disk_cache_ratio"]:
        assert math.isfinite(result[key]) and result[key] > 0


def test_format_table_marks_goals():
    results = {key: None for key in bench.KEYS}
    results.update(
        tfidf_cold_ratio=3.0,
        tfidf_warm_ratio=1.1,
        scoring_paragraphs_per_s=9000.0,
        machine="test machine",
        notes="report: not measured (x)",
    )
    table = bench.format_table(results)
    rows = {
        line.split("|")[1].strip(): line
        for line in table.splitlines()
        if line.startswith("| ")
    }
    assert "NO" in rows["tfidf_cold_ratio"] and "yes" in rows["tfidf_warm_ratio"]
    assert (
        "yes" in rows["scoring_paragraphs_per_s"]
        and "n/a" in rows["report_vs_floor_ratio"]
    )
    assert "Machine: test machine" in table and "not measured" in table


@pytest.mark.notebook
def test_bench_main_writes_every_key(tmp_path, capsys):
    cell = new_code_cell(
        'article_path = "data/raw/tampang-2024-06-21-putin-kim-pact.txt"\noutput_dir = ""'
    )
    cell.metadata["tags"] = ["parameters"]
    nb = new_notebook(
        cells=[
            new_markdown_cell("Question: tiny"),
            cell,
            new_code_cell("import helpers"),
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook = tmp_path / "01-tiny.ipynb"
    nbformat.write(nb, notebook)
    out = tmp_path / "bench.json"
    code = bench.main(
        [
            "--repeat",
            "1",
            "--n-texts",
            "300",
            "--n-scored",
            "200",
            "--notebooks",
            str(notebook),
            "--large-paragraphs",
            "30",
            "--corpus-articles",
            "6",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["notes"] == ""
    for key in bench.KEYS:
        assert isinstance(results[key], (int, float)), key
        if key == "reader_pages":
            # The tiny notebook is not one of the seed's three reader reports.
            assert results[key] == 0
        else:
            assert results[key] > 0, key
    assert results["tfidf_n_documents"] == 300 and results["n_notebooks"] == 1
    assert (
        results["large_article_paragraphs"] == 30
        and results["corpus_peak_rss_mb[4x]"] > 0
    )
    assert "report_vs_floor_ratio" in capsys.readouterr().out
