"""helpers.entities.candidates: finding names in one text (hand-worked snippets)."""

from __future__ import annotations

from entity_snippets import found
from helpers import entities


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


def test_a_body_then_a_person_without_a_comma_are_two_entities():
    ents = found("Juru bicara Gedung Putih Karine Jean-Pierre menanggapi.")
    assert set(ents.index) == {"Gedung Putih", "Karine Jean-Pierre"}
    # a place name made of a place word, common words and one name stays whole
    assert list(found("Pendaki tiba di Taman Nasional Gunung Rinjani.").index) == [
        "Taman Nasional Gunung Rinjani"
    ]


def test_a_case_number_is_not_a_person():
    ents = found("Putusan Perkara No. 12 dibacakan. Perkara No. 13 ditunda.")
    assert not any("No" in name.split() for name in ents.index)


def test_a_paragraph_opening_after_a_heading_without_a_full_stop_is_sentence_initial():
    # "Sarapan" opens its paragraph; the paragraph before (a subheading) has no final
    # full stop, and that must not make "Sarapan" a word written capitalised elsewhere.
    ents = found("Pagi hari tinggi energi", "Sarapan buah di pagi hari baik.")
    assert "Sarapan" not in ents.index


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
