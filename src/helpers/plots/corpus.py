"""Figures for notebook 05 (many articles). Each returns its axes; none shows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from . import HEATMAP_CMAP, SENTIMENT_COLOURS, label, new_axes


def plot_group_intervals(
    table: pd.DataFrame,
    group: str,
    *,
    title: str,
    xlabel: str = "Mean sentiment score (-1 to 1)",
    ylabel: str = "",
    ax=None,
):
    """A point per group (``mean``) with its interval (``low``..``high``), one row per
    group in table order, and a dashed line at 0 (no tone either way)."""
    if ax is None:
        _, ax = new_axes(figsize=(8, 0.45 * max(len(table), 3) + 1.4))
    positions = np.arange(len(table))
    colours = [
        SENTIMENT_COLOURS["negative"] if m < 0 else SENTIMENT_COLOURS["positive"]
        for m in table["mean"]
    ]
    ax.hlines(positions, table["low"], table["high"], color="#555555", linewidth=2)
    ax.scatter(table["mean"], positions, color=colours, zorder=3, s=40)
    ax.axvline(0, color="#999999", linestyle="--", linewidth=1)
    ax.set_yticks(
        positions, [f"{g} (n={n})" for g, n in zip(table[group], table["n_articles"])]
    )
    ax.invert_yaxis()
    return label(ax, title=title, xlabel=xlabel, ylabel=ylabel)


def plot_length_by_outlet(
    articles: pd.DataFrame, outlets: list[str], *, by: str = "source", ax=None
):
    """Box plot of article length (words) per outlet, outlets in the given order."""
    if ax is None:
        _, ax = new_axes(figsize=(9, 0.45 * max(len(outlets), 3) + 1.4))
    shown = articles[articles[by].isin(outlets)]
    sns.boxplot(
        data=shown,
        x="n_words",
        y=by,
        order=outlets,
        ax=ax,
        color="#56B4E9",
        fliersize=2,
    )
    return label(
        ax,
        title="Article length by outlet",
        xlabel="Words per article",
        ylabel="Outlet",
    )


def plot_topic_shares(shares: pd.DataFrame, topic_labels: dict, *, ax=None):
    """Heatmap: rows outlets, columns topics, cells the share of the outlet's articles
    that the topic leads (rows sum to 1)."""
    if ax is None:
        _, ax = new_axes(figsize=(10, 0.45 * max(len(shares), 3) + 2.5))
    shown = shares.rename(columns=lambda t: f"{t}: {topic_labels.get(t, t)}")
    sns.heatmap(
        shown,
        annot=True,
        fmt=".0%",
        cmap=HEATMAP_CMAP,
        vmin=0,
        vmax=1,
        ax=ax,
        cbar_kws={"label": "share of the outlet's articles"},
    )
    ax.set_xticklabels(ax.get_xticklabels(), rotation=35, ha="right")
    return label(
        ax,
        title="Which topics each outlet covers",
        xlabel="Topic (its three strongest terms)",
        ylabel="Outlet",
    )
