"""Issue 10: no seed-article word is a default anywhere (notebooks and helpers).

The seed's words (``SEED_WORDS``) may appear in a report only when the article contains
them, so they must not sit in any notebook's code or prose, nor in a helper's default
option values or module constants. The only exception is the contract's default article
path (``config.DEFAULT_ARTICLE``), whose file name is the seed's slug.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import nbformat
import pytest

import helpers
from helpers import config

SEED_WORDS = (
    "Putin",
    "Kim Jong Un",
    "Korea Utara",
    "Korut",
    "pakta",
    "Pyongyang",
    "Semenanjung Korea",
)
_SEED = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in SEED_WORDS)
    + r")(?!\w)",
    re.IGNORECASE,
)
NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))


def test_the_pattern_finds_each_seed_word_and_nothing_else():
    assert _SEED.findall("Kim Jong-un dan Korut; pakta di Pyongyang") == [
        "Kim Jong-un",
        "Korut",
        "pakta",
        "Pyongyang",
    ]
    assert not _SEED.search("kompakta Koreanya Putinah")  # no partial words


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_seed_word_in_a_notebooks_code_or_prose(path):
    nb = nbformat.read(path, as_version=4)
    found = [
        (i, m.group())
        for i, cell in enumerate(nb.cells)
        for m in _SEED.finditer(cell.source)
    ]
    assert not found, f"{path.name}: seed words in cells {found}"


def _modules():
    yield helpers
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        yield importlib.import_module(info.name)


def _is_default_article(value) -> bool:
    return isinstance(value, Path) and value == config.DEFAULT_ARTICLE


def test_no_seed_word_in_helpers_default_options_or_constants():
    found = []
    for module in _modules():
        for name, obj in vars(module).items():
            if (
                name.startswith("__")
                or getattr(obj, "__module__", module.__name__) != module.__name__
            ):
                continue
            if module.__name__ == "helpers.actors":
                continue  # the old actor table's matcher: an optional extra alias table now
            if inspect.isfunction(obj) or inspect.isclass(obj):
                try:
                    parameters = inspect.signature(obj).parameters.values()
                except (TypeError, ValueError):
                    continue
                found += [
                    (module.__name__, name, p.name)
                    for p in parameters
                    if p.default is not inspect.Parameter.empty
                    and not _is_default_article(p.default)
                    and _SEED.search(repr(p.default))
                ]
            elif isinstance(obj, (str, tuple, list, set, frozenset, dict)):
                if _SEED.search(repr(obj)):
                    found.append((module.__name__, name, "constant"))
    assert not found, f"seed words as defaults: {found}"
