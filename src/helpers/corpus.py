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

import os
import warnings
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from .errors import ArticleNotFoundError, HelpersError, OptionError, invalid_value_msg

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


# --- inputs -----------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusItem:
    """One article to analyse: a file (``path``) or inline text (``text``), plus the
    metadata the source already knows (IndoSum's outlet, category and URL)."""

    article: str
    path: str | None = None
    text: str | None = field(default=None, repr=False)
    source: str | None = None
    category: str | None = None
    url: str | None = None

    @property
    def file(self) -> str:
        """How ``errors.csv`` names the item: the path inside the corpus folder."""
        return (
            f"{self.article}.txt"
            if self.path is not None
            else f"{INDOSUM}/{self.article}"
        )


def corpus_name(corpus: str | os.PathLike) -> str:
    """The ``<name>`` of ``corpus-<name>``: ``indosum``, or the folder's name."""
    if str(corpus) == INDOSUM:
        return INDOSUM
    return config.slug_for(config.resolve_path(corpus).name + ".x")


def corpus_items(corpus: str | os.PathLike) -> list[CorpusItem]:
    """The articles of a corpus, sorted by ``article`` id.

    Args:
        corpus: ``"indosum"`` for the IndoSum reference corpus, or a folder: every
            ``.txt`` file below it (subfolders included; a file's subfolder becomes its
            ``category``). ``article`` is the path inside the folder without ``.txt``.

    Raises:
        ArticleNotFoundError: the folder does not exist or holds no ``.txt`` file.
    """
    if str(corpus) == INDOSUM:
        from .reference import reference_articles

        table = reference_articles()
        items = [
            CorpusItem(
                article=row.id,
                text=row.text,
                source=row.source,
                category=row.category,
                url=row.url,
            )
            for row in table.itertuples(index=False)
        ]
        return sorted(items, key=lambda item: item.article)
    folder = config.resolve_path(corpus)
    if not folder.is_dir():
        raise ArticleNotFoundError(
            folder,
            "is not a folder.",
            "Use CORPUS=a folder of .txt articles, or CORPUS=indosum.",
        )
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file() or p.is_symlink())
    if not files:
        raise ArticleNotFoundError(
            folder, "holds no .txt file.", "Put one article per UTF-8 .txt file in it."
        )
    items = []
    for path in files:
        relative = path.relative_to(folder)
        category = relative.parent.as_posix() if relative.parent != Path(".") else None
        items.append(
            CorpusItem(
                article=relative.with_suffix("").as_posix(),
                path=str(path),
                category=category,
            )
        )
    return sorted(items, key=lambda item: item.article)


# --- one article ------------------------------------------------------------------


