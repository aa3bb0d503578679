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
    html = notebook.show_table(pd.DataFrame({"text": [HOSTILE], "n": [1.23456]}), caption=HOSTILE).to_html()
    assert "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "1.235" in html


def test_show_table_does_not_mutate_its_input():
    table = pd.DataFrame({"text": ["a"]})
    before = table.copy()
    notebook.show_table(table, max_rows=1)
    pd.testing.assert_frame_equal(table, before)


def test_callout_escapes_and_checks_its_kind():
    assert "<script" not in notebook.callout(HOSTILE).data
    with pytest.raises(OptionError, match="kind"):
        notebook.callout("x", kind="shout")


def test_output_dir_defaults_to_processed_slug(tmp_path):
    assert notebook.output_dir_for(tmp_path / "a.txt", tmp_path / "out") == tmp_path / "out"


def test_show_table_prints_whole_floats_as_counts():
    html = notebook.show_table(pd.DataFrame({"value": [17.0, 0.3684, float("nan")]})).to_html()
    assert ">17<" in html and ">0.368<" in html and "–" in html
    assert "17.000" not in html


def test_md_accepts_format_specs_for_numbers():
    import numpy as np

    out = notebook.md("{share:.0%} of {n:,} words, mean {m:.2f}", share=0.4387, n=np.int64(1234), m=np.float64(2.5)).data
    assert out == "44% of 1,234 words, mean 2.50"


def test_show_table_gives_running_text_a_minimum_width():
    table = pd.DataFrame({"id": [1], "text": ["Hubungan antara Rusia dan Korea Utara semakin erat setelah pertemuan."]})
    html = notebook.show_table(table).to_html()
    assert "min-width: 28em" in html
