"""Scoring text with the model: clauses, sentences, paragraphs, and the paragraph
bootstrap.

Sentence log-odds are the weighted mean of clause log-odds (nucleus ``CONTRAST_WEIGHT``,
satellite 1; see :mod:`.rules`), plus ``LEXICON_WEIGHT`` per news-lexicon hit.

Paragraphs
    Rule: a paragraph's probabilities are the mean of its sentences' probabilities,
    weighted by each sentence's number of words. The label is the most probable class.
    ``sentiment_score`` = ``p_positive - p_negative`` (from -1 to 1). A seeded bootstrap
    over the paragraph's sentences gives the *sentence-bootstrap interval* (the spread
    between the paragraph's sentences, not model error) and the share of resamples that
    give the same label. With two or three sentences there are only a handful of distinct
    resamples, so the interval is close to the range of the sentence scores; with one
    sentence there is no interval at all (NaN).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from scipy.special import softmax

from .. import config
from ..config import LABELS
from ..errors import require_columns
from ..text import split_sentences
from .model import SentimentModel
from .rules import (
    CONTRAST_WEIGHT,
    LEXICON_WEIGHT,
    lexicon_hits,
    may_have_marker,
    split_clauses,
)

PROBABILITY_COLUMNS = ["p_negative", "p_neutral", "p_positive"]
#: A paragraph is low-confidence when its top probability is below this...
LOW_CONFIDENCE_P = 0.5
#: ...or when fewer than this share of sentence-bootstrap resamples agree on its label...
LOW_CONFIDENCE_AGREEMENT = 0.8
#: ...or when it has fewer sentences than this: agreement between one or two sentences
#: is no evidence (one sentence always "agrees" with itself), so it cannot vouch for the label.
MIN_SENTENCES_FOR_AGREEMENT = 3
#: Bootstrap resamples over sentences.
N_BOOTSTRAP = 1000
#: Class index a news-lexicon tone adds log-odds to.
TONE_INDEX = {"negative": 0, "positive": 2}


def _clean(texts) -> list[str]:
    return [
        "" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t)
        for t in texts
    ]


def _clause_plan(texts, contrast_weight: float):
    """Clauses of every text and a (text index, weight) per clause."""
    plan = [
        (clause, i, weight)
        for i, text in enumerate(texts)
        for clause, weight in (
            split_clauses(text, weight=contrast_weight)
            if contrast_weight != 1 and may_have_marker(text)
            else [(text, 1.0)]
        )
    ]
    clauses, owner, weights = zip(*plan)
    return list(clauses), np.asarray(owner, dtype=np.int64), np.asarray(weights)


def _lexicon_logits(clauses, weight: float, exclude_categories=()) -> np.ndarray:
    hits = (lexicon_hits(clause) for clause in clauses) if weight else ()
    return _lexicon_logits_from_hits(hits, len(clauses), weight, exclude_categories)


def _lexicon_logits_from_hits(
    hits, n_clauses: int, weight: float, exclude_categories=()
) -> np.ndarray:
    """:func:`_lexicon_logits` from each clause's :func:`lexicon_hits`."""
    out = np.zeros((n_clauses, len(LABELS)))
    for row, clause_hits in enumerate(hits if weight else []):
        for _, tone, category in clause_hits:
            if category not in exclude_categories:
                out[row, TONE_INDEX[tone]] += weight
    return out


def model_logits(model: SentimentModel, texts) -> np.ndarray:
    """The linear model's log-odds per text, in ``LABELS`` order (no rules applied)."""
    features = model.pipeline[:-1].transform(texts)
    classifier = model.pipeline.named_steps["classifier"]
    logits = np.asarray(
        features @ classifier.coef_.T + classifier.intercept_, dtype=float
    )
    return logits[:, model.label_order()]


