"""The code layout issue 14 asks for, kept from regressing.

- no module of ``src/helpers`` is over 500 lines;
- notebook code cells are 15 lines or fewer, define no function or class, and import
  only in the set-up cells before the first analysis cell (the key-findings cell,
  the parameters cell and the set-up cell that follows them).
"""

from __future__ import annotations

import re

import nbformat
import pytest

from helpers import config

MAX_MODULE_LINES = 500
MAX_CELL_LINES = 15
#: Code cells that may import: the key-findings cell, the parameters cell and the
#: set-up cell right after it (notebook 05 has no key-findings cell, so its set-up
#: cell is the second one).
SETUP_CELLS = 3

MODULES = sorted((config.PROJECT_ROOT / "src" / "helpers").rglob("*.py"))
NOTEBOOKS = sorted((config.PROJECT_ROOT / "notebooks").glob("*.ipynb"))
IMPORT = re.compile(r"^\s*(import\s|from\s+\S+\s+import\s)", re.M)
DEFINITION = re.compile(r"^\s*(async\s+)?(def|class)\s", re.M)


def test_the_layout_is_found():
    assert len(MODULES) > 50 and len(NOTEBOOKS) == 5


@pytest.mark.parametrize(
    "module", MODULES, ids=lambda p: str(p.relative_to(config.PROJECT_ROOT))
)
def test_no_module_is_over_500_lines(module):
    n_lines = len(module.read_text(encoding="utf-8").splitlines())
    assert n_lines <= MAX_MODULE_LINES, (
        f"{module.name} has {n_lines} lines; split it into topic modules re-exported "
        f"from the package (at most {MAX_MODULE_LINES} lines each)."
    )


def _code_cells(path):
    notebook = nbformat.read(path, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_cells_are_short_and_define_and_import_nothing_midway(notebook):
    problems = []
    for i, source in enumerate(_code_cells(notebook)):
        n_lines = len(source.splitlines())
        if n_lines > MAX_CELL_LINES:
            problems.append(f"code cell {i} has {n_lines} lines")
        if DEFINITION.search(source):
            problems.append(f"code cell {i} defines a function or class")
        if i >= SETUP_CELLS and IMPORT.search(source):
            problems.append(f"code cell {i} imports after the set-up cells")
    assert problems == [], (
        f"{notebook.name}: " + "; ".join(problems) + ". Move the logic into "
        "src/helpers (with tests) and the imports into the set-up cell."
    )


def test_the_cell_checks_catch_what_they_look_for():
    assert DEFINITION.search("x = 1\ndef f():\n    pass")
    assert DEFINITION.search("class A:\n    pass")
    assert not DEFINITION.search("undefined = 1  # def in a comment is not one")
    assert IMPORT.search("from helpers import prose")
    assert IMPORT.search("  import numpy as np")
    assert not IMPORT.search("important = 1")
