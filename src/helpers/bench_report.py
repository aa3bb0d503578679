"""``make bench``, part two: the report, the sentiment model, the reference counts, pages.

:func:`bench_report` times every notebook through the ``make report`` runner against
notebooks that only import the stack; :func:`bench_sentiment` and
:func:`bench_reference` time the model and the IndoSum term counts;
:func:`reader_pages` prints the reader reports to PDF with Chromium and counts their
pages. Re-exported by :mod:`helpers.bench`,
whose docstring explains each figure.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from . import config

#: Paragraphs scored in the scoring-speed measurement.
N_SCORED_PARAGRAPHS = 5_000

#: What the floor notebooks do: import the stack the real notebooks use, nothing else.
FLOOR_IMPORTS = "import pandas\nimport seaborn\nimport sklearn\nimport helpers"


def _timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def write_floor_notebooks(folder: Path, n: int) -> list[Path]:
    """``n`` notebooks with the standard parameters cell that only import the stack."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, n + 1):
        parameters = new_code_cell(
            'article_path = "data/raw/tampang-2024-06-21-putin-kim-pact.txt"\n'
            'output_dir = ""'
        )
        parameters.metadata["tags"] = ["parameters"]
        nb = new_notebook(
            cells=[
                new_markdown_cell("Floor: what does importing the stack cost?"),
                parameters,
                new_code_cell(FLOOR_IMPORTS),
            ]
        )
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        path = folder / f"{i:02d}-floor.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def bench_report(
    *,
    article: Path = config.DEFAULT_ARTICLE,
    notebooks: list[Path] | None = None,
    kernel_name: str = config.KERNEL_NAME,
    repeat: int = 1,
) -> dict:
    """Time the report runner on ``article`` and on import-only floor notebooks."""
    from .report import notebook_paths, run_report

    notebooks = notebook_paths() if notebooks is None else list(notebooks)
    report_s, floor_s = [], []
    with tempfile.TemporaryDirectory(prefix="bench-report-") as scratch:
        root = Path(scratch)
        floor = write_floor_notebooks(root / "floor-notebooks", len(notebooks))
        for i in range(repeat):
            # Floor first: the first kernel start also warms the OS file cache, which
            # favours whatever runs second, i.e. the real report (stated in README).
            floor_s.append(
                _timed(
                    lambda i=i: run_report(
                        article,
                        notebooks=floor,
                        kernel_name=kernel_name,
                        processed_root=root / f"floor-processed-{i}",
                        reports_root=root / f"floor-reports-{i}",
                        log=lambda *_: None,
                    )
                )
            )
            start = time.perf_counter()
            per_notebook = run_report(
                article,
                notebooks=notebooks,
                kernel_name=kernel_name,
                processed_root=root / f"processed-{i}",
                reports_root=root / f"reports-{i}",
                executed_dir=root / f"executed-{i}",
                log=lambda *_: None,
            )
            report_s.append(time.perf_counter() - start)
            slowest = _slowest_cells(root / f"executed-{i}")
    slug = config.slug_for(article)
    pages = reader_pages(
        root / f"reports-{repeat - 1}" / slug,
        [n for n in notebooks if n.name in READER_PAGE_NOTEBOOKS],
    )
    results = {
        **pages,
        "report_vs_floor_ratio": statistics.median(
            r / f for r, f in zip(report_s, floor_s)
        ),
        "report_s": statistics.median(report_s),
        "floor_s": statistics.median(floor_s),
        "n_notebooks": len(notebooks),
        "report_slowest_cells": slowest,
    }
    # Per notebook (last repetition): where the report's time goes.
    results.update(
        {f"report_s[{name}]": seconds for name, seconds in per_notebook.items()}
    )
    return results


