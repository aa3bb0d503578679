"""helpers.mutation: the make mutants summary (no mutmut run here)."""

from __future__ import annotations

import csv
import re

from helpers import mutation

LISTING = """\
    helpers.tokens.x_tokenize__mutmut_1: killed
    helpers.tokens.x_tokenize__mutmut_2: survived
    helpers.tokens.x_is_word__mutmut_1: no tests
    helpers.vectorize.xǁIndonesianAnalyzerǁlearn__mutmut_3: survived
    helpers.vectorize.xǁIndonesianAnalyzerǁlearn__mutmut_4: timeout
    helpers.vectorize.xǁIndonesianAnalyzerǁlearn__mutmut_5: suspicious
    helpers.vectorize.xǁIndonesianAnalyzerǁlearn__mutmut_6: not checked
"""


def test_results_listing_is_parsed_and_counted():
    statuses = mutation.parse_results(LISTING + "\nsome other line\n")
    assert len(statuses) == 7
    summary = mutation.summarise(
        statuses,
        {"helpers.tokens.x_tokenize__mutmut_2": "only the order of a set changes"},
    )
    assert (
        summary["killed"],
        summary["survived"],
        summary["no_tests"],
        summary["timeout"],
        summary["other"],
        summary["not_checked"],
        summary["total"],
        summary["checked"],
    ) == (1, 2, 1, 1, 1, 1, 7, 6)
    assert summary["killed_share"] == round(1 / 7, 4) and summary[
        "killed_share_of_checked"
    ] == round(1 / 6, 4)
    assert summary["equivalent"] == 1
    assert summary["by_module"]["helpers.tokens"]["total"] == 3
    assert summary["by_module"]["helpers.vectorize"]["survived"] == 1
    first, second = summary["surviving"]
    assert (first["module"], first["function"], first["equivalent"]) == (
        "helpers.tokens",
        "tokenize",
        True,
    )
    assert (second["function"], second["equivalent"], second["reason"]) == (
        "IndonesianAnalyzer.learn",
        False,
        "",
    )


def test_every_equivalent_mutant_has_a_one_line_reason():
    with open(mutation.EQUIVALENTS, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [] or list(rows[0]) == ["mutant", "reason"]
    names = [row["mutant"] for row in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert re.fullmatch(r"helpers(\.\w+)+\.x[\wǁ]+__mutmut_\d+", row["mutant"]), (
            row["mutant"]
        )
        assert len(row["reason"]) >= 15 and "\n" not in row["reason"], row["mutant"]
