"""The whole corpus run: the Dask client, streaming partitions to disk (:func:`run_corpus`).

Part of :mod:`helpers.corpus` (the package docstring describes the data flow).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import HelpersError, OptionError, invalid_value_msg
from .duplicates import near_duplicates
from .inputs import corpus_items
from .partition import _worker_model, article_bag
from .settings import (
    ARTICLE_COLUMNS,
    CORPUS_SETTINGS,
    PARAGRAPH_COLUMNS,
    SCHEDULER_ENV,
    CorpusSettings,
)
from .topic_model import fit_corpus_topics


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

    from ..io import write_csv

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

    from ..io import atomic_path

    with (
        atomic_path(target) as tmp,
        open(tmp, "w", encoding="utf-8", newline="\n") as out,
    ):
        out.write(header + "\n")
        for part in parts:
            with open(part, encoding="utf-8", newline="") as source:
                shutil.copyfileobj(source, out)
