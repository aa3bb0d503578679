"""ruff's lint rules and formatting (pyproject.toml) hold for the package and the tests.

`make lint` runs the same check; having it here too means `make test` catches a lint
error before a change lands.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from helpers import config


def _ruff() -> str:
    # The pinned ruff from the dev extras, installed next to this Python.
    found = Path(sys.executable).with_name("ruff")
    return str(found) if found.exists() else (shutil.which("ruff") or "ruff")


def test_ruff_check_passes():
    result = subprocess.run(
        [_ruff(), "check", "--no-cache", "src", "tests"],
        cwd=config.PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (
        "ruff check failed; run `.venv/bin/ruff check --fix src tests` and fix the rest:\n"
        + result.stdout
    )


def test_ruff_format_leaves_the_code_unchanged():
    result = subprocess.run(
        [_ruff(), "format", "--check", "--no-cache", "src", "tests"],
        cwd=config.PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (
        "ruff format would change these files; run `.venv/bin/ruff format src tests`:\n"
        + result.stdout
    )
