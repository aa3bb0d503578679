"""Figures for notebook 01 (text statistics). Each returns the axes it drew on.

Every helper takes the tidy tables from :mod:`helpers.stats`, :mod:`helpers.phrases`
and :mod:`helpers.entities`, draws on a new figure (or on ``ax`` when given), sets a
title and labelled axes, and never calls ``plt.show()``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns

from . import HEATMAP_CMAP, describe, label, new_axes, paragraph_bars, paragraph_ticks

_BAR_COLOUR = sns.color_palette("colorblind")[0]
_ACCENT = sns.color_palette("colorblind")[1]
#: At most this many paragraph labels on an axis (a 9-inch axis fits about 20).
_MAX_PARAGRAPH_LABELS = 20


def _bar_width(n: int) -> float:
    """Gaps between bars only while they stay visible; touching bars for long articles."""
    return 0.8 if n <= 60 else 1.0


def _axes(ax, figsize=None):
    if ax is not None:
        return ax
    _, ax = new_axes(figsize=figsize)
    return ax


def _paragraph_bars(ax, values: pd.Series) -> None:
    """One bar per paragraph (:func:`helpers.plots.paragraph_bars`), in the bar colour."""
    paragraph_bars(
        ax, values, color=_BAR_COLOUR, width=_bar_width(len(values)), linewidth=0
    )


def plot_words_per_paragraph(paragraphs: pd.DataFrame, *, ax=None):
    """Bar chart of ``n_words`` per paragraph in article order, with the mean as a line."""
    ax = _axes(ax)
    _paragraph_bars(ax, paragraphs["n_words"])
    if len(paragraphs):
        mean = paragraphs["n_words"].mean()
        ax.axhline(mean, color=_ACCENT, linestyle="--", label=f"mean {mean:.1f} words")
        ax.legend(loc="upper right", frameon=True)
    paragraph_ticks(ax, paragraphs["paragraph_id"], max_labels=_MAX_PARAGRAPH_LABELS)
    if len(paragraphs):
        longest = paragraphs.loc[paragraphs["n_words"].idxmax()]
        shortest = paragraphs.loc[paragraphs["n_words"].idxmin()]
        describe(
            ax,
            f"{len(paragraphs)} paragraphs averaging {mean:.0f} words; the longest is paragraph "
            f"{longest['paragraph_id']} ({longest['n_words']} words), the shortest paragraph "
            f"{shortest['paragraph_id']} ({shortest['n_words']} words).",
        )
    return label(
        ax,
        title="Paragraph length in article order",
        xlabel="Paragraph (article order)",
        ylabel="Words per paragraph",
    )


def plot_length_histogram(values: pd.Series, *, title: str, xlabel: str, ax=None):
    """Histogram of whole-number lengths with one bar per value (or per bin when wide),
    and the median marked."""
    ax = _axes(ax)
    values = pd.Series(values, dtype="float64").dropna()
    if values.empty:
        return label(ax, title=title, xlabel=xlabel, ylabel="Count")
    span = values.max() - values.min()
    bins = np.arange(values.min() - 0.5, values.max() + 1.5) if span <= 40 else 30
    ax.hist(values, bins=bins, color=_BAR_COLOUR, edgecolor="white")
    ax.axvline(
        values.median(),
        color=_ACCENT,
        linestyle="--",
        label=f"median {values.median():g}",
    )
    ax.legend(loc="upper right", frameon=True)
    describe(
        ax,
        f"{len(values)} values of {xlabel.lower()}: median {values.median():g}, "
        f"range {values.min():g} to {values.max():g}.",
    )
    return label(ax, title=title, xlabel=xlabel, ylabel="Count")


def plot_top_terms(vocabulary: pd.DataFrame, *, n: int = 20, ax=None):
    """Horizontal bars of the most frequent content stems, labelled by surface form."""
    table = vocabulary.head(n)
    ax = _axes(ax, figsize=(9, max(3.0, 0.32 * len(table) + 1.2)))
    sns.barplot(data=table, y="label", x="n", color=_BAR_COLOUR, ax=ax, orient="h")
    describe(
        ax,
        "Most frequent: "
        + ", ".join(
            f"{w} ({c})" for w, c in zip(table["label"].head(5), table["n"].head(5))
        )
        + ".",
    )
    return label(
        ax,
        title=f"Top {len(table)} content words (counted by stem)",
        xlabel="Occurrences (all forms of the stem)",
        ylabel="Most frequent form",
    )


def plot_zipf(ranks: pd.DataFrame, *, ax=None):
    """Log-log rank-frequency plot with a slope -1 reference line through rank 1."""
    ax = _axes(ax)
    ax.loglog(
        ranks["rank"],
        ranks["frequency"],
        marker="o",
        linestyle="none",
        markersize=4,
        color=_BAR_COLOUR,
        label="observed words",
    )
    if len(ranks):
        r = np.array([1, ranks["rank"].max()])
        ax.loglog(
            r,
            ranks["frequency"].iloc[0] / r,
            color=_ACCENT,
            linestyle="--",
            label="Zipf: frequency ∝ 1/rank",
        )
        ax.legend(loc="upper right", frameon=True)
        describe(
            ax,
            f"{len(ranks)} distinct words; the most frequent occurs {ranks['frequency'].iloc[0]} times, "
            f"{int((ranks['frequency'] == 1).sum())} occur once; the dashed line is Zipf's law.",
        )
    return label(
        ax,
        title="Zipf rank-frequency plot",
        xlabel="Rank (log scale)",
        ylabel="Frequency (log scale)",
    )


def plot_ngram_bars(
    table: pd.DataFrame,
    *,
    column: str = "ngram",
    value: str = "count",
    title: str,
    xlabel: str = "Occurrences",
    n: int = 15,
    ax=None,
):
    """Horizontal bars for the top ``n`` rows of an n-gram or collocation table."""
    table = table.head(n)
    ax = _axes(ax, figsize=(9, max(3.0, 0.32 * len(table) + 1.2)))
    if not table.empty:
        sns.barplot(data=table, y=column, x=value, color=_BAR_COLOUR, ax=ax, orient="h")
        describe(
            ax,
            "Top: "
            + ", ".join(
                # counts as whole numbers, scores (G², PMI) to one decimal as on the axis
                f"{t} ({int(v) if float(v).is_integer() else f'{v:.1f}'})"
                for t, v in zip(table[column].head(3), table[value].head(3))
            )
            + ".",
        )
    return label(ax, title=title, xlabel=xlabel, ylabel="")


def plot_repeated_share_bars(share: pd.DataFrame, *, ax=None):
    """Share of each paragraph's words inside phrasing repeated from another paragraph."""
    ax = _axes(ax)
    _paragraph_bars(ax, share["repeated_share"] * 100)
    if share["n_words"].sum():
        overall = 100 * share["n_repeated_words"].sum() / share["n_words"].sum()
        ax.axhline(
            overall,
            color=_ACCENT,
            linestyle="--",
            label=f"whole article {overall:.1f}%",
        )
        ax.legend(loc="upper right", frameon=True)
        top = share.loc[share["repeated_share"].idxmax()]
        describe(
            ax,
            f"{overall:.0f}% of the article's words sit in phrasing repeated from another paragraph; "
            f"most in paragraph {int(top['paragraph_id'])} ({100 * top['repeated_share']:.0f}%).",
        )
    paragraph_ticks(ax, share["paragraph_id"], max_labels=_MAX_PARAGRAPH_LABELS)
    ax.set_ylim(0, 100)
    return label(
        ax,
        title="Repeated phrasing per paragraph",
        xlabel="Paragraph (article order)",
        ylabel="Words in repeated phrases (%)",
    )


