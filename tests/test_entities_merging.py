"""helpers.entities.merging: aliases of one entity within an article (hand-worked snippets)."""

from __future__ import annotations

from entity_snippets import found
from helpers import entities


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


def test_the_gazetteer_is_an_optional_extra_alias_table():
    paragraphs = ("Rusia dan Kremlin sepakat.",)
    without = found(*paragraphs)
    assert {"Rusia", "Kremlin"} <= set(without.index)
    with_gazetteer = found(*paragraphs, extra_aliases=entities.gazetteer_aliases())
    assert with_gazetteer.loc["Rusia", "mentions"] == 2
    assert "Kremlin" not in with_gazetteer.index


def test_an_acronym_in_parentheses_must_spell_the_name_before_it():
    ents = found(
        "Gabungan Koperasi Susu Indonesia (GKSI) menolak. GKSI mengadu ke Indonesia Timur."
    )
    assert "GKSI" in ents.index
    assert "GKSI" not in ents.loc[ents.index != "GKSI", "aliases"].str.cat()


def test_a_name_after_a_common_noun_is_not_that_persons_surname():
    ents = found("Ia menjadi Agen Payfazz di desanya. Layanan Payfazz dibuka 2016.")
    assert ents.loc["Payfazz", "mentions"] == 1
    assert ents.loc["Agen Payfazz", "mentions"] == 1


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
