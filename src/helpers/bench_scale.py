"""``make bench``, scale section: one very long article, and the corpus run on IndoSum.

* ``large_article_s``: wall time of the three analysis notebooks, 01-03 (the ``make
  report`` runner, which runs two notebooks per CPU core at once; the model card, 04,
  does not read the article), on one article of :data:`LARGE_ARTICLE_PARAGRAPHS` real
  IndoSum paragraphs (corpus order), with each notebook's own time, the number run at
  once and the slowest cells (where the time went). Goal <= 60 s.
* ``corpus_articles_per_s``: ``make corpus`` end to end (Dask analysis on 2 local
  workers, then notebook 05) on the 1,460 IndoSum articles written as files, divided
  into the number of articles.
* ``corpus_scaling_2_workers``: the Dask analysis (tables only) on 1 worker divided by
  the same on 2 workers, one right after the other in the same benchmark run, both
  after the end-to-end run (which fills the stem cache both then read, so neither
  side pays for stemming new words and the other not). Goal >= 1.5.
* ``corpus_peak_rss_mb``: the peak of the summed resident memory of the whole process
  tree (runner, Dask scheduler, nannies, workers, notebook kernel), sampled every 0.2 s,
  for the IndoSum run; ``corpus_rss_growth_4x``: the same for IndoSum repeated four times
  (5,840 files) divided by it. Goal <= 1.3: memory does not grow with the corpus.

Each corpus run is a separate ``python -m helpers.corpus_run`` process writing into a
temporary folder, so the project's own outputs are left alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import config

#: Paragraphs in the long-article benchmark.
LARGE_ARTICLE_PARAGRAPHS = 5_000
#: The report's notebook that describes the model, not the article: not part of
#: ``large_article_s`` (issue 13 times "the three analysis notebooks").
MODEL_CARD = "04-sentiment-model.ipynb"
#: Seconds between two memory samples of the corpus process tree.
RSS_INTERVAL_S = 0.2

GOALS = {
    "large_article_s": ("<=", 60.0),
    "corpus_scaling_2_workers": (">=", 1.5),
    "corpus_rss_growth_4x": ("<=", 1.3),
}
KEYS = [
    "large_article_s",
    "corpus_articles_per_s",
    "corpus_scaling_2_workers",
    "corpus_peak_rss_mb",
    "corpus_rss_growth_4x",
]


def large_article_text(n_paragraphs: int = LARGE_ARTICLE_PARAGRAPHS) -> str:
    """An article file's text: a headline, then the first ``n_paragraphs`` IndoSum
    paragraphs in corpus order (real news paragraphs from many articles)."""
    from .reference import reference_articles

    paragraphs = [p for ps in reference_articles()["paragraphs"] for p in ps][
        :n_paragraphs
    ]
    return "Artikel panjang dari paragraf IndoSum\n\n" + "\n\n".join(paragraphs) + "\n"


def analysis_notebooks() -> list[Path]:
    """The report's notebooks that analyse the article (01-03), in reading order."""
    from .report import notebook_paths

    return [p for p in notebook_paths() if p.name != MODEL_CARD]


def bench_large_article(
    *,
    n_paragraphs: int = LARGE_ARTICLE_PARAGRAPHS,
    notebooks: list[Path] | None = None,
    kernel_name: str = config.KERNEL_NAME,
) -> dict:
    """Time the three analysis notebooks on one long article (``large_article_s``);
    ``notebooks`` defaults to :func:`analysis_notebooks`."""
    import os

    from .bench import _slowest_cells
    from .report import run_report

    # The input limits (helpers.config.Limits) refuse articles this long by default;
    # the benchmark lifts them for its own run (the kernels inherit the variables).
    lifted = {
        config.Limits.env_name("max_paragraphs"): str(2 * n_paragraphs),
        config.Limits.env_name("max_bytes"): str(20_000_000),
    }
    saved = {name: os.environ.get(name) for name in lifted}
    os.environ.update(lifted)
    try:
        return _bench_large_article(
            n_paragraphs,
            analysis_notebooks() if notebooks is None else notebooks,
            kernel_name,
            _slowest_cells,
            run_report,
        )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _bench_large_article(
    n_paragraphs, notebooks, kernel_name, _slowest_cells, run_report
) -> dict:
    from .report import report_jobs

    with tempfile.TemporaryDirectory(prefix="bench-large-") as scratch:
        root = Path(scratch)
        article = root / f"indosum-{n_paragraphs}-paragraphs.txt"
        article.write_text(large_article_text(n_paragraphs), encoding="utf-8")
        start = time.perf_counter()
        per_notebook = run_report(
            article,
            notebooks=notebooks,
            processed_root=root / "processed",
            reports_root=root / "reports",
            executed_dir=root / "executed",
            kernel_name=kernel_name,
            log=lambda *_: None,
        )
        total = time.perf_counter() - start
        slowest = _slowest_cells(root / "executed", n=6)
    results = {
        "large_article_s": total,
        "large_article_paragraphs": n_paragraphs,
        "large_article_jobs": report_jobs(None, list(notebooks)),
        "large_article_slowest_cells": slowest,
    }
    results.update(
        {f"large_article_s[{name}]": seconds for name, seconds in per_notebook.items()}
    )
    return results


