"""Shared fixtures: the seed article, small article writers, and one full report run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import config

SHARED_DATASETS = config.PROJECT_ROOT.parent / "shared" / "datasets"




def pytest_sessionstart(session):
    # Tests and notebooks need the labelled datasets. CI sets DATA_MIRROR; on a
    # developer machine fall back to the workplace mirror when it is there.
    if not os.environ.get(config.DATA_MIRROR_ENV) and SHARED_DATASETS.is_dir():
        os.environ[config.DATA_MIRROR_ENV] = str(SHARED_DATASETS)
    os.environ.setdefault("MPLBACKEND", "Agg")


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
    timings = run_report(config.DEFAULT_ARTICLE, processed_root=root / "processed",
                         reports_root=root / "reports", executed_dir=root / "executed",
                         log=lambda *_: None)
    slug = config.slug_for(config.DEFAULT_ARTICLE)
    return {"processed": root / "processed" / slug, "reports": root / "reports" / slug,
            "executed": root / "executed", "timings": timings, "root": root}
