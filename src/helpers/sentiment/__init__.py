"""Paragraph sentiment: a validated TF-IDF + logistic-regression model, applied to news.

One module per concern (``from helpers import sentiment; sentiment.X`` reaches every
public name):

* :mod:`.rules`: negation marking, "not only", contrast/concession clauses, the news-tone lexicon;
* :mod:`.features`: word and character n-gram features;
* :mod:`.model`: configuration, the pipeline, the development logs;
* :mod:`.training`: training with decontamination, calibration, load-or-train;
* :mod:`.cache`: the cache key and where a fitted model is stored;
* :mod:`.scoring`: sentence and paragraph scores, the paragraph bootstrap;
* :mod:`.evidence`: word contributions per sentence and paragraph;
* :mod:`.tone_by_actor`: the tone of the sentences that name each actor;
* :mod:`.ablation`: what the news lexicon changes in an article;
* :mod:`.benchmark`: benchmark scores, confusion tables, the analyst's reading;
* :mod:`.reading`: the model against the analyst's reading of the seed article;
* :mod:`.describe`: sentences for the notebook's prose that stay true on any article;
* :mod:`.card`: the model card's goals and takeaways (notebook 04).

* :mod:`.masking`: named entities become one placeholder, so a name carries no tone;
* :mod:`.news`: the annotated news sentences, unlabelled news text, the training sources.

Caveats: most training texts are reviews and comments; the project's annotated news
sentences are the measure on news (notebook 04). Read the model's verdicts on news
together with the evidence and the low-confidence flags.
"""

from ..config import LABELS
from .ablation import (
    LexiconVerdict,
    describe_article_tone,
    describe_lexicon_effect,
    describe_lexicon_takeaway,
    lexicon_ablation,
    lexicon_verdict,
)
from .benchmark import (
    ALL_NEUTRAL,
    DEPLOYED,
    REVIEWS_ONLY_MODEL,
    VARIANTS,
    analyst_reading,
    article_fingerprint,
    benchmark,
    benchmark_texts,
    bootstrap_f1,
    confusion_table,
    evaluate,
    evaluate_model,
    per_class_f1,
    predict_labels,
    stored_scores,
)
from .cache import cache_key, library_versions, model_path
from .card import (
    benchmark_goals,
    card_takeaways,
    describe_missed_goals,
    stored_macro_f1,
)
from .describe import (
    describe_drivers,
    describe_extremes,
    describe_halves,
    describe_intervals,
    describe_labels,
    describe_limits,
    describe_model_quality,
    describe_settings,
    describe_tone,
    describe_training_data,
    describe_verdict_basis,
)
from .evidence import (
    evidence_words,
    explain_sentences,
    is_evidence_word,
    paragraph_evidence,
    paragraph_push,
    word_contributions,
)
from .features import CharNgramVectorizer
from .masking import ENTITY_TOKEN, entity_spans, mask_entities
from .model import (
    MODEL_FORMAT,
    REVIEWS_ONLY,
    TRAIN_SETS,
    SentimentConfig,
    SentimentModel,
    build_pipeline,
    news_selection_record,
    reviews_only,
    selection_record,
)
from .news import NEWS_DATASET, TRAINING_SOURCES, load_news, news_labels_available
from .reading import (
    ReadingAgreement,
    compare_with_reading,
    describe_reading_agreement,
    describe_reading_takeaway,
    reading_agreement,
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
    rewrite_not_only,
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
from .tone_by_actor import actor_sentiment, describe_actors
from .training import labelled_data, load_or_train_model, train_model

__all__ = [
    "ALL_NEUTRAL",
    "DEPLOYED",
    "ENTITY_TOKEN",
    "NEWS_DATASET",
    "REVIEWS_ONLY",
    "REVIEWS_ONLY_MODEL",
    "TRAIN_SETS",
    "TRAINING_SOURCES",
    "bootstrap_f1",
    "entity_spans",
    "evaluate_model",
    "labelled_data",
    "load_news",
    "mask_entities",
    "model_path",
    "news_labels_available",
    "per_class_f1",
    "reviews_only",
    "rewrite_not_only",
    "stored_scores",
    "describe_verdict_basis",
    "describe_model_quality",
    "news_selection_record",
    "describe_training_data",
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
    "LexiconVerdict",
    "ReadingAgreement",
    "benchmark_goals",
    "card_takeaways",
    "compare_with_reading",
    "describe_actors",
    "describe_article_tone",
    "describe_drivers",
    "describe_labels",
    "describe_lexicon_effect",
    "describe_lexicon_takeaway",
    "describe_limits",
    "describe_missed_goals",
    "describe_reading_agreement",
    "describe_reading_takeaway",
    "describe_settings",
    "lexicon_verdict",
    "reading_agreement",
    "stored_macro_f1",
]
