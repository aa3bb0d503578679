"""The code layout issue 14 asks for: no module of ``src/helpers`` over 500 lines.

(Short notebook cells, no definitions and no mid-notebook imports are checked in
``tests/test_notebooks.py``.)
"""

from __future__ import annotations

import pytest

from helpers import config

MAX_MODULE_LINES = 500

MODULES = sorted((config.PROJECT_ROOT / "src" / "helpers").rglob("*.py"))
NOTEBOOKS = sorted((config.PROJECT_ROOT / "notebooks").glob("*.ipynb"))


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
