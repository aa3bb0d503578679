"""Atomic output: tables and reports are written whole or not at all.

Every writer goes through a temporary file in the destination folder followed by
``os.replace``, which is atomic on POSIX and Windows. A crash mid-write leaves the
previous file (or no file), never a truncated one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

try:  # POSIX; without it (Windows) notebooks updating one paragraphs.csv run in turn
    import fcntl
except ImportError:  # pragma: no cover - not on the project's Linux/macOS targets
    fcntl = None

from .config import RAW_DIR
from .errors import OptionError

#: Column order of ``paragraphs.csv`` as CONTRACT.md lists it; extra columns follow.
PARAGRAPH_COLUMNS = [
    "paragraph_id",
    "text",
    "n_sentences",
    "n_words",
    "n_chars",
    "dominant_topic",
    "topic_weight",
    "sentiment",
    "p_negative",
    "p_neutral",
    "p_positive",
    "sentiment_score",
]

#: The other columns notebooks add to ``paragraphs.csv``, in a fixed order after the
#: contract's (the order the report's notebooks leave them in when run one after the
#: other: the paragraph table's, 03's, then 01's), so the file has the same bytes
#: whichever notebook writes last (``make report`` runs them side by side). Columns
#: not listed follow in alphabetical order.
EXTRA_PARAGRAPH_COLUMNS = [
    "section",
    "sentiment_score_low",
    "sentiment_score_high",
    "sentiment_low_confidence",
    "n_content_words",
    "mean_sentence_words",
    "repeated_share",
    "n_entity_mentions",
    "entities",
]


def _refuse_raw(path: Path) -> None:
    raw = RAW_DIR.resolve()
    target = path.resolve()
    if target == raw or raw in target.parents:
        raise PermissionError(
            f"Refusing to write {target}: data/raw/ holds the input articles and is "
            "never written by code. Write to data/processed/<slug>/ instead."
        )


def _umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(path: str | os.PathLike):
    """Yield a temporary path beside ``path``; rename it over ``path`` on success."""
    path = Path(path)
    _refuse_raw(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        # mkstemp makes the file private (0600); a published file follows the umask.
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text atomically and return the path."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")
    return Path(path)


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write bytes atomically and return the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_csv(
    table: pd.DataFrame, path: str | os.PathLike, *, float_format: str = "%.6f"
) -> Path:
    """Write a table as UTF-8 CSV atomically, with a fixed float format.

    The fixed float format keeps reruns byte-identical (no platform-dependent
    shortest-repr digits) and the files readable.
    """
    text = table.to_csv(index=False, float_format=float_format, lineterminator="\n")
    return write_text(path, text)


def order_paragraph_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Return ``table`` with the contract's columns first, in contract order, then
    :data:`EXTRA_PARAGRAPH_COLUMNS` in their order, then any others alphabetically."""
    known = [c for c in [*PARAGRAPH_COLUMNS, *EXTRA_PARAGRAPH_COLUMNS] if c in table]
    others = sorted(c for c in table.columns if c not in known)
    return table[known + others]


@contextmanager
def _locked(folder: Path):
    """Hold an exclusive lock on ``folder`` (``flock`` on the directory itself, so no
    lock file lands among the outputs) while a read-merge-write runs."""
    if fcntl is None:
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def update_paragraphs_csv(
    new_columns: pd.DataFrame, path: str | os.PathLike
) -> pd.DataFrame:
    """Merge new per-paragraph columns into ``paragraphs.csv`` and write it atomically.

    ``new_columns`` must have ``paragraph_id`` and ``text``. An existing file is kept
    only when it describes the same paragraphs (same ids and texts); otherwise it is
    stale (another article or an edited one) and is replaced, so old and new results
    never mix. Columns present in both are taken from ``new_columns``. The
    read-merge-write holds a lock on the folder, so notebooks run side by side
    (``make report``) never lose each other's columns.

    Returns the merged table (contract column order).
    """
    for column in ("paragraph_id", "text"):
        if column not in new_columns.columns:
            raise OptionError(
                f"update_paragraphs_csv needs a {column!r} column; pass the table from "
                "helpers.paragraphs_table() plus your new columns."
            )
    path = Path(path)
    _refuse_raw(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path.parent):  # notebooks running side by side update one file
        return _merge_paragraphs_csv(new_columns, path)


def _merge_paragraphs_csv(new_columns: pd.DataFrame, path: Path) -> pd.DataFrame:
    merged = new_columns.copy()
    if path.exists():
        existing = pd.read_csv(path)
        same_rows = (
            len(existing) == len(new_columns)
            and existing["paragraph_id"].tolist()
            == new_columns["paragraph_id"].tolist()
            and existing["text"].astype(str).tolist()
            == new_columns["text"].astype(str).tolist()
        )
        if same_rows:
            keep = [c for c in existing.columns if c not in new_columns.columns]
            merged = new_columns.merge(
                existing[["paragraph_id", *keep]], on="paragraph_id", how="left"
            )
    merged = order_paragraph_columns(merged)
    write_csv(merged, path)
    return merged


@contextmanager
def staged_directory(final: str | os.PathLike):
    """Build a directory in a staging folder, then swap it in place of ``final``.

    Yields the staging path. When the block succeeds, ``final`` is replaced by the
    staged folder (the old one is removed only after the new one is in place). When
    the block raises, the staging folder is deleted and ``final`` is untouched.
    """
    final = Path(final)
    _refuse_raw(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.staging-", dir=final.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private (0700)
    old = None
    if final.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
        old.rmdir()
        os.replace(final, old)
    os.replace(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
