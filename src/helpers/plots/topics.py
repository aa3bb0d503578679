"""Figures for notebook 02 (terms, topics, similarity). Each returns its axes.

Paragraph axes are in article order and labelled with paragraph numbers; long
texts (hundreds of paragraphs) get thinned tick labels and truncated dendrograms.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import seaborn as sns
from scipy.cluster.hierarchy import dendrogram

from . import (
    HEATMAP_CMAP,
    MAX_WIDTH_IN,
    PALETTE,
    describe,
    label,
    new_axes,
    paragraph_ticks,
)

#: Above this many leaves the dendrogram shows only the last merged clusters.
MAX_DENDROGRAM_LEAVES = 60
#: Heatmaps with more cells than this are rasterised inside the SVG (keeps the HTML small).
MAX_VECTOR_CELLS = 5000
#: Above this many cells the similarity heatmap is drawn as an image (one pixel per cell).
MAX_IMAGE_CELLS = 250_000


def _wrap(text: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def plot_term_heatmap(table: pd.DataFrame, *, ax=None):
    """Heatmap of distinctive terms (rows) against paragraphs (columns, in order).

    ``table`` comes from :func:`helpers.topics.term_weights_table`.
    """
    if ax is None:
        _, ax = new_axes(
            figsize=(
                min(MAX_WIDTH_IN, max(8.0, 0.35 * table.shape[1] + 3)),
                max(4.0, 0.28 * table.shape[0] + 1.5),
            )
        )
    sns.heatmap(
        table.to_numpy(),
        cmap=HEATMAP_CMAP,
        vmin=0,
        ax=ax,
        rasterized=table.size > MAX_VECTOR_CELLS,
        cbar_kws={"label": "TF-IDF weight (0-1)"},
    )
    paragraph_ticks(ax, table.columns, axis="x", offset=0.5)
    ax.set_yticks(np.arange(len(table)) + 0.5, table.index, rotation=0)
    if table.size:
        term, paragraph = table.stack().idxmax()
        describe(
            ax,
            f"{len(table)} terms across {table.shape[1]} paragraphs; the strongest cell is "
            f"{term} in paragraph {paragraph} (weight {table.to_numpy().max():.2f}).",
        )
    return label(
        ax,
        title="Distinctive terms by paragraph",
        xlabel="Paragraph (article order)",
        ylabel="Term (most frequent form)",
    )


def plot_n_topics_evidence(summary: pd.DataFrame, chosen: int):
    """Two panels: NMF relative reconstruction error and stability against the number
    of topics, the chosen number marked. Returns the two axes."""
    fig, axes = new_axes(ncols=2, figsize=(9, 4.0))
    colours = sns.color_palette(PALETTE)
    axes[0].plot(
        summary["n_topics"], summary["relative_error"], marker="o", color=colours[0]
    )
    label(
        axes[0],
        title="Reconstruction error",
        xlabel="Number of topics (k)",
        ylabel="Relative error ‖X − WH‖ / ‖X‖",
    )
    axes[1].plot(
        summary["n_topics"],
        summary["stability"],
        marker="o",
        color=colours[1],
        label="mean top-term Jaccard",
    )
    axes[1].plot(
        summary["n_topics"],
        summary["recurrence"],
        marker="s",
        linestyle="--",
        color=colours[2],
        label="share of topics recurring",
    )
    axes[1].set_ylim(-0.02, 1.05)
    for ax in axes:
        ax.axvline(
            chosen,
            color="grey",
            linestyle=":",
            linewidth=1.5,
            label=f"chosen k = {chosen}",
        )
        ax.set_xticks(summary["n_topics"].tolist())
    axes[1].legend(loc="lower left", fontsize=9)
    describe(
        fig,
        f"The chosen number of topics is {chosen}; the left panel shows the reconstruction error and the "
        "right panel how reproducible the topics are for each candidate number.",
    )
    label(
        axes[1],
        title="Stability across random restarts",
        xlabel="Number of topics (k)",
        ylabel="Agreement (0-1)",
    )
    fig.tight_layout()
    return axes


def plot_topic_terms(
    topic_terms: pd.DataFrame, *, n_terms: int = 8, title: str = "Top terms per topic"
):
    """One horizontal bar chart per topic (its top ``n_terms``). Returns the axes."""
    topic_ids = sorted(topic_terms["topic_id"].unique())
    ncols = min(3, len(topic_ids))
    nrows = -(-len(topic_ids) // ncols)
    fig, axes = new_axes(
        nrows=nrows,
        ncols=ncols,
        figsize=(min(9.0, 3.4 * ncols), 3.0 * nrows + 0.6),
        squeeze=False,
    )
    colours = sns.color_palette(PALETTE, n_colors=max(len(topic_ids), 1))
    for ax, topic_id, colour in zip(axes.flat, topic_ids, colours):
        rows = topic_terms[
            (topic_terms["topic_id"] == topic_id) & (topic_terms["rank"] <= n_terms)
        ]
        ax.barh(rows["term"], rows["weight"] * 100, color=colour)
        ax.invert_yaxis()
        label(
            ax,
            title=f"Topic {topic_id}: {_wrap(rows['label'].iloc[0], 24)}",
            xlabel="Share of topic weight (%)",
            ylabel="",
        )
        ax.title.set_fontsize(10.5)
    for ax in list(axes.flat)[len(topic_ids) :]:
        ax.set_visible(False)
    fig.suptitle(title, fontweight="bold")
    tops = topic_terms[topic_terms["rank"] == 1].sort_values("topic_id")
    describe(
        fig,
        f"{len(topic_ids)} topics; their strongest terms: "
        + ", ".join(
            f"topic {t}: {term}" for t, term in zip(tops["topic_id"], tops["term"])
        )
        + ".",
    )
    fig.tight_layout()
    return axes


def plot_document_topics(
    doc_topics: pd.DataFrame, *, ax=None, title: str = "Topic mix of each paragraph"
):
    """Heatmap: topics (rows) × paragraphs (columns, article order), cell = share."""
    wide = doc_topics.pivot(index="topic_id", columns="document_id", values="weight")
    names = doc_topics.drop_duplicates("topic_id").set_index("topic_id")["label"]
    if ax is None:
        _, ax = new_axes(
            figsize=(
                min(MAX_WIDTH_IN, max(8.0, 0.4 * wide.shape[1] + 3)),
                1.0 * wide.shape[0] + 1.8,
            )
        )
    sns.heatmap(
        wide.to_numpy() * 100,
        cmap=HEATMAP_CMAP,
        vmin=0,
        vmax=100,
        ax=ax,
        rasterized=wide.size > MAX_VECTOR_CELLS,
        cbar_kws={"label": "Share of paragraph (%)"},
    )
    paragraph_ticks(ax, wide.columns, axis="x", offset=0.5)
    ax.set_yticks(
        np.arange(len(wide)) + 0.5,
        [f"{t}: {_wrap(names[t], 30)}" for t in wide.index],
        rotation=0,
    )
    leading = wide.idxmax(axis=0).value_counts()
    describe(
        ax,
        "Paragraphs led by each topic: "
        + ", ".join(f"topic {t} {leading.get(t, 0)}" for t in wide.index)
        + ".",
    )
    return label(ax, title=title, xlabel="Paragraph (article order)", ylabel="Topic")


def plot_topic_flow(dominant: pd.DataFrame, *, ax=None):
    """Dominant topic of each paragraph through the article; marker area = its share."""
    data = dominant.dropna(subset=["dominant_topic"])
    names = (
        data.drop_duplicates("dominant_topic")
        .set_index("dominant_topic")["label"]
        .sort_index()
    )
    if ax is None:
        _, ax = new_axes(
            figsize=(
                min(MAX_WIDTH_IN, max(8.0, 0.4 * len(dominant) + 2)),
                1.0 * max(len(names), 2) + 2,
            )
        )
    positions = np.arange(len(dominant))
    present = dominant["dominant_topic"].notna().to_numpy()
    y = dominant["dominant_topic"].astype("float").to_numpy()
    colours = sns.color_palette(
        PALETTE, n_colors=max(int(np.nanmax(y)) if present.any() else 1, 1)
    )
    ax.step(
        positions[present],
        y[present],
        where="mid",
        color="lightgrey",
        linewidth=1.5,
        zorder=1,
    )
    shrink = min(
        1.0, 40 / max(len(dominant), 1)
    )  # smaller markers when there are many paragraphs
    ax.scatter(
        positions[present],
        y[present],
        s=(40 + 260 * dominant["topic_weight"].to_numpy()[present]) * shrink,
        c=[colours[int(t) - 1] for t in y[present]],
        edgecolor="black",
        linewidth=0.5,
        zorder=2,
    )
    ax.set_yticks(
        names.index.astype(int).tolist(),
        [f"{int(t)}: {_wrap(n, 30)}" for t, n in names.items()],
    )
    ax.margins(y=0.25)
    paragraph_ticks(ax, dominant["document_id"], axis="x", max_labels=25)
    switches = int((dominant["dominant_topic"].dropna().diff().fillna(0) != 0).sum())
    describe(
        ax,
        f"The dominant topic changes {switches} times over {len(dominant)} paragraphs.",
    )
    return label(
        ax,
        title="Dominant topic through the article (marker size = its share)",
        xlabel="Paragraph (article order)",
        ylabel="Dominant topic",
    )


def plot_topic_stability(per_topic: pd.DataFrame, *, threshold: float, ax=None):
    """Per topic: share of random restarts that find it again, and mean Jaccard."""
    if ax is None:
        _, ax = new_axes(figsize=(8, 0.6 * len(per_topic) + 2.2))
    labels = [
        f"{t}: {_wrap(n, 34)}"
        for t, n in zip(per_topic["topic_id"], per_topic["label"])
    ]
    y = np.arange(len(per_topic))
    colours = sns.color_palette(PALETTE)
    ax.barh(
        y - 0.2,
        per_topic["recurrence"] * 100,
        height=0.4,
        color=colours[0],
        label=f"restarts that recover it (Jaccard ≥ {threshold:.1f})",
    )
    ax.barh(
        y + 0.2,
        per_topic["mean_jaccard"] * 100,
        height=0.4,
        color=colours[1],
        label="mean top-term Jaccard",
    )
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 105)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.22),
        ncol=2,
        fontsize=9,
        frameon=False,
    )
    describe(
        ax,
        "Recovered in this share of restarts: "
        + ", ".join(
            f"topic {t} {r:.0%}"
            for t, r in zip(per_topic["topic_id"], per_topic["recurrence"])
        )
        + ".",
    )
    return label(
        ax,
        title=f"Topic stability over {int(per_topic['n_seeds'].max())} random restarts",
        xlabel="Percent",
        ylabel="Topic",
    )


def plot_method_agreement(similarity: pd.DataFrame, *, ax=None):
    """Heatmap of cosine similarity between NMF topics (rows) and LDA topics (columns)."""
    if ax is None:
        _, ax = new_axes(
            figsize=(
                max(7.0, 4.0 + 0.9 * similarity.shape[1]),
                max(3.5, 1.6 + 0.7 * similarity.shape[0]),
            )
        )
    sns.heatmap(
        similarity,
        cmap=HEATMAP_CMAP,
        vmin=0,
        vmax=1,
        annot=True,
        fmt=".2f",
        ax=ax,
        cbar_kws={"label": "Cosine similarity of term weights"},
    )
    ax.tick_params(axis="y", rotation=0)
    best = similarity.max(axis=1)
    describe(
        ax,
        "Best LDA match for each NMF topic (cosine): "
        + ", ".join(f"{t} {v:.2f}" for t, v in best.items())
        + ".",
    )
    return label(
        ax,
        title="Do NMF and LDA find the same topics?",
        xlabel="LDA topic",
        ylabel="NMF topic",
    )


#: Above this many paragraphs the similarity image shows block means (about 1,000
#: pixels a side: more than a 900-px figure can show; colouring 25 million cells
#: took seconds per draw).
MAX_IMAGE_SIDE = 1000


def _block_means(values: np.ndarray) -> tuple[int, np.ndarray]:
    """``values`` without its diagonal (NaN), averaged over ``block`` x ``block``
    squares when it has more than :data:`MAX_IMAGE_SIDE` rows (block 1: unchanged)."""
    n = len(values)
    block = -(-n // MAX_IMAGE_SIDE)
    off = values.astype(float, copy=True)
    np.fill_diagonal(off, np.nan)
    if block == 1:
        return 1, off
    m = -(-n // block)
    padded = np.full((m * block, m * block), np.nan)
    padded[:n, :n] = off
    cells = padded.reshape(m, block, m, block)
    counts = np.isfinite(cells).sum(axis=(1, 3))
    sums = np.nansum(cells, axis=(1, 3))
    means = np.divide(sums, counts, out=np.full((m, m), np.nan), where=counts > 0)
    return block, means


def plot_similarity(similarity: pd.DataFrame, *, ax=None):
    """Cosine-similarity heatmap of paragraphs (both axes in article order)."""
    n = len(similarity)
    if ax is None:
        size = min(max(6.0, 0.38 * n + 2), 12.0)
        _, ax = new_axes(figsize=(size + 1.2, size))
    mask = np.eye(n, dtype=bool)
    if similarity.size > MAX_IMAGE_CELLS:
        # Every cell as one pixel of an image: seaborn drew a 5,000-paragraph article's
        # 25 million cells one by one, for minutes. Same colours, same scale.
        values = similarity.to_numpy()
        block, shown = _block_means(values)
        image = ax.imshow(
            np.ma.masked_invalid(shown),
            cmap=HEATMAP_CMAP,
            vmin=0,
            vmax=1,
            interpolation="nearest",
            aspect="equal",
            # axes still in paragraph positions (the last block may pass the end)
            extent=(-0.5, len(shown) * block - 0.5, len(shown) * block - 0.5, -0.5),
        )
        ax.set_xlim(-0.5, n - 0.5)
        ax.set_ylim(n - 0.5, -0.5)
        bar_label = (
            "Cosine similarity (0-1)"
            if block == 1
            else f"Mean cosine similarity of {block} x {block} paragraph blocks (0-1)"
        )
        ax.figure.colorbar(image, ax=ax, label=bar_label, shrink=0.8)
        ax.grid(False)
        paragraph_ticks(ax, similarity.columns, axis="x", max_labels=15)
        paragraph_ticks(ax, similarity.index, axis="y", max_labels=25)
        # the first highest off-diagonal cell in row order, as stack().idxmax() below,
        # without a 25-million-row Series
        i, j = np.unravel_index(
            np.argmax(np.where(mask, -np.inf, values)), values.shape
        )
        describe(
            ax,
            f"The most similar pair is paragraphs {similarity.index[i]} and {similarity.columns[j]} "
            f"(cosine {values[i, j]:.2f}).",
        )
    else:
        sns.heatmap(
            similarity.to_numpy(),
            mask=mask,
            cmap=HEATMAP_CMAP,
            vmin=0,
            vmax=1,
            square=True,
            ax=ax,
            rasterized=similarity.size > MAX_VECTOR_CELLS,
            cbar_kws={"label": "Cosine similarity (0-1)", "shrink": 0.8},
        )
        paragraph_ticks(ax, similarity.columns, axis="x", offset=0.5)
        paragraph_ticks(ax, similarity.index, axis="y", offset=0.5)
        if n >= 2:
            off = similarity.where(~mask)
            a, b = off.stack().idxmax()
            describe(
                ax,
                f"The most similar pair is paragraphs {a} and {b} (cosine {off.loc[a, b]:.2f}).",
            )
    return label(
        ax,
        title="How similar are the paragraphs? (TF-IDF cosine)",
        xlabel="Paragraph (article order)",
        ylabel="Paragraph (article order)",
    )


def plot_dendrogram(link: np.ndarray, document_ids, *, ax=None):
    """Dendrogram of paragraphs; leaves are paragraph numbers. Long texts are
    truncated to the last ``MAX_DENDROGRAM_LEAVES`` merges (counts in brackets)."""
    ids = [str(i) for i in document_ids]
    if ax is None:
        _, ax = new_axes(
            figsize=(max(8.0, 0.35 * min(len(ids), MAX_DENDROGRAM_LEAVES) + 2), 4.8)
        )
    truncate = (
        {"truncate_mode": "lastp", "p": MAX_DENDROGRAM_LEAVES}
        if len(ids) > MAX_DENDROGRAM_LEAVES
        else {}
    )
    dendrogram(
        link,
        labels=ids,
        ax=ax,
        color_threshold=0.7 * float(link[:, 2].max()) if len(link) else 0,
        above_threshold_color="grey",
        leaf_font_size=9,
        **truncate,
    )
    describe(
        ax,
        "Paragraphs joined low in the tree are similar in wording; the height of a join is their "
        "cosine distance.",
    )
    return label(
        ax,
        title="Hierarchical clustering of paragraphs (average linkage)",
        xlabel="Paragraph (leaf order groups similar paragraphs)",
        ylabel="Cosine distance (1 − similarity)",
    )
