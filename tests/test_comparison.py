"""helpers.comparison: TF-IDF with reference document frequencies and similar articles,
on a toy corpus worked by hand.

Reference: r1 = {a: 1, b: 1}, r2 = {b: 2}. Article paragraphs: p1 = {a: 1, c: 1},
p2 = {c: 1}; the whole article {a: 1, c: 2} is the third document behind the IDF.
Document frequencies: a 2 (r1, article), b 2, c 1. Smoothed IDF
ln((1 + 3) / (1 + df)) + 1: a = b = ln(4/3) + 1 = 1.287682, c = ln 2 + 1 = 1.693147.
p1 (sublinear tf 1 each): (1.287682, 1.693147) / 2.127168 = a 0.605352, c 0.795961.
Article: a 1.287682, c (1 + ln 2) * 1.693147 = 2.866747; unit length a 0.409740,
c 0.912206. r1 unit length: a = b = 0.707107, so cosine(article, r1) = 0.289730;
r2 shares nothing: 0.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import comparison, topics, vectorize
from helpers.errors import HelpersError

REFERENCE = pd.DataFrame(
    {"document_id": ["r1", "r1", "r2"], "term": ["a", "b", "b"], "count": [1, 1, 2]}
)
PARAGRAPHS = pd.DataFrame(
    {"document_id": [1, 1, 2], "term": ["a", "c", "c"], "count": [1, 1, 1]}
)
META = pd.DataFrame(
    {
        "id": ["r2", "r1"],
        "source": ["suara", "antaranews"],
        "category": ["olahraga", "tajuk utama"],
        "url": ["https://suara.com/x", "https://antaranews.com/y"],
    }
)
IDF_AB, IDF_C = math.log(4 / 3) + 1, math.log(2) + 1


def test_idf_comes_from_the_reference_plus_the_article():
    space = comparison.reference_space(PARAGRAPHS, REFERENCE)
    assert space.terms == ("a", "b", "c") and space.n_documents == 3
    assert space.idf().to_dict() == pytest.approx(
        {"a": IDF_AB, "b": IDF_AB, "c": IDF_C}
    )


def test_paragraph_terms_by_hand():
    space = comparison.reference_space(PARAGRAPHS, REFERENCE)
    terms = comparison.paragraph_terms(space, PARAGRAPHS, labels={"c": "C-form"})
    norm = math.hypot(IDF_AB, IDF_C)
    assert terms.to_dict("records") == [
        {
            "document_id": 1,
            "rank": 1,
            "term": "C-form",
            "stem": "c",
            "weight": pytest.approx(IDF_C / norm),
        },
        {
            "document_id": 1,
            "rank": 2,
            "term": "a",
            "stem": "a",
            "weight": pytest.approx(IDF_AB / norm),
        },
        {
            "document_id": 2,
            "rank": 1,
            "term": "C-form",
            "stem": "c",
            "weight": pytest.approx(1.0),
        },
    ]
    assert list(terms.columns) == ["document_id", "rank", "term", "stem", "weight"]


def test_similar_articles_by_hand():
    space = comparison.reference_space(PARAGRAPHS, REFERENCE)
    similar = comparison.similar_articles(space, META, n=5)
    assert list(similar.columns) == [
        "id",
        "source",
        "category",
        "url",
        "similarity",
        "shared_terms",
    ]
    assert similar["id"].tolist() == ["r1", "r2"]
    article_a = IDF_AB / math.hypot(IDF_AB, (1 + math.log(2)) * IDF_C)
    assert similar["similarity"].tolist() == pytest.approx(
        [article_a / math.sqrt(2), 0.0]
    )
    assert similar.loc[0, "source"] == "antaranews" and similar[
        "shared_terms"
    ].tolist() == ["a", ""]


def test_inputs_are_not_modified_and_bad_inputs_get_clear_errors():
    before = PARAGRAPHS.copy(), REFERENCE.copy()
    space = comparison.reference_space(PARAGRAPHS, REFERENCE)
    pd.testing.assert_frame_equal(PARAGRAPHS, before[0])
    pd.testing.assert_frame_equal(REFERENCE, before[1])
    with pytest.raises(HelpersError, match="not in the reference space"):
        comparison.paragraph_terms(
            space, pd.DataFrame({"document_id": [1], "term": ["zzz"], "count": [1]})
        )
    with pytest.raises(HelpersError, match="lacks column"):
        comparison.reference_space(PARAGRAPHS.drop(columns="count"), REFERENCE)
    with pytest.raises(HelpersError, match="empty"):
        comparison.reference_space(PARAGRAPHS, REFERENCE.iloc[:0])
    with pytest.raises(HelpersError, match="lacks column"):
        comparison.similar_articles(space, META.drop(columns="url"))


def test_a_term_in_every_paragraph_comes_back_against_the_reference():
    # "rusia" is in both paragraphs: within the article its IDF is the minimum, so it
    # ranks below each paragraph's own word; the reference never uses it.
    texts = ["Rusia menandatangani pakta.", "Rusia mengirim senjata."]
    from helpers import reference

    counts = reference.term_counts(texts, document_ids=[1, 2])
    others = sorted(
        set(counts["term"]) - {"rusia"}
    )  # every other word of the article is in the news
    ref = pd.DataFrame(
        {
            "document_id": ["r1"] * len(others) + ["r2"] * len(others) + ["r3"],
            "term": others + others + ["main"],
            "count": 1,
        }
    )
    within = topics.top_terms_by_document(
        topics.fit_tfidf(texts, config=vectorize.DISTINCTIVE_CONFIG), n_terms=1
    )
    assert "rusia" not in set(within["stem"])
    space = comparison.reference_space(counts, ref)
    against = comparison.paragraph_terms(space, counts, n_terms=1)
    assert set(against["stem"]) == {"rusia"}
    text = comparison.describe_reference_shift(
        within,
        against,
        n_paragraphs=2,
        paragraph_counts=counts,
        reference_df=pd.Series({"pakta": 1}),
        n_reference=3,
    )
    assert "**1** term enters" in text and "rusia (2)" in text
    assert (
        "in brackets: the number of paragraphs whose top list the term enters" in text
    )
    assert "top term changes in **2** of 2 paragraphs" in text
    assert (
        "*rusia* occurs in the most paragraphs of the article (2 of 2), but in only 0 of 3 reference articles"
        in text
    )


def test_describe_similar_quotes_years_from_the_ids():
    similar = pd.DataFrame(
        {
            "id": ["1505169310-korea-utara", "1490397353-korut"],
            "source": ["antaranews", "cnn"],
            "category": ["tajuk utama", "tajuk utama"],
            "url": ["u1", "u2"],
            "similarity": [0.16, 0.13],
            "shared_terms": ["korea utara, pyongyang", "militer"],
        }
    )
    text = comparison.describe_similar(similar)
    assert (
        "cosine **0.16**" in text and "All 2 are in the category *tajuk utama*" in text
    )
    assert "published in 2017" in text and "0.13" in text


def test_same_text_ids_finds_a_copy_by_cosine_of_counts():
    # Article {a: 1, c: 2}. r3 is a copy (cosine 1); r4 = {a: 1, c: 2, d: 1}: cosine
    # (1 + 4) / (sqrt(5) * sqrt(6)) = 0.912871 < 0.95, kept; r1 = {a: 1, b: 1}:
    # 1 / (sqrt(5) * sqrt(2)) = 0.316228.
    ref = pd.concat(
        [
            REFERENCE,
            pd.DataFrame(
                {
                    "document_id": ["r3", "r3", "r4", "r4", "r4"],
                    "term": ["a", "c", "a", "c", "d"],
                    "count": [1, 2, 1, 2, 1],
                }
            ),
        ]
    )
    same = comparison.same_text_ids(PARAGRAPHS, ref)
    assert same["id"].tolist() == ["r3"] and same["similarity"].iloc[
        0
    ] == pytest.approx(1.0)
    loose = comparison.same_text_ids(PARAGRAPHS, ref, threshold=0.9)
    assert loose["id"].tolist() == ["r3", "r4"] and loose["similarity"].iloc[
        1
    ] == pytest.approx(5 / math.sqrt(30))
    assert comparison.same_text_ids(PARAGRAPHS, REFERENCE).empty
    before = ref.copy()
    counts, meta = comparison.without_articles(ref, META, same)
    assert (
        "r3" not in set(counts["document_id"])
        and len(counts) == len(ref) - 2
        and meta["id"].tolist() == ["r2", "r1"]
    )
    pd.testing.assert_frame_equal(ref, before)  # inputs untouched
    line = str(comparison.describe_excluded(same))
    assert (
        "**1 reference article** was left out as this article itself" in line
        and "r3" in line
        and "1.000" in line
    )
    with pytest.raises(HelpersError, match="threshold"):
        comparison.same_text_ids(PARAGRAPHS, ref, threshold=0)
