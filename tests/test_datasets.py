"""helpers.datasets: pinned checksums, atomic download, mirror fallback.

Every test replaces the downloader: no test touches the network.
"""

from __future__ import annotations

import hashlib
import re
import urllib.error
from pathlib import Path

import pytest

from helpers import config, datasets
from helpers.errors import DatasetError

GOOD = b'text\tlabel\nmakanan nya enak sekali .\tpositive\n"kata dia" tidak enak\tnegative\n'
URL = "https://example.invalid/smsa/train_preprocess.tsv"


@pytest.fixture
def one_file(monkeypatch):
    """Replace the registry with one small SmSA-like file whose checksum we know."""
    data_file = datasets.DataFile(
        "smsa",
        "train",
        "smsa/train_preprocess.tsv",
        URL,
        hashlib.sha256(GOOD).hexdigest(),
    )
    monkeypatch.setattr(datasets, "DATASETS", {"smsa": {"train": data_file}})
    return data_file


def offline(url, destination, timeout):
    raise urllib.error.URLError("Name or service not known")


def write_mirror(root: Path, content: bytes) -> Path:
    path = root / "smsa" / "train_preprocess.tsv"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    return root


def test_download_is_used_and_verified_when_online(one_file, tmp_path, monkeypatch):
    monkeypatch.delenv(config.DATA_MIRROR_ENV, raising=False)
    calls = []

    def online(url, destination, timeout):
        calls.append((url, timeout))
        Path(destination).write_bytes(GOOD)

    paths = datasets.dataset_files(
        ["smsa"], cache_dir=tmp_path / "cache", downloader=online
    )
    assert paths["smsa", "train"].read_bytes() == GOOD
    assert calls == [(URL, datasets.NETWORK_TIMEOUT_S)]
    # A second call is served from the verified cache: no download.
    datasets.dataset_files(["smsa"], cache_dir=tmp_path / "cache", downloader=online)
    assert len(calls) == 1


def test_checksum_mismatch_from_the_mirror_is_refused(one_file, tmp_path, monkeypatch):
    mirror = write_mirror(tmp_path / "mirror", GOOD.replace(b"enak", b"ENAK"))
    monkeypatch.setenv(config.DATA_MIRROR_ENV, str(mirror))
    with pytest.raises(DatasetError, match="checksum mismatch"):
        datasets.dataset_files(
            ["smsa"], cache_dir=tmp_path / "cache", downloader=offline
        )
    assert not (tmp_path / "cache" / "smsa" / "train_preprocess.tsv").exists()


def test_a_tampered_download_is_refused_and_leaves_no_file(
    one_file, tmp_path, monkeypatch
):
    monkeypatch.delenv(config.DATA_MIRROR_ENV, raising=False)

    def tampered(url, destination, timeout):
        Path(destination).write_bytes(b"<html>captive portal</html>")

    with pytest.raises(DatasetError, match="checksum mismatch"):
        datasets.dataset_files(
            ["smsa"], cache_dir=tmp_path / "cache", downloader=tampered
        )
    assert list((tmp_path / "cache").rglob("*")) == [tmp_path / "cache" / "smsa"]


def test_a_broken_transfer_leaves_no_file_that_looks_valid(
    one_file, tmp_path, monkeypatch
):
    monkeypatch.delenv(config.DATA_MIRROR_ENV, raising=False)

    def broken(url, destination, timeout):
        Path(destination).write_bytes(GOOD[:10])
        raise TimeoutError("read timed out")

    with pytest.raises(DatasetError):
        datasets.dataset_files(
            ["smsa"], cache_dir=tmp_path / "cache", downloader=broken
        )
    assert [p for p in (tmp_path / "cache").rglob("*") if p.is_file()] == []


def test_mirror_fallback_works_offline(one_file, tmp_path, monkeypatch):
    mirror = write_mirror(tmp_path / "mirror", GOOD)
    monkeypatch.setenv(config.DATA_MIRROR_ENV, str(mirror))
    paths = datasets.dataset_files(
        ["smsa"], cache_dir=tmp_path / "cache", downloader=offline
    )
    assert (
        paths["smsa", "train"] == tmp_path / "cache" / "smsa" / "train_preprocess.tsv"
    )
    assert paths["smsa", "train"].read_bytes() == GOOD


def test_offline_without_mirror_gives_one_clear_error(one_file, tmp_path, monkeypatch):
    monkeypatch.delenv(config.DATA_MIRROR_ENV, raising=False)
    with pytest.raises(DatasetError) as error:
        datasets.dataset_files(
            ["smsa"], cache_dir=tmp_path / "cache", downloader=offline
        )
    message = str(error.value)
    assert "DATA_MIRROR" in message and "online" in message
    assert "download failed" in message


def test_network_is_tried_once_then_skipped(monkeypatch, tmp_path):
    """Offline: one failed request, not one timeout per file."""
    monkeypatch.delenv(config.DATA_MIRROR_ENV, raising=False)
    calls = []

    def counting_offline(url, destination, timeout):
        calls.append(url)
        raise urllib.error.URLError("offline")

    with pytest.raises(DatasetError):
        datasets.dataset_files(
            ["nusax", "smsa"], cache_dir=tmp_path, downloader=counting_offline
        )
    assert len(calls) == 1


