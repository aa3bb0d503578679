"""News data for the sentiment model: the project's annotated news sentences, the
unlabelled IndoSum text, and the sources table of everything the model learns from.

The annotated set (:mod:`helpers.newsset`) is split by article: ``train`` sentences
train the model, ``dev`` chooses every setting and calibrates the probabilities,
``test`` is scored once to report. Its labels live in
``src/helpers/data/news_sentiment/labels.csv``; the sentence text is rebuilt from the
checksummed IndoSum corpus.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from .. import newsset, reference
from ..errors import DatasetError

#: The ``dataset`` name of the annotated news set in every table (the contract's ``news-id``).
NEWS_DATASET = "news-id"
#: The files whose bytes define the annotated set (part of every model cache key).
NEWS_FILES = ("sample.csv", "splits.csv", "labels.csv")

#: Where each training source comes from and under which terms (shown in notebook 04).
TRAINING_SOURCES = pd.DataFrame(
    [
        (
            "smsa",
            "SmSA (IndoNLU): reviews and comments",
            "Purwarianti & Crisdayanti 2019; Wilie et al., AACL 2020",
            "IndoNLU repository licence (see its LICENSE)",
            "IndoNLP/indonlu @ ce728f6",
        ),
        (
            "nusax",
            "NusaX-Senti, Indonesian: reviews and comments",
            "Winata et al., EACL 2023",
            "CC BY-SA 4.0",
            "IndoNLP/nusax @ 75b0be5",
        ),
        (
            NEWS_DATASET,
            "The project's annotated news sentences (IndoSum articles)",
            "this project (docs/annotation-guideline.md); articles: Kurniawan & Louvan, IALP 2018",
            "labels: this repository's licence; article text CC BY-SA 4.0, copyright stays with the outlets",
            "CalDev-id/INDOSUM2 @ 9280c93",
        ),
        (
            "indosum",
            "IndoSum articles, unlabelled (document frequencies)",
            "Kurniawan & Louvan, IALP 2018",
            "CC BY-SA 4.0; copyright stays with the outlets",
            "CalDev-id/INDOSUM2 @ 9280c93",
        ),
        (
            "cnbc",
            "CNBC Indonesia stock-news headlines, market tone",
            "Tri Agung J., IJEECS 42(3), 2025",
            "repository MIT; headlines (c) CNBC Indonesia, used under the authors' research fair-use claim",
            "triagungj/CNBCI-Sentiment-Analysis @ 54ed3ee",
        ),
    ],
    columns=["dataset", "name", "reference", "licence", "pinned_source"],
)


def news_dir(directory=None) -> Path:
    """The folder holding the news set's keys and labels (``newsset.DATA_DIR`` by default)."""
    return Path(directory) if directory is not None else newsset.DATA_DIR


def news_labels_available(directory=None) -> bool:
    """True when the adjudicated labels (``labels.csv``) are in ``directory``."""
    return (news_dir(directory) / newsset.LABELS_FILE).is_file()


def news_checksum(directory=None) -> str | None:
    """SHA-256 over the files that define the annotated set, or None before the labels exist."""
    folder = news_dir(directory)
    if not news_labels_available(folder):
        return None
    digest = hashlib.sha256()
    for name in NEWS_FILES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def load_news(directory=None) -> pd.DataFrame:
    """The annotated news sentences as a labelled table like :func:`helpers.datasets.load_datasets`.

    Returns ``dataset`` (``news-id``), ``split`` (``train`` / ``dev`` / ``test``, by
    article), ``row`` (the annotation ``item``), ``text``, ``label``, plus ``id``
    (article), ``category`` and ``source`` (outlet); sorted by split, then item.

    Raises:
        DatasetError: the labels are not there yet (the message names the file), or
            the corpus cannot be obtained.
    """
    folder = news_dir(directory)
    if not news_labels_available(folder):
        raise DatasetError(
            f"{folder / newsset.LABELS_FILE} is missing: the news sentiment labels are not in "
            "this checkout. Fix: update it (git pull), or train without 'news' in train_sets."
        )
    table = newsset.news_sentences(data_dir=folder)
    order = {"train": 0, "dev": 1, "test": 2}
    table = table.assign(dataset=NEWS_DATASET, row=table["item"]).sort_values(
        ["split", "row"],
        key=lambda c: c.map(order) if c.name == "split" else c,
        kind="stable",
    )
    return table[
        ["dataset", "split", "row", "text", "label", "id", "category", "source"]
    ].reset_index(drop=True)


def unlabelled_news(*, exclude_ids=()) -> list[str]:
    """IndoSum sentences to learn document frequencies from, without the articles in ``exclude_ids``.

    The caller excludes the news dev and test articles, so nothing about them leaks into
    the features the model is chosen and scored with.
    """
    sentences = reference.reference_sentences()
    keep = ~sentences["id"].isin(set(exclude_ids))
    return sentences.loc[keep, "text"].tolist()
