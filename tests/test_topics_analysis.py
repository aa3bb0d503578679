"""helpers.topics.analyse: every topic output as a table with fixed columns."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.prose import Prose
from helpers.topics import (
    COLUMNS,
    TopicSettings,
    analyse,
    describe_topic_flow,
    describe_topic_list,
    describe_topic_takeaways,
    document_frequencies,
    fit_tfidf,
    terms_per_document,
)
from helpers.vectorize import VectorizerConfig

FOOTBALL = [
    "Tim sepak bola nasional mencetak gol di stadion.",
    "Pelatih tim memuji pemain yang mencetak gol kemenangan di stadion.",
    "Pemain sepak bola berlatih keras sebelum pertandingan di stadion.",
    "Pertandingan sepak bola berakhir dengan gol pemain muda.",
]
FARMING = [
    "Petani menanam padi di sawah saat musim hujan.",
    "Harga beras naik karena panen padi petani gagal.",
    "Sawah petani diairi irigasi agar panen padi melimpah.",
    "Pupuk membantu petani meningkatkan panen padi dan beras.",
]
TOY = [text for pair in zip(FOOTBALL, FARMING) for text in pair]
SMALL = TopicSettings(max_topics=4, n_seeds=3)
TABLES = [name for name in COLUMNS]


@pytest.fixture(scope="module")
def toy_analysis():
    return analyse(fit_tfidf(TOY), settings=SMALL)


def test_one_paragraph_gives_empty_tables_with_the_fixed_columns():
    matrix = fit_tfidf(["Pakta pertahanan diteken di Jakarta."], document_ids=[1])
    result = analyse(matrix, settings=SMALL)
    assert not result.possible and "1 document" in result.reason
    for name in TABLES:
        table = getattr(result, name)
        assert list(table.columns) == COLUMNS[name], name
    assert all(getattr(result, n).empty for n in TABLES if n != "dominant")
    # one row per document, the topic missing
    assert result.dominant["document_id"].tolist() == [1]
    assert result.dominant["dominant_topic"].isna().all()
    assert (result.n_topics, result.topic_names, result.nmf, result.choice) == (
        0,
        (),
        None,
        None,
    )


def test_two_themes_give_two_topics_and_every_table_its_columns(toy_analysis):
    result = toy_analysis
    assert result.possible and result.reason == "" and result.n_topics == 2
    for name in TABLES:
        assert list(getattr(result, name).columns) == COLUMNS[name], name
    assert len(result.topic_names) == 2 == result.topic_terms["topic_id"].nunique()
    assert len(result.dominant) == len(TOY)
    # football and farming alternate, so the dominant topic alternates too
    topics = result.dominant["dominant_topic"].tolist()
    assert topics[0::2] == [topics[0]] * 4 and topics[1::2] == [topics[1]] * 4
    assert topics[0] != topics[1] and len(result.runs) == len(TOY)
    assert result.agreement == 1.0 and result.stability_score == 1.0
    assert result.method_similarity.shape == (2, 2)
    assert result.stability["label"].tolist() == list(result.topic_names)


def test_topic_list_names_each_topic_and_its_later_terms(toy_analysis):
    listing = describe_topic_list(toy_analysis.topic_terms)
    assert isinstance(listing, Prose)
    lines = str(listing).split("\n")
    assert lines[0] == "The NMF topics, by their strongest terms:" and lines[1] == ""
    assert lines[2].startswith(f"* **Topic 1: {toy_analysis.topic_names[0]}**, then ")
    assert len(lines) == 4


def test_takeaways_without_topics_give_the_reason():
    matrix = fit_tfidf(["Pakta pertahanan."], document_ids=[1])
    result = analyse(matrix, settings=SMALL)
    text = describe_topic_takeaways(matrix, result, flow=Prose(""), settings=SMALL)
    assert str(text) == (
        f"* Each paragraph is a document: 1 paragraph, {matrix.n_terms} topic terms after "
        f"filtering.\n* No topics: {result.reason}"
    )


def test_takeaways_with_topics(toy_analysis):
    matrix = fit_tfidf(TOY)
    flow = describe_topic_flow(toy_analysis.runs)
    lines = str(
        describe_topic_takeaways(matrix, toy_analysis, flow=flow, settings=SMALL)
    ).split("\n")
    assert lines[0].startswith("* Each paragraph is a document: 8 paragraphs")
    assert lines[1].startswith("* **2 topics**")
    assert "100%" in lines[2] and "3 random restarts" in lines[2]
    assert lines[3].startswith("* The dominant topic changes 7 times")


def test_document_frequencies_and_terms_per_document_counted_by_hand():
    config = VectorizerConfig(min_df=1, max_df=1.0)
    matrix = fit_tfidf(["pakta damai pakta", "pakta perang", "hujan"], config=config)
    assert document_frequencies(matrix).to_dict() == {
        "damai": 1,
        "hujan": 1,
        "pakta": 2,
        "perang": 1,
    }
    assert terms_per_document(matrix).tolist() == [2, 2, 1]
    empty = fit_tfidf(["dan yang"], config=config)
    assert terms_per_document(empty).tolist() == [0]
    assert document_frequencies(empty).empty


def test_analyse_does_not_change_the_matrix(toy_analysis):
    matrix = fit_tfidf(TOY)
    before = matrix.tfidf.copy()
    analyse(matrix, settings=SMALL)
    assert (matrix.tfidf != before).nnz == 0
    assert isinstance(toy_analysis.topic_terms, pd.DataFrame)
