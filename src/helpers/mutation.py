"""``make mutants``: summarise a mutmut run into ``reports/mutation.json``.

``make mutants`` runs ``mutmut run`` on the core modules listed under
``[tool.mutmut]`` in ``pyproject.toml`` (article loading, text, stop words, vectorize,
topic selection, sentiment scoring), then ``python -m helpers.mutation``, which reads
mutmut's public ``mutmut results --all=true`` listing and writes one JSON object:

* ``killed``, ``survived``, ``no_tests`` (no selected test reaches the function),
  ``timeout``, ``not_checked`` (an interrupted run: not run yet), ``other`` and
  ``total``; ``killed_share`` = killed / total, ``killed_share_of_checked`` = killed /
  (total - not_checked);
* ``by_module``: the same counts per module;
* ``surviving``: every surviving mutant with its module, function and, when it is a
  known equivalent mutant (a change no test can observe), the one-line reason from
  ``docs/mutation-equivalents.csv``; ``equivalent`` counts those.

Why a summary of our own: mutmut keeps its results in its own files under
``mutants/``; this reads only its documented command-line output.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from . import config

#: One line of ``mutmut results``: ``    helpers.tokens.x_tokenize__mutmut_12: survived``.
_RESULT_LINE = re.compile(r"^\s*(?P<name>[\w.]+__mutmut_\d+):\s*(?P<status>.+?)\s*$")

#: The committed table of equivalent mutants (``mutant``, ``reason``).
EQUIVALENTS = config.PROJECT_ROOT / "docs" / "mutation-equivalents.csv"

STATUS_KEYS = {
    "killed": "killed",
    "survived": "survived",
    "no tests": "no_tests",
    "timeout": "timeout",
    "not checked": "not_checked",
}


def parse_results(text: str) -> dict[str, str]:
    """``{mutant name: status}`` from ``mutmut results --all=true`` output."""
    return {
        m["name"]: m["status"]
        for line in text.splitlines()
        if (m := _RESULT_LINE.match(line))
    }


def split_name(mutant: str) -> tuple[str, str]:
    """``("helpers.tokens", "tokenize")`` from ``helpers.tokens.x_tokenize__mutmut_12``.

    Methods appear as ``xǁClassǁmethod`` in mutmut's names; they are shown as
    ``Class.method``.
    """
    qualified = mutant.split("__mutmut_")[0]
    module, _, function = qualified.rpartition(".")
    function = function[2:] if function.startswith("x_") else function
    return module, function.replace("xǁ", "").replace("ǁ", ".").strip(".")


def read_equivalents(path: Path = EQUIVALENTS) -> dict[str, str]:
    """``{mutant: reason}`` from the committed table (empty when there is none)."""
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["mutant"]: row["reason"] for row in csv.DictReader(handle)}


def summarise(statuses: dict[str, str], equivalents: dict[str, str]) -> dict:
    """The JSON object described in the module docstring."""

    def counts(names) -> dict:
        tally = Counter(STATUS_KEYS.get(statuses[n], "other") for n in names)
        total = sum(tally.values())
        checked = total - tally["not_checked"]
        return {
            "killed": tally["killed"],
            "survived": tally["survived"],
            "no_tests": tally["no_tests"],
            "timeout": tally["timeout"],
            "not_checked": tally["not_checked"],
            "other": tally["other"],
            "total": total,
            "checked": checked,
            "killed_share": round(tally["killed"] / total, 4) if total else None,
            "killed_share_of_checked": round(tally["killed"] / checked, 4)
            if checked
            else None,
        }

    modules: dict[str, list[str]] = {}
    for name in statuses:
        modules.setdefault(split_name(name)[0], []).append(name)
    surviving = []
    for name in sorted(n for n, s in statuses.items() if s == "survived"):
        module, function = split_name(name)
        surviving.append(
            {
                "mutant": name,
                "module": module,
                "function": function,
                "equivalent": name in equivalents,
                "reason": equivalents.get(name, ""),
            }
        )
    result = counts(statuses)
    result["equivalent"] = sum(s["equivalent"] for s in surviving)
    result["by_module"] = {
        module: counts(names) for module, names in sorted(modules.items())
    }
    result["surviving"] = surviving
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output", type=Path, default=config.REPORTS_DIR / "mutation.json"
    )
    args = parser.parse_args(argv)
    listing = subprocess.run(
        [str(Path(sys.executable).with_name("mutmut")), "results", "--all=true"],
        capture_output=True,
        text=True,
        check=True,
        cwd=config.PROJECT_ROOT,
    ).stdout
    statuses = parse_results(listing)
    if not statuses:
        print(
            "error: mutmut has no results; run `make mutants` (mutmut run) first.",
            file=sys.stderr,
        )
        return 1
    result = summarise(statuses, read_equivalents())
    from .io import write_text

    write_text(args.output, json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    print(
        f"{result['killed']} of {result['checked']} checked mutants killed "
        f"({result['killed_share_of_checked']:.0%}; {result['total']} in all, {result['not_checked']} not run yet); "
        f"{result['survived']} survived ({result['equivalent']} known equivalent), "
        f"{result['no_tests']} reached by no selected test. Written to {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
