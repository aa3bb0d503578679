"""Tiny notebooks for runner tests: a title, a tagged ``parameters`` cell, one code cell."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

SEED_PARAMETERS = (
    'article_path = "data/raw/tampang-2024-06-21-putin-kim-pact.txt"\noutput_dir = ""'
)


def write_notebook(
    path: Path,
    code: str,
    *,
    title: str = "Question: a test notebook.",
    parameters: str = SEED_PARAMETERS,
) -> Path:
    """Write the notebook to ``path`` (folders made as needed) and return ``path``."""
    cell = new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[new_markdown_cell(title), cell, new_code_cell(code)])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path
