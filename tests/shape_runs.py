"""Full report runs on generated articles, shared by test_any_article and test_reliability.

Each run goes through ``helpers.report.run_report`` (the ``make report`` runner) in its
own Python process, into temporary output roots, two at a time (the machines have
two cores and a run mostly waits for kernels). :func:`run_all` runs everything once
per test session; the test modules only read the outputs.

Articles are written here, never in ``data/`` (issue 7): each shape is a small text
built from the seed article's own paragraphs or from fixed English sentences, plus one
real IndoSum article that is not about the seed's story (issue 15).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nbformat

from helpers import config, load_article
from helpers.report import notebook_paths

#: Markers that must never become live markup in an exported report.
PROBES = ["xss-probe-0", "xss-probe-1", "xss-probe-2", "xss-probe-3", "xss-probe-4"]

ENGLISH = [
    "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a mutual "
    "defence pact in Pyongyang on Wednesday, promising to help each other if either country "
    "is attacked. The agreement is the strongest link between the two countries since the end "
    "of the Cold War.",
    "Officials in Seoul and Washington said they were watching the deal closely. Analysts said "
    "the pact could allow Moscow to send military technology to the North, while Pyongyang has "
    "been accused of supplying shells and missiles for the war in Ukraine.",
]

#: Paragraphs in the long article (issue 6: "hundreds of paragraphs").
N_LONG = 300

_RUNNER = """
import json, sys
from pathlib import Path
from helpers.report import run_report
job = json.loads(sys.argv[1])
root = Path(job["root"])
run_report(job["article"], notebooks=[Path(p) for p in job["notebooks"]] or None,
           processed_root=root / "processed", reports_root=root / "reports",
           executed_dir=root / "executed", log=lambda *_: None)
"""


@dataclass(frozen=True)
class ShapeRun:
    """One finished run: where its article and outputs are, and how it ended."""

    name: str
    article: Path
    returncode: int
    stderr: str
    root: Path
    seconds: float

    @property
    def slug(self) -> str:
        return config.slug_for(self.article)

    @property
    def processed(self) -> Path:
        return self.root / "processed" / self.slug

    @property
    def reports(self) -> Path:
        return self.root / "reports" / self.slug

    @property
    def executed(self) -> Path:
        return self.root / "executed"

    def html(self, notebook: Path) -> str:
        return (self.reports / f"{notebook.stem}.html").read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    return list(load_article(config.DEFAULT_ARTICLE).paragraphs)


def seed_sentences() -> list[str]:
    from helpers.text import split_sentences

    return [s for p in seed_paragraphs() for s in split_sentences(p)]


def hostile_article() -> bytes:
    """Headline with a script, date line, dateline, crossheads, HTML, duplicates; BOM + CRLF."""
    p = seed_paragraphs()
    blocks = [
        "<script>alert('xss-probe-0')</script> Pakta Rusia dan Korea Utara",
        "Tanggal: 21 Jun 2024 10:58 wib.",
        f"JAKARTA (Tampang) – {p[0]}",
        f'{p[1]} <script>alert("xss-probe-1")</script>',
        "REAKSI DUNIA",
        f"{p[2]} <img src=x onerror=\"alert('xss-probe-2')\">",
        f"{p[3]} <style>body {{ display: none }} /* xss-probe-3 */</style>",
        p[1] + ' <script>alert("xss-probe-1")</script>',  # a duplicated paragraph
        "LANGKAH BERIKUTNYA",
        f"{p[4]} [klik di sini](javascript:alert('xss-probe-4')) **tebal** $x^2$ `kode` # judul",
        *p[5:9],
    ]
    text = "\r\n\r\n".join(blocks) + "\r\n"
    return text.encode("utf-8-sig")


def single_paragraph_article() -> str:
    """One paragraph, no headline, no date line, no footer."""
    return seed_paragraphs()[0] + "\n"


def english_article() -> str:
    return "Putin and Kim sign defence pact\n\n" + "\n\n".join(ENGLISH) + "\n"


def long_article(n: int = N_LONG) -> str:
    """``n`` paragraphs recombined from the seed's sentences (deterministic)."""
    sentences = seed_sentences()
    k = len(sentences)
    paragraphs = [f"{sentences[i % k]} {sentences[(7 * i + 3) % k]}" for i in range(n)]
    return (
        "Pakta Rusia dan Korea Utara: laporan panjang\n\nTanggal: 21 Jun 2024 10:58 wib.\n\n"
        + "\n\n".join(paragraphs)
        + "\n\nCopyright © Tampang.com\nAll rights reserved\n"
    )


#: A real IndoSum news article (ANTARA, elephants paraded in Laos; 7 paragraphs) off
#: the seed's story: no content-word pair seen twice, so the no-collocation branch runs,
#: and its entities and concordance terms are its own.
INDOSUM_ID = "1487547054-gajah-diarak-di-laos-saat-jumlahnya-menyusut"


