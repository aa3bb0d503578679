"""Analyse a whole corpus with Dask, then execute the corpus notebook (``make corpus``).

``python -m helpers.corpus_run --corpus DIR`` (or ``--corpus indosum``):

1. runs :func:`helpers.corpus.run_corpus` on every ``.txt`` file under ``DIR`` (or on
   the IndoSum reference corpus), on the ``dask.distributed`` cluster named by
   ``DASK_SCHEDULER_ADDRESS`` or on a local one with ``--workers`` processes, with a
   progress bar on the terminal;
2. executes ``notebooks/05-corpus.ipynb`` on the tables it wrote and exports it to HTML;
3. writes both into staging folders that replace ``data/processed/corpus-<name>/``
   and ``reports/corpus-<name>/`` only when every step succeeded.

A bad article file is a row of ``errors.csv``, never a stopped run. Exit status: 0 on
success, 1 when the notebook fails, 2 when the corpus itself is unusable (no such
folder, no ``.txt`` file, no readable article).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from . import config
from .errors import HelpersError

#: The notebook ``make corpus`` executes.
CORPUS_NOTEBOOK = config.NOTEBOOKS_DIR / "05-corpus.ipynb"


def corpus_output_dirs(
    name: str,
    *,
    processed_root: Path = config.PROCESSED_DIR,
    reports_root: Path = config.REPORTS_DIR,
) -> tuple[Path, Path]:
    """``data/processed/corpus-<name>/`` and ``reports/corpus-<name>/``."""
    return processed_root / f"corpus-{name}", reports_root / f"corpus-{name}"


def execute_corpus_notebook(
    executed: Path,
    *,
    corpus_name: str,
    output_dir: Path,
    kernel_name: str = config.KERNEL_NAME,
    notebook: Path = CORPUS_NOTEBOOK,
) -> None:
    """Run the corpus notebook with papermill on the tables in ``output_dir``."""
    import papermill

    from .report import CELL_TIMEOUT_S, KERNEL_START_TIMEOUT_S

    papermill.execute_notebook(
        str(notebook),
        str(executed),
        parameters={"corpus_name": corpus_name, "output_dir": str(output_dir)},
        kernel_name=kernel_name,
        cwd=str(notebook.parent),
        progress_bar=False,
        log_output=False,
        start_timeout=KERNEL_START_TIMEOUT_S,
        execution_timeout=CELL_TIMEOUT_S,
    )


def run(
    corpus: str,
    *,
    n_workers: int = 2,
    kernel_name: str = config.KERNEL_NAME,
    processed_root: Path = config.PROCESSED_DIR,
    reports_root: Path = config.REPORTS_DIR,
    executed_dir: Path | None = None,
    progress: bool = True,
    log=print,
    settings=None,
    notebook: bool = True,
) -> dict:
    """The whole ``make corpus`` run; returns timings and counts.

    ``executed_dir``, when given, receives the executed notebook (with outputs).
    ``notebook=False`` stops after the tables (the benchmark's worker-scaling runs).
    """
    from .corpus import CORPUS_SETTINGS, corpus_name, run_corpus
    from .io import staged_directory, write_text
    from .report import _display_path, _show_final_paths, export_html

    name = corpus_name(corpus)
    processed_final, reports_final = corpus_output_dirs(
        name, processed_root=processed_root, reports_root=reports_root
    )
    timings: dict = {}
    with (
        tempfile.TemporaryDirectory(prefix="corpus-") as scratch,
        staged_directory(processed_final) as processed,
        staged_directory(reports_final) as reports,
    ):
        log(f"[corpus-{name}] analysing articles with Dask ...")
        result = run_corpus(
            corpus,
            processed,
            settings=settings or CORPUS_SETTINGS,
            n_workers=n_workers,
            progress=progress,
        )
        timings.update(
            analysis_s=result.seconds,
            n_articles=len(result.articles),
            n_errors=len(result.errors),
            n_workers=result.n_workers,
            n_partitions=result.n_partitions,
        )
        log(
            f"[corpus-{name}] {len(result.articles):,} articles, {len(result.errors):,} unreadable files, "
            f"{result.seconds:.1f} s on {result.n_workers} workers"
        )
        if not notebook:
            return timings
        log(f"[corpus-{name}] running {CORPUS_NOTEBOOK.name} ...")
        start = time.perf_counter()
        executed = Path(scratch) / CORPUS_NOTEBOOK.name
        try:
            execute_corpus_notebook(
                executed,
                corpus_name=name,
                output_dir=processed,
                kernel_name=kernel_name,
            )
        except Exception:
            if executed.exists():
                failed = (
                    reports_root / "_failed" / f"corpus-{name}--{CORPUS_NOTEBOOK.name}"
                )
                write_text(failed, executed.read_text(encoding="utf-8"))
                log(
                    f"[corpus-{name}] the failed notebook, with its outputs, is in {failed}"
                )
            raise
        _show_final_paths(executed, {str(processed): _display_path(processed_final)})
        write_text(reports / f"{CORPUS_NOTEBOOK.stem}.html", export_html(executed))
        if executed_dir is not None:
            write_text(
                Path(executed_dir) / CORPUS_NOTEBOOK.name,
                executed.read_text(encoding="utf-8"),
            )
        timings["notebook_s"] = time.perf_counter() - start
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", required=True, help="a folder of .txt articles, or 'indosum'"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("CORPUS_WORKERS", "2")),
        help="local worker processes when DASK_SCHEDULER_ADDRESS is not set (default 2)",
    )
    parser.add_argument(
        "--kernel", default=config.KERNEL_NAME, help="Jupyter kernel name"
    )
    parser.add_argument(
        "--output-root",
        default=None,
        help="write processed/ and reports/ under this folder instead of the project's (benchmarks)",
    )
    parser.add_argument(
        "--tables-only", action="store_true", help="stop after the tables (no notebook)"
    )
    parser.add_argument(
        "--timings-json", default=None, help="also write the timings to this JSON file"
    )
    args = parser.parse_args(argv)
    from .corpus import SCHEDULER_ENV, corpus_name

    if os.environ.get(SCHEDULER_ENV):
        print(f"Using the Dask cluster at {os.environ[SCHEDULER_ENV]}", file=sys.stderr)
    roots = {}
    if args.output_root:
        roots = {
            "processed_root": Path(args.output_root) / "processed",
            "reports_root": Path(args.output_root) / "reports",
        }
    try:
        timings = run(
            args.corpus,
            n_workers=args.workers,
            kernel_name=args.kernel,
            notebook=not args.tables_only,
            **roots,
        )
    except HelpersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # papermill's error carries the failing cell's message
        name = getattr(exc, "ename", type(exc).__name__)
        value = getattr(exc, "evalue", str(exc))
        print(f"error: the corpus run failed: {name}: {value}", file=sys.stderr)
        print(
            "No outputs were changed; the previous corpus tables and report are intact.",
            file=sys.stderr,
        )
        return 1
    if args.timings_json:
        import json

        Path(args.timings_json).write_text(
            json.dumps(timings, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
    processed, reports = corpus_output_dirs(corpus_name(args.corpus), **roots)
    print(f"Report: {reports / (CORPUS_NOTEBOOK.stem + '.html')}  Tables: {processed}")
    print(
        f"{timings['n_articles']:,} articles ({timings['n_errors']:,} unreadable, see errors.csv) in "
        f"{timings['analysis_s']:.1f} s on {timings['n_workers']} workers; notebook "
        f"{timings.get('notebook_s', 0):.1f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
