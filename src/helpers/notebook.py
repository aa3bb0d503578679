"""Notebook set-up and safe display.

Article text is untrusted: an article may contain ``<script>`` or
``<img onerror=...>``. Everything shown in a notebook goes through these helpers,
which escape it, so exported HTML never contains live markup from the article:

* :func:`show_table` renders a DataFrame as a plain, escaped HTML table;
* :func:`md` shows a :class:`helpers.prose.Prose` (a template plus values, escaped
  by :mod:`helpers.prose`);
* :func:`callout` shows an escaped warning or note (Markdown).

Outputs are plain Markdown or HTML without ``<style>``, so a sanitizer keeps them.
The reports are sanitized as a second guard (:mod:`helpers.sanitize`), and the tests
export a report for an article full of hostile markup and search the HTML for it.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from .config import processed_dir, resolve_article
from .errors import check_option
from .plots import render_svg, set_theme
from .prose import Prose, escape_markdown  # noqa: F401  (escape_markdown: used by callers of notebook)

#: Mean length above which a table column is treated as running text (wider cells).
LONG_TEXT_CHARS = 60
#: Rows :func:`show_table` shows unless told otherwise. A long article's tables (5,000
#: paragraphs) are for the CSV files, not for reading in a report: the page would be
#: megabytes of HTML that take tens of seconds to sanitize and export.
MAX_TABLE_ROWS = 100


def setup() -> None:
    """Apply the project's plotting theme and deterministic SVG output.

    Call once at the top of every notebook. Safe to call again (rerunning cells).
    """
    set_theme()
    matplotlib.rcParams["svg.hashsalt"] = "indonesian-news"
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.precision", 3)
    try:
        from IPython import get_ipython  # noqa: PLC0415 (IPython: only in a kernel; the module also imports without it)
    except ImportError:  # plain Python: nothing more to configure
        return
    shell = get_ipython()
    if shell is not None:
        shell.run_line_magic("matplotlib", "inline")
        shell.run_line_magic("config", "InlineBackend.figure_formats = ['svg']")
        shell.run_line_magic(
            "config",
            "InlineBackend.print_figure_kwargs = {'bbox_inches': 'tight', 'metadata': {'Date': None}}",
        )
        # Figures as SVG that fits 900 px, with alt text from title and main finding
        # (IPython formatters may return (data, metadata)).
        shell.display_formatter.formatters["image/svg+xml"].for_type(Figure, render_svg)


def output_dir_for(
    article_path: str | os.PathLike, output_dir: str | os.PathLike | None = None
) -> Path:
    """Where a notebook writes its tables: ``output_dir`` when given, else
    ``data/processed/<slug>/``. Created if missing."""
    folder = (
        Path(output_dir) if output_dir else processed_dir(resolve_article(article_path))
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def md(template: str | Prose, **values):
    """Markdown from a :class:`~helpers.prose.Prose`, or from a trusted template and
    untrusted values (``md(t, **v)`` is ``md(Prose(t, **v))``).

    Values are escaped by :meth:`Prose.markdown`; numbers pass through unchanged, so
    ``{x:.2f}`` works.

    >>> md("The article has **{n}** paragraphs.", n=17).data
    'The article has **17** paragraphs.'
    """
    from IPython.display import Markdown  # noqa: PLC0415 (IPython: only in a kernel; the module also imports without it)

    if not isinstance(template, Prose):
        template = Prose(template, **values)
    elif values:
        raise TypeError("md(prose) takes no values: the Prose already carries them.")
    return Markdown(template.markdown())


def callout(message: str, *, kind: str = "warning"):
    """An escaped warning or note, as a Markdown block quote (``kind`` is ``warning``
    or ``note``). Plain Markdown, so it survives any HTML sanitizer."""
    from IPython.display import Markdown  # noqa: PLC0415 (IPython: only in a kernel; the module also imports without it)

    check_option("kind", kind, ("warning", "note"))
    return Markdown(f"> **{kind.title()}:** {escape_markdown(message)}")


def column_label(name) -> str:
    """A column name as a header readers can read: ``mean_sentence_words`` becomes
    ``mean sentence words``."""
    return str(name).replace("_", " ")


def _column_formatter(values: pd.Series, precision: int):
    """How to print one numeric column: counts as whole numbers with thousands
    separators; any other column with ``precision`` decimals on every row, so 1 is
    printed 1.000 beside 0.962; values that round to zero never carry a minus sign."""
    numbers = pd.to_numeric(values, errors="coerce")
    finite = numbers[numbers.notna()]
    whole = (
        finite.map(lambda v: float(v).is_integer()).astype(bool)
        if len(finite)
        else pd.Series(dtype=bool)
    )
    # a column of counts, or one mixing counts (some >= 2) with ratios (overview tables):
    # whole values there are counts
    counts_allowed = bool(whole.all()) or bool((finite[whole].abs() >= 2).any())

    def number(value):
        if pd.isna(value):
            return "–"
        value = float(value)
        if counts_allowed and value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        text = f"{value:,.{precision}f}"
        return (
            text[1:]
            if text.startswith("-") and float(text[1:].replace(",", "")) == 0
            else text
        )

    return number


def show_table(
    table: pd.DataFrame,
    *,
    caption: str | None = None,
    precision: int = 3,
    max_rows: int | None = MAX_TABLE_ROWS,
):
    """A readable, escaped HTML table (no index, words for headers, fixed precision).

    At most ``max_rows`` rows (default :data:`MAX_TABLE_ROWS`; ``None`` for all); a
    shortened table says so in its caption ("first 100 of 5,000 rows").

    Plain ``<table>`` markup without ``<style>`` or inline styles, so it reads the same
    in JupyterLab, in ``make report`` and in JupyterLab's export with "Sanitize HTML"
    ticked. Every header and cell is HTML-escaped (article text is untrusted).
    Columns of running text get the class ``prose`` (a minimum width in the reports).

    Hand-written rather than ``DataFrame.to_html`` (inline ``style`` attributes) or
    ``Styler`` (a ``<style>`` block that sanitizers print as text).

    Returns an ``IPython.display.HTML``; make it the last expression of a cell.
    """
    from IPython.display import HTML  # noqa: PLC0415 (IPython: only in a kernel; the module also imports without it)

    if max_rows is not None and len(table) > max_rows:
        shown = f"first {max_rows:,} of {len(table):,} rows"
        caption = f"{caption} ({shown})" if caption else shown.capitalize()
        table = table.head(max_rows)
    numeric = [
        c
        for c in table.columns
        if pd.api.types.is_numeric_dtype(table[c])
        and not pd.api.types.is_bool_dtype(table[c])
    ]
    formatters = {c: _column_formatter(table[c], precision) for c in numeric}
    # Columns of running text (paragraphs, sentences) get a readable minimum width,
    # otherwise wide tables squeeze them into one word per line.
    prose = {
        c
        for c in table.columns
        if c not in formatters
        and len(table)
        and table[c].astype(str).str.len().mean() > LONG_TEXT_CHARS
    }

    def cell(column, value) -> str:
        if column in formatters:
            return f'<td class="number">{formatters[column](value)}</td>'
        text = (
            "–"
            if value is None
            or (not isinstance(value, (list, tuple)) and pd.isna(value))
            else str(value)
        )
        css = ' class="prose"' if column in prose else ""
        return f"<td{css}>{html.escape(text)}</td>"

    head = "".join(
        f'<th scope="col">{html.escape(column_label(c))}</th>' for c in table.columns
    )
    rows = "\n".join(
        "<tr>" + "".join(cell(c, v) for c, v in zip(table.columns, row)) + "</tr>"
        for row in table.itertuples(index=False, name=None)
    )
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return HTML(
        f'<table class="helpers-table">{title}<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody></table>'
    )


class KeyFindings:
    """The "Key findings" list at the top of a notebook.

    Created (and displayed) by the cell under the question, filled in by the
    Takeaways cell at the end with :meth:`show`: the findings are computed last but
    read first. The display is updated in place (a Jupyter display id), in
    JupyterLab and in ``make report`` alike; ``helpers.report`` collects the final
    list into the report's index page.
    """

    PLACEHOLDER = (
        "*The key findings appear here once every cell has run (Run → Run All Cells).*"
    )

    def __init__(self):
        from IPython.display import Markdown, display  # noqa: PLC0415 (IPython: only in a kernel; the module also imports without it)

        self._handle = display(Markdown(self.PLACEHOLDER), display_id=True)

    def show(self, *findings) -> None:
        """Replace the placeholder with ``findings``: Markdown display objects (from
        :func:`md`, already escaped), shown one after the other."""
        from IPython.display import Markdown  # noqa: PLC0415 (IPython: only in a kernel; the module also imports without it)

        if self._handle is not None:
            self._handle.update(
                Markdown("\n".join(part.data.rstrip("\n") for part in findings))
            )
