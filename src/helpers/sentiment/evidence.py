"""Why the model said what it said: word contributions per sentence and paragraph.

Exact additive contributions of the linear model: for every feature, coefficient x
TF-IDF value, centred over the three classes (softmax ignores a shared constant),
assigned to the words the feature comes from (a word bigram splits between its two
words; a character n-gram between the words that contain it). Per sentence,
contributions plus the centred intercept sum to the clause-weighted log-odds before
temperature scaling.

The tone of the sentences around each actor is :mod:`.tone_by_actor`; what the news
lexicon changes in an article is :mod:`.ablation`.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from ..config import LABELS
from ..stopwords import stopword_set
from .masking import ENTITY_TOKEN
from .model import SentimentModel
from .rules import (
    CONTRAST_WEIGHT,
    LEXICON_WEIGHT,
    NUMBER_TOKEN,
    TOKEN_RE,
    lexicon_hits,
    prepare_text,
    prepare_texts,
    split_clauses,
)
from .scoring import TONE_INDEX

CLASS_COLUMNS = ["toward_negative", "toward_neutral", "toward_positive"]
assert (
    len(LABELS) == len(CLASS_COLUMNS) == 3
)  # _char_ngram_pushes adds three classes by hand


#: Centred coefficients per model (``id`` -> (model, array)): computing them copies the
#: whole coefficient matrix, which per clause dominated explaining a long article.
_CENTRED: dict[int, tuple[SentimentModel, np.ndarray]] = {}


def _centred_coefficients(model: SentimentModel) -> np.ndarray:
    cached = _CENTRED.get(id(model))
    if cached is not None and cached[0] is model:
        return cached[1]
    coef = np.asarray(model.pipeline.named_steps["classifier"].coef_, dtype=float)[
        model.label_order()
    ]
    centred = coef - coef.mean(
        axis=0, keepdims=True
    )  # softmax ignores a shared constant
    centred.setflags(write=False)
    if len(_CENTRED) >= 4:
        _CENTRED.clear()
    _CENTRED[id(model)] = (model, centred)
    return centred


def _word_ngram_pushes(
    vectorizer, prepared: str, values: dict, coef: np.ndarray, totals, analyzer=None
) -> None:
    """Word n-grams: a feature's contribution is split equally between its words."""
    grams = Counter((analyzer or vectorizer.build_analyzer())(prepared))
    found = [
        (gram, column)
        for gram, column in ((g, vectorizer.vocabulary_.get(g)) for g in grams)
        if column is not None and column in values
    ]
    if not found:
        return
    # The same arithmetic as ``totals[word] += values[c] * coef[:, c] / n`` with numpy
    # 3-vectors, on Python floats (numpy's per-call overhead dominated).
    columns = coef[:, [column for _, column in found]].T.tolist()
    acc: dict[str, list[float]] = {}
    for (gram, column), c in zip(found, columns):
        parts = [w[4:] if w.startswith("neg_") else w for w in gram.split(" ")]
        v, n = values[column], len(parts)  # the value already counts repeats
        share = (v * c[0] / n, v * c[1] / n, v * c[2] / n)
        for word in parts:
            a = acc.get(word)
            if a is None:
                a = acc[word] = totals[word].tolist()
            a[0] += share[0]
            a[1] += share[1]
            a[2] += share[2]
    for word, a in acc.items():
        totals[word] = np.array(a)


def _char_ngram_pushes(
    vectorizer,
    prepared: str,
    values: dict,
    coef: np.ndarray,
    offset: int,
    totals,
    memo: dict | None = None,
) -> None:
    """Character n-grams: split between the tokens that contain them. ``memo`` keeps
    each token's vocabulary columns between clauses (the same answer, computed once)."""
    tokens = TOKEN_RE.findall(prepared.lower())
    memo = {} if memo is None else memo
    token_grams = []
    for t in tokens:
        if t not in memo:
            memo[t] = [
                vectorizer.vocabulary_[g]
                for g in vectorizer.word_ngrams(t)
                if g in vectorizer.vocabulary_
            ]
        token_grams.append(memo[t])
    gram_counts = Counter(g for grams in token_grams for g in grams)
    needed = sorted(
        {offset + g for grams in token_grams for g in grams if offset + g in values}
    )
    if not needed:
        return
    # The same additions in the same order as ``totals[token] += v * coef[:, c] / n``
    # with numpy 3-vectors, done on Python floats: a long article has hundreds of
    # thousands of these, and numpy's per-call overhead dominated.
    columns = dict(zip(needed, coef[:, needed].T.tolist()))
    for token, grams in zip(tokens, token_grams):
        acc = None
        for g in grams:
            column = offset + g
            if column in values:
                if acc is None:
                    acc = totals[token].tolist()
                v, n, c = values[column], gram_counts[g], columns[column]
                acc[0] += v * c[0] / n
                acc[1] += v * c[1] / n
                acc[2] += v * c[2] / n
        if acc is not None:
            totals[token] = np.array(acc)


