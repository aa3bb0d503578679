"""helpers.text: the sentence and token tables, counted by hand."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers import text
from helpers.errors import OptionError

# --- quotations and speakers over an article ----------------------------------------


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
