"""The reports and JupyterLab, in a real browser (Playwright driving Debian's chromium).

No browser is downloaded: Playwright's Python package drives ``/usr/bin/chromium``
(``.ci/run`` installs the Debian package). A missing browser fails these tests with
the fix; they never skip quietly.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from helpers import config
from helpers.report import notebook_paths

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
GENERIC_ALT = "No description has been provided for this image"
#: HTML tags that must never be shown to readers as text (a sanitizer gone wrong).
LITERAL_TAG = re.compile(
    r"</?(p|h[1-6]|table|thead|tbody|tr|th|td|caption|style|ul|ol|li|div|img|strong)\b[^>]*>"
)

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; .ci/run does)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"]
        )
        yield launched
        launched.close()


def _open(browser, url: str):
    """A page at ``url`` with its console errors and any request to another host recorded."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    problems: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"console {m.type}: {m.text}")
            if m.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def route(request_route):
        scheme = urlparse(request_route.request.url).scheme
        if scheme in ("file", "data"):
            request_route.continue_()
        else:  # reports are self-contained: nothing may come from the network
            problems.append(f"network request: {request_route.request.url}")
            request_route.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="load")
    return page, problems


def _check_images(page) -> list[str]:
    images = page.evaluate(
        "Array.from(document.images).map(i => ({src: i.src.slice(0, 40), alt: i.alt,"
        " ok: i.complete && i.naturalWidth > 0}))"
    )
    bad = [f"not loaded: {i['src']}" for i in images if not i["ok"]]
    bad += [
        f"alt text {i['alt']!r}"
        for i in images
        if len(i["alt"].strip()) < 12 or GENERIC_ALT in i["alt"]
    ]
    return bad


def _check_links(page, html_path: Path, *, fragments_only: bool) -> list[str]:
    links = page.evaluate(
        "Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))"
    )
    bad = []
    for href in links:
        if href.startswith("#"):
            # a browser tries the decoded fragment, then the raw one (nbconvert's
            # heading ids are percent-encoded)
            found = page.evaluate(
                "ids => ids.some(id => document.getElementById(id) !== null)",
                [unquote(href[1:]), href[1:]],
            )
            if not found:
                bad.append(f"{html_path.name}: {href} points nowhere")
        elif not fragments_only and not urlparse(href).scheme:
            target = (html_path.parent / unquote(href.split("#")[0])).resolve()
            if not target.is_file():
                bad.append(f"{html_path.name}: {href} is missing")
    return bad


def test_reader_reports_and_index_read_cleanly_in_a_browser(seed_report, browser):
    reports = seed_report["reports"]
    headline = "Putin-Kim Jong Un Makin Mesra"
    problems: list[str] = []
    index = reports / "index.html"
    page, errors = _open(browser, index.as_uri())
    problems += errors + _check_links(page, index, fragments_only=False)
    links = set(
        page.evaluate(
            "Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))"
        )
    )
    for notebook in notebook_paths():
        assert {f"{notebook.stem}.html", f"with-code/{notebook.stem}.html"} <= links, (
            notebook.name
        )
    assert headline in page.title() or headline in page.inner_text("h1")
    page.close()
    for notebook in notebook_paths():
        html_path = reports / f"{notebook.stem}.html"
        page, errors = _open(browser, html_path.as_uri())
        problems += [f"{notebook.name}: {e}" for e in errors]
        problems += [f"{notebook.name}: {e}" for e in _check_images(page)]
        problems += _check_links(page, html_path, fragments_only=True)
        code_cells = page.evaluate(
            "document.querySelectorAll('.jp-CodeCell .jp-InputArea').length"
        )
        if code_cells:
            problems.append(
                f"{notebook.name}: {code_cells} code cells in the reader's version"
            )
        text = page.inner_text("body")
        problems += [
            f"{notebook.name}: literal tag {m[0]!r}" for m in LITERAL_TAG.finditer(text)
        ][:3]
        if headline not in page.title():
            problems.append(
                f"{notebook.name}: title {page.title()!r} lacks the headline"
            )
        page.close()
    assert problems == []