def _prepare_options(model: SentimentModel) -> dict:
    """The options the model's own ``prepare`` step applies (entity masking)."""
    return dict(model.pipeline.named_steps["prepare"].kw_args or {})


def word_contributions(model: SentimentModel, clause: str) -> dict[str, np.ndarray]:
    """Centred log-odds contributions per word of one clause (``LABELS`` order)."""
    prepared = prepare_text(clause, **_prepare_options(model))
    x = model.pipeline.named_steps["features"].transform([prepared]).tocsr()
    return _contributions(model, prepared, x, 0)


def _contributions(
    model: SentimentModel, prepared: str, features, row: int, memo: dict | None = None
) -> dict:
    """:func:`word_contributions` of one prepared clause whose feature row is
    ``features[row]`` (explaining many clauses transforms them in one batch: the same
    rows, without scikit-learn's per-call overhead)."""
    coef = _centred_coefficients(model)
    union = model.pipeline.named_steps["features"]
    parts = dict(union.transformer_list)
    words_vec, chars_vec = parts["words"], parts["chars"]
    start, end = features.indptr[row], features.indptr[row + 1]
    values = dict(
        zip(
            features.indices[start:end].tolist(),
            features.data[start:end].astype(float).tolist(),
        )
    )
    totals: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(len(LABELS)))
    analyzer = None
    if memo is not None:  # one analyzer for all clauses of a batch
        analyzer = memo.get(("word analyzer",)) or memo.setdefault(
            ("word analyzer",), words_vec.build_analyzer()
        )
    _word_ngram_pushes(words_vec, prepared, values, coef, totals, analyzer)
    _char_ngram_pushes(
        chars_vec, prepared, values, coef, len(words_vec.vocabulary_), totals, memo
    )
    if (
        "lexicon" in parts
    ):  # learned lexicon features: split between the hits of each tone
        offset = len(words_vec.vocabulary_) + len(chars_vec.vocabulary_)
        hits = lexicon_hits(prepared)
        for column, tone in enumerate(("negative", "positive")):
            forms = [form for form, hit_tone, _ in hits if hit_tone == tone]
            for form in forms:
                totals[form] = totals[form] + values.get(offset + column, 0.0) * coef[
                    :, offset + column
                ] / len(forms)
    return dict(totals)


def _lexicon_push(tone: str, lexicon_weight: float) -> np.ndarray:
    push = np.zeros(len(LABELS))
    push[TONE_INDEX[tone]] = lexicon_weight
    return push - push.mean()


def _clause_rows(
    model, paragraph_id, sentence_id, clause, weight, lexicon_weight, contributions
) -> list[tuple]:
    rows = [
        (paragraph_id, sentence_id, word, "model", *(weight * push))
        for word, push in contributions.items()
    ]
    rows += [
        (
            paragraph_id,
            sentence_id,
            form.lower(),
            "news lexicon",
            *(weight * _lexicon_push(tone, lexicon_weight)),
        )
        for form, tone, _ in (lexicon_hits(clause) if lexicon_weight else [])
    ]
    return rows


