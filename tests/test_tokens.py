"""helpers.tokens: Indonesian tokenisation, counted by hand and against its reference."""

from __future__ import annotations

import random
import re

import pytest

from helpers import config, tokens
from helpers.tokens import is_alpha, is_word, tokenize

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


# --- the fast tokeniser equals its reference ----------------------------------------


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
        assert tokens.tokenize(sample) == tokens._tokenize_reference(sample), sample


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
        assert tokens.tokenize(sample) == tokens._tokenize_reference(sample), repr(
            sample
        )


def test_is_alpha_shortcut_matches_the_regex():
    pattern = re.compile(rf"{tokens._WORD}(?:-{tokens._WORD})*")
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
        assert tokens.is_alpha(token) == bool(pattern.fullmatch(token)), token


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
        expected = [t for t in tokens.tokenize(sample) if tokens.is_alpha(t)]
        assert tokens.letter_tokens(sample) == expected, repr(sample)
        lowered = [t.lower() for t in expected]
        assert tokens.letter_tokens(sample, lower=True) == lowered, repr(sample)


# --- rules worked by hand (issue 15) ---------------------------------------------------


def test_two_capitalised_rhyming_names_are_two_tokens():
    # Mali-Bali rhymes like sayur-mayur, but two capitalised parts are two names.
    assert tokenize("Mali-Bali") == ["Mali", "Bali"]
    assert tokenize("sayur-mayur") == ["sayur-mayur"]
    assert tokenize("Lauk-pauk") == [
        "Lauk-pauk"
    ]  # one capital: a sentence-initial kata ulang


def test_reduplication_rule_at_its_thresholds():
    redup = tokens._is_reduplication
    assert redup("baca", "membaca")  # the whole 4-letter base, from its first letter
    assert not redup("ikan", "makan")  # 3 shared letters: below the 4-letter base
    # A 4-letter base must also cover 60% of the shorter part: 6 of 10 does.
    assert redup("abcdefghij", "xxxxabcdef")
    assert not redup("abcdxyzw", "abcdpqrs")  # 4 of 8 is under 60%
    # Rhymes: same length (3 or more), only the first letter differs.
    assert redup("mak", "pak") and not redup("ak", "ok")