def entity_mentions(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The named entities of one article's paragraphs: ``paragraph_id``, ``entity``,
    one row per mention (aliases merged within the article).

    The one place the corpus run finds entities: :func:`helpers.entities.entity_mentions`
    (CLDR place names, Indonesian title and organisation cues, alias merging).
    """
    from .entities import entity_mentions as find

    return find(paragraphs[["paragraph_id", "text"]])[["paragraph_id", "entity"]]


def _join(values) -> str:
    return "; ".join(values)


def _shingles(text: str, n: int) -> set[bytes]:
    from .text import is_word, tokenize

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
    from .article import load_article, parse_article

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
    from .errors import ArticleError

    if isinstance(exc, ArticleError):
        return " ".join(part for part in (exc.problem, exc.fix) if part)
    message = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {message}".rstrip(": ")


# --- one partition ----------------------------------------------------------------


@lru_cache(maxsize=1)
def _worker_model():
    """The sentiment model, loaded once per process from the cache (never retrained
    when the driver has cached it, which :func:`run_corpus` does first)."""
    from .sentiment import load_or_train_model

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
    from .article import paragraphs_table
    from .sentiment import score_paragraphs
    from .stemming import default_stemmer
    from .vectorize import IndonesianAnalyzer

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


# --- the scheduler ------------------------------------------------------------------


def corpus_client(*, n_workers: int = 2):
    """A ``dask.distributed`` client: on ``DASK_SCHEDULER_ADDRESS`` when it is set, else
    on a new local cluster of ``n_workers`` single-threaded worker processes.

    Returns ``(client, cluster)``; ``cluster`` is None for an existing scheduler. Close
    both when done (:func:`run_corpus` does).
    """
    from dask.distributed import Client, LocalCluster

    address = os.environ.get(SCHEDULER_ENV, "").strip()
    if address:
        return Client(address, timeout="30s"), None
    if not isinstance(n_workers, int) or n_workers < 1:
        raise OptionError(
            invalid_value_msg("n_workers", n_workers, "a positive integer")
        )
    cluster = LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=40,
    )
    return Client(cluster), cluster


# --- the whole run ------------------------------------------------------------------


@dataclass
class CorpusRun:
    """What :func:`run_corpus` produced (the tables are also in ``output_dir``)."""

    articles: pd.DataFrame
    errors: pd.DataFrame
    topics: pd.DataFrame
    duplicates: pd.DataFrame
    n_partitions: int
    seconds: float
    n_workers: int


def _partition_results(bag, client, *, progress: bool):
    """Yield ``(partition index, result)`` as partitions finish (any order)."""
    from dask.distributed import as_completed

    parts = bag.to_delayed(optimize_graph=True)
    futures = client.compute(parts)
    index = {future.key: i for i, future in enumerate(futures)}
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(futures), desc="articles analysed (batches)", unit="batch")
    try:
        for future in as_completed(futures):
            (result,) = future.result()
            yield index[future.key], result
            future.release()
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()


def run_corpus(
    corpus: str | os.PathLike,
    output_dir: str | os.PathLike,
    *,
    settings: CorpusSettings = CORPUS_SETTINGS,
    n_workers: int = 2,
    client=None,
    progress: bool = False,
) -> CorpusRun:
    """Analyse every article of ``corpus`` with Dask and write the corpus tables.

    Args:
        corpus: a folder of ``.txt`` articles, or ``"indosum"`` (see :func:`corpus_items`).
        output_dir: the folder to write into (``make corpus`` passes a staging folder
            that replaces ``data/processed/corpus-<name>/`` only when everything
            succeeded). Written here: ``articles.csv``, ``paragraphs.csv``,
            ``topics.csv``, ``duplicates.csv``, ``errors.csv``.
        settings: :class:`CorpusSettings`.
        n_workers: local worker processes when no scheduler address is set.
        client: an existing ``dask.distributed.Client`` to use (tests); by default one
            from :func:`corpus_client`.
        progress: show a progress bar (tqdm, on stderr) while batches run.

    Returns:
        A :class:`CorpusRun`. Unreadable articles are rows of ``errors``, never a
        stopped run; a corpus with no readable article at all raises
        :class:`~helpers.errors.HelpersError`.
    """
    import shutil
    import tempfile
    import time

    from scipy import sparse

    from .io import write_csv

    started = time.perf_counter()
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    items = corpus_items(corpus)
    _worker_model()  # train (once) or load here, so workers only ever load the cache
    bag = article_bag(items, settings=settings)
    own_client = client is None
    cluster = None
    if own_client:
        client, cluster = corpus_client(n_workers=n_workers)
    scratch = Path(tempfile.mkdtemp(prefix=".corpus-parts-", dir=output_dir))
    try:
        article_parts, error_parts, signatures, forms = {}, {}, {}, Counter()
        df = np.zeros(settings.n_features, dtype=np.int64)
        for index, result in _partition_results(bag, client, progress=progress):
            article_parts[index] = result["articles"]
            error_parts[index] = result["errors"]
            signatures[index] = result["signatures"]
            forms.update(result["forms"])
            result["paragraphs"].to_csv(
                scratch / f"paragraphs-{index:06d}.csv",
                index=False,
                header=False,
                float_format="%.6f",
                lineterminator="\n",
            )
            if result["counts"] is not None:
                df += np.bincount(
                    result["counts"].indices, minlength=settings.n_features
                )
                sparse.save_npz(scratch / f"counts-{index:06d}.npz", result["counts"])
        workers = len(client.scheduler_info().get("workers", {}))
        order = sorted(article_parts)
        articles = pd.concat([article_parts[i] for i in order], ignore_index=True)
        errors = pd.concat(
            [error_parts[i] for i in order], ignore_index=True
        ).sort_values("file", ignore_index=True)
        if articles.empty:
            raise HelpersError(
                f"No article of {corpus} could be read; see the reasons in errors.csv "
                f"({len(errors)} files)."
            )
        parts = [
            scratch / f"counts-{i:06d}.npz"
            for i in order
            if (scratch / f"counts-{i:06d}.npz").exists()
        ]
        topics, assignment = fit_corpus_topics(
            parts, df, forms, n_articles=len(articles), settings=settings
        )
        articles["dominant_topic"] = assignment["dominant_topic"].to_numpy()
        articles["topic_weight"] = assignment["topic_weight"].to_numpy()
        articles = articles[ARTICLE_COLUMNS]
        duplicates = near_duplicates(
            articles, np.vstack([signatures[i] for i in order]), settings=settings
        )
        _concatenate_csv(
            [scratch / f"paragraphs-{i:06d}.csv" for i in order],
            output_dir / "paragraphs.csv",
            header=",".join(PARAGRAPH_COLUMNS),
        )
        write_csv(articles, output_dir / "articles.csv")
        write_csv(topics, output_dir / "topics.csv")
        write_csv(duplicates, output_dir / "duplicates.csv")
        write_csv(errors, output_dir / "errors.csv")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    return CorpusRun(
        articles=articles,
        errors=errors,
        topics=topics,
        duplicates=duplicates,
        n_partitions=len(order),
        seconds=time.perf_counter() - started,
        n_workers=workers,
    )


def _concatenate_csv(parts: list[Path], target: Path, *, header: str) -> None:
    """Stream header-less CSV parts into one file, atomically (no part held in memory)."""
    import shutil

    from .io import atomic_path

    with (
        atomic_path(target) as tmp,
        open(tmp, "w", encoding="utf-8", newline="\n") as out,
    ):
        out.write(header + "\n")
        for part in parts:
            with open(part, encoding="utf-8", newline="") as source:
                shutil.copyfileobj(source, out)


# --- corpus-wide topics -------------------------------------------------------------


def _tfidf_part(counts, keep: np.ndarray, idf: np.ndarray):
    from sklearn.preprocessing import normalize

    matrix = counts[:, keep].astype(np.float64)
    matrix.data = np.log1p(matrix.data)  # sublinear tf, as notebook 02's TF-IDF
    return normalize(matrix.multiply(idf).tocsr())


def _column_labels(
    forms: Counter | dict, columns: np.ndarray, settings: CorpusSettings
) -> list[str]:
    """The readable term of each kept hashed column: the most frequent surface form of
    the most frequent term hashed there (ties alphabetical)."""
    totals: dict[str, Counter] = {}
    for (term, surface), n in forms.items():
        totals.setdefault(term, Counter())[surface] += n
    terms = sorted(totals)
    hashed = (
        _hasher(settings).transform([[t] for t in terms]).indices
        if terms
        else np.zeros(0, int)
    )
    best: dict[int, tuple[int, str]] = {}
    for term, column in zip(terms, hashed):
        n = sum(totals[term].values())
        if column not in best or n > best[column][0]:
            best[column] = (n, term)
    labels = []
    for column in columns:
        if column in best:
            surfaces = totals[best[column][1]]
            labels.append(
                sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            )
        else:
            labels.append(f"#{column}")
    return labels


def fit_corpus_topics(
    parts: list[Path],
    df: np.ndarray,
    forms,
    *,
    n_articles: int,
    settings: CorpusSettings = CORPUS_SETTINGS,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """NMF topics over the corpus, fitted one partition at a time.

    Args:
        parts: ``.npz`` files of hashed term counts, one per partition, in corpus order.
        df: document frequency of every hashed column.
        forms: ``{(term, surface form): count}`` for labels.
        n_articles: rows over all parts.

    Returns:
        ``(topics, assignment)``: ``topics`` has the ``topics.csv`` columns
        (``topic_id``, ``label``, ``rank``, ``term``, ``weight``: a topic's weights over
        its terms sum to 1 over the whole vocabulary) plus ``n_articles`` (articles it
        leads); ``assignment`` has ``dominant_topic`` and ``topic_weight`` (the topic's
        share of the article's topic mix) per article, in corpus order (missing when
        the article has no kept term).

    Caveats: k is fixed (:attr:`CorpusSettings.n_topics`) rather than searched as in
    notebook 02: a stability search refits many times, which a large corpus cannot
    afford. MiniBatchNMF's result depends on the partition order, which is fixed.
    """
    from scipy import sparse
    from sklearn.decomposition import MiniBatchNMF

    max_docs = settings.max_df * n_articles
    keep = np.flatnonzero((df >= settings.min_df) & (df <= max_docs))
    empty_assignment = pd.DataFrame(
        {
            "dominant_topic": pd.array([pd.NA] * n_articles, dtype="Int64"),
            "topic_weight": np.full(n_articles, np.nan),
        }
    )
    columns = ["topic_id", "label", "rank", "term", "weight", "n_articles"]
    n_topics = min(settings.n_topics, len(keep), n_articles)
    if n_topics < 2:
        return pd.DataFrame(columns=columns), empty_assignment
    idf = np.log((1 + n_articles) / (1 + df[keep])) + 1
    model = MiniBatchNMF(
        n_components=n_topics,
        init="nndsvda",
        random_state=config.RANDOM_SEED,
        batch_size=max(settings.batch_size, n_topics),
        max_iter=1,
    )
    for _ in range(settings.topic_epochs):
        for part in parts:
            matrix = _tfidf_part(sparse.load_npz(part), keep, idf)
            if matrix.shape[0] >= n_topics or hasattr(model, "components_"):
                model.partial_fit(matrix)
    if not hasattr(model, "components_"):
        return pd.DataFrame(columns=columns), empty_assignment
    weights = []
    for part in parts:
        weights.append(model.transform(_tfidf_part(sparse.load_npz(part), keep, idf)))
    mix = np.vstack(weights)
    totals = mix.sum(axis=1)
    dominant = pd.array(np.where(totals > 0, mix.argmax(axis=1) + 1, 0), dtype="Int64")
    dominant[totals <= 0] = pd.NA
    share = np.where(
        totals > 0, mix.max(axis=1) / np.where(totals > 0, totals, 1), np.nan
    )
    assignment = pd.DataFrame({"dominant_topic": dominant, "topic_weight": share})

    components = model.components_
    top = np.argsort(-components, axis=1, kind="stable")[:, : settings.n_top_terms]
    labels = _column_labels(forms, keep[np.unique(top)], settings)
    label_of = dict(zip(np.unique(top), labels))
    rows = []
    for t in range(n_topics):
        total = components[t].sum()
        terms = [label_of[j] for j in top[t]]
        label = " / ".join(terms[:3])
        leads = int((assignment["dominant_topic"] == t + 1).sum())
        for rank, j in enumerate(top[t], start=1):
            rows.append(
                (
                    t + 1,
                    label,
                    rank,
                    label_of[j],
                    float(components[t, j] / total) if total else 0.0,
                    leads,
                )
            )
    return pd.DataFrame(rows, columns=columns), assignment


# --- near-duplicates ----------------------------------------------------------------


def near_duplicates(
    articles: pd.DataFrame,
    signatures: np.ndarray,
    *,
    settings: CorpusSettings = CORPUS_SETTINGS,
) -> pd.DataFrame:
    """Pairs of articles that share most of their word 5-grams (syndicated or copied).

    Args:
        articles: ``article`` and ``source`` per row, aligned with ``signatures``.
        signatures: from :func:`minhash_signature`, one row per article.

    Returns:
        Columns ``article_a``, ``article_b`` (``a < b``), ``source_a``, ``source_b``,
        ``same_source``, ``jaccard`` (estimated from the signatures, ±0.06 at 64
        permutations), sorted by ``jaccard`` descending then ids.

    Caveats: MinHash LSH finds pairs above the threshold with high probability, not
    certainty; a pair just below it may be missed or kept. Two articles quoting the
    same long statement can also pass.
    """
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    columns = [
        "article_a",
        "article_b",
        "source_a",
        "source_b",
        "same_source",
        "jaccard",
    ]
    ids = articles["article"].astype(str).tolist()
    sources = dict(zip(ids, articles["source"].fillna("").astype(str)))
    lsh = MinHashLSH(
        threshold=settings.near_duplicate_threshold, num_perm=settings.num_perm
    )
    hashes = []
    for key, values in zip(ids, signatures):
        minhash = LeanMinHash(
            MinHash(
                num_perm=settings.num_perm,
                seed=config.RANDOM_SEED % (2**32),
                hashvalues=values,
                scheme=MINHASH_SCHEME,
            )
        )
        hashes.append(minhash)
        lsh.insert(key, minhash)
    rows = []
    position = {key: i for i, key in enumerate(ids)}
    for i, (key, minhash) in enumerate(zip(ids, hashes)):
        for other in lsh.query(minhash):
            j = position[other]
            if j <= i:
                continue
            jaccard = float(np.mean(signatures[i] == signatures[j]))
            if jaccard >= settings.near_duplicate_threshold:
                a, b = sorted((key, other))
                rows.append(
                    (
                        a,
                        b,
                        sources[a],
                        sources[b],
                        sources[a] == sources[b] and sources[a] != "",
                        jaccard,
                    )
                )
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(
        ["jaccard", "article_a", "article_b"],
        ascending=[False, True, True],
        ignore_index=True,
    )


def with_settings(**changes) -> CorpusSettings:
    """:data:`CORPUS_SETTINGS` with some fields changed (validated)."""
    return replace(CORPUS_SETTINGS, **changes)
