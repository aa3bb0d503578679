"""Every notebook: stored clean, parameterised, and executed top to bottom on the seed.

The seed report is run once per session (``seed_report`` in conftest.py) through the
same runner as ``make report``; these tests read its outputs.
"""

from __future__ import annotations

import ast

import nbformat
import pandas as pd
import pytest

from helpers import config
from helpers.report import notebook_paths

NOTEBOOKS = notebook_paths()
EXPECTED = [
    "01-text-statistics.ipynb",
    "02-tfidf-topics.ipynb",
    "03-paragraph-sentiment.ipynb",
    "04-sentiment-model.ipynb",
]


def test_the_contract_notebooks_exist_in_reading_order():
    names = [p.name for p in NOTEBOOKS]
    assert names == sorted(names)
    assert [n for n in EXPECTED if n in names] == [n for n in EXPECTED]


ALL_NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))
FIX = "fix: .venv/bin/python -m helpers.jupyter_setup --store-clean notebooks/*.ipynb"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    stored = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        and (cell.outputs or cell.execution_count is not None)
    ]
    assert stored == [], f"{path.name}: cells {stored} have stored outputs ({FIX})"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_as_jupyterlab_writes_it(path):
    # Opening a notebook in JupyterLab must not modify it: the project kernel is
    # named (so JupyterLab selects it) and the JSON is nbformat's own layout.
    from helpers.jupyter_setup import KERNELSPEC, language_info

    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    assert nb.metadata["kernelspec"] == KERNELSPEC, FIX
    stored_info = {
        k: v for k, v in nb.metadata.get("language_info", {}).items() if k != "version"
    }
    assert stored_info == {
        k: v for k, v in language_info().items() if k != "version"
    }, FIX
    assert text == nbformat.writes(nb) + "\n", FIX


#: The longest code cell a notebook may have (issue 14: logic lives in src/helpers).
MAX_CELL_LINES = 15


def _cell_tree(source: str) -> ast.Module:
    # IPython magics and shell escapes are not Python; blank them before parsing.
    return ast.parse(
        "\n".join(
            "" if line.lstrip().startswith(("%", "!")) else line
            for line in source.splitlines()
        )
    )


def cell_rule_violations(nb) -> list[str]:
    """Code cells over ``MAX_CELL_LINES`` lines, cells that define a function or a
    class, and imports below the set-up: imports belong in the code cells up to the
    first one after the parameters cell (the first code cell when there is none)."""
    code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    tagged = [
        k for k, (_, c) in enumerate(code) if "parameters" in c.metadata.get("tags", [])
    ]
    last_import_cell = tagged[0] + 1 if tagged else 0
    problems = []
    for k, (i, cell) in enumerate(code):
        n_lines = len(cell.source.splitlines())
        if n_lines > MAX_CELL_LINES:
            problems.append(f"cell {i}: {n_lines} lines (at most {MAX_CELL_LINES})")
        nodes = list(ast.walk(_cell_tree(cell.source)))
        if any(
            isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            for n in nodes
        ):
            problems.append(f"cell {i}: defines a function or class")
        if k > last_import_cell and any(
            isinstance(n, (ast.Import, ast.ImportFrom)) for n in nodes
        ):
            problems.append(f"cell {i}: imports below the set-up cell")
    return problems


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_short_define_nothing_and_import_only_at_the_top(path):
    problems = cell_rule_violations(nbformat.read(path, as_version=4))
    assert problems == [], (
        f"{path.name}: move the logic into src/helpers (with tests): "
        + "; ".join(problems)
    )


