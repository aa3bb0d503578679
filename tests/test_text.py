"""Indonesian tokenisation, sentence splitting, stop words and stems, counted by hand."""

from __future__ import annotations

import random

import pandas as pd
import pytest

import helpers
from helpers import config, text
from helpers.errors import OptionError
from helpers.text import is_alpha, is_word, quotation_spans, split_sentences, tokenize

# --- tokens ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "negara-negara",
        "kerja-kerja",
        "berlari-lari",
        "sebaik-baiknya",
        "kemerah-merahan",
        "sayur-mayur",
        "non-barat",
        "Negara-negara",
    ],
)
def test_reduplication_and_prefixed_forms_stay_one_token(word):
    assert tokenize(word) == [word]


@pytest.mark.parametrize(
    ("joined", "parts"),
    [
        ("Korut-Rusia", ["Korut", "Rusia"]),
        ("Putin-Kim", ["Putin", "Kim"]),
        ("Perjanjian-pertahanan", ["Perjanjian", "pertahanan"]),
    ],
)
def test_joined_names_split_into_parts(joined, parts):
    assert tokenize(joined) == parts


def test_numbers_dates_and_times_are_single_tokens():
    assert tokenize(
        "pada Rabu (19/6) pukul 10:58, naik 33,2 persen menjadi 1.000.000"
    ) == [
        "pada",
        "Rabu",
        "(",
        "19/6",
        ")",
        "pukul",
        "10:58",
        ",",
        "naik",
        "33,2",
        "persen",
        "menjadi",
        "1.000.000",
    ]


def test_straight_and_curly_quotes_are_separate_tokens():
    assert tokenize('bertajuk "kemitraan strategis"') == [
        "bertajuk",
        '"',
        "kemitraan",
        "strategis",
        '"',
    ]
    assert tokenize("bersifat “cinta damai” dan ‘defensif’") == [
        "bersifat",
        "“",
        "cinta",
        "damai",
        "”",
        "dan",
        "‘",
        "defensif",
        "’",
    ]


def test_hand_counted_seed_sentence():
    sentence = "Kim Jong Un pun memberikan pujian pada Rusia karena dinilai telah memberikan dukungan strategis."
    tokens = tokenize(sentence)
    assert len(tokens) == 15  # 14 words + the full stop
    assert sum(map(is_word, tokens)) == 14


def test_word_flags():
    assert is_alpha("negara-negara") and is_alpha("Jum'at")
    assert not is_alpha("19/6") and is_word("19/6")
    assert not is_word(",") and not is_alpha(",")


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


# A real IndoSum paragraph (CNN Indonesia, 1502267734-identitas-5-pelaku-tambahan-pembakar-
# orang-di-beka; detokenised, so the closing quote is spaced as in the corpus): one
# quotation of three sentences, attributed after it.
CNN_QUOTE = (
    '"Nanti ada lima lagi yang kami kejar. Kami sudah tahu identitas dan perannya. Ada peran '
    'menyimpan bensin, ada yang membakar, "kata Kapolda Metro Jaya Inspektur Jenderal Idham Aziz '
    "di Jakarta, Selasa (8/8)."
)


def test_a_real_three_sentence_quotation_is_three_sentences_of_one_quotation():
    table = helpers.sentences_table(
        pd.DataFrame({"paragraph_id": [1], "text": [CNN_QUOTE]})
    )
    assert table["text"].tolist()[:2] == [
        '"Nanti ada lima lagi yang kami kejar.',
        "Kami sudah tahu identitas dan perannya.",
    ]
    assert len(table) == 3
    assert table["quoted"].all() and table["quotation"].eq(1).all()
    assert table["speaker"].eq("Kapolda Metro Jaya Inspektur Jenderal Idham Aziz").all()


