"""helpers.sentiment: negation, contrast, lexicon, vectoriser, scoring, evidence.

The split modules have their own files: test_sentiment_{ablation,cache,card,describe,
reading,tone_by_actor,training}.py.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from scipy.special import softmax

from conftest import NEGATIVE, POSITIVE
from helpers import newsset, sentiment
from helpers.errors import OptionError

# --- text rules (no model) ----------------------------------------------------------


def test_negation_marks_the_words_it_governs_until_punctuation():
    assert (
        sentiment.mark_negation("Makanannya tidak enak, tapi murah.")
        == "makanannya tidak neg_enak , tapi murah ."
    )
    assert sentiment.mark_negation("Tanpa rasa takut") == "tanpa neg_rasa neg_takut"
    # Scope is three words.
    assert sentiment.mark_negation("bukan a b c d") == "bukan neg_a neg_b neg_c d"


def test_not_only_is_additive_not_negation():
    assert (
        sentiment.mark_negation("Tidak hanya politik, tetapi juga ekonomi.")
        == "tidak hanya politik , tetapi juga ekonomi ."
    )
    assert (
        sentiment.prepare_text("Tidak hanya itu, kerja sama meningkat.")
        == "Selain itu, kerja sama meningkat."
    )
    assert sentiment.prepare_text("Bukan hanya isu bilateral") == "Selain isu bilateral"
    # The whole construction is paraphrased: no negator, no "only" particle, no contrast word left.
    assert (
        sentiment.prepare_text("Ia tidak hanya pemain saja, tetapi juga pelatih.")
        == "Ia selain pemain, juga pelatih."
    )
    assert sentiment.prepare_text("tidak hanya A melainkan juga B") == "selain A juga B"
    # A real contrast after "tidak hanya itu" (no "juga") keeps its marker.
    assert (
        sentiment.prepare_text("Tidak hanya itu, harganya murah, tapi rasanya enak.")
        == "Selain itu, harganya murah, tapi rasanya enak."
    )


SEED_SENTENCE_19 = (
    "Tidak hanya hubungan politik dan pertahanan saja yang ditingkatkan dalam kunjungan ini, "
    "namun juga kerja sama ekonomi antara kedua negara."
)


def test_seed_sentence_19_is_read_as_not_only_but_also(seed_path):
    import helpers

    sentences = helpers.sentences_table(
        helpers.paragraphs_table(helpers.load_article(seed_path))
    )
    assert (
        sentences.loc[sentences["sentence_id"] == 19, "text"].item() == SEED_SENTENCE_19
    )
    prepared = sentiment.prepare_text(SEED_SENTENCE_19)
    assert prepared == (
        "Selain hubungan politik dan pertahanan yang ditingkatkan dalam kunjungan ini, "
        "juga kerja sama ekonomi antara kedua negara."
    )
    marked = sentiment.mark_negation(prepared).split()
    assert not {"tidak", "saja", "namun"} & set(marked) and not any(
        t.startswith("neg_") for t in marked
    )
    assert sentiment.split_clauses(SEED_SENTENCE_19) == [
        (SEED_SENTENCE_19, 1.0)
    ]  # not a contrast


def test_contrast_gives_the_clause_after_the_marker_more_weight():
    clauses = sentiment.split_clauses("Tempatnya bagus, tetapi makanannya mahal.")
    assert [c for c, _ in clauses] == ["Tempatnya bagus,", "tetapi makanannya mahal."]
    assert clauses[1][1] == pytest.approx(2 * clauses[0][1])
    assert sum(w for _, w in clauses) == pytest.approx(1)


def test_concession_gives_the_main_clause_more_weight_on_either_side():
    front = sentiment.split_clauses("Meskipun mahal, makanannya enak.")
    assert front == [
        ("Meskipun mahal,", pytest.approx(1 / 3)),
        ("makanannya enak.", pytest.approx(2 / 3)),
    ]
    back = sentiment.split_clauses("Makanannya enak meskipun mahal.")
    assert [c for c, _ in back] == ["Makanannya enak", "meskipun mahal."]
    assert back[0][1] > back[1][1]


def test_additive_but_also_and_sentence_initial_markers_are_not_split():
    text = "Pakta ini bukan hanya isu bilateral, namun juga menimbulkan ketegangan."
    assert sentiment.split_clauses(text) == [(text, 1.0)]
    assert sentiment.split_clauses("Namun, harga naik.") == [
        ("Namun, harga naik.", 1.0)
    ]
    assert sentiment.split_clauses("Tempatnya bagus, tetapi mahal.", weight=1) == [
        ("Tempatnya bagus, tetapi mahal.", 1.0)
    ]


def test_lexicon_hits_skip_negated_terms_and_prefer_longer_forms():
    hits = sentiment.lexicon_hits(
        "Kim memuji Rusia, tetapi AS tidak khawatir. Mereka bekerja sama."
    )
    assert hits == [
        ("memuji", "positive", "praise"),
        ("bekerja sama", "positive", "help and cooperation"),
    ]
    # Punctuation ends the negation scope; "tidak hanya" is not negation.
    assert sentiment.lexicon_hits("tidak, khawatir")[0][0] == "khawatir"
    assert sentiment.lexicon_hits("tidak hanya damai")[0][0] == "damai"


def test_lexicon_table_is_documented_and_well_formed():
    table = sentiment.news_lexicon()
    assert table.columns.tolist() == [
        "tone",
        "category",
        "pattern",
        "example",
        "source",
        "reason",
    ]
    assert set(table["tone"]) <= {"negative", "positive", "none"}
    assert table["pattern"].str.len().gt(0).all()
    assert table["reason"].str.len().gt(10).all()  # every row says why it is there
    # Every row names a section of the annotation guideline as its source, and that section exists.
    guideline = newsset.GUIDELINE.read_text(encoding="utf-8")
    for source in table["source"]:
        assert source.startswith("annotation guideline §"), source
        for section in re.findall(r"§(\d+\.\d+)", source):
            assert f"### {section} " in guideline, section
    toned = table[table["tone"] != "none"]
    assert all(sentiment.lexicon_hits(example) for example in toned["example"])


def test_no_lexicon_entry_comes_from_the_seed_article(seed_path):
    seed = seed_path.read_text(encoding="utf-8").lower()
    table = sentiment.news_lexicon()
    assert not table["source"].str.contains("seed|tampang|article", case=False).any()
    for example in table["example"]:  # no example phrase is lifted from the seed
        assert example.lower().rstrip(".") not in seed, example
    # The seed's own phrases that the old lexicon was built from are gone.
    for phrase in (
        "menyatakan kekhawatirannya",
        "cinta damai",
        "semakin erat",
        "dukungan strategis",
    ):
        assert not table["example"].str.lower().str.contains(phrase).any(), phrase


def test_lexicon_has_the_guideline_signal_words():
    for word in (
        "khawatir",
        "mengkritik",
        "memprotes",
        "mengecam",
        "menuding",
        "menyayangkan",
        "tewas",
        "gagal",
    ):
        assert [
            tone for _, tone, _ in sentiment.lexicon_hits(f"Pemerintah {word} hal itu.")
        ] == ["negative"], word
    for word in ("meraih", "memuji", "pulih", "membantu"):
        assert [
            tone for _, tone, _ in sentiment.lexicon_hits(f"Pemerintah {word} hal itu.")
        ] == ["positive"], word


def test_numbers_become_one_placeholder_token():
    assert (
        sentiment.mask_numbers("Sebanyak 4.500 tentara, 3,5 persen, pada 2024.")
        == "Sebanyak _num_ tentara, _num_ persen, pada _num_."
    )
    # Digits inside words are not numbers.
    assert sentiment.mask_numbers("covid19 dan 12km") == "covid19 dan 12km"
    assert sentiment.prepare_text("4.500 orang") == "_num_ orang"
    assert (
        sentiment.mark_negation(sentiment.prepare_text("4.500 orang")) == "_num_ orang"
    )


def test_evidence_words_hide_stop_words_and_numbers():
    assert [
        sentiment.is_evidence_word(w)
        for w in (
            "kekhawatiran",
            "dalam",
            "antara",
            "dan",
            "000",
            "500",
            "_num_",
            "neg__num_",
            "?",
            "_ent_",
            "neg__ent_",
        )
    ] == [True, False, False, False, False, False, False, False, False, False, False]


def test_low_confidence_reason_folds_in_the_number_of_sentences():
    assert (
        sentiment.low_confidence_reason(0.95, 1, float("nan"))
        == "fewer than 3 sentences"
    )
    assert sentiment.low_confidence_reason(0.95, 2, 1.0) == "fewer than 3 sentences"
    assert sentiment.low_confidence_reason(0.95, 3, 1.0) == ""
    assert sentiment.low_confidence_reason(0.95, 3, 0.5) == "sentences disagree"
    assert sentiment.low_confidence_reason(0.4, 5, 0.9) == "top probability below 0.5"


def test_char_ngram_vectorizer_equals_scikit_learn_with_the_same_analyzer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [
        "Makanannya enak!",
        "makanan enak, murah",
        "Tidak enak sama sekali",
        "enak enak enak",
    ]
    ours = sentiment.CharNgramVectorizer(ngram_range=(2, 4), min_df=2)
    matrix = ours.fit_transform(docs)
    analyzer = lambda d: [  # noqa: E731
        g
        for w in sentiment.rules.TOKEN_RE.findall(d.lower())
        for g in ours.word_ngrams(w)
    ]
    reference = TfidfVectorizer(analyzer=analyzer, min_df=2, sublinear_tf=True)
    expected = reference.fit_transform(docs)
    assert list(ours.get_feature_names_out()) == list(reference.get_feature_names_out())
    assert np.abs(matrix - expected).max() < 1e-6
    assert np.abs(ours.transform(docs) - expected).max() < 1e-6
    assert ours.transform(["", "zzz"]).nnz == 0  # empty and unknown text: all-zero rows


# --- the real model -----------------------------------------------------------------


def test_a_clearly_positive_and_a_clearly_negative_sentence(model):
    scores = sentiment.score_texts(model, [POSITIVE, NEGATIVE])
    assert scores["sentiment"].tolist() == ["positive", "negative"]
    assert (
        scores.loc[0, "sentiment_score"] > 0.5 > -0.5 > scores.loc[1, "sentiment_score"]
    )


def test_probabilities_sum_to_one_and_keep_row_order(model):
    texts = [POSITIVE, NEGATIVE, "Presiden tiba di Jakarta pada Senin.", POSITIVE]
    scores = sentiment.score_texts(model, pd.Series(texts, index=[10, 3, 7, 1]))
    probabilities = scores[sentiment.PROBABILITY_COLUMNS].to_numpy()
    assert np.allclose(probabilities.sum(axis=1), 1)
    assert scores.index.tolist() == [0, 1, 2, 3]
    one_by_one = pd.concat(
        [sentiment.score_texts(model, [t]) for t in texts], ignore_index=True
    )
    pd.testing.assert_frame_equal(scores, one_by_one, atol=1e-6)
    assert np.allclose(
        scores["sentiment_score"], scores["p_positive"] - scores["p_negative"]
    )


def test_paragraph_scores_are_word_weighted_means_of_sentences(model):
    paragraph = f"{POSITIVE} {NEGATIVE}"
    result = sentiment.score_paragraphs(
        model, [paragraph, "", "This is an English sentence."]
    )
    from helpers.text import split_sentences

    parts = split_sentences(paragraph)
    assert result["n_sentences"].tolist() == [len(parts), 1, 1] and len(parts) == 4
    assert np.allclose(result[sentiment.PROBABILITY_COLUMNS].sum(axis=1), 1)
    sentences = pd.DataFrame(
        {
            "paragraph_id": [1] * len(parts),
            "sentence_id": range(1, len(parts) + 1),
            "text": parts,
        }
    )
    scored = sentiment.score_sentences(model, sentences)
    paragraphs = sentiment.paragraph_sentiment(scored)
    assert np.allclose(
        paragraphs[sentiment.PROBABILITY_COLUMNS].to_numpy()[0],
        result[sentiment.PROBABILITY_COLUMNS].to_numpy()[0],
    )
    assert sentiment.score_paragraphs(model, []).shape[0] == 0


def test_bootstrap_interval_is_seeded_and_a_single_sentence_has_none(model):
    sentences = pd.DataFrame(
        {
            "paragraph_id": [1, 1, 2, 3, 3, 3],
            "sentence_id": [1, 2, 3, 4, 5, 6],
            "text": [
                POSITIVE,
                NEGATIVE,
                "Harga naik lagi.",
                POSITIVE,
                POSITIVE,
                POSITIVE,
            ],
        }
    )
    scored = sentiment.score_sentences(model, sentences)
    first = sentiment.paragraph_sentiment(scored)
    pd.testing.assert_frame_equal(first, sentiment.paragraph_sentiment(scored))
    mixed, single, agreeing = first.iloc[0], first.iloc[1], first.iloc[2]
    assert mixed["score_low"] < mixed["sentiment_score"] < mixed["score_high"]
    assert (
        np.isnan(single["score_low"])
        and np.isnan(single["score_high"])
        and np.isnan(single["label_agreement"])
    )
    # One or two sentences can never be declared confident from agreement alone.
    assert bool(mixed["low_confidence"]) and bool(single["low_confidence"])
    assert "fewer than 3 sentences" in single["low_confidence_reason"]
    # Three sentences that agree, each confidently positive: confident.
    assert agreeing["label_agreement"] == 1.0 and not agreeing["low_confidence"]
    assert agreeing["low_confidence_reason"] == ""


def test_evidence_adds_up_to_the_model_log_odds(model):
    text = "Makanannya tidak enak dan pelayanannya lambat sekali"  # no contrast, no lexicon hit
    sentences = pd.DataFrame({"paragraph_id": [1], "sentence_id": [1], "text": [text]})
    scored = sentiment.score_sentences(model, sentences)
    evidence = sentiment.explain_sentences(model, scored)
    classifier = model.pipeline.named_steps["classifier"]
    order = model.label_order()
    intercept = classifier.intercept_[order] - classifier.intercept_.mean()
    total = (
        evidence[["toward_negative", "toward_neutral", "toward_positive"]]
        .sum()
        .to_numpy()
        + intercept
    )
    logits = sentiment.text_logits(model, [text], lexicon_weight=0)[0]
    assert np.allclose(total, logits - logits.mean(), atol=1e-4)
    probabilities = softmax(total / model.temperature)
    assert np.allclose(
        probabilities, scored[sentiment.PROBABILITY_COLUMNS].to_numpy()[0], atol=1e-4
    )
    top = sentiment.paragraph_evidence(evidence, scored)
    assert top.columns.tolist() == [
        "paragraph_id",
        "toward_negative",
        "toward_neutral",
        "toward_positive",
    ]
    assert (
        "enak" in top.loc[0, "toward_negative"]
        or "lambat" in top.loc[0, "toward_negative"]
    )


def test_paragraph_push_splits_evidence_by_direction(model):
    sentences = pd.DataFrame(
        {
            "paragraph_id": [1, 1, 2],
            "sentence_id": [1, 2, 3],
            "text": [POSITIVE, NEGATIVE, "Harga naik lagi."],
        }
    )
    scored = sentiment.score_sentences(model, sentences)
    push = sentiment.paragraph_push(sentiment.explain_sentences(model, scored), scored)
    assert push["paragraph_id"].tolist() == [1, 2]
    assert (push["push_positive"] >= 0).all() and (push["push_negative"] <= 0).all()
    assert push.loc[0, "top_positive"] and push.loc[0, "top_negative"]


def test_news_lexicon_moves_a_concern_sentence_toward_negative(model):
    text = "Juru bicara itu menyatakan kekhawatiran atas ketegangan di kawasan."
    without = sentiment.score_texts(model, [text], lexicon_weight=0)
    with_lexicon = sentiment.score_texts(model, [text])
    assert with_lexicon.loc[0, "p_negative"] > without.loc[0, "p_negative"]


def test_score_sentences_needs_its_columns(model):
    with pytest.raises(OptionError, match="paragraph_id"):
        sentiment.score_sentences(model, pd.DataFrame({"text": ["a"]}))


def test_selection_record_is_well_formed_and_names_the_deployed_choice():
    record = sentiment.selection_record()
    assert record.columns.tolist() == [
        "stage",
        "candidate",
        "smsa_valid",
        "nusax_valid",
        "mean_valid",
        "status",
        "note",
    ]
    assert (
        record[["smsa_valid", "nusax_valid"]]
        .apply(lambda s: s.between(0, 1))
        .all()
        .all()
    )
    assert record.loc[0, "mean_valid"] == pytest.approx((0.865 + 0.886) / 2)
    assert set(record["status"]) == {
        "deployed settings",
        "superseded: earlier round",
        "alternative, not adopted",
    }
    deployed = record[record["status"] == "deployed settings"]
    assert len(deployed) == 1 and "C=3 (deployed" in deployed["candidate"].iloc[0]
    assert not record["note"].str.contains("engineer").any()


# --- score_paragraphs and score_sentences pass every option on (worked from score_texts) ---

CONTRAST = "Warga kecewa dan marah, tetapi pemerintah berhasil menurunkan harga."


def test_score_paragraphs_is_the_word_weighted_mean_of_its_sentences(model):
    from helpers.sentiment import scoring
    from helpers.text import split_sentences

    texts = [f"Harga naik. {CONTRAST}", "", "Rakyat menunggu."]
    tables = {}
    for contrast_weight, lexicon_weight in [(1.0, 0.0), (3.0, 2.0)]:
        table = scoring.score_paragraphs(
            model,
            texts,
            contrast_weight=contrast_weight,
            lexicon_weight=lexicon_weight,
        )
        assert table["n_sentences"].tolist() == [2, 1, 1]
        for i, text in enumerate(texts):
            sentences = split_sentences(text) or [text]
            probabilities = scoring.score_texts(
                model,
                sentences,
                contrast_weight=contrast_weight,
                lexicon_weight=lexicon_weight,
            )[sentiment.PROBABILITY_COLUMNS].to_numpy()
            weights = scoring.sentence_weights(sentences)[:, None]
            expected = (weights * probabilities).sum(axis=0) / weights.sum()
            got = table.loc[i, sentiment.PROBABILITY_COLUMNS].to_numpy(dtype=float)
            assert got.tolist() == pytest.approx(expected.tolist()), (i, text)
        tables[contrast_weight] = table
    # The options matter for the sentence with a contrast and a lexicon word.
    assert tables[1.0].loc[0, "p_positive"] != pytest.approx(
        tables[3.0].loc[0, "p_positive"]
    )
    defaults = scoring.score_paragraphs(model, texts)
    explicit = scoring.score_paragraphs(
        model,
        texts,
        contrast_weight=scoring.CONTRAST_WEIGHT,
        lexicon_weight=scoring.LEXICON_WEIGHT,
    )
    pd.testing.assert_frame_equal(defaults, explicit)
    assert scoring.score_paragraphs(model, []).empty


def test_score_sentences_lists_clauses_and_lexicon_terms(model):
    from helpers.sentiment import scoring

    sentences = pd.DataFrame(
        {
            "paragraph_id": [1, 1],
            "sentence_id": [1, 2],
            "text": [CONTRAST, "Harga naik."],
        },
        index=[10, 11],
    )
    scored = scoring.score_sentences(model, sentences, contrast_weight=3.0)
    assert scored.index.tolist() == [0, 1] and "index" not in scored
    # Warga kecewa dan marah tetapi pemerintah berhasil menurunkan harga: 9 words.
    assert scored["n_words"].tolist() == [9, 2]
    assert scored["n_words"].dtype == "int64"
    assert scored["n_clauses"].tolist() == [2, 1]
    assert scored["lexicon_terms"].tolist() == ["berhasil (pos)", ""]
    assert scoring.score_sentences(model, sentences, contrast_weight=1.0)[
        "n_clauses"
    ].tolist() == [1, 1]  # weight 1: a contrast changes nothing, one clause
    excluded = scoring.score_sentences(
        model, sentences, exclude_categories=("achievement",)
    )
    assert excluded["lexicon_terms"].tolist() == ["", ""]
    off = scoring.score_sentences(model, sentences, lexicon_weight=0.0)
    assert off["lexicon_terms"].tolist() == ["", ""]
    texts = scoring.score_texts(model, sentences["text"].tolist(), contrast_weight=3.0)
    np.testing.assert_allclose(
        scored[sentiment.PROBABILITY_COLUMNS].to_numpy(dtype=float),
        texts[sentiment.PROBABILITY_COLUMNS].to_numpy(dtype=float),
    )
    with pytest.raises(OptionError) as info:
        scoring.score_sentences(model, sentences.drop(columns="text"))
    assert "score_sentences" in str(info.value)
    assert "Build the table with helpers.sentences_table(paragraphs)." in str(
        info.value
    )
