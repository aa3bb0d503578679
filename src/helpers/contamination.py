"""Training texts that duplicate held-out texts: exact keys and near-duplicate cosine.

Known trap (README of the mirror): NusaX was sampled from SmSA, and about 90% of the
NusaX test texts have an edited near-duplicate in SmSA train (110 of 400 are identical
after lower-casing and stripping punctuation). :func:`decontaminate` flags them, so a
model is never scored on texts it was trained on. :mod:`helpers.datasets` re-exports
:func:`decontaminate` and :func:`duplicate_key`.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")
# SmSA is pre-tokenised ("makanan nya"), NusaX is edited prose ("makanannya").
_CLITIC = re.compile(r"(\w{3,}?)(nya)\b")


def duplicate_key(text: str) -> str:
    """The key two texts share when one is an exact duplicate of the other.

    Lower-cased, punctuation stripped, white space collapsed. (Not to be confused with
    :func:`helpers.text.normalize_text`, which only fixes Unicode forms and spaces.)

    >>> duplicate_key("  Makanannya ENAK,   sekali!! ")
    'makanannya enak sekali'
    """
    return _SPACE.sub(" ", _PUNCT.sub(" ", str(text).lower())).strip()


def _match_form(text: str) -> str:
    """Normalised text with the clitic ``-nya`` detached, so both tokenisations agree."""
    return _CLITIC.sub(r"\1 \2", duplicate_key(text))


def decontaminate(
    train: pd.DataFrame, reference: pd.DataFrame, *, threshold: float = 0.6
) -> pd.DataFrame:
    """Flag training texts that duplicate or nearly duplicate any reference text.

    How to read it: a training row with ``is_contaminated`` True must not be used to train a model
    that is scored on ``reference`` (test and validation texts): the model would have
    seen the answer. ``reason`` says why: ``exact`` (same text after lower-casing,
    stripping punctuation and collapsing white space) or ``near`` (cosine similarity
    of word TF-IDF vectors >= ``threshold``, which catches NusaX's edited copies of
    SmSA texts).

    Args:
        train: a table with a ``text`` column (not modified).
        reference: a table with a ``text`` column (held-out texts).
        threshold: cosine similarity at or above which a pair counts as a near
            duplicate; 1.0 keeps only texts identical up to tokenisation. 0.6 was chosen by reading
            pairs: above it they are the same source text, edited (a name replaced,
            clitics joined, a clause cut).

    Returns:
        A copy of ``train`` plus ``match_similarity`` (highest cosine to any reference
        text), ``is_contaminated`` (bool) and ``reason`` (``exact`` / ``near`` / empty).

    Caveats: short generic texts ("makanannya enak") can match independent ones; dropping
    them costs little training data and keeps the test honest.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415 (scikit-learn loads only when used)

    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}.")
    result = train.copy()
    train_keys = result["text"].map(duplicate_key)
    exact = train_keys.isin(set(reference["text"].map(duplicate_key)))
    similarity = np.zeros(len(result))
    if len(result) and len(reference):
        # Words in more than 20% of training texts say nothing about identity and make
        # the similarity product dense (slow); they are left out of large corpora.
        max_df = 0.2 if len(result) >= 100 else 1.0
        vectorizer = TfidfVectorizer(
            sublinear_tf=True,
            token_pattern=r"(?u)\b\w+\b",
            max_df=max_df,
            dtype=np.float32,
        )
        train_matrix = vectorizer.fit_transform(result["text"].map(_match_form))
        reference_matrix = vectorizer.transform(reference["text"].map(_match_form))
        similarity = (train_matrix @ reference_matrix.T).max(axis=1).toarray().ravel()
    near = similarity >= threshold - 1e-12
    result["match_similarity"] = np.round(similarity, 6)
    result["is_contaminated"] = exact.to_numpy() | near
    result["reason"] = np.where(exact, "exact", np.where(near, "near", ""))
    return result