# --- JupyterLab ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on a copy of notebook 03 whose outputs go to tmp_path."""
    root = tmp_path / "lab"
    root.mkdir()
    source = config.NOTEBOOKS_DIR / "03-paragraph-sentiment.ipynb"
    notebook = root / source.name
    shutil.copy(source, notebook)
    port, token = _free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            f"--port={port}",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            "--LabApp.expose_app_in_browser=True",
            "--ServerApp.open_browser=False",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=root,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("JupyterLab did not start within 90 s")
            time.sleep(0.5)
    try:
        yield {
            "base": base,
            "token": token,
            "notebook": notebook,
            "out": tmp_path / "out",
        }
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def _point_outputs_at(notebook: Path, folder: Path) -> None:
    # Like a user editing the parameters cell before opening: keep the repository's
    # data/processed/ out of the test. Stored in JupyterLab's form, as the original.
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = re.sub(r'output_dir = ""', f'output_dir = "{folder}"', cell.source)
    notebook.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def test_jupyterlab_opens_runs_and_exports_notebook_03(lab, browser):
    notebook: Path = lab["notebook"]
    _point_outputs_at(notebook, lab["out"])
    stored = notebook.read_bytes()
    context = browser.new_context(
        accept_downloads=True, viewport={"width": 1400, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{lab['base']}/lab/tree/{notebook.name}?token={lab['token']}")
    page.wait_for_function("window.jupyterapp !== undefined", timeout=90_000)
    # the project kernel is selected from the notebook's metadata, without asking
    page.wait_for_function(
        "(document.querySelector('.jp-Toolbar-kernelName')?.textContent || '')"
        ".includes('indonesian-news')",
        timeout=90_000,
    )
    page.wait_for_function(
        "document.querySelector('.jp-Notebook-ExecutionIndicator')"
        "?.getAttribute('data-status') === 'idle'",
        timeout=90_000,
    )
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function("!document.querySelector('.jp-mod-dirty')", timeout=30_000)
    assert notebook.read_bytes() == stored, (
        "opening and saving the notebook in JupyterLab modified it"
    )

    page.evaluate(
        "() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
    )
    page.wait_for_function(
        "document.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status') === 'idle'"
        " && document.querySelectorAll('.jp-OutputArea-output').length > 0"
        " && !Array.from(document.querySelectorAll('.jp-InputPrompt')).some(p => p.textContent.includes('*'))",
        timeout=600_000,
        polling=1000,
    )
    errors = page.evaluate(
        "Array.from(document.querySelectorAll('.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]'))"
        ".map(e => e.innerText.slice(0, 300))"
    )
    assert errors == [], errors
    assert "Training sentiment model" not in page.inner_text(".jp-Notebook"), (
        "progress left a trace"
    )

    # File → Save and Export Notebook As → HTML, the dialog's defaults (Sanitize HTML ticked)
    downloads = []
    context.on(
        "page", lambda popup: popup.on("download", lambda d: downloads.append(d))
    )
    page.on("download", lambda d: downloads.append(d))
    page.evaluate(
        "() => { window.jupyterapp.commands.execute('notebook:export-to-format',"
        " {format: 'html', label: 'HTML'}); }"
    )
    page.wait_for_selector(".jp-Dialog input[type=checkbox]")
    assert page.is_checked(".jp-Dialog input[type=checkbox]"), (
        "Sanitize HTML is the dialog's default"
    )
    page.click(".jp-Dialog .jp-mod-accept")
    deadline = time.monotonic() + 120
    while not downloads and time.monotonic() < deadline:
        page.wait_for_timeout(500)
    assert downloads, "JupyterLab's export produced no file"
    exported = Path(downloads[0].path()).read_text(encoding="utf-8")
    context.close()

    export_page, problems = _open(browser, "about:blank")
    export_page.set_content(exported, wait_until="load")
    text = export_page.inner_text("body")
    literal = [m[0] for m in LITERAL_TAG.finditer(text)]
    assert literal == [], f"the sanitized export shows tags as text: {literal[:5]}"
    assert export_page.evaluate("document.querySelectorAll('table th').length") > 0, (
        "tables lost their headers"
    )
    assert _check_images(export_page) == []
    assert problems == []
    export_page.close()