def plot_entity_counts(mentions: pd.DataFrame, entities: list[str], *, ax=None):
    """Horizontal bars of mentions per entity, most mentioned first (ties in the given
    order; entities never mentioned are kept at the bottom with zero).

    ``mentions`` is :func:`helpers.entities.entity_mentions` (an ``entity`` column)."""
    counts = (
        mentions.groupby("entity")
        .size()
        .reindex(entities, fill_value=0)
        .rename("n")
        .reset_index()
    )
    counts = counts.sort_values("n", ascending=False, kind="stable", ignore_index=True)
    ax = _axes(ax, figsize=(9, max(3.0, 0.35 * len(entities) + 1.2)))
    sns.barplot(data=counts, y="entity", x="n", color=_BAR_COLOUR, ax=ax, orient="h")
    describe(
        ax,
        "Mentions: "
        + ", ".join(f"{a} {n}" for a, n in zip(counts["entity"], counts["n"]) if n)
        + ".",
    )
    return label(
        ax, title="Mentions per entity", xlabel="Mentions (all aliases)", ylabel=""
    )


def plot_entity_dispersion(
    mentions: pd.DataFrame, paragraphs: pd.DataFrame, entities: list[str], *, ax=None
):
    """Lexical dispersion plot: one mark per mention at its position in the article.

    x is the paragraph (in article order) plus the mention's relative position inside
    the paragraph text, so marks spread within each paragraph's band. One colour for
    every row: the row label already names the entity."""
    mentions = mentions[mentions["entity"].isin(entities)]
    ax = _axes(ax, figsize=(10, max(3.0, 0.4 * len(entities) + 1.5)))
    order = {pid: i for i, pid in enumerate(paragraphs["paragraph_id"])}
    lengths = dict(
        zip(paragraphs["paragraph_id"], paragraphs["text"].str.len().clip(lower=1))
    )
    x = [
        order[p] + s / lengths[p]
        for p, s in zip(mentions["paragraph_id"], mentions["start"])
    ]
    y = [entities.index(a) for a in mentions["entity"]]
    thin = len(paragraphs) > 60
    ax.scatter(
        x, y, marker="|", s=250, linewidths=0.8 if thin else 2, color=_BAR_COLOUR
    )
    ax.set_yticks(range(len(entities)), entities)
    ax.set_ylim(len(entities) - 0.5, -0.5)
    ax.set_xlim(0, max(1, len(paragraphs)))
    if not thin:  # paragraph boundaries, while they are far enough apart to read
        for boundary in range(1, len(paragraphs)):
            ax.axvline(boundary, color="0.85", linewidth=0.6, zorder=0)
    ax.grid(axis="x", visible=False)
    paragraph_ticks(
        ax, paragraphs["paragraph_id"], offset=0.5, max_labels=_MAX_PARAGRAPH_LABELS
    )
    ax.tick_params(
        axis="x", length=0
    )  # labels sit at paragraph centres; lines mark boundaries
    spread = (
        mentions.groupby("entity")["paragraph_id"]
        .nunique()
        .reindex(entities, fill_value=0)
    )
    describe(
        ax,
        f"Grey lines separate the {len(paragraphs)} paragraphs. Paragraphs naming each entity: "
        + ", ".join(f"{a} {n}" for a, n in spread.items())
        + ".",
    )
    return label(
        ax,
        title="Where each entity is named",
        xlabel="Paragraph (article order)",
        ylabel="",
    )


