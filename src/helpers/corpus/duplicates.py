"""Near-duplicate articles from MinHash signatures (LSH).

Part of :mod:`helpers.corpus` (the package docstring describes the data flow).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import config
from .settings import CORPUS_SETTINGS, MINHASH_SCHEME, CorpusSettings


def near_duplicates(
    articles: pd.DataFrame,
    signatures: np.ndarray,
    *,
    settings: CorpusSettings = CORPUS_SETTINGS,
) -> pd.DataFrame:
    """Pairs of articles that share most of their word 5-grams (syndicated or copied).

    Args:
        articles: ``article`` and ``source`` per row, aligned with ``signatures``.
        signatures: from :func:`minhash_signature`, one row per article.

    Returns:
        Columns ``article_a``, ``article_b`` (``a < b``), ``source_a``, ``source_b``,
        ``same_source``, ``jaccard`` (estimated from the signatures, ±0.06 at 64
        permutations), sorted by ``jaccard`` descending then ids.

    Caveats: MinHash LSH finds pairs above the threshold with high probability, not
    certainty; a pair just below it may be missed or kept. Two articles quoting the
    same long statement can also pass.
    """
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    columns = [
        "article_a",
        "article_b",
        "source_a",
        "source_b",
        "same_source",
        "jaccard",
    ]
    ids = articles["article"].astype(str).tolist()
    sources = dict(zip(ids, articles["source"].fillna("").astype(str)))
    lsh = MinHashLSH(
        threshold=settings.near_duplicate_threshold, num_perm=settings.num_perm
    )
    hashes = []
    for key, values in zip(ids, signatures):
        minhash = LeanMinHash(
            MinHash(
                num_perm=settings.num_perm,
                seed=config.RANDOM_SEED % (2**32),
                hashvalues=values,
                scheme=MINHASH_SCHEME,
            )
        )
        hashes.append(minhash)
        lsh.insert(key, minhash)
    rows = []
    position = {key: i for i, key in enumerate(ids)}
    for i, (key, minhash) in enumerate(zip(ids, hashes)):
        for other in lsh.query(minhash):
            j = position[other]
            if j <= i:
                continue
            jaccard = float(np.mean(signatures[i] == signatures[j]))
            if jaccard >= settings.near_duplicate_threshold:
                a, b = sorted((key, other))
                rows.append(
                    (
                        a,
                        b,
                        sources[a],
                        sources[b],
                        sources[a] == sources[b] and sources[a] != "",
                        jaccard,
                    )
                )
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(
        ["jaccard", "article_a", "article_b"],
        ascending=[False, True, True],
        ignore_index=True,
    )
