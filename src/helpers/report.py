"""Execute every notebook on one article and export each one to HTML.

``python -m helpers.report --article PATH`` (what ``make report`` runs):

1. loads the article first, so a bad file stops with one line before any kernel
   starts;
2. executes ``notebooks/NN-*.ipynb`` in order with papermill, injecting
   ``article_path`` and ``output_dir`` into each notebook's ``parameters`` cell;
3. exports each executed notebook to static HTML with nbconvert (article text is
   escaped by the display helpers in ``helpers.notebook``; see there why nbconvert's
   ``sanitize_html`` is not used);
4. writes tables and reports into staging folders and swaps them into
   ``data/processed/<slug>/`` and ``reports/<slug>/`` only when every notebook
   succeeded. A failed run leaves the previous outputs as they were.

Exit status: 0 on success, 1 when a notebook fails, 2 when the article is unusable.
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
from .io import staged_directory, write_text

#: Seconds a single cell may run before the run is stopped.
CELL_TIMEOUT_S = 900
#: Seconds to wait for a kernel to start.
KERNEL_START_TIMEOUT_S = 120


#: Notebooks that analyse a corpus (``make corpus``), not one article.
CORPUS_NOTEBOOKS = ("05-corpus.ipynb",)


def notebook_paths(folder: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The per-article notebooks in reading order (``NN-name.ipynb``, without the
    corpus notebook, which ``make corpus`` runs)."""
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb") if p.is_file() and p.name not in CORPUS_NOTEBOOKS)


def export_html(notebook_path: Path) -> str:
    """Render an executed notebook as a static HTML page (lab template)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nbformat.read(notebook_path, as_version=4))
    return body


def execute_notebook(notebook: Path, executed: Path, *, article_path: Path, output_dir: Path,
                     kernel_name: str = config.KERNEL_NAME, extra_parameters: dict | None = None) -> None:
    """Run one notebook with papermill (raises ``PapermillExecutionError`` on failure)."""
    import papermill

    parameters = {"article_path": str(article_path), "output_dir": str(output_dir)}
    parameters.update(extra_parameters or {})
    papermill.execute_notebook(
        str(notebook), str(executed), parameters=parameters, kernel_name=kernel_name,
        cwd=str(notebook.parent), progress_bar=False, log_output=False,
        start_timeout=KERNEL_START_TIMEOUT_S, execution_timeout=CELL_TIMEOUT_S,
    )


def _display_path(path: Path) -> str:
    """A path as a reader should see it: relative to the project when inside it."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(config.PROJECT_ROOT))
    except ValueError:
        return str(path)


def _show_final_paths(executed: Path, replacements: dict[str, str]) -> None:
    """Rewrite the injected-parameters cell so the report shows where outputs end up.

    The notebook ran with a staging ``output_dir`` that is renamed into place once
    every notebook succeeds; readers should see the final folder, not the staging one.
    """
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            for old, new in sorted(replacements.items(), key=lambda kv: -len(kv[0])):
                cell.source = cell.source.replace(old, new)
            cell.source = cell.source.replace("# Parameters", "# Parameters injected by make report")
    nbformat.write(nb, executed)


def run_report(article: str | os.PathLike | None = None, *, notebooks: list[Path] | None = None,
               processed_root: Path = config.PROCESSED_DIR, reports_root: Path = config.REPORTS_DIR,
               kernel_name: str = config.KERNEL_NAME, executed_dir: Path | None = None,
               log=print) -> dict[str, float]:
    """Execute the notebooks on an article and publish tables and HTML atomically.

    ``executed_dir``, when given, receives a copy of each executed ``.ipynb`` (with
    outputs) for inspection; the tests use it to check for warnings and stderr.

    Returns ``{notebook name: seconds}``. Raises the article's own error when the file
    is unusable, and ``papermill.PapermillExecutionError`` when a cell fails.
    """
    from .article import load_article

    article_path = config.resolve_article(article)
    load_article(article_path)  # fail fast, with the article's one-line message
    slug = config.slug_for(article_path)
    notebooks = notebook_paths() if notebooks is None else notebooks
    if not notebooks:
        raise HelpersError(f"No notebooks found in {config.NOTEBOOKS_DIR}; expected NN-name.ipynb files.")
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="report-") as scratch, \
            staged_directory(processed_root / slug) as processed, \
            staged_directory(reports_root / slug) as reports:
        for notebook in notebooks:
            log(f"[{slug}] running {notebook.name} ...")
            start = time.perf_counter()
            executed = Path(scratch) / notebook.name
            try:
                execute_notebook(notebook, executed, article_path=article_path,
                                 output_dir=processed, kernel_name=kernel_name)
            except Exception:
                if executed.exists():  # keep the failed notebook for debugging, apart
                    failed = reports_root / "_failed" / f"{slug}--{notebook.name}"
                    write_text(failed, executed.read_text(encoding="utf-8"))
                    log(f"[{slug}] the failed notebook, with its outputs, is in {failed}")
                raise
            _show_final_paths(executed, {str(processed): _display_path(processed_root / slug),
                                         str(article_path): _display_path(article_path)})
            write_text(reports / f"{notebook.stem}.html", export_html(executed))
            if executed_dir is not None:
                write_text(Path(executed_dir) / notebook.name, executed.read_text(encoding="utf-8"))
            timings[notebook.name] = time.perf_counter() - start
            log(f"[{slug}] {notebook.name} done in {timings[notebook.name]:.1f} s")
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", default=None, help="article file (default: the seed article)")
    parser.add_argument("--kernel", default=config.KERNEL_NAME, help="Jupyter kernel name")
    args = parser.parse_args(argv)
    try:
        timings = run_report(args.article, kernel_name=args.kernel)
    except HelpersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # papermill's error carries the failing cell's message
        name = getattr(exc, "ename", type(exc).__name__)
        value = getattr(exc, "evalue", str(exc))
        print(f"error: a notebook failed: {name}: {value}", file=sys.stderr)
        print("No outputs were changed; the previous reports and tables are intact.", file=sys.stderr)
        return 1
    slug = config.slug_for(config.resolve_article(args.article))
    print(f"Reports: {config.REPORTS_DIR / slug}  Tables: {config.PROCESSED_DIR / slug}")
    print(f"Total {sum(timings.values()):.1f} s for {len(timings)} notebooks.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
