"""Issue 7: bad and hostile input, integrity of inputs and outputs, reruns.

Bad files are generated here (``write_article`` from conftest.py) and fed to
``load_article`` and to the ``make report`` entry point (``helpers.report.main``).
Full report runs are shared with test_any_article (``shape_runs.run_all``) and the
seed run (``seed_report`` in conftest.py).
"""

from __future__ import annotations

import hashlib
import html.parser
import os
import warnings
from functools import partial
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import shape_runs
from helpers import (
    ArticleEncodingError,
    ArticleLimitError,
    ArticleNotFoundError,
    BinaryArticleError,
    EmptyArticleError,
    OptionError,
    config,
    load_article,
    paragraphs_table,
    parse_article,
    report,
)
from helpers.article import check_limits
from helpers.io import write_csv, write_text
from tiny_notebooks import write_notebook

PARAGRAPH = (
    "Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un menandatangani "
    "pakta pertahanan di Pyongyang pada Rabu (19/6). Kedua negara berjanji saling membantu."
)
ARTICLE = f"Pakta Rusia dan Korea Utara\n\nTanggal: 21 Jun 2024 10:58 wib.\n\n{PARAGRAPH}\n\n{PARAGRAPH} Lagi.\n"


def _tree_digest(folder: Path) -> dict[str, str]:
    """``{relative path: sha256}`` of every file under ``folder`` (plus mode and mtime)."""
    digest = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        stat = path.stat()
        digest[str(path.relative_to(folder))] = (
            f"{hashlib.sha256(path.read_bytes()).hexdigest()} {stat.st_mode:o} {stat.st_mtime_ns}"
        )
    return digest


#: data/raw/ as it was when the tests were collected, before any report ran.
RAW_BEFORE = _tree_digest(config.RAW_DIR)


# --- bad input: one clear line, through load_article and the runner ---------------------

