"""Many articles at once: the per-article analysis as Dask tasks, then corpus-wide
topics, tone and near-duplicates (``make corpus``, notebook 05).

The data flow, one partition per batch of :attr:`CorpusSettings.batch_size` articles:

1. :func:`corpus_items` lists the inputs (every ``.txt`` file under a folder, or the
   IndoSum reference corpus) as small :class:`CorpusItem` records, sorted by id.
2. :func:`article_bag` turns them into a ``dask.bag``; :func:`analyse_batch` runs on
   each partition: it parses every article (:func:`helpers.load_article` /
   :func:`helpers.parse_article`), builds the paragraph table
   (:func:`helpers.paragraphs_table`), finds named entities (:func:`entity_mentions`), scores
   every paragraph (:func:`helpers.sentiment.score_paragraphs`), stems the content
   words (:class:`helpers.vectorize.IndonesianAnalyzer`), hashes them into a sparse
   count matrix (scikit-learn's ``HashingVectorizer``: no vocabulary to share between
   workers) and computes a MinHash signature of the article's word 5-grams
   (``datasketch``). A file that cannot be read becomes one row of ``errors`` and the
   batch goes on.
3. :func:`run_corpus` streams the partition results back as they finish and writes
   each one to disk at once (paragraph rows, hashed counts), so the driver holds one
   partition's text at a time. Per article it keeps one row of numbers and a
   64-number signature; corpus-wide it keeps the document frequencies of the hashed
   columns and the surface forms of the stems (the vocabulary, which grows far more
   slowly than the corpus).
4. :func:`fit_corpus_topics` computes IDF from the document frequencies, then fits
   scikit-learn's ``MiniBatchNMF`` with ``partial_fit`` one partition at a time and
   reads each article's dominant topic back partition by partition: memory is bounded
   by the partition size and the number of kept columns, not by the corpus.
5. :func:`near_duplicates` finds pairs of articles whose word 5-gram sets overlap
   (estimated Jaccard at least :attr:`CorpusSettings.near_duplicate_threshold`) with
   MinHash LSH, which compares each article with its candidates only, not with every
   other article.

Modules, each re-exported here (as textacy's ``text_stats``): :mod:`.settings`
(columns and :class:`CorpusSettings`), :mod:`.inputs` (step 1), :mod:`.per_article`
and :mod:`.partition` (step 2), :mod:`.run` (step 3), :mod:`.topic_model` (step 4),
:mod:`.duplicates` (step 5).

Scheduler: a ``dask.distributed`` cluster. When ``DASK_SCHEDULER_ADDRESS`` is set
the run uses that existing cluster; otherwise :func:`corpus_client` starts a local one
(one single-threaded worker process per core asked for, so pure-Python stemming and
tokenising run in parallel). The code is the same either way.

Shared state on workers: the sentiment model is loaded once per worker process from
the cache the driver made sure exists (:func:`helpers.sentiment.load_or_train_model`;
it is never retrained per worker). Sastrawi stems go through the default
:class:`helpers.stemming.Stemmer`: each batch first merges the disk cache written by
the other workers (:meth:`~helpers.stemming.Stemmer.reload`) and saves its new stems
at the end, so a word is stemmed once per corpus, not once per worker. (On a cluster
of several machines the disk cache is per machine unless ``data/external`` is shared.)
"""

from __future__ import annotations

from .duplicates import (
    near_duplicates,
)
from .inputs import (
    CorpusItem,
    corpus_items,
    corpus_name,
)
from .partition import (
    analyse_batch,
    article_bag,
)
from .per_article import (
    entity_mentions,
    minhash_signature,
)
from .run import (
    CorpusRun,
    corpus_client,
    run_corpus,
)
from .settings import (
    ARTICLE_COLUMNS,
    CORPUS_SETTINGS,
    ERROR_COLUMNS,
    INDOSUM,
    MINHASH_SCHEME,
    PARAGRAPH_COLUMNS,
    SCHEDULER_ENV,
    CorpusSettings,
    with_settings,
)
from .topic_model import (
    fit_corpus_topics,
)

__all__ = [
    "ARTICLE_COLUMNS",
    "CORPUS_SETTINGS",
    "CorpusItem",
    "CorpusRun",
    "CorpusSettings",
    "ERROR_COLUMNS",
    "INDOSUM",
    "MINHASH_SCHEME",
    "PARAGRAPH_COLUMNS",
    "SCHEDULER_ENV",
    "analyse_batch",
    "article_bag",
    "corpus_client",
    "corpus_items",
    "corpus_name",
    "entity_mentions",
    "fit_corpus_topics",
    "minhash_signature",
    "near_duplicates",
    "run_corpus",
    "with_settings",
]
