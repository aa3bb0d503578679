"""helpers.entities as a package: the public names, and an IndoSum article as input."""

from __future__ import annotations

import pytest

from helpers import entities


def test_an_indosum_article_in_the_article_file_format(tmp_path):
    from helpers import load_article, reference

    articles = reference.reference_articles()
    row = articles.iloc[0]
    path = tmp_path / "indosum.txt"
    path.write_text(reference.article_text(row["id"]), encoding="utf-8")
    assert load_article(path).paragraphs[-1] == row["paragraphs"][-1]
    with pytest.raises(KeyError):
        reference.article_text("no-such-id")


#: Names the notebooks, helpers and tests use as ``entities.X`` or import from
#: ``helpers.entities`` (grep of src, tests and notebooks when the module became a
#: package): they must keep working from the package.
USED_NAMES = (
    "ENTITY_COLUMNS",
    "KINDS",
    "MENTION_COLUMNS",
    "Mention",
    "alias_table",
    "article_entities",
    "entities_table",
    "entity_mentions",
    "find_entities",
    "gazetteer_aliases",
    "mask_entities",
    "mention_spans",
    "reference_names",
)


def test_the_package_exports_every_name_used_outside_it():
    assert set(USED_NAMES) <= set(entities.__all__)
    for name in entities.__all__:
        assert getattr(entities, name) is not None, name
    from helpers.entities import ENTITY_COLUMNS, mention_spans

    assert ENTITY_COLUMNS[0] == "entity" and mention_spans("Rusia.") == [(0, 5)]


def test_every_module_of_the_package_is_under_500_lines():
    from pathlib import Path

    for path in Path(entities.__file__).parent.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, path.name
