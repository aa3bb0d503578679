"""Figures for the keyness section of notebook 02. Each returns its axes."""

from __future__ import annotations

import pandas as pd
import seaborn as sns
from matplotlib.patches import Patch

from . import PALETTE, label, new_axes


def plot_keywords(
    positive: pd.DataFrame, negative: pd.DataFrame, *, threshold: float | None = None
):
    """Two panels of horizontal bars: the strongest positive keywords (over-used in the
    article) and negative keywords (under-used), bar length = G².

    Args:
        positive, negative: rows of :func:`helpers.keyness.keyness_table` with a
            ``label`` column (what to print), ``log_likelihood``, ``log_ratio`` and
            ``significant``; strongest first. Either may be empty.
        threshold: the smallest significant G² after correction (a dashed line).

    Each bar is annotated with its log ratio; non-significant bars are hatched and pale.
    Returns the two axes.
    """
    height = max(3.5, 0.32 * max(len(positive), len(negative), 1) + 1.6)
    fig, axes = new_axes(ncols=2, figsize=(9, height))
    colours = sns.color_palette(PALETTE)
    panels = [
        (positive, colours[0], "Over-used: positive keywords"),
        (negative, colours[3], "Under-used: negative keywords"),
    ]
    for ax, (table, colour, title) in zip(axes, panels):
        if table.empty:
            ax.text(
                0.5, 0.5, "no terms", ha="center", va="center", transform=ax.transAxes
            )
            ax.set_yticks([])
        else:
            rows = table.iloc[::-1]
            bars = ax.barh(rows["label"], rows["log_likelihood"], color=colour)
            for bar, significant in zip(bars, rows["significant"]):
                if not significant:
                    bar.set_alpha(0.35)
                    bar.set_hatch("//")
            ax.bar_label(
                bars,
                labels=[f"LR {v:+.1f}" for v in rows["log_ratio"]],
                padding=3,
                fontsize=8,
            )
            ax.set_xlim(0, max(rows["log_likelihood"].max(), threshold or 0) * 1.25 + 1)
        handles = []
        if threshold is not None:
            handles.append(
                ax.axvline(
                    threshold,
                    color="grey",
                    linestyle="--",
                    linewidth=1,
                    label=f"significant from G² = {threshold:.1f}",
                )
            )
        if not table.empty and not table["significant"].all():
            handles.append(
                Patch(facecolor=colour, alpha=0.35, hatch="//", label="not significant")
            )
        if handles:
            ax.legend(handles=handles, loc="lower right", fontsize=8)
        label(
            ax,
            title=title,
            xlabel="Log-likelihood G² (higher = more certain)",
            ylabel="",
        )
    axes[0].set_ylabel("Term (most frequent form)")
    fig.text(
        0.01,
        -0.01,
        "LR = log ratio (Hardie 2014): log2 of article rate / reference rate; "
        "+1 = twice as frequent in the article.",
        fontsize=8,
        ha="left",
        va="top",
    )
    fig.tight_layout()
    return axes
