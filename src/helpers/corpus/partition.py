"""One partition of articles analysed as a Dask task (:func:`analyse_batch`).

Part of :mod:`helpers.corpus` (the package docstring describes the data flow).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from ..errors import HelpersError
from .inputs import CorpusItem
from .per_article import (
    _article_row,
    _error_reason,
    _join,
    _read,
    entity_mentions,
    minhash_signature,
)
from .settings import (
    ARTICLE_COLUMNS,
    CORPUS_SETTINGS,
    ERROR_COLUMNS,
    PARAGRAPH_COLUMNS,
    CorpusSettings,
)


@lru_cache(maxsize=1)
def _worker_model():
    """The sentiment model, loaded once per process from the cache (never retrained
    when the driver has cached it, which :func:`run_corpus` does first)."""
    from ..sentiment import load_or_train_model

    return load_or_train_model(progress=False)


def _hasher(settings: CorpusSettings):
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer=_terms_as_given,
        n_features=settings.n_features,
        alternate_sign=False,
        norm=None,
        dtype=np.float32,
    )


def _terms_as_given(terms):
    return terms


def _terms_and_forms(analyzer, text: str) -> tuple[list[str], Counter]:
    """The document's TF-IDF terms (what ``analyzer(text)`` gives: stems of content
    words, multi-word expressions whole) and the count of each (term, surface form)
    pair, for readable topic labels."""
    words = analyzer.drop_stop_phrases(analyzer.words(text))
    pairs = zip(analyzer.terms_aligned(words), words)
    kept = [(term, str(word)) for term, word in pairs if term]
    return [term for term, _ in kept], Counter(kept)


def analyse_batch(
    items: list[CorpusItem], *, settings: CorpusSettings = CORPUS_SETTINGS
) -> dict:
    """Analyse one partition of articles (a Dask task; also callable directly).

    Returns a dict of plain objects (cheap to send between processes):
    ``articles`` (one row per readable article, :data:`ARTICLE_COLUMNS` without the
    topic columns), ``paragraphs`` (:data:`PARAGRAPH_COLUMNS`), ``errors``
    (``file``, ``reason``: one row per unreadable article), ``counts`` (hashed term
    counts, a CSR matrix with one row per readable article), ``signatures`` (MinHash,
    one row per readable article) and ``forms`` (``{(term, surface): count}``).
    """
    from ..article import paragraphs_table
    from ..sentiment import score_paragraphs
    from ..stemming import default_stemmer
    from ..vectorize import IndonesianAnalyzer

    stemmer = default_stemmer()
    stemmer.reload()  # stems other workers saved since this process started
    analyzer = IndonesianAnalyzer(stemmer=stemmer)
    parsed, errors = [], []
    for item in items:
        try:
            article = _read(item)
            paragraphs = paragraphs_table(article)
            entities = entity_mentions(paragraphs)
            terms, forms = _terms_and_forms(analyzer, "\n\n".join(article.paragraphs))
            signature = minhash_signature(
                "\n\n".join(article.paragraphs), settings=settings
            )
        except Exception as exc:  # noqa: BLE001 - bad input must never stop the run
            errors.append({"file": item.file, "reason": _error_reason(exc)})
            continue
        parsed.append((item, article, paragraphs, entities, terms, forms, signature))

    # Sentiment once for the whole partition: one call, not one per article.
    texts = [text for _, _, paragraphs, *_ in parsed for text in paragraphs["text"]]
    scores = score_paragraphs(_worker_model(), texts) if texts else pd.DataFrame()
    article_rows, paragraph_tables, all_forms, start = [], [], Counter(), 0
    for item, article, paragraphs, entities, _, forms, _ in parsed:
        own = scores.iloc[start : start + len(paragraphs)].reset_index(drop=True)
        start += len(paragraphs)
        article_rows.append(
            _article_row(item, article, paragraphs, own, entities, settings)
        )
        named = (
            entities.drop_duplicates()
            .groupby("paragraph_id", sort=False)["entity"]
            .agg(_join)
        )
        table = paragraphs[["paragraph_id", "text", "n_sentences", "n_words"]].copy()
        table.insert(0, "article", item.article)
        table = pd.concat(
            [
                table,
                own[
                    [
                        "sentiment",
                        "p_negative",
                        "p_neutral",
                        "p_positive",
                        "sentiment_score",
                    ]
                ],
            ],
            axis=1,
        )
        named = named.to_dict()
        table["entities"] = pd.Series(
            [named.get(pid, "") for pid in table["paragraph_id"]], dtype=object
        )
        paragraph_tables.append(table)
        all_forms.update(forms)
    stemmer.flush()
    counts = (
        _hasher(settings).transform([terms for _, _, _, _, terms, _, _ in parsed])
        if parsed
        else None
    )
    return {
        "articles": pd.DataFrame(
            article_rows,
            columns=[
                c
                for c in ARTICLE_COLUMNS
                if c not in ("dominant_topic", "topic_weight")
            ],
        ),
        "paragraphs": (
            pd.concat(paragraph_tables, ignore_index=True)
            if paragraph_tables
            else pd.DataFrame(columns=PARAGRAPH_COLUMNS)
        ),
        "errors": pd.DataFrame(errors, columns=ERROR_COLUMNS),
        "counts": counts,
        "signatures": (
            np.vstack([s for *_, s in parsed])
            if parsed
            else np.zeros((0, settings.num_perm), dtype=np.uint32)
        ),
        "forms": dict(all_forms),
    }


def article_bag(items: list[CorpusItem], *, settings: CorpusSettings = CORPUS_SETTINGS):
    """A ``dask.bag`` with one partition per ``batch_size`` items, mapped by
    :func:`analyse_batch` (one result dict per partition)."""
    import dask.bag as db

    if not items:
        raise HelpersError("The corpus has no articles to analyse.")
    bag = db.from_sequence(items, partition_size=settings.batch_size)
    return bag.map_partitions(_analyse_partition, settings=settings)


def _analyse_partition(items, *, settings):
    # dask.bag calls a partition function with an iterator; a one-item list keeps the
    # partition's result one object (a bag of one dict per partition).
    return [analyse_batch(list(items), settings=settings)]
