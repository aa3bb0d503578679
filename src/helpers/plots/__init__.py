"""Figure helpers. One theme, set in one place; helpers return axes and never show.

Analysis-specific plots live in submodules (``plots.stats``, ``plots.topics``,
``plots.sentiment``). Every figure gets a title, labelled axes with units and
paragraph numbers in article order where paragraphs are on an axis.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import seaborn as sns

#: Colour-blind-safe palette (seaborn "colorblind", after Okabe & Ito).
PALETTE = "colorblind"
#: Sentiment colours from the same palette: negative, neutral, positive.
SENTIMENT_COLOURS = {"negative": "#D55E00", "neutral": "#999999", "positive": "#0072B2"}
#: Sequential colour map for heatmaps (perceptually uniform, colour-blind safe).
HEATMAP_CMAP = "viridis"
#: Default figure size in inches; reads well in the HTML export.
FIGSIZE = (9, 4.5)


def set_theme() -> None:
    """Set the project's seaborn theme (idempotent)."""
    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE,
                  rc={"figure.figsize": FIGSIZE, "figure.dpi": 100, "axes.titleweight": "bold",
                      "axes.titlesize": 13})


def new_axes(*, figsize: tuple[float, float] | None = None, nrows: int = 1, ncols: int = 1, **kwargs):
    """A new figure and axes (a fresh figure every call, so reruns never draw twice)."""
    fig, axes = plt.subplots(nrows=nrows, ncols=ncols, figsize=figsize or FIGSIZE, **kwargs)
    return fig, axes


def label(ax, *, title: str, xlabel: str, ylabel: str):
    """Set title and axis labels; returns ``ax``."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def paragraph_ticks(ax, paragraph_ids, *, axis: str = "x", max_labels: int = 40, offset: float = 0.0):
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
