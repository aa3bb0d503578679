"""What the corpus run computes per article: entities, a MinHash signature, a table row.

Part of :mod:`helpers.corpus` (the package docstring describes the data flow).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import config
from .inputs import CorpusItem
from .settings import CORPUS_SETTINGS, INDOSUM, MINHASH_SCHEME, CorpusSettings


def entity_mentions(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The named entities of one article's paragraphs: ``paragraph_id``, ``entity``,
    one row per mention (aliases merged within the article).

    The one place the corpus run finds entities: :func:`helpers.entities.entity_mentions`
    (CLDR place names, Indonesian title and organisation cues, alias merging).
    """
    from ..entities import entity_mentions as find

    return find(paragraphs[["paragraph_id", "text"]])[["paragraph_id", "entity"]]


def _join(values) -> str:
    return "; ".join(values)


def _shingles(text: str, n: int) -> set[bytes]:
    from ..text import is_word, tokenize

    words = [token.lower() for token in tokenize(text) if is_word(token)]
    if len(words) < n:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + n]).encode("utf-8") for i in range(len(words) - n + 1)
    }


def minhash_signature(
    text: str, *, settings: CorpusSettings = CORPUS_SETTINGS
) -> np.ndarray:
    """The MinHash signature (``num_perm`` unsigned integers) of a text's word n-grams.

    How to read it: the share of positions where two signatures agree estimates the
    Jaccard overlap of the two texts' sets of ``shingle_words``-word sequences (1 =
    the same text, 0 = nothing in common; a wire story copied with a new first
    paragraph stays high). Case and punctuation are ignored.
    """
    from datasketch import MinHash

    signature = MinHash(
        num_perm=settings.num_perm,
        seed=config.RANDOM_SEED % (2**32),
        scheme=MINHASH_SCHEME,
    )
    shingles = sorted(_shingles(text, settings.shingle_words))
    if shingles:
        signature.update_batch(shingles)
    return np.asarray(signature.hashvalues)


def _article_row(
    item: CorpusItem,
    article,
    paragraphs: pd.DataFrame,
    scores: pd.DataFrame,
    entities: pd.DataFrame,
    settings: CorpusSettings,
) -> dict:
    counts = entities["entity"].value_counts(sort=False)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[
        : settings.n_top_entities
    ]
    return {
        "article": item.article,
        "title": article.title,
        "source": item.source or article.source,
        "published": article.published.isoformat() if article.published else None,
        "n_paragraphs": len(paragraphs),
        "n_words": int(paragraphs["n_words"].sum()),
        "mean_sentiment": float(scores["sentiment_score"].mean()),
        "share_negative": float((scores["sentiment"] == "negative").mean()),
        "share_positive": float((scores["sentiment"] == "positive").mean()),
        "top_entities": _join(name for name, _ in ranked),
        "category": item.category,
        "url": item.url,
        "n_sentences": int(paragraphs["n_sentences"].sum()),
    }


def _read(item: CorpusItem):
    """Parse one item into an :class:`helpers.article.Article` (raises its one-line errors)."""
    from ..article import load_article, parse_article

    if item.path is not None:
        with (
            warnings.catch_warnings()
        ):  # parse notes (single-newline files) are not errors
            warnings.simplefilter("ignore", UserWarning)
            return load_article(item.path)
    return parse_article(item.text or "", path=f"{INDOSUM}/{item.article}")


def _error_reason(exc: BaseException) -> str:
    """One line: the article error's problem and fix (the file is its own column), or
    the exception type and first line for anything unexpected."""
    from ..errors import ArticleError

    if isinstance(exc, ArticleError):
        return " ".join(part for part in (exc.problem, exc.fix) if part)
    message = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {message}".rstrip(": ")
