"""Project paths and constants, all derived from the package location.

Notebooks and helpers never hard-code ``../data``: every path comes from here, so the
code behaves the same whether the kernel runs in ``notebooks/``, the project root or
a temporary folder (papermill and nbconvert use different working directories).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import OptionError

#: The repository root: ``src/helpers/config.py`` -> parents[2]. The package is
#: installed in editable mode (``pip install -e .``), so this is the checkout.
PROJECT_ROOT = Path(__file__).resolve().parents[2]

DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
#: Environment variable that moves the downloaded-data cache (default ``data/external``):
#: a cache shared between checkouts, or an empty folder to run as a fresh offline clone.
EXTERNAL_DIR_ENV = "DATA_CACHE"
EXTERNAL_DIR = (
    Path(os.environ[EXTERNAL_DIR_ENV]).expanduser().resolve()
    if os.environ.get(EXTERNAL_DIR_ENV, "").strip()
    else DATA_DIR / "external"
)
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"

#: The default article (a copy of ``shared/seed``; never written by code).
DEFAULT_ARTICLE = RAW_DIR / "tampang-2024-06-21-putin-kim-pact.txt"

#: The Jupyter kernel that ``make`` registers inside ``.venv``.
KERNEL_NAME = "indonesian-news"

#: Fixed seed used by every stochastic step (NMF init, bootstraps, model training).
RANDOM_SEED = 20240621

#: The three sentiment labels, in the order every probability column uses. Defined
#: here once; datasets, newsset, sentiment and plots import it.
LABELS = ("negative", "neutral", "positive")

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


# --- input limits -------------------------------------------------------------------

#: Prefix of the environment variables that change a limit, e.g.
#: ``INDONESIAN_NEWS_MAX_TOKEN_CHARS=1000 make report ARTICLE=...``.
LIMIT_ENV_PREFIX = "INDONESIAN_NEWS_"


@dataclass(frozen=True)
class Limits:
    """What an article may hold before it is refused up front (``load_article``).

    Every default is far above a news article and refuses, in one line, what would
    stall ``make report`` for minutes: a whole corpus in one file, a text with no
    paragraph breaks, pasted data such as a base64 image (README "Input limits" has
    the measurements). Change one with the environment variable
    ``INDONESIAN_NEWS_<NAME>`` (upper case), for example
    ``INDONESIAN_NEWS_MAX_PARAGRAPHS=1000 make report ARTICLE=...``.

    Attributes:
        max_bytes: largest file, in bytes (a long news article is under 50 kB).
        max_paragraphs: most body paragraphs (a long article has under 100, and
            "hundreds of paragraphs" must work; the report's time grows with them:
            160 paragraphs took over two minutes on a busy two-core machine).
        max_paragraph_chars: longest paragraph, in characters (news paragraphs
            are under 2,000).
        max_token_chars: longest token, in characters (the longest Indonesian words
            and ordinary URLs are far shorter; a longer token is pasted data, and it
            would be drawn in every figure that labels terms: one of 200,000 letters
            made a 17 MB figure and a 2.5-minute report).
    """

    max_bytes: int = 500_000
    max_paragraphs: int = 1_000
    max_paragraph_chars: int = 20_000
    max_token_chars: int = 300

    @staticmethod
    def env_name(name: str) -> str:
        """The environment variable that sets limit ``name``."""
        return LIMIT_ENV_PREFIX + name.upper()


def limits() -> Limits:
    """The limits in force: :class:`Limits` defaults, each overridden by its
    environment variable when set (read on every call, so a notebook sees a change).

    Raises :class:`~helpers.errors.OptionError` for a value that is not a positive
    whole number.
    """
    values = {}
    for item in fields(Limits):
        variable = Limits.env_name(item.name)
        raw = os.environ.get(variable, "").strip().replace("_", "")
        if not raw:
            continue
        if not raw.isdigit() or int(raw) <= 0:
            raise OptionError(
                f"{variable}={os.environ[variable]!r} is not a positive whole number. "
                f"Fix: set it to a number such as {getattr(Limits(), item.name)} (the default), "
                "or unset it."
            )
        values[item.name] = int(raw)
    return Limits(**values)