def test_corrupt_cache_is_replaced_by_a_good_copy(one_file, tmp_path, monkeypatch):
    cached = tmp_path / "cache" / "smsa" / "train_preprocess.tsv"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"corrupt")
    mirror = write_mirror(tmp_path / "mirror", GOOD)
    monkeypatch.setenv(config.DATA_MIRROR_ENV, str(mirror))
    with pytest.warns(UserWarning, match="checksum mismatch"):
        paths = datasets.dataset_files(
            ["smsa"], cache_dir=tmp_path / "cache", downloader=offline
        )
    assert paths["smsa", "train"].read_bytes() == GOOD


def test_relative_mirror_resolves_against_cwd_then_project_root(tmp_path, monkeypatch):
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(config.DATA_MIRROR_ENV, "here")
    assert datasets.mirror_dir() == tmp_path / "here"
    monkeypatch.setenv(config.DATA_MIRROR_ENV, "data/external")
    assert datasets.mirror_dir() == config.PROJECT_ROOT / "data" / "external"
    monkeypatch.setenv(config.DATA_MIRROR_ENV, "")
    assert datasets.mirror_dir() is None


def test_smsa_is_read_with_quoting_disabled(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text(
        '"kata dia" tidak enak\tnegative\nbagus\tpositive\n', encoding="utf-8"
    )
    table = datasets.read_split(path, "smsa")
    assert table["text"].tolist() == ['"kata dia" tidak enak', "bagus"]
    assert table["label"].tolist() == ["negative", "positive"]


def test_pinned_registry_matches_the_mirror_readme():
    """Every pinned file's checksum and commit equal the mirror README's table and URLs."""
    from helpers.datasets import mirror_dir

    mirror = mirror_dir()
    assert mirror is not None, (
        "DATA_MIRROR must be set for the test suite (conftest sets it)"
    )
    readme = (mirror / "README.md").read_text(encoding="utf-8")
    documented = dict(
        re.findall(
            r"^\|\s*([\w.-]+/[\w.-]+)\s*\|\s*([0-9a-f]{64})\s*\|", readme, re.MULTILINE
        )
    )
    files = [
        f for split_files in datasets.DATASETS.values() for f in split_files.values()
    ]
    assert len(files) == 9
    assert {f.relative_path: f.sha256 for f in files} == documented
    for f in files:
        commit = re.search(r"/([0-9a-f]{40})/", f.url).group(1)
        assert commit in readme, (
            f"{f.relative_path}: pinned commit {commit} not in the mirror README"
        )


# --- missing or corrupt data fails the run (no silent skips) -----------------------


def test_a_wrong_pinned_checksum_names_the_file_and_both_checksums(
    tmp_path, monkeypatch
):
    mirror = write_mirror(tmp_path / "mirror", GOOD)
    monkeypatch.setenv(config.DATA_MIRROR_ENV, str(mirror))
    wrong = "0" * 64
    monkeypatch.setattr(
        datasets,
        "DATASETS",
        {
            "smsa": {
                "train": datasets.DataFile(
                    "smsa", "train", "smsa/train_preprocess.tsv", URL, wrong
                )
            }
        },
    )
    with pytest.raises(DatasetError) as error:
        datasets.dataset_files(
            ["smsa"], cache_dir=tmp_path / "cache", downloader=offline
        )
    message = str(error.value)
    assert (
        "smsa/train_preprocess.tsv" in message and f"pinned SHA-256 {wrong}" in message
    )
    assert hashlib.sha256(GOOD).hexdigest() in message  # what the file really hashes to


def test_data_is_required_under_ci_or_with_a_mirror(monkeypatch):
    import conftest

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv(config.DATA_MIRROR_ENV, raising=False)
    assert not conftest.data_required()
    monkeypatch.setenv("CI", "true")
    assert conftest.data_required()
    monkeypatch.delenv("CI")
    monkeypatch.setenv(config.DATA_MIRROR_ENV, "/somewhere")
    assert conftest.data_required()
    with pytest.raises(pytest.fail.Exception, match="datasets required"):
        conftest.require_datasets(DatasetError("smsa/train: checksum mismatch"))
    monkeypatch.delenv(config.DATA_MIRROR_ENV)
    with pytest.raises(pytest.skip.Exception, match="neither CI nor DATA_MIRROR"):
        conftest.require_datasets(DatasetError("offline"))


def test_session_start_stops_the_run_when_required_data_is_bad(monkeypatch):
    import conftest

    def refuse(names, **_):
        raise DatasetError(
            "smsa/train (smsa/train_preprocess.tsv, pinned SHA-256 abc): no such file"
        )

    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(datasets, "dataset_files", refuse)
    with pytest.raises(
        pytest.exit.Exception, match="train_preprocess.tsv, pinned SHA-256 abc"
    ):
        conftest.pytest_sessionstart(None)
