"""The inputs of a corpus run: :class:`CorpusItem` records from a folder or IndoSum.

Part of :mod:`helpers.corpus` (the package docstring describes the data flow).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from ..errors import ArticleNotFoundError
from .settings import INDOSUM


@dataclass(frozen=True)
class CorpusItem:
    """One article to analyse: a file (``path``) or inline text (``text``), plus the
    metadata the source already knows (IndoSum's outlet, category and URL)."""

    article: str
    path: str | None = None
    text: str | None = field(default=None, repr=False)
    source: str | None = None
    category: str | None = None
    url: str | None = None

    @property
    def file(self) -> str:
        """How ``errors.csv`` names the item: the path inside the corpus folder."""
        return (
            f"{self.article}.txt"
            if self.path is not None
            else f"{INDOSUM}/{self.article}"
        )


def corpus_name(corpus: str | os.PathLike) -> str:
    """The ``<name>`` of ``corpus-<name>``: ``indosum``, or the folder's name."""
    if str(corpus) == INDOSUM:
        return INDOSUM
    return config.slug_for(config.resolve_path(corpus).name + ".x")


def corpus_items(corpus: str | os.PathLike) -> list[CorpusItem]:
    """The articles of a corpus, sorted by ``article`` id.

    Args:
        corpus: ``"indosum"`` for the IndoSum reference corpus, or a folder: every
            ``.txt`` file below it (subfolders included; a file's subfolder becomes its
            ``category``). ``article`` is the path inside the folder without ``.txt``.

    Raises:
        ArticleNotFoundError: the folder does not exist or holds no ``.txt`` file.
    """
    if str(corpus) == INDOSUM:
        from ..reference import reference_articles

        table = reference_articles()
        items = [
            CorpusItem(
                article=row.id,
                text=row.text,
                source=row.source,
                category=row.category,
                url=row.url,
            )
            for row in table.itertuples(index=False)
        ]
        return sorted(items, key=lambda item: item.article)
    folder = config.resolve_path(corpus)
    if not folder.is_dir():
        raise ArticleNotFoundError(
            folder,
            "is not a folder.",
            "Use CORPUS=a folder of .txt articles, or CORPUS=indosum.",
        )
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file() or p.is_symlink())
    if not files:
        raise ArticleNotFoundError(
            folder, "holds no .txt file.", "Put one article per UTF-8 .txt file in it."
        )
    items = []
    for path in files:
        relative = path.relative_to(folder)
        category = relative.parent.as_posix() if relative.parent != Path(".") else None
        items.append(
            CorpusItem(
                article=relative.with_suffix("").as_posix(),
                path=str(path),
                category=category,
            )
        )
    return sorted(items, key=lambda item: item.article)
