"""helpers.sentences: Indonesian sentence splitting and quotation spans, by hand."""

from __future__ import annotations

import pytest

from helpers.sentences import quotation_spans, split_sentences

# --- sentences ---------------------------------------------------------------------


def test_sentences_inside_a_quotation_are_split_like_any_other():
    text = '"Kami siap. Kami kuat," kata Kim. Putin tersenyum.'
    assert split_sentences(text) == [
        '"Kami siap.',
        'Kami kuat," kata Kim.',
        "Putin tersenyum.",
    ]


def test_sentence_ending_inside_a_quotation():
    text = 'Putin menyatakan, "Perjanjian ini penting." Kim setuju.'
    assert split_sentences(text) == [
        'Putin menyatakan, "Perjanjian ini penting."',
        "Kim setuju.",
    ]


def test_curly_quotation_split_into_its_sentences():
    text = "Ia berkata, “Kita menang. Mari rayakan.” Semua bersorak."
    assert split_sentences(text) == [
        "Ia berkata, “Kita menang.",
        "Mari rayakan.”",
        "Semua bersorak.",
    ]


def test_unbalanced_quotes_record_no_quotation():
    assert quotation_spans('Ia berkata "tidak. Lalu pergi.') == []
    assert quotation_spans('Kim berkata, "Kami siap. Kami kuat," lalu pergi.') == [
        (13, 36)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kantornya di Jl. Merdeka No. 10 Jakarta.",
        "Ia diperiksa oleh dr. Siti di puskesmas.",
        "Uang dikirim a.n. Budi Santoso kemarin.",
        "Inflasi naik menjadi 33,2 persen tahun ini.",
        "Harga naik 3.5 persen.",
        "Presiden B. J. Habibie lahir di Parepare.",
        "Ia membeli buku, pena, dll. di toko itu.",
        "Prof. Dr. Andi hadir.",
    ],
)
def test_abbreviations_decimals_and_initials_do_not_end_sentences(text):
    assert split_sentences(text) == [text]


def test_plain_sentences_split():
    assert split_sentences("Hujan turun. Banjir datang! Apakah warga aman? Ya.") == [
        "Hujan turun.",
        "Banjir datang!",
        "Apakah warga aman?",
        "Ya.",
    ]


def test_unbalanced_quote_does_not_swallow_the_paragraph():
    assert len(split_sentences('Ia berkata "tidak. Lalu pergi. Semua diam.')) == 3


def test_text_without_terminal_punctuation_is_one_sentence():
    assert split_sentences("Tanpa titik di akhir") == ["Tanpa titik di akhir"]
    assert split_sentences("   ") == []


# --- rules worked by hand (issue 15) ---------------------------------------------------


def test_a_sentence_may_start_with_a_number():
    assert split_sentences("Harga naik. 2024 menjadi tahun yang sulit.") == [
        "Harga naik.",
        "2024 menjadi tahun yang sulit.",
    ]
    # ... but not after an abbreviation: "No. 5" stays in its sentence.
    assert split_sentences("Ia tinggal di Jl. Merdeka No. 5 sejak lama.") == [
        "Ia tinggal di Jl. Merdeka No. 5 sejak lama."
    ]