def indosum_article(article_id: str = INDOSUM_ID) -> str:
    from helpers.reference import article_text

    return article_text(article_id) + "\n"


@dataclass(frozen=True)
class RealArticle:
    """A real IndoSum article and the actors a reader expects among its top entities."""

    name: str
    article_id: str
    category: str
    outlet: str
    #: Each item is one actor: a tuple of the names any of which may stand for it
    #: (the entity or one of its aliases in entities.csv, compared case-insensitively).
    expected: tuple[tuple[str, ...], ...]


#: Issue 10: six real articles off the seed's story, from six outlets and five
#: categories. The expected actors were written down from reading each article,
#: before the entity finder was run on it (2026-12-03), and are not tuned afterwards.
REAL_ARTICLES = (
    RealArticle(
        "politics-jokowi-pki",
        "1495087300-jokowi-kalau-pki-muncul-gebuk-saja",
        "politics",
        "CNN Indonesia",
        (
            ("Joko Widodo", "Jokowi"),
            ("Pancasila",),
            ("PKI", "Partai Komunis Indonesia"),
        ),
    ),
    RealArticle(
        "international-rusia-pekerja-korut",
        "1517430825-hingga-akhir-2019-rusia-akan-depak-pekerja-migran-",
        "international",
        "Suara",
        (("Rusia",), ("Korea Utara", "Korut"), ("Alexander Matsegora", "Matsegora")),
    ),
    RealArticle(
        "sport-mourinho-pajak",
        "1498089600-pengacara-mourinho-bantah-soal-penggelapan-pajak-k",
        "sport",
        "Juara.net",
        (
            ("Jose Mourinho", "Mourinho"),
            ("Real Madrid",),
            ("Cristiano Ronaldo", "Ronaldo"),
        ),
    ),
    RealArticle(
        "technology-bigo-live",
        "1481852744-layanan-video-streaming-bigo-live-resmi-good-bye",
        "technology",
        "Merdeka",
        (
            ("Bigo Live",),
            ("Kemkominfo", "Kementerian Komunikasi dan Informatika", "Kemenkominfo"),
            ("Noor Izza", "Noor"),
        ),
    ),
    RealArticle(
        "showbiz-winner-penjara",
        "1512331200-winner-bintangi-acara-reality-show-bertema-penjara",
        "showbiz",
        "kumparan",
        (("WINNER",), ("Korea", "Korea Selatan")),
    ),
    RealArticle(
        "nature-danau-kelimutu",
        "1517999384-wisata-danau-kelimutu-kembali-kembali-dibuka",
        "travel",
        "ANTARA News",
        (
            (
                "Kelimutu",
                "Taman Nasional Kelimutu",
                "Danau Kelimutu",
                "Gunung Kelimutu",
            ),
            ("Agus Sitepu", "Agus"),
            ("Ende",),
        ),
    ),
)

#: Words of the seed's story that must not reach a report on an article without them.
SEED_WORDS = (
    "Putin",
    "Kim Jong Un",
    "Korea Utara",
    "Korut",
    "pakta",
    "Pyongyang",
    "Semenanjung Korea",
)

#: The per-article analysis notebooks (the model card, 04, does not read the article).
ANALYSIS_NOTEBOOKS = tuple(
    p for p in notebook_paths() if p.name[:3] in {"01-", "02-", "03-"}
)


def doubled_notebooks(
    folder: Path, *, then_article: Path, then_output_dir: Path
) -> list[Path]:
    """Each notebook run twice in one kernel, the second time after a parameter change.

    What a JupyterLab user does: "Run All", then edit the parameters cell to point at
    another article and run every cell below it again. The copy is the notebook's
    cells, then a cell assigning ``then_article`` and ``then_output_dir``, then every
    cell after the parameters cell again. The second pass's tables must equal a clean
    run on ``then_article``: no state from the first article may leak into them.
    """
    from nbformat.v4 import new_code_cell

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for path in notebook_paths():
        nb = nbformat.read(path, as_version=4)
        index = next(
            i
            for i, c in enumerate(nb.cells)
            if "parameters" in c.metadata.get("tags", [])
        )
        change = new_code_cell(
            f"article_path = {str(then_article)!r}\noutput_dir = {str(then_output_dir)!r}"
        )
        change["id"] = "parameter-change"
        again = []
        for cell in nb.cells[index + 1 :]:
            copy = nbformat.from_dict(json.loads(json.dumps(cell)))
            if "id" in copy:
                copy["id"] = f"{cell.get('id', 'cell')}-again"[:64]
            again.append(copy)
        nb.cells = nb.cells + [change] + again
        target = folder / path.name
        nbformat.write(nb, target)
        paths.append(target)
    return paths