def text_logits(
    model: SentimentModel,
    texts,
    *,
    contrast_weight: float = CONTRAST_WEIGHT,
    lexicon_weight: float = 0.0,
    exclude_categories=(),
) -> np.ndarray:
    """Clause-weighted log-odds (``LABELS`` order, before temperature), one row per text.

    Each clause gets the model's log-odds plus ``lexicon_weight`` per news-lexicon hit
    on the hit's class (hits of ``exclude_categories`` left out); a text's log-odds are
    the weighted mean over its clauses.
    """
    texts = _clean(texts)
    if not texts:
        return np.zeros((0, len(LABELS)))
    clauses, owner, weights = _clause_plan(texts, contrast_weight)
    clause_logits = model_logits(model, clauses) + _lexicon_logits(
        clauses, lexicon_weight, exclude_categories
    )
    out = np.zeros((len(texts), len(LABELS)))
    np.add.at(out, owner, clause_logits * weights[:, None])
    return out


def probability_variants(
    model: SentimentModel,
    texts,
    variants,
    *,
    contrast_weight: float = CONTRAST_WEIGHT,
) -> list[np.ndarray]:
    """Calibrated probabilities (``LABELS`` order) of ``texts`` under several lexicon
    settings, one array per ``(lexicon_weight, exclude_categories)`` in ``variants``:
    the same numbers as :func:`score_texts` with those options, but the clauses are
    cut, featurised and matched against the lexicon once (only the lexicon log-odds
    differ between variants)."""
    texts = _clean(texts)
    if not texts:
        return [np.zeros((0, len(LABELS))) for _ in variants]
    clauses, owner, weights = _clause_plan(texts, contrast_weight)
    base = model_logits(model, clauses)
    hits = [lexicon_hits(clause) for clause in clauses]
    results = []
    for lexicon_weight, exclude_categories in variants:
        clause_logits = base + _lexicon_logits_from_hits(
            hits, len(clauses), lexicon_weight, tuple(exclude_categories)
        )
        logits = np.zeros((len(texts), len(LABELS)))
        np.add.at(logits, owner, clause_logits * weights[:, None])
        results.append(softmax(logits / model.temperature, axis=1))
    return results


def _table_from_probabilities(probabilities: np.ndarray) -> pd.DataFrame:
    probabilities = probabilities.reshape(-1, len(LABELS))
    table = pd.DataFrame(probabilities, columns=PROBABILITY_COLUMNS)
    table.insert(
        0,
        "sentiment",
        pd.Series(
            np.asarray(LABELS, dtype=object)[probabilities.argmax(axis=1)], dtype=object
        ),
    )
    table["sentiment_score"] = table["p_positive"] - table["p_negative"]
    table["confidence"] = probabilities.max(axis=1, initial=0.0)
    return table


def score_texts(
    model: SentimentModel,
    texts,
    *,
    contrast_weight: float = CONTRAST_WEIGHT,
    lexicon_weight: float = LEXICON_WEIGHT,
    exclude_categories=(),
) -> pd.DataFrame:
    """Score each text as one unit (clauses weighted, no sentence splitting).

    How to read it: one row per input text, in input order. ``p_*`` are calibrated
    probabilities that sum to 1; ``sentiment`` is the most probable label;
    ``sentiment_score = p_positive - p_negative`` runs from -1 (surely negative) to 1;
    ``confidence`` is the top probability (1/3 means the model cannot tell).

    Args:
        model: from ``load_or_train_model``.
        texts: a sequence of strings (a Series or list).
        contrast_weight: nucleus weight for contrast/concession clauses; 1 turns the
            contrast rule off.
        lexicon_weight: log-odds per news-lexicon hit; 0 turns the lexicon off.
        exclude_categories: lexicon categories to leave out (to measure one category's effect).

    Returns:
        Columns ``sentiment``, ``p_negative``, ``p_neutral``, ``p_positive``,
        ``sentiment_score``, ``confidence``; a fresh 0..n-1 index.
    """
    logits = text_logits(
        model,
        list(texts),
        contrast_weight=contrast_weight,
        lexicon_weight=lexicon_weight,
        exclude_categories=tuple(exclude_categories),
    )
    return _table_from_probabilities(softmax(logits / model.temperature, axis=1))


def sentence_weights(texts) -> np.ndarray:
    """Number of word tokens in each text (at least 1): the aggregation weight."""
    return np.asarray(
        [max(1, len(re.findall(r"\w+", str(t)))) for t in texts], dtype=float
    )


