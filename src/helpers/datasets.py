"""Labelled Indonesian sentiment data: download, verify, cache, and decontaminate.

Two public datasets train and test the paragraph sentiment model (``helpers.sentiment``):

* **NusaX-Senti, Indonesian split** (Winata et al., EACL 2023; CC BY-SA 4.0):
  ``train`` 500, ``valid`` 100, ``test`` 400 texts, labels negative / neutral / positive.
* **SmSA** (Purwarianti & Crisdayanti 2019, distributed in IndoNLU, Wilie et al.,
  AACL 2020): ``train`` 11,000, ``valid`` 1,260, ``test`` 500 texts (the official IndoNLU
  split). Tab-separated, no header, read with quoting disabled (the texts contain
  quote characters).

Where the files come from, in order (:func:`dataset_files`):

1. ``data/external/<dataset>/`` (git-ignored cache), when every byte matches the pinned
   SHA-256;
2. the canonical URL at a pinned commit (``DATASETS`` below), downloaded to a
   temporary file, verified, then renamed into place, so a broken transfer never
   leaves a file that looks valid. The network is given a few seconds in total: after
   the first failure the remaining files skip it;
3. the folder named by the ``DATA_MIRROR`` environment variable (laid out like
   ``shared/datasets``: ``nusax-senti-ind/``, ``smsa/``), verified and copied into the
   cache the same atomic way.

A file whose checksum does not match (a corrupt cache or a tampered mirror) is never
used: it is reported, and the next source is tried. When no source works, one
:class:`~helpers.errors.DatasetError` says what to do.

Why hand-written: no dataset library is in the pinned environment, and the contract
(pinned URLs, checksums, offline mirror) is a few dozen lines with ``urllib``.

Known trap (README of the mirror): NusaX was sampled from SmSA, and about 90% of the
NusaX test texts have an edited near-duplicate in SmSA train (110 of 400 are identical
after lower-casing and stripping punctuation). :func:`decontaminate` removes them
(:mod:`helpers.contamination`, re-exported here).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from .config import LABELS
from .contamination import decontaminate as decontaminate  # re-exported
from .contamination import duplicate_key as duplicate_key  # re-exported
from .errors import DatasetError, check_option

#: Seconds allowed per network request; after one failure the network is skipped.
NETWORK_TIMEOUT_S = 3.0


_NUSAX_URL = (
    "https://raw.githubusercontent.com/IndoNLP/nusax/75b0be5d982348332509f296e10d9bf9cb66d60f/"
    "datasets/sentiment/indonesian/{split}.csv"
)
_SMSA_URL = (
    "https://raw.githubusercontent.com/IndoNLP/indonlu/ce728f6926a36174b9923dfe49d6a6839b6e9bb7/"
    "dataset/smsa_doc-sentiment-prosa/{split}_preprocess.tsv"
)
# IndoSum (Kurniawan & Louvan 2018), redistributed by CalDev-id/INDOSUM2: the
# development sets of folds 2 and 3 (1,460 distinct news articles).
_INDOSUM_URL = (
    "https://raw.githubusercontent.com/CalDev-id/INDOSUM2/9280c93074959f0d99f1d48e9a2369373ff84248/"
    "indosum/{split}.jsonl"
)
_CNBC_URL = (
    "https://raw.githubusercontent.com/triagungj/CNBCI-Sentiment-Analysis/"
    "54ed3eea4868d7366bd0ea4ed24d68b12f971d6a/Dataset/dataset.csv"
)


@dataclass(frozen=True)
class DataFile:
    """One pinned file: where it lives in the mirror/cache, its URL and its SHA-256."""

    dataset: str
    split: str
    relative_path: str
    url: str
    sha256: str


#: Every file the project uses, with its pinned URL and checksum (from the mirror README).
DATASETS: dict[str, dict[str, DataFile]] = {
    "nusax": {
        split: DataFile(
            "nusax",
            split,
            f"nusax-senti-ind/{split}.csv",
            _NUSAX_URL.format(split=split),
            sha,
        )
        for split, sha in [
            (
                "train",
                "698c4802111085c14fbe35122957e1145338d307bcc295764026a23095a32984",
            ),
            (
                "valid",
                "4049c4a53017e08db72c72e1907345bfdfc19385481c58f54fe4637073d813f9",
            ),
            (
                "test",
                "43b612ed6fde972c752ab9fa8b2ce290d9ffa06b176b732fcef2a947cb94a161",
            ),
        ]
    },
    "smsa": {
        split: DataFile(
            "smsa",
            split,
            f"smsa/{split}_preprocess.tsv",
            _SMSA_URL.format(split=split),
            sha,
        )
        for split, sha in [
            (
                "train",
                "50f38ceed9b31521bf1581e126620532cc9b790712938159a2cdcf6906977a9b",
            ),
            (
                "valid",
                "6ab41ddc9d58a35086f05ebd2e209c74cb03d87d4f51d6abdfba674eafbefa74",
            ),
            (
                "test",
                "4e8016daa8e4e1b193f2a28a79d3a7804dd4e3f926a3ab7e8a64264f5f416a6f",
            ),
        ]
    },
    # Unlabelled news: the reference corpus and the pool of the project's annotated
    # news sentences (helpers.reference reads it).
    "indosum": {
        split: DataFile(
            "indosum",
            split,
            f"indosum/{split}.jsonl",
            _INDOSUM_URL.format(split=split),
            sha,
        )
        for split, sha in [
            (
                "dev.02",
                "5f6d63b73d94c1328eb8f66893e8afc5de863994dfcfec0bde1c35ef6e1a52e1",
            ),
            (
                "dev.03",
                "96b0a008f7ab86a613c1bf3a1dbf57af4597b08d44c2dc0b3758f449e89a9b06",
            ),
        ]
    },
    # CNBC Indonesia stock-news headlines, labelled for market tone. Repository
    # licence MIT; the headlines' copyright is CNBC Indonesia's (research fair use).
    "cnbc": {
        "all": DataFile(
            "cnbc",
            "all",
            "cnbc-headlines/dataset.csv",
            _CNBC_URL,
            "6f3aac29290dee1de2f9740e5e41c7081bd6e6ea631b3edf6cba67559456bc0a",
        ),
    },
}

#: Human-readable source and licence of each dataset (shown in the notebook).
SOURCES = pd.DataFrame(
    [
        (
            "nusax",
            "NusaX-Senti (Indonesian)",
            "Winata et al., EACL 2023",
            "CC BY-SA 4.0",
            "IndoNLP/nusax @ 75b0be5",
        ),
        (
            "smsa",
            "SmSA (IndoNLU)",
            "Purwarianti & Crisdayanti 2019; Wilie et al., AACL 2020",
            "IndoNLU repository licence (see its LICENSE)",
            "IndoNLP/indonlu @ ce728f6",
        ),
    ],
    columns=["dataset", "name", "reference", "licence", "pinned_source"],
)

SPLITS = ("train", "valid", "test")

#: The CNBC headlines' Indonesian labels, in the project's words.
CNBC_LABELS = {"positif": "positive", "netral": "neutral", "negatif": "negative"}

#: A downloader takes (url, destination path, timeout seconds) and writes the bytes.
Downloader = Callable[[str, Path, float], None]


def _urllib_download(url: str, destination: Path, timeout: float) -> None:
    """Stream ``url`` into ``destination`` (the caller verifies and renames it)."""
    request = urllib.request.Request(
        url, headers={"User-Agent": "indonesian-news-analysis"}
    )
    with (
        urllib.request.urlopen(request, timeout=timeout) as response,
        open(destination, "wb") as out,
    ):
        shutil.copyfileobj(response, out)


#: The downloader in use; tests replace it (monkeypatch) so they never touch the network.
download = _urllib_download


def sha256_of(path: str | os.PathLike) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def mirror_dir() -> Path | None:
    """The ``DATA_MIRROR`` folder as an absolute path, or None when unset.

    A relative value is tried against the current directory first, then against the
    project root (notebooks run with the current directory set to ``notebooks/``).
    """
    value = os.environ.get(config.DATA_MIRROR_ENV, "").strip()
    return config.resolve_path(value) if value else None


def _install_verified(
    source: Callable[[Path], None], data_file: DataFile, target: Path
) -> str | None:
    """Write a candidate via ``source`` into a temp file beside ``target``; rename it
    into place only when its SHA-256 matches. Returns None on success, else the reason."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        source(tmp)
        actual = sha256_of(tmp)
        if actual != data_file.sha256:
            return f"checksum mismatch (SHA-256 {actual}, pinned {data_file.sha256}): refused"
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; the cache is ordinary data
        os.replace(tmp, target)
        return None
    finally:
        if tmp.exists():
            tmp.unlink()


