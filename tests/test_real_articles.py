"""Issue 10: the analysis notebooks on six real IndoSum articles that are not the seed.

The articles (``shape_runs.REAL_ARTICLES``) come from six outlets and five categories
(politics, international, sport, technology, showbiz, plus a travel report on a national
park). Each is run through the ``make report`` runner once per session, with the other
shapes. The checks are the ones a reader makes:

- no word of the seed's story (``shape_runs.SEED_WORDS``) appears in a report unless the
  article itself contains it;
- no generated sentence is broken (a ``nan``, an unfilled ``{placeholder}``, a doubled
  space, a space before a full stop, empty brackets) and no output is printed empty;
- each article's ``entities.csv`` names its main actors among its top 8 entities (the
  actors were written down from reading the article, before the entity finder ran).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nbformat
import pandas as pd
import pytest

import shape_runs
from helpers import load_article

pytestmark = pytest.mark.notebook

REAL = {real.name: real for real in shape_runs.REAL_ARTICLES}

#: The columns CONTRACT.md gives, spelled out here (not imported) so the code is checked against them.
ENTITY_COLUMNS = "entity kind mentions paragraphs aliases first_paragraph".split()

#: Generated text that is broken, whatever the article (pattern, what is wrong). The
#: first three apply to tables too; the rest only to prose (Markdown and printed text),
#: since the visible text of a table joins its cells with spaces.
BROKEN = [
    (r"\bnan\b", "a missing value printed as 'nan'"),
    (r"\bNone\b", "a missing value printed as 'None'"),
    (r"\{[A-Za-z_][A-Za-z_0-9]*\}", "an unfilled {placeholder}"),
]
BROKEN_PROSE = [
    (r"\S  +\S", "a doubled space (an empty value between two words)"),
    (r"\s[.,;:](\s|$)", "a space before punctuation (an empty value before it)"),
    (r"\(\s*\)|\[\s*\]", "empty brackets"),
    (r"(?:^|\s)\*\*\s*\*\*(?:\s|$|[.,;:])", "empty bold markup"),
]


@pytest.fixture(scope="module")
def runs():
    return shape_runs.run_all()


class _Text(HTMLParser):
    """The visible text of an HTML page (scripts and styles left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if name in {"alt", "title", "aria-label"} and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return " ".join(parser.parts)


def report_pages(run) -> dict[str, str]:
    """Every HTML page of the article's report (reader and with-code versions)."""
    pages = sorted(run.reports.rglob("*.html"))
    assert pages, f"{run.name}: no HTML report in {run.reports}"
    return {
        str(p.relative_to(run.reports)): visible_text(p.read_text(encoding="utf-8"))
        for p in pages
    }


def generated_outputs(run) -> list[tuple[str, int, str, bool]]:
    """(notebook, cell index, text, is_prose) of every text the notebooks printed."""
    found = []
    for notebook in shape_runs.ANALYSIS_NOTEBOOKS:
        nb = nbformat.read(run.executed / notebook.name, as_version=4)
        for index, cell in enumerate(nb.cells):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "text/markdown" in data:
                    found.append((notebook.name, index, data["text/markdown"], True))
                elif output.get("output_type") == "stream":
                    found.append((notebook.name, index, output.get("text", ""), True))
                elif "text/html" in data:
                    found.append(
                        (notebook.name, index, visible_text(data["text/html"]), False)
                    )
    return found


def test_the_articles_are_real_indosum_articles_from_six_outlets(runs):
    outlets = {real.outlet for real in REAL.values()}
    categories = {real.category for real in REAL.values()}
    assert len(REAL) >= 6 and len(outlets) == len(REAL) and len(categories) >= 5
    for real in REAL.values():
        article = load_article(runs[real.name].article)
        assert article.n_paragraphs >= 5, real.name


@pytest.mark.parametrize("name", sorted(REAL))
def test_report_runs_clean(runs, name):
    run = runs[name]
    assert run.returncode == 0, f"{name}: the runner failed:\n{run.stderr[-3000:]}"
    for notebook in shape_runs.ANALYSIS_NOTEBOOKS:
        assert shape_runs.notebook_problems(run.executed / notebook.name) == [], (
            notebook.name
        )


@pytest.mark.parametrize("name", sorted(REAL))
def test_no_seed_word_unless_the_article_has_it(runs, name):
    run = runs[name]
    article_text = run.article.read_text(encoding="utf-8")
    absent = [
        w
        for w in shape_runs.SEED_WORDS
        if not re.search(rf"\b{re.escape(w)}\b", article_text, re.I)
    ]
    assert absent, (
        f"{name}: the article contains every seed word, so this test checks nothing"
    )
    leaks = []
    for page, text in report_pages(run).items():
        for word in absent:
            for hit in re.finditer(rf"\b{re.escape(word)}\b", text, re.I):
                leaks.append(
                    f"{page}: {word!r} in …{text[max(0, hit.start() - 60) : hit.end() + 60]}…"
                )
    assert leaks == [], "\n".join(leaks[:20])


@pytest.mark.parametrize("name", sorted(REAL))
def test_no_broken_or_empty_generated_text(runs, name):
    problems = []
    for notebook, index, text, is_prose in generated_outputs(runs[name]):
        plain = html.unescape(text)
        if not plain.strip():
            problems.append(f"{notebook} cell {index}: an output printed empty")
            continue
        for line in plain.splitlines():
            if line.lstrip().startswith("|"):  # a Markdown table row: cells are padded
                continue
            for pattern, what in BROKEN + (BROKEN_PROSE if is_prose else []):
                if re.search(pattern, line.strip()):
                    problems.append(
                        f"{notebook} cell {index}: {what}: {line.strip()[:200]!r}"
                    )
    assert problems == [], "\n".join(problems[:30])


def _names(row) -> set[str]:
    aliases = row["aliases"] if isinstance(row["aliases"], str) else ""
    # aliases read "Mourinho (7); Jose Mourinho (1)": each form with its count
    forms = [re.sub(r"\s*\(\d+\)$", "", a) for a in re.split(r"\s*;\s*", aliases)]
    names = {row["entity"], *forms}
    return {n.strip().casefold() for n in names if n and n.strip()}


@pytest.mark.parametrize("name", sorted(REAL))
def test_entities_csv_has_the_main_actors_in_its_top_8(runs, name):
    run = runs[name]
    table = pd.read_csv(run.processed / "entities.csv")
    assert table.columns.tolist() == ENTITY_COLUMNS
    assert table["entity"].is_unique
    assert table["mentions"].is_monotonic_decreasing
    assert (table["mentions"] >= table["paragraphs"]).all() and (
        table["paragraphs"] >= 1
    ).all()
    top = [_names(row) for _, row in table.head(8).iterrows()]
    missing = [
        actor[0]
        for actor in REAL[name].expected
        if not any({a.casefold() for a in actor} & names for names in top)
    ]
    assert missing == [], (
        f"{name}: not in the top 8 entities: {missing}\n{table.head(8).to_string()}"
    )


@pytest.mark.parametrize("name", sorted(REAL))
def test_figure_alt_texts_give_numbers_as_a_reader_would(runs, name):
    """Alt text is read aloud: a paragraph is "paragraph 6", not "6.0"; a score has one
    decimal, not "38.3637"."""
    run = runs[name]
    odd = []
    for page in sorted(run.reports.rglob("*.html")):
        for alt in re.findall(r'alt="([^"]*)"', page.read_text(encoding="utf-8")):
            alt = html.unescape(alt)
            if re.search(r"\d+\.\d{3,}|\b(?:paragraph|sentence)s? \d+\.0\b", alt):
                odd.append(f"{page.name}: {alt[:200]}")
    assert odd == [], "\n".join(odd)