def score_paragraphs(
    model: SentimentModel,
    texts,
    *,
    contrast_weight: float = CONTRAST_WEIGHT,
    lexicon_weight: float = LEXICON_WEIGHT,
) -> pd.DataFrame:
    """Score paragraphs: split into sentences, score each, take the word-weighted mean.

    The fast path (no bootstrap, no evidence) for benchmarks and bulk scoring; for an
    article use :func:`score_sentences` then :func:`paragraph_sentiment`, which give
    the same probabilities plus intervals and flags.

    Returns:
        The :func:`score_texts` columns plus ``n_sentences``, one row per input text,
        in input order. An empty text is scored as the empty string (the model's prior).
    """
    texts = _clean(texts)
    split = [split_sentences(text) or [text] for text in texts]
    sentences = [s for parts in split for s in parts]
    owner = np.repeat(np.arange(len(texts)), [len(parts) for parts in split]).astype(
        np.int64
    )
    probabilities = score_texts(
        model, sentences, contrast_weight=contrast_weight, lexicon_weight=lexicon_weight
    )[PROBABILITY_COLUMNS].to_numpy()
    weights = sentence_weights(sentences)
    summed = np.zeros((len(texts), len(LABELS)))
    np.add.at(summed, owner, probabilities * weights[:, None])
    totals = np.bincount(owner, weights=weights, minlength=len(texts))
    table = _table_from_probabilities(summed / np.maximum(totals, 1e-12)[:, None])
    table["n_sentences"] = np.bincount(owner, minlength=len(texts)).astype("int64")
    return table


def score_sentences(
    model: SentimentModel,
    sentences: pd.DataFrame,
    *,
    contrast_weight: float = CONTRAST_WEIGHT,
    lexicon_weight: float = LEXICON_WEIGHT,
    exclude_categories=(),
) -> pd.DataFrame:
    """Add sentence-level scores to a sentences table (from ``helpers.sentences_table``).

    ``contrast_weight``, ``lexicon_weight`` and ``exclude_categories`` as in :func:`score_texts`.

    Returns:
        A copy of ``sentences`` plus ``n_words`` (aggregation weight), ``n_clauses``,
        ``lexicon_terms`` (news-lexicon hits, ``;``-separated) and the
        :func:`score_texts` columns. Row order is kept.
    """
    require_columns(
        sentences,
        ("paragraph_id", "sentence_id", "text"),
        caller="score_sentences",
        fix="Build the table with helpers.sentences_table(paragraphs).",
    )
    result = sentences.reset_index(drop=True).copy()
    texts = result["text"].astype(str).tolist()
    result["n_words"] = sentence_weights(texts).astype("int64")
    result["n_clauses"] = [len(split_clauses(t, weight=contrast_weight)) for t in texts]
    result["lexicon_terms"] = [
        "; ".join(
            f"{h[0]} ({h[1][:3]})"
            for h in lexicon_hits(t)
            if h[2] not in exclude_categories
        )
        if lexicon_weight
        else ""
        for t in texts
    ]
    scores = score_texts(
        model,
        texts,
        contrast_weight=contrast_weight,
        lexicon_weight=lexicon_weight,
        exclude_categories=exclude_categories,
    )
    return pd.concat([result, scores], axis=1)


def bootstrap_interval(draws: np.ndarray, level: float) -> tuple[float, float]:
    """The central ``level`` percentile interval of bootstrap draws."""
    alpha = (1 - level) / 2
    return float(np.quantile(draws, alpha)), float(np.quantile(draws, 1 - alpha))


def low_confidence_reason(
    top_probability: float, n_sentences: int, agreement: float
) -> str:
    """Why a paragraph is low-confidence (``; ``-joined), or ``""`` when it is not.

    >>> low_confidence_reason(0.9, 2, float("nan"))
    'fewer than 3 sentences'
    >>> low_confidence_reason(0.45, 4, 0.6)
    'top probability below 0.5; sentences disagree'
    """
    reasons = [
        f"top probability below {LOW_CONFIDENCE_P}"
        if top_probability < LOW_CONFIDENCE_P
        else "",
        f"fewer than {MIN_SENTENCES_FOR_AGREEMENT} sentences"
        if n_sentences < MIN_SENTENCES_FOR_AGREEMENT
        else "sentences disagree"
        if agreement < LOW_CONFIDENCE_AGREEMENT
        else "",
    ]
    return "; ".join(r for r in reasons if r)


