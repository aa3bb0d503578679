"""helpers.entities.places: place words split from the names around them."""

from __future__ import annotations

from entity_snippets import found


def kinds(*paragraphs: str) -> dict[str, str]:
    return found(*paragraphs)["kind"].to_dict()


def test_a_regency_after_a_title_is_split_from_the_person():
    assert kinds(
        "Hal itu dikatakan Bupati Kabupaten Ende Marsel Petu kepada wartawan."
    ) == {
        "Kabupaten Ende": "place",
        "Marsel Petu": "person",
    }
    assert kinds("Menurut Kepala Desa Koanara Yohanes Sega, danau aman.") == {
        "Desa Koanara": "place",
        "Yohanes Sega": "person",
    }


def test_a_territorial_title_names_its_territory_when_the_article_says_it_is_a_place():
    ents = found("Bupati Banyuwangi Azwar Anas membuka festival di Banyuwangi.")
    assert ents.loc["Banyuwangi", "kind"] == "place"
    assert ents.loc["Banyuwangi", "mentions"] == 2
    assert ents.loc["Azwar Anas", "kind"] == "person"
    # no such evidence: a three-word name after the title stays one person
    assert kinds("Gubernur Basuki Tjahaja Purnama hadir di Jakarta.") == {
        "Basuki Tjahaja Purnama": "person",
        "Jakarta": "place",
    }


def test_a_chain_of_units_is_one_place_per_unit():
    assert list(
        found(
            "Keduanya tinggal di Desa Banaran Kecamatan Pulung Kabupaten Ponorogo."
        ).index
    ) == ["Desa Banaran", "Kabupaten Ponorogo", "Kecamatan Pulung"]


def test_a_unit_and_its_qualifiers_without_a_person_stay_whole():
    assert kinds(
        "Banjir melanda Kabupaten Halmahera Timur dan Kabupaten Seram Bagian Barat."
    ) == {
        "Kabupaten Halmahera Timur": "place",
        "Kabupaten Seram Bagian Barat": "place",
    }


def test_an_amount_after_a_place_is_not_part_of_it():
    assert "Kabupaten Bekasi" in found("UMK Kabupaten Bekasi Rp3,91 juta.").index


def test_a_name_the_article_writes_as_a_regency_is_a_place():
    ents = found(
        "Wisatawan tiba dari Ende. Kabupaten Ende menutup jalan.", "Ende aman."
    )
    assert ents.loc["Ende", "kind"] == "place"
    assert ents.loc["Kabupaten Ende", "kind"] == "place"
