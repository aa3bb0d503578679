"""Shared fixtures: the seed article, small article writers, and one full report run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import config

SHARED_DATASETS = config.PROJECT_ROOT.parent / "shared" / "datasets"


def data_required() -> bool:
    """True when missing or corrupt datasets must fail the run instead of skipping:
    under CI (``CI=true``) or whenever ``DATA_MIRROR`` names a mirror."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"} or bool(
        os.environ.get(config.DATA_MIRROR_ENV, "").strip()
    )


def pytest_sessionstart(session):
    # Tests and notebooks need the labelled datasets. CI sets DATA_MIRROR; on a
    # developer machine fall back to the workplace mirror when it is there.
    if not os.environ.get(config.DATA_MIRROR_ENV) and SHARED_DATASETS.is_dir():
        os.environ[config.DATA_MIRROR_ENV] = str(SHARED_DATASETS)
    os.environ.setdefault("MPLBACKEND", "Agg")
    if data_required():
        # Verify every pinned file once, up front: a missing file or a wrong checksum
        # stops the run with the DatasetError (it names each file and both checksums)
        # instead of letting data-dependent tests skip and the run stay green.
        from helpers import datasets
        from helpers.errors import DatasetError

        try:
            datasets.dataset_files(tuple(datasets.DATASETS))
        except DatasetError as error:
            pytest.exit(
                f"Datasets required (CI or DATA_MIRROR set) but not usable: {error}",
                returncode=1,
            )


def require_datasets(error: Exception) -> None:
    """Fail on a dataset error when data is required, else skip with the reason
    (shown by ``pytest -rs``). Call it from an ``except DatasetError`` block."""
    if data_required():
        pytest.fail(
            f"datasets required (CI or DATA_MIRROR set): {error}", pytrace=False
        )
    pytest.skip(
        f"labelled datasets unavailable and neither CI nor DATA_MIRROR is set: {error}"
    )


#: A clearly positive and a clearly negative review sentence (sentiment tests).
POSITIVE = (
    "Pelayanannya sangat ramah, makanannya enak sekali dan harganya murah. Saya puas!"
)
NEGATIVE = "Pelayanannya buruk sekali, makanannya basi dan mahal. Saya kecewa dan tidak akan kembali."


@pytest.fixture(scope="session")
def model():
    """The deployed sentiment model (cached; trained once when missing)."""
    from helpers import sentiment
    from helpers.errors import DatasetError

    try:
        return sentiment.load_or_train_model(progress=False)
    except (
        DatasetError
    ) as error:  # fails under CI or with a mirror; skips (-rs) only otherwise
        require_datasets(error)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return config.DEFAULT_ARTICLE


@pytest.fixture
def write_article(tmp_path):
    """Write text (str) or bytes to a file in a temporary folder and return its path."""

    def _write(content, name: str = "article.txt") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    """Run every notebook once on the seed article into temporary output roots.

    Returns a dict with ``processed`` and ``reports`` folders for the seed's slug and
    the executed notebooks' timings. Shared by every end-to-end assertion.
    """
    from helpers.report import run_report

    root = tmp_path_factory.mktemp("seed-report")
    timings = run_report(
        config.DEFAULT_ARTICLE,
        processed_root=root / "processed",
        reports_root=root / "reports",
        executed_dir=root / "executed",
        log=lambda *_: None,
    )
    slug = config.slug_for(config.DEFAULT_ARTICLE)
    return {
        "processed": root / "processed" / slug,
        "reports": root / "reports" / slug,
        "executed": root / "executed",
        "timings": timings,
        "root": root,
    }
