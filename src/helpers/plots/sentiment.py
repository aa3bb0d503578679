"""Figures for notebook 03 (paragraph sentiment). Each returns its axes; none shows.

Colours come from ``SENTIMENT_COLOURS`` (Okabe-Ito, colour-blind safe); paragraph
axes are in article order with paragraph numbers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.lines import Line2D

from ..config import LABELS
from . import (
    HEATMAP_CMAP,
    MAX_WIDTH_IN,
    SENTIMENT_COLOURS,
    describe,
    label,
    new_axes,
    paragraph_bars,
    paragraph_ticks,
)


def plot_confusion_matrices(confusions: dict[str, pd.DataFrame]):
    """One heatmap per dataset: rows true label, columns predicted, cells share of row.

    ``confusions`` maps a panel title to a 3 x 3 count table (index true, columns
    predicted, both in ``LABELS`` order). Returns the array of axes.
    """
    fig, axes = new_axes(
        ncols=len(confusions),
        figsize=(min(MAX_WIDTH_IN, 4.5 * len(confusions)), 4.0),
        squeeze=False,
    )
    axes = axes[0]
    for ax, (title, counts) in zip(axes, confusions.items()):
        shares = counts.div(counts.sum(axis=1).replace(0, 1), axis=0)
        annotations = np.array(
            [
                [f"{s:.0%}\n({c})" for s, c in zip(srow, crow)]
                for srow, crow in zip(shares.to_numpy(), counts.to_numpy())
            ]
        )
        sns.heatmap(
            shares,
            annot=annotations,
            fmt="",
            cmap=HEATMAP_CMAP,
            vmin=0,
            vmax=1,
            ax=ax,
            cbar_kws={"label": "share of true label"},
        )
        ax.set_yticklabels(ax.get_yticklabels(), rotation=0)
        label(ax, title=title, xlabel="Predicted label", ylabel="True label")
    describe(
        fig,
        "Share of texts labelled correctly: "
        + ", ".join(
            f"{title} {np.trace(c.to_numpy()) / max(1, c.to_numpy().sum()):.0%}"
            for title, c in confusions.items()
        )
        + ".",
    )
    fig.tight_layout()
    return axes


def plot_sentiment_arc(paragraphs: pd.DataFrame, *, ax=None):
    """Sentiment score per paragraph in article order, coloured by label, with the
    sentence-bootstrap interval (spread between the paragraph's sentences, not model
    error; none for one-sentence paragraphs); hollow markers are low-confidence paragraphs.

    ``paragraphs`` comes from :func:`helpers.sentiment.paragraph_sentiment`.
    """
    if ax is None:
        _, ax = new_axes(
            figsize=(min(MAX_WIDTH_IN - 2.2, max(6.0, 0.45 * len(paragraphs) + 3)), 4.6)
        )  # legend outside
    x = np.arange(len(paragraphs))
    score = paragraphs["sentiment_score"].to_numpy()
    ax.axhline(0, color="black", linewidth=0.8)
    ax.plot(x, score, color="#bbbbbb", linewidth=1, zorder=1)
    for sentiment_label in LABELS:
        rows = paragraphs["sentiment"].to_numpy() == sentiment_label
        colour = SENTIMENT_COLOURS[sentiment_label]
        has_interval = rows & paragraphs["score_low"].notna().to_numpy()
        ax.vlines(
            x[has_interval],
            paragraphs["score_low"].to_numpy()[has_interval],
            paragraphs["score_high"].to_numpy()[has_interval],
            color=colour,
            linewidth=2.5,
            alpha=0.6,
            zorder=2,
        )
        for low_confidence, face in ((False, colour), (True, "white")):
            subset = rows & (paragraphs["low_confidence"].to_numpy() == low_confidence)
            ax.scatter(
                x[subset],
                score[subset],
                s=70,
                facecolor=face,
                edgecolor=colour,
                linewidth=2,
                zorder=3,
            )
    ax.set_ylim(-1.05, 1.05)
    paragraph_ticks(ax, paragraphs["paragraph_id"])
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=8,
            markerfacecolor=SENTIMENT_COLOURS[s],
            markeredgecolor=SENTIMENT_COLOURS[s],
            label=s,
        )
        for s in LABELS
    ]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=8,
            markerfacecolor="white",
            markeredgecolor="grey",
            label="low confidence",
        )
    )
    handles.append(
        Line2D(
            [],
            [],
            color="grey",
            linewidth=2.5,
            alpha=0.6,
            label="sentence-bootstrap interval:\nspread between the paragraph's\nsentences, not model error",
        )
    )
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=9,
        frameon=False,
    )
    if len(paragraphs):
        low, high = (
            paragraphs.loc[paragraphs["sentiment_score"].idxmin()],
            paragraphs.loc[paragraphs["sentiment_score"].idxmax()],
        )
        counts = paragraphs["sentiment"].value_counts()
        describe(
            ax,
            ", ".join(f"{counts.get(s, 0)} {s}" for s in LABELS)
            + " paragraphs; the lowest score is paragraph "
            f"{low['paragraph_id']} ({low['sentiment_score']:+.2f}), the highest paragraph "
            f"{high['paragraph_id']} ({high['sentiment_score']:+.2f}).",
        )
    return label(
        ax,
        title="Sentiment arc through the article",
        xlabel="Paragraph (article order)",
        ylabel="Sentiment score (p_positive − p_negative)",
    )


def plot_sentence_scores(sentences: pd.DataFrame, *, ax=None):
    """Every sentence's score, placed at its paragraph (article order), coloured by label.

    ``sentences`` comes from :func:`helpers.sentiment.score_sentences`.
    """
    paragraph_ids = sorted(sentences["paragraph_id"].unique())
    position = {pid: i for i, pid in enumerate(paragraph_ids)}
    if ax is None:
        _, ax = new_axes(
            figsize=(
                min(MAX_WIDTH_IN - 1.6, max(6.0, 0.45 * len(paragraph_ids) + 3)),
                4.2,
            )
        )  # legend outside
    x = sentences["paragraph_id"].map(position).to_numpy(dtype=float)
    # Spread sentences of one paragraph side by side, in order, so none hides another.
    rank = sentences.groupby("paragraph_id").cumcount().to_numpy()
    size = sentences.groupby("paragraph_id")["sentence_id"].transform("size").to_numpy()
    x = x + (rank - (size - 1) / 2) * np.minimum(0.6 / np.maximum(size, 1), 0.2)
    ax.axhline(0, color="black", linewidth=0.8)
    for sentiment_label in LABELS:
        rows = sentences["sentiment"].to_numpy() == sentiment_label
        ax.scatter(
            x[rows],
            sentences["sentiment_score"].to_numpy()[rows],
            s=40,
            color=SENTIMENT_COLOURS[sentiment_label],
            label=sentiment_label,
            edgecolor="white",
            linewidth=0.5,
        )
    ax.set_ylim(-1.05, 1.05)
    paragraph_ticks(ax, paragraph_ids)
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=9,
        frameon=False,
        title="sentence label",
    )
    counts = sentences["sentiment"].value_counts()
    describe(
        ax,
        f"{len(sentences)} sentences: "
        + ", ".join(f"{counts.get(s, 0)} {s}" for s in LABELS)
        + ".",
    )
    return label(
        ax,
        title="Sentence scores within each paragraph",
        xlabel="Paragraph (article order)",
        ylabel="Sentence score (p_positive − p_negative)",
    )


def plot_evidence(words: pd.DataFrame, *, ax=None, top_n: int = 12):
    """The words that pushed the article most toward positive and toward negative.

    ``words`` has ``word`` and ``toward_score`` (log-odds points, positive pushes
    toward positive), e.g. the article total of
    :func:`helpers.sentiment.explain_sentences` per word. Lexicon terms end in ``*``.
    """
    ordered = words.sort_values(["toward_score", "word"], kind="stable")
    negative = ordered[ordered["toward_score"] < 0].head(top_n)
    positive = ordered[ordered["toward_score"] > 0].tail(top_n)
    shown = pd.concat([negative, positive])
    if ax is None:
        _, ax = new_axes(figsize=(8.5, max(3.5, 0.3 * len(shown) + 1.5)))
    colours = [
        SENTIMENT_COLOURS["negative"] if v < 0 else SENTIMENT_COLOURS["positive"]
        for v in shown["toward_score"]
    ]
    ax.barh(np.arange(len(shown)), shown["toward_score"], color=colours)
    ax.set_yticks(np.arange(len(shown)), shown["word"])
    ax.axvline(0, color="black", linewidth=0.8)
    describe(
        ax,
        "Strongest toward negative: "
        + (", ".join(negative["word"].head(3)) or "none")
        + "; toward positive: "
        + (", ".join(positive["word"].tail(3)[::-1]) or "none")
        + ".",
    )
    return label(
        ax,
        title="Words that moved the article's tone (model contributions)",
        xlabel="Push toward positive (log-odds points; negative = toward negative)",
        ylabel="Word",
    )


#: Colour of each actor ``direction`` (see :func:`helpers.sentiment.actor_sentiment`).
DIRECTION_COLOURS = {
    "negative": SENTIMENT_COLOURS["negative"],
    "positive": SENTIMENT_COLOURS["positive"],
    "unclear": SENTIMENT_COLOURS["neutral"],
    "too few sentences": "#cccccc",
}
DIRECTION_LEGEND = {
    "negative": "interval below 0",
    "positive": "interval above 0",
    "unclear": "interval includes 0",
    "too few sentences": "fewer than 3 sentences (greyed)",
}


def plot_actor_sentiment(actors: pd.DataFrame, *, ax=None):
    """Mean sentence score per actor with its sentence-bootstrap interval; labels show the count.

    Colour says whether the interval excludes 0 (``direction``), not the sign of the
    mean; actors named in fewer than 3 sentences are grey with hollow markers.
    ``actors`` has ``actor``, ``n_sentences``, ``mean_score``, ``score_low``,
    ``score_high``, ``direction`` (from :func:`helpers.sentiment.actor_sentiment`).
    """
    ordered = actors.sort_values(["mean_score", "actor"], kind="stable").reset_index(
        drop=True
    )
    if ax is None:
        _, ax = new_axes(
            figsize=(6.6, max(3.0, 0.45 * len(ordered) + 1.5))
        )  # legend outside
    y = np.arange(len(ordered))
    colours = ordered["direction"].map(DIRECTION_COLOURS).to_numpy()
    few = (ordered["direction"] == "too few sentences").to_numpy()
    has_interval = ordered["score_low"].notna().to_numpy()
    ax.hlines(
        y[has_interval],
        ordered["score_low"][has_interval],
        ordered["score_high"][has_interval],
        color=colours[has_interval],
        linewidth=3,
        alpha=0.7,
    )
    ax.scatter(
        ordered["mean_score"][~few], y[~few], color=colours[~few], s=60, zorder=3
    )
    ax.scatter(
        ordered["mean_score"][few],
        y[few],
        facecolor="white",
        edgecolor="#999999",
        s=60,
        zorder=3,
    )
    ax.set_yticks(
        y, [f"{a} (n={n})" for a, n in zip(ordered["actor"], ordered["n_sentences"])]
    )
    for tick, is_few in zip(ax.get_yticklabels(), few):
        tick.set_color("#888888" if is_few else "black")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    shown = [d for d in DIRECTION_COLOURS if d in set(ordered["direction"])]
    handles = [
        Line2D(
            [], [], color=DIRECTION_COLOURS[d], linewidth=3, label=DIRECTION_LEGEND[d]
        )
        for d in shown
    ]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=9,
        frameon=False,
    )
    describe(
        ax,
        "Mean sentence score per actor: "
        + ", ".join(
            f"{a} {m:+.2f} ({d})"
            for a, m, d in zip(
                ordered["actor"], ordered["mean_score"], ordered["direction"]
            )
        )
        + ".",
    )
    return label(
        ax,
        title="Tone of the sentences that mention each actor (not the article's stance toward it)",
        xlabel="Mean sentence score, with sentence-bootstrap interval (−1 to 1)",
        ylabel="Actor (number of sentences)",
    )


#: Above this many paragraphs the evidence figure drops its word labels (unreadable).
MAX_LABELLED_PARAGRAPHS = 40


def plot_paragraph_evidence(push: pd.DataFrame, *, ax=None):
    """Per paragraph (article order, top to bottom): the total push toward positive
    (right) and toward negative (left), with the word that pushed hardest each way
    written horizontally at the end of its bar.

    ``push`` comes from :func:`helpers.sentiment.paragraph_push` (stop words and numbers
    already left out). Above ``MAX_LABELLED_PARAGRAPHS`` paragraphs the words are dropped.
    """
    if ax is None:
        _, ax = new_axes(
            figsize=(MAX_WIDTH_IN - 1.8, min(18.0, max(3.5, 0.42 * len(push) + 1.6)))
        )  # legend outside
    y = np.arange(len(push))
    for side in ("positive", "negative"):
        paragraph_bars(
            ax,
            push[f"push_{side}"],
            color=SENTIMENT_COLOURS[side],
            horizontal=True,
            label=f"toward {side}",
        )
    ax.axvline(0, color="black", linewidth=0.8)
    span = (
        max(push["push_positive"].max(), -push["push_negative"].min(), 0.1)
        if len(push)
        else 0.1
    )
    if len(push) <= MAX_LABELLED_PARAGRAPHS:
        for yi, right, left, top, bottom in zip(
            y,
            push["push_positive"],
            push["push_negative"],
            push["top_positive"],
            push["top_negative"],
        ):
            ax.annotate(
                top,
                (right, yi),
                xytext=(4, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=9,
            )
            ax.annotate(
                bottom,
                (left, yi),
                xytext=(-4, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=9,
            )
        span *= 1.9  # room for the words
    ax.set_xlim(-1.05 * span, 1.05 * span)
    paragraph_ticks(ax, push["paragraph_id"], axis="y")
    ax.invert_yaxis()  # paragraph 1 at the top, like the article
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, frameon=False)
    if len(push):
        strongest = push.loc[push["push_negative"].idxmin()]
        describe(
            ax,
            f"The strongest push toward negative is in paragraph {strongest['paragraph_id']} "
            f"(word: {strongest['top_negative']}).",
        )
    return label(
        ax,
        title="Evidence per paragraph: what pushed each way (strongest word shown)",
        xlabel="Summed word push (log-odds points; left = toward negative)",
        ylabel="Paragraph (article order)",
    )
