"""Execute every notebook on one article and export each one to HTML.

``python -m helpers.report --article PATH`` (what ``make report`` runs):

1. loads the article first, so a bad file stops with one line before any kernel
   starts;
2. executes ``notebooks/NN-*.ipynb`` with papermill, two per CPU core at once
   (``--jobs``), injecting ``article_path`` and ``output_dir`` into each notebook's
   ``parameters`` cell;
3. exports each executed notebook twice with nbconvert: ``<notebook>.html`` for
   readers (no code: nbconvert's ``exclude_input``) and ``with-code/<notebook>.html``,
   both self-contained (the ``reader`` template in ``templates/`` loads nothing from
   another host) and sanitized (:mod:`helpers.sanitize`);
4. writes ``index.html``: headline, source, date, every notebook's key findings
   (the output of its cell tagged ``key-findings``) and links to both versions;
5. writes tables and reports into staging folders and swaps them into
   ``data/processed/<slug>/`` and ``reports/<slug>/`` only when every notebook
   succeeded. A failed run leaves the previous outputs as they were.

Progress of slow steps inside the notebooks reaches the terminal (see
:mod:`helpers.progress`), never the reports. The last line printed is the path of
the index page.

Exit status: 0 on success, 1 when a notebook fails, 2 when the article is unusable.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import config
from .errors import HelpersError, invalid_value_msg
from .io import staged_directory, write_text
from .jupyter_setup import DETAIL_TAG

#: Seconds a single cell may run before the run is stopped.
CELL_TIMEOUT_S = 900
#: Seconds to wait for a kernel to start.
KERNEL_START_TIMEOUT_S = 120
#: Notebooks run at once per CPU core by default. More than one: a kernel also waits
#: (starting, importing, while the runner exports the notebook before it), and on the
#: 5,000-paragraph benchmark on 2 cores the three analysis notebooks took 68 s two at
#: a time and 50 s three at a time (``make bench``, ``large_article_s``).
JOBS_PER_CORE = 2


#: Notebooks that ``make report`` does not run, with the command that does. Every
#: other ``NN-name.ipynb`` in ``notebooks/`` is part of the per-article report, in
#: file-name order: adding a notebook to the report needs no change here.
SEPARATE_RUNS = {"05-corpus.ipynb": "make corpus"}
#: Notebooks that analyse a corpus (``make corpus``), not one article.
CORPUS_NOTEBOOKS = ("05-corpus.ipynb",)

#: Cell tag of the cell whose Markdown output is a notebook's "Key findings" list
#: (shown at the top of the notebook and collected into the index page).
FINDINGS_TAG = "key-findings"

TEMPLATES_DIR = Path(__file__).parent / "templates"


def notebook_paths(folder: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks of the per-article report in reading order (``NN-name.ipynb``,
    without those in :data:`SEPARATE_RUNS`)."""
    return sorted(
        p
        for p in folder.glob("[0-9][0-9]-*.ipynb")
        if p.is_file() and p.name not in SEPARATE_RUNS
    )


def _exporter(*, with_code: bool):
    """nbconvert's HTML exporter with the project's template and sanitizer.

    The reader's version drops every code input through nbconvert's own
    ``exclude_input``; both drop prompts. ``sanitize_html`` is on, with the
    Markdown-preserving filter of :mod:`helpers.sanitize`, so the reports go through
    the same sanitizer as JupyterLab's export.
    """
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    settings = Config()
    settings.TemplateExporter.filters = {"clean_html": "helpers.sanitize.clean_html"}
    # with the code: hide the stored parameters cell when papermill injected values,
    # so readers see one "Parameters" cell, with the values that were used;
    # the reader's version: leave out the long reference tables (tag "detail")
    settings.TagRemovePreprocessor.remove_cell_tags = (
        {"parameters"} if with_code else {DETAIL_TAG}
    )
    settings.TagRemovePreprocessor.enabled = True
    return HTMLExporter(
        config=settings,
        template_name="reader",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=not with_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        sanitize_html=True,
    )


def export_html(notebook, *, with_code: bool = False, title: str | None = None) -> str:
    """Render an executed notebook (a path or a ``NotebookNode``) as one static,
    self-contained HTML page; ``title`` becomes the page's ``<title>``."""
    import copy

    import nbformat

    nb = (
        nbformat.read(notebook, as_version=4)
        if isinstance(notebook, (str, os.PathLike))
        else copy.deepcopy(notebook)
    )
    if not any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells):
        for (
            cell
        ) in nb.cells:  # nothing injected: keep the notebook's own parameters cell
            cell.metadata["tags"] = [
                t for t in cell.metadata.get("tags", []) if t != "parameters"
            ]
    if title:
        nb.metadata["title"] = title
    body, _ = _exporter(with_code=with_code).from_notebook_node(nb)
    return body