BAD_INPUTS = {
    "empty": (b"", EmptyArticleError, "empty"),
    "whitespace": (b" \n\t\n   \r\n", EmptyArticleError, "empty"),
    "binary": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        BinaryArticleError,
        "binary",
    ),
    "cp1252": (
        "Kata “pakta” disebut – café.\n".encode("cp1252"),
        ArticleEncodingError,
        "not UTF-8",
    ),
    "latin1": (
        "Jalan Kebon Jeruk, café été à Jakarta.\n".encode("latin-1"),
        ArticleEncodingError,
        "not UTF-8",
    ),
    "utf16-no-bom": (ARTICLE.encode("utf-16-le"), BinaryArticleError, "binary"),
    "only-metadata": (
        "Sumber foto: Antara\n\nCopyright © Tampang.com\nAll rights reserved\n".encode(),
        EmptyArticleError,
        "no body text",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_file_gets_one_clear_line_from_load_article(write_article, case):
    content, error, phrase = BAD_INPUTS[case]
    path = write_article(content, name=f"bad-{case}.txt")
    with pytest.raises(error) as info:
        load_article(path)
    message = str(info.value)
    assert "\n" not in message
    assert path.name in message and phrase in message


def test_directory_and_missing_path_are_refused(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="is a directory"):
        load_article(tmp_path)
    with pytest.raises(ArticleNotFoundError, match="no such file"):
        load_article(tmp_path / "missing.txt")


def test_non_utf8_message_says_how_to_convert(write_article):
    path = write_article("café".encode("cp1252"))
    with pytest.raises(ArticleEncodingError, match="iconv"):
        load_article(path)


@pytest.mark.parametrize("case", sorted(BAD_INPUTS) + ["directory", "missing"])
def test_runner_refuses_bad_file_with_one_line_and_writes_nothing(
    tmp_path, capsys, case
):
    if case == "directory":
        path = tmp_path / "a-folder.txt"
        path.mkdir()
    elif case == "missing":
        path = tmp_path / "missing-article.txt"
    else:
        path = tmp_path / f"bad-{case}-article.txt"
        path.write_bytes(BAD_INPUTS[case][0])
    assert report.main(["--article", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("error: ") and path.name in err
    slug = config.slug_for(path)
    assert (
        not (config.PROCESSED_DIR / slug).exists()
        and not (config.REPORTS_DIR / slug).exists()
    )


# --- unusual but valid input: decoded, or read the documented way -----------------------


def _paragraphs(path) -> tuple[str, ...]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_article(path).paragraphs


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]
)
def test_bom_encodings_are_decoded_like_plain_utf8(write_article, encoding):
    reference = _paragraphs(write_article(ARTICLE, name="plain.txt"))
    if encoding.endswith("-bom"):
        codec = encoding[:-4]
        data = ("\ufeff" + ARTICLE).encode(codec)
    else:
        data = ARTICLE.encode(encoding)
    assert _paragraphs(write_article(data, name="bom.txt")) == reference
    assert not any("\ufeff" in p for p in reference)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings_read_like_lf(write_article, newline):
    reference = load_article(write_article(ARTICLE, name="lf.txt"))
    other = load_article(
        write_article(ARTICLE.replace("\n", newline).encode(), name="crlf.txt")
    )
    assert other.paragraphs == reference.paragraphs and other.title == reference.title
    assert other.published == reference.published


def test_single_newline_paragraphs_are_split_per_line_with_a_warning(write_article):
    lines = [
        PARAGRAPH,
        "Kedua pemimpin bertemu di Pyongyang.",
        "Korea Selatan menyatakan keprihatinan.",
    ]
    path = write_article("\n".join(lines) + "\n")
    with pytest.warns(UserWarning, match="No blank lines"):
        article = load_article(path)
    assert list(article.paragraphs) == lines


@pytest.mark.slow
def test_one_megabyte_paragraph_parses_and_is_refused_by_the_loader(write_article):
    sentence = (
        "Pakta pertahanan Rusia dan Korea Utara memicu kekhawatiran negara tetangga. "
    )
    big = sentence * (1_000_000 // len(sentence) + 1)
    article = parse_article(big)  # the parser copes; the limit is the loader's
    assert article.n_paragraphs == 1 and len(article.paragraphs[0]) >= 999_000
    table = paragraphs_table(article)
    assert table.loc[0, "n_words"] == 10 * (1_000_000 // len(sentence) + 1)
    path = write_article(big)
    with pytest.raises(
        ArticleLimitError, match=r"1,000,\d{3} bytes; the limit is 500,000 bytes"
    ):
        load_article(path)
    with pytest.raises(
        ArticleLimitError,
        match="paragraph 1 has 1,000,\\d{3} characters; the limit is 20,000 "
        "\\(max_paragraph_chars\\).*INDONESIAN_NEWS_MAX_PARAGRAPH_CHARS=<n>",
    ):
        check_limits(article)


@pytest.mark.slow
def test_five_thousand_short_paragraphs_parse_but_exceed_the_paragraph_limit(
    write_article, monkeypatch
):
    paragraphs = [f"Paragraf nomor {i} membahas pakta pertahanan." for i in range(5000)]
    path = write_article("\n\n".join(paragraphs))
    with pytest.raises(
        ArticleLimitError,
        match="has 5,000 paragraphs; the limit is 1,000 \\(max_paragraphs\\)",
    ):
        load_article(path)
    monkeypatch.setenv(
        "INDONESIAN_NEWS_MAX_PARAGRAPHS", "5000"
    )  # the documented way to raise it
    table = paragraphs_table(load_article(path))
    assert len(table) == 5000 and table["paragraph_id"].is_monotonic_increasing
    assert table["n_words"].eq(6).all()


# --- pathological input: refused up front, in one line (issue 15) -------------------


def test_limits_have_documented_defaults_and_environment_overrides(monkeypatch):
    for name in (
        "MAX_BYTES",
        "MAX_PARAGRAPHS",
        "MAX_PARAGRAPH_CHARS",
        "MAX_TOKEN_CHARS",
    ):
        monkeypatch.delenv(f"INDONESIAN_NEWS_{name}", raising=False)
    assert config.limits() == config.Limits(
        max_bytes=500_000,
        max_paragraphs=1_000,
        max_paragraph_chars=20_000,
        max_token_chars=300,
    )
    readme = (config.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for row in (
        "| file size | 500,000 bytes | `INDONESIAN_NEWS_MAX_BYTES`",
        "| paragraphs | 1,000 |",
        "| paragraph length | 20,000 characters |",
        "| token length | 300 characters |",
    ):
        assert row in readme
    monkeypatch.setenv("INDONESIAN_NEWS_MAX_TOKEN_CHARS", "1_000")
    assert (
        config.limits().max_token_chars == 1000 and config.limits().max_bytes == 500_000
    )
    for bad in ("0", "-5", "many", "1.5"):
        monkeypatch.setenv("INDONESIAN_NEWS_MAX_TOKEN_CHARS", bad)
        with pytest.raises(
            OptionError, match="INDONESIAN_NEWS_MAX_TOKEN_CHARS.*positive whole number"
        ):
            config.limits()


def test_a_twenty_megabyte_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "corpus.txt"
    with open(path, "wb") as handle:  # sparse: 20 MB on paper, nothing on disk
        handle.truncate(20_000_000)
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(ArticleLimitError) as error:
        load_article(path)
    assert read == []
    assert str(error.value) == (
        f"{path}: is 20,000,000 bytes; the limit is 500,000 bytes (max_bytes). "
        "Split it into separate article files, or raise the limit with "
        "INDONESIAN_NEWS_MAX_BYTES=<n>."
    )
    monkeypatch.setenv("INDONESIAN_NEWS_MAX_BYTES", "19_999_999")
    with pytest.raises(ArticleLimitError, match="the limit is 19,999,999 bytes"):
        load_article(path)


def test_a_200000_letter_token_is_refused_naming_the_limit(write_article):
    token = (
        "iVBORwKGgo" + "A" * 199_990
    )  # 200,000 letters, like base64 pasted without line breaks
    path = write_article(f"{PARAGRAPH}\n\nGambar: {token} selesai.\n\n{PARAGRAPH}\n")
    with pytest.raises(ArticleLimitError) as error:
        load_article(path)
    message = str(error.value)
    assert "\n" not in message
    assert message == (
        f"{path}: paragraph 2 has a token of 200,000 characters ('iVBORwKGgoAAAAAAAAAA'...); "
        "the limit is 300 (max_token_chars). Remove pasted data such as a base64 image, "
        "or raise the limit with INDONESIAN_NEWS_MAX_TOKEN_CHARS=<n>."
    )


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("a" * 300, False),
        ("a" * 301, True),
        (
            "a" * 300 + ",",
            False,
        ),  # a 301-character run whose longest token is exactly the limit
        (
            "https://contoh.co.id/" + "b" * 290,
            True,
        ),  # one token (a URL) of 311 characters
        (
            ", ".join(["kata"] * 200),
            False,
        ),  # a long run of short tokens is not a long token
        ("x," * 200, False),
        (
            "kerja-" * 60 + "kerja",
            False,
        ),  # hyphenated parts are separate tokens unless reduplicated
    ],
)
def test_long_token_rule_at_the_boundary(text, refused):
    article = parse_article(f"Ini pembuka berita yang cukup panjang. {text} Penutup.")
    if refused:
        with pytest.raises(ArticleLimitError, match="max_token_chars"):
            check_limits(article)
    else:
        check_limits(article)


def test_limits_apply_at_their_boundaries():
    article = parse_article("\n\n".join(["Satu dua tiga."] * 4))
    check_limits(
        article, settings=config.Limits(max_paragraphs=4, max_paragraph_chars=14)
    )
    with pytest.raises(ArticleLimitError, match="has 4 paragraphs; the limit is 3"):
        check_limits(article, settings=config.Limits(max_paragraphs=3))
    with pytest.raises(
        ArticleLimitError, match="paragraph 1 has 14 characters; the limit is 13"
    ):
        check_limits(article, settings=config.Limits(max_paragraph_chars=13))


@pytest.mark.slow
def test_one_hundred_thousand_one_word_paragraphs_are_refused_by_the_runner(
    write_article, tmp_path, capsys
):
    path = write_article(
        "Judul\n\n" + "\n\n".join(["ia"] * 100_000)
    )  # 400 kB: under the byte limit
    before = _tree_digest(config.REPORTS_DIR) if config.REPORTS_DIR.exists() else {}
    code = report.main(["--article", str(path)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == (
        f"error: {path}: has 100,000 paragraphs; the limit is 1,000 (max_paragraphs). "
        "Split it into separate article files, or raise the limit with "
        "INDONESIAN_NEWS_MAX_PARAGRAPHS=<n>."
    )
    assert (
        _tree_digest(config.REPORTS_DIR) if config.REPORTS_DIR.exists() else {}
    ) == before  # nothing ran


def test_duplicated_paragraphs_are_kept_in_order(write_article):
    article = load_article(
        write_article(f"{PARAGRAPH}\n\n{PARAGRAPH}\n\nPenutup berita ini.\n")
    )
    assert article.paragraphs == (PARAGRAPH, PARAGRAPH, "Penutup berita ini.")


def test_markup_in_an_article_is_kept_as_text(write_article):
    text = "Berita <script>alert(1)</script> dan <img src=x onerror=alert(2)> selesai."
    article = load_article(write_article(f"{text}\n\n{PARAGRAPH}\n"))
    assert article.paragraphs[0] == text


# --- hostile markup never becomes live HTML ---------------------------------------------


class _MarkupAudit(html.parser.HTMLParser):
    """Collects what a browser would treat as live: script/style bodies, attributes, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []  # script/style bodies and every attribute value
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self.live.extend(f"{tag} {name}={value}" for name, value in attrs.items())
        if tag in ("script", "style"):
            self._raw = tag

    def handle_endtag(self, tag):
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data):
        (self.live if self._raw else self.text).append(data)


@pytest.fixture(scope="module")
def runs():
    return shape_runs.run_all()


@pytest.mark.notebook
@pytest.mark.parametrize("notebook", report.notebook_paths(), ids=lambda p: p.name)
def test_article_markup_is_inert_in_every_exported_report(runs, notebook):
    run = runs["hostile"]
    assert run.returncode == 0, run.stderr[-3000:]
    audit = _MarkupAudit()
    audit.feed(run.html(notebook))
    live = "\n".join(audit.live)
    for probe in shape_runs.PROBES:
        assert probe not in live, f"{probe} is live markup in {notebook.name}"
    assert not [
        attrs for tag, attrs in audit.tags if tag == "img" and attrs.get("src") == "x"
    ]
    assert "javascript:alert" not in live


@pytest.mark.notebook
def test_article_markup_is_shown_as_text(runs):
    # The first notebook shows the paragraphs (a long reference table, so in the report
    # with code; the reader's report leaves it out): the markup must be visible, as text.
    first = report.notebook_paths()[0]
    audit = _MarkupAudit()
    audit.feed(
        (runs["hostile"].reports / "with-code" / f"{first.stem}.html").read_text(
            encoding="utf-8"
        )
    )
    text = "".join(audit.text)
    assert '<script>alert("xss-probe-1")</script>' in text or "xss-probe-1" in text


# --- integrity --------------------------------------------------------------------------


@pytest.mark.notebook
def test_data_raw_is_never_written(seed_report, runs):
    assert _tree_digest(config.RAW_DIR) == RAW_BEFORE


def test_writers_refuse_data_raw():
    with pytest.raises(PermissionError, match="data/raw"):
        write_text(config.RAW_DIR / "should-not-exist.txt", "x")
    with pytest.raises(PermissionError):
        write_csv(pd.DataFrame({"a": [1]}), config.RAW_DIR / "nested" / "x.csv")
    assert not (config.RAW_DIR / "should-not-exist.txt").exists()


def _notebook(folder: Path, name: str, code: str) -> Path:
    return write_notebook(folder / name, code)


WRITE_MARKER = (
    "from pathlib import Path\n"
    "Path(output_dir, 'marker.csv').write_text('run,value\\n1,old\\n', encoding='utf-8')"
)


@pytest.mark.notebook
def test_failed_run_leaves_previous_outputs_intact(tmp_path, capsys, monkeypatch):
    roots = {
        "processed_root": tmp_path / "processed",
        "reports_root": tmp_path / "reports",
    }
    good = _notebook(tmp_path / "nb-good", "01-good.ipynb", WRITE_MARKER)
    report.run_report(
        config.DEFAULT_ARTICLE, notebooks=[good], log=lambda *_: None, **roots
    )
    slug = config.slug_for(config.DEFAULT_ARTICLE)
    before = {name: _tree_digest(root / slug) for name, root in roots.items()}
    assert "marker.csv" in before["processed_root"]

    # Halfway: a first notebook succeeds and writes new tables, then the next one fails.
    rewrite = _notebook(
        tmp_path / "nb-new",
        "01-new.ipynb",
        WRITE_MARKER.replace("old", "new")
        + "\nPath(output_dir, 'extra.csv').write_text('a\\n1\\n', encoding='utf-8')",
    )
    failing = _notebook(
        tmp_path / "nb-new",
        "02-fails.ipynb",
        "raise RuntimeError('deliberate failure')",
    )
    monkeypatch.setattr(
        report,
        "run_report",
        partial(
            report.run_report,
            notebooks=[rewrite, failing],
            log=lambda *_: None,
            **roots,
        ),
    )
    assert report.main(["--article", str(config.DEFAULT_ARTICLE)]) == 1
    err = capsys.readouterr().err
    assert "deliberate failure" in err and "No outputs were changed" in err
    after = {name: _tree_digest(root / slug) for name, root in roots.items()}
    assert after == before
    leftovers = [
        p.name
        for root in roots.values()
        for p in root.iterdir()
        if "staging" in p.name or ".old-" in p.name
    ]
    assert leftovers == []


@pytest.mark.notebook
def test_failed_export_leaves_no_outputs_at_all(tmp_path, monkeypatch):
    roots = {
        "processed_root": tmp_path / "processed",
        "reports_root": tmp_path / "reports",
    }
    first = _notebook(tmp_path / "nb", "01-first.ipynb", WRITE_MARKER)
    second = _notebook(tmp_path / "nb", "02-second.ipynb", "x = 1")
    calls = []
    real_export = report.export_html

    def flaky_export(notebook, **options):
        calls.append(notebook)
        if len(calls) == 2:
            raise OSError("disk full (simulated)")
        return real_export(notebook, **options)

    monkeypatch.setattr(report, "export_html", flaky_export)
    with pytest.raises(OSError, match="simulated"):
        report.run_report(
            config.DEFAULT_ARTICLE,
            notebooks=[first, second],
            log=lambda *_: None,
            **roots,
        )
    for root in roots.values():
        assert [p.name for p in root.iterdir()] in ([], ["_failed"])


# --- reruns -----------------------------------------------------------------------------


@pytest.mark.notebook
def test_running_every_cell_again_after_a_parameter_change_works(runs):
    # One kernel per notebook: Run All on a one-paragraph article, then switch the
    # parameters to the seed article and run every cell again.
    run = runs["rerun-after-change"]
    assert run.returncode == 0, run.stderr[-3000:]
    for notebook in report.notebook_paths():
        assert shape_runs.notebook_problems(run.executed / notebook.name) == [], (
            notebook.name
        )


@pytest.mark.notebook
def test_two_report_runs_give_byte_identical_tables(seed_report, runs):
    # Two runs of every notebook on the seed, in two separate processes: the clean
    # session run, and the second pass of a kernel that first analysed another
    # article. Same bytes means consecutive runs are deterministic, and no state from
    # the first article leaks into the second (issue 7).
    first = {p.name: p.read_bytes() for p in seed_report["processed"].glob("*.csv")}
    after = runs["rerun-after-change"].root / "after-change"
    second = {p.name: p.read_bytes() for p in after.glob("*.csv")}
    assert first and sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


@pytest.mark.notebook
def test_each_notebook_runs_in_its_own_clean_kernel(seed_report):
    # papermill starts one kernel per notebook: execution counts restart at 1.
    for notebook in report.notebook_paths():
        nb = nbformat.read(seed_report["executed"] / notebook.name, as_version=4)
        counts = [
            c.execution_count
            for c in nb.cells
            if c.cell_type == "code" and c.execution_count
        ]
        assert counts and counts[0] == 1 and counts == sorted(counts)


@pytest.mark.notebook
def test_outputs_get_ordinary_permissions(tmp_path):
    # Temporary files and staging folders are created private (0600/0700); published
    # tables and reports must follow the user's umask like any other file, or a
    # shared report folder cannot be served or read by colleagues.
    roots = {
        "processed_root": tmp_path / "processed",
        "reports_root": tmp_path / "reports",
    }
    notebook = _notebook(
        tmp_path / "nb",
        "01-writes.ipynb",
        WRITE_MARKER + "\nfrom helpers.io import write_csv\nimport pandas as pd\n"
        "write_csv(pd.DataFrame({'a': [1]}), Path(output_dir) / 'table.csv')",
    )
    report.run_report(
        config.DEFAULT_ARTICLE, notebooks=[notebook], log=lambda *_: None, **roots
    )
    umask = os.umask(0)
    os.umask(umask)
    slug = config.slug_for(config.DEFAULT_ARTICLE)
    for root in roots.values():
        folder = root / slug
        assert folder.stat().st_mode & 0o777 == 0o777 & ~umask, folder
        for path in folder.rglob("*"):  # reports hold a with-code/ folder
            expected = 0o777 if path.is_dir() else 0o666
            assert path.stat().st_mode & 0o777 == expected & ~umask, path


# --- each refusal's whole line (the message is the interface: problem, then the fix) ---


def test_read_text_refusals_word_for_word(tmp_path, write_article):
    from helpers.article import read_text

    missing = tmp_path / "hilang.txt"
    fifo = tmp_path / "pipa.txt"
    os.mkfifo(fifo)
    nul = write_article(b"Berita\x00biner", name="nul.txt")
    controls = write_article("Berita" + "\x01" * 9, name="kontrol.txt")
    cases = [
        (
            missing,
            ArticleNotFoundError,
            "no such file. Check the path (ARTICLE=... or article_path).",
        ),
        (
            tmp_path,
            ArticleNotFoundError,
            "is a directory, not an article file. Point to a .txt file inside it.",
        ),
        (
            fifo,
            ArticleNotFoundError,
            "is not a regular file. Point to a UTF-8 .txt file.",
        ),
        (
            nul,
            BinaryArticleError,
            "contains NUL bytes, so it is binary, not text. "
            "Export the article as plain UTF-8 text.",
        ),
        (
            controls,
            BinaryArticleError,
            "is mostly control characters, so it is binary, not text. "
            "Export the article as plain UTF-8 text.",
        ),
    ]
    for path, error, expected in cases:
        with pytest.raises(error) as info:
            read_text(path)
        assert str(info.value) == f"{path}: {expected}"


def test_encoding_and_size_refusals_word_for_word(write_article, monkeypatch):
    from helpers.article import read_text

    cp1252 = write_article("Harga naik – kata café.".encode("cp1252"), name="cp.txt")
    with pytest.raises(ArticleEncodingError) as info:
        read_text(cp1252)
    # "Harga naik " is 11 bytes; byte 11 is cp1252's en dash, 0x96.
    assert str(info.value) == (
        f"{cp1252}: is not UTF-8 (byte 0x96 at offset 11). "
        "Convert it first, for example: iconv -f cp1252 -t utf-8 in.txt > out.txt"
    )
    path = write_article("Harga beras naik.", name="kecil.txt")  # 17 bytes
    monkeypatch.setenv("INDONESIAN_NEWS_MAX_BYTES", "17")
    assert read_text(path) == "Harga beras naik."  # exactly at the limit: read
    monkeypatch.setenv("INDONESIAN_NEWS_MAX_BYTES", "16")
    with pytest.raises(ArticleLimitError) as info:
        read_text(path)
    assert str(info.value) == (
        f"{path}: is 17 bytes; the limit is 16 bytes (max_bytes). Split it into "
        "separate article files, or raise the limit with "
        "INDONESIAN_NEWS_MAX_BYTES=<n>."
    )


def test_control_character_rule_counted_by_hand(write_article):
    from helpers.article import read_text

    # Up to max(8, len // 100) control characters (not newline or tab) are allowed.
    lines = "Baris.\n" * 10 + "\t"  # 70 + 1 characters, newlines and a tab only
    assert read_text(write_article(lines + "\x01" * 8)) == read_text(
        write_article(lines + "\x01" * 8, name="b.txt")
    )
    with pytest.raises(BinaryArticleError):
        read_text(write_article(lines + "\x01" * 9, name="c.txt"))
    # 1,980 letters + 20 controls = 2,000 characters: 20 allowed, 21 refused.
    read_text(write_article("a" * 1980 + "\x01" * 20, name="d.txt"))
    with pytest.raises(BinaryArticleError):
        read_text(write_article("a" * 1980 + "\x01" * 21, name="e.txt"))


def test_nul_sniff_reads_the_first_8192_bytes(write_article):
    from helpers.article import read_text

    # A NUL byte past the sniffed window is one control character among many letters.
    late = write_article(b"a" * 8192 + b"\x00" + b"b" * 10, name="late.txt")
    assert "a" * 100 in read_text(late)
    early = write_article(b"a" * 8191 + b"\x00" + b"b" * 10, name="early.txt")
    with pytest.raises(BinaryArticleError):
        read_text(early)


def test_crlf_becomes_one_newline(write_article):
    from helpers.article import read_text

    path = write_article(b"Satu.\r\nDua.\r\n\r\nTiga.\rEmpat.")
    assert read_text(path) == "Satu.\nDua.\n\nTiga.\nEmpat."


def test_empty_and_limit_refusals_word_for_word(write_article):
    blank = write_article("  \n\n ", name="kosong.txt")
    with pytest.raises(EmptyArticleError) as info:
        load_article(blank)
    assert str(info.value) == (
        f"{blank}: is empty or blank. Check that the file holds the article's text."
    )
    only_meta = write_article("Sumber foto: Antara\n", name="meta.txt")
    with pytest.raises(EmptyArticleError) as info:
        load_article(only_meta)
    assert str(info.value) == (
        f"{only_meta}: has no body text (after removing metadata lines). "
        "Check that the file holds the article's paragraphs."
    )
    article = parse_article("Satu dua tiga.\n\nEmpat lima enam.", path="a.txt")
    with pytest.raises(ArticleLimitError) as info:
        check_limits(article, settings=config.Limits(max_paragraphs=1))
    assert str(info.value) == (
        "a.txt: has 2 paragraphs; the limit is 1 (max_paragraphs). Split it into "
        "separate article files, or raise the limit with "
        "INDONESIAN_NEWS_MAX_PARAGRAPHS=<n>."
    )
    with pytest.raises(ArticleLimitError) as info:
        check_limits(article, settings=config.Limits(max_paragraph_chars=14))
    assert str(info.value) == (
        "a.txt: paragraph 2 has 16 characters; the limit is 14 (max_paragraph_chars). "
        "Separate its paragraphs with blank lines, or raise the limit with "
        "INDONESIAN_NEWS_MAX_PARAGRAPH_CHARS=<n>."
    )
    with pytest.raises(ArticleLimitError) as info:
        check_limits(article, settings=config.Limits(max_token_chars=4))
    assert str(info.value) == (
        # Satu, dua, tiga fit in 4 letters (the full stop is its own token); Empat not.
        "a.txt: paragraph 2 has a token of 5 characters ('Empat'...); the limit is 4 "
        "(max_token_chars). Remove pasted data such as a base64 image, or raise the "
        "limit with INDONESIAN_NEWS_MAX_TOKEN_CHARS=<n>."
    )


def test_single_newline_note_is_a_user_warning_naming_the_file(write_article):
    path = write_article("Satu dua tiga.\nEmpat lima enam.\n", name="baris.txt")
    with pytest.warns(UserWarning) as record:
        load_article(path)
    assert [str(w.message) for w in record] == [
        "baris.txt: No blank lines between paragraphs: each line was read as one "
        "paragraph."
    ]
