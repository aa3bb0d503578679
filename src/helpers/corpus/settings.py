"""Every constant of the corpus run: the tables' columns and :class:`CorpusSettings`.

Part of :mod:`helpers.corpus` (the package docstring describes the data flow).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import OptionError, invalid_value_msg

#: The environment variable naming an existing ``dask.distributed`` scheduler.
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
#: ``make corpus CORPUS=indosum`` reads the IndoSum reference corpus instead of a folder.
INDOSUM = "indosum"

#: Columns of ``articles.csv``, in order (the contract's, then extras).
ARTICLE_COLUMNS = [
    "article",
    "title",
    "source",
    "published",
    "n_paragraphs",
    "n_words",
    "mean_sentiment",
    "share_negative",
    "share_positive",
    "dominant_topic",
    "top_entities",
    "category",
    "url",
    "n_sentences",
    "topic_weight",
]
#: Columns of the corpus ``paragraphs.csv``.
PARAGRAPH_COLUMNS = [
    "article",
    "paragraph_id",
    "text",
    "n_sentences",
    "n_words",
    "sentiment",
    "p_negative",
    "p_neutral",
    "p_positive",
    "sentiment_score",
    "entities",
]
#: datasketch's MinHash scheme (32-bit affine hashing, its default since 2.0), named
#: because signatures are rebuilt from their values on the driver.
MINHASH_SCHEME = "affine32"
#: Columns of ``errors.csv``.
ERROR_COLUMNS = ["file", "reason"]


@dataclass(frozen=True)
class CorpusSettings:
    """Every tuning constant of the corpus run, in one place.

    Attributes:
        batch_size: articles per Dask partition (one task each).
        n_features: hashed columns (``2**18``; collisions are rare at this size).
        n_topics: NMF topics over the corpus (articles are the documents).
        min_df: a term must occur in at least this many articles to enter the topics.
        max_df: ... and in at most this share of them.
        n_top_terms: terms listed per topic in ``topics.csv``.
        topic_epochs: passes of ``MiniBatchNMF.partial_fit`` over the partitions.
        n_top_entities: entities listed per article in ``top_entities``.
        shingle_words: words per shingle for near-duplicate detection.
        num_perm: MinHash permutations (the signature length).
        near_duplicate_threshold: estimated Jaccard of shingle sets at which two
            articles count as near-duplicates (syndicated copies of one story).
    """

    batch_size: int = 50
    n_features: int = 2**18
    n_topics: int = 8
    min_df: int = 3
    max_df: float = 0.5
    n_top_terms: int = 10
    topic_epochs: int = 5
    n_top_entities: int = 3
    shingle_words: int = 5
    num_perm: int = 64
    near_duplicate_threshold: float = 0.5

    def __post_init__(self) -> None:
        for name in (
            "batch_size",
            "n_features",
            "n_topics",
            "min_df",
            "n_top_terms",
            "topic_epochs",
            "n_top_entities",
            "shingle_words",
            "num_perm",
        ):
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 1:
                raise OptionError(
                    invalid_value_msg(name, getattr(self, name), "a positive integer")
                )
        for name in ("max_df", "near_duplicate_threshold"):
            if not 0 < getattr(self, name) <= 1:
                raise OptionError(
                    invalid_value_msg(name, getattr(self, name), "a share in (0, 1]")
                )


CORPUS_SETTINGS = CorpusSettings()


def with_settings(**changes) -> CorpusSettings:
    """:data:`CORPUS_SETTINGS` with some fields changed (validated)."""
    return replace(CORPUS_SETTINGS, **changes)