def fetch_file(
    data_file: DataFile,
    *,
    cache_dir: Path | None = None,
    use_network: bool = True,
    downloader: Downloader | None = None,
) -> tuple[Path, list[str], bool]:
    """Return a verified local copy of one pinned file.

    Returns ``(path, problems, network_failed)``: ``problems`` lists every source that
    was tried and refused (empty when the cache was good). Raises nothing; the caller
    decides. ``path`` is None when no source worked.
    """
    cache_dir = Path(cache_dir) if cache_dir else config.EXTERNAL_DIR
    target = cache_dir / data_file.relative_path
    problems: list[str] = []
    network_failed = False
    if target.exists():
        if sha256_of(target) == data_file.sha256:
            return target, problems, network_failed
        problems.append(
            f"cache {target}: checksum mismatch (corrupt or tampered); fetching a good copy"
        )
        target.unlink()
    if use_network:
        fetch = downloader or download
        try:
            reason = _install_verified(
                lambda tmp: fetch(data_file.url, tmp, NETWORK_TIMEOUT_S),
                data_file,
                target,
            )
        except (
            urllib.error.URLError,
            OSError,
            TimeoutError,
        ) as exc:  # offline, DNS, timeout, HTTP
            reason = f"download failed ({type(exc).__name__}: {exc})"
            network_failed = True
        if reason is None:
            return target, problems, network_failed
        problems.append(f"{data_file.url}: {reason}")
    mirror = mirror_dir()
    if mirror is None:
        problems.append(f"mirror: {config.DATA_MIRROR_ENV} is not set")
    else:
        candidate = mirror / data_file.relative_path
        if not candidate.is_file():
            problems.append(f"mirror {candidate}: no such file")
        else:
            reason = _install_verified(
                lambda tmp: shutil.copyfile(candidate, tmp), data_file, target
            )
            if reason is None:
                return target, problems, network_failed
            problems.append(f"mirror {candidate}: {reason}")
    return None, problems, network_failed