def notebook_title(nb) -> str:
    """The first level-1 heading of a notebook, without Markdown marks."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return "Notebook"


def key_findings(nb) -> str:
    """The Markdown of a notebook's key findings: the output of the cell tagged
    ``key-findings``; '' when there is none."""
    for cell in nb.cells:
        if FINDINGS_TAG in cell.metadata.get("tags", []):
            return "\n\n".join(
                output.get("data", {}).get("text/markdown", "")
                for output in cell.get("outputs", [])
            ).strip()
    return ""


def export_reports(executed: Path, reports: Path, *, headline: str | None) -> dict:
    """Write ``<reports>/<name>.html`` (reader) and ``<reports>/with-code/<name>.html``.

    Returns the index entry: ``name``, ``title``, ``findings`` (Markdown), ``reader``
    and ``with_code`` (paths relative to ``reports``).
    """
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    title = notebook_title(nb)
    page_title = f"{title} · {headline}" if headline else title
    reader = f"{executed.stem}.html"
    with_code = f"with-code/{executed.stem}.html"
    write_text(reports / reader, export_html(nb, with_code=False, title=page_title))
    write_text(reports / with_code, export_html(nb, with_code=True, title=page_title))
    return {
        "name": executed.name,
        "title": title,
        "findings": key_findings(nb),
        "reader": reader,
        "with_code": with_code,
    }


def index_html(entries: list[dict], *, article) -> str:
    """The report's front page: headline, source and date, each notebook's key
    findings and links to both versions of each report (a Jinja template)."""
    import jinja2
    from nbconvert.filters.markdown import markdown2html

    from .sanitize import clean_html

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True
    )
    template = environment.get_template("index.html.j2")
    notebooks = [
        dict(
            entry,
            findings_html=jinja2.utils.markupsafe.Markup(
                clean_html(markdown2html(entry["findings"]))
            ),
        )
        for entry in entries
    ]
    published = article.published.strftime("%-d %B %Y") if article.published else None
    return template.render(
        headline=article.title or article.path.stem,
        source=article.source,
        published=published,
        file=article.path.name,
        notebooks=notebooks,
    )


def execute_notebook(
    notebook: Path,
    executed: Path,
    *,
    article_path: Path,
    output_dir: Path,
    kernel_name: str = config.KERNEL_NAME,
    extra_parameters: dict | None = None,
    change_directory: bool = True,
) -> None:
    """Run one notebook with papermill (raises ``PapermillExecutionError`` on failure).

    The kernel starts in the notebook's folder: papermill changes the process's
    directory for the run unless ``change_directory`` is False (then the caller is
    already there; papermill's change is not thread-safe, nteract/papermill#473).
    """
    import papermill

    parameters = {"article_path": str(article_path), "output_dir": str(output_dir)}
    parameters.update(extra_parameters or {})
    papermill.execute_notebook(
        str(notebook),
        str(executed),
        parameters=parameters,
        kernel_name=kernel_name,
        cwd=str(notebook.parent) if change_directory else None,
        progress_bar=False,
        log_output=False,
        start_timeout=KERNEL_START_TIMEOUT_S,
        execution_timeout=CELL_TIMEOUT_S,
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
            cell.source = cell.source.replace(
                "# Parameters", "# Parameters injected by make report"
            )
    nbformat.write(nb, executed)


def run_report(
    article: str | os.PathLike | None = None,
    *,
    notebooks: list[Path] | None = None,
    processed_root: Path = config.PROCESSED_DIR,
    reports_root: Path = config.REPORTS_DIR,
    kernel_name: str = config.KERNEL_NAME,
    executed_dir: Path | None = None,
    jobs: int | None = None,
    log=print,
) -> dict[str, float]:
    """Execute the notebooks on an article and publish tables and HTML atomically.

    ``jobs`` notebooks run at once (default: two per CPU core, see
    :func:`report_jobs`); the tables and reports are the same bytes either way.

    ``executed_dir``, when given, receives a copy of each executed ``.ipynb`` (with
    outputs) for inspection; the tests use it to check for warnings and stderr.

    Returns ``{notebook name: seconds}``. Raises the article's own error when the file
    is unusable, and ``papermill.PapermillExecutionError`` when a cell fails.
    """
    from .article import load_article

    article_path = config.resolve_article(article)
    article_meta = load_article(
        article_path
    )  # fail fast, with the article's one-line message
    slug = config.slug_for(article_path)
    notebooks = notebook_paths() if notebooks is None else notebooks
    if not notebooks:
        raise HelpersError(
            f"No notebooks found in {config.NOTEBOOKS_DIR}; expected NN-name.ipynb files."
        )
    processed_root, reports_root = Path(processed_root), Path(reports_root)
    side_by_side = report_jobs(jobs, notebooks)
    with (
        tempfile.TemporaryDirectory(prefix="report-") as scratch,
        _relay_progress(Path(scratch) / "progress.log", log),
        staged_directory(processed_root / slug) as processed,
        staged_directory(reports_root / slug) as reports,
    ):

        def run(notebook: Path) -> tuple[dict, float]:
            log(f"[{slug}] running {notebook.name} ...")
            start = time.perf_counter()
            executed = Path(scratch) / notebook.name
            try:
                execute_notebook(
                    notebook,
                    executed,
                    article_path=article_path,
                    output_dir=processed,
                    kernel_name=kernel_name,
                    change_directory=side_by_side == 1,
                )
            except Exception:
                if executed.exists():  # keep the failed notebook for debugging, apart
                    failed = reports_root / "_failed" / f"{slug}--{notebook.name}"
                    write_text(failed, executed.read_text(encoding="utf-8"))
                    log(
                        f"[{slug}] the failed notebook, with its outputs, is in {failed}"
                    )
                raise
            _show_final_paths(
                executed,
                {
                    str(processed): _display_path(processed_root / slug),
                    str(article_path): _display_path(article_path),
                },
            )
            entry = export_reports(executed, reports, headline=article_meta.title)
            if executed_dir is not None:
                write_text(
                    Path(executed_dir) / notebook.name,
                    executed.read_text(encoding="utf-8"),
                )
            seconds = time.perf_counter() - start
            log(f"[{slug}] {notebook.name} done in {seconds:.1f} s")
            return entry, seconds

        if side_by_side == 1:
            results = [run(notebook) for notebook in notebooks]
        else:
            results = _run_side_by_side(run, notebooks, side_by_side)
        entries = [entry for entry, _ in results]
        timings = {nb.name: seconds for nb, (_, seconds) in zip(notebooks, results)}
        write_text(reports / "index.html", index_html(entries, article=article_meta))
    return timings


def report_jobs(jobs: int | None, notebooks: list[Path]) -> int:
    """How many notebooks :func:`run_report` runs at once: ``jobs``, or by default
    two per CPU core (:data:`JOBS_PER_CORE`), never more than there are notebooks; 1
    when the notebooks are not all in one folder (each kernel starts in its
    notebook's folder)."""
    if jobs is not None and (
        isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1
    ):
        raise HelpersError(
            invalid_value_msg("jobs", jobs, "a whole number of notebooks, 1 or more")
        )
    wanted = jobs if jobs is not None else JOBS_PER_CORE * (os.cpu_count() or 1)
    if len({Path(nb).resolve().parent for nb in notebooks}) > 1:
        return 1
    return max(1, min(wanted, len(notebooks)))


def _run_side_by_side(run, notebooks: list[Path], jobs: int) -> list:
    """``[run(nb) for nb in notebooks]`` with ``jobs`` notebooks at once: each kernel is
    its own process, so a 2-core machine runs two notebooks in the time of about one.
    Threads, not processes: they only wait for their kernels (and export). The
    process moves into the notebooks' folder once, for every kernel to start there.
    Results come back in notebook order; the first failure (in notebook order) is
    raised after the notebooks already running have ended, and none not yet started
    is started."""
    with (
        contextlib.chdir(Path(notebooks[0]).resolve().parent),
        ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="notebook") as pool,
    ):
        futures = [pool.submit(run, notebook) for notebook in notebooks]
        try:
            return [future.result() for future in futures]
        except BaseException:
            for future in futures:
                future.cancel()
            raise


@contextlib.contextmanager
def _relay_progress(path: Path, log):
    """Let the kernels report slow steps to the terminal, not into the notebooks:
    :mod:`helpers.progress` appends to ``path`` (named by an environment variable the
    kernels inherit) and a thread passes new lines to ``log``."""
    import threading

    from .progress import PROGRESS_FILE_ENV

    path.touch()
    previous = os.environ.get(PROGRESS_FILE_ENV)
    os.environ[PROGRESS_FILE_ENV] = str(path)
    stop = threading.Event()

    def follow():
        with open(path, encoding="utf-8") as relay:
            while True:
                line = relay.readline()
                if line:
                    log(f"    {line.rstrip()}")
                elif stop.is_set():
                    return
                else:
                    stop.wait(0.2)

    thread = threading.Thread(target=follow, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
        if previous is None:
            os.environ.pop(PROGRESS_FILE_ENV, None)
        else:
            os.environ[PROGRESS_FILE_ENV] = previous


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--article", default=None, help="article file (default: the seed article)"
    )
    parser.add_argument(
        "--kernel", default=config.KERNEL_NAME, help="Jupyter kernel name"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="notebooks run at once (default: two per CPU core)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        timings = run_report(args.article, kernel_name=args.kernel, jobs=args.jobs)
    except HelpersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # papermill's error carries the failing cell's message
        name = getattr(exc, "ename", type(exc).__name__)
        value = getattr(exc, "evalue", str(exc))
        print(f"error: a notebook failed: {name}: {value}", file=sys.stderr)
        print(
            "No outputs were changed; the previous reports and tables are intact.",
            file=sys.stderr,
        )
        return 1
    slug = config.slug_for(config.resolve_article(args.article))
    print(f"Tables: {config.PROCESSED_DIR / slug}")
    print(
        f"{len(timings)} notebooks in {time.perf_counter() - start:.1f} s "
        f"({sum(timings.values()):.1f} s of notebook time, side by side)."
    )
    print(f"Report: {config.REPORTS_DIR / slug / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
