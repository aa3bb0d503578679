"""helpers.entities.kinds: the kind of an entity from Indonesian cues (hand-worked snippets)."""

from __future__ import annotations

from entity_snippets import found


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


def test_a_title_opening_the_sentence_still_makes_a_person():
    ents = found(
        "Pemimpin Myanmar Aung San Suu Kyi berpidato di depan PBB.",
        "Menurut Suu Kyi, pengungsi Rohingya akan dipulangkan.",
    )
    assert ents.loc["Aung San Suu Kyi", "kind"] == "person"
    assert ents.loc["Aung San Suu Kyi", "mentions"] == 2  # "Suu Kyi" is her surname
    assert "Suu Kyi" not in ents.index and "Pemimpin" not in " ".join(ents.index)