def plot_cooccurrence_heatmap(
    matrix: pd.DataFrame, *, unit: str = "paragraphs", ax=None
):
    """Heatmap of entity co-occurrence counts between different entities.

    The diagonal (units naming the entity at all) is masked: it is always the largest
    value and would otherwise take the whole colour scale."""
    size = max(4.5, 0.6 * len(matrix) + 2.5)
    ax = _axes(ax, figsize=(size + 1.5, size))
    sns.heatmap(
        matrix,
        mask=np.eye(len(matrix), dtype=bool),
        annot=True,
        fmt="d",
        cmap=HEATMAP_CMAP,
        square=True,
        linewidths=0.5,
        vmin=0,
        cbar_kws={"label": f"{unit.capitalize()} naming both"},
        ax=ax,
    )
    ax.tick_params(axis="x", labelrotation=45)
    for tick in ax.get_xticklabels():
        tick.set_horizontalalignment("right")
    off_diagonal = matrix.where(~np.eye(len(matrix), dtype=bool))
    if len(matrix) >= 2 and off_diagonal.max().max() > 0:
        pair = off_diagonal.stack().idxmax()
        describe(
            ax,
            f"The pair named together most often is {pair[0]} and {pair[1]} "
            f"({int(off_diagonal.loc[pair])} {unit}).",
        )
    return label(
        ax,
        title=f"Entities named in the same {unit[:-1] if unit.endswith('s') else unit}",
        xlabel="Entity",
        ylabel="Entity",
    )