def _jobs(base: Path) -> list[dict]:
    articles = base / "articles"
    articles.mkdir(parents=True)
    (articles / "hostile-markup.txt").write_bytes(hostile_article())
    (articles / "single-paragraph.txt").write_text(
        single_paragraph_article(), encoding="utf-8"
    )
    (articles / "english-two-paragraphs.txt").write_text(
        english_article(), encoding="utf-8"
    )
    (articles / "long-paragraphs.txt").write_text(long_article(), encoding="utf-8")
    (articles / "indosum-gajah-laos.txt").write_text(
        indosum_article(), encoding="utf-8"
    )
    for real in REAL_ARTICLES:
        (articles / f"{real.name}.txt").write_text(
            indosum_article(real.article_id), encoding="utf-8"
        )
    rerun_root = base / "runs" / "rerun-after-change"
    doubled = doubled_notebooks(
        base / "doubled-notebooks",
        then_article=config.DEFAULT_ARTICLE,
        then_output_dir=rerun_root / "after-change",
    )
    jobs = [
        {"name": "long", "article": articles / "long-paragraphs.txt", "notebooks": []},
        {
            "name": "rerun-after-change",
            "article": articles / "single-paragraph.txt",
            "notebooks": doubled,
        },
        {
            "name": "hostile",
            "article": articles / "hostile-markup.txt",
            "notebooks": [],
        },
        {
            "name": "single",
            "article": articles / "single-paragraph.txt",
            "notebooks": [],
        },
        {
            "name": "english",
            "article": articles / "english-two-paragraphs.txt",
            "notebooks": [],
        },
        {
            "name": "indosum",
            "article": articles / "indosum-gajah-laos.txt",
            "notebooks": [],
        },
    ]
    jobs += [
        {
            "name": real.name,
            "article": articles / f"{real.name}.txt",
            "notebooks": list(ANALYSIS_NOTEBOOKS),
        }
        for real in REAL_ARTICLES
    ]
    for job in jobs:
        job["root"] = base / "runs" / job["name"]
        job["root"].mkdir(parents=True)
    # Another article's outputs already in the roots: a run must leave them alone.
    neighbour = jobs[3]["root"] / "processed" / config.slug_for(config.DEFAULT_ARTICLE)
    neighbour.mkdir(parents=True)
    (neighbour / "paragraphs.csv").write_text(
        "paragraph_id,text\n1,untouched\n", encoding="utf-8"
    )
    return jobs


@cache
def run_all(parallel: int = 2) -> dict[str, ShapeRun]:
    """Run every job once per session (memoised) and return ``{name: ShapeRun}``."""
    base = Path(tempfile.mkdtemp(prefix="shape-runs-"))
    atexit.register(shutil.rmtree, base, True)
    jobs = _jobs(base)
    # For a developer iterating on one kind of article: SHAPE_RUNS_ONLY=name,name runs
    # only those jobs (the tests of the other shapes then fail with a KeyError, never skip).
    only = [n for n in os.environ.get("SHAPE_RUNS_ONLY", "").split(",") if n]
    if only:
        jobs = [job for job in jobs if job["name"] in only]
    env = dict(os.environ)
    running: list[tuple[dict, subprocess.Popen, float]] = []
    done: dict[str, ShapeRun] = {}
    pending = list(jobs)
    while pending or running:
        while pending and len(running) < parallel:
            job = pending.pop(0)
            payload = json.dumps(
                {
                    "article": str(job["article"]),
                    "root": str(job["root"]),
                    "notebooks": [str(p) for p in job["notebooks"]],
                }
            )
            log = (job["root"] / "stderr.txt").open("w", encoding="utf-8")
            process = subprocess.Popen(
                [sys.executable, "-c", _RUNNER, payload],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
            log.close()
            running.append((job, process, time.perf_counter()))
        time.sleep(0.2)
        for entry in list(running):
            job, process, start = entry
            if process.poll() is None:
                if time.perf_counter() - start > 900:
                    process.kill()
                continue
            running.remove(entry)
            stderr = (job["root"] / "stderr.txt").read_text(
                encoding="utf-8", errors="replace"
            )
            done[job["name"]] = ShapeRun(
                job["name"],
                Path(job["article"]),
                process.returncode,
                stderr,
                Path(job["root"]),
                time.perf_counter() - start,
            )
    return done


def notebook_problems(executed: Path) -> list[str]:
    """Errors, stderr output and warnings in an executed notebook (empty when clean)."""
    nb = nbformat.read(executed, as_version=4)
    problems = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                problems.append(f"error: {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr":
                problems.append(f"stderr: {output.text[:300]}")
            elif "Warning" in str(output.get("text", "")):
                problems.append(f"warning text: {output.text[:300]}")
    return problems
