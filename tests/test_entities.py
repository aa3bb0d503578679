"""helpers.entities: names found in the text, kinds, alias merging (hand-worked snippets)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import entities
from helpers.errors import OptionError


def table(*paragraphs: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"paragraph_id": range(1, len(paragraphs) + 1), "text": list(paragraphs)}
    )


def found(*paragraphs: str, **options) -> pd.DataFrame:
    return entities.article_entities(table(*paragraphs), **options).set_index("entity")


def test_surname_merges_with_the_full_name_and_counts_once():
    ents = found(
        "Presiden Rusia, Vladimir Putin, tiba di Pyongyang.",
        "Kunjungan Putin disambut hangat. Menurut Putin, kerja sama itu penting.",
    )
    assert ents.loc["Vladimir Putin", "mentions"] == 3
    assert ents.loc["Vladimir Putin", "kind"] == "person"
    assert ents.loc["Vladimir Putin", "aliases"] == "Putin (2); Vladimir Putin (1)"
    assert "Putin" not in ents.index
    assert (
        ents.loc["Rusia", "kind"] == "place"
        and ents.loc["Pyongyang", "kind"] == "place"
    )


def test_hyphenated_surname_and_korean_surname_first():
    ents = found(
        "Juru bicara Gedung Putih, Karine Jean-Pierre, menyatakan kekhawatiran.",
        "Menurut Jean-Pierre, hubungan itu patut diperhatikan.",
        "Pebulu tangkis Korea Selatan Sung Ji-hyun menang. Sung bermain tenang.",
    )
    assert ents.loc["Karine Jean-Pierre", "mentions"] == 2
    assert ents.loc["Sung Ji-hyun", "mentions"] == 2
    assert ents.loc["Sung Ji-hyun", "kind"] == "person"
    assert ents.loc["Korea Selatan", "kind"] == "place"
    assert "jean" not in " ".join(ents.index).lower().replace("jean-pierre", "")


def test_news_short_forms_merge_through_the_alias_table():
    ents = found(
        "Korea Utara menguji rudal. Korut juga mengancam AS.",
        "Pejabat Amerika Serikat menolak.",
    )
    assert ents.loc["Korea Utara", "mentions"] == 2
    assert ents.loc["Korea Utara", "aliases"] == "Korea Utara (1); Korut (1)"
    assert ents.loc["Amerika Serikat", "mentions"] == 2


def test_acronym_in_capitals_only():
    # 'Un' in Kim Jong Un is not the UN, and lower-case 'as' is not Amerika Serikat
    ents = found("Kim Jong Un bertemu utusan UN as usual.")
    assert "Kim Jong Un" in ents.index
    assert ents.loc["PBB", "mentions"] == 1
    assert "Amerika Serikat" not in ents.index


def test_long_name_with_acronym_in_parentheses_is_one_entity():
    ents = found(
        "Komisi Pemberantasan Korupsi (KPK) memanggil saksi.",
        "KPK menahan dua orang. Juru bicara KPK Febri Diansyah menjelaskan.",
    )
    assert ents.loc["KPK", "mentions"] == 4
    assert ents.loc["KPK", "kind"] == "organisation"
    assert ents.loc["Febri Diansyah", "kind"] == "person"


def test_kinds_from_indonesian_cues():
    ents = found(
        "Ribuan pengungsi Rohingya tiba di Cox's Bazar.",
        "Partai Demokrat menggelar rapat di Kabupaten Bogor.",
        "Kebakaran melanda Taman Nasional Gunung Rinjani, kata Sudiyono.",
    )
    assert ents.loc["Rohingya", "kind"] == "group"
    assert ents.loc["Partai Demokrat", "kind"] == "organisation"
    assert ents.loc["Kabupaten Bogor", "kind"] == "place"
    assert ents.loc["Taman Nasional Gunung Rinjani", "kind"] == "place"
    assert ents.loc["Sudiyono", "kind"] == "person"


def test_sentence_initial_words_titles_and_dates_are_not_names():
    ents = found(
        "Pakta pertahanan itu diteken Rabu (19/6). Dalam pertemuan, Presiden memuji Kim.",
        "Sementara Kim juga tersenyum.",
    )
    assert set(ents.index) == {"Kim"}
    assert ents.loc["Kim", "mentions"] == 2


def test_a_name_written_capitalised_elsewhere_counts_at_sentence_start():
    ents = found("Anthony menang mudah.", "Pelatih memuji Anthony Ginting.")
    assert ents.loc["Anthony Ginting", "mentions"] == 2


def test_titles_with_portfolios_and_ranks_leave_the_person():
    spans = entities.find_entities(
        "Hal itu dikatakan Menteri Pendidikan dan Kebudayaan Muhadjir Effendy di Jakarta. "
        "Kanit Reskrim Polsek Metro Tanah Abang Kompol Mustakim berkata."
    )
    names = {m.mention: m.cue for m in spans}
    assert names["Muhadjir Effendy"] == "person"
    assert names["Mustakim"] == "person"
    assert names["Jakarta"] == "place"
    assert "Pendidikan" not in names and "Kebudayaan Muhadjir Effendy" not in names


def test_known_names_split_a_run_unless_it_names_a_body():
    names = [
        m.mention
        for m in entities.find_entities(
            "Saat itu Presiden Rusia Vladimir Putin datang ke Bank Indonesia."
        )
    ]
    assert names == ["Rusia", "Vladimir Putin", "Bank Indonesia"]


def test_mention_spans_point_into_the_text():
    text = "Presiden Rusia, Vladimir Putin, tiba di Pyongyang."
    spans = entities.mention_spans(text)
    assert [text[a:b] for a, b in spans] == ["Rusia", "Vladimir Putin", "Pyongyang"]
    assert entities.mask_entities(text) == "Presiden X, X, tiba di X."


def test_the_gazetteer_is_an_optional_extra_alias_table():
    paragraphs = ("Rusia dan Kremlin sepakat.",)
    without = found(*paragraphs)
    assert {"Rusia", "Kremlin"} <= set(without.index)
    with_gazetteer = found(*paragraphs, extra_aliases=entities.gazetteer_aliases())
    assert with_gazetteer.loc["Rusia", "mentions"] == 2
    assert "Kremlin" not in with_gazetteer.index


def test_entities_table_columns_counts_and_order():
    mentions = entities.entity_mentions(
        table("Korut dan Rusia.", "Rusia lagi. Korea Utara juga.")
    )
    ents = entities.entities_table(mentions)
    assert list(ents.columns) == entities.ENTITY_COLUMNS
    assert ents["mentions"].sum() == len(mentions)
    assert ents.iloc[0][
        ["entity", "mentions", "paragraphs", "first_paragraph"]
    ].tolist() == ["Korea Utara", 2, 2, 1]
    assert ents["mentions"].is_monotonic_decreasing


def test_no_names_gives_an_empty_table_with_the_columns():
    ents = entities.article_entities(table("tidak ada nama di sini."))
    assert ents.empty and list(ents.columns) == entities.ENTITY_COLUMNS


def test_input_is_not_modified_and_bad_input_is_refused():
    paragraphs = table("Putin tiba.")
    before = paragraphs.copy()
    entities.entity_mentions(paragraphs)
    pd.testing.assert_frame_equal(paragraphs, before)
    with pytest.raises(OptionError):
        entities.entity_mentions(pd.DataFrame({"text": ["Putin"]}))
    with pytest.raises(OptionError):
        entities.entity_mentions(
            paragraphs, extra_aliases=pd.DataFrame({"name": ["x"]})
        )


def test_country_names_come_from_cldr_in_indonesian():
    names = entities.reference_names().set_index("name")
    assert names.loc["Korea Utara", "source"] == "CLDR territory"
    assert names.loc["Jerman", "entity"] == "Jerman"
    assert (
        names.loc["Myanmar", "entity"] == "Myanmar"
    )  # "Myanmar (Burma)" without the parenthesis
    assert names.loc["Korut", "source"] == "entity_aliases.csv"
    assert entities.alias_table()["reason"].str.len().gt(10).all()


def test_an_indosum_article_in_the_article_file_format(tmp_path):
    from helpers import load_article, reference

    articles = reference.reference_articles()
    row = articles.iloc[0]
    path = tmp_path / "indosum.txt"
    path.write_text(reference.article_text(row["id"]), encoding="utf-8")
    assert load_article(path).paragraphs[-1] == row["paragraphs"][-1]
    with pytest.raises(KeyError):
        reference.article_text("no-such-id")


def test_a_title_opening_the_sentence_still_makes_a_person():
    ents = found(
        "Pemimpin Myanmar Aung San Suu Kyi berpidato di depan PBB.",
        "Menurut Suu Kyi, pengungsi Rohingya akan dipulangkan.",
    )
    assert ents.loc["Aung San Suu Kyi", "kind"] == "person"
    assert ents.loc["Aung San Suu Kyi", "mentions"] == 2  # "Suu Kyi" is her surname
    assert "Suu Kyi" not in ents.index and "Pemimpin" not in " ".join(ents.index)


def test_a_body_then_a_person_without_a_comma_are_two_entities():
    ents = found("Juru bicara Gedung Putih Karine Jean-Pierre menanggapi.")
    assert set(ents.index) == {"Gedung Putih", "Karine Jean-Pierre"}
    # a place name made of a place word, common words and one name stays whole
    assert list(found("Pendaki tiba di Taman Nasional Gunung Rinjani.").index) == [
        "Taman Nasional Gunung Rinjani"
    ]


def test_an_acronym_in_parentheses_must_spell_the_name_before_it():
    ents = found(
        "Gabungan Koperasi Susu Indonesia (GKSI) menolak. GKSI mengadu ke Indonesia Timur."
    )
    assert "GKSI" in ents.index
    assert "GKSI" not in ents.loc[ents.index != "GKSI", "aliases"].str.cat()


def test_a_case_number_is_not_a_person():
    ents = found("Putusan Perkara No. 12 dibacakan. Perkara No. 13 ditunda.")
    assert not any("No" in name.split() for name in ents.index)


def test_a_paragraph_opening_after_a_heading_without_a_full_stop_is_sentence_initial():
    # "Sarapan" opens its paragraph; the paragraph before (a subheading) has no final
    # full stop, and that must not make "Sarapan" a word written capitalised elsewhere.
    ents = found("Pagi hari tinggi energi", "Sarapan buah di pagi hari baik.")
    assert "Sarapan" not in ents.index


def test_provinces_ministries_and_companies_get_their_kind():
    ents = found(
        "Polisi Jawa Barat menangkap dua orang. Warga Jabar lega.",
        "Ia dihargai Kemenpora dan terbang dengan Sriwijaya Air ke Bandar Udara Blimbingsari.",
    )
    assert ents.loc["Jawa Barat", "kind"] == "place"
    assert ents.loc["Jawa Barat", "aliases"] == "Jabar (1); Jawa Barat (1)"
    assert "Polisi" not in ents.index  # a common word left alone before a known name
    assert ents.loc["Kemenpora", "kind"] == "organisation"
    assert ents.loc["Sriwijaya Air", "kind"] == "organisation"
    assert ents.loc["Bandar Udara Blimbingsari", "kind"] == "place"


def test_a_name_after_a_common_noun_is_not_that_persons_surname():
    ents = found("Ia menjadi Agen Payfazz di desanya. Layanan Payfazz dibuka 2016.")
    assert ents.loc["Payfazz", "mentions"] == 1
    assert ents.loc["Agen Payfazz", "mentions"] == 1


def test_a_name_the_article_writes_alone_splits_a_run_before_a_person():
    ents = found(
        "Bigo Live diblokir. Pengguna Bigo Live kecewa.",
        "Kemarin bos Bigo Live David Li menemui pejabat.",
    )
    assert ents.loc["Bigo Live", "mentions"] == 3
    assert "David Li" in ents.index
    # a surname written alone less often than the full name never splits it
    ents = found("Kim Jong Un tiba. Kim Jong Un pergi.", "Menurut Kim, itu baik.")
    assert ents.loc["Kim Jong Un", "mentions"] == 3


def test_a_ministry_with_its_portfolio_after_dan_is_one_organisation():
    ents = found("Kementerian Pendidikan dan Kebudayaan menerbitkan aturan baru.")
    assert list(ents.index) == ["Kementerian Pendidikan dan Kebudayaan"]
    assert ents.iloc[0]["kind"] == "organisation"


def test_quotes_amounts_and_initials_are_not_names():
    ents = found("Acara 'Good Life' tayang di tvN. Harganya Rp48 miliar, kata N.")
    assert "Good Life" in ents.index  # the closing quote is not part of the name
    assert not {"Good Life'", "Rp48", "N"} & set(ents.index)


def test_an_acronym_of_a_name_in_the_article_is_that_name_without_parentheses():
    ents = found(
        "Partai Komunis Indonesia dilarang sejak 1966.",
        "Presiden menegaskan PKI tidak boleh bangkit. PKI dilarang.",
    )
    assert ents.loc["PKI", "mentions"] == 3
    assert ents.loc["PKI", "aliases"] == "PKI (2); Partai Komunis Indonesia (1)"


def test_news_nicknames_and_club_names():
    ents = found(
        "Presiden Joko Widodo tiba. Jokowi lalu berpidato.",
        "Pelatih Real Madrid memuji Ronaldo.",
    )
    assert ents.loc["Joko Widodo", "mentions"] == 2
    assert ents.loc["Real Madrid", "kind"] == "organisation"
    assert "Madrid" not in ents.index
