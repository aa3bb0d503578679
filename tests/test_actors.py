"""Actor gazetteer and mention finding, on tiny Indonesian snippets."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import OptionError
from helpers.actors import actor_gazetteer, actor_mentions, actor_names, actor_presence


def _paras(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"paragraph_id": range(1, len(texts) + 1), "text": list(texts)})


def _actors(text: str) -> list[str]:
    return actor_mentions(_paras(text))["actor"].tolist()


def test_gazetteer_is_data_with_required_aliases():
    table = actor_gazetteer()
    assert list(table.columns) == ["actor", "alias", "case_sensitive", "kind", "note"]
    pairs = set(zip(table["actor"], table["alias"]))
    for pair in [
        ("Rusia", "Kremlin"),
        ("Korea Utara", "Korut"),
        ("Korea Utara", "Pyongyang"),
        ("Amerika Serikat", "AS"),
        ("Amerika Serikat", "Gedung Putih"),
        ("Putin", "Putin"),
        ("Kim Jong Un", "Kim Jong Un"),
        ("NATO", "NATO"),
        ("Barat", "Barat"),
        ("Asia Timur", "Asia Timur"),
        ("Semenanjung Korea", "Semenanjung Korea"),
    ]:
        assert pair in pairs
    assert not table["alias"].duplicated().any()
    assert (table["note"].str.len() > 0).all()
    assert actor_names()[:2] == ["Rusia", "Korea Utara"]


def test_full_name_is_one_mention_not_two():
    assert _actors("Kim Jong Un bertemu Vladimir Putin.") == ["Kim Jong Un", "Putin"]
    assert _actors("Menurut Kim, Putin setuju.") == ["Kim Jong Un", "Putin"]


def test_as_is_case_sensitive():
    assert _actors("Sanksi AS terhadap Korut.") == ["Amerika Serikat", "Korea Utara"]
    assert _actors("He spoke as a friend.") == []


def test_barat_rules():
    # political West (capitalised) counts; direction, provinces and non- do not
    assert _actors("Negara-negara Barat menolak.") == ["Barat"]
    assert _actors("Angin bertiup ke arah barat.") == []
    assert _actors("Gubernur Jawa Barat dan pakar Asia Barat hadir.") == []
    assert _actors("negara-negara non-barat dan non-Barat") == []


def test_hyphen_is_a_boundary_and_word_parts_are_not():
    assert _actors("Pakta Korut-Rusia") == ["Korea Utara", "Rusia"]
    assert _actors("Ilmu Kimia dan Rusiawi") == []


def test_other_kims_do_not_count_as_kim_jong_un():
    assert _actors("Kim Yo Jong berbicara.") == []
    assert _actors("Kim Jong Nam tewas di Kuala Lumpur.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kim Dae-jung meraih Nobel.", []),  # another Kim: given name follows
        ("Kim Yong Chol tiba.", []),
        (
            "Presiden Moon bertemu Kim Jung Un.",
            [],
        ),  # a spelling not in the gazetteer is not guessed
        (
            "Putin memuji Kim karena setia.",
            ["Putin", "Kim Jong Un"],
        ),  # lower-case word follows
        (
            "Putin bertemu Kim Rabu (19/6).",
            ["Putin", "Kim Jong Un"],
        ),  # a day name is not a given name
        ("Putin bertemu Kim. Mereka makan.", ["Putin", "Kim Jong Un"]),  # sentence end
        (
            "Kim Jong menyambut Putin.",
            ["Kim Jong Un", "Putin"],
        ),  # 'Jong' is his own given name
    ],
)
def test_kim_followed_by_another_given_name_is_someone_else(text, expected):
    assert _actors(text) == expected


def test_offsets_point_at_the_mention_and_ids_are_kept():
    sentences = pd.DataFrame(
        {
            "paragraph_id": [1, 1, 2],
            "sentence_id": [1, 2, 3],
            "text": ["Rusia dan China.", "Tanpa aktor.", "Kremlin, Tiongkok, NATO."],
        }
    )
    before = sentences.copy()
    mentions = actor_mentions(sentences)
    assert list(mentions.columns) == [
        "paragraph_id",
        "sentence_id",
        "actor",
        "alias",
        "mention",
        "start",
        "end",
    ]
    assert mentions["actor"].tolist() == ["Rusia", "China", "Rusia", "China", "NATO"]
    assert mentions["sentence_id"].tolist() == [1, 1, 3, 3, 3]
    texts = dict(zip(sentences["sentence_id"], sentences["text"]))
    for row in mentions.itertuples():
        assert texts[row.sentence_id][row.start : row.end] == row.mention
    pd.testing.assert_frame_equal(sentences, before)


def test_presence_is_long_with_zero_rows():
    paragraphs = _paras("Rusia, Rusia dan Putin.", "Tidak ada aktor di sini.")
    presence = actor_presence(paragraphs)
    n_actors = len(actor_names())
    assert list(presence.columns) == ["paragraph_id", "actor", "mentions"]
    assert len(presence) == 2 * n_actors
    counts = presence.set_index(["paragraph_id", "actor"])["mentions"]
    assert (
        counts[(1, "Rusia")] == 2
        and counts[(1, "Putin")] == 1
        and counts[(2, "Rusia")] == 0
    )
    assert presence["mentions"].sum() == len(actor_mentions(paragraphs))


def test_empty_table_and_bad_input():
    empty = actor_mentions(_paras())
    assert empty.empty and "actor" in empty.columns
    assert actor_presence(_paras()).empty
    with pytest.raises(OptionError, match="text_column"):
        actor_mentions(_paras("Rusia"), text_column="body")
    with pytest.raises(OptionError, match="id column"):
        actor_mentions(pd.DataFrame({"text": ["Rusia"]}))


def test_cooccurrence_counts_paragraphs_naming_both():
    from helpers.actors import actor_cooccurrence

    presence = actor_presence(
        _paras("Rusia dan Korut.", "Rusia, Rusia dan China.", "Korea Utara saja.")
    )
    matrix = actor_cooccurrence(presence)
    assert list(matrix.index) == [
        "Rusia",
        "Korea Utara",
        "China",
    ]  # gazetteer order, mentioned only
    assert matrix.loc["Rusia", "Rusia"] == 2  # paragraphs, not mentions
    assert matrix.loc["Rusia", "Korea Utara"] == 1 == matrix.loc["Korea Utara", "Rusia"]
    assert matrix.loc["Korea Utara", "China"] == 0
    assert actor_cooccurrence(actor_presence(_paras("Tanpa aktor."))).empty
