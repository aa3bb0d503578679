"""Distinctive terms, topics and redundancy for any list of documents.

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

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.cluster.hierarchy import linkage
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import squareform
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from .config import RANDOM_SEED
from .errors import OptionError, check_option, invalid_value_msg
from .prose import Prose, plural
from .stemming import Stemmer
from .vectorize import (
    DEFAULT_CONFIG,
    DISTINCTIVE_CONFIG,
    VectorizerConfig,
    display_term,
    indonesian_analyzer,
    make_tfidf_vectorizer,
    term_surface_forms,
)

__all__ = [
    "TermMatrix", "TopicSettings", "TOPIC_SETTINGS", "DEFAULT_CONFIG", "DISTINCTIVE_CONFIG",
    "VectorizerConfig", "indonesian_analyzer", "make_tfidf_vectorizer",
    "fit_tfidf", "top_terms_by_document", "term_weights_table", "topics_possible",
    "candidate_n_topics", "fit_nmf", "scan_topic_numbers", "summarise_scan",
    "choose_n_topics", "NTopicsChoice", "n_topics_choice", "topic_stability", "topic_labels", "topic_terms",
    "document_topics", "dominant_topics", "dominant_runs", "fit_lda", "match_topics",
    "dominant_topic_agreement", "similarity_matrix", "similar_pairs", "redundant_pairs", "document_linkage",
    "list_ks", "describe_error_elbow", "describe_n_topics", "describe_topic_flow", "describe_redundancy",
]


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


@dataclass(frozen=True, eq=False)
class TermMatrix:
    """Documents × terms, weighted by TF-IDF, with readable term names.

    Attributes:
        tfidf: sparse ``(n_documents, n_terms)`` TF-IDF matrix (rows l2-normalised).
        counts: sparse raw term counts over the same vocabulary (for LDA).
        document_ids: one id per row, in input order.
        terms: the vocabulary as stems (n-grams joined by a space), column order.
        labels: each term's display form (most frequent surface form per stem).
        config: the vectoriser filters actually used (relaxed for tiny corpora).
    """

    tfidf: sparse.csr_matrix
    counts: sparse.csr_matrix
    document_ids: tuple
    terms: tuple[str, ...]
    labels: tuple[str, ...]
    config: VectorizerConfig

    @property
    def n_documents(self) -> int:
        return self.tfidf.shape[0]

    @property
    def n_terms(self) -> int:
        return self.tfidf.shape[1]


# --- TF-IDF -----------------------------------------------------------------------


def fit_tfidf(documents: Sequence[str], *, document_ids: Sequence | None = None,
              config: VectorizerConfig | None = None, stemmer: Stemmer | None = None) -> TermMatrix:
    """TF-IDF of ``documents`` with the Indonesian analyzer (scikit-learn does the maths).

    How to read it: a cell is high when a term is frequent in that document and rare
    in the others. Rows are l2-normalised, so documents of different length compare.

    Args:
        documents: the texts (paragraphs of an article, or whole articles).
        document_ids: one id per document; 1..n when None.
        config: vocabulary filters; ``DEFAULT_CONFIG`` when None. Relaxed by
            :meth:`VectorizerConfig.for_corpus` for tiny corpora, and relaxed again
            when the filters would remove every term.
        stemmer: passed to the analyzer (shared default when None).

    Returns:
        A :class:`TermMatrix`. A corpus with no content words (only stop words,
        numbers, punctuation) gives zero terms instead of an error.
    """
    documents = [str(d) for d in documents]
    ids = tuple(range(1, len(documents) + 1)) if document_ids is None else tuple(document_ids)
    if len(ids) != len(documents):
        raise ValueError(f"fit_tfidf got {len(documents)} documents but {len(ids)} document_ids; pass one id per document.")
    cfg = (config or DEFAULT_CONFIG).for_corpus(len(documents))
    relaxed = VectorizerConfig(min_df=1, max_df=1.0, ngram_range=cfg.ngram_range,
                               sublinear_tf=cfg.sublinear_tf, max_features=cfg.max_features)
    forms = term_surface_forms(documents, stemmer=stemmer)
    for attempt in (cfg, relaxed):
        vectorizer = make_tfidf_vectorizer(stemmer=stemmer, config=attempt)
        try:
            tfidf = vectorizer.fit_transform(documents).tocsr()
        except ValueError:  # scikit-learn: "no terms remain" / "empty vocabulary"
            continue
        terms = tuple(vectorizer.get_feature_names_out())
        counter = CountVectorizer(analyzer=vectorizer.analyzer, vocabulary=list(terms), lowercase=False)
        counts = counter.transform(documents).tocsr()
        return TermMatrix(tfidf, counts, ids, terms, tuple(display_term(t, forms) for t in terms), attempt)
    empty = sparse.csr_matrix((len(documents), 0))
    return TermMatrix(empty, empty.copy(), ids, (), (), relaxed)


def top_terms_by_document(matrix: TermMatrix, *, n_terms: int = 5) -> pd.DataFrame:
    """The highest-TF-IDF terms of each document: what makes it distinctive.

    Args:
        matrix: from :func:`fit_tfidf`.
        n_terms: terms kept per document (fewer when the document has fewer).

    Returns:
        Columns ``document_id``, ``rank`` (1 = most distinctive), ``term`` (display
        form), ``stem``, ``weight`` (TF-IDF, 0..1). Ties are broken by term, so the
        order is deterministic. Documents without any term have no rows.
    """
    _check_positive("n_terms", n_terms)
    rows = []
    dense = matrix.tfidf.toarray()
    for doc_id, weights in zip(matrix.document_ids, dense):
        order = sorted(np.flatnonzero(weights), key=lambda j: (-weights[j], matrix.terms[j]))[:n_terms]
        rows.extend((doc_id, rank, matrix.labels[j], matrix.terms[j], float(weights[j]))
                    for rank, j in enumerate(order, start=1))
    return pd.DataFrame(rows, columns=["document_id", "rank", "term", "stem", "weight"]).astype(
        {"rank": "int64", "weight": "float64"})


def term_weights_table(matrix: TermMatrix, top_terms: pd.DataFrame, *, max_rank: int = 2,
                       max_terms: int = 30) -> pd.DataFrame:
    """A terms × documents TF-IDF table for a heatmap of distinctive terms.

    Keeps terms that rank ``<= max_rank`` in some document, ordered by the first
    document where they rank (so the diagonal follows the article), at most
    ``max_terms`` of them.

    Returns:
        A wide table: index = term (display form), columns = document ids in order.
    """
    chosen = top_terms[top_terms["rank"] <= max_rank]
    stems = list(dict.fromkeys(chosen["stem"]))[:max_terms]
    index = {t: j for j, t in enumerate(matrix.terms)}
    columns = [index[s] for s in stems]
    values = matrix.tfidf[:, columns].toarray().T if columns else np.zeros((0, matrix.n_documents))
    return pd.DataFrame(values, index=[matrix.labels[j] for j in columns], columns=list(matrix.document_ids))


# --- number of topics -------------------------------------------------------------


def candidate_n_topics(matrix: TermMatrix, *, settings: TopicSettings = TOPIC_SETTINGS) -> list[int]:
    """Numbers of topics worth trying: 2 .. min(max_topics, documents - 1, terms - 1)."""
    upper = min(settings.max_topics, matrix.n_documents - 1, matrix.n_terms - 1)
    return list(range(2, upper + 1))


def topics_possible(matrix: TermMatrix, *, settings: TopicSettings = TOPIC_SETTINGS) -> tuple[bool, str]:
    """Whether a topic model makes sense here, and a plain reason when it does not."""
    if matrix.n_documents < settings.min_documents:
        return False, (f"Only {plural(matrix.n_documents, 'document')}: topic modelling needs at least "
                       f"{settings.min_documents}, so no topics are fitted.")
    if not candidate_n_topics(matrix, settings=settings):
        return False, (f"Only {matrix.n_terms} term(s) survive the vocabulary filters: too few to "
                       "separate two topics, so no topics are fitted.")
    return True, ""


def fit_nmf(matrix: TermMatrix, n_topics: int, *, init: str = "nndsvda", seed: int = RANDOM_SEED,
            settings: TopicSettings = TOPIC_SETTINGS) -> NMF:
    """Non-negative matrix factorisation of the TF-IDF matrix: ``X ≈ W H``.

    ``init="nndsvda"`` (the default) is deterministic, based on an SVD; ``"random"``
    starts from ``seed`` and is used to test stability. Returns the fitted
    scikit-learn ``NMF`` (``components_`` is topics × terms).
    """
    _check_positive("n_topics", n_topics)
    model = NMF(n_components=n_topics, init=init, random_state=seed, max_iter=settings.max_iter)
    model.fit(matrix.tfidf)
    return model


def _top_term_sets(components: np.ndarray, n_top: int) -> list[frozenset[int]]:
    # Ties broken by column index (stable argsort) so runs are reproducible.
    return [frozenset(np.argsort(-row, kind="stable")[:n_top]) for row in components]


def _match_by_jaccard(reference: np.ndarray, other: np.ndarray, n_top: int) -> tuple[np.ndarray, np.ndarray]:
    """Best one-to-one matching of ``other``'s topics to ``reference``'s (Hungarian
    algorithm on top-term Jaccard). Returns (matched index, Jaccard) per reference topic."""
    ref_sets, other_sets = _top_term_sets(reference, n_top), _top_term_sets(other, n_top)
    jaccard = np.array([[len(a & b) / len(a | b) for b in other_sets] for a in ref_sets])
    rows, cols = linear_sum_assignment(-jaccard)
    matched = np.empty(len(ref_sets), dtype=int)
    matched[rows] = cols
    return matched, jaccard[rows, cols][np.argsort(rows)]


def scan_topic_numbers(matrix: TermMatrix, *, n_topics: Sequence[int] | None = None,
                       settings: TopicSettings = TOPIC_SETTINGS, seed: int = RANDOM_SEED) -> pd.DataFrame:
    """Fit NMF for each number of topics, once deterministically and ``n_seeds`` times
    from random starts, and record error and agreement.

    How to read it: ``reconstruction_error`` always falls as topics are added; look
    for where it stops falling fast. ``jaccard`` is how well a random restart
    recovers each reference topic's top terms (1 = the same terms): a number of
    topics whose topics keep coming back is supported by the data.

    Returns:
        One row per (``n_topics``, ``seed``, ``topic_id``): ``reference_error`` and
        ``relative_error`` (Frobenius error of the deterministic fit, and the same
        divided by the norm of the matrix), ``jaccard`` (top-term overlap of reference
        topic ``topic_id`` with its matched topic in the restart), and
        ``min_dominant_documents`` (in the deterministic fit, the fewest documents
        that any one topic leads).
    """
    ks = candidate_n_topics(matrix, settings=settings) if n_topics is None else list(n_topics)
    matrix = _scan_sample(matrix, settings=settings, seed=seed)
    norm = float(np.sqrt(matrix.tfidf.multiply(matrix.tfidf).sum())) or 1.0
    rows = []
    for k in ks:
        reference = fit_nmf(matrix, k, settings=settings)
        fewest = _fewest_dominant_documents(reference.transform(matrix.tfidf), k)
        for s in range(settings.n_seeds):
            restart = fit_nmf(matrix, k, init="random", seed=seed + s, settings=settings)
            _, jaccard = _match_by_jaccard(reference.components_, restart.components_, settings.n_top_terms)
            rows.extend((k, seed + s, t + 1, reference.reconstruction_err_,
                         reference.reconstruction_err_ / norm, float(j), fewest) for t, j in enumerate(jaccard))
    return pd.DataFrame(rows, columns=["n_topics", "seed", "topic_id", "reference_error",
                                       "relative_error", "jaccard", "min_dominant_documents"])


def _scan_sample(matrix: TermMatrix, *, settings: TopicSettings, seed: int, all_terms: bool = False) -> TermMatrix:
    """``matrix`` itself, or a seeded random sample of ``settings.max_scan_documents``
    of its rows (in document order) when it has more, keeping only the terms the
    sample uses unless ``all_terms``."""
    if matrix.n_documents <= settings.max_scan_documents:
        return matrix
    rows = np.sort(np.random.default_rng(seed).choice(matrix.n_documents, settings.max_scan_documents,
                                                      replace=False))
    tfidf = matrix.tfidf[rows]
    columns = np.arange(matrix.n_terms) if all_terms else np.flatnonzero(tfidf.getnnz(axis=0))
    return replace(matrix, tfidf=tfidf[:, columns], counts=matrix.counts[rows][:, columns],
                   document_ids=tuple(matrix.document_ids[i] for i in rows),
                   terms=tuple(matrix.terms[j] for j in columns), labels=tuple(matrix.labels[j] for j in columns))


def _fewest_dominant_documents(doc_weights: np.ndarray, n_topics: int) -> int:
    """The smallest number of documents that any topic leads (documents without
    terms lead none)."""
    has_terms = doc_weights.sum(axis=1) > 0
    leads = np.bincount(doc_weights[has_terms].argmax(axis=1), minlength=n_topics)
    return int(leads.min())


def summarise_scan(scan: pd.DataFrame, *, settings: TopicSettings = TOPIC_SETTINGS) -> pd.DataFrame:
    """One row per number of topics: ``relative_error``, ``stability`` (mean Jaccard
    over topics and seeds, 0..1), ``recurrence`` (share of topic × seed pairs whose
    Jaccard reaches ``recur_threshold``) and ``min_dominant_documents`` (the fewest
    documents any topic of the deterministic fit leads)."""
    grouped = scan.assign(recurs=scan["jaccard"] >= settings.recur_threshold).groupby("n_topics")
    return pd.DataFrame({
        "relative_error": grouped["relative_error"].first(),
        "stability": grouped["jaccard"].mean(),
        "recurrence": grouped["recurs"].mean(),
        "min_dominant_documents": grouped["min_dominant_documents"].first(),
    }).reset_index()


def choose_n_topics(summary: pd.DataFrame, *, settings: TopicSettings = TOPIC_SETTINGS) -> int:
    """The largest number of topics that is reproducible and made of themes.

    A k qualifies when its stability reaches ``settings.min_stability`` and every
    topic of its deterministic fit leads at least ``settings.min_topic_documents``
    documents. Why not "the most stable k": k = 2 is almost always the most stable,
    because splitting a vocabulary in two is easy to repeat, so that rule describes
    itself rather than the text. Why the theme condition: on a short text NMF stays
    reproducible at high k by giving single paragraphs topics of their own, which
    describes paragraphs, not themes. The largest qualifying k is the most detailed
    model that still comes back from other random starts (Greene et al. 2014 use
    stability the same way). When no k qualifies, the most stable k is returned
    (ties: the smaller); :func:`n_topics_choice` says so, and says when several k
    qualify.
    """
    return n_topics_choice(summary, settings=settings).n_topics


@dataclass(frozen=True)
class NTopicsChoice:
    """How the number of topics was chosen, for the notebook's prose.

    Attributes:
        n_topics: the chosen k.
        reproducible: every k with stability >= ``min_stability`` whose topics each lead
            at least ``min_topic_documents`` documents, ascending.
        borderline: k just below the threshold (within ``stability_noise``).
        identifiable: True only when exactly one k is reproducible and none is
            borderline: the text then singles out one number of topics.
        fallback: True when no k is reproducible and the most stable one was taken.
    """

    n_topics: int
    reproducible: tuple[int, ...]
    borderline: tuple[int, ...]
    identifiable: bool
    fallback: bool


def n_topics_choice(summary: pd.DataFrame, *, settings: TopicSettings = TOPIC_SETTINGS) -> NTopicsChoice:
    """The number of topics by the rule of :func:`choose_n_topics`, with the evidence.

    Args:
        summary: from :func:`summarise_scan` (``n_topics``, ``stability``).
        settings: ``min_stability`` and ``stability_noise`` are used.

    Returns:
        An :class:`NTopicsChoice`.
    """
    if summary.empty:
        raise ValueError("choose_n_topics needs a non-empty scan summary; check topics_possible() first.")
    ordered = summary.sort_values("n_topics")
    ks = ordered["n_topics"].astype(int).to_numpy()
    stability = ordered["stability"].to_numpy(dtype=float)
    themes = (ordered["min_dominant_documents"].to_numpy() >= settings.min_topic_documents
              if "min_dominant_documents" in ordered else np.ones(len(ks), dtype=bool))
    passes = (stability >= settings.min_stability - 1e-12) & themes
    reproducible = tuple(int(k) for k in ks[passes])
    near = (~passes) & themes & (stability >= settings.min_stability - settings.stability_noise)
    borderline = tuple(int(k) for k in ks[near])
    if reproducible:
        chosen, fallback = max(reproducible), False
    else:
        best = stability.max()
        chosen, fallback = int(ks[stability >= best - 1e-12].min()), True
    return NTopicsChoice(chosen, reproducible, borderline,
                         identifiable=len(reproducible) == 1 and not borderline, fallback=fallback)


def topic_stability(scan: pd.DataFrame, n_topics: int, *, settings: TopicSettings = TOPIC_SETTINGS) -> pd.DataFrame:
    """Per topic of the chosen model: how often its top terms recur across restarts.

    Returns:
        Columns ``topic_id``, ``mean_jaccard`` (0..1), ``recurrence`` (share of seeds
        in which the topic is found again, Jaccard >= ``recur_threshold``),
        ``n_seeds``.
    """
    rows = scan[scan["n_topics"] == n_topics]
    grouped = rows.assign(recurs=rows["jaccard"] >= settings.recur_threshold).groupby("topic_id")
    return pd.DataFrame({
        "mean_jaccard": grouped["jaccard"].mean(),
        "recurrence": grouped["recurs"].mean(),
        "n_seeds": grouped["seed"].nunique(),
    }).reset_index()


# --- topics -----------------------------------------------------------------------


def topic_labels(components: np.ndarray, labels: Sequence[str], *, n_words: int = 3) -> list[str]:
    """A readable label per topic: its top ``n_words`` display terms joined by " / ".

    When two topics would get the same label, more terms are added until they differ.
    """
    orders = [np.argsort(-row, kind="stable") for row in components]
    width = n_words
    while True:
        names = [" / ".join(labels[j] for j in order[:width]) for order in orders]
        if len(set(names)) == len(names) or width >= len(labels):
            return names
        width += 1


def topic_terms(components: np.ndarray, matrix: TermMatrix, *, n_terms: int = 10) -> pd.DataFrame:
    """The top terms of every topic (the content of ``topics.csv``).

    Args:
        components: topics × terms weights (``NMF.components_`` or LDA's).
        matrix: the :class:`TermMatrix` the model was fitted on.
        n_terms: terms per topic.

    Returns:
        Columns ``topic_id`` (1..k), ``label``, ``rank`` (1 = strongest), ``term``
        (display form), ``weight`` (the term's share of the topic's total weight,
        so a topic's weights over the whole vocabulary sum to 1), ``stem``. Terms with
        zero weight are left out.
    """
    _check_positive("n_terms", n_terms)
    names = topic_labels(components, matrix.labels)
    totals = components.sum(axis=1, keepdims=True)
    shares = np.divide(components, totals, out=np.zeros_like(components, dtype=float), where=totals > 0)
    rows = []
    for t, row in enumerate(shares):
        order = [j for j in np.argsort(-row, kind="stable")[:n_terms] if row[j] > 0]
        rows.extend((t + 1, names[t], rank, matrix.labels[j], float(row[j]), matrix.terms[j])
                    for rank, j in enumerate(order, start=1))
    return pd.DataFrame(rows, columns=["topic_id", "label", "rank", "term", "weight", "stem"]).astype(
        {"topic_id": "int64", "rank": "int64"})


def document_topics(doc_weights: np.ndarray, matrix: TermMatrix, labels: Sequence[str]) -> pd.DataFrame:
    """Each document's mix of topics, as shares that sum to 1 per document.

    Args:
        doc_weights: documents × topics (``NMF.transform`` or LDA's).
        matrix: the :class:`TermMatrix` (for document ids).
        labels: topic labels (``topic_terms(...)["label"]`` in topic order).

    Returns:
        Columns ``document_id``, ``topic_id``, ``label``, ``weight`` (share, 0..1).
        A document with no terms has weight 0 for every topic.
    """
    totals = doc_weights.sum(axis=1, keepdims=True)
    shares = np.divide(doc_weights, totals, out=np.zeros_like(doc_weights, dtype=float), where=totals > 0)
    k = shares.shape[1]
    return pd.DataFrame({
        "document_id": np.repeat(list(matrix.document_ids), k),
        "topic_id": np.tile(np.arange(1, k + 1), matrix.n_documents),
        "label": np.tile(list(labels), matrix.n_documents),
        "weight": shares.ravel(),
    })


def dominant_topics(doc_topics: pd.DataFrame) -> pd.DataFrame:
    """The strongest topic of each document.

    Returns:
        Columns ``document_id``, ``dominant_topic`` (nullable int; missing when the
        document has no terms), ``label``, ``topic_weight`` (its share, 0..1).
    """
    ordered = doc_topics.sort_values(["document_id", "weight", "topic_id"], ascending=[True, False, True],
                                     kind="stable")
    top = ordered.drop_duplicates("document_id").reset_index(drop=True)
    has_terms = top["weight"] > 0
    return pd.DataFrame({
        "document_id": top["document_id"],
        "dominant_topic": top["topic_id"].where(has_terms).astype("Int64"),
        "label": top["label"].where(has_terms, ""),
        "topic_weight": top["weight"],
    })


def dominant_runs(dominant: pd.DataFrame) -> pd.DataFrame:
    """Consecutive stretches of documents with the same dominant topic.

    Returns:
        Columns ``first_document``, ``last_document``, ``n_documents``,
        ``dominant_topic``, ``label``, in order. Documents without a topic form their
        own runs (topic missing).
    """
    key = dominant["dominant_topic"].astype("float").fillna(-1)
    run_id = (key != key.shift()).cumsum()
    grouped = dominant.groupby(run_id.to_numpy(), sort=True)
    return pd.DataFrame({
        "first_document": grouped["document_id"].first().to_numpy(),
        "last_document": grouped["document_id"].last().to_numpy(),
        "n_documents": grouped.size().to_numpy(),
        "dominant_topic": pd.array(grouped["dominant_topic"].first().to_numpy(), dtype="Int64"),
        "label": grouped["label"].first().to_numpy(),
    })


def fit_lda(matrix: TermMatrix, n_topics: int, *, seed: int = RANDOM_SEED,
            settings: TopicSettings = TOPIC_SETTINGS) -> LatentDirichletAllocation:
    """Latent Dirichlet allocation on raw counts over the same vocabulary (batch
    variational Bayes, fixed seed). Returns the fitted scikit-learn model.

    Above ``settings.max_scan_documents`` documents it is fitted on the same seeded
    sample as the topic-number search (:func:`scan_topic_numbers`); ``transform``
    still gives every document's topic mix."""
    _check_positive("n_topics", n_topics)
    model = LatentDirichletAllocation(n_components=n_topics, learning_method="batch", random_state=seed,
                                      max_iter=settings.lda_max_iter, evaluate_every=5)
    model.fit(_scan_sample(matrix, settings=settings, seed=seed, all_terms=True).counts)
    return model


def match_topics(reference: np.ndarray, other: np.ndarray, matrix: TermMatrix, *,
                 n_top: int = TOPIC_SETTINGS.n_top_terms) -> pd.DataFrame:
    """Pair each reference topic with one topic of another model, and show the overlap.

    Matching maximises the cosine similarity of the topic-term weight vectors
    (Hungarian algorithm), so each topic is used once.

    Returns:
        Columns ``topic_id``, ``matched_topic_id``, ``cosine`` (0..1, weight-vector
        similarity), ``jaccard`` (overlap of the top ``n_top`` terms), ``shared_terms``
        (the shared top terms, display forms, by reference weight).
    """
    similarity = cosine_similarity(reference, other)
    rows_idx, cols_idx = linear_sum_assignment(-similarity)
    rows = []
    for r, c in sorted(zip(rows_idx, cols_idx)):
        top_r = [int(j) for j in np.argsort(-reference[r], kind="stable")[:n_top]]
        top_c = set(int(j) for j in np.argsort(-other[c], kind="stable")[:n_top])
        shared = [matrix.labels[j] for j in top_r if j in top_c]
        rows.append((r + 1, c + 1, float(similarity[r, c]), len(shared) / len(set(top_r) | top_c),
                     ", ".join(shared)))
    return pd.DataFrame(rows, columns=["topic_id", "matched_topic_id", "cosine", "jaccard", "shared_terms"])


def dominant_topic_agreement(reference: pd.DataFrame, other: pd.DataFrame, matches: pd.DataFrame) -> float:
    """Share of documents whose dominant topic is the same in both models, after
    mapping ``other``'s topics onto the reference's with ``matches``."""
    mapping = dict(zip(matches["matched_topic_id"], matches["topic_id"]))
    joined = reference.merge(other, on="document_id", suffixes=("", "_other"))
    if joined.empty:
        return float("nan")
    return float((joined["dominant_topic_other"].map(mapping) == joined["dominant_topic"]).mean())


# --- similarity and redundancy -------------------------------------------------------


def similarity_matrix(matrix: TermMatrix) -> pd.DataFrame:
    """Cosine similarity of the documents' TF-IDF vectors (1 = same terms in the same
    proportions, 0 = no term in common). Square table indexed by document id."""
    values = cosine_similarity(matrix.tfidf) if matrix.n_terms else np.zeros((matrix.n_documents,) * 2)
    np.fill_diagonal(values, 1.0)
    ids = list(matrix.document_ids)
    return pd.DataFrame(values, index=ids, columns=ids)


def similar_pairs(matrix: TermMatrix, *, n_pairs: int = 5, n_shared: int = 6,
                  threshold: float = TOPIC_SETTINGS.redundancy_threshold) -> pd.DataFrame:
    """The most similar pairs of documents, the terms they share, and whether they
    pass the redundancy threshold.

    How to read it: ``similarity`` is the cosine of the two TF-IDF vectors (1 = same
    terms in the same proportions). ``redundant`` is True when it reaches
    ``threshold`` (an absolute cut, 0.5 by default), so the most similar pair of an
    article that never repeats itself is listed but not called redundant.

    Caveat: with ``min_df=2`` only terms shared by two or more documents count, and
    IDF weights rare terms most, so a pair sharing a few rare words (an event
    paragraph and the quote about it) scores high. That is topical overlap, not
    necessarily restating; read the shared terms before calling a pair repetition.

    Args:
        matrix: from :func:`fit_tfidf`.
        n_pairs: pairs returned, most similar first.
        n_shared: shared terms listed per pair (by the product of their weights).
        threshold: cosine at or above which a pair is ``redundant``.

    Returns:
        Columns ``document_a`` < ``document_b`` (ids), ``similarity`` (cosine, 0..1),
        ``redundant`` (bool), ``shared_terms`` (display forms, comma-separated). Ties
        are broken by ids.
    """
    _check_positive("n_pairs", n_pairs)
    if not 0 <= threshold <= 1:
        raise OptionError(invalid_value_msg("threshold", threshold, "a cosine between 0 and 1 (0.5 is the default)"))
    sim = similarity_matrix(matrix).to_numpy()
    ids = list(matrix.document_ids)
    a_idx, b_idx = np.triu_indices(len(ids), k=1)
    values = sim[a_idx, b_idx]
    candidates = np.arange(len(values))
    if len(values) > n_pairs:
        # Only pairs that can reach the top n_pairs are sorted in Python: those within
        # 1e-9 of the n-th highest similarity (far wider than the 1e-12 rounding of the
        # key, so the order is the same as sorting every pair; 12.5 million pairs for a
        # 5,000-paragraph article).
        nth = np.partition(values, len(values) - n_pairs)[len(values) - n_pairs]
        candidates = np.flatnonzero(values >= nth - 1e-9)
    order = sorted(candidates.tolist(), key=lambda p: (-round(values[p], 12), a_idx[p], b_idx[p]))
    dense = matrix.tfidf
    rows = []
    for p in order[:n_pairs]:
        a, b = a_idx[p], b_idx[p]
        product = dense[a].multiply(dense[b]).toarray().ravel()
        shared = [j for j in np.argsort(-product, kind="stable")[:n_shared] if product[j] > 0]
        similarity = float(sim[a, b])
        rows.append((ids[a], ids[b], similarity, similarity >= threshold - 1e-12,
                     ", ".join(matrix.labels[j] for j in shared)))
    return pd.DataFrame(rows, columns=["document_a", "document_b", "similarity", "redundant", "shared_terms"]).astype(
        {"similarity": "float64", "redundant": "bool"})


def redundant_pairs(matrix: TermMatrix, *, n_pairs: int = 5, n_shared: int = 6,
                    threshold: float = TOPIC_SETTINGS.redundancy_threshold) -> pd.DataFrame:
    """Pairs of documents similar enough to call redundant (cosine >= ``threshold``).

    The rows of :func:`similar_pairs` that pass the threshold (at most ``n_pairs``),
    without the ``redundant`` column; empty (with the columns ``document_a``,
    ``document_b``, ``similarity``, ``shared_terms``) when no pair passes. See
    :func:`similar_pairs` for the caveat on rare shared words.
    """
    _check_positive("n_pairs", n_pairs)
    # Pairs come most similar first, so the first n_pairs redundant ones are among the
    # n_pairs most similar (asking for every pair cost minutes on long articles).
    pairs = similar_pairs(matrix, n_pairs=n_pairs, n_shared=n_shared, threshold=threshold)
    kept = pairs[pairs["redundant"]].head(n_pairs)
    return kept.drop(columns="redundant").reset_index(drop=True)


def document_linkage(matrix: TermMatrix, *, method: str = "average") -> np.ndarray:
    """Hierarchical clustering of the documents on cosine distance (SciPy ``linkage``).

    Average linkage is used because cosine distance is not Euclidean (Ward assumes
    it is). Returns the SciPy linkage matrix; needs at least two documents.
    """
    check_option("method", method, ("average", "complete", "single", "weighted"))
    if matrix.n_documents < 2:
        raise ValueError("document_linkage needs at least two documents; check the document count first.")
    distance = np.clip(1.0 - similarity_matrix(matrix).to_numpy(), 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    distance = (distance + distance.T) / 2  # exact symmetry for squareform
    return linkage(squareform(distance, checks=False), method=method)


def _check_positive(name: str, value: int) -> None:
    if not isinstance(value, (int, np.integer)) or value < 1:
        raise OptionError(invalid_value_msg(name, value, "a positive integer"))


# --- describe: prose for the notebook ------------------------------------------------
# Each returns a helpers.prose.Prose (plain text as a str; notebook.md escapes it). They
# hold the branching that used to sit in notebook cells.


def list_ks(values: Sequence[int]) -> str:
    """``'k = 2, 3 and 4'`` for a list of numbers of topics (``''`` when empty)."""
    values = list(values)
    if not values:
        return ""
    return "k = " + ", ".join(map(str, values[:-1])) + (" and " if len(values) > 1 else "") + str(values[-1])


def describe_error_elbow(summary: pd.DataFrame, *, chosen: int | None = None) -> Prose:
    """One clause on where the reconstruction error drops most (the "elbow").

    An elbow is reported when the largest drop between consecutive k exceeds 1.5 times
    the median drop; with only two k tried there is nothing to read.

    Args:
        summary: from :func:`summarise_scan` (``n_topics``, ``relative_error``), ascending k.
        chosen: the k picked by the stability rule; when the elbow falls on it, the
            clause says so.

    Returns:
        A sentence fragment ending with a full stop.
    """
    drops = -summary["relative_error"].diff().dropna()
    if len(drops) >= 2 and drops.max() > 1.5 * drops.median():
        step = int(summary["n_topics"][drops.idxmax()])
        return Prose("its largest drop comes when going to k = {step}, so error alone would suggest k = {step}"
                     + (", the same k as the stability rule." if step == chosen else "."), step=step)
    if len(drops) >= 2:
        return Prose("it declines steadily without a clear elbow, so error alone would not pick k.")
    return Prose("with only two values tried there is no elbow to read.")


def describe_n_topics(summary: pd.DataFrame, choice: NTopicsChoice, *,
                      settings: TopicSettings = TOPIC_SETTINGS) -> Prose:
    """The evidence for the number of topics, as a paragraph of prose.

    Says which k were tried, whether the text singles out one k (``choice.identifiable``),
    several (the largest reproducible one is used) or none (``choice.fallback``: the most
    stable k, for description only), and what the reconstruction error alone suggests.

    Args:
        summary: from :func:`summarise_scan` (``n_topics``, ``stability``,
            ``recurrence``, ``relative_error``), ascending k.
        choice: from :func:`n_topics_choice` on the same summary.
        settings: ``min_stability``, ``min_topic_documents``, ``stability_noise`` and
            ``n_seeds`` are quoted.

    Returns:
        A :class:`~helpers.prose.Prose` (numbers only; no Markdown).
    """
    n_topics = choice.n_topics
    chosen_row = summary.set_index("n_topics").loc[n_topics]
    if choice.fallback:
        verdict = (f"No k reaches stability {settings.min_stability:.2f} with every topic leading at least "
                   f"{settings.min_topic_documents} paragraphs, so k is not identifiable from this "
                   f"text: the topics below use the most stable k = {n_topics} (stability {chosen_row['stability']:.2f}) "
                   "and describe the vocabulary only; they are not reproducible themes.")
    elif choice.identifiable:
        verdict = (f"Only k = {n_topics} reaches stability {settings.min_stability:.2f} with every topic leading "
                   f"at least {settings.min_topic_documents} paragraphs "
                   f"(it has {chosen_row['stability']:.2f}), so the text supports one number of topics.")
    else:
        others = [k for k in choice.reproducible if k != n_topics]
        evidence = []
        if others:
            evidence.append(f"{list_ks(others)} also {plural(len(others), 'passes', 'pass', with_count=False)}")
        if choice.borderline:
            evidence.append(f"{list_ks(choice.borderline)} "
                            f"{plural(len(choice.borderline), 'falls', 'fall', with_count=False)} within "
                            f"{settings.stability_noise:.2f} below the threshold")
        verdict = (f"k = {n_topics} is the largest k with stability of at least {settings.min_stability:.2f} and "
                   f"every topic leading at least {settings.min_topic_documents} paragraphs "
                   f"(it has {chosen_row['stability']:.2f}; {chosen_row['recurrence']:.0%} of its topics recovered per restart). "
                   + "; ".join(evidence) + ", so k is not identifiable from this text alone. We show the most detailed "
                   "reproducible model; smaller k give coarser, merged versions of these topics.")
    elbow = describe_error_elbow(summary, chosen=n_topics)
    lo, hi = int(summary["n_topics"].min()), int(summary["n_topics"].max())
    # The sentence holds numbers only; it is one value, escaped as a whole.
    return Prose("{text}", text=(f"Tried k = {lo} to {hi} with {settings.n_seeds} random restarts each. {verdict} "
                                 f"Relative reconstruction error falls from {summary['relative_error'].iloc[0]:.2f} "
                                 f"at k = {lo} to {summary['relative_error'].iloc[-1]:.2f} at k = {hi}; {elbow}"))


def describe_topic_flow(runs: pd.DataFrame, *, max_runs: int = 12) -> Prose:
    """The dominant-topic runs in article order: ``'paragraphs 1-3: topic 2; paragraph 4: topic 1'``.

    Args:
        runs: from :func:`dominant_runs` (``first_document``, ``last_document``,
            ``n_documents``, ``dominant_topic``; a missing topic is shown as ``-``).
        max_runs: runs listed before the rest are summarised as ``'and N more runs'``.

    Returns:
        A :class:`~helpers.prose.Prose`.
    """
    parts = []
    for run in runs.head(max_runs).itertuples():
        where = (f"paragraphs {run.first_document}-{run.last_document}" if run.n_documents > 1
                 else f"paragraph {run.first_document}")
        parts.append(f"{where}: topic {'-' if pd.isna(run.dominant_topic) else run.dominant_topic}")
    more = f"; and {len(runs) - max_runs} more runs" if len(runs) > max_runs else ""
    return Prose("{flow}{more}", flow="; ".join(parts), more=more)


def describe_redundancy(closest: pd.DataFrame, *, n_redundant: int, n_documents: int,
                        threshold: float) -> Prose:
    """Whether any pair of paragraphs is redundant (with Markdown emphasis).

    Args:
        closest: from :func:`similar_pairs`, most similar first, not empty
            (``document_a``, ``document_b``, ``similarity``, ``shared_terms``).
        n_redundant: pairs with cosine >= ``threshold``.
        n_documents: documents compared (for the number of pairs).
        threshold: the redundancy cut quoted in the text.

    Returns:
        A :class:`~helpers.prose.Prose`.
    """
    if closest.empty:
        raise ValueError("describe_redundancy needs at least one pair; check that there are two documents.")
    n_pairs = n_documents * (n_documents - 1) // 2
    top = closest.iloc[0]
    values = {"t": threshold, "a": top["document_a"], "b": top["document_b"], "s": f"{top['similarity']:.2f}"}
    if n_redundant == 0:
        values.update(none=("the only pair of paragraphs does not reach" if n_pairs == 1
                            else f"none of the {n_pairs} pairs of paragraphs reaches"),
                      shared=top["shared_terms"] or "no terms")
        return Prose("**No redundant pairs:** {none} cosine {t}. The most similar pair, "
                     "paragraphs {a} and {b} (cosine {s}), shares *{shared}*: related subject matter, not "
                     "repetition.", **values)
    values.update(k=n_redundant, n=n_pairs, verb=plural(n_redundant, "reaches", "reach", with_count=False),
                  shared=top["shared_terms"])
    return Prose("**{k}** of {n} pairs of paragraphs {verb} cosine {t}. The most similar is paragraphs **{a}** and **{b}** "
            "(cosine {s}), sharing *{shared}*. Check the shared terms: rare words shared by an event and the quote "
            "about it raise the cosine without any sentence being restated.", **values)