def explain_sentences(
    model: SentimentModel,
    scored_sentences: pd.DataFrame,
    *,
    contrast_weight: float = CONTRAST_WEIGHT,
    lexicon_weight: float = LEXICON_WEIGHT,
) -> pd.DataFrame:
    """Every word's push toward each class in every sentence, from the model itself.

    How to read it: ``toward_negative`` / ``toward_neutral`` / ``toward_positive`` are
    log-odds points (before temperature) that this word adds to each class, centred so
    the three sum to 0; ``toward_score`` = ``toward_positive - toward_negative``
    (positive numbers push the sentence toward positive). Per sentence, the rows plus
    the centred intercept add up exactly to the sentence's log-odds. News-lexicon hits
    are separate rows with ``source`` = ``news lexicon``.

    Returns:
        ``paragraph_id``, ``sentence_id``, ``word``, ``source`` (``model`` or
        ``news lexicon``), ``toward_negative``, ``toward_neutral``,
        ``toward_positive``, ``toward_score``; sorted by sentence then word.
    """
    plan = [
        (paragraph_id, sentence_id, clause, weight)
        for paragraph_id, sentence_id, text in scored_sentences[
            ["paragraph_id", "sentence_id", "text"]
        ].itertuples(index=False)
        for clause, weight in split_clauses(str(text), weight=contrast_weight)
    ]
    options = _prepare_options(model)
    # The memoised prepare step the model's pipeline uses: scoring the same sentences
    # just before has already prepared most of these clauses (the same strings).
    prepared = prepare_texts([clause for _, _, clause, _ in plan], **options)
    features = (
        model.pipeline.named_steps["features"].transform(prepared).tocsr()
        if plan
        else None
    )
    memo: dict = {}
    rows = [
        row
        for i, (paragraph_id, sentence_id, clause, weight) in enumerate(plan)
        for row in _clause_rows(
            model,
            paragraph_id,
            sentence_id,
            clause,
            weight,
            lexicon_weight,
            _contributions(model, prepared[i], features, i, memo),
        )
    ]
    keys = ["paragraph_id", "sentence_id", "word", "source"]
    table = pd.DataFrame(rows, columns=[*keys, *CLASS_COLUMNS])
    table = table.groupby(keys, as_index=False, sort=True)[CLASS_COLUMNS].sum()
    table["toward_score"] = table["toward_positive"] - table["toward_negative"]
    return table


def is_evidence_word(word: str) -> bool:
    """True when ``word`` is worth showing as evidence: it has a letter, is not a stop word
    (``dan``, ``dalam``, ``antara``) and is not a number, the number placeholder or the
    entity placeholder.

    Hidden words still count in the model and in every score; they are only left out of
    the evidence tables and figures, where they read as noise.

    >>> [is_evidence_word(w) for w in ("khawatir", "dan", "500", "_num_", ",")]
    [True, False, False, False, False]
    """
    word = str(word).lower().removeprefix("neg_")
    return (
        any(ch.isalpha() for ch in word)
        and word not in (NUMBER_TOKEN, ENTITY_TOKEN)
        and word not in stopword_set()
    )


