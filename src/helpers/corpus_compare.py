"""Comparing articles: the tables notebook 05 shows, from the corpus run's CSVs.

Every function takes the tidy tables :func:`read_corpus_tables` returns and gives a
new table (inputs are never modified). Intervals are seeded percentile bootstraps
over *articles* (paragraphs of one article are not independent: one article's tone
runs through all of them), so they describe how much the mean would move with other
articles of the same kind.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from .errors import OptionError
from .prose import escape_markdown

#: Bootstrap resamples for every interval in notebook 05.
N_BOOTSTRAP = 1000
#: Central share of the bootstrap distribution reported as the interval.
LEVEL = 0.95
#: Groups (outlets, categories, entities) with fewer articles are not compared.
MIN_ARTICLES = 5


def corpus_output_dir(
    corpus_name: str, output_dir: str | os.PathLike | None = None
) -> Path:
    """Where the corpus tables are: ``output_dir`` when given, else
    ``data/processed/corpus-<corpus_name>/``."""
    return (
        Path(output_dir)
        if output_dir
        else config.PROCESSED_DIR / f"corpus-{corpus_name}"
    )


def read_corpus_tables(
    folder: str | os.PathLike, *, paragraph_columns=None
) -> dict[str, pd.DataFrame]:
    """The corpus run's tables: ``articles``, ``paragraphs``, ``topics``,
    ``duplicates``, ``errors``.

    ``paragraph_columns`` limits what is read of ``paragraphs.csv`` (the one table that
    grows with the corpus' text); None reads all of it. Raises
    :class:`FileNotFoundError` with the fix when the run has not been made.
    """
    folder = Path(folder)
    if not (folder / "articles.csv").exists():
        raise FileNotFoundError(
            f"{folder}/articles.csv: no corpus run here. Run `make corpus CORPUS=...` first."
        )
    text = {
        "article": str,
        "source": str,
        "category": str,
        "title": str,
        "top_entities": str,
        "entities": str,
    }
    tables = {}
    for name in ("articles", "topics", "duplicates", "errors"):
        tables[name] = pd.read_csv(
            folder / f"{name}.csv",
            dtype=text,
            keep_default_na=False,
            na_values={
                "mean_sentiment": [""],
                "topic_weight": [""],
                "dominant_topic": [""],
            },
        )
    tables["articles"]["dominant_topic"] = pd.to_numeric(
        tables["articles"]["dominant_topic"]
    ).astype("Int64")
    tables["paragraphs"] = pd.read_csv(
        folder / "paragraphs.csv",
        usecols=paragraph_columns,
        dtype={k: v for k, v in text.items()},
        keep_default_na=False,
        na_values={"sentiment_score": [""]},
    )
    return tables


def _bootstrap_means(
    values: np.ndarray, rng, n_bootstrap: int, level: float
) -> tuple[float, float]:
    if len(values) < 2:
        return float("nan"), float("nan")
    draws = rng.choice(values, size=(n_bootstrap, len(values)), replace=True).mean(
        axis=1
    )
    alpha = (1 - level) / 2
    return float(np.quantile(draws, alpha)), float(np.quantile(draws, 1 - alpha))


def group_tone(
    articles: pd.DataFrame,
    by: str,
    *,
    value: str = "mean_sentiment",
    n_bootstrap: int = N_BOOTSTRAP,
    level: float = LEVEL,
    min_articles: int = MIN_ARTICLES,
    seed: int = config.RANDOM_SEED,
) -> pd.DataFrame:
    """Mean article tone per group (outlet, category), with a bootstrap interval.

    How to read it: ``mean`` is the average of the articles' ``value`` (by default
    each article's mean paragraph ``sentiment_score``, from -1 to 1); ``low`` and
    ``high`` are the central ``level`` interval of ``n_bootstrap`` resamples of the
    group's articles. Intervals that overlap mean the data cannot tell the groups
    apart. Groups with fewer than ``min_articles`` articles are left out.

    Returns:
        Columns ``<by>``, ``n_articles``, ``mean``, ``low``, ``high``,
        ``share_negative`` and ``share_positive`` (mean over articles of the share of
        paragraphs with that label), sorted by ``mean``, ties by group name.

    >>> t = pd.DataFrame({"source": ["a"] * 2 + ["b"] * 2, "mean_sentiment": [0.1, 0.3, -0.2, -0.2],
    ...                   "share_negative": [0, 0, 1, 1], "share_positive": [1, 1, 0, 0]})
    >>> group_tone(t, "source", min_articles=2)[["source", "mean"]].to_dict("list")
    {'source': ['b', 'a'], 'mean': [-0.2, 0.2]}
    """
    if by not in articles.columns or value not in articles.columns:
        raise OptionError(
            f"group_tone needs columns {by!r} and {value!r}; pass the articles table."
        )
    rng = np.random.default_rng(seed)
    rows = []
    for group, table in sorted(
        articles.dropna(subset=[value]).groupby(by, sort=True),
        key=lambda kv: str(kv[0]),
    ):
        if len(table) < min_articles or group in ("", None):
            continue
        values = table[value].to_numpy(dtype=float)
        low, high = _bootstrap_means(values, rng, n_bootstrap, level)
        rows.append(
            {
                by: group,
                "n_articles": len(table),
                "mean": float(values.mean()),
                "low": low,
                "high": high,
                "share_negative": float(table["share_negative"].mean())
                if "share_negative" in table
                else np.nan,
                "share_positive": float(table["share_positive"].mean())
                if "share_positive" in table
                else np.nan,
            }
        )
    result = pd.DataFrame(
        rows,
        columns=[
            by,
            "n_articles",
            "mean",
            "low",
            "high",
            "share_negative",
            "share_positive",
        ],
    )
    return result.sort_values(["mean", by], ignore_index=True)


def outlet_structure(
    articles: pd.DataFrame, *, by: str = "source", min_articles: int = MIN_ARTICLES
) -> pd.DataFrame:
    """Length and structure per outlet: how long its articles are and how they are built.

    Returns:
        Columns ``<by>``, ``n_articles``, ``median_words``, ``median_paragraphs``,
        ``words_per_paragraph`` (median over articles of words / paragraphs),
        ``sentences_per_paragraph`` (median over articles), sorted by
        ``median_words`` descending. Medians, because a few very long articles would
        pull a mean.
    """
    table = articles.assign(
        words_per_paragraph=articles["n_words"] / articles["n_paragraphs"],
        sentences_per_paragraph=articles["n_sentences"] / articles["n_paragraphs"],
    )
    grouped = table[table[by].astype(str) != ""].groupby(by)
    result = pd.DataFrame(
        {
            "n_articles": grouped.size(),
            "median_words": grouped["n_words"].median(),
            "median_paragraphs": grouped["n_paragraphs"].median(),
            "words_per_paragraph": grouped["words_per_paragraph"].median(),
            "sentences_per_paragraph": grouped["sentences_per_paragraph"].median(),
        }
    ).reset_index()
    result = result[result["n_articles"] >= min_articles]
    return result.sort_values(
        ["median_words", by], ascending=[False, True], ignore_index=True
    )


def topic_summary(
    topics: pd.DataFrame, articles: pd.DataFrame, *, n_terms: int = 6
) -> pd.DataFrame:
    """One row per corpus topic: ``topic_id``, ``label``, ``terms`` (the top
    ``n_terms``), ``n_articles`` it leads, ``share`` of all articles, and ``top_outlet``
    (the outlet with most of those articles) with its ``top_outlet_share``."""
    rows = []
    for topic_id, terms in topics.groupby("topic_id", sort=True):
        led = articles[articles["dominant_topic"] == topic_id]
        outlets = led["source"].value_counts()
        outlets = outlets.sort_index().sort_values(ascending=False, kind="stable")
        rows.append(
            {
                "topic_id": int(topic_id),
                "label": terms["label"].iloc[0],
                "terms": ", ".join(terms.sort_values("rank")["term"].head(n_terms)),
                "n_articles": len(led),
                "share": len(led) / max(len(articles), 1),
                "top_outlet": outlets.index[0] if len(outlets) else "",
                "top_outlet_share": float(outlets.iloc[0] / len(led))
                if len(led)
                else np.nan,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "topic_id",
            "label",
            "terms",
            "n_articles",
            "share",
            "top_outlet",
            "top_outlet_share",
        ],
    )


def topic_leaders(articles: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """The ``n`` articles most clearly about each topic (highest ``topic_weight`` among
    the articles the topic leads): ``topic_id``, ``article``, ``source``, ``topic_weight``."""
    led = articles.dropna(subset=["dominant_topic"]).sort_values(
        ["dominant_topic", "topic_weight", "article"], ascending=[True, False, True]
    )
    return (
        led.groupby("dominant_topic")
        .head(n)[["dominant_topic", "article", "source", "topic_weight"]]
        .rename(columns={"dominant_topic": "topic_id"})
        .reset_index(drop=True)
    )


def outlet_topic_shares(
    articles: pd.DataFrame, *, by: str = "source", min_articles: int = MIN_ARTICLES
) -> pd.DataFrame:
    """Share of each outlet's articles led by each topic (rows sum to 1): an outlet ×
    topic table for a heatmap. Outlets with fewer than ``min_articles`` are left out."""
    table = articles.dropna(subset=["dominant_topic"])
    table = table[table[by].astype(str) != ""]
    counts = pd.crosstab(table[by], table["dominant_topic"])
    counts = counts[counts.sum(axis=1) >= min_articles]
    return counts.div(counts.sum(axis=1), axis=0).sort_index()


def entity_tone(
    paragraphs: pd.DataFrame,
    *,
    n_top: int = 15,
    n_bootstrap: int = N_BOOTSTRAP,
    level: float = LEVEL,
    min_articles: int = MIN_ARTICLES,
    seed: int = config.RANDOM_SEED,
) -> pd.DataFrame:
    """The most-named entities and the tone of the paragraphs that name them.

    How to read it: ``n_paragraphs`` and ``n_articles`` count where the entity is
    named; ``mean`` is the mean ``sentiment_score`` of those paragraphs, averaged per
    article first (so one long article does not dominate), with a bootstrap interval
    over articles. The tone is the paragraph's, not a verdict on the entity: a
    paragraph can name a country and be negative about something else.

    Returns:
        Columns ``entity``, ``n_articles``, ``n_paragraphs``, ``mean``, ``low``,
        ``high``; the ``n_top`` entities named in most articles (at least
        ``min_articles``), sorted by ``n_articles`` descending then name.
    """
    named = paragraphs.loc[
        paragraphs["entities"].astype(str) != "",
        ["article", "entities", "sentiment_score"],
    ]
    long = named.assign(entity=named["entities"].str.split("; ")).explode("entity")
    per_article = (
        long.groupby(["entity", "article"], sort=True)["sentiment_score"]
        .agg(["mean", "size"])
        .reset_index()
    )
    stats = per_article.groupby("entity").agg(
        n_articles=("article", "size"), n_paragraphs=("size", "sum")
    )
    stats = stats[stats["n_articles"] >= min_articles].reset_index()
    stats = stats.sort_values(["n_articles", "entity"], ascending=[False, True]).head(
        n_top
    )
    rng = np.random.default_rng(seed)
    rows = []
    for entity, n_articles, n_paragraphs in stats.itertuples(index=False, name=None):
        values = per_article.loc[per_article["entity"] == entity, "mean"].to_numpy(
            dtype=float
        )
        low, high = _bootstrap_means(values, rng, n_bootstrap, level)
        rows.append(
            (
                entity,
                int(n_articles),
                int(n_paragraphs),
                float(values.mean()),
                low,
                high,
            )
        )
    return pd.DataFrame(
        rows, columns=["entity", "n_articles", "n_paragraphs", "mean", "low", "high"]
    )


def duplicate_summary(duplicates: pd.DataFrame, articles: pd.DataFrame) -> dict:
    """Counts for the near-duplicate section: ``pairs``, ``cross_outlet_pairs``,
    ``articles_involved`` and its ``share`` of all articles."""
    involved = set(duplicates["article_a"]) | set(duplicates["article_b"])
    cross = (
        int((~duplicates["same_source"].astype(str).str.lower().isin(["true"])).sum())
        if len(duplicates)
        else 0
    )
    return {
        "pairs": len(duplicates),
        "cross_outlet_pairs": cross,
        "articles_involved": len(involved),
        "share": len(involved) / max(len(articles), 1),
    }


# --- prose for notebook 05 ------------------------------------------------------------


def describe_tone_range(
    table: pd.DataFrame, column: str, noun: str, *, min_articles: int = MIN_ARTICLES
) -> str:
    """One sentence comparing the most negative and most positive group's mean tone.

    Args:
        table: from :func:`group_tone`, ordered by ``mean`` (``low``, ``high``: the
            95% interval).
        column: the group column (``source``, ``category``).
        noun: what a group is, singular (``outlet``).
        min_articles: the size a group needs, quoted when fewer than two groups have it.

    Returns:
        Plain text (escape it for Markdown); whether the two intervals overlap decides
        whether the difference is more than resampling noise.
    """
    if len(table) < 2:
        return f"Fewer than two {noun}s with {min_articles} or more articles: no comparison."
    low, high = table.iloc[0], table.iloc[-1]
    verdict = (
        "do not overlap: the difference is more than resampling noise"
        if low["high"] < high["low"]
        else "overlap: this corpus cannot tell them apart"
    )
    return (
        f"The most negative {noun} is {low[column]} (mean {low['mean']:+.2f}, interval "
        f"{low['low']:+.2f} to {low['high']:+.2f}); the most positive is {high[column]} "
        f"({high['mean']:+.2f}, {high['low']:+.2f} to {high['high']:+.2f}). Their "
        f"intervals {verdict}."
    )


def corpus_takeaways(
    articles: pd.DataFrame,
    paragraphs: pd.DataFrame,
    errors: pd.DataFrame,
    *,
    structure: pd.DataFrame,
    summary: pd.DataFrame,
    outlet_tone: pd.DataFrame,
    entities: pd.DataFrame,
    copies: dict,
) -> str:
    """Notebook 05's takeaways as a Markdown list (values escaped).

    Args:
        articles, paragraphs, errors: the corpus tables (:func:`read_corpus_tables`).
        structure: :func:`outlet_structure`; summary: :func:`topic_summary`;
        outlet_tone: :func:`group_tone` by ``source``; entities: :func:`entity_tone`;
        copies: :func:`duplicate_summary`.
    """
    esc = escape_markdown
    outlets = articles["source"].replace("", pd.NA).nunique()
    points = [
        f"- {len(articles):,} articles from {outlets:,} outlets were analysed; "
        f"{len(errors):,} files were refused, each with its reason in `errors.csv`."
    ]
    if len(structure) >= 2:
        points.append(
            f"- Length differs by outlet: median {structure['median_words'].max():,.0f} "
            f"words for {esc(structure.iloc[0]['source'])} against "
            f"{structure['median_words'].min():,.0f} for "
            f"{esc(structure.iloc[-1]['source'])}."
        )
    if len(summary):
        biggest = summary.sort_values(
            ["n_articles", "topic_id"], ascending=[False, True]
        ).iloc[0]
        points.append(
            f"- The largest of {len(summary)} topics, *{esc(biggest['label'])}*, leads "
            f"{biggest['share']:.0%} of the articles."
        )
    if len(outlet_tone) >= 2:
        tone = describe_tone_range(outlet_tone, "source", "outlet")
        points.append("- Tone by outlet: " + esc(tone))
    neutral = (paragraphs["sentiment"] == "neutral").mean()
    points.append(
        f"- Overall, the mean article tone is {articles['mean_sentiment'].mean():+.2f} "
        f"on a scale of -1 to 1; {neutral:.0%} of paragraphs read neutral to the model."
    )
    if len(entities):
        top = entities.iloc[0]
        points.append(
            f"- The most-named entity is {esc(top['entity'])} "
            f"({top['n_articles']:,} articles)."
        )
    points.append(
        f"- {copies['pairs']:,} near-duplicate pairs "
        f"({copies['cross_outlet_pairs']:,} across outlets)."
    )
    return "\n".join(points)
