"""Project paths and constants, all derived from the package location.

Notebooks and helpers never hard-code ``../data``: every path comes from here, so the
code behaves the same whether the kernel runs in ``notebooks/``, the project root or
a temporary folder (papermill and nbconvert use different working directories).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

#: The repository root: ``src/helpers/config.py`` -> parents[2]. The package is
#: installed in editable mode (``pip install -e .``), so this is the checkout.
PROJECT_ROOT = Path(__file__).resolve().parents[2]

DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
EXTERNAL_DIR = DATA_DIR / "external"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"

#: The default article (a copy of ``shared/seed``; never written by code).
DEFAULT_ARTICLE = RAW_DIR / "tampang-2024-06-21-putin-kim-pact.txt"

#: The Jupyter kernel that ``make`` registers inside ``.venv``.
KERNEL_NAME = "indonesian-news"

#: Fixed seed used by every stochastic step (NMF init, bootstraps, model training).
RANDOM_SEED = 20240621

#: Environment variable naming a local folder laid out like ``shared/datasets``.
DATA_MIRROR_ENV = "DATA_MIRROR"

_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def resolve_article(path: str | os.PathLike | None = None) -> Path:
    """Return an absolute article path; relative paths are taken from the project root.

    ``None`` or an empty string means the default article. A relative path is first
    tried against the current directory (what a shell user means), then against the
    project root (what a notebook parameter such as ``data/raw/x.txt`` means).
    """
    if path is None or str(path).strip() == "":
        return DEFAULT_ARTICLE
    return resolve_path(path)


def resolve_path(path: str | os.PathLike) -> Path:
    """An absolute path for a user-given path: as given when absolute, else from the
    current directory when it exists there, else from the project root.

    Notebooks run with the current directory set to ``notebooks/`` (nbconvert) or the
    caller's (papermill), so project-relative paths must work from anywhere.
    """
    candidate = Path(path).expanduser()
    if candidate.is_absolute():
        return candidate
    if candidate.exists():
        return candidate.resolve()
    return (PROJECT_ROOT / candidate).resolve()


def slug_for(path: str | os.PathLike) -> str:
    """The output folder name for an article: its file stem, made filesystem-safe.

    >>> slug_for("data/raw/tampang-2024-06-21-putin-kim-pact.txt")
    'tampang-2024-06-21-putin-kim-pact'
    """
    stem = Path(path).stem
    slug = _SLUG_UNSAFE.sub("-", stem).strip("-.")
    if not slug:
        raise ValueError(
            f"Cannot derive an output folder name from {str(path)!r}; "
            "rename the article file to something with letters or digits."
        )
    return slug


def processed_dir(article_path: str | os.PathLike) -> Path:
    """``data/processed/<slug>/`` for an article (not created here)."""
    return PROCESSED_DIR / slug_for(article_path)


def report_dir(article_path: str | os.PathLike) -> Path:
    """``reports/<slug>/`` for an article (not created here)."""
    return REPORTS_DIR / slug_for(article_path)
