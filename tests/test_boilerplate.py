"""Boilerplate lines of real IndoSum articles are metadata, not body text (issue 10).

Each case is a real line from the IndoSum corpus (detokenised by helpers.reference),
with the article id it comes from.
"""

from __future__ import annotations

import pytest

from helpers.article import parse_article
from helpers.boilerplate import strip_boilerplate

CASES = [
    # (article id, paragraph, body left, removed)
    (
        "1510877401-di-tengah-ancaman-korut-jepang-as-latihan-maritim-",
        "Desakan ini juga menjadi salah satu agenda utama Presiden Donald Trump dalam tur Asia sepanjang pekan lalu. (has/has)",
        "Desakan ini juga menjadi salah satu agenda utama Presiden Donald Trump dalam tur Asia sepanjang pekan lalu.",
        ["(has/has)"],
    ),
    (
        "1503655922-pb-xiii-akhirnya-serahkan-pengelolaan-keraton-sura",
        '"Sinuhun (PB XIII) yang akan menentukan struktur bebadan," katanya. [bal]',
        '"Sinuhun (PB XIII) yang akan menentukan struktur bebadan," katanya.',
        ["[bal]"],
    ),
    (
        "1493777700-janji-kpu-ri-transparansi-integritas-dan-kejujuran",
        "Baca juga: Pembahasan RUU Pemilu yang Molor Hambat Tugas KPU RI",
        "",
        ["Baca juga: Pembahasan RUU Pemilu yang Molor Hambat Tugas KPU RI"],
    ),
    (
        "goal indonesia, SIMAK JUGA",
        "SIMAK JUGA - Persib Pastikan Incar Cole",
        "",
        ["SIMAK JUGA - Persib Pastikan Incar Cole"],
    ),
    (
        "juara.net, (Baca juga: ...)",
        "(Baca juga: Performa Johann Zarco Musim Ini Kembali Tuai Pujian)",
        "",
        ["(Baca juga: Performa Johann Zarco Musim Ini Kembali Tuai Pujian)"],
    ),
    (
        "kumparan, [Baca juga: ...]",
        "[Baca juga: Djarot Minta Satpol PP Bongkar Bedeng di Kalijodo dan Kampung Akuarium]",
        "",
        [
            "[Baca juga: Djarot Minta Satpol PP Bongkar Bedeng di Kalijodo dan Kampung Akuarium]"
        ],
    ),
    (
        "cnn indonesia, (Baca: ...) (agk/agk)",
        "Semua kandidat akan diseleksi tanpa dibedakan. (Baca: KPK Siapkan Sejumlah Posisi Strategis untuk Diisi TNI) (agk/agk)",
        "Semua kandidat akan diseleksi tanpa dibedakan.",
        ["(Baca: KPK Siapkan Sejumlah Posisi Strategis untuk Diisi TNI)", "(agk/agk)"],
    ),
    (
        "kumparan, inline Baca juga",
        "Ponsel itu sudah dapat dipesan sejak 8 hingga 18 April di sejumlah toko ritel dan online. "
        "Baca juga: 5 Mei, Samsung Pastikan Jual Galaxy S8 di Indonesia",
        "Ponsel itu sudah dapat dipesan sejak 8 hingga 18 April di sejumlah toko ritel dan online.",
        ["Baca juga: 5 Mei, Samsung Pastikan Jual Galaxy S8 di Indonesia"],
    ),
    ("kumparan, Baca juga: (empty)", "Baca juga:", "", ["Baca juga:"]),
    (
        "dailysocial.id, photo caption",
        "Tesla (Foto: Tesla)",
        "",
        ["Tesla (Foto: Tesla)"],
    ),
    ("kumparan, photo credit line", "Foto: Shutterstock", "", ["Foto: Shutterstock"]),
    ("reporter credit", "Penulis: Anggun Pratama", "", ["Penulis: Anggun Pratama"]),
    ("dailysocial.id, source credit", "Sumber: DPReview.", "", ["Sumber: DPReview."]),
    (
        "dailysocial.id, source credit",
        "Sumber berita Gizmochina.",
        "",
        ["Sumber berita Gizmochina."],
    ),
    (
        "dailysocial.id, disclosure",
        "–Disclosure: DailySocial merupakan media partner untuk Social Media Week Jakarta.",
        "",
        [
            "–Disclosure: DailySocial merupakan media partner untuk Social Media Week Jakarta."
        ],
    ),
    (
        "antaranews, agency tag",
        "Kegiatan itu berlangsung hingga Minggu. (Antara)",
        "Kegiatan itu berlangsung hingga Minggu.",
        ["(Antara)"],
    ),
    ("poskotanews, alone", "(res)", "", ["(res)"]),
]


@pytest.mark.parametrize(
    "source, paragraph, body, removed",
    CASES,
    ids=[c[0][:40] + c[1][:20] for c in CASES],
)
def test_real_boilerplate_lines_are_removed(source, paragraph, body, removed):
    assert strip_boilerplate(paragraph) == (body, removed)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Pertandingan 00/00/00 Inggris 2-0 Prancis (Uji Coba) berlangsung ketat.",
        "Ia membaca buku itu (19/6) di rumah.",
        "Sumber daya pemeriksaan kurang, kata mereka, sehingga tenggat sulit dikejar oleh maskapai.",
        "Bintang Disclosure itu mengejutkan semua orang.",
        "Menurut dia, kita perlu membaca juga laporan itu.",
    ],
)
def test_body_text_that_only_looks_like_boilerplate_is_kept(paragraph):
    assert strip_boilerplate(paragraph) == (paragraph, [])


def test_parse_article_keeps_boilerplate_as_metadata():
    text = (
        "Otoritas Inggris juga menduga peretas Korut sebagai dalang di balik serangan. (has/has)\n\n"
        "Baca juga: Pembahasan RUU Pemilu yang Molor Hambat Tugas KPU RI\n\n"
        "Paragraf kedua yang biasa saja.\n"
    )
    article = parse_article(text)
    assert article.paragraphs == (
        "Otoritas Inggris juga menduga peretas Korut sebagai dalang di balik serangan.",
        "Paragraf kedua yang biasa saja.",
    )
    assert article.boilerplate == (
        "(has/has)",
        "Baca juga: Pembahasan RUU Pemilu yang Molor Hambat Tugas KPU RI",
    )
    assert (
        "(has/has)"
        in article.metadata_table()
        .set_index("field")
        .loc["boilerplate removed", "value"]
    )
