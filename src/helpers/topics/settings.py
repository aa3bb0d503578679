"""Settings of the topic search, in one place (:data:`TOPIC_SETTINGS`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TopicSettings:
    """Settings of the topic search, in one place.

    Attributes:
        max_topics: largest number of topics tried (caps run time on long texts).
        n_seeds: random restarts per number of topics for the stability check.
        n_top_terms: top terms per topic compared across restarts (and listed).
        recur_threshold: a topic *recurs* in a restart when the Jaccard overlap of
            its top terms with the best-matching restart topic is at least this.
        min_documents: fewer documents than this: no topic model is fitted.
        max_iter: iteration cap for NMF (high enough to converge here).
        lda_max_iter: pass cap for LDA (batch variational Bayes; stops earlier when
            the perplexity settles).
        min_stability: a number of topics is *reproducible* when its stability (mean
            top-term Jaccard across restarts) is at least this. The chosen number is
            the largest reproducible one: the most detailed model that still comes
            back from other random starts (see :func:`choose_n_topics`).
        stability_noise: stabilities closer than this are treated as equal (the
            seed-to-seed wobble of a mean over ``n_seeds`` restarts); a number of
            topics this close below ``min_stability`` is reported as borderline.
        min_topic_documents: a topic is a *theme* only when it is the dominant topic of
            at least this many documents; a k whose deterministic fit has a topic that
            leads fewer documents describes single paragraphs, not themes, and is not
            chosen (see :func:`choose_n_topics`).
        redundancy_threshold: two documents are called *redundant* when the cosine
            similarity of their TF-IDF vectors is at least this (an absolute
            threshold, so an article without repetition has no redundant pairs).
        max_scan_documents: the topic-number search (11 NMF fits per k) runs on a
            seeded random sample of this many documents when there are more (a
            5,000-paragraph article took minutes); the chosen model is still fitted
            on every document. News articles are far below it, so their search is
            unchanged.
    """

    max_topics: int = 8
    n_seeds: int = 10
    n_top_terms: int = 8
    recur_threshold: float = 0.5
    min_documents: int = 4
    max_iter: int = 2000
    lda_max_iter: int = 100
    min_stability: float = 0.9
    stability_noise: float = 0.05
    min_topic_documents: int = 2
    redundancy_threshold: float = 0.5
    max_scan_documents: int = 500


#: The project's topic-search settings (notebook 02).
TOPIC_SETTINGS = TopicSettings()