def test_quotations_are_numbered_over_the_article_and_speakers_found():
    paragraphs = pd.DataFrame(
        {
            "paragraph_id": [1, 2],
            "text": [
                '"Kami siap. Kami kuat," kata Kim Jong Un. Putin tersenyum.',
                'Vladimir Putin menyatakan, "Perjanjian ini penting." Menurut Kim, “Ini damai.” '
                'Ia menjawab "oke", katanya.',
            ],
        }
    )
    table = helpers.sentences_table(paragraphs)
    assert table["quoted"].tolist() == [True, True, False, True, True, True]
    assert table["quotation"].tolist() == [1, 1, 0, 2, 3, 4]
    assert table["speaker"].tolist() == [
        "Kim Jong Un",
        "Kim Jong Un",
        "",
        "Vladimir Putin",
        "Kim",
        "",
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


# --- tables ----------------------------------------------------------------------


@pytest.fixture
def toy_paragraphs():
    return pd.DataFrame(
        {
            "paragraph_id": [1, 2],
            "text": [
                "Negara-negara itu bekerja sama. Mereka sepakat.",
                "Pemerintah Korut-Rusia menandatangani perjanjian.",
            ],
        }
    )


def test_sentences_table_ids_and_order(toy_paragraphs):
    before = toy_paragraphs.copy()
    sentences = helpers.sentences_table(toy_paragraphs)
    pd.testing.assert_frame_equal(toy_paragraphs, before)  # input not mutated
    assert list(sentences.columns) == [
        "paragraph_id",
        "sentence_id",
        "text",
        "quoted",
        "quotation",
        "speaker",
    ]
    assert not sentences["quoted"].any() and sentences["speaker"].eq("").all()
    assert sentences["paragraph_id"].tolist() == [1, 1, 2]
    assert sentences["sentence_id"].tolist() == [1, 2, 3]


def test_tokens_table_hand_counted(toy_paragraphs):
    tokens = helpers.tokens_table(helpers.sentences_table(toy_paragraphs))
    assert list(tokens.columns) == [
        "paragraph_id",
        "sentence_id",
        "token_id",
        "token",
        "lower",
        "stem",
        "is_stopword",
        "is_alpha",
        "is_word",
    ]
    assert tokens["token"].tolist() == [
        "Negara-negara",
        "itu",
        "bekerja",
        "sama",
        ".",
        "Mereka",
        "sepakat",
        ".",
        "Pemerintah",
        "Korut",
        "Rusia",
        "menandatangani",
        "perjanjian",
        ".",
    ]
    assert tokens["token_id"].tolist() == list(range(1, 15))
    row = tokens.set_index("token")
    assert row.loc["Negara-negara", "stem"] == "negara"
    assert row.loc["bekerja", "stem"] == "kerja"
    assert row.loc["perjanjian", "stem"] == "janji"
    assert row.loc["Pemerintah", "stem"] == "pemerintah"  # override: not 'perintah'
    assert row.loc["itu", "is_stopword"] and row.loc["Mereka", "is_stopword"]
    assert not row.loc["Negara-negara", "is_stopword"]
    assert tokens.loc[tokens["token"] == ".", "stem"].eq(".").all()


def test_missing_columns_give_a_clear_error():
    with pytest.raises(ValueError, match="needs columns"):
        helpers.sentences_table(pd.DataFrame({"text": ["a"]}))


# --- stop words and stems ------------------------------------------------------------


def test_stopword_table_is_documented_data():
    table = helpers.stopwords_table()
    assert table["word"].is_unique and table["word"].is_monotonic_increasing
    assert len(table[table["source"] == "stopwords-iso"]) == 758
    extra = table[table["source"] == "project"]
    assert len(extra) > 0 and extra["reason"].str.len().gt(10).all()
    assert {"yang", "dan", "pun", "wib"} <= helpers.stopword_set()


def test_stemmer_memoises_and_applies_overrides():
    stemmer = helpers.Stemmer(overrides={"pemerintah": "pemerintah"})
    assert stemmer.stem("pemerintah") == "pemerintah"
    assert stemmer.stem("kekhawatiran") == "khawatir"
    assert set(stemmer.cache) == {"pemerintah", "kekhawatiran"}
    stemmer.clear_cache()
    assert stemmer.cache == {}


def test_surface_forms_pick_the_most_frequent_form():
    tokens = pd.DataFrame(
        {
            "stem": ["tahan", "tahan", "tahan", "janji"],
            "lower": ["pertahanan", "pertahanan", "bertahan", "perjanjian"],
        }
    )
    assert helpers.surface_forms(tokens) == {
        "tahan": "pertahanan",
        "janji": "perjanjian",
    }


# --- the fast tokeniser equals its reference (moved from test_stemming.py) -----------


@pytest.mark.parametrize(
    "n_samples", [500, pytest.param(20_000, marks=pytest.mark.slow)]
)  # 500: a quick check that make mutants runs per mutant; 20,000 in make test
def test_fast_tokenizer_equals_reference_on_random_strings(n_samples):
    rng = random.Random(config.RANDOM_SEED)
    pieces = list("aAbZ-–'’@.:/,%0912 \n_+()\"“”éİß½") + [
        "http://",
        "www.",
        "https://x-y.com/a-b",
        "a@b.co",
        "non-",
        "-nya",
        "Korut-Rusia",
        "kerja-kerja",
        "10:58",
        "1.000,5",
    ]
    for _ in range(n_samples):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert text.tokenize(sample) == text._tokenize_reference(sample), sample


@pytest.mark.parametrize(
    "n_samples", [500, pytest.param(20_000, marks=pytest.mark.slow)]
)  # 500: a quick check that make mutants runs per mutant; 20,000 in make test
def test_fast_ascii_tokenizer_equals_reference_on_random_ascii_strings(n_samples):
    rng = random.Random(config.RANDOM_SEED + 1)
    pieces = list("aZk-'@.:/,%09 \t\n\r\x0b\x0c\x1c\x1f\x7f_+()\"#") + [
        "kerja-kerja",
        "Korut-Rusia",
        "non-blok",
        "se-Asia",
        "1.000,5",
        "10:58",
        "ke-2",
        "jum'at",
    ]
    for _ in range(n_samples):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert text.tokenize(sample) == text._tokenize_reference(sample), repr(sample)


def test_is_alpha_shortcut_matches_the_regex():
    import re

    pattern = re.compile(rf"{text._WORD}(?:-{text._WORD})*")
    for token in [
        "kata",
        "negara-negara",
        "jum'at",
        "½",
        "Ⅻ",
        "a1",
        "",
        "-",
        "İstanbul",
        "x_y",
    ]:
        assert text.is_alpha(token) == bool(pattern.fullmatch(token)), token


@pytest.mark.parametrize(
    "n_samples", [500, pytest.param(20_000, marks=pytest.mark.slow)]
)  # 500: a quick check that make mutants runs per mutant; 20,000 in make test
def test_letter_tokens_equal_the_alpha_tokens_of_tokenize_on_random_strings(n_samples):
    rng = random.Random(config.RANDOM_SEED + 2)
    pieces = list("aZk-'’@.:/,%09 \t\n\x1c_+()\"#éİß½") + [
        "kerja-kerja",
        "Korut-Rusia",
        "non-blok",
        "se-Asia",
        "1.000,5",
        "ke-2",
        "jum'at",
        "http://a-b.id",
        "www.",
        "a@b.co",
        "x-12-y",
        "-nya",
        "berlari-lari",
        "Kota-Kata",
        "HTTP://A.ID",
        "Salah",
    ]
    for _ in range(n_samples):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        expected = [t for t in text.tokenize(sample) if text.is_alpha(t)]
        assert text.letter_tokens(sample) == expected, repr(sample)
        lowered = [t.lower() for t in expected]
        assert text.letter_tokens(sample, lower=True) == lowered, repr(sample)


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


def test_two_capitalised_rhyming_names_are_two_tokens():
    # Mali-Bali rhymes like sayur-mayur, but two capitalised parts are two names.
    assert tokenize("Mali-Bali") == ["Mali", "Bali"]
    assert tokenize("sayur-mayur") == ["sayur-mayur"]
    assert tokenize("Lauk-pauk") == [
        "Lauk-pauk"
    ]  # one capital: a sentence-initial kata ulang


def test_stopwords_table_columns_order_and_reasons():
    from helpers.stopwords import stopwords_table

    table = stopwords_table()
    assert table.columns.tolist() == ["word", "source", "reason"]
    assert table.index.equals(pd.RangeIndex(len(table)))
    assert table["word"].is_monotonic_increasing and table["word"].is_unique
    base = table[table["source"] == "stopwords-iso"]
    assert len(base) == 758 and (base["reason"] == "").all()
    project = table[table["source"] == "project"]
    assert len(project) > 0 and project["reason"].str.len().gt(10).all()


def test_reduplication_rule_at_its_thresholds():
    redup = text._is_reduplication
    assert redup("baca", "membaca")  # the whole 4-letter base, from its first letter
    assert not redup("ikan", "makan")  # 3 shared letters: below the 4-letter base
    # A 4-letter base must also cover 60% of the shorter part: 6 of 10 does.
    assert redup("abcdefghij", "xxxxabcdef")
    assert not redup("abcdxyzw", "abcdpqrs")  # 4 of 8 is under 60%
    # Rhymes: same length (3 or more), only the first letter differs.
    assert redup("mak", "pak") and not redup("ak", "ok")


def test_quotations_numbered_over_three_paragraphs_with_repeated_sentences():
    paragraphs = pd.DataFrame(
        {
            "paragraph_id": [1, 2, 3],
            "text": [
                'Harga naik. "Harga naik." Harga naik.',
                '"Kami menolak," kata Budi.',
                'Ia diam. "Tidak."',
            ],
        }
    )
    table = text.sentences_table(paragraphs)
    # The same words three times: only the middle one, in quotation marks, is quoted.
    assert table["text"].tolist() == [
        "Harga naik.",
        '"Harga naik."',
        "Harga naik.",
        '"Kami menolak," kata Budi.',
        "Ia diam.",
        '"Tidak."',
    ]
    assert table["quoted"].tolist() == [False, True, False, True, False, True]
    assert table["quotation"].tolist() == [0, 1, 0, 2, 0, 3]  # one count per article
    assert table["speaker"].tolist() == ["", "", "", "Budi", "", ""]
    assert table["sentence_id"].tolist() == [1, 2, 3, 4, 5, 6]
    assert table.columns[:3].tolist() == ["paragraph_id", "sentence_id", "text"]
    with pytest.raises(OptionError) as info:
        text.sentences_table(paragraphs.drop(columns="text"))
    assert "sentences_table" in str(info.value)
    assert "Build it with helpers.paragraphs_table()." in str(info.value)


def test_is_stopword_ignores_case():
    from helpers.stopwords import is_stopword

    assert is_stopword("YANG") and is_stopword("yang")
    assert not is_stopword("Pakta")
