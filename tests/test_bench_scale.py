"""The corpus benchmark measures what issue 13 defines (no timing asserted here)."""

from __future__ import annotations

import subprocess
import sys

import psutil

from helpers import bench_scale


def test_tree_rss_counts_child_processes():
    # A child holding 200 MB must show in the tree's sum (Dask workers, the kernel).
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096]); "
            "print('ready', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        me = psutil.Process()
        alone = me.memory_info().rss
        assert bench_scale._tree_rss(me) - alone >= 190 * 2**20
    finally:
        child.kill()
        child.wait()


def test_scaling_compares_two_tables_only_runs_after_the_warm_up(monkeypatch, tmp_path):
    calls = []

    def fake_run(corpus, *, n_workers, output_root, tables_only=False, kernel_name=""):
        calls.append((corpus.name, n_workers, tables_only))
        seconds = {(1, True): 90.0, (2, True): 50.0, (2, False): 70.0}[
            (n_workers, tables_only)
        ]
        n = 40 if "4x" in corpus.name else 10
        return {
            "seconds": seconds + 10,
            "analysis_s": seconds,
            "notebook_s": 10.0,
            "n_articles": n,
            "peak_rss_mb": 100.0 * (1.2 if n == 40 else 1.0),
        }

    monkeypatch.setattr(bench_scale, "measure_corpus_run", fake_run)
    monkeypatch.setattr(
        bench_scale,
        "write_indosum_folder",
        lambda folder, copies=1, n_articles=None: 10 * copies,
    )
    figures = bench_scale.bench_corpus()
    # End to end first (it fills the stem cache), then 1 and 2 workers on tables only.
    assert calls == [
        ("indosum-1x", 2, False),
        ("indosum-1x", 1, True),
        ("indosum-1x", 2, True),
        ("indosum-4x", 2, False),
    ]
    assert figures["corpus_scaling_2_workers"] == 90.0 / 50.0
    assert figures["corpus_analysis_s[2 workers]"] == 50.0
    assert figures["corpus_articles_per_s"] == 10 / 80.0
    assert figures["corpus_rss_growth_4x"] == 1.2


def test_the_long_article_is_timed_on_the_three_analysis_notebooks_only():
    assert [p.name for p in bench_scale.analysis_notebooks()] == [
        "01-text-statistics.ipynb",
        "02-tfidf-topics.ipynb",
        "03-paragraph-sentiment.ipynb",
    ]
