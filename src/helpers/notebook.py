"""Notebook set-up and safe display.

Article text is untrusted: an article may contain ``<script>`` or
``<img onerror=...>``. Everything shown in a notebook goes through these helpers,
which escape it, so exported HTML never contains live markup from the article:

* :func:`show_table` renders a DataFrame through ``Styler.format(escape="html")``;
* :func:`md` shows a :class:`helpers.prose.Prose` (a template plus values, escaped
  by :mod:`helpers.prose`);
* :func:`callout` shows an escaped warning or note box.

nbconvert's ``sanitize_html`` is not used as a second guard: it turns every Markdown
output into literal ``<p>`` tags (jupyter/nbconvert#2016, #541). Instead the tests
export a report for an article full of hostile markup and search the HTML for it.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import pandas as pd

from .config import processed_dir, resolve_article
from .prose import Prose, escape_markdown  # noqa: F401  (escape_markdown: used by callers of notebook)

#: Mean length above which a table column is treated as running text (wider cells).
LONG_TEXT_CHARS = 60



def setup() -> None:
    """Apply the project's plotting theme and deterministic SVG output.

    Call once at the top of every notebook. Safe to call again (rerunning cells).
    """
    import matplotlib

    from .plots import set_theme

    set_theme()
    matplotlib.rcParams["svg.hashsalt"] = "indonesian-news"
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.precision", 3)
    try:
        from IPython import get_ipython
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


def output_dir_for(article_path: str | os.PathLike, output_dir: str | os.PathLike | None = None) -> Path:
    """Where a notebook writes its tables: ``output_dir`` when given, else
    ``data/processed/<slug>/``. Created if missing."""
    folder = Path(output_dir) if output_dir else processed_dir(resolve_article(article_path))
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
    from IPython.display import Markdown

    if not isinstance(template, Prose):
        template = Prose(template, **values)
    elif values:
        raise TypeError("md(prose) takes no values: the Prose already carries them.")
    return Markdown(template.markdown())


def callout(message: str, *, kind: str = "warning"):
    """A coloured, escaped note box (``kind`` is ``warning`` or ``note``)."""
    from IPython.display import HTML

    from .errors import check_option

    check_option("kind", kind, ("warning", "note"))
    colour = {"warning": ("#fff3cd", "#8a6d3b"), "note": ("#e8f4fd", "#31708f")}[kind]
    return HTML(
        f'<div style="background:{colour[0]};border-left:6px solid {colour[1]};'
        f'padding:0.6em 1em;margin:0.5em 0;font-size:1.05em"><strong>{kind.title()}:</strong> '
        f"{html.escape(message)}</div>"
    )


def show_table(table: pd.DataFrame, *, caption: str | None = None, precision: int = 3,
               max_rows: int | None = None):
    """A readable, escaped HTML rendering of a table (no index, fixed precision).

    Returns a pandas ``Styler``; make it the last expression of a cell to display it.
    """
    if max_rows is not None:
        table = table.head(max_rows)

    def number(value):
        # Whole numbers stored as floats (a column mixing counts and ratios) read as
        # counts: 17, not 17.000. Missing values read as an en dash.
        if pd.isna(value):
            return "–"
        if float(value).is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.{precision}f}"

    floats = [c for c in table.columns if pd.api.types.is_float_dtype(table[c])]
    # Columns of running text (paragraphs, sentences) get a readable minimum width,
    # otherwise wide tables squeeze them into one word per line.
    prose = [c for c in table.columns
             if not pd.api.types.is_numeric_dtype(table[c]) and len(table)
             and table[c].astype(str).str.len().mean() > LONG_TEXT_CHARS]
    styler = (table.style.format(precision=precision, escape="html", thousands=",")
              .format(number, subset=floats).hide(axis="index"))
    if prose:
        styler = styler.set_properties(subset=prose, **{"min-width": "28em"})
    if caption:
        styler = styler.set_caption(html.escape(caption))
    return styler.set_table_styles(
        [{"selector": "caption", "props": "caption-side: top; font-weight: bold; text-align: left;"},
         {"selector": "th", "props": "text-align: left;"},
         {"selector": "td", "props": "text-align: left; vertical-align: top;"}],
        overwrite=False,
    )
