"""helpers.prose: one template-plus-values contract, escaping in one place, one plural."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import notebook, phrases, stats
from helpers.prose import Prose, escape_markdown, join, plural

HOSTILE = "<script>alert(1)</script> *Kim* [x](y)"


def test_plain_text_is_the_string_and_markdown_escapes_values_only():
    sentence = Prose(
        "**{n}** of {total} name *{who}*.", n=3, total="17 paragraphs", who=HOSTILE
    )
    assert sentence == "**3** of 17 paragraphs name *" + HOSTILE + "*."
    rendered = sentence.markdown()
    assert rendered.startswith("**3** of 17 paragraphs name *")
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert r"\*Kim\* \[x\]\(y\)" in rendered


def test_numbers_keep_their_format_spec_and_booleans_are_text():
    assert (
        Prose(
            "{s:.0%} {n:,} {f:.2f}", s=0.4387, n=np.int64(1234), f=np.float64(2.5)
        ).markdown()
        == "44% 1,234 2.50"
    )
    assert Prose("{b}", b=True).markdown() == "True"


def test_nested_prose_keeps_its_template_and_escapes_its_values():
    inner = Prose("**{w}**", w="a_b")
    outer = Prose("Top: {inner}; raw: {raw}", inner=inner, raw="**x**")
    assert outer == "Top: **a_b**; raw: **x**"
    assert outer.markdown() == r"Top: **a\_b**; raw: \*\*x\*\*"


def test_braces_in_values_are_not_templates():
    assert Prose("{v}", v="{0} {x}").markdown() == r"\{0\} \{x\}"
    assert join(["{a}", Prose("b")], sep=" {} ") == "{a} {} b"


def test_join_drops_empty_parts():
    assert join([Prose("One."), "", Prose("Two.")]) == "One. Two."
    assert join([]) == ""


@pytest.mark.parametrize(
    ("n", "expected"), [(0, "0 paragraphs"), (1, "1 paragraph"), (2, "2 paragraphs")]
)
def test_plural_regular(n, expected):
    assert plural(n, "paragraph") == expected


def test_plural_irregular_and_without_count():
    assert plural(1, "passes", "pass", with_count=False) == "passes"
    assert plural(2, "passes", "pass", with_count=False) == "pass"
    assert plural(np.int64(1), "is", "are", with_count=False) == "is"


def test_md_renders_prose_and_refuses_extra_values():
    sentence = Prose("*{w}*", w="_x_")
    assert notebook.md(sentence).data == r"*\_x\_*"
    assert notebook.md("*{w}*", w="_x_").data == r"*\_x\_*"
    with pytest.raises(TypeError, match="takes no values"):
        notebook.md(sentence, w="y")
    assert notebook.escape_markdown is escape_markdown


def test_every_describe_function_returns_prose():
    import pandas as pd

    overview = pd.DataFrame(
        {"measure": ["words", "MTLD", "HD-D"], "value": [150.0, 84.6, 0.86]}
    )
    frames = pd.DataFrame({"frame": ["baik ... maupun"], "count": [1]})
    repetition = pd.DataFrame(
        {
            "paragraph_id": [1],
            "n_words": [4],
            "n_repeated_words": [2],
            "repeated_share": [0.5],
        }
    )
    vocabulary = pd.DataFrame({"label": ["rusia"], "n": [3], "share": [1.0]})
    for sentence in (
        stats.describe_mtld(overview),
        stats.describe_diversity(overview),
        stats.describe_vocabulary(vocabulary),
        phrases.describe_frames(frames),
        phrases.describe_repetition(repetition, frames),
    ):
        assert isinstance(sentence, Prose)
