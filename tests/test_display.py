"""Display helpers escape article text, so exported HTML carries no live markup."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import notebook
from helpers.errors import OptionError

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_md_escapes_values_but_keeps_the_template():
    out = notebook.md("**{n}** paragraphs; first: {text}", n=3, text=HOSTILE).data
    assert out.startswith("**3** paragraphs")
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_md_keeps_apostrophes_readable():
    assert notebook.md("{x}", x="Kim's").data == "Kim's"


def test_escape_markdown_neutralises_markdown_syntax():
    assert notebook.escape_markdown("*a* [b](c)") == r"\*a\* \[b\]\(c\)"


def test_show_table_escapes_cells_and_caption():
    html = notebook.show_table(
        pd.DataFrame({"text": [HOSTILE], "n": [1.23456]}), caption=HOSTILE
    ).data
    assert "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "1.235" in html


def test_show_table_does_not_mutate_its_input():
    table = pd.DataFrame({"text": ["a"]})
    before = table.copy()
    notebook.show_table(table, max_rows=1)
    pd.testing.assert_frame_equal(table, before)


def test_show_table_shortens_a_long_table_and_says_so_in_the_caption():
    table = pd.DataFrame({"kata": ["satu", "dua", "tiga"]})
    html = notebook.show_table(table, caption="Kata", max_rows=2).data
    assert html.count("<tr>") == 3  # the header row and two body rows
    assert "satu" in html and "dua" in html and "tiga" not in html
    assert "<caption>Kata (first 2 of 3 rows)</caption>" in html
    untitled = notebook.show_table(table, max_rows=2).data
    assert "<caption>First 2 of 3 rows</caption>" in untitled


def test_show_table_keeps_a_table_that_fits_whole_and_unannotated():
    table = pd.DataFrame({"kata": ["satu", "dua"]})
    html = notebook.show_table(table, caption="Kata", max_rows=2).data
    assert html.count("<tr>") == 3
    assert "<caption>Kata</caption>" in html
    everything = notebook.show_table(table, caption="Kata", max_rows=None).data
    assert everything == html


def test_show_table_shows_at_most_max_table_rows_by_default():
    n = notebook.MAX_TABLE_ROWS
    table = pd.DataFrame({"i": range(n + 1)})
    html = notebook.show_table(table).data
    assert html.count("<tr>") == n + 1  # the header row and n body rows
    assert f"First {n:,} of {n + 1:,} rows" in html


def test_callout_escapes_and_checks_its_kind():
    assert "<script" not in notebook.callout(HOSTILE).data
    with pytest.raises(OptionError, match="kind"):
        notebook.callout("x", kind="shout")


def test_output_dir_defaults_to_processed_slug(tmp_path):
    assert (
        notebook.output_dir_for(tmp_path / "a.txt", tmp_path / "out")
        == tmp_path / "out"
    )


def test_show_table_prints_whole_floats_as_counts():
    html = notebook.show_table(
        pd.DataFrame({"value": [17.0, 0.3684, float("nan")]})
    ).data
    assert ">17<" in html and ">0.368<" in html and "–" in html
    assert "17.000" not in html


def test_md_accepts_format_specs_for_numbers():
    import numpy as np

    out = notebook.md(
        "{share:.0%} of {n:,} words, mean {m:.2f}",
        share=0.4387,
        n=np.int64(1234),
        m=np.float64(2.5),
    ).data
    assert out == "44% of 1,234 words, mean 2.50"


def test_show_table_gives_running_text_a_minimum_width():
    table = pd.DataFrame(
        {
            "id": [1],
            "text": [
                "Hubungan antara Rusia dan Korea Utara semakin erat setelah pertemuan."
            ],
        }
    )
    html = notebook.show_table(table).data
    assert '<td class="prose">Hubungan' in html


def test_show_table_has_no_style_and_words_for_headers():
    html = notebook.show_table(
        pd.DataFrame({"mean_sentence_words": [12.5]}), caption="c"
    ).data
    assert "<style" not in html and "style=" not in html
    assert (
        '<th scope="col">mean sentence words</th>' in html
        and "<caption>c</caption>" in html
    )


def test_show_table_rounds_a_ratio_column_alike_and_never_prints_minus_zero():
    html = notebook.show_table(pd.DataFrame({"f1": [1.0, 0.962, -0.0001]})).data
    assert ">1.000<" in html and ">0.962<" in html and ">0.000<" in html
    assert "-0.000" not in html


def test_callout_is_plain_markdown():
    out = notebook.callout("Careful", kind="note").data
    assert out == "> **Note:** Careful"


def test_sanitizer_keeps_markdown_structure_and_drops_active_content():
    from nbconvert.filters.markdown import markdown2html

    from helpers.sanitize import clean_html

    rendered = markdown2html(
        "# Title\n\nSome **bold** text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    cleaned = clean_html(rendered)
    assert "&lt;" not in cleaned
    assert "<h1" in cleaned and "<p>" in cleaned and "<th>a</th>" in cleaned
    hostile = clean_html(
        '<style>p{}</style><p style="x" onclick="y">t</p><a href="javascript:z">l</a>'
        '<a href="data:text/html,x">d</a><img src="data:image/svg+xml;base64,AA" alt="a">'
        + HOSTILE
    )
    assert (
        "<style" not in hostile and "onclick" not in hostile and "style=" not in hostile
    )
    assert "javascript:" not in hostile and 'href="data:' not in hostile
    assert '<img src="data:image/svg+xml;base64,AA" alt="a">' in hostile
    assert "<script" not in hostile and "onerror" not in hostile


def test_key_findings_replace_their_placeholder_in_place(monkeypatch):
    import IPython.display

    shown = []

    class Handle:
        def update(self, obj):
            shown.append(obj.data)

    monkeypatch.setattr(
        IPython.display,
        "display",
        lambda obj, display_id=None: shown.append(obj.data) or Handle(),
    )
    findings = notebook.KeyFindings()
    findings.show(notebook.md("* one {x}", x="<b>"), notebook.md("* two\n"))
    assert shown == [notebook.KeyFindings.PLACEHOLDER, "* one &lt;b&gt;\n* two"]