def write_indosum_folder(
    folder: Path, *, copies: int = 1, n_articles: int | None = None
) -> int:
    """Write the IndoSum articles as ``.txt`` files, ``copies`` times over, in one
    subfolder per category, with the outlet as a copyright footer (so the loader reads
    it). Returns the number of files."""
    from .reference import reference_articles

    n = 0
    for row in reference_articles().head(n_articles).itertuples(index=False):
        for copy in range(copies):
            path = folder / row.category.replace(" ", "-") / f"{row.id}-{copy}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                f"{row.text}\n\nCopyright © {row.source}\n", encoding="utf-8"
            )
            n += 1
    return n


def _tree_rss(process) -> int:
    import psutil

    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def measure_corpus_run(
    corpus: Path,
    *,
    n_workers: int,
    output_root: Path,
    tables_only: bool = False,
    kernel_name: str = config.KERNEL_NAME,
) -> dict:
    """Run ``python -m helpers.corpus_run`` as a child process; return its wall time,
    the peak summed RSS of its process tree (MB) and the runner's own timings."""
    import psutil

    output_root.mkdir(parents=True, exist_ok=True)
    timings_path = output_root / f"timings-{n_workers}.json"
    command = [
        sys.executable,
        "-m",
        "helpers.corpus_run",
        "--corpus",
        str(corpus),
        "--workers",
        str(n_workers),
        "--output-root",
        str(output_root),
        "--timings-json",
        str(timings_path),
        "--kernel",
        kernel_name,
    ]
    if tables_only:
        command.append("--tables-only")
    env = {
        k: v
        for k, v in __import__("os").environ.items()
        if k != "DASK_SCHEDULER_ADDRESS"
    }
    start = time.perf_counter()
    with open(output_root / "corpus-run.log", "ab") as log:
        child = subprocess.Popen(command, stdout=log, stderr=log, env=env)
        process, peak = psutil.Process(child.pid), 0
        while child.poll() is None:
            peak = max(peak, _tree_rss(process))
            time.sleep(RSS_INTERVAL_S)
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(
            f"corpus run failed (exit {child.returncode}); see {output_root / 'corpus-run.log'}"
        )
    timings = json.loads(timings_path.read_text(encoding="utf-8"))
    return {"seconds": seconds, "peak_rss_mb": peak / 2**20, **timings}


def bench_corpus(
    *,
    kernel_name: str = config.KERNEL_NAME,
    n_articles: int | None = None,
    log=lambda *_: None,
) -> dict:
    """The corpus figures (see the module docstring)."""
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as scratch:
        root = Path(scratch)
        once, four = root / "indosum-1x", root / "indosum-4x"
        n_once = write_indosum_folder(once, n_articles=n_articles)
        n_four = write_indosum_folder(four, copies=4, n_articles=n_articles)
        log(f"bench: corpus, {n_once:,} articles on 2 workers (end to end) ...")
        two = measure_corpus_run(
            once, n_workers=2, output_root=root / "run-2", kernel_name=kernel_name
        )
        log(f"bench: corpus end to end: {json.dumps(two)}")
        scaling = {}
        for n_workers in (1, 2):
            log(f"bench: corpus, the same on {n_workers} worker(s) (tables only) ...")
            scaling[n_workers] = measure_corpus_run(
                once,
                n_workers=n_workers,
                output_root=root / f"run-tables-{n_workers}",
                tables_only=True,
                kernel_name=kernel_name,
            )
            log(f"bench: corpus tables only: {json.dumps(scaling[n_workers])}")
        log(f"bench: corpus, {n_four:,} articles (IndoSum x4) on 2 workers ...")
        big = measure_corpus_run(
            four, n_workers=2, output_root=root / "run-4x", kernel_name=kernel_name
        )
        log(f"bench: corpus x4 end to end: {json.dumps(big)}")
    return corpus_figures(two, scaling[1], scaling[2], big)


def corpus_figures(two: dict, one_tables: dict, two_tables: dict, big: dict) -> dict:
    """The corpus figures from four :func:`measure_corpus_run` results: ``two`` and
    ``big`` end to end on 2 workers (IndoSum once and four times), ``one_tables`` and
    ``two_tables`` the tables only on 1 and 2 workers (the scaling pair)."""
    return {
        "corpus_articles_per_s": two["n_articles"] / two["seconds"],
        "corpus_s": two["seconds"],
        "corpus_analysis_s": two["analysis_s"],
        "corpus_notebook_s": two.get("notebook_s"),
        "corpus_analysis_s[1 worker]": one_tables["analysis_s"],
        "corpus_analysis_s[2 workers]": two_tables["analysis_s"],
        "corpus_scaling_2_workers": one_tables["analysis_s"] / two_tables["analysis_s"],
        "corpus_peak_rss_mb": two["peak_rss_mb"],
        "corpus_peak_rss_mb[4x]": big["peak_rss_mb"],
        "corpus_rss_growth_4x": big["peak_rss_mb"] / two["peak_rss_mb"],
        "corpus_s[4x]": big["seconds"],
        "corpus_n_articles[4x]": big["n_articles"],
    }
