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

from . import config, reference
from .config import LABELS
from .errors import DatasetError, check_option

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


def _stratified_articles(
    articles: pd.DataFrame, n: int, rng: np.random.Generator
) -> pd.DataFrame:
    """``n`` articles drawn proportionally to outlet within the given table."""
    shares = articles["source"].value_counts(normalize=True).sort_index()
    quota = np.floor(shares * n).astype(int)
    remainder = n - quota.sum()
    # Largest remainders get the leftover articles (deterministic: ties by name).
    order = (
        (shares * n - quota)
        .sort_values(ascending=False, kind="stable")
        .index[:remainder]
    )
    quota[order] += 1
    parts = []
    for source, k in quota.items():
        pool = articles[articles["source"] == source]
        take = rng.choice(len(pool), size=min(k, len(pool)), replace=False)
        parts.append(pool.iloc[np.sort(take)])
    return pd.concat(parts)


def sample_sentences(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    n_articles: int = N_ARTICLES,
    per_article: int = SENTENCES_PER_ARTICLE,
    seed: int = SAMPLE_SEED,
) -> pd.DataFrame:
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
        chosen.append(
            _stratified_articles(other[other["category"] == category], int(k), rng)
        )
    chosen_articles = pd.concat(chosen)
    parts = []
    for article_id in chosen_articles["id"]:
        rows = eligible[eligible["id"] == article_id]
        take = np.sort(rng.choice(len(rows), size=per_article, replace=False))
        parts.append(rows.iloc[take])
    sample = pd.concat(parts).merge(
        chosen_articles[["id", "category", "source"]], on="id"
    )
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
    return (
        pd.DataFrame(rows, columns=["id", "category", "split"])
        .sort_values("id")
        .reset_index(drop=True)
    )


#: Where the sample keys, the annotation passes and the final labels are stored.
DATA_DIR = config.PROJECT_ROOT / "src" / "helpers" / "data" / "news_sentiment"

#: The two independent annotation passes (item,label) and the adjudicated table.
PASS_FILES = {"a": "pass_a.csv", "b": "pass_b.csv"}
LABELS_FILE = "labels.csv"
#: The adjudicator's decision (item,label,reason) on every item where the passes differ.
ADJUDICATION_FILE = "adjudication.csv"
GUIDELINE = config.PROJECT_ROOT / "docs" / "annotation-guideline.md"


def read_pass(name: str, *, data_dir=None) -> pd.DataFrame:
    """One annotation pass: ``item``, ``label``, sorted by ``item``.

    Raises :class:`~helpers.errors.DatasetError` when the file is missing, has items
    outside the sample, misses items, or uses a label outside :data:`LABELS`.
    """
    check_option("pass", name, tuple(PASS_FILES))
    path = (data_dir or DATA_DIR) / PASS_FILES[name]
    if not path.is_file():
        raise DatasetError(
            f"{path}: annotation pass {name!r} is missing. Fix: restore it from git."
        )
    table = pd.read_csv(path, dtype={"item": int, "label": str}, keep_default_na=False)
    sample = pd.read_csv((data_dir or DATA_DIR) / "sample.csv")
    bad_labels = sorted(set(table["label"]) - set(LABELS))
    if bad_labels:
        raise DatasetError(f"{path}: labels {bad_labels} are not in {list(LABELS)}.")
    if sorted(table["item"]) != sorted(sample["item"]):
        raise DatasetError(
            f"{path}: items do not match sample.csv one to one "
            f"({len(table)} labels for {len(sample)} sampled sentences)."
        )
    return table.sort_values("item").reset_index(drop=True)