def _slowest_cells(executed: Path, n: int = 5) -> str:
    """The ``n`` slowest cells of the executed notebooks, from papermill's timings."""
    import nbformat

    cells = []
    for path in sorted(executed.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for number, cell in enumerate(nb.cells):
            seconds = cell.get("metadata", {}).get("papermill", {}).get("duration")
            if cell.cell_type == "code" and seconds:
                first_line = next(
                    (line for line in cell.source.splitlines() if line.strip()), ""
                )[:60]
                cells.append((seconds, f"{path.stem} cell {number}: {first_line}"))
    cells.sort(reverse=True)
    return "; ".join(f"{label} ({seconds:.1f} s)" for seconds, label in cells[:n])


# --- sentiment ------------------------------------------------------------------------


def bench_sentiment(
    *, article: Path = config.DEFAULT_ARTICLE, n_paragraphs: int = N_SCORED_PARAGRAPHS
) -> dict:
    """Training time, cached-load time and scoring speed of the sentiment model.

    Training starts from the verified dataset cache (reading, decontamination, fit,
    calibration, saving); the cached load reads the saved model back. Both use a
    temporary model folder, so the project's own cached model is left alone. Scoring
    runs :func:`helpers.sentiment.score_paragraphs` on ``n_paragraphs`` paragraphs
    (the article's paragraphs repeated).
    """
    from . import sentiment
    from .article import load_article

    with tempfile.TemporaryDirectory(prefix="bench-model-") as scratch:
        cache = Path(scratch)
        # evaluate=False: time the fit alone, not the benchmark scoring stored with the model.
        train_s = _timed(
            lambda: sentiment.train_model(
                use_cache=False, cache_dir=cache, progress=False, evaluate=False
            )
        )
        loaded = {}
        load_s = _timed(
            lambda: loaded.setdefault(
                "model",
                sentiment.train_model(
                    use_cache=True, cache_dir=cache, progress=False, evaluate=False
                ),
            )
        )
    model = loaded["model"]
    paragraphs = list(load_article(article).paragraphs)
    texts = (paragraphs * (n_paragraphs // len(paragraphs) + 1))[:n_paragraphs]
    sentiment.score_paragraphs(model, texts[:10])  # warm-up outside the timing
    score_s = _timed(lambda: sentiment.score_paragraphs(model, texts))
    return {
        "sentiment_train_s": train_s,
        "sentiment_cached_load_s": load_s,
        "scoring_paragraphs_per_s": len(texts) / score_s,
        "scoring_n_paragraphs": len(texts),
    }


def bench_reference(*, repeat: int = 3) -> dict:
    """Reference term counts: cold (empty stem cache) against plain ``CountVectorizer``,
    and the warm load of the disk cache (median of ``repeat`` runs each)."""
    from sklearn.feature_extraction.text import CountVectorizer

    from . import reference
    from .stemming import Stemmer
    from .vectorize import IndonesianAnalyzer

    texts = reference.reference_articles()["text"].tolist()
    cold_s, plain_s, warm_s = [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-reference-") as folder:
        reference.reference_counts(
            cache_dir=Path(folder)
        )  # fills the cache for the warm loads
        for _ in range(repeat):
            plain_s.append(_timed(lambda: CountVectorizer().fit_transform(texts)))
            cold_s.append(
                _timed(
                    lambda: reference.term_counts(
                        texts, analyzer=IndonesianAnalyzer(stemmer=Stemmer())
                    )
                )
            )
            warm_s.append(
                _timed(lambda: reference.reference_counts(cache_dir=Path(folder)))
            )
    return {
        "reference_counts_cold_ratio": statistics.median(
            c / p for c, p in zip(cold_s, plain_s)
        ),
        "reference_counts_cold_s": statistics.median(cold_s),
        "reference_counts_warm_s": statistics.median(warm_s),
    }


#: The seed's reader reports whose printed length is ``reader_pages`` (issue 11: <= 30).
READER_PAGE_NOTEBOOKS = (
    "01-text-statistics.ipynb",
    "02-tfidf-topics.ipynb",
    "03-paragraph-sentiment.ipynb",
)
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def count_pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF: its ``/Type /Page`` objects (Chromium writes one per page)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def reader_pages(report_dir: Path, notebooks: Sequence[Path]) -> dict:
    """Printed A4 pages of each reader report (Chromium through Playwright, the print
    styles of the report template), and their total as ``reader_pages``."""
    from playwright.sync_api import sync_playwright

    counts = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"]
        )
        try:
            for notebook in notebooks:
                page = browser.new_page()
                page.goto(
                    (report_dir / f"{notebook.stem}.html").as_uri(), wait_until="load"
                )
                counts[f"reader_pages[{notebook.name}]"] = count_pdf_pages(
                    page.pdf(format="A4")
                )
                page.close()
        finally:
            browser.close()
    return {"reader_pages": sum(counts.values()), **counts}
