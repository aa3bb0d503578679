"""Distinctive terms, topics and redundancy for any list of documents.

One module per step, each re-exported here (as textacy's ``text_stats``):

* :mod:`~helpers.topics.settings`: :class:`TopicSettings`, every constant of the search;
* :mod:`~helpers.topics.tfidf`: :class:`TermMatrix` and :func:`fit_tfidf`;
* :mod:`~helpers.topics.selection`: how many topics (stability across restarts);
* :mod:`~helpers.topics.models`: NMF and LDA topics, their terms and labels;
* :mod:`~helpers.topics.similarity`: similar and redundant documents;
* :mod:`~helpers.topics.describe`: prose for notebook 02;
* :mod:`~helpers.topics.analysis`: :func:`analyse`, every step above in one call, its
  outputs as tables with fixed columns even when no topics can be fitted.

The vectoriser itself (what a *term* is) lives in :mod:`helpers.vectorize`; import
its names from there.

A *document* is whatever the caller passes: the paragraphs of one article (notebook
02), or the articles of a corpus. Everything is computed by scikit-learn and SciPy;
this module only wires the pieces together and returns tidy tables.

* :func:`fit_tfidf` turns documents into a :class:`TermMatrix` (TF-IDF from
  scikit-learn's ``TfidfVectorizer`` with the Indonesian analyzer of
  :mod:`helpers.vectorize`, plus raw counts over the same vocabulary for LDA).
* :func:`top_terms_by_document`: the terms that make each document distinctive.
* :func:`scan_topic_numbers` / :func:`summarise_scan` / :func:`choose_n_topics` /
  :func:`n_topics_choice`: evidence for the number of topics (NMF reconstruction
  error and stability across random seeds, after Greene et al. 2014); the chosen
  number is the largest one whose stability reaches ``min_stability``.
* :func:`fit_nmf`, :func:`topic_terms`, :func:`document_topics`,
  :func:`dominant_topics`: the topics, their labels, and where they occur.
* :func:`fit_lda`, :func:`match_topics`: a second method (LDA on counts) and where
  it agrees with NMF.
* :func:`similarity_matrix`, :func:`similar_pairs`, :func:`redundant_pairs`,
  :func:`document_linkage`: which documents say the same thing (redundant means
  cosine >= ``redundancy_threshold``).

Caveat: topic models are built for thousands of documents. On a 17-paragraph
article they describe *this text's* vocabulary, and their stability must be checked
(:func:`topic_stability`) before a topic is read as a theme.

References:
    Lee & Seung (1999), "Learning the parts of objects by non-negative matrix
    factorization", Nature 401. Blei, Ng & Jordan (2003), "Latent Dirichlet
    Allocation", JMLR 3. Greene, O'Callaghan & Cunningham (2014), "How many topics?
    Stability analysis for topic models", ECML PKDD. scikit-learn example
    "Topic extraction with NMF and LDA".
"""

from __future__ import annotations

from .analysis import COLUMNS, TopicAnalysis, analyse
from .describe import (
    describe_error_elbow,
    describe_n_topics,
    describe_redundancy,
    describe_topic_flow,
    describe_topic_list,
    describe_topic_takeaways,
    list_ks,
)
from .models import (
    document_topics,
    dominant_runs,
    dominant_topic_agreement,
    dominant_topics,
    fit_lda,
    fit_nmf,
    match_topics,
    topic_labels,
    topic_terms,
)
from .selection import (
    NTopicsChoice,
    candidate_n_topics,
    choose_n_topics,
    n_topics_choice,
    scan_topic_numbers,
    summarise_scan,
    topic_stability,
    topics_possible,
)
from .settings import (
    TOPIC_SETTINGS,
    TopicSettings,
)
from .similarity import (
    document_linkage,
    redundant_pairs,
    similar_pairs,
    similarity_matrix,
)
from .tfidf import (
    TermMatrix,
    document_frequencies,
    fit_tfidf,
    term_weights_table,
    terms_per_document,
    top_terms_by_document,
)

__all__ = [
    "TopicSettings",
    "TOPIC_SETTINGS",
    "TermMatrix",
    "fit_tfidf",
    "top_terms_by_document",
    "term_weights_table",
    "document_frequencies",
    "terms_per_document",
    "candidate_n_topics",
    "topics_possible",
    "scan_topic_numbers",
    "summarise_scan",
    "choose_n_topics",
    "NTopicsChoice",
    "n_topics_choice",
    "topic_stability",
    "fit_nmf",
    "topic_labels",
    "topic_terms",
    "document_topics",
    "dominant_topics",
    "dominant_runs",
    "fit_lda",
    "match_topics",
    "dominant_topic_agreement",
    "similarity_matrix",
    "similar_pairs",
    "redundant_pairs",
    "document_linkage",
    "list_ks",
    "describe_error_elbow",
    "describe_n_topics",
    "describe_topic_flow",
    "describe_redundancy",
    "describe_topic_list",
    "describe_topic_takeaways",
    "analyse",
    "TopicAnalysis",
    "COLUMNS",
]
