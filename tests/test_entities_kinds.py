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


def test_an_app_and_a_tv_show_are_not_people():
    # Two capitalised words with no title, role or speech cue are no evidence of a
    # person: Bigo Live is an app, Infinite Challenge a TV programme.
    ents = found(
        "Kemkominfo memblokir Bigo Live. Pengguna Bigo Live kecewa.",
        "Acara 'Infinite Challenge' tayang di tvN.",
    )
    assert ents.loc["Bigo Live", "kind"] == "other"
    assert ents.loc["Infinite Challenge", "kind"] == "other"


def test_a_lower_case_role_an_age_or_a_korean_given_name_makes_a_person():
    ents = found(
        "Acara itu dibuat produser Kim Min-jong bersama komposer Spike dan Nayeon.",
        "Warga menemukan jasad Fendi Timah (56). Selain itu, Seung-yoon bermain.",
    )
    assert ents.loc["Kim Min-jong", "kind"] == "person"  # role, and Min-jong
    assert ents.loc["Spike", "kind"] == "person"  # komposer
    assert ents.loc["Nayeon", "kind"] == "other"  # no cue
    assert ents.loc["Fendi Timah", "kind"] == "person"  # (56): an age
    assert ents.loc["Seung-yoon", "kind"] == "person"  # a Korean given name


def test_a_ministry_portfolio_is_no_person():
    # "Komunikasi dan Informatika" after Menteri is the ministry's portfolio; the
    # person is the name after it (also after a short form in parentheses).
    ents = found(
        "Kementerian Komunikasi dan Informatika (Kemkominfo) memblokir layanan itu.",
        "Menteri Komunikasi dan Informatika (Menkominfo), Rudiantara, menemui "
        "bos Bigo Live David Li. Bigo Live diblokir. Pengguna Bigo Live kecewa.",
    )
    assert "Komunikasi" not in ents.index and "Informatika" not in ents.index
    assert ents.loc["Kementerian Komunikasi dan Informatika", "kind"] == "organisation"
    assert ents.loc["Rudiantara", "kind"] == "person"
    assert ents.loc["David Li", "kind"] == "person"  # bos: the body, then the person
    assert ents.loc["Bigo Live", "kind"] == "other"


def test_kota_is_a_place_word_not_a_title():
    # "Wali Kota" is a title, but "Kota" alone opens a city's name.
    ents = found("Banjir melanda Kota Bandung. Pemerintah Kota Bandung siaga.")
    assert ents.loc["Kota Bandung", "kind"] == "place"
    assert ents.loc["Pemerintah Kota Bandung", "kind"] == "organisation"
    assert "Bandung" not in ents.index
