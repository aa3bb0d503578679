"""The project's annotated Indonesian news sentiment set: sample, splits, labels, agreement.

The sentences come from the IndoSum reference corpus (:mod:`helpers.reference`).
Only keys and labels are stored in the repository
(``src/helpers/data/news_sentiment/``); the text is rebuilt from the checksummed
corpus, so no copy of the articles is committed.

* :func:`sample_sentences` draws the sentences to annotate with a fixed seed,
  stratified by category and outlet, with headline news (``tajuk utama``: politics,
  law, international) over-represented so the set resembles what users analyse.
* :func:`assign_splits` splits by *article* into ``train``, ``dev`` (every choice is
  made here) and ``test`` (scored to report, never used to choose).

The guideline the annotators followed is ``docs/annotation-guideline.md``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import config

#: Seed of the sample and of the split (never changed after annotation began).
SAMPLE_SEED = 20261202
#: Articles and sentences per article drawn for annotation.
N_ARTICLES = 350
SENTENCES_PER_ARTICLE = 4
#: Share of the sampled articles taken from headline news ("tajuk utama").
HEADLINE_SHARE = 0.5
#: Sentences outside these word counts are not annotated (fragments, run-ons).
MIN_WORDS, MAX_WORDS = 6, 60
#: Article shares of the splits (by article; test gets the rest).
SPLIT_SHARES = {"train": 0.48, "dev": 0.20}

_BOILERPLATE_START = ("[", "baca juga", "simak juga", "lihat juga", "editor", "sumber")


def _eligible(sentences: pd.DataFrame) -> pd.Series:
    n_words = sentences["text"].str.split().str.len()
    lower = sentences["text"].str.lower()
    boiler = lower.str.startswith(_BOILERPLATE_START)
    return n_words.between(MIN_WORDS, MAX_WORDS) & ~boiler


def _stratified_articles(articles: pd.DataFrame, n: int, rng: np.random.Generator) -> pd.DataFrame:
    """``n`` articles drawn proportionally to outlet within the given table."""
    shares = articles["source"].value_counts(normalize=True).sort_index()
    quota = np.floor(shares * n).astype(int)
    remainder = n - quota.sum()
    # Largest remainders get the leftover articles (deterministic: ties by name).
    order = (shares * n - quota).sort_values(ascending=False, kind="stable").index[:remainder]
    quota[order] += 1
    parts = []
    for source, k in quota.items():
        pool = articles[articles["source"] == source]
        take = rng.choice(len(pool), size=min(k, len(pool)), replace=False)
        parts.append(pool.iloc[np.sort(take)])
    return pd.concat(parts)


def sample_sentences(articles: pd.DataFrame, sentences: pd.DataFrame, *,
                     n_articles: int = N_ARTICLES, per_article: int = SENTENCES_PER_ARTICLE,
                     seed: int = SAMPLE_SEED) -> pd.DataFrame:
    """Draw the sentences to annotate.

    Args:
        articles: :func:`helpers.reference.reference_articles` (``id``, ``source``,
            ``category``).
        sentences: :func:`helpers.reference.reference_sentences`.
        n_articles: articles drawn; half from headline news, the rest from the other
            categories in proportion to their size, each stratum by outlet.
        per_article: sentences drawn per article (fewer when an article has fewer
            eligible sentences).

    Returns:
        One row per sampled sentence: ``item`` (1..n, the annotation order, shuffled
        so that sentences of one article are not read together), ``id``,
        ``paragraph``, ``sentence``, ``category``, ``source``, ``text``.
    """
    rng = np.random.default_rng(seed)
    eligible = sentences[_eligible(sentences)]
    counts = eligible.groupby("id").size()
    pool = articles[articles["id"].isin(counts[counts >= per_article].index)]
    headline = pool[pool["category"] == "tajuk utama"]
    other = pool[pool["category"] != "tajuk utama"]
    n_headline = int(round(n_articles * HEADLINE_SHARE))
    chosen = [_stratified_articles(headline, n_headline, rng)]
    other_n = n_articles - n_headline
    cat_share = other["category"].value_counts(normalize=True).sort_index()
    cat_quota = np.maximum(1, np.round(cat_share * other_n)).astype(int)
    cat_quota[cat_quota.idxmax()] += other_n - cat_quota.sum()
    for category, k in cat_quota.items():
        chosen.append(_stratified_articles(other[other["category"] == category], int(k), rng))
    chosen_articles = pd.concat(chosen)
    parts = []
    for article_id in chosen_articles["id"]:
        rows = eligible[eligible["id"] == article_id]
        take = np.sort(rng.choice(len(rows), size=per_article, replace=False))
        parts.append(rows.iloc[take])
    sample = pd.concat(parts).merge(chosen_articles[["id", "category", "source"]], on="id")
    sample = sample.iloc[rng.permutation(len(sample))].reset_index(drop=True)
    sample.insert(0, "item", np.arange(1, len(sample) + 1))
    return sample[["item", "id", "paragraph", "sentence", "category", "source", "text"]]


def assign_splits(sample: pd.DataFrame, *, seed: int = SAMPLE_SEED) -> pd.DataFrame:
    """Split the sampled articles into ``train``, ``dev`` and ``test``, by article.

    Within each category the articles are shuffled with ``seed`` and cut by
    :data:`SPLIT_SHARES`, so every split has every category. Returns one row per
    article: ``id``, ``category``, ``split``, sorted by ``id``.
    """
    rng = np.random.default_rng(seed + 1)
    articles = sample[["id", "category"]].drop_duplicates().sort_values("id")
    rows = []
    for category, group in articles.groupby("category", sort=True):
        ids = group["id"].to_numpy()[rng.permutation(len(group))]
        n_train = int(round(len(ids) * SPLIT_SHARES["train"]))
        n_dev = int(round(len(ids) * SPLIT_SHARES["dev"]))
        for i, article_id in enumerate(ids):
            split = "train" if i < n_train else "dev" if i < n_train + n_dev else "test"
            rows.append((article_id, category, split))
    return pd.DataFrame(rows, columns=["id", "category", "split"]).sort_values("id").reset_index(drop=True)


#: Where the sample keys, the annotation passes and the final labels are stored.
DATA_DIR = config.PROJECT_ROOT / "src" / "helpers" / "data" / "news_sentiment"
