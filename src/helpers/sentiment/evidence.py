"""Why the model said what it said: word contributions per sentence and paragraph,
and the tone of the sentences around each actor.

Exact additive contributions of the linear model: for every feature, coefficient x
TF-IDF value, centred over the three classes (softmax ignores a shared constant),
assigned to the words the feature comes from (a word bigram splits between its two
words; a character n-gram between the words that contain it). Per sentence,
contributions plus the centred intercept sum to the clause-weighted log-odds before
temperature scaling.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from .. import config
from ..datasets import LABELS
from .model import SentimentModel
from .rules import CONTRAST_WEIGHT, LEXICON_WEIGHT, TOKEN_RE, lexicon_hits, prepare_text, split_clauses
from .scoring import N_BOOTSTRAP, TONE_INDEX, bootstrap_interval

CLASS_COLUMNS = ["toward_negative", "toward_neutral", "toward_positive"]


def _centred_coefficients(model: SentimentModel) -> np.ndarray:
    coef = np.asarray(model.pipeline.named_steps["classifier"].coef_, dtype=float)[model.label_order()]
    return coef - coef.mean(axis=0, keepdims=True)  # softmax ignores a shared constant


def _word_ngram_pushes(vectorizer, prepared: str, values: dict, coef: np.ndarray, totals) -> None:
    """Word n-grams: a feature's contribution is split equally between its words."""
    grams = Counter(vectorizer.build_analyzer()(prepared))
    for gram, occurrences in grams.items():
        column = vectorizer.vocabulary_.get(gram)
        if column is None or column not in values:
            continue
        parts = [w[4:] if w.startswith("neg_") else w for w in gram.split(" ")]
        share = values[column] * coef[:, column] / len(parts)  # the value already counts repeats
        for word in parts:
            totals[word] += share


def _char_ngram_pushes(vectorizer, prepared: str, values: dict, coef: np.ndarray, offset: int, totals) -> None:
    """Character n-grams: split between the tokens that contain them."""
    tokens = TOKEN_RE.findall(prepared.lower())
    token_grams = [[vectorizer.vocabulary_[g] for g in vectorizer.word_ngrams(t) if g in vectorizer.vocabulary_]
                   for t in tokens]
    gram_counts = Counter(g for grams in token_grams for g in grams)
    for token, grams in zip(tokens, token_grams):
        for g in grams:
            if offset + g in values:
                totals[token] += values[offset + g] * coef[:, offset + g] / gram_counts[g]


def word_contributions(model: SentimentModel, clause: str) -> dict[str, np.ndarray]:
    """Centred log-odds contributions per word of one clause (``LABELS`` order)."""
    coef = _centred_coefficients(model)
    prepared = prepare_text(clause)
    union = model.pipeline.named_steps["features"]
    words_vec, chars_vec = (transformer for _, transformer in union.transformer_list)
    x = union.transform([prepared]).tocsr()
    values = dict(zip(x.indices.tolist(), x.data.astype(float).tolist()))
    totals: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(len(LABELS)))
    _word_ngram_pushes(words_vec, prepared, values, coef, totals)
    _char_ngram_pushes(chars_vec, prepared, values, coef, len(words_vec.vocabulary_), totals)
    return dict(totals)


def _lexicon_push(tone: str, lexicon_weight: float) -> np.ndarray:
    push = np.zeros(len(LABELS))
    push[TONE_INDEX[tone]] = lexicon_weight
    return push - push.mean()


def _clause_rows(model, paragraph_id, sentence_id, clause, weight, lexicon_weight) -> list[tuple]:
    rows = [(paragraph_id, sentence_id, word, "model", *(weight * push))
            for word, push in word_contributions(model, clause).items()]
    rows += [(paragraph_id, sentence_id, form.lower(), "news lexicon", *(weight * _lexicon_push(tone, lexicon_weight)))
             for form, tone, _ in (lexicon_hits(clause) if lexicon_weight else [])]
    return rows


def explain_sentences(model: SentimentModel, scored_sentences: pd.DataFrame, *,
                      contrast_weight: float = CONTRAST_WEIGHT, lexicon_weight: float = LEXICON_WEIGHT) -> pd.DataFrame:
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
    rows = [row for paragraph_id, sentence_id, text in
            scored_sentences[["paragraph_id", "sentence_id", "text"]].itertuples(index=False)
            for clause, weight in split_clauses(str(text), weight=contrast_weight)
            for row in _clause_rows(model, paragraph_id, sentence_id, clause, weight, lexicon_weight)]
    keys = ["paragraph_id", "sentence_id", "word", "source"]
    table = pd.DataFrame(rows, columns=[*keys, *CLASS_COLUMNS])
    table = table.groupby(keys, as_index=False, sort=True)[CLASS_COLUMNS].sum()
    table["toward_score"] = table["toward_positive"] - table["toward_negative"]
    return table


def _weighted_words(explanations: pd.DataFrame, scored_sentences: pd.DataFrame, columns) -> pd.DataFrame:
    """Readable words' pushes weighted by their sentence's share of the paragraph's words
    (the aggregation rule), summed per paragraph and ``label`` (``*`` marks lexicon terms)."""
    weights = scored_sentences[["sentence_id", "paragraph_id", "n_words"]]
    share = weights["n_words"] / weights.groupby("paragraph_id")["n_words"].transform("sum")
    merged = explanations.merge(weights[["sentence_id"]].assign(share=share), on="sentence_id", how="left")
    merged = merged[merged["word"].str.contains(r"\w", regex=True)]  # punctuation is not readable evidence
    merged = merged.assign(label=np.where(merged["source"] == "news lexicon", merged["word"] + "*", merged["word"]),
                           **{column: merged[column] * merged["share"] for column in columns})
    return merged.groupby(["paragraph_id", "label"], as_index=False, sort=True)[list(columns)].sum()