def dataset_files(
    datasets: Iterable[str] = ("nusax", "smsa"),
    *,
    cache_dir: Path | None = None,
    downloader: Downloader | None = None,
) -> dict[tuple[str, str], Path]:
    """Verified local paths of every split of ``datasets``, fetching what is missing.

    Returns ``{(dataset, split): path}``. Raises :class:`DatasetError` listing what was
    tried when any file cannot be obtained with the right checksum. Warns when a
    corrupt cached file was replaced by a good copy.
    """
    datasets = tuple(datasets)
    paths: dict[tuple[str, str], Path] = {}
    use_network = True
    failures: list[str] = []
    for name in datasets:
        check_option("dataset", name, tuple(DATASETS))
        for split, data_file in DATASETS[name].items():
            path, problems, network_failed = fetch_file(
                data_file,
                cache_dir=cache_dir,
                use_network=use_network,
                downloader=downloader,
            )
            use_network = (
                use_network and not network_failed
            )  # a few seconds in total, not per file
            if path is None:
                failures.append(
                    f"{name}/{split} ({data_file.relative_path}, pinned SHA-256 {data_file.sha256}): "
                    + "; ".join(problems)
                )
            else:
                paths[name, split] = path
                if problems and problems[0].startswith("cache "):
                    warnings.warn(
                        f"{problems[0]}; replaced with a verified copy.", stacklevel=2
                    )
    if failures:
        raise DatasetError(
            f"Cannot obtain the datasets {', '.join(datasets)} with the pinned checksums. "
            + " | ".join(failures)
            + f". Fix: go online so the pinned URLs can be downloaded, or set {config.DATA_MIRROR_ENV} "
            "to a folder laid out like shared/datasets (nusax-senti-ind/, smsa/, indosum/, cnbc-headlines/) holding the "
            "original files, e.g. export DATA_MIRROR=../shared/datasets"
        )
    return paths


