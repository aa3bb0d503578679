"""Tests for helpers.topics.tfidf: the term matrix, its tables and the scan sample.

Every expected value is worked out by hand in the test from the toy documents.
The words are ordinary Indonesian nouns that Sastrawi leaves as they are (padi,
sawah, jagung, gol, bola), so stems and display forms are the words themselves.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers.errors import OptionError
from helpers.multiwords import entity_expressions
from helpers.stemming import Stemmer
from helpers.topics import TopicSettings, fit_tfidf, top_terms_by_document
from helpers.topics.tfidf import (
    _scan_sample,
    document_frequencies,
    term_weights_table,
    terms_per_document,
)
from helpers.vectorize import DEFAULT_CONFIG, VectorizerConfig

ALL_TERMS = VectorizerConfig(min_df=1, max_df=1.0)


def test_counts_are_raw_counts_and_ids_default_to_one_to_n():
    matrix = fit_tfidf(["padi padi sawah", "sawah jagung"], config=ALL_TERMS)
    assert matrix.terms == ("jagung", "padi", "sawah")
    assert matrix.labels == ("jagung", "padi", "sawah")
    assert matrix.document_ids == (1, 2)
    assert (matrix.n_documents, matrix.n_terms) == (2, 3)
    # Raw counts, not TF-IDF and not binary: padi occurs twice in document 1.
    assert matrix.counts.toarray().tolist() == [[0, 2, 1], [1, 0, 1]]


def test_tfidf_values_worked_by_hand():
    # smooth idf = ln((1 + n) / (1 + df)) + 1 with n = 2: df 1 -> ln(1.5) + 1, df 2 -> 1.
    # Document 1, sublinear tf: padi 1 + ln 2, sawah 1; then l2-normalised.
    matrix = fit_tfidf(["padi padi sawah", "sawah jagung"], config=ALL_TERMS)
    idf1 = math.log(1.5) + 1
    padi, sawah = (1 + math.log(2)) * idf1, 1.0
    norm = math.hypot(padi, sawah)
    row = matrix.tfidf.toarray()[0]
    assert row == pytest.approx([0.0, padi / norm, sawah / norm])
    # Document 2: jagung (df 1) and sawah (df 2), tf 1 each.
    norm2 = math.hypot(idf1, 1.0)
    assert matrix.tfidf.toarray()[1] == pytest.approx([idf1 / norm2, 0.0, 1.0 / norm2])


def test_filters_that_remove_every_term_fall_back_to_all_terms():
    # min_df = 2 with four documents is kept by for_corpus, but no word recurs, so
    # the first attempt has an empty vocabulary; the relaxed one keeps the options.
    docs = ["padi", "sawah", "jagung", "bola"]
    config = VectorizerConfig(min_df=2, max_df=0.9, max_features=3)
    matrix = fit_tfidf(docs, config=config)
    assert matrix.config == VectorizerConfig(
        min_df=1, max_df=1.0, ngram_range=(1, 1), sublinear_tf=True, max_features=3
    )
    assert matrix.n_terms == 3
    assert matrix.counts.shape == (4, 3)


def test_the_first_attempt_is_kept_when_it_leaves_terms():
    docs = ["padi sawah", "padi jagung", "padi bola", "sawah gol"]
    config = VectorizerConfig(min_df=2, max_df=0.9)
    matrix = fit_tfidf(docs, config=config)
    # padi is in 3 of 4 (0.75 <= 0.9) and sawah in 2: both kept; the rest occur once.
    assert matrix.terms == ("padi", "sawah")
    assert matrix.config == config


def test_relaxed_attempt_keeps_ngrams_and_plain_tf():
    docs = ["padi sawah", "jagung bola", "gol stadion", "beras pupuk"]
    config = VectorizerConfig(min_df=2, ngram_range=(1, 2), sublinear_tf=False)
    matrix = fit_tfidf(docs, config=config)
    assert matrix.config.ngram_range == (1, 2)
    assert matrix.config.sublinear_tf is False
    assert "padi sawah" in matrix.terms


def test_a_corpus_without_content_words_has_zero_terms_of_the_right_shape():
    matrix = fit_tfidf(
        ["Dan yang itu.", "Ini dan itu, 2024!", "Yang."], document_ids="abc"
    )
    assert matrix.tfidf.shape == (3, 0)
    assert matrix.counts.shape == (3, 0)
    assert matrix.counts is not matrix.tfidf
    assert matrix.document_ids == ("a", "b", "c")
    assert (matrix.terms, matrix.labels) == ((), ())
    assert matrix.config == VectorizerConfig(min_df=1, max_df=1.0)


def test_document_ids_must_match_documents_word_for_word():
    with pytest.raises(ValueError) as error:
        fit_tfidf(["padi", "sawah"], document_ids=[1, 2, 3])
    assert str(error.value) == (
        "fit_tfidf got 2 documents but 3 document_ids; pass one id per document."
    )


def test_non_string_documents_are_read_as_text():
    matrix = fit_tfidf([123, "padi 123"], config=ALL_TERMS)
    assert matrix.terms == ("padi",)


def test_top_terms_ranks_weights_and_ties_by_term():
    # Document 1: sawah and jagung tie (both df 1, tf 1), padi is in both documents
    # and weighs less. Document 2 uses only padi.
    matrix = fit_tfidf(["sawah jagung padi", "padi"], config=ALL_TERMS)
    top = top_terms_by_document(matrix, n_terms=2)
    assert top.to_dict("list") == {
        "document_id": [1, 1, 2],
        "rank": [1, 2, 1],
        "term": ["jagung", "sawah", "padi"],
        "stem": ["jagung", "sawah", "padi"],
        "weight": pytest.approx(
            [
                matrix.tfidf[0, matrix.terms.index("jagung")],
                matrix.tfidf[0, matrix.terms.index("sawah")],
                1.0,
            ]
        ),
    }
    assert top["rank"].dtype == "int64" and top["weight"].dtype == "float64"
    every = top_terms_by_document(matrix, n_terms=5)
    assert every[every["document_id"] == 1]["term"].tolist() == [
        "jagung",
        "sawah",
        "padi",
    ]


def test_top_terms_default_is_five_and_bad_n_is_refused():
    matrix = fit_tfidf(["padi sawah jagung bola gol beras"], config=ALL_TERMS)
    assert len(top_terms_by_document(matrix)) == 5
    with pytest.raises(OptionError):
        top_terms_by_document(matrix, n_terms=0)
    assert len(top_terms_by_document(matrix, n_terms=1)) == 1


def test_frequencies_per_term_and_per_document_counted_by_hand():
    matrix = fit_tfidf(
        ["padi padi sawah", "sawah jagung", "sawah"],
        document_ids=[7, 8, 9],
        config=ALL_TERMS,
    )
    # Documents, not occurrences: padi is in one document although it occurs twice.
    assert document_frequencies(matrix).to_dict() == {
        "jagung": 1,
        "padi": 1,
        "sawah": 3,
    }
    assert terms_per_document(matrix).to_dict() == {7: 2, 8: 2, 9: 1}
    assert document_frequencies(matrix).dtype == "int64"
    assert terms_per_document(matrix).dtype == "int64"


def test_term_weights_table_orders_terms_by_first_document():
    matrix = fit_tfidf(["sawah jagung", "padi bola", "padi gol"], config=ALL_TERMS)
    top = top_terms_by_document(matrix, n_terms=2)
    table = term_weights_table(matrix, top, max_rank=2)
    # Rank <= 2 in some document, in order of first appearance; terms kept once.
    assert table.index.tolist() == ["jagung", "sawah", "bola", "padi", "gol"]
    assert table.columns.tolist() == [1, 2, 3]
    assert table.loc["padi"].tolist() == pytest.approx(
        [
            0.0,
            matrix.tfidf[1, matrix.terms.index("padi")],
            matrix.tfidf[2, matrix.terms.index("padi")],
        ]
    )
    assert term_weights_table(matrix, top).shape == (5, 3)  # max_rank 2, max_terms 30
    assert term_weights_table(matrix, top, max_rank=1).index.tolist() == [
        "jagung",
        "bola",
        "gol",
    ]
    assert term_weights_table(matrix, top, max_terms=2).index.tolist() == [
        "jagung",
        "sawah",
    ]


def _numbered_matrix(n_documents):
    # Document i uses its own word and the shared word "padi", so every document has
    # a column of its own and the sample's columns show which rows were drawn.
    words = ["sawah", "jagung", "bola", "gol", "beras", "pupuk", "stadion", "pelatih"]
    docs = [f"padi {words[i]}" for i in range(n_documents)]
    return fit_tfidf(
        docs, document_ids=[f"p{i}" for i in range(n_documents)], config=ALL_TERMS
    )


def test_scan_sample_is_the_matrix_itself_up_to_the_limit():
    matrix = _numbered_matrix(4)
    assert (
        _scan_sample(matrix, settings=TopicSettings(max_scan_documents=4), seed=0)
        is matrix
    )
    assert (
        _scan_sample(matrix, settings=TopicSettings(max_scan_documents=5), seed=0)
        is matrix
    )


def test_scan_sample_draws_rows_in_document_order_with_their_terms():
    matrix = _numbered_matrix(8)
    settings = TopicSettings(max_scan_documents=3)
    sample = _scan_sample(matrix, settings=settings, seed=0)
    expected_rows = np.sort(np.random.default_rng(0).choice(8, 3, replace=False))
    assert sample.document_ids == tuple(f"p{i}" for i in expected_rows)
    assert sample.n_documents == 3
    # Only the columns the sampled rows use: padi and each row's own word.
    used = np.flatnonzero(matrix.tfidf[expected_rows].getnnz(axis=0))
    assert sample.terms == tuple(matrix.terms[j] for j in used)
    assert sample.labels == tuple(matrix.labels[j] for j in used)
    assert len(sample.terms) == 4
    assert (
        sample.tfidf.toarray() == matrix.tfidf[expected_rows][:, used].toarray()
    ).all()
    assert (
        sample.counts.toarray() == matrix.counts[expected_rows][:, used].toarray()
    ).all()
    assert sample.config == matrix.config
    # The same seed gives the same sample; the input is not changed.
    again = _scan_sample(matrix, settings=settings, seed=0)
    assert again.document_ids == sample.document_ids
    assert matrix.n_documents == 8


def test_scan_sample_can_keep_every_term_for_the_final_model():
    matrix = _numbered_matrix(8)
    sample = _scan_sample(
        matrix, settings=TopicSettings(max_scan_documents=3), seed=1, all_terms=True
    )
    assert sample.terms == matrix.terms and sample.labels == matrix.labels
    assert sample.counts.shape == (3, matrix.n_terms)
    rows = [matrix.document_ids.index(d) for d in sample.document_ids]
    assert rows == sorted(rows)
    assert (sample.counts.toarray() == matrix.counts[rows].toarray()).all()


def test_scan_sample_depends_on_the_seed():
    matrix = _numbered_matrix(8)
    settings = TopicSettings(max_scan_documents=3)
    draws = {
        _scan_sample(matrix, settings=settings, seed=s).document_ids for s in range(5)
    }
    assert len(draws) > 1


def test_default_config_is_the_documented_one():
    assert DEFAULT_CONFIG == VectorizerConfig(
        min_df=2, max_df=0.9, ngram_range=(1, 1), sublinear_tf=True, max_features=None
    )
    assert isinstance(fit_tfidf(["padi"]).counts, type(fit_tfidf(["padi"]).tfidf))
    assert pd.api.types.is_integer_dtype(document_frequencies(fit_tfidf(["padi"])))


def test_the_stemmer_given_makes_the_terms_and_their_labels():
    # An override stems "sawah" to "ladang": the term is the stem, the label the word.
    stemmer = Stemmer(overrides={"sawah": "ladang"})
    matrix = fit_tfidf(
        ["padi sawah", "sawah jagung"], config=ALL_TERMS, stemmer=stemmer
    )
    assert matrix.terms == ("jagung", "ladang", "padi")
    assert matrix.labels == ("jagung", "sawah", "padi")


def test_a_name_is_labelled_as_written_not_through_its_words_stems():
    # "makanan" (3 times) is the commonest surface form of the stem "makan", so
    # without the article's names the label of the name would read "rumah makanan
    # padang". With them, the name is its own surface form.
    mentions = pd.DataFrame(
        {"entity": ["Rumah Makan Padang"], "mention": ["Rumah Makan Padang"]}
    )
    docs = [
        "Rumah Makan Padang ramai",
        "makanan enak",
        "makanan murah",
        "makanan lezat",
    ]
    matrix = fit_tfidf(docs, config=ALL_TERMS, expressions=entity_expressions(mentions))
    labels = dict(zip(matrix.terms, matrix.labels))
    assert labels["rumah makan padang"] == "rumah makan padang"
    assert labels["makan"] == "makanan"


def test_term_weights_table_defaults_are_rank_two_and_thirty_terms():
    words = [
        "padi sawah jagung", "bola gol stadion", "beras pupuk petani",
        "pelatih pemain laga", "harga pasar dagang", "kapal laut pelabuhan",
        "hutan danau gunung", "sekolah guru murid", "rumah dapur kamar",
        "kereta stasiun rel", "pesawat bandara pilot",
    ]  # fmt: skip
    matrix = fit_tfidf(words, config=ALL_TERMS)
    top = top_terms_by_document(matrix, n_terms=3)
    table = term_weights_table(matrix, top)
    # 11 documents x 2 ranks = 22 terms of rank <= 2 (rank 3 is left out by default).
    assert len(table) == 22
    assert set(table.index) == set(top[top["rank"] <= 2]["term"])
    assert len(term_weights_table(matrix, top, max_rank=3)) == 30  # 33 capped at 30
    assert len(term_weights_table(matrix, top, max_rank=3, max_terms=33)) == 33
