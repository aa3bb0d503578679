"""Multi-word expressions counted as one term (helpers.multiwords, vectorize)."""

import pandas as pd
import pytest

import helpers
from helpers.errors import HelpersError
from helpers.multiwords import (
    entity_expressions,
    find_multiwords,
    may_contain_multiword,
    merge_multiwords,
    multiword_expressions,
)
from helpers.stemming import Stemmer
from helpers.vectorize import display_term, indonesian_analyzer, term_surface_forms
from plain_analyzer import plain_terms


def _tokens(*paragraphs):
    table = pd.DataFrame(
        {"paragraph_id": range(1, len(paragraphs) + 1), "text": list(paragraphs)}
    )
    return helpers.tokens_table(helpers.sentences_table(table))


def test_list_has_compounds_and_reference_names_with_reasons():
    table = multiword_expressions()
    terms = set(table["term"])
    assert {"kerja sama", "juru bicara", "menteri luar negeri", "luar negeri"} <= terms
    # country, region and city names of several words from CLDR, provinces from the
    # alias table
    assert {"korea utara", "amerika serikat", "arab saudi", "jawa barat"} <= terms
    assert {"CLDR territory", "entity_aliases.csv", "multiwords.csv"} <= set(
        table["source"]
    )
    # no person or seat of government from the old actor table is a default
    assert not {"kim jong un", "vladimir putin", "gedung putih"} & terms
    assert table["reason"].str.len().gt(0).all()
    assert table["term"].is_unique and table["tokens"].map(len).ge(2).all()


def test_analyzer_keeps_kerja_sama_and_korea_utara():
    terms = indonesian_analyzer()("Kerja sama Korea Utara dan Rusia")
    assert terms == ["kerja sama", "korea utara", "rusia"]


def test_longest_expression_wins():
    assert find_multiwords("menteri luar negeri rusia".split()) == [
        (0, 3, "menteri luar negeri")
    ]
    terms = indonesian_analyzer()(
        "Menteri luar negeri Rusia membahas urusan luar negeri."
    )
    assert terms[0] == "menteri luar negeri" and terms[-1] == "luar negeri"
    assert "luar negeri" not in terms[:-1]


@pytest.mark.parametrize(
    "text", ["Tentara Korea. Utara menolak.", "Tentara Korea, utara menolak."]
)
def test_punctuation_or_sentence_boundary_stops_a_match(text):
    assert indonesian_analyzer()(text) == ["tentara", "korea", "utara", "tolak"]
    merged = merge_multiwords(_tokens(text))
    assert "korea utara" not in set(merged["lower"])


def test_hyphenated_spelling_is_the_same_term():
    assert indonesian_analyzer()("Guinea-Bissau dan Guinea Bissau") == [
        "guinea bissau",
        "guinea bissau",
    ]


def test_text_without_expressions_is_unchanged():
    text = "Pakta pertahanan ini memperkuat hubungan militer, salah satu langkah penting (19/6)."
    assert not may_contain_multiword(text)
    stemmer = Stemmer()
    analyzer = indonesian_analyzer(stemmer=stemmer)
    assert analyzer(text) == [
        "pakta",
        "pertahanan",
        "kuat",
        "hubung",
        "militer",
        "langkah",
    ]
    assert analyzer(text) == plain_terms(text, stemmer)
    tokens = _tokens(text)
    pd.testing.assert_frame_equal(merge_multiwords(tokens), tokens)


def test_regex_precondition_never_misses_a_token_level_match():
    # separators that tokenize() drops between two tokens: spaces, a hyphen, a zero-width space
    for text in [
        "korea   utara",
        "Korea-Utara",
        "KOREA\u200b UTARA",
        "Korea\u00a0Utara",
    ]:
        assert may_contain_multiword(text), text
        assert "korea utara" in indonesian_analyzer()(text), text
    assert not may_contain_multiword(
        "Koreanya utara"
    )  # letters glued to the word: no match


def test_fast_path_equals_reference_with_expressions():
    documents = [
        "Kerja sama Korea Utara dan Rusia.",
        "Salah satu juru bicara Gedung Putih, kata dia.",
        "Korea. Utara",
        "hak asasi manusia; Perserikatan Bangsa-Bangsa",
        "salah kerja sama",
    ]
    stemmer = Stemmer()
    analyzer = indonesian_analyzer(stemmer=stemmer)
    for _ in range(2):  # the second pass is served from the term memo
        for document in documents:
            assert analyzer(document) == plain_terms(document, stemmer), document


def test_merge_multiwords_rows():
    tokens = _tokens("Kerja sama Korea Utara dan Rusia. Juru bicara diam.")
    before = tokens.copy()
    merged = merge_multiwords(tokens)
    pd.testing.assert_frame_equal(tokens, before)  # input not mutated
    assert list(merged.columns) == list(tokens.columns)
    assert merged["token"].tolist() == [
        "Kerja sama",
        "Korea Utara",
        "dan",
        "Rusia",
        ".",
        "Juru bicara",
        "diam",
        ".",
    ]
    row = merged.iloc[1]
    assert (row["lower"], row["stem"], row["token_id"]) == (
        "korea utara",
        "korea utara",
        3,
    )
    assert not row["is_stopword"] and row["is_alpha"] and row["is_word"]
    assert (
        merged.loc[5, "sentence_id"]
        == tokens.loc[tokens["token"] == "Juru", "sentence_id"].iloc[0]
    )