def evidence_words(explanations: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`explain_sentences` worth showing (see :func:`is_evidence_word`);
    news-lexicon rows are always kept."""
    keep = (explanations["source"] == "news lexicon") | explanations["word"].map(
        is_evidence_word
    )
    return explanations[keep.astype(bool)]


def _weighted_words(
    explanations: pd.DataFrame, scored_sentences: pd.DataFrame, columns
) -> pd.DataFrame:
    """Readable words' pushes weighted by their sentence's share of the paragraph's words
    (the aggregation rule), summed per paragraph and ``label`` (``*`` marks lexicon terms).
    Stop words, numbers and punctuation are left out (:func:`evidence_words`)."""
    weights = scored_sentences[["sentence_id", "paragraph_id", "n_words"]]
    share = weights["n_words"] / weights.groupby("paragraph_id")["n_words"].transform(
        "sum"
    )
    merged = evidence_words(explanations).merge(
        weights[["sentence_id"]].assign(share=share), on="sentence_id", how="left"
    )
    merged = merged.assign(
        label=np.where(
            merged["source"] == "news lexicon", merged["word"] + "*", merged["word"]
        ),
        **{column: merged[column] * merged["share"] for column in columns},
    )
    return merged.groupby(["paragraph_id", "label"], as_index=False, sort=True)[
        list(columns)
    ].sum()


def _top_words(per_word: pd.DataFrame, column: str, top_n: int) -> pd.Series:
    """Per paragraph, the ``top_n`` labels with the largest positive ``column``,
    formatted ``word (+1.23)`` and joined with ``, `` (``""`` when none is positive).
    One sort of the whole table, not one per paragraph (labels are unique within a
    paragraph, so the order is fully determined)."""
    positive = per_word[per_word[column] > 0].sort_values(
        ["paragraph_id", column, "label"], ascending=[True, False, True], kind="stable"
    )
    top = positive.groupby("paragraph_id", sort=False).head(top_n)
    formatted = [f"{w} (+{v:.2f})" for w, v in zip(top["label"], top[column])]
    joined = pd.Series(formatted, index=top["paragraph_id"].to_numpy(), dtype=object)
    return joined.groupby(level=0, sort=True).agg(", ".join)


def paragraph_evidence(
    explanations: pd.DataFrame, scored_sentences: pd.DataFrame, *, top_n: int = 3
) -> pd.DataFrame:
    """The words that pushed each paragraph most toward each class.

    Sentence contributions are weighted by the sentence's share of the paragraph's words
    (the aggregation rule), then summed per word and paragraph.

    Returns:
        One row per paragraph: ``paragraph_id``, ``toward_negative``,
        ``toward_neutral``, ``toward_positive`` (each the ``top_n`` words with the
        largest positive push toward that class, formatted ``word (+1.23)``; news-lexicon
        terms end in ``*``; punctuation, stop words and numbers are left out of the
        display but still count in the model).
    """
    per_word = _weighted_words(explanations, scored_sentences, CLASS_COLUMNS)
    if per_word.empty:
        return pd.DataFrame([], columns=["paragraph_id", *CLASS_COLUMNS])
    ids = pd.unique(per_word["paragraph_id"])  # sorted: per_word is grouped by it
    table = pd.DataFrame({"paragraph_id": ids})
    for column in CLASS_COLUMNS:
        words = _top_words(per_word, column, top_n)
        table[column] = words.reindex(ids, fill_value="").to_numpy(dtype=object)
    return table


def paragraph_push(
    explanations: pd.DataFrame, scored_sentences: pd.DataFrame
) -> pd.DataFrame:
    """Per paragraph, the total push toward positive and toward negative, and the word
    that pushed hardest each way (``toward_score``, weighted as in the aggregation rule).

    Returns:
        ``paragraph_id``, ``push_positive`` (sum of positive word pushes, >= 0),
        ``push_negative`` (sum of negative word pushes, <= 0), ``top_positive``,
        ``top_negative`` (words; ``*`` marks news-lexicon terms; empty when none). Stop
        words, numbers and punctuation are left out of the pushes and the top words.
    """
    per_word = _weighted_words(explanations, scored_sentences, ["toward_score"]).rename(
        columns={"toward_score": "push"}
    )
    ordered = per_word.sort_values(["paragraph_id", "push", "label"], kind="stable")
    ids = np.sort(scored_sentences["paragraph_id"].unique())
    group_ids = ordered["paragraph_id"].to_numpy()
    pushes = ordered["push"].to_numpy(dtype=float)
    labels = ordered["label"].to_numpy(dtype=object)
    starts = np.searchsorted(group_ids, ids, side="left")
    ends = np.searchsorted(group_ids, ids, side="right")
    empty_sum = per_word["push"].iloc[:0].sum()  # 0.0 (0 for an untyped empty table)
    rows = []
    for paragraph_id, start, end in zip(ids, starts, ends):
        # One sorted slice per paragraph: the positives are its tail, the negatives
        # its head; sums are numpy sums of the same values in the same order.
        values = pushes[start:end]
        first_positive = start + np.searchsorted(values, 0.0, side="right")
        last_negative = start + np.searchsorted(values, 0.0, side="left")
        rows.append(
            {
                "paragraph_id": paragraph_id,
                "push_positive": pushes[first_positive:end].sum()
                if end > first_positive
                else empty_sum,
                "push_negative": pushes[start:last_negative].sum()
                if last_negative > start
                else empty_sum,
                "top_positive": labels[end - 1] if end > first_positive else "",
                "top_negative": labels[start] if last_negative > start else "",
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "paragraph_id",
            "push_positive",
            "push_negative",
            "top_positive",
            "top_negative",
        ],
    )
