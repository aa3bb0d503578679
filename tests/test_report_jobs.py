"""make report runs notebooks side by side: the same outputs, in the notebooks' folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import config, report
from helpers.errors import HelpersError
from tiny_notebooks import write_notebook


def test_report_jobs_defaults_to_two_per_core_and_never_more_than_the_notebooks(
    tmp_path,
):
    three = [tmp_path / f"0{i}-x.ipynb" for i in (1, 2, 3)]
    assert report.report_jobs(None, three) == min(2 * (os.cpu_count() or 1), 3)
    many = [tmp_path / f"{i:02d}-x.ipynb" for i in range(1, 40)]
    assert report.report_jobs(None, many) == 2 * (os.cpu_count() or 1)
    assert report.report_jobs(1, three) == 1
    assert report.report_jobs(8, three[:2]) == 2
    elsewhere = [three[0], tmp_path / "other" / "02-y.ipynb"]
    assert report.report_jobs(2, elsewhere) == 1  # each kernel starts in its folder


@pytest.mark.parametrize("bad", [0, -1, 1.5, "2", True])
def test_report_jobs_refuses_what_is_not_a_count_of_notebooks(bad, tmp_path):
    with pytest.raises(HelpersError, match="jobs"):
        report.report_jobs(bad, [tmp_path / "01-x.ipynb"])


# Each notebook records the folder its kernel runs in and adds its own columns to
# paragraphs.csv. With PEER_WAIT set, 01 waits for 02 to have started: it can only
# finish when the two really run at the same time, and it then writes last.
CODE = """
import os, time
from pathlib import Path
import pandas as pd
from helpers import io
out = Path(output_dir)
(out / "cwd-{name}.txt").write_text(os.getcwd(), encoding="utf-8")
side_by_side = bool(os.environ.get("PEER_WAIT"))
if side_by_side and {waits}:  # 01: wait for 02's sign, then take it away
    deadline = time.monotonic() + 120
    while not (out / "started-02").exists():
        assert time.monotonic() < deadline, "02 never started while 01 ran"
        time.sleep(0.05)
    (out / "started-02").unlink()
elif side_by_side:  # 02: leave the sign
    (out / "started-02").touch()
table = pd.DataFrame({{"paragraph_id": [1, 2], "text": ["Harga naik.", "Warga resah."]}})
io.update_paragraphs_csv(table.assign(**{columns}), out / "paragraphs.csv")
"""


def _notebook(folder: Path, name: str, *, waits: bool, columns: str) -> Path:
    return write_notebook(
        folder / f"{name}-step.ipynb",
        CODE.format(name=name, waits=waits, columns=columns),
        title=f"# Notebook {name}",
        parameters='article_path = ""\noutput_dir = ""',
    )


@pytest.mark.notebook
def test_side_by_side_notebooks_give_the_bytes_of_a_run_in_turn(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    notebooks = [
        _notebook(
            folder, "01", waits=True, columns="dict(n_words=[2, 2], zeta=[1, 2])"
        ),
        _notebook(
            folder, "02", waits=False, columns="dict(sentiment=['negative', 'neutral'])"
        ),
    ]
    slug = config.slug_for(config.DEFAULT_ARTICLE)
    files = {}
    for jobs in (1, 2):
        if jobs == 2:
            monkeypatch.setenv("PEER_WAIT", "1")
        root = tmp_path / f"jobs-{jobs}"
        timings = report.run_report(
            config.DEFAULT_ARTICLE,
            notebooks=notebooks,
            processed_root=root / "processed",
            reports_root=root / "reports",
            jobs=jobs,
            log=lambda *_: None,
        )
        assert list(timings) == ["01-step.ipynb", "02-step.ipynb"]
        processed = root / "processed" / slug
        files[jobs] = {p.name: p.read_bytes() for p in sorted(processed.iterdir())}
        index = (root / "reports" / slug / "index.html").read_text(encoding="utf-8")
        assert index.index("Notebook 01") < index.index("Notebook 02")
    assert files[1] == files[2]
    assert files[2]["paragraphs.csv"].decode().splitlines()[0] == (
        "paragraph_id,text,n_words,sentiment,zeta"
    )
    for name in ("cwd-01.txt", "cwd-02.txt"):
        assert files[2][name].decode() == str(folder.resolve())
    assert Path.cwd() != folder.resolve()  # the runner moved back