def read_split(path: str | os.PathLike, dataset: str) -> pd.DataFrame:
    """Read one verified file into ``text``, ``label`` columns (file order kept)."""
    if dataset == "smsa":
        table = pd.read_csv(
            path,
            sep="\t",
            header=None,
            names=["text", "label"],
            quoting=3,
            dtype=str,
            keep_default_na=False,
        )
    elif dataset == "cnbc":
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        table = pd.DataFrame(
            {
                "text": table["judul"],
                "label": table["sentimen"].str.strip().str.lower().map(CNBC_LABELS),
            }
        )
        if table["label"].isna().any():
            raise DatasetError(
                f"{path}: labels outside {sorted(CNBC_LABELS)}; the file is not the pinned CNBC set."
            )
    else:
        table = pd.read_csv(
            path, dtype={"text": str, "label": str}, keep_default_na=False
        )[["text", "label"]]
    return table


def load_datasets(
    datasets: Iterable[str] = ("nusax", "smsa"),
    *,
    cache_dir: Path | None = None,
    downloader: Downloader | None = None,
) -> pd.DataFrame:
    """All splits of the named datasets in one tidy table.

    Returns columns ``dataset``, ``split``, ``row`` (0-based line in its file),
    ``text``, ``label`` (negative / neutral / positive), sorted by dataset, split
    (train, valid, test) and row.
    """
    paths = dataset_files(datasets, cache_dir=cache_dir, downloader=downloader)
    parts = []
    for (name, split), path in paths.items():
        table = read_split(path, name)
        table.insert(0, "row", np.arange(len(table)))
        table.insert(0, "split", split)
        table.insert(0, "dataset", name)
        parts.append(table)
    data = pd.concat(parts, ignore_index=True)
    unknown = sorted(set(data["label"]) - set(LABELS))
    if unknown:
        raise DatasetError(
            f"Unexpected labels {unknown} in the datasets; expected {list(LABELS)}."
        )
    return data


def load_cnbc(
    *, cache_dir: Path | None = None, downloader: Downloader | None = None
) -> pd.DataFrame:
    """The CNBC Indonesia stock-news headlines (Tri Agung J. 2025) as a training table.

    Returns ``dataset`` (``cnbc``), ``split`` (``train``: the set has no held-out split
    here), ``row``, ``text`` (the headline, ``judul``), ``label`` (``sentimen``
    positif / netral / negatif as positive / neutral / negative).

    Caveats: labelled for market tone ("IHSG ambruk" negative, "dividen" positive).
    Repository licence MIT; the headlines' copyright is CNBC Indonesia's and the authors
    claim research fair use, so say so wherever a model trained on them is shown.
    """
    path = dataset_files(["cnbc"], cache_dir=cache_dir, downloader=downloader)[
        "cnbc", "all"
    ]
    table = read_split(path, "cnbc")
    table.insert(0, "row", np.arange(len(table)))
    table.insert(0, "split", "train")
    table.insert(0, "dataset", "cnbc")
    return table


def checksums(datasets: Iterable[str] = ("nusax", "smsa")) -> dict[str, str]:
    """The pinned SHA-256 of every file, keyed ``dataset/split`` (used in cache keys)."""
    return {
        f"{name}/{split}": f.sha256
        for name in datasets
        for split, f in DATASETS[name].items()
    }
