"""Issue 6: the report runs on articles of any shape, through the ``make report`` runner.

Shapes (generated in ``shape_runs.py``): a headline with markup, a date line, a
dateline, crossheads and a duplicated paragraph (BOM + CRLF); a single paragraph with
no headline or date; two English paragraphs; 300 paragraphs (``shape_runs.N_LONG``). Every notebook that
exists is run on each (``helpers.report.notebook_paths()``), once per session.
"""

from __future__ import annotations

import pandas as pd
import pytest

import shape_runs
from helpers import config, load_article
from helpers.report import notebook_paths

pytestmark = pytest.mark.notebook

NOTEBOOKS = notebook_paths()
SHAPES = ["hostile", "single", "english", "long", "indosum"]


@pytest.fixture(scope="module")
def runs():
    return shape_runs.run_all()


@pytest.mark.parametrize("shape", SHAPES)
def test_report_succeeds(runs, shape):
    run = runs[shape]
    assert run.returncode == 0, f"{shape}: the runner failed:\n{run.stderr[-3000:]}"


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_exported_without_errors_warnings_or_stderr(
    runs, shape, notebook
):
    run = runs[shape]
    assert (run.reports / f"{notebook.stem}.html").is_file(), (
        f"{shape}: no HTML for {notebook.name}"
    )
    assert shape_runs.notebook_problems(run.executed / notebook.name) == []


@pytest.mark.parametrize("shape", SHAPES)
def test_paragraphs_table_matches_the_article(runs, shape):
    run = runs[shape]
    article = load_article(run.article)
    table = pd.read_csv(run.processed / "paragraphs.csv")
    assert table["paragraph_id"].tolist() == list(range(1, article.n_paragraphs + 1))
    assert table["text"].tolist() == list(article.paragraphs)
    for column in ["paragraph_id", "text", "n_sentences", "n_words"]:
        assert column in table.columns


def test_outputs_go_to_the_articles_own_slug_and_leave_others_alone(runs):
    run = runs["single"]
    assert run.processed.name == "single-paragraph"
    assert run.reports.name == "single-paragraph"
    neighbour = (
        run.root
        / "processed"
        / config.slug_for(config.DEFAULT_ARTICLE)
        / "paragraphs.csv"
    )
    assert neighbour.read_text(encoding="utf-8") == "paragraph_id,text\n1,untouched\n"


def test_metadata_lines_dateline_and_crossheads_are_not_body_text(runs):
    article = load_article(runs["hostile"].article)
    assert article.title is not None and "Pakta Rusia" in article.title
    assert article.published is not None and article.published.year == 2024
    assert article.dateline == "JAKARTA (Tampang)"
    body = " ".join(article.paragraphs)
    assert (
        "Tanggal:" not in body
        and "REAKSI DUNIA" not in body
        and "JAKARTA (Tampang)" not in body
    )
    assert {"REAKSI DUNIA", "LANGKAH BERIKUTNYA"} <= set(article.sections)
    table = pd.read_csv(runs["hostile"].processed / "paragraphs.csv")
    assert (
        table["text"].duplicated().sum() == 1
    )  # the duplicated paragraph is kept, once more


def test_single_paragraph_report_explains_what_it_cannot_do(runs):
    run = runs["single"]
    table = pd.read_csv(run.processed / "paragraphs.csv")
    assert len(table) == 1
    # 04 is the model card: it does not analyse the article, so it has nothing to explain here.
    later = [nb for nb in NOTEBOOKS if not nb.name.startswith(("01-", "04-"))]
    for notebook in later:  # analyses across paragraphs need several of them
        html = run.html(notebook)
        assert (
            "<strong>Note:</strong>" in html or "<strong>Warning:</strong>" in html
        ), notebook.name


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_english_text_gets_a_prominent_warning_in_every_notebook(runs, notebook):
    html = runs["english"].html(notebook)
    assert "<strong>Warning:</strong>" in html
    assert "does not look Indonesian" in html


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_indonesian_articles_get_no_language_warning(runs, notebook):
    for shape in ["hostile", "long", "single", "indosum"]:
        assert "does not look Indonesian" not in runs[shape].html(notebook), shape


def test_long_article_has_every_paragraph(runs):
    table = pd.read_csv(runs["long"].processed / "paragraphs.csv")
    assert len(table) == shape_runs.N_LONG


def test_contract_columns_from_later_notebooks(runs):
    names = {nb.name for nb in NOTEBOOKS}
    table = pd.read_csv(runs["long"].processed / "paragraphs.csv")
    if "02-tfidf-topics.ipynb" in names:
        assert {"dominant_topic", "topic_weight"} <= set(table.columns)
        assert (runs["long"].processed / "topics.csv").is_file()
    if "03-paragraph-sentiment.ipynb" in names:
        assert {
            "sentiment",
            "p_negative",
            "p_neutral",
            "p_positive",
            "sentiment_score",
        } <= set(table.columns)
        total = table[["p_negative", "p_neutral", "p_positive"]].sum(axis=1)
        assert (total.sub(1).abs() < 1e-5).all()


def test_a_real_article_off_the_seed_story_runs_the_empty_branches(runs):
    """IndoSum's ANTARA report on elephants in Laos: no collocation; its own entities and
    concordance terms, never the seed's."""
    import html as html_module

    run = runs["indosum"]
    article = load_article(run.article)
    assert article.n_paragraphs == 7 and article.source == "ANTARA News"
    assert article.paragraphs[0].startswith("Puluhan gajah")
    first = html_module.unescape(run.html(NOTEBOOKS[0]))
    assert (
        "so no collocation is ranked" in first
        or "so no collocation can be ranked" in first
    )
    # entities found in the text (Laos, 2 mentions in paragraphs 1 and 2), no gazetteer
    assert "(place) leads with 2 mentions in 2 of 7 paragraphs" in first
    assert "Concordance for 'laos' (2 occurrences)" in first
    assert "pakta" not in first.lower() and "gazetteer" not in first.lower()
    third = html_module.unescape(
        run.html(next(nb for nb in NOTEBOOKS if nb.name.startswith("03-")))
    )
    assert "Sentence tone by actor" in third and "Laos" in third
    assert "gazetteer" not in third.lower()