def test_merge_multiwords_needs_token_columns():
    with pytest.raises(HelpersError, match="tokens_table"):
        merge_multiwords(pd.DataFrame({"token": ["a"]}))


def test_display_of_multiword_terms_and_ngrams():
    forms = term_surface_forms(["Kerja sama Korea Utara memperkuat"])
    assert forms["kerja sama"] == "kerja sama"
    assert display_term("kerja sama korea utara", forms) == "kerja sama korea utara"
    assert display_term("korea utara kuat", forms) == "korea utara memperkuat"


def _article_terms(*paragraphs):
    from helpers import entities

    table = pd.DataFrame(
        {"paragraph_id": range(1, len(paragraphs) + 1), "text": list(paragraphs)}
    )
    tokens = helpers.tokens_table(helpers.sentences_table(table))
    mentions = entities.entity_mentions(table)
    return mentions, merge_multiwords(tokens, expressions=entity_expressions(mentions))


def test_a_name_is_one_term_whatever_form_the_text_uses():
    from helpers import stats

    mentions, merged = _article_terms(
        "Pemimpin Myanmar Aung San Suu Kyi berpidato di depan PBB.",
        "Menurut Suu Kyi, pengungsi Rohingya akan dipulangkan.",
    )
    vocabulary = stats.vocabulary_table(merged).set_index("stem")
    assert vocabulary.loc["aung san suu kyi", "n"] == 2
    assert not {"suu", "kyi", "aung", "san", "suu kyi"} & set(vocabulary.index)
    assert not {"suu", "kyi"} & set(merged["lower"])
    # the count equals the entity's mentions (one entity, one count)
    assert (mentions["entity"] == "Aung San Suu Kyi").sum() == 2


def test_hyphenated_and_surname_forms_join_the_full_name():
    from helpers import stats

    _, merged = _article_terms(
        "Juru bicara Gedung Putih, Karine Jean-Pierre, menyatakan kekhawatiran.",
        "Menurut Jean-Pierre, hubungan itu patut diperhatikan.",
    )
    vocabulary = stats.vocabulary_table(merged).set_index("stem")
    assert vocabulary.loc["karine jean-pierre", "n"] == 2
    assert not {"jean", "pierre", "karine", "jean-pierre"} & set(vocabulary.index)


def test_article_expressions_match_the_name_as_written_only():
    _, merged = _article_terms("Bunga Citra Lestari menyanyi. Ia membawa bunga mawar.")
    assert "bunga citra lestari" in set(merged["lower"])
    assert "bunga" in set(merged["lower"])  # the flower stays a word
    expressions = entity_expressions(
        pd.DataFrame(
            {"entity": ["Bunga Citra Lestari"], "mention": ["Bunga Citra Lestari"]}
        )
    )
    assert expressions.loc[0, "tokens"] == ("Bunga", "Citra", "Lestari")
    with pytest.raises(HelpersError, match="surface"):
        find_multiwords(["bunga"], expressions=expressions)


def test_merged_terms_and_the_count_difference_are_explained():
    from helpers.multiwords import describe_term_count, merged_terms

    _, merged = _article_terms("Kerja sama Korea Selatan dan Jepang.")
    assert merged_terms(merged)["term"].tolist() == ["kerja sama", "korea selatan"]
    assert str(describe_term_count(10, 10, 0)) == ""
    text = str(describe_term_count(8, 10, 2))
    assert (
        "8 distinct terms here against 10 distinct words" in text and "2 names" in text
    )


def test_the_analyzer_counts_an_articles_name_as_one_term_in_tfidf_and_topics():
    from helpers import entities, topics

    paragraphs = pd.DataFrame(
        {
            "paragraph_id": [1, 2, 3],
            "text": [
                "Pemimpin Myanmar Aung San Suu Kyi berpidato tentang pengungsi.",
                "Menurut Suu Kyi, pengungsi Rohingya akan dipulangkan.",
                "Pengungsi menunggu di kamp.",
            ],
        }
    )
    expressions = entity_expressions(entities.entity_mentions(paragraphs))
    analyzer = indonesian_analyzer(expressions=expressions)
    terms = analyzer(paragraphs["text"][1])
    assert terms[0] == "aung san suu kyi" and "rohingya" in terms
    assert not {"suu", "kyi", "suu kyi"} & set(terms)
    assert "suu" in indonesian_analyzer()(paragraphs["text"][1])  # without: two words
    matrix = topics.fit_tfidf(
        paragraphs["text"].tolist(), expressions=expressions, config=None
    )
    assert "aung san suu kyi" in matrix.terms
    assert not {"suu", "kyi"} & set(matrix.terms)
