"""Tests for helpers.topics on toy corpora with answers checkable by hand."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from helpers.errors import OptionError
from helpers.stopwords import stopword_set
from helpers.topics import (
    TOPIC_SETTINGS,
    NTopicsChoice,
    TopicSettings,
    choose_n_topics,
    describe_error_elbow,
    describe_n_topics,
    describe_redundancy,
    describe_topic_flow,
    document_linkage,
    document_topics,
    dominant_runs,
    dominant_topic_agreement,
    dominant_topics,
    fit_lda,
    fit_nmf,
    fit_tfidf,
    list_ks,
    match_topics,
    n_topics_choice,
    redundant_pairs,
    scan_topic_numbers,
    similar_pairs,
    similarity_matrix,
    summarise_scan,
    top_terms_by_document,
    topic_stability,
    topic_terms,
    topics_possible,
)
from helpers.vectorize import DISTINCTIVE_CONFIG

# Two themes with no content word in common: football and rice farming.
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
TOY = [
    FOOTBALL[0],
    FARMING[0],
    FOOTBALL[1],
    FARMING[1],
    FOOTBALL[2],
    FARMING[2],
    FOOTBALL[3],
    FARMING[3],
]
IS_FOOTBALL = [True, False] * 4
SMALL = TopicSettings(max_topics=4, n_seeds=3)


@pytest.fixture(scope="module")
def toy():
    return fit_tfidf(TOY)


def _nmf_dominant(matrix, k):
    model = fit_nmf(matrix, k)
    terms = topic_terms(model.components_, matrix)
    labels = terms.drop_duplicates("topic_id")["label"].tolist()
    return (
        model,
        terms,
        dominant_topics(document_topics(model.transform(matrix.tfidf), matrix, labels)),
    )


def test_two_separated_themes_give_two_topics(toy):
    summary = summarise_scan(scan_topic_numbers(toy, settings=SMALL), settings=SMALL)
    assert choose_n_topics(summary) == 2
    _, terms, dominant = _nmf_dominant(toy, 2)
    groups = dominant.groupby(dominant["dominant_topic"].to_numpy())[
        "document_id"
    ].apply(list)
    football_ids = [i for i, f in zip(toy.document_ids, IS_FOOTBALL) if f]
    assert sorted(map(sorted, groups)) == sorted(
        [football_ids, sorted(set(toy.document_ids) - set(football_ids))]
    )
    top3 = terms[terms["rank"] <= 3].groupby("topic_id")["stem"].apply(set)
    assert any({"padi", "tani"} <= s for s in top3) and any(
        {"bola", "sepak"} <= s for s in top3
    )


def test_topic_terms_have_no_stopwords_or_punctuation(toy):
    model = fit_nmf(toy, 2)
    terms = topic_terms(model.components_, toy, n_terms=20)
    stops = stopword_set()
    assert not terms.empty
    for column in ("term", "stem"):
        assert terms[column].str.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*").all()
        assert not terms[column].isin(stops).any()


def test_topic_terms_columns_and_weights(toy):
    model = fit_nmf(toy, 2)
    terms = topic_terms(model.components_, toy, n_terms=5)
    assert list(terms.columns[:5]) == ["topic_id", "label", "rank", "term", "weight"]
    assert (
        terms.groupby("topic_id")["rank"].apply(list)
        == pd.Series({1: [1, 2, 3, 4, 5], 2: [1, 2, 3, 4, 5]})
    ).all()
    assert (
        terms.groupby("topic_id")["weight"]
        .apply(lambda w: w.is_monotonic_decreasing)
        .all()
    )
    assert terms["label"].nunique() == 2


def test_duplicated_paragraph_is_the_most_redundant_pair():
    docs = TOY[:5] + [TOY[2]] + TOY[5:]  # document 6 repeats document 3
    pairs = redundant_pairs(fit_tfidf(docs), n_pairs=3)
    first = pairs.iloc[0]
    assert (first["document_a"], first["document_b"]) == (3, 6)
    assert first["similarity"] == pytest.approx(1.0)
    assert {"pelatih", "tim", "gol"} <= set(first["shared_terms"].split(", "))
    assert pairs["similarity"].is_monotonic_decreasing


def test_similarity_is_symmetric_with_unit_diagonal(toy):
    sim = similarity_matrix(toy).to_numpy()
    assert np.allclose(sim, sim.T) and np.allclose(np.diag(sim), 1.0)
    assert sim[0, 1] == pytest.approx(0.0)  # football vs farming share no term


def test_linkage_joins_the_duplicate_first():
    docs = TOY[:5] + [TOY[2]] + TOY[5:]
    link = document_linkage(fit_tfidf(docs))
    assert sorted(link[0, :2].astype(int)) == [2, 5] and link[0, 2] == pytest.approx(
        0.0, abs=1e-9
    )


def test_distinctive_terms_rank_unique_words_first():
    matrix = fit_tfidf(["padi padi sawah", "padi jagung"], config=DISTINCTIVE_CONFIG)
    top = top_terms_by_document(matrix, n_terms=2)
    assert top[top["document_id"] == 2].iloc[0]["term"] == "jagung"
    assert top[top["document_id"] == 1].iloc[0]["term"] == "sawah"


def test_stability_is_perfect_for_separated_themes(toy):
    scan = scan_topic_numbers(toy, n_topics=[2], settings=SMALL)
    per_topic = topic_stability(scan, 2, settings=SMALL)
    assert per_topic["recurrence"].tolist() == [1.0, 1.0]
    assert per_topic["n_seeds"].tolist() == [3, 3]


def test_lda_agrees_with_nmf_on_separated_themes(toy):
    model, _, nmf_dom = _nmf_dominant(toy, 2)
    lda = fit_lda(toy, 2)
    matches = match_topics(model.components_, lda.components_, toy)
    lda_labels = (
        topic_terms(lda.components_, toy).drop_duplicates("topic_id")["label"].tolist()
    )
    lda_dom = dominant_topics(
        document_topics(lda.transform(toy.counts), toy, lda_labels)
    )
    assert sorted(matches["matched_topic_id"]) == [1, 2]
    assert dominant_topic_agreement(nmf_dom, lda_dom, matches) == 1.0


def test_reruns_are_identical(toy):
    first = topic_terms(fit_nmf(toy, 2).components_, toy)
    second = topic_terms(fit_nmf(fit_tfidf(TOY), 2).components_, fit_tfidf(TOY))
    pd.testing.assert_frame_equal(first, second)


def test_tiny_and_empty_corpora_degrade_without_errors():
    one = fit_tfidf(["Presiden Rusia bertemu pemimpin Korea Utara di Pyongyang."])
    possible, reason = topics_possible(one)
    assert not possible and "1 document" in reason
    assert one.n_terms > 0  # filters are relaxed, the paragraph keeps its terms
    assert redundant_pairs(one).empty
    empty = fit_tfidf(["Dan yang itu.", "Ini dan itu, 2024!"])
    assert empty.n_terms == 0
    assert not topics_possible(empty)[0]
    assert top_terms_by_document(empty).empty
    assert similarity_matrix(empty).shape == (2, 2)


def test_document_ids_are_kept_and_checked():
    matrix = fit_tfidf(TOY[:4], document_ids=["a", "b", "c", "d"])
    assert matrix.document_ids == ("a", "b", "c", "d")
    with pytest.raises(ValueError, match="document_ids"):
        fit_tfidf(TOY[:4], document_ids=[1, 2])


def test_bad_options_raise_option_error(toy):
    with pytest.raises(OptionError):
        fit_nmf(toy, 0)
    with pytest.raises(OptionError):
        redundant_pairs(toy, n_pairs=0)
    with pytest.raises(OptionError):
        document_linkage(toy, method="ward")


def test_no_warnings_on_the_toy_pipeline(toy):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scan_topic_numbers(toy, settings=SMALL)
        fit_lda(toy, 2)
        document_linkage(toy)


def test_default_settings_meet_the_issue():
    assert TOPIC_SETTINGS.n_seeds >= 10


def test_dominant_runs_compress_consecutive_paragraphs():
    dominant = pd.DataFrame(
        {
            "document_id": [1, 2, 3, 4, 5],
            "dominant_topic": pd.array([1, 1, 2, None, 1], dtype="Int64"),
            "label": ["a", "a", "b", "", "a"],
            "topic_weight": [0.9, 0.8, 0.7, 0.0, 0.6],
        }
    )
    runs = dominant_runs(dominant)
    assert runs[["first_document", "last_document", "n_documents"]].values.tolist() == [
        [1, 2, 2],
        [3, 3, 1],
        [4, 4, 1],
        [5, 5, 1],
    ]
    assert runs["dominant_topic"].isna().tolist() == [False, False, True, False]


def test_seed_article_topic_terms_are_clean_words(seed_path):
    import helpers

    article = helpers.load_article(seed_path)
    matrix = fit_tfidf(list(article.paragraphs))
    terms = topic_terms(fit_nmf(matrix, 3).components_, matrix, n_terms=15)
    stops = stopword_set()
    # words of letters; a listed multi-word expression (helpers.multiwords) has spaces
    assert terms["term"].str.fullmatch(r"[^\W\d_]+(?:[- ][^\W\d_]+)*").all()
    assert not terms["term"].isin(stops).any() and not terms["stem"].isin(stops).any()
    assert "salah" not in set(terms["term"])  # "salah satu" is a stop phrase


def _summary(stabilities: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "n_topics": list(stabilities),
            "relative_error": 0.5,
            "stability": list(stabilities.values()),
            "recurrence": 1.0,
        }
    )


def test_choose_n_topics_takes_the_largest_reproducible_k_not_the_trivially_stable_two():
    # k = 2 is the most stable, but k = 4 is still reproducible (>= 0.9): take 4.
    summary = _summary({2: 1.0, 3: 0.94, 4: 0.91, 5: 0.6, 6: 0.85})
    assert choose_n_topics(summary) == 4
    choice = n_topics_choice(summary)
    assert choice.reproducible == (2, 3, 4) and choice.borderline == (6,)
    assert not choice.identifiable and not choice.fallback


def test_choose_n_topics_one_reproducible_k_is_identifiable():
    choice = n_topics_choice(_summary({2: 0.7, 3: 0.95, 4: 0.6}))
    assert choice.n_topics == 3 and choice.identifiable and choice.borderline == ()


def test_choose_n_topics_falls_back_to_the_most_stable_when_none_is_reproducible():
    choice = n_topics_choice(_summary({2: 0.8, 3: 0.8, 4: 0.5}))
    assert (
        choice.n_topics,
        choice.fallback,
        choice.identifiable,
        choice.reproducible,
    ) == (2, True, False, ())
    assert choice.borderline == ()  # 0.8 is more than stability_noise below 0.9
    with pytest.raises(ValueError):
        choose_n_topics(_summary({}))


def test_settings_document_thresholds():
    assert (
        TOPIC_SETTINGS.min_stability == 0.9
        and TOPIC_SETTINGS.redundancy_threshold == 0.5
    )
    assert 0 < TOPIC_SETTINGS.stability_noise < 0.2


def test_redundancy_uses_an_absolute_threshold(toy):
    # redundant is exactly "cosine >= threshold", not "high relative to the median".
    pairs = similar_pairs(toy, n_pairs=28)
    assert (pairs["redundant"] == (pairs["similarity"] >= 0.5)).all()
    assert pairs["similarity"].is_monotonic_decreasing
    # Two paragraphs with no content word in common: the most similar pair is listed
    # (cosine 0), but nothing is called redundant.
    apart = fit_tfidf([FOOTBALL[0], FARMING[0], FOOTBALL[1]])
    listed = similar_pairs(apart, n_pairs=3)
    assert listed.loc[
        (listed["document_a"] == 1) & (listed["document_b"] == 2), "similarity"
    ].item() == pytest.approx(0.0)
    assert not listed.loc[listed["similarity"] < 0.5, "redundant"].any()
    assert (1, 2) not in set(
        zip(redundant_pairs(apart)["document_a"], redundant_pairs(apart)["document_b"])
    )
    assert redundant_pairs(fit_tfidf([FOOTBALL[0], FARMING[0]])).empty
    assert list(redundant_pairs(fit_tfidf([FOOTBALL[0], FARMING[0]])).columns) == [
        "document_a",
        "document_b",
        "similarity",
        "shared_terms",
    ]
    # A copied paragraph is redundant at any threshold below 1.
    docs = TOY[:5] + [TOY[2]] + TOY[5:]
    copied = redundant_pairs(fit_tfidf(docs), threshold=0.99)
    assert (3, 6) in set(zip(copied["document_a"], copied["document_b"]))
    assert (copied["similarity"] >= 0.99).all()
    with pytest.raises(OptionError):
        similar_pairs(toy, threshold=1.5)


def test_choose_n_topics_skips_k_whose_topics_lead_single_paragraphs():
    # k = 4 and 5 are stable, but at k = 5 one topic leads a single document: it
    # describes a paragraph, not a theme, so k = 4 is chosen.
    summary = _summary({2: 1.0, 3: 0.95, 4: 0.92, 5: 0.93}).assign(
        min_dominant_documents=[8, 5, 2, 1]
    )
    choice = n_topics_choice(summary)
    assert choice.n_topics == 4 and choice.reproducible == (2, 3, 4)


def test_a_borderline_k_must_be_made_of_themes_too():
    """Threshold 0.90, noise 0.05: k with stability in [0.85, 0.90) is borderline, but
    only when each of its topics leads at least two documents (a theme). k = 3 (0.88)
    has a topic leading one paragraph, so it is not borderline; k = 4 (0.87) is."""
    summary = _summary({2: 0.97, 3: 0.88, 4: 0.87, 5: 0.80}).assign(
        min_dominant_documents=[6, 1, 2, 2]
    )
    choice = n_topics_choice(summary)
    assert choice.reproducible == (2,) and choice.borderline == (4,)
    assert choice.n_topics == 2 and not choice.identifiable
    only_paragraphs = summary.assign(min_dominant_documents=[6, 1, 1, 1])
    assert (
        n_topics_choice(only_paragraphs).borderline == ()
        and n_topics_choice(only_paragraphs).identifiable
    )


def test_fewest_dominant_documents_counted_by_hand():
    from helpers.topics.selection import _fewest_dominant_documents

    weights = np.array(
        [[0.9, 0.1, 0.0], [0.8, 0.2, 0.0], [0.1, 0.7, 0.2], [0.0, 0.0, 0.0]]
    )
    assert _fewest_dominant_documents(weights, 3) == 0  # topic 3 leads no document
    assert _fewest_dominant_documents(weights[:, :2], 2) == 1


# --- describe ---------------------------------------------------------------------

_DESCRIBE_SETTINGS = TopicSettings(
    n_seeds=4, min_stability=0.9, stability_noise=0.05, min_topic_documents=2
)


def _scan_summary(stability, errors=(0.8, 0.7, 0.6), recurrence=None):
    ks = list(range(2, 2 + len(stability)))
    return pd.DataFrame(
        {
            "n_topics": ks,
            "stability": stability,
            "recurrence": recurrence or stability,
            "relative_error": list(errors)[: len(ks)],
            "min_dominant_documents": [3] * len(ks),
        }
    )


def test_list_ks_joins_with_and():
    assert list_ks([]) == ""
    assert list_ks([2]) == "k = 2"
    assert list_ks([2, 3, 4]) == "k = 2, 3 and 4"


def test_describe_n_topics_fallback_when_no_k_is_reproducible():
    summary = _scan_summary([0.5, 0.7, 0.6])
    choice = n_topics_choice(summary, settings=_DESCRIBE_SETTINGS)
    assert choice.fallback
    text = describe_n_topics(summary, choice, settings=_DESCRIBE_SETTINGS)
    assert text.startswith(
        "Tried k = 2 to 4 with 4 random restarts each. No k reaches stability 0.90 "
    )
    assert "the most stable k = 3 (stability 0.70)" in text
    assert text.endswith(
        "falls from 0.80 at k = 2 to 0.60 at k = 4; "
        "it declines steadily without a clear elbow, so error alone would not pick k."
    )


def test_describe_n_topics_identifiable_single_k():
    summary = _scan_summary([0.95, 0.6, 0.5])
    choice = n_topics_choice(summary, settings=_DESCRIBE_SETTINGS)
    assert choice.identifiable
    text = describe_n_topics(summary, choice, settings=_DESCRIBE_SETTINGS)
    assert (
        "Only k = 2 reaches stability 0.90 with every topic leading at least 2 paragraphs (it has 0.95), "
        "so the text supports one number of topics." in text
    )


def test_describe_n_topics_several_k_and_borderline():
    summary = _scan_summary([1.0, 0.87, 0.92], recurrence=[1.0, 0.9, 0.75])
    choice = n_topics_choice(summary, settings=_DESCRIBE_SETTINGS)
    assert (choice.n_topics, choice.reproducible, choice.borderline) == (
        4,
        (2, 4),
        (3,),
    )
    text = describe_n_topics(summary, choice, settings=_DESCRIBE_SETTINGS)
    assert "k = 4 is the largest k with stability of at least 0.90" in text
    assert (
        "(it has 0.92; 75% of its topics recovered per restart). k = 2 also passes; "
        "k = 3 falls within 0.05 below the threshold, so k is not identifiable" in text
    )


def test_describe_n_topics_plural_others():
    summary = _scan_summary([0.95, 0.95, 0.95])
    choice = NTopicsChoice(4, (2, 3, 4), (), identifiable=False, fallback=False)
    text = describe_n_topics(summary, choice, settings=_DESCRIBE_SETTINGS)
    assert "k = 2 and 3 also pass, so k is not identifiable" in text


def test_describe_error_elbow_branches():
    two = pd.DataFrame({"n_topics": [2, 3], "relative_error": [0.8, 0.7]})
    assert (
        describe_error_elbow(two)
        == "with only two values tried there is no elbow to read."
    )
    # drops 0.05, 0.30, 0.05: the big one is going to k = 4
    elbow = pd.DataFrame(
        {"n_topics": [2, 3, 4, 5], "relative_error": [0.9, 0.85, 0.55, 0.5]}
    )
    assert describe_error_elbow(elbow, chosen=3) == (
        "its largest drop comes when going to k = 4, so error alone would suggest k = 4."
    )
    assert describe_error_elbow(elbow, chosen=4).endswith(
        "k = 4, the same k as the stability rule."
    )
    steady = pd.DataFrame({"n_topics": [2, 3, 4], "relative_error": [0.9, 0.8, 0.7]})
    assert describe_error_elbow(steady).startswith("it declines steadily")


def test_describe_n_topics_does_not_mutate_scan_summary():
    summary = _scan_summary([0.95, 0.6, 0.5])
    before = summary.copy()
    describe_n_topics(
        summary,
        n_topics_choice(summary, settings=_DESCRIBE_SETTINGS),
        settings=_DESCRIBE_SETTINGS,
    )
    pd.testing.assert_frame_equal(summary, before)


def _runs(rows):
    return pd.DataFrame(
        rows,
        columns=["first_document", "last_document", "n_documents", "dominant_topic"],
    ).astype({"dominant_topic": "Int64"})


def test_describe_topic_flow_runs_and_missing_topic():
    runs = _runs([(1, 3, 3, 2), (4, 4, 1, None), (5, 6, 2, 1)])
    assert (
        describe_topic_flow(runs)
        == "paragraphs 1-3: topic 2; paragraph 4: topic -; paragraphs 5-6: topic 1"
    )


def test_describe_topic_flow_truncates_long_flows():
    runs = _runs([(i, i, 1, 1 + i % 2) for i in range(1, 6)])
    assert (
        describe_topic_flow(runs, max_runs=2)
        == "paragraph 1: topic 2; paragraph 2: topic 1; and 3 more runs"
    )


def _closest(rows):
    return pd.DataFrame(
        rows, columns=["document_a", "document_b", "similarity", "shared_terms"]
    )


def test_describe_redundancy_none_with_one_or_many_pairs():
    text = describe_redundancy(
        _closest([(1, 2, 0.1234, "")]), n_redundant=0, n_documents=2, threshold=0.5
    )
    assert text == (
        "**No redundant pairs:** the only pair of paragraphs does not reach cosine 0.5. The most similar pair, "
        "paragraphs 1 and 2 (cosine 0.12), shares *no terms*: related subject matter, not repetition."
    )
    text = describe_redundancy(
        _closest([(2, 4, 0.3, "pakta, rusia")]),
        n_redundant=0,
        n_documents=4,
        threshold=0.5,
    )
    assert "none of the 6 pairs of paragraphs reaches cosine 0.5" in text
    assert text.values["shared"] == "pakta, rusia"


def test_describe_redundancy_counts_redundant_pairs():
    closest = _closest([(3, 7, 0.71, "pakta"), (1, 2, 0.6, "rusia")])
    text = describe_redundancy(closest, n_redundant=1, n_documents=3, threshold=0.5)
    assert text.startswith(
        "**1** of 3 pairs of paragraphs reaches cosine 0.5. The most similar is paragraphs **3** and **7** "
        "(cosine 0.71), sharing *pakta*."
    )
    text = describe_redundancy(closest, n_redundant=2, n_documents=3, threshold=0.5)
    assert "**2** of 3 pairs of paragraphs reach cosine" in text
    with pytest.raises(ValueError, match="at least one pair"):
        describe_redundancy(_closest([]), n_redundant=0, n_documents=1, threshold=0.5)


def test_dominant_runs_worked_by_hand_with_a_paragraph_without_topic():
    dominant = pd.DataFrame(
        {
            "document_id": [1, 2, 3, 4, 5, 6],
            "dominant_topic": pd.array([0, 0, None, 1, 1, 0], dtype="Int64"),
            "label": ["pakta", "pakta", None, "nuklir", "nuklir", "pakta"],
        }
    )
    runs = dominant_runs(dominant)
    assert runs.columns.tolist() == [
        "first_document",
        "last_document",
        "n_documents",
        "dominant_topic",
        "label",
    ]
    assert runs["first_document"].tolist() == [1, 3, 4, 6] and runs[
        "last_document"
    ].tolist() == [2, 3, 5, 6]
    assert runs["n_documents"].tolist() == [2, 1, 2, 1]
    assert str(runs["dominant_topic"].dtype) == "Int64"
    assert runs["dominant_topic"].isna().tolist() == [False, True, False, False]
    assert runs["dominant_topic"].dropna().tolist() == [0, 1, 0]
    assert (
        runs["label"].tolist()[::2] == ["pakta", "nuklir"]
        and runs["label"].iloc[3] == "pakta"
    )


def test_topic_stability_per_topic_counted_by_hand():
    # k = 2, three seeds; recur_threshold 0.5 counts a Jaccard of exactly 0.5 as recurring.
    scan = pd.DataFrame(
        {
            "n_topics": [2] * 6 + [3],
            "seed": [1, 2, 3, 1, 2, 3, 1],
            "topic_id": [0, 0, 0, 1, 1, 1, 0],
            "jaccard": [1.0, 0.5, 0.2, 0.4, 0.6, 0.8, 0.0],
        }
    )
    table = topic_stability(scan, 2, settings=TopicSettings(recur_threshold=0.5))
    assert table.columns.tolist() == [
        "topic_id",
        "mean_jaccard",
        "recurrence",
        "n_seeds",
    ]
    assert table["topic_id"].tolist() == [0, 1] and table["n_seeds"].tolist() == [3, 3]
    assert table["mean_jaccard"].tolist() == pytest.approx([1.7 / 3, 1.8 / 3])
    assert table["recurrence"].tolist() == pytest.approx([2 / 3, 2 / 3])


def test_topics_possible_gives_each_reason_in_full():
    assert topics_possible(fit_tfidf(["Pakta Rusia dan Korea."] * 3)) == (
        False,
        "Only 3 documents: topic modelling needs at least 4, so no topics are fitted.",
    )
    assert topics_possible(fit_tfidf(["Pakta."])) == (
        False,
        "Only 1 document: topic modelling needs at least 4, so no topics are fitted.",
    )
    # Five documents but two terms: k must be below the number of terms, so no k from 2 is left.
    two_terms = fit_tfidf(["pakta rusia", "pakta", "rusia", "pakta rusia", "pakta"])
    assert (two_terms.n_documents, two_terms.n_terms) == (5, 2)
    assert topics_possible(two_terms) == (
        False,
        "Only 2 term(s) survive the vocabulary filters: too few to "
        "separate two topics, so no topics are fitted.",
    )
    four_terms = fit_tfidf(
        ["pakta rusia", "pakta korea", "rusia korea", "pakta nuklir", "korea nuklir"]
    )
    assert topics_possible(four_terms) == (True, "")
    assert (
        topics_possible(four_terms, settings=TopicSettings(min_documents=6))[0] is False
    )


def test_summarise_scan_columns_and_the_recurrence_threshold():
    scan = pd.DataFrame(
        {
            "n_topics": [2, 2, 3, 3],
            "seed": [1, 2, 1, 2],
            "topic_id": [0, 0, 0, 0],
            "jaccard": [0.5, 1.0, 0.4, 0.6],
            "relative_error": [0.7, 0.7, 0.6, 0.6],
            "min_dominant_documents": [3, 3, 1, 1],
        }
    )
    summary = summarise_scan(scan, settings=TopicSettings(recur_threshold=0.5))
    assert summary.columns.tolist() == [
        "n_topics",
        "relative_error",
        "stability",
        "recurrence",
        "min_dominant_documents",
    ]
    assert summary["stability"].tolist() == pytest.approx([0.75, 0.5])
    assert summary["recurrence"].tolist() == [1.0, 0.5]  # 0.5 itself recurs
    assert summary["relative_error"].tolist() == [0.7, 0.6] and summary[
        "min_dominant_documents"
    ].tolist() == [3, 1]


def test_choice_at_the_stability_threshold_and_the_fallback():
    exactly = _summary({2: 0.90, 3: 0.85}).assign(min_dominant_documents=[3, 3])
    assert n_topics_choice(exactly).reproducible == (2,)  # 0.90 itself is reproducible
    none = _summary({2: 0.7, 3: 0.8, 4: 0.8}).assign(min_dominant_documents=[3, 3, 3])
    choice = n_topics_choice(none)
    assert (
        choice.fallback and choice.n_topics == 3
    )  # most stable; a tie goes to the smaller k
    assert choose_n_topics(none) == 3
    with pytest.raises(ValueError, match="non-empty scan summary"):
        n_topics_choice(none.iloc[:0])


# --- options are refused in the one wording, and boundary values are accepted --------


def test_bad_topic_options_are_refused_word_for_word(toy):
    positive = "Use a positive integer."
    cases = [
        (lambda: similar_pairs(toy, n_pairs=0), f"n_pairs: 0. {positive}"),
        (lambda: redundant_pairs(toy, n_pairs=0), f"n_pairs: 0. {positive}"),
        (lambda: top_terms_by_document(toy, n_terms=0), f"n_terms: 0. {positive}"),
        (lambda: fit_nmf(toy, 0), f"n_topics: 0. {positive}"),
        (lambda: fit_lda(toy, 0), f"n_topics: 0. {positive}"),
        (
            lambda: similar_pairs(toy, threshold=1.5),
            "threshold: 1.5. Use a cosine between 0 and 1 (0.5 is the default).",
        ),
        (
            lambda: similar_pairs(toy, threshold=-0.1),
            "threshold: -0.1. Use a cosine between 0 and 1 (0.5 is the default).",
        ),
        (
            lambda: document_linkage(toy, method="ward"),
            "method: 'ward'. Use one of: 'average', 'complete', 'single', 'weighted'.",
        ),
    ]
    for call, expected in cases:
        with pytest.raises(OptionError) as info:
            call()
        assert str(info.value) == f"Invalid value for {expected}", expected


def test_similarity_options_at_their_boundaries(toy):
    everything = similar_pairs(toy, threshold=0)
    assert everything["redundant"].all()  # cosine >= 0 always
    exact = similar_pairs(toy, threshold=1)  # only pairs with the same terms
    assert exact["redundant"].tolist() == (exact["similarity"] > 1 - 1e-9).tolist()
    assert exact["redundant"].any() and not exact["redundant"].all()
    for method in ("average", "complete", "single", "weighted"):
        assert document_linkage(toy, method=method).shape == (7, 4), method


def test_similar_pairs_defaults_and_shared_terms_counted_by_hand():
    # Seven documents: 21 pairs, five listed by default. The first two share
    # seven content words, of which six are listed by default, the first in order.
    words = "padi sawah petani beras panen pupuk irigasi"
    docs = [
        f"{words} jakarta",
        f"{words} bandung",
        "gol stadion pemain",
        "gol stadion pelatih",
        "hujan banjir sungai",
        "hujan banjir warga",
        "kereta stasiun jadwal",
    ]
    matrix = fit_tfidf(docs)
    pairs = similar_pairs(matrix)
    assert len(pairs) == 5
    first = pairs.iloc[0]
    assert (first["document_a"], first["document_b"]) == (1, 2)
    assert len(first["shared_terms"].split(", ")) == 6
    assert (
        len(similar_pairs(matrix, n_shared=7).iloc[0]["shared_terms"].split(", ")) == 7
    )
    assert len(redundant_pairs(matrix, n_pairs=1)) == 1
    # redundant_pairs passes n_shared on, and keeps at most n_pairs rows.
    kept = redundant_pairs(matrix, n_shared=2, threshold=0.1)
    assert kept["shared_terms"].str.split(", ").map(len).max() == 2
    assert len(kept) <= 5 and len(redundant_pairs(matrix, threshold=0.0)) == 5


def test_similar_pairs_lists_only_terms_both_documents_use():
    matrix = fit_tfidf(["padi sawah jagung", "padi sawah kedelai", "gol stadion"])
    pair = similar_pairs(matrix, n_pairs=1).iloc[0]
    assert set(pair["shared_terms"].split(", ")) == {"padi", "sawah"}


def test_term_weights_table_counted_by_hand():
    matrix = fit_tfidf(["padi padi sawah", "sawah jagung"], config=DISTINCTIVE_CONFIG)
    top = top_terms_by_document(matrix, n_terms=2)
    from helpers.topics import term_weights_table

    table = term_weights_table(matrix, top, max_rank=1)
    assert table.columns.tolist() == list(matrix.document_ids)
    first_terms = top[top["rank"] == 1]["term"].tolist()
    assert table.index.tolist() == list(dict.fromkeys(first_terms))
    assert term_weights_table(matrix, top, max_rank=1, max_terms=1).shape == (1, 2)
    empty = term_weights_table(matrix, top.iloc[0:0])
    assert empty.shape == (0, 2)
    dense = matrix.tfidf.toarray()
    j = list(matrix.terms).index(top.iloc[0]["stem"])
    assert table.iloc[0].tolist() == pytest.approx(dense[:, j].tolist())


# --- topic tables from hand-made weights (the model is not needed to check the maths) ---


def _fake_matrix(terms, n_documents=2):
    from types import SimpleNamespace

    return SimpleNamespace(
        terms=tuple(terms),
        labels=tuple(t.upper() for t in terms),
        document_ids=tuple(range(1, n_documents + 1)),
        n_documents=n_documents,
    )


def test_topic_terms_shares_worked_by_hand():
    from helpers.topics import topic_labels

    matrix = _fake_matrix(["padi", "sawah", "gol", "bola", "hujan"])
    components = np.array([[2.0, 1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0]])
    table = topic_terms(components, matrix)
    # Topic 1: weights 2, 1, 1 of a total 4; ties keep vocabulary order; the zero
    # weights and the all-zero topic 2 give no rows.
    assert table["topic_id"].tolist() == [1, 1, 1]
    assert table["rank"].tolist() == [1, 2, 3]
    assert table["term"].tolist() == ["PADI", "SAWAH", "GOL"]
    assert table["stem"].tolist() == ["padi", "sawah", "gol"]
    assert table["weight"].tolist() == [0.5, 0.25, 0.25]
    # The all-zero topic 2 also starts PADI / SAWAH / GOL (a stable sort of zeros),
    # so both labels widen to the whole vocabulary and still tie.
    assert table["label"].tolist() == ["PADI / SAWAH / GOL / BOLA / HUJAN"] * 3
    assert topic_terms(components, matrix, n_terms=2)["term"].tolist() == [
        "PADI",
        "SAWAH",
    ]
    assert (
        len(topic_terms(np.array([[1.0] * 5 + [0.0] * 6]), _fake_matrix("abcdefghijk")))
        == 5
    )
    eleven = np.arange(11, 0, -1, dtype=float)[None, :]
    assert len(topic_terms(eleven, _fake_matrix("abcdefghijk"))) == 10  # default
    # Labels: three words, widened until two topics differ.
    same_start = np.array([[3.0, 2.0, 1.0, 0.5, 0.0], [3.0, 2.0, 1.0, 0.0, 0.5]])
    assert topic_labels(same_start, matrix.labels) == [
        "PADI / SAWAH / GOL / BOLA",
        "PADI / SAWAH / GOL / HUJAN",
    ]
    assert topic_labels(same_start[:1], matrix.labels) == ["PADI / SAWAH / GOL"]
    assert topic_labels(same_start, matrix.labels, n_words=1) == [
        "PADI / SAWAH / GOL / BOLA",
        "PADI / SAWAH / GOL / HUJAN",
    ]
    identical = np.array([[1.0, 0, 0, 0, 0], [1.0, 0, 0, 0, 0]])
    assert (
        topic_labels(identical, matrix.labels)
        == ["PADI / SAWAH / GOL / BOLA / HUJAN"] * 2
    )  # never more words than the vocabulary


def test_document_topics_and_dominant_topics_worked_by_hand():
    matrix = _fake_matrix(["padi"], n_documents=3)
    weights = np.array([[1.0, 3.0], [0.0, 0.0], [2.0, 2.0]])
    mix = document_topics(weights, matrix, ["A", "B"])
    assert mix["document_id"].tolist() == [1, 1, 2, 2, 3, 3]
    assert mix["topic_id"].tolist() == [1, 2, 1, 2, 1, 2]
    assert mix["weight"].tolist() == [0.25, 0.75, 0.0, 0.0, 0.5, 0.5]
    top = dominant_topics(mix.iloc[::-1].reset_index(drop=True))  # any row order
    assert top["document_id"].tolist() == [1, 2, 3]
    # Document 2 has no terms: no topic. Document 3 ties: the lower topic id wins.
    assert top["dominant_topic"].tolist() == [2, pd.NA, 1]
    assert top["label"].tolist() == ["B", "", "A"]
    assert top["topic_weight"].tolist() == [0.75, 0.0, 0.5]
    assert top.index.tolist() == [0, 1, 2]
    runs = dominant_runs(top)
    assert runs["n_documents"].tolist() == [1, 1, 1]


def test_candidate_numbers_of_topics_follow_each_bound():
    from types import SimpleNamespace

    from helpers.topics import candidate_n_topics

    def ks(n_documents, n_terms, max_topics=8):
        matrix = SimpleNamespace(n_documents=n_documents, n_terms=n_terms)
        return candidate_n_topics(matrix, settings=TopicSettings(max_topics=max_topics))

    assert ks(20, 30) == [2, 3, 4, 5, 6, 7, 8]  # max_topics
    assert ks(20, 30, max_topics=3) == [2, 3]
    assert ks(5, 30) == [2, 3, 4]  # documents - 1
    assert ks(20, 4) == [2, 3]  # terms - 1
    assert ks(2, 30) == []
    possible = topics_possible(
        SimpleNamespace(n_documents=4, n_terms=30), settings=TopicSettings(max_topics=1)
    )
    assert possible[0] is False and "30 term(s)" in possible[1]
    four = SimpleNamespace(n_documents=4, n_terms=30)
    assert topics_possible(four, settings=TopicSettings(min_documents=4)) == (True, "")
    assert topics_possible(four, settings=TopicSettings(min_documents=5))[0] is False


def test_n_topics_choice_at_the_stability_threshold_worked_by_hand():
    settings = TopicSettings(
        min_stability=0.6, stability_noise=0.05, min_topic_documents=2
    )
    summary = pd.DataFrame(
        {
            "n_topics": [4, 2, 3],
            "stability": [0.58, 0.6, 0.6],
            "min_dominant_documents": [2, 2, 1],
        }
    )
    # k=2 reaches 0.6 exactly; k=3 too but leads one document only (not a theme);
    # k=4 is within the noise below the threshold: borderline.
    choice = n_topics_choice(summary, settings=settings)
    assert (choice.n_topics, choice.reproducible, choice.borderline) == (2, (2,), (4,))
    assert choice.identifiable is False and choice.fallback is False
    assert choose_n_topics(summary, settings=settings) == 2
    strict = TopicSettings(
        min_stability=0.9, stability_noise=0.05, min_topic_documents=2
    )
    fallback = n_topics_choice(summary, settings=strict)
    # Nothing passes: the most stable k, the smaller on a tie (2 and 3 at 0.6).
    assert (fallback.n_topics, fallback.fallback) == (2, True)
    assert choose_n_topics(summary, settings=strict) == 2
    with pytest.raises(ValueError) as info:
        n_topics_choice(summary.iloc[0:0])
    assert str(info.value) == (
        "choose_n_topics needs a non-empty scan summary; check topics_possible() first."
    )