def _paragraph_row(group: pd.DataFrame, rng, n_bootstrap: int, level: float) -> dict:
    """One paragraph: weighted mean probabilities, sentence-bootstrap interval, agreement, flag."""
    probabilities = group[PROBABILITY_COLUMNS].to_numpy(dtype=float)
    weights = group["n_words"].to_numpy(dtype=float)
    mean = weights @ probabilities / weights.sum()
    label = int(mean.argmax())
    low = high = agreement = float("nan")
    if (
        len(group) > 1
    ):  # one sentence: nothing to resample, so no interval and no agreement
        draws = rng.integers(0, len(group), size=(n_bootstrap, len(group)))
        w = weights[draws]
        boot = np.einsum("bn,bnk->bk", w, probabilities[draws]) / w.sum(
            axis=1, keepdims=True
        )
        agreement = float((boot.argmax(axis=1) == label).mean())
        low, high = bootstrap_interval(boot[:, 2] - boot[:, 0], level)
    reason = low_confidence_reason(float(mean.max()), len(group), agreement)
    return {
        "n_sentences": len(group),
        "sentiment": LABELS[label],
        **dict(zip(PROBABILITY_COLUMNS, mean)),
        "sentiment_score": mean[2] - mean[0],
        "confidence": mean.max(),
        "score_low": low,
        "score_high": high,
        "label_agreement": agreement,
        "low_confidence": bool(reason),
        "low_confidence_reason": reason,
    }


def paragraph_sentiment(
    scored_sentences: pd.DataFrame,
    *,
    n_bootstrap: int = N_BOOTSTRAP,
    seed: int = config.RANDOM_SEED,
    level: float = 0.95,
) -> pd.DataFrame:
    """Aggregate sentence scores to paragraphs, with a sentence-bootstrap interval and a flag.

    Rule: word-weighted mean of sentence probabilities; label = most probable class.
    The bootstrap resamples a paragraph's sentences with replacement ``n_bootstrap``
    times (seeded) and recomputes the weighted mean.

    How to read it: ``score_low``..``score_high`` is the *sentence-bootstrap interval*
    (central ``level`` share of resampled scores): the spread between the paragraph's
    sentences, not model error. With 2-3 sentences it is close to the range of their
    scores; with one sentence it is NaN (there is nothing to resample).
    ``label_agreement`` is the share of resamples giving the same label (NaN for one
    sentence). ``low_confidence`` is True when the top probability is below
    ``LOW_CONFIDENCE_P``, or the paragraph has fewer than
    ``MIN_SENTENCES_FOR_AGREEMENT`` sentences (too few for agreement to vouch for the
    label), or the agreement is below ``LOW_CONFIDENCE_AGREEMENT``;
    ``low_confidence_reason`` says which.

    Caveats: the probabilities come from a model trained on reviews; neither the
    interval nor the flag measures how wrong that model is on news.

    Returns:
        One row per paragraph in ``paragraph_id`` order: ``paragraph_id``,
        ``n_sentences``, ``sentiment``, ``p_negative``, ``p_neutral``, ``p_positive``,
        ``sentiment_score``, ``confidence``, ``score_low``, ``score_high``,
        ``label_agreement``, ``low_confidence``, ``low_confidence_reason``.
    """
    rng = np.random.default_rng(seed)
    ordered = scored_sentences.sort_values(
        ["paragraph_id", "sentence_id"], kind="stable"
    )
    rows = [
        {"paragraph_id": paragraph_id, **_paragraph_row(group, rng, n_bootstrap, level)}
        for paragraph_id, group in ordered.groupby("paragraph_id", sort=True)
    ]
    columns = [
        "paragraph_id",
        "n_sentences",
        "sentiment",
        *PROBABILITY_COLUMNS,
        "sentiment_score",
        "confidence",
        "score_low",
        "score_high",
        "label_agreement",
        "low_confidence",
        "low_confidence_reason",
    ]
    return pd.DataFrame(rows, columns=columns)