def test_the_cell_rules_catch_a_long_cell_a_function_and_a_late_import():
    cells = [
        nbformat.v4.new_code_cell("from helpers import notebook"),
        nbformat.v4.new_code_cell(
            'article_path = ""', metadata={"tags": ["parameters"]}
        ),
        nbformat.v4.new_code_cell("import pandas as pd\n%matplotlib inline"),
        nbformat.v4.new_code_cell("x = 1\n" * (MAX_CELL_LINES + 1)),
        nbformat.v4.new_code_cell("def f():\n    return 1"),
        nbformat.v4.new_code_cell("if True:\n    import numpy"),
        nbformat.v4.new_code_cell("y = [lambda v: v]\n" * MAX_CELL_LINES),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    assert cell_rule_violations(nb) == [
        f"cell 3: {MAX_CELL_LINES + 1} lines (at most {MAX_CELL_LINES})",
        "cell 4: defines a function or class",
        "cell 5: imports below the set-up cell",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_opens_with_a_question_and_a_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    assert (
        nb.cells[0].cell_type == "markdown" and "question" in nb.cells[0].source.lower()
    )
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    namespace: dict = {}
    exec(tagged[0].source, namespace)  # literal assignments only
    assert config.resolve_article(namespace["article_path"]) == config.DEFAULT_ARTICLE
    assert namespace["output_dir"] == ""


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_opens_with_findings_then_contents_and_ends_with_a_glossary(path):
    from helpers.jupyter_setup import table_of_contents
    from helpers.report import FINDINGS_TAG

    nb = nbformat.read(path, as_version=4)
    first = [c.get("id") for c in nb.cells[:4]]
    assert "key-findings" in first and "contents" in first, (
        f"{path.name}: question, key findings, contents first"
    )
    assert FINDINGS_TAG in nb.cells[first.index("key-findings")].metadata.get(
        "tags", []
    )
    contents = nb.cells[first.index("contents")].source
    assert contents == table_of_contents(nb), (
        f"{path.name}: contents out of date ({FIX})"
    )
    assert nb.cells[-1].source.startswith("## Glossary")


@pytest.mark.notebook
def test_key_findings_are_computed_and_reach_the_index(seed_report):
    from helpers.notebook import KeyFindings
    from helpers.report import key_findings

    index = (seed_report["reports"] / "index.html").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        findings = key_findings(
            nbformat.read(seed_report["executed"] / path.name, as_version=4)
        )
        assert findings and KeyFindings.PLACEHOLDER not in findings, path.name
        assert "This notebook has no key-findings list" not in index


@pytest.mark.notebook
def test_every_notebook_ran_and_exported_html(seed_report):
    for path in NOTEBOOKS:
        html = (seed_report["reports"] / f"{path.stem}.html").read_text(
            encoding="utf-8"
        )
        assert len(html) > 10_000
        assert "Traceback" not in html


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_notebook_has_no_errors_warnings_or_stderr(seed_report, path):
    nb = nbformat.read(seed_report["executed"] / path.name, as_version=4)
    problems = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                problems.append((index, "error", output.get("ename")))
            if output.output_type == "stream" and output.name == "stderr":
                problems.append((index, "stderr", output.text[:200]))
            text = output.get("text", "") or output.get("data", {}).get(
                "text/plain", ""
            )
            if "Warning" in str(text) and output.output_type == "stream":
                problems.append((index, "warning", str(text)[:200]))
    assert not problems


@pytest.mark.notebook
def test_paragraphs_csv_follows_the_contract(seed_report):
    table = pd.read_csv(seed_report["processed"] / "paragraphs.csv")
    assert table["paragraph_id"].tolist() == list(range(1, 18))
    assert list(table.columns[:4]) == ["paragraph_id", "text", "n_sentences", "n_words"]
    names = {p.name for p in NOTEBOOKS}
    if "02-tfidf-topics.ipynb" in names:
        assert {"dominant_topic", "topic_weight"} <= set(table.columns)
    if "03-paragraph-sentiment.ipynb" in names:
        assert {
            "sentiment",
            "p_negative",
            "p_neutral",
            "p_positive",
            "sentiment_score",
        } <= set(table.columns)
        probabilities = table[["p_negative", "p_neutral", "p_positive"]].sum(axis=1)
        assert ((probabilities - 1).abs() < 1e-5).all()
        assert (
            (
                table["sentiment_score"] - (table["p_positive"] - table["p_negative"])
            ).abs()
            < 1e-5
        ).all()
        assert set(table["sentiment"]) <= {"negative", "neutral", "positive"}


@pytest.mark.notebook
def test_sentiment_benchmark_csv_follows_the_contract(seed_report):
    table = pd.read_csv(seed_report["processed"] / "sentiment_benchmark.csv")
    assert table.columns.tolist() == [
        "dataset",
        "split",
        "model",
        "macro_f1",
        "accuracy",
        "n",
    ]
    assert {"deployed", "reviews-only", "all-neutral"} <= set(table["model"])
    assert {("smsa", "test"), ("nusax", "test")} <= set(
        zip(table["dataset"], table["split"])
    )
    assert table["macro_f1"].between(0, 1).all() and (table["n"] > 0).all()


@pytest.mark.notebook
def test_report_left_no_staging_folders(seed_report):
    leftovers = [
        p.name
        for p in (seed_report["root"] / "processed").iterdir()
        if p.name.startswith(".")
    ]
    leftovers += [
        p.name
        for p in (seed_report["root"] / "reports").iterdir()
        if p.name.startswith(".")
    ]
    assert leftovers == []


@pytest.mark.notebook
def test_a_bad_article_stops_the_first_cell_with_one_line(tmp_path):
    import papermill

    from helpers.report import execute_notebook

    missing = tmp_path / "tidak-ada.txt"
    executed = tmp_path / "out.ipynb"
    with pytest.raises(papermill.PapermillExecutionError):
        execute_notebook(
            NOTEBOOKS[0], executed, article_path=missing, output_dir=tmp_path / "out"
        )
    nb = nbformat.read(executed, as_version=4)
    errors = [
        (i, o)
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.output_type == "error"
    ]
    assert len(errors) == 1
    index, error = errors[0]
    code_cells = [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code"
        and not {"parameters", "injected-parameters", "key-findings"}
        & set(c.metadata.get("tags", []))
    ]
    assert index == code_cells[0], (
        "the error comes from the first cell after the parameters"
    )
    assert error["traceback"] == [
        f"ArticleNotFoundError: {missing}: no such file. "
        "Check the path (ARTICLE=... or article_path)."
    ]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.notebook
def test_each_notebook_has_a_reader_and_a_with_code_report_and_the_index_links_both(
    seed_report,
):
    reports = seed_report["reports"]
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert (
        "Putin-Kim Jong Un Makin Mesra" in index
        and "Tampang.com" in index
        and "21 June 2024" in index
    )
    for path in NOTEBOOKS:
        reader = (reports / f"{path.stem}.html").read_text(encoding="utf-8")
        with_code = (reports / "with-code" / f"{path.stem}.html").read_text(
            encoding="utf-8"
        )
        assert (
            "jp-InputArea-editor" not in reader.split("</style>")[-1]
        )  # no code cell rendered
        assert "jp-InputArea-editor" in with_code.split("</style>")[-1]
        for html in (reader, with_code):  # self-contained: nothing from a CDN
            assert "cdnjs" not in html and "<script src=" not in html
        assert (
            f'href="{path.stem}.html"' in index
            and f'href="with-code/{path.stem}.html"' in index
        )


def test_make_report_prints_the_index_path_last(monkeypatch, capsys):
    from helpers import report

    monkeypatch.setattr(report, "run_report", lambda *a, **k: {"01-x.ipynb": 1.0})
    assert report.main([]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.endswith("index.html") and str(config.REPORTS_DIR) in last


def _html_tables(nb, caption: str) -> list[list[str]]:
    """Rows (cell texts) of the first output table whose caption starts with ``caption``."""
    from html.parser import HTMLParser

    class Rows(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cell = [], None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.cell = ""

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append(self.cell.strip())
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            if f"<caption>{caption}" in html:
                parser = Rows()
                parser.feed(html)
                return [r for r in parser.rows if r]
    raise AssertionError(f"no table captioned {caption!r}")


def test_entities_csv_has_one_count_per_entity_in_every_notebook(seed_report):
    from helpers.entities import ENTITY_COLUMNS

    table = pd.read_csv(
        seed_report["processed"] / "entities.csv", keep_default_na=False
    )
    assert list(table.columns) == ENTITY_COLUMNS
    assert table["mentions"].is_monotonic_decreasing and len(table) >= 8
    counts = dict(zip(table["entity"], table["mentions"]))
    paragraphs = pd.read_csv(seed_report["processed"] / "paragraphs.csv")
    assert paragraphs["n_entity_mentions"].sum() == table["mentions"].sum()
    executed = seed_report["executed"]
    first = nbformat.read(executed / "01-text-statistics.ipynb", as_version=4)
    rows = _html_tables(first, "Entities found in the text")
    assert rows[0][:3] == ["entity", "kind", "mentions"]
    assert {r[0]: int(r[2]) for r in rows[1:]} == {
        e: counts[e] for e in table["entity"].head(len(rows) - 1)
    }
    third = nbformat.read(executed / "03-paragraph-sentiment.ipynb", as_version=4)
    rows = _html_tables(third, "Sentence tone by actor")
    header = rows[0]
    tone = {r[0]: int(r[header.index("n mentions")]) for r in rows[1:]}
    assert tone == {e: counts[e] for e in table["entity"].head(8)}


@pytest.mark.notebook
def test_notebook_01_takes_its_article_settings_as_parameters(tmp_path):
    """follow_entities, kwic_terms, kwic_phrase and extra_aliases reach the analysis."""
    from helpers.report import execute_notebook

    article = tmp_path / "jembatan.txt"
    article.write_text(
        "Gubernur Ridwan Kamil meresmikan jembatan baru di Kabupaten Bogor.\n\n"
        "Menurut Ridwan, jembatan itu mempercepat perjalanan warga Bogor.\n\n"
        "Warga berkumpul di Gedung Sate untuk melihat peresmian jalan tol.\n",
        encoding="utf-8",
    )
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,entity\nGedung Sate,Pemprov Jabar\n", encoding="utf-8")
    executed, out = tmp_path / "01.ipynb", tmp_path / "out"
    execute_notebook(
        NOTEBOOKS[0],
        executed,
        article_path=article,
        output_dir=out,
        extra_parameters={
            "follow_entities": ["ridwan", "Atlantis"],
            "kwic_terms": ["warga"],
            "kwic_phrase": "jalan tol",
            "extra_aliases": str(aliases),
        },
    )
    nb = nbformat.read(executed, as_version=4)
    text = "\n".join(
        str(o.get("data", {}).get("text/markdown", ""))
        + str(o.get("data", {}).get("text/html", ""))
        for c in nb.cells
        for o in c.get("outputs", [])
    )
    assert "Concordance for &#x27;warga&#x27; (2 occurrences)" in text
    assert "Concordance for &#x27;jalan tol&#x27; (1 occurrence)" in text
    assert "Atlantis is not named in this article" in text
    table = pd.read_csv(out / "entities.csv")
    assert "Pemprov Jabar" in set(table["entity"])  # the extra alias table was used
    assert table.set_index("entity").loc["Ridwan Kamil", "mentions"] == 2
