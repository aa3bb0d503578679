"""Figure helpers. One theme, set in one place; helpers return axes and never show.

Analysis-specific plots live in submodules (``plots.stats``, ``plots.topics``,
``plots.sentiment``). Every figure gets a title, labelled axes with units and
paragraph numbers in article order where paragraphs are on an axis.
"""

from __future__ import annotations

import io
import re

import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns

#: Colour-blind-safe palette (seaborn "colorblind", after Okabe & Ito).
PALETTE = "colorblind"
#: Sentiment colours from the same palette: negative, neutral, positive.
SENTIMENT_COLOURS = {"negative": "#D55E00", "neutral": "#999999", "positive": "#0072B2"}
#: Sequential colour map for heatmaps (perceptually uniform, colour-blind safe).
HEATMAP_CMAP = "viridis"
#: Default figure size in inches; reads well in the HTML export.
FIGSIZE = (9, 4.5)
#: Widest figure size the helpers ask for, in inches (about 900 px once exported).
MAX_WIDTH_IN = 9.0
#: Marks (points, bars, cells, line vertices) in one axes above which :func:`render_svg`
#: draws that axes' data as an embedded image: a 5,000-paragraph article's scatter is
#: megabytes of SVG otherwise. Axes, ticks, labels and titles stay vector text.
MAX_VECTOR_MARKS = 2_000
#: Resolution of the embedded image of a dense axes (dots per inch).
RASTER_DPI = 150
#: Paragraphs up to which :func:`paragraph_bars` draws one rectangle per paragraph.
MAX_VECTOR_BARS = 400


def set_theme() -> None:
    """Set the project's seaborn theme (idempotent)."""
    sns.set_theme(
        context="notebook",
        style="whitegrid",
        palette=PALETTE,
        rc={
            "figure.figsize": FIGSIZE,
            "figure.dpi": 100,
            "axes.titleweight": "bold",
            "axes.titlesize": 13,
        },
    )


def new_axes(
    *,
    figsize: tuple[float, float] | None = None,
    nrows: int = 1,
    ncols: int = 1,
    **kwargs,
):
    """A new figure and axes (a fresh figure every call, so reruns never draw twice)."""
    fig, axes = plt.subplots(
        nrows=nrows, ncols=ncols, figsize=figsize or FIGSIZE, **kwargs
    )
    return fig, axes


def label(ax, *, title: str, xlabel: str, ylabel: str):
    """Set title and axis labels; returns ``ax``."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def paragraph_ticks(
    ax, paragraph_ids, *, axis: str = "x", max_labels: int = 40, offset: float = 0.0
):
    """Label an axis with paragraph numbers in article order, thinned when there are many.

    Positions are 0..n-1 plus ``offset`` (use 0.5 for ``sns.heatmap`` cells)."""
    ids = list(paragraph_ids)
    step = max(1, -(-len(ids) // max_labels))
    index = list(range(0, len(ids), step))
    positions = [i + offset for i in index]
    labels = [str(ids[i]) for i in index]
    if axis == "x":
        ax.set_xticks(positions, labels)
    else:
        ax.set_yticks(positions, labels)
    return ax


#: The widest a figure is shown, in CSS pixels: it fits JupyterLab's output area
#: (about 950 px) and the reports' text column. Wider figures are scaled down whole.
MAX_WIDTH_PX = 900


def describe(figure_or_axes, finding: str):
    """Attach a figure's main finding (one sentence); it becomes part of the alt text
    of the exported image (see :func:`alt_text`). Returns its argument."""
    figure = getattr(figure_or_axes, "figure", figure_or_axes)
    figure.helpers_finding = str(finding).strip()  # our own attribute, read by alt_text
    return figure_or_axes


def figure_title(figure) -> str:
    """The figure's title: the suptitle, else the axes titles joined with '; '."""
    suptitle = getattr(figure, "_suptitle", None)  # matplotlib has no public getter
    if suptitle is not None and suptitle.get_text().strip():
        return suptitle.get_text().strip()
    titles = [ax.get_title().strip() for ax in figure.axes if ax.get_title().strip()]
    return "; ".join(dict.fromkeys(titles))


