"""helpers.entities.gazetteer: known names from CLDR and the alias tables."""

from __future__ import annotations

from helpers import entities


def test_country_names_come_from_cldr_in_indonesian():
    names = entities.reference_names().set_index("name")
    assert names.loc["Korea Utara", "source"] == "CLDR territory"
    assert names.loc["Jerman", "entity"] == "Jerman"
    assert (
        names.loc["Myanmar", "entity"] == "Myanmar"
    )  # "Myanmar (Burma)" without the parenthesis
    assert names.loc["Korut", "source"] == "entity_aliases.csv"
    assert entities.alias_table()["reason"].str.len().gt(10).all()