def _top_words(group: pd.DataFrame, column: str, top_n: int) -> str:
    top = group[group[column] > 0].sort_values([column, "label"], ascending=[False, True]).head(top_n)
    return ", ".join(f"{w} (+{v:.2f})" for w, v in zip(top["label"], top[column]))


def paragraph_evidence(explanations: pd.DataFrame, scored_sentences: pd.DataFrame, *, top_n: int = 3) -> pd.DataFrame:
    """The words that pushed each paragraph most toward each class.

    Sentence contributions are weighted by the sentence's share of the paragraph's words
    (the aggregation rule), then summed per word and paragraph.

    Returns:
        One row per paragraph: ``paragraph_id``, ``toward_negative``,
        ``toward_neutral``, ``toward_positive`` (each the ``top_n`` words with the
        largest positive push toward that class, formatted ``word (+1.23)``; news-lexicon
        terms end in ``*``; punctuation tokens are left out).
    """
    per_word = _weighted_words(explanations, scored_sentences, CLASS_COLUMNS)
    rows = [{"paragraph_id": paragraph_id, **{c: _top_words(group, c, top_n) for c in CLASS_COLUMNS}}
            for paragraph_id, group in per_word.groupby("paragraph_id", sort=True)]
    return pd.DataFrame(rows, columns=["paragraph_id", *CLASS_COLUMNS])


def paragraph_push(explanations: pd.DataFrame, scored_sentences: pd.DataFrame) -> pd.DataFrame:
    """Per paragraph, the total push toward positive and toward negative, and the word
    that pushed hardest each way (``toward_score``, weighted as in the aggregation rule).

    Returns:
        ``paragraph_id``, ``push_positive`` (sum of positive word pushes, >= 0),
        ``push_negative`` (sum of negative word pushes, <= 0), ``top_positive``,
        ``top_negative`` (words; ``*`` marks news-lexicon terms; empty when none).
    """
    per_word = _weighted_words(explanations, scored_sentences, ["toward_score"]).rename(
        columns={"toward_score": "push"})
    rows = []
    for paragraph_id in sorted(scored_sentences["paragraph_id"].unique()):
        group = per_word[per_word["paragraph_id"] == paragraph_id].sort_values(["push", "label"], kind="stable")
        positive, negative = group[group["push"] > 0], group[group["push"] < 0]
        rows.append({"paragraph_id": paragraph_id, "push_positive": positive["push"].sum(),
                     "push_negative": negative["push"].sum(),
                     "top_positive": positive["label"].iloc[-1] if len(positive) else "",
                     "top_negative": negative["label"].iloc[0] if len(negative) else ""})
    return pd.DataFrame(rows, columns=["paragraph_id", "push_positive", "push_negative", "top_positive",
                                       "top_negative"])


def _actor_row(actor: str, group: pd.DataFrame, scores: pd.DataFrame, rng, n_bootstrap: int, level: float) -> dict:
    sentence_ids = sorted(group["sentence_id"].unique())
    chosen = scores.loc[sentence_ids]
    values = chosen["sentiment_score"].to_numpy(dtype=float)
    boot = values[rng.integers(0, len(values), size=(n_bootstrap, len(values)))].mean(axis=1)
    low, high = bootstrap_interval(boot, level)
    counts = chosen["sentiment"].value_counts()
    return {"actor": actor, "n_mentions": len(group), "n_sentences": len(sentence_ids),
            "n_paragraphs": chosen["paragraph_id"].nunique(), "mean_score": values.mean(), "score_low": low,
            "score_high": high, **{f"n_{label}": int(counts.get(label, 0)) for label in LABELS}}


def actor_sentiment(scored_sentences: pd.DataFrame, mentions: pd.DataFrame, *, n_bootstrap: int = N_BOOTSTRAP,
                    seed: int = config.RANDOM_SEED, level: float = 0.95) -> pd.DataFrame:
    """Mean sentence score per actor, with counts and a bootstrap interval.

    How to read it: ``mean_score`` is the average ``sentiment_score`` of the sentences
    that name the actor (each sentence once, however often it names them); the
    interval resamples those sentences (seeded). With a handful of sentences the
    interval is wide and the mean says little; it describes the sentences *around*
    an actor, not the article's attitude *toward* them.

    Args:
        scored_sentences: from ``score_sentences``.
        mentions: from ``helpers.actors.actor_mentions(sentences)`` (needs
            ``sentence_id`` and ``actor``).

    Returns:
        One row per actor, sorted by ``n_sentences`` (descending) then ``actor``:
        ``actor``, ``n_mentions``, ``n_sentences``, ``n_paragraphs``, ``mean_score``,
        ``score_low``, ``score_high``, ``n_negative``, ``n_neutral``, ``n_positive``.
    """
    columns = ["actor", "n_mentions", "n_sentences", "n_paragraphs", "mean_score", "score_low", "score_high",
               "n_negative", "n_neutral", "n_positive"]
    rng = np.random.default_rng(seed)
    scores = scored_sentences.set_index("sentence_id")
    rows = [_actor_row(actor, group, scores, rng, n_bootstrap, level)
            for actor, group in (mentions.groupby("actor", sort=True) if len(mentions) else [])]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["n_sentences", "actor"], ascending=[False, True], kind="stable", ignore_index=True)
