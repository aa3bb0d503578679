"""Register the project kernel and JupyterLab's export settings in this environment.

``python -m helpers.jupyter_setup`` (``make install`` runs it; conda users run it once
after ``conda env create``):

1. registers the ``indonesian-news`` kernel ("Python (indonesian-news)") in the
   environment (``--sys-prefix``), the kernel every notebook names in its metadata,
   so JupyterLab selects it on opening;
2. tells nbconvert, both inside JupyterLab (File → Save and Export Notebook As → HTML)
   and on the command line, to sanitize with :func:`helpers.sanitize.clean_html`,
   so an export with "Sanitize HTML" ticked (the dialog's default) keeps headings,
   paragraphs and tables instead of printing their tags as text, and to use the
   project's ``reader`` template (self-contained, figures with alt text).

The setting is merged into ``<env>/etc/jupyter/jupyter_config.json``; nothing
outside the environment is touched.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import nbformat

from . import config

#: nbconvert settings shared by JupyterLab's server and the nbconvert command line:
#: the Markdown-preserving sanitizer, and the project's self-contained template
#: (no CDN scripts, figure alt text), so an export from JupyterLab matches
#: ``reports/<slug>/with-code/``.
EXPORT_SETTINGS = {
    "TemplateExporter": {"filters": {"clean_html": "helpers.sanitize.clean_html"}},
    "HTMLExporter": {
        "template_name": "reader",
        "extra_template_basedirs": [str(Path(__file__).parent / "templates")],
    },
}
#: The kernel as it appears in each notebook's metadata (what JupyterLab writes).
KERNELSPEC = {
    "display_name": "Python (indonesian-news)",
    "language": "python",
    "name": config.KERNEL_NAME,
}


def settings_file(prefix: str | Path = sys.prefix) -> Path:
    """Where the export setting goes: ``jupyter_config.json``, read by every Jupyter
    application of the environment (the server behind JupyterLab and nbconvert)."""
    return Path(prefix) / "etc" / "jupyter" / "jupyter_config.json"


def install(prefix: str | Path = sys.prefix) -> list[Path]:
    """Register the kernel and merge the export setting into the environment's
    Jupyter configuration (other settings in that file are kept); returns the files
    written."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ipykernel",
            "install",
            "--prefix",
            str(prefix),
            "--name",
            KERNELSPEC["name"],
            "--display-name",
            KERNELSPEC["display_name"],
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    path = settings_file(prefix)
    settings = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for section, values in EXPORT_SETTINGS.items():
        for key, value in values.items():
            if isinstance(value, dict):
                settings.setdefault(section, {}).setdefault(key, {}).update(value)
            else:
                settings.setdefault(section, {})[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(settings, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return [path]


def language_info() -> dict:
    """The ``language_info`` the project kernel reports (what JupyterLab stores)."""
    return {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": platform.python_version(),
    }


#: Cell tag of long reference tables that the reader's report leaves out (the
#: report with code keeps them).
DETAIL_TAG = "detail"
DETAIL_NOTE = (
    "*Long reference tables (every paragraph, every sentence, full word lists) are left out of the "
    "reader's report; the report with code has them.*"
)

#: Cell id of a notebook's table of contents (rewritten by :func:`store_clean`).
CONTENTS_CELL_ID = "contents"


def heading_anchor(text: str) -> str:
    """The link target nbconvert gives a Markdown heading (JupyterLab resolves it
    too): spaces become dashes, other unsafe characters are percent-encoded."""
    return quote(text.replace(" ", "-"), safe="?/:@!$&'()*+,;=")


def table_of_contents(nb) -> str:
    """Markdown list of links to the notebook's level-2 headings (``## ...``)."""
    lines = ["## Contents", ""]
    for cell in nb.cells:
        if cell.cell_type != "markdown" or cell.get("id") == CONTENTS_CELL_ID:
            continue
        for line in cell.source.splitlines():
            if line.startswith("## "):
                text = line[3:].strip()
                plain = re.sub(r"[*_`]", "", text)
                lines.append(f"- [{plain}](#{heading_anchor(plain)})")
    if any(DETAIL_TAG in cell.metadata.get("tags", []) for cell in nb.cells):
        lines += ["", DETAIL_NOTE]
    return "\n".join(lines)


def store_clean(path: str | Path) -> bool:
    """Rewrite a notebook in the form JupyterLab saves it, without outputs.

    Outputs and execution counts are removed, the table of contents (the cell with id
    ``contents``) is rebuilt from the headings, the kernel metadata is the project
    kernel's (so opening the notebook in JupyterLab changes nothing) and the JSON is
    nbformat's own layout. Returns True when the file changed.
    """
    path = Path(path)
    before = path.read_text(encoding="utf-8")
    nb = nbformat.reads(before, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cell.metadata.pop("execution", None)
    for cell in nb.cells:
        if cell.get("id") == CONTENTS_CELL_ID:
            cell.source = table_of_contents(nb)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = language_info()
    after = nbformat.writes(nb) + "\n"
    if after != before:
        path.write_text(after, encoding="utf-8")
    return after != before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store-clean",
        nargs="+",
        metavar="NOTEBOOK",
        default=None,
        help="only rewrite these notebooks clean, in JupyterLab's form",
    )
    args = parser.parse_args(argv)
    if args.store_clean:
        for name in args.store_clean:
            print(f"{'rewrote' if store_clean(name) else 'already clean'}: {name}")
        return 0
    for path in install():
        print(f"wrote {path}")
    print(f"registered kernel {KERNELSPEC['name']!r} ({KERNELSPEC['display_name']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
