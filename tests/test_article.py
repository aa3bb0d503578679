"""The article model: metadata, paragraphs, shapes of real Indonesian news, bad input."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import pytest

import helpers
from helpers import config

# --- the seed article ---------------------------------------------------------------


def test_seed_metadata_and_paragraphs(seed_path):
    article = helpers.load_article(seed_path)
    assert (
        article.title
        == "Putin-Kim Jong Un Makin Mesra, Teken Pakta Pertahanan Korut-Rusia"
    )
    assert article.published == datetime.fromisoformat("2024-06-21T10:58:00+07:00")
    assert article.published.utcoffset() == timedelta(hours=7)
    assert str(article.published.tzinfo) == "Asia/Jakarta"
    assert article.source == "Tampang.com"
    assert article.photo_credit == "google"
    assert article.dateline is None
    assert len(article.paragraphs) == 17
    assert article.paragraphs[0].startswith("Hubungan antara Rusia dan Korea Utara")
    assert article.paragraphs[-1].endswith("oleh semua negara yang terlibat.")


def test_seed_boilerplate_never_reaches_the_body(seed_path):
    body = "\n".join(helpers.load_article(seed_path).paragraphs)
    for boilerplate in (
        "Sumber foto",
        "Tanggal:",
        "Copyright",
        "All rights reserved",
        "Makin Mesra",
    ):
        assert boilerplate not in body


def test_default_path_is_the_seed():
    assert helpers.load_article().path == config.DEFAULT_ARTICLE


def test_paragraphs_table_columns_and_counts(seed_path):
    table = helpers.paragraphs_table(helpers.load_article(seed_path))
    assert list(table.columns[:5]) == [
        "paragraph_id",
        "text",
        "n_sentences",
        "n_words",
        "n_chars",
    ]
    assert table["paragraph_id"].tolist() == list(range(1, 18))
    assert table["n_sentences"].iloc[0] == 3
    assert (table["n_words"] > 0).all()
    assert (table["n_chars"] == table["text"].str.len()).all()


# --- other shapes ------------------------------------------------------------------


def test_article_without_headline_date_or_footer():
    article = helpers.parse_article(
        "Banjir melanda Kota Palu pada Senin pagi. Ratusan rumah terendam.\n\n"
        "Pemerintah kota membuka posko pengungsian di tiga kecamatan.\n"
    )
    assert (
        article.title is None and article.published is None and article.source is None
    )
    assert article.photo_credit is None
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(
    ("first", "dateline", "agency"),
    [
        (
            "JAKARTA (Pos Kota) – Polisi menangkap dua pelaku.",
            "JAKARTA (Pos Kota)",
            "Pos Kota",
        ),
        (
            "Jakarta, CNN Indonesia -- Polisi menangkap dua pelaku.",
            "Jakarta, CNN Indonesia",
            "CNN Indonesia",
        ),
        ("Merdeka.com - Polisi menangkap dua pelaku.", "Merdeka.com", "Merdeka.com"),
        (
            "Palu (ANTARA News) - Polisi menangkap dua pelaku.",
            "Palu (ANTARA News)",
            "ANTARA News",
        ),
    ],
)
def test_datelines_become_metadata(first, dateline, agency):
    article = helpers.parse_article(f"{first}\n\nKeduanya kini ditahan di Polres.\n")
    assert article.dateline == dateline
    assert article.source == agency
    assert article.paragraphs[0] == "Polisi menangkap dua pelaku."


def test_crossheads_are_section_labels_not_paragraphs():
    article = helpers.parse_article(
        "Judul Berita Singkat\n\n"
        "Polisi menertibkan pedagang kaki lima di Jalan Sudirman.\n\n"
        "DITINDAK TEGAS\n\n"
        "Pedagang yang melanggar akan ditindak tegas, kata Kapolsek.\n\n"
        "Warga menyambut baik penertiban itu.\n"
    )
    assert article.title == "Judul Berita Singkat"
    assert len(article.paragraphs) == 3
    assert "DITINDAK TEGAS" not in article.paragraphs
    assert article.sections == (None, "DITINDAK TEGAS", "DITINDAK TEGAS")
    table = helpers.paragraphs_table(article)
    assert table["section"].tolist() == ["", "DITINDAK TEGAS", "DITINDAK TEGAS"]


def test_single_newline_paragraphs_are_split_with_a_note():
    article = helpers.parse_article(
        "Hujan turun sejak pagi di Bogor.\nSungai Ciliwung meluap pada sore hari.\nWarga mengungsi ke masjid."
    )
    assert len(article.paragraphs) == 3
    assert article.notes


def test_hard_wrapped_lines_inside_a_paragraph_are_joined():
    article = helpers.parse_article(
        "Kalimat pertama yang\npanjang sekali.\n\nParagraf kedua."
    )
    assert article.paragraphs == (
        "Kalimat pertama yang panjang sekali.",
        "Paragraf kedua.",
    )


# --- bad input -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "error", "phrase"),
    [
        (b"", helpers.EmptyArticleError, "empty"),
        (b"   \n\n\t  \n", helpers.EmptyArticleError, "empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            helpers.BinaryArticleError,
            "binary",
        ),
        (
            "Berita ini ditulis dengan ejaan caf\u00e9.".encode("cp1252"),
            helpers.ArticleEncodingError,
            "not UTF-8",
        ),
        (
            "Sumber foto: google\n\nCopyright \u00a9 Tampang.com\n".encode(),
            helpers.EmptyArticleError,
            "no body",
        ),
    ],
)
def test_bad_files_raise_the_projects_errors(write_article, content, error, phrase):
    path = write_article(content)
    with pytest.raises(error) as info:
        helpers.load_article(path)
    assert str(path) in str(info.value)
    assert phrase in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(helpers.ArticleNotFoundError, match="no such file"):
        helpers.load_article(tmp_path / "missing.txt")
    with pytest.raises(helpers.ArticleNotFoundError, match="directory"):
        helpers.load_article(tmp_path)


def test_errors_render_as_one_line_in_ipython(tmp_path):
    with pytest.raises(helpers.ArticleError) as info:
        helpers.load_article(tmp_path / "missing.txt")
    assert info.value._render_traceback_() == [f"ArticleNotFoundError: {info.value}"]


def test_bom_crlf_and_utf16_decode_to_the_same_article(write_article):
    text = "Judul\n\nParagraf pertama di sini.\n\nParagraf kedua di sana.\n"
    expected = helpers.parse_article(text).paragraphs
    for name, data in {
        "bom.txt": b"\xef\xbb\xbf" + text.encode(),
        "crlf.txt": text.replace("\n", "\r\n").encode(),
        "utf16.txt": text.encode("utf-16"),
    }.items():
        article = helpers.load_article(write_article(data, name))
        assert article.paragraphs == expected, name
        assert article.title == "Judul", name


def test_loading_never_writes_data_raw(seed_path):
    def snapshot():
        return {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in config.RAW_DIR.iterdir()
        }

    before = snapshot()
    helpers.paragraphs_table(helpers.load_article(seed_path))
    assert snapshot() == before


def test_io_refuses_to_write_into_data_raw():
    from helpers import io

    with pytest.raises(PermissionError, match="never written"):
        io.write_text(config.RAW_DIR / "x.txt", "nope")


# --- rules worked by hand (issue 15) ---------------------------------------------------


def test_n_words_of_seed_paragraphs_5_and_6_counted_by_hand(seed_path):
    """Paragraph 5 has 37 white-space words, but "Jean-Pierre" is two names (two
    capitalised parts): 38. Paragraph 6 has 29, but "Perjanjian-pertahanan" is two
    words joined by a hyphen (not a kata ulang), while "negara-negara" (twice) and
    "non-barat" (bound prefix) stay one: 30."""
    table = helpers.paragraphs_table(helpers.load_article(seed_path))
    fifth, sixth = table.loc[4], table.loc[5]
    assert fifth["text"].startswith("Juru bicara Gedung Putih, Karine Jean-Pierre")
    assert sixth["text"].startswith("Perjanjian-pertahanan ini juga membuktikan")
    assert (len(fifth["text"].split()), fifth["n_words"]) == (37, 38)
    assert (len(sixth["text"].split()), sixth["n_words"]) == (29, 30)


def test_the_copyright_footer_wins_over_the_dateline_agency_as_source():
    body = "JAKARTA (Pos Kota) – Harga beras naik lagi pekan ini di banyak pasar."
    with_footer = helpers.parse_article(
        f"{body}\n\nCopyright © Tampang.com\nAll rights reserved\n"
    )
    assert with_footer.source == "Tampang.com"
    assert with_footer.dateline == "JAKARTA (Pos Kota)"
    assert helpers.parse_article(body).source == "Pos Kota"  # no footer: the agency


# --- the parsing rules one by one, with the smallest text that shows each -----------

BODY = "Harga beras naik lagi di pasar."


def test_metadata_table_lists_every_field_as_text():
    article = helpers.parse_article(
        "Sumber foto: Antara\n\nJudul Singkat\n\nTanggal: 21 Jun 2024 10:58 wib.\n\n"
        f"JAKARTA (Pos Kota) – {BODY} (has/has)\n\nBAGIAN DUA\n\n{BODY}\n\n"
        "Copyright © Tampang.com\n",
        path="berita.txt",
    )
    table = article.metadata_table()
    assert table.columns.tolist() == ["field", "value"]
    assert dict(zip(table["field"], table["value"])) == {
        "file": "berita.txt",
        "title": "Judul Singkat",
        "published": "2024-06-21T10:58:00+07:00",
        "source": "Tampang.com",
        "dateline": "JAKARTA (Pos Kota)",
        "photo_credit": "Antara",
        "paragraphs": "2",
        "sections": "1",
        "boilerplate removed": "(has/has)",
    }
    bare = helpers.parse_article(BODY).metadata_table()
    assert dict(zip(bare["field"], bare["value"])) == {
        "file": "<text>",
        "title": "",
        "published": "",
        "source": "",
        "dateline": "",
        "photo_credit": "",
        "paragraphs": "1",
        "sections": "0",
        "boilerplate removed": "",
    }


def test_crosshead_rule_block_by_block():
    def sections(block: str) -> tuple:
        article = helpers.parse_article(f"{BODY}\n\n{block}\n\n{BODY}")
        return article.paragraphs, article.sections

    # All capitals, at most 8 words, no closing . , or ; : a section label.
    eight = "SATU DUA TIGA EMPAT LIMA ENAM TUJUH DELAPAN"
    assert sections(eight) == ((BODY, BODY), (None, eight))
    nine = eight + " SEMBILAN"
    assert sections(nine) == ((BODY, nine, BODY), (None, None, None))
    for end in (".", ",", ";"):
        block = "DITINDAK TEGAS" + end
        assert sections(block)[0] == (BODY, block, BODY), end
    # Lower case, even short and without a full stop, is a paragraph.
    assert sections("kata tanpa titik")[0] == (BODY, "kata tanpa titik", BODY)
    assert sections("Kata Tanpa Titik")[0] == (BODY, "Kata Tanpa Titik", BODY)
    # A hard-wrapped capital block (two lines) is a paragraph, joined.
    assert sections("DUA\nBARIS")[0] == (BODY, "DUA BARIS", BODY)


def test_headline_rule_block_by_block():
    words25 = " ".join(["kata"] * 25)
    assert helpers.parse_article(f"{words25}\n\n{BODY}").title == words25
    assert helpers.parse_article(f"{words25} lagi\n\n{BODY}").title is None
    for end in (".", ",", ";", ":"):
        assert helpers.parse_article(f"Judul{end}\n\n{BODY}").title is None, end
    # Two lines in the first block: hard-wrapped body text, not a headline.
    assert helpers.parse_article(f"Judul\nbaris dua\n\n{BODY}").title is None
    # One block only: it is the body, never the headline.
    single = helpers.parse_article("Harga beras naik")
    assert single.title is None and single.paragraphs == ("Harga beras naik",)
    two = helpers.parse_article(f"Judul\n\n{BODY}")
    assert two.title == "Judul" and two.paragraphs == (BODY,)


def test_footer_lines_and_note_rules():
    article = helpers.parse_article(
        f"{BODY}\n\nCopyright © Tampang.com.\nAll rights reserved\n\nSesudah catatan hak cipta."
    )
    assert article.source == "Tampang.com"  # " ." stripped from the name
    # "All rights reserved" is skipped, and the lines after it are still read.
    assert article.paragraphs == (BODY, "Sesudah catatan hak cipta.")
    assert helpers.parse_article(BODY).notes == ()  # one line: no note
    two_lines = helpers.parse_article(f"{BODY}\n{BODY}")
    assert two_lines.paragraphs == (BODY, BODY) and len(two_lines.notes) == 1
    assert helpers.parse_article(f"{BODY} (has/has)").boilerplate == ("(has/has)",)
    assert helpers.parse_article(BODY).boilerplate == ()


def test_paragraphs_table_of_an_article_without_sections():
    from pathlib import Path

    from helpers.article import Article

    article = Article(
        path=Path("a.txt"),
        title=None,
        published=None,
        source=None,
        photo_credit=None,
        paragraphs=(BODY, "Dua kata."),
    )
    table = helpers.paragraphs_table(article)
    assert table["section"].tolist() == ["", ""]
    assert table["paragraph_id"].tolist() == [1, 2]
    assert table["n_words"].tolist() == [6, 2]
