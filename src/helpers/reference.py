"""IndoSum as a reference corpus of Indonesian news: readable text and tidy tables.

IndoSum (Kurniawan & Louvan, "IndoSum: A New Benchmark Dataset for Indonesian Text
Summarization", IALP 2018; CC BY-SA 4.0) ships each article as paragraphs of
sentences of word tokens. The project mirrors the development sets of folds 2 and 3
(1,460 distinct articles from CNN Indonesia, kumparan, merdeka, ANTARA, ...; the two
folds share 36 ids, kept once). The files are fetched, verified and cached by
:mod:`helpers.datasets` (pinned URL, SHA-256, ``DATA_MIRROR``, atomic cache).

Uses: reference frequencies for keyness (notebook 02), the corpus run
(``make corpus CORPUS=indosum``), and the pool of the project's annotated news
sentences (:mod:`helpers.newsset`). Copyright in the articles stays with the outlets:
give attribution, share alike.

The detokeniser that restores the articles' spacing is :mod:`helpers.detokenizer`.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import warnings
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import analyzer as analyzer_module
from . import config, datasets, detokenizer, multiwords, stemming, vectorize
from . import tokens as tokens_module
from .analyzer import IndonesianAnalyzer
from .detokenizer import detokenize as detokenize  # re-exported
from .errors import DatasetError
from .io import write_csv
from .stemming import surface_forms
from .tokens import letter_tokens

#: The IndoSum files in the order they are read (an id seen twice keeps its first copy).
INDOSUM_FILES = ("dev.02", "dev.03")


def _read_indosum(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@lru_cache(maxsize=1)
def _records() -> tuple[dict, ...]:
    """Every distinct IndoSum article record (verified files, first copy of an id)."""
    paths = datasets.dataset_files(["indosum"])
    seen: set[str] = set()
    records = []
    for split in INDOSUM_FILES:
        for record in _read_indosum(paths["indosum", split]):
            if record["id"] not in seen:
                seen.add(record["id"])
                records.append(record)
    return tuple(records)


def reference_sentences() -> pd.DataFrame:
    """One row per sentence of the IndoSum reference corpus, in corpus order.

    Returns columns ``id`` (the article id), ``paragraph`` and ``sentence`` (0-based,
    IndoSum's own segmentation), ``text`` (detokenised). Raises
    :class:`~helpers.errors.DatasetError` when the corpus cannot be obtained.
    """
    rows = [
        (record["id"], p, s, detokenize(tokens))
        for record in _records()
        for p, paragraph in enumerate(record["paragraphs"])
        for s, tokens in enumerate(paragraph)
    ]
    table = pd.DataFrame(rows, columns=["id", "paragraph", "sentence", "text"])
    return table[table["text"] != ""].reset_index(drop=True)


@lru_cache(maxsize=1)
def _articles() -> pd.DataFrame:
    rows = []
    for record in _records():
        paragraphs = tuple(
            text
            for text in (
                " ".join(detokenize(s) for s in p).strip() for p in record["paragraphs"]
            )
            if text
        )
        rows.append(
            (
                record["id"],
                record["source"],
                record["category"],
                record["source_url"],
                "\n\n".join(paragraphs),
                paragraphs,
            )
        )
    return pd.DataFrame(
        rows, columns=["id", "source", "category", "url", "text", "paragraphs"]
    )


def reference_articles() -> pd.DataFrame:
    """One row per IndoSum article: the reference corpus as a tidy table.

    Returns columns ``id``, ``source`` (outlet, as IndoSum names it), ``category``
    (``tajuk utama`` = headline news, ``olahraga``, ``teknologi``, ``showbiz``,
    ``hiburan``, ``inspirasi``), ``url``, ``text`` (paragraphs separated by blank lines,
    like an article file) and ``paragraphs`` (a tuple of paragraph texts), in corpus
    order (fold 2, then fold 3). A fresh copy on every call.
    """
    return _articles().copy()


def checksum_key() -> str:
    """The pinned checksums of the corpus files, joined (part of derived-cache keys)."""
    return "-".join(
        datasets.DATASETS["indosum"][split].sha256[:12] for split in INDOSUM_FILES
    )


# --- term counts with the project's analyzer -----------------------------------------

#: Bump when the way reference counts are derived changes in a way the key cannot see.
COUNTS_VERSION = 1

#: Columns of the per-document counts table (:func:`term_counts`).
COUNT_COLUMNS = ["document_id", "term", "count"]


def term_counts(texts, *, document_ids=None, analyzer=None) -> pd.DataFrame:
    """How often each term occurs in each text, with the project's Indonesian analyzer.

    A pure function of the texts (the corpus run can map it over partitions): the same
    terms as TF-IDF and topics (:class:`helpers.vectorize.IndonesianAnalyzer`: the same
    tokens, stop words, stems and multi-word expressions).

    Args:
        texts: a sequence of documents (str).
        document_ids: one id per text; 0..n-1 when None.
        analyzer: an :class:`~helpers.vectorize.IndonesianAnalyzer` (single terms,
            ``ngram_range=(1, 1)``); a fresh one with the shared stemmer when None.

    Returns:
        Columns ``document_id``, ``term``, ``count`` (int64 >= 1): one row per term
        present in a document, in document order, terms sorted within a document. A
        text without content words has no rows.
    """
    texts = [str(text) for text in texts]
    ids = list(range(len(texts))) if document_ids is None else list(document_ids)
    if len(ids) != len(texts):
        raise ValueError(
            f"term_counts got {len(texts)} texts but {len(ids)} document_ids; pass one id per text."
        )
    analyzer = analyzer if analyzer is not None else IndonesianAnalyzer()
    if analyzer.ngram_range != (1, 1):
        raise ValueError(
            "term_counts counts single terms; pass an analyzer with ngram_range=(1, 1)."
        )
    rows = [(doc, term) for doc, text in zip(ids, texts) for term in analyzer(text)]
    tokens = pd.DataFrame(rows, columns=["document_id", "term"])
    order = {doc: i for i, doc in enumerate(dict.fromkeys(ids))}
    counts = (
        tokens.groupby(["document_id", "term"], sort=False)
        .size()
        .rename("count")
        .reset_index()
    )
    counts = (
        counts.assign(_order=counts["document_id"].map(order))
        .sort_values(["_order", "term"], kind="mergesort")
        .drop(columns="_order")
    )
    return counts.astype({"count": "int64"}).reset_index(drop=True)[COUNT_COLUMNS]


def term_frequencies(counts: pd.DataFrame) -> pd.DataFrame:
    """Corpus frequencies from :func:`term_counts`: ``term``, ``count`` (all occurrences)
    and ``document_frequency`` (documents containing the term), sorted by count
    descending, then term."""
    missing = set(COUNT_COLUMNS) - set(counts.columns)
    if missing:
        raise ValueError(
            f"term_frequencies needs column(s) {sorted(missing)} (the table from term_counts)."
        )
    table = counts.groupby("term", sort=True).agg(
        count=("count", "sum"), document_frequency=("document_id", "nunique")
    )
    table = table.reset_index().astype(
        {"count": "int64", "document_frequency": "int64"}
    )
    return table.sort_values(
        ["count", "term"], ascending=[False, True], kind="mergesort"
    ).reset_index(drop=True)


def _source_digest(*objects) -> str:
    return hashlib.sha256(
        "\n".join(inspect.getsource(o) for o in objects).encode("utf-8")
    ).hexdigest()


def analyzer_key() -> str:
    """A short hash of everything that decides the reference counts.

    Changes when any of these change: the analyzer's code (tokeniser, multi-word
    matching, analyzer, vectorize, stemming modules), its settings (``MIN_TOKEN_CHARS``,
    ``STOP_PHRASES``), the stop words (stopwords-iso plus the project table), the stem
    overrides and Sastrawi version (:func:`helpers.stemming.cache_key`), the multi-word
    table and actor aliases, the detokeniser, the corpus checksums and ``COUNTS_VERSION``.
    """
    payload = json.dumps(
        {
            "counts_version": COUNTS_VERSION,
            "data": checksum_key(),
            "stems": stemming.cache_key(stemming.stem_overrides()),
            "stopwords": sorted(analyzer_module.stopword_set()),
            "stop_phrases": sorted(analyzer_module.STOP_PHRASES),
            "min_token_chars": analyzer_module.MIN_TOKEN_CHARS,
            "multiwords": sorted(multiwords.multiword_expressions()["term"]),
            "code": _source_digest(
                tokens_module,
                multiwords,
                analyzer_module,
                vectorize,
                stemming,
                detokenizer,
                term_counts,
            ),
            "detokeniser": [
                sorted(detokenizer._NO_SPACE_BEFORE),
                sorted(detokenizer._NO_SPACE_AFTER),
                sorted(detokenizer._STRAIGHT_QUOTES),
            ],
        },
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def counts_cache_path(*, cache_dir: Path | None = None) -> Path:
    """``data/external/reference/indosum-counts-<analyzer_key>.csv`` (git-ignored)."""
    folder = (
        Path(cache_dir) if cache_dir is not None else config.EXTERNAL_DIR / "reference"
    )
    return folder / f"indosum-counts-{analyzer_key()}.csv"


def _compute_reference_counts() -> pd.DataFrame:
    articles = _articles()
    return term_counts(articles["text"].tolist(), document_ids=articles["id"].tolist())


def reference_counts(*, cache_dir: Path | None = None) -> pd.DataFrame:
    """Term counts of every IndoSum article, computed once and cached on disk.

    How to read it: one row per (article, term), counted with the project's analyzer,
    so the numbers compare directly with an article's own counts (keyness, TF-IDF with
    reference document frequencies, similar articles).

    The cache (:func:`counts_cache_path`) is named after :func:`analyzer_key`, so a
    change to the analyzer, its word lists or the data starts a fresh file; it is
    written atomically. A warm load needs no corpus files; a cold one reads the
    verified corpus (:func:`reference_articles`) and takes a few seconds.

    Returns:
        Columns ``document_id`` (the IndoSum ``id``), ``term``, ``count``, in corpus
        order. Raises :class:`~helpers.errors.DatasetError` when the corpus is needed
        and cannot be obtained.
    """
    path = counts_cache_path(cache_dir=cache_dir)
    if path.is_file():
        try:
            table = pd.read_csv(
                path,
                dtype={"document_id": str, "term": str, "count": "int64"},
                keep_default_na=False,
                na_filter=False,
            )
            if list(table.columns) == COUNT_COLUMNS:
                return table
        except (ValueError, OSError, pd.errors.ParserError):
            pass
        warnings.warn(
            f"Unreadable reference-count cache {path}; recomputing it.", stacklevel=2
        )
    table = _compute_reference_counts()
    _write_cache(table, path)
    return table


def _write_cache(table: pd.DataFrame, path: Path) -> None:
    """Write a derived cache atomically; a read-only cache folder only costs speed."""
    try:
        write_csv(table, path)
    except OSError as error:
        warnings.warn(
            f"Cannot write the cache {path} ({error}); it will be recomputed next time.",
            stacklevel=3,
        )


def reference_frequencies(*, cache_dir: Path | None = None) -> pd.DataFrame:
    """Corpus frequencies of the reference: ``term``, ``count``, ``document_frequency``
    (:func:`term_frequencies` of :func:`reference_counts`)."""
    return term_frequencies(reference_counts(cache_dir=cache_dir))


def article_text(article_id: str) -> str:
    """One IndoSum article as an article file the project's loader reads.

    How to read it: UTF-8 plain text, the detokenised paragraphs separated by blank
    lines, ending with a newline (the format of README's "Another article" section);
    IndoSum stores no headline or date, so the file has none. Write it to a
    file and pass that to :func:`helpers.load_article` or to a notebook's
    ``article_path`` (never into ``data/raw/``).

    Raises:
        KeyError: no article has that id (see :func:`reference_articles` for the ids).
    """
    table = _articles()
    match = table.loc[table["id"] == article_id, "text"]
    if match.empty:
        raise KeyError(
            f"No IndoSum article has the id {article_id!r}; see reference_articles()['id']."
        )
    return match.iloc[0] + "\n"


def reference_surface_forms(*, cache_dir: Path | None = None) -> dict[str, str]:
    """``{term: most frequent lower-case surface form}`` over the reference corpus.

    For showing reference terms the article does not use (negative keywords) as words
    rather than stems (``main`` -> ``bermain``). Cached beside :func:`reference_counts`
    under the same key.
    """
    folder = (
        Path(cache_dir) if cache_dir is not None else config.EXTERNAL_DIR / "reference"
    )
    path = folder / f"indosum-forms-{analyzer_key()}.csv"
    if path.is_file():
        try:
            table = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
            if list(table.columns) == ["term", "form"]:
                return dict(zip(table["term"], table["form"]))
        except (ValueError, OSError, pd.errors.ParserError):
            pass
        warnings.warn(
            f"Unreadable reference-forms cache {path}; recomputing it.", stacklevel=2
        )
    table = pd.DataFrame(
        sorted(_surface_forms(_articles()["text"].tolist()).items()),
        columns=["term", "form"],
    )
    _write_cache(table, path)
    return dict(zip(table["term"], table["form"]))


def _surface_forms(texts: list[str]) -> dict[str, str]:
    """Most frequent lower-case form per single-word term, from each distinct token's term.

    Why not :func:`helpers.vectorize.term_surface_forms`: it runs the analyzer's steps
    on every text; counting letter tokens and finding each distinct token's term once
    (:meth:`~helpers.vectorize.IndonesianAnalyzer.term_of`) gives the same forms for
    single words, faster. A multi-word term is its own form (it is lower-case text
    already).
    """
    tokens = Counter(token for text in texts for token in letter_tokens(text))
    analyzer = IndonesianAnalyzer()
    term_of = {token: analyzer.term_of(token.lower()) for token in tokens}
    rows = [
        (term_of[token], token.lower(), n)
        for token, n in tokens.items()
        if term_of[token]
    ]
    table = pd.DataFrame(rows, columns=["stem", "lower", "n"])
    table = table.loc[table.index.repeat(table["n"])]
    return surface_forms(table)


def load_reference(
    *, cache_dir: Path | None = None
) -> tuple[pd.DataFrame | None, pd.DataFrame | None, str]:
    """The reference for notebooks: ``(counts, articles, problem)``.

    ``counts`` is :func:`reference_counts`, ``articles`` is :func:`reference_articles`
    without the text columns (``id``, ``source``, ``category``, ``url``). When the corpus
    cannot be obtained both are None and ``problem`` is one line saying so and how to
    fix it (the full :class:`~helpers.errors.DatasetError` is logged); otherwise
    ``problem`` is empty.
    """
    try:
        articles = reference_articles()[["id", "source", "category", "url"]]
        counts = reference_counts(cache_dir=cache_dir)
    except DatasetError as error:
        logging.getLogger(__name__).info("Reference corpus unavailable: %s", error)
        return (
            None,
            None,
            (
                "The reference corpus (IndoSum) cannot be loaded, so the comparison with Indonesian news "
                f"is skipped; fix: go online or set {config.DATA_MIRROR_ENV} to a folder holding indosum/."
            ),
        )
    return counts, articles, ""


def publication_years(articles: pd.DataFrame) -> str:
    """The years the given IndoSum articles were published, as ``2016–2018``.

    IndoSum ids begin with the article's Unix timestamp (``1505169310-korea-utara-...``);
    ids without one are ignored. Returns ``"unknown years"`` when none has one.
    """
    stamps = pd.to_numeric(
        articles["id"].astype(str).str.extract(r"^(\d{9,10})-")[0], errors="coerce"
    ).dropna()
    years = sorted({pd.Timestamp(int(s), unit="s").year for s in stamps})
    if not years:
        return "unknown years"
    return f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}"