def agreement(first: pd.Series, second: pd.Series) -> pd.DataFrame:
    """Cohen's kappa between two label columns, overall and for each class.

    How to read it: 1 is perfect agreement, 0 is what chance alone gives; 0.6–0.8 is
    usually called substantial (Landis & Koch 1977), a rule of thumb, not a test. The
    per-class value treats the class against the other two (one-vs-rest), so it says
    which label the annotators found hard to apply.

    Returns one row per ``label`` (the three classes, then ``overall``) with
    ``kappa``, ``share_agreed`` (raw agreement) and ``n`` (items labelled that class
    by at least one annotator; all items for ``overall``).

    >>> a = pd.Series(["positive", "neutral", "neutral", "negative"])
    >>> b = pd.Series(["positive", "neutral", "negative", "negative"])
    >>> round(float(agreement(a, b).set_index("label").loc["overall", "kappa"]), 3)
    0.636
    """
    from sklearn.metrics import cohen_kappa_score  # noqa: PLC0415 (scikit-learn loads only when used)

    first, second = (
        pd.Series(first).reset_index(drop=True),
        pd.Series(second).reset_index(drop=True),
    )
    rows = []
    for label in LABELS:
        a, b = first == label, second == label
        rows.append(
            (label, cohen_kappa_score(a, b), float((a == b).mean()), int((a | b).sum()))
        )
    rows.append(
        (
            "overall",
            cohen_kappa_score(first, second, labels=list(LABELS)),
            float((first == second).mean()),
            len(first),
        )
    )
    return pd.DataFrame(rows, columns=["label", "kappa", "share_agreed", "n"])


def read_labels(*, data_dir=None) -> pd.DataFrame:
    """The adjudicated labels: ``item``, ``label_a``, ``label_b``, ``label`` (final).

    Checks that the final label of every disputed item is the adjudicator's
    (``adjudication.csv``), that the stored passes are the ones in ``labels.csv`` (so the adjudicated
    table cannot drift from the passes) and that ``label`` equals both passes where
    they agree.
    """

    data_dir = data_dir or DATA_DIR
    table = pd.read_csv(data_dir / LABELS_FILE, keep_default_na=False).sort_values(
        "item"
    )
    table = table.reset_index(drop=True)
    for name in PASS_FILES:
        stored = read_pass(name, data_dir=data_dir)
        if not (stored["label"].to_numpy() == table[f"label_{name}"].to_numpy()).all():
            raise DatasetError(
                f"{data_dir / LABELS_FILE}: label_{name} differs from {PASS_FILES[name]}."
            )
    agreed = table["label_a"] == table["label_b"]
    if not (table.loc[agreed, "label"] == table.loc[agreed, "label_a"]).all():
        raise DatasetError(
            f"{data_dir / LABELS_FILE}: a final label overrides two agreeing passes."
        )
    adjudication = pd.read_csv(
        data_dir / ADJUDICATION_FILE, keep_default_na=False
    ).set_index("item")
    disputed = table.loc[~agreed].set_index("item")
    if (
        sorted(adjudication.index) != sorted(disputed.index)
        or not (adjudication.loc[disputed.index, "label"] == disputed["label"]).all()
    ):
        raise DatasetError(
            f"{data_dir / LABELS_FILE}: final labels of disputed items differ from "
            f"{ADJUDICATION_FILE}."
        )
    if sorted(set(table["label"]) - set(LABELS)):
        raise DatasetError(
            f"{data_dir / LABELS_FILE}: final labels outside {list(LABELS)}."
        )
    return table[["item", "label_a", "label_b", "label"]]


def news_sentences(*, data_dir=None) -> pd.DataFrame:
    """The annotated news set with its text rebuilt from the checksummed corpus.

    Returns one row per sentence, sorted by ``item``: ``item``, ``id``,
    ``paragraph``, ``sentence``, ``category``, ``source``, ``split`` (train / dev /
    test, by article), ``text``, ``label``.
    """
    data_dir = data_dir or DATA_DIR
    sample = pd.read_csv(data_dir / "sample.csv")
    splits = pd.read_csv(data_dir / "splits.csv")[["id", "split"]]
    corpus = reference.reference_sentences()
    table = sample.merge(
        corpus, on=["id", "paragraph", "sentence"], how="left", validate="one_to_one"
    )
    if table["text"].isna().any():
        missing = table.loc[table["text"].isna(), "item"].tolist()[:5]
        raise DatasetError(
            f"Items {missing} of the news set are not in the IndoSum corpus files; "
            "the corpus checksum or the detokeniser changed. Fix: restore them."
        )
    table = table.merge(splits, on="id", how="left", validate="many_to_one")
    table = table.merge(
        read_labels(data_dir=data_dir)[["item", "label"]],
        on="item",
        validate="one_to_one",
    )
    columns = [
        "item",
        "id",
        "paragraph",
        "sentence",
        "category",
        "source",
        "split",
        "text",
        "label",
    ]
    return table.sort_values("item").reset_index(drop=True)[columns]
