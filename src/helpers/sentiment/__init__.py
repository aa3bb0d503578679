"""Paragraph sentiment: a validated TF-IDF + logistic-regression model, applied to news.

One module per concern (``from helpers import sentiment; sentiment.X`` reaches every
public name):

* :mod:`.rules`: negation marking, "not only", contrast/concession clauses, the news-tone lexicon;
* :mod:`.features`: word and character n-gram features;
* :mod:`.model`: configuration, training with decontamination, calibration, the cache;
* :mod:`.scoring`: sentence and paragraph scores, the paragraph bootstrap;
* :mod:`.evidence`: word contributions per sentence and paragraph, tone by actor;
* :mod:`.benchmark`: benchmark scores, confusion tables, the analyst's reading;
* :mod:`.describe`: sentences for the notebook's prose that stay true on any article.

Caveats: the training texts are reviews and comments, not news. Report-style news
sentences are mostly neutral in SmSA terms; read the model's verdicts on news together
with the evidence and the low-confidence flags.
"""

from ..config import LABELS
from .benchmark import (
    VARIANTS,
    analyst_reading,
    article_fingerprint,
    benchmark,
    benchmark_texts,
    confusion_table,
    evaluate,
    predict_labels,
)
from .describe import (
    describe_extremes,
    describe_halves,
    describe_intervals,
    describe_tone,
)
from .evidence import (
    actor_sentiment,
    evidence_words,
    explain_sentences,
    is_evidence_word,
    lexicon_ablation,
    paragraph_evidence,
    paragraph_push,
    word_contributions,
)
from .features import CharNgramVectorizer
from .model import (
    MODEL_FORMAT,
    SentimentConfig,
    SentimentModel,
    build_pipeline,
    cache_key,
    library_versions,
    load_or_train_model,
    selection_record,
    train_model,
)
from .rules import (
    CONCESSION_MARKERS,
    CONTRAST_MARKERS,
    CONTRAST_WEIGHT,
    LEXICON_WEIGHT,
    NEGATION_SCOPE,
    NEGATORS,
    NOT_ONLY,
    NUMBER_TOKEN,
    lexicon_hits,
    mark_negation,
    mask_numbers,
    news_lexicon,
    prepare_text,
    prepare_texts,
    split_clauses,
)
from .scoring import (
    LOW_CONFIDENCE_AGREEMENT,
    LOW_CONFIDENCE_P,
    MIN_SENTENCES_FOR_AGREEMENT,
    N_BOOTSTRAP,
    PROBABILITY_COLUMNS,
    low_confidence_reason,
    paragraph_sentiment,
    score_paragraphs,
    score_sentences,
    score_texts,
    sentence_weights,
    text_logits,
)

__all__ = [
    "CONCESSION_MARKERS",
    "CONTRAST_MARKERS",
    "CONTRAST_WEIGHT",
    "CharNgramVectorizer",
    "LABELS",
    "LEXICON_WEIGHT",
    "LOW_CONFIDENCE_AGREEMENT",
    "LOW_CONFIDENCE_P",
    "MIN_SENTENCES_FOR_AGREEMENT",
    "MODEL_FORMAT",
    "NEGATION_SCOPE",
    "NEGATORS",
    "NOT_ONLY",
    "NUMBER_TOKEN",
    "N_BOOTSTRAP",
    "PROBABILITY_COLUMNS",
    "SentimentConfig",
    "SentimentModel",
    "VARIANTS",
    "actor_sentiment",
    "analyst_reading",
    "article_fingerprint",
    "benchmark",
    "benchmark_texts",
    "build_pipeline",
    "cache_key",
    "confusion_table",
    "describe_extremes",
    "describe_halves",
    "describe_intervals",
    "describe_tone",
    "evaluate",
    "evidence_words",
    "explain_sentences",
    "is_evidence_word",
    "lexicon_ablation",
    "low_confidence_reason",
    "mask_numbers",
    "lexicon_hits",
    "library_versions",
    "load_or_train_model",
    "mark_negation",
    "news_lexicon",
    "paragraph_evidence",
    "paragraph_push",
    "paragraph_sentiment",
    "predict_labels",
    "prepare_text",
    "prepare_texts",
    "score_paragraphs",
    "score_sentences",
    "score_texts",
    "selection_record",
    "sentence_weights",
    "split_clauses",
    "text_logits",
    "train_model",
    "word_contributions",
]