def alt_text(figure) -> str:
    """Alt text for a figure: "<title>. <main finding>", from :func:`figure_title` and
    :func:`describe`; falls back to the axis labels when there is no title."""
    title = figure_title(figure)
    if not title:
        axes = [ax for ax in figure.axes if ax.get_xlabel() or ax.get_ylabel()]
        title = (
            f"Chart of {axes[0].get_ylabel() or 'values'} against {axes[0].get_xlabel() or 'position'}"
            if axes
            else "Chart"
        )
    finding = getattr(figure, "helpers_finding", "")
    return f"{title.rstrip('.')}. {finding}".strip()


def paragraph_bars(ax, values, *, color, horizontal=False, label=None, **options):
    """One bar per paragraph at 0..n-1 (``ax.bar``, or ``ax.barh`` when
    ``horizontal``; ``options`` go to it). Above :data:`MAX_VECTOR_BARS` paragraphs,
    where bars touch, the same outline is one filled step patch (``ax.stairs``) drawn
    as a raster: thousands of bar patches took seconds to create and draw and made a
    multi-megabyte figure. Same axis limits either way."""
    n = len(values)
    labelled = {} if label is None else {"label": label}
    if n <= MAX_VECTOR_BARS:
        draw = ax.barh if horizontal else ax.bar
        draw(np.arange(n), values, color=color, **labelled, **options)
        return
    ax.stairs(
        np.asarray(values, dtype=float),
        np.arange(n + 1) - 0.5,
        baseline=0,
        fill=True,
        orientation="horizontal" if horizontal else "vertical",
        color=color,
        linewidth=0,
        rasterized=True,
        **labelled,
    )


def _data_artists(ax) -> list:
    return [*ax.collections, *ax.patches, *ax.lines]


def _marks(artist) -> int:
    """How many marks an artist draws: points of a scatter, cells of a mesh,
    segments of a line collection, vertices of a line; 1 for a single patch."""
    if hasattr(artist, "get_xydata"):  # Line2D
        return len(artist.get_xydata())
    if hasattr(artist, "get_offsets") and len(artist.get_offsets()) > 1:
        return len(artist.get_offsets())  # scatter and other offset collections
    array = artist.get_array() if hasattr(artist, "get_array") else None
    if array is not None:
        return int(array.size)  # QuadMesh (pcolormesh, heatmaps)
    if hasattr(artist, "get_paths"):
        return len(artist.get_paths())  # PolyCollection, LineCollection
    return 1


def dense_axes(figure, *, limit: int = MAX_VECTOR_MARKS) -> list:
    """The axes of ``figure`` that draw more than ``limit`` marks."""
    return [
        ax
        for ax in figure.axes
        if sum(_marks(artist) for artist in _data_artists(ax)) > limit
    ]


def render_svg(figure) -> tuple[str, dict]:
    """The figure as deterministic SVG, at most :data:`MAX_WIDTH_PX` wide, with its
    alt text as output metadata (what ``helpers.notebook.setup`` displays).

    The data of an axes with more than :data:`MAX_VECTOR_MARKS` marks is embedded as
    one image at :data:`RASTER_DPI` (matplotlib's own mixed-mode rendering); the
    figure itself is left as it was.
    """
    dense = [artist for ax in dense_axes(figure) for artist in _data_artists(ax)]
    before = [artist.get_rasterized() for artist in dense]
    options = {"dpi": RASTER_DPI} if dense else {}
    buffer = io.StringIO()
    try:
        for artist in dense:
            artist.set_rasterized(True)
        figure.savefig(
            buffer,
            format="svg",
            bbox_inches="tight",
            metadata={"Date": None},
            **options,
        )
    finally:
        for artist, flag in zip(dense, before):
            artist.set_rasterized(flag)
    svg = buffer.getvalue()
    match = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"', svg)
    if match:
        width_pt, height_pt = float(match[1]), float(match[2])
        limit_pt = MAX_WIDTH_PX * 0.75  # 1 CSS px = 0.75 pt
        if width_pt > limit_pt:  # scale the whole image (the viewBox keeps its content)
            scale = limit_pt / width_pt
            svg = svg.replace(
                match[0],
                match[0]
                .replace(f'width="{match[1]}pt"', f'width="{width_pt * scale:.2f}pt"')
                .replace(
                    f'height="{match[2]}pt"', f'height="{height_pt * scale:.2f}pt"'
                ),
                1,
            )
    return svg, {"alt": alt_text(figure)}
