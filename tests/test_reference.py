"""helpers.reference: the IndoSum reference corpus on the mirror, its detokeniser on real
lines, and reference term counts with the project's analyzer (cache key, atomic cache).

The loader tests read the workplace mirror (``DATA_MIRROR``, set by conftest.py or CI):
no test touches the network (the downloader is replaced by one that fails).
"""

from __future__ import annotations

import shutil
import urllib.error

import pandas as pd
import pytest

from helpers import analyzer, config, datasets, detokenizer, reference, stemming
from helpers.analyzer import IndonesianAnalyzer
from helpers.errors import DatasetError
from plain_analyzer import plain_terms


def offline(url, destination, timeout):
    raise urllib.error.URLError("Name or service not known")


@pytest.fixture(scope="module")
def records():
    return reference._records()


# --- loader on the mirror -----------------------------------------------------------


def test_mirror_files_are_installed_with_their_pinned_checksums(tmp_path, monkeypatch):
    mirror = datasets.mirror_dir()
    assert mirror is not None and (mirror / "indosum" / "dev.02.jsonl").is_file(), (
        "DATA_MIRROR must hold indosum/"
    )
    paths = datasets.dataset_files(["indosum"], cache_dir=tmp_path, downloader=offline)
    assert set(paths) == {("indosum", "dev.02"), ("indosum", "dev.03")}
    for (name, split), path in paths.items():
        assert path.parent == tmp_path / "indosum"
        assert datasets.sha256_of(path) == datasets.DATASETS[name][split].sha256
    # the cache now serves them: no mirror needed any more
    monkeypatch.delenv(config.DATA_MIRROR_ENV)
    again = datasets.dataset_files(["indosum"], cache_dir=tmp_path, downloader=offline)
    assert again == paths


def test_a_tampered_mirror_file_is_refused(tmp_path, monkeypatch):
    source = datasets.mirror_dir() / "indosum"
    fake = tmp_path / "mirror" / "indosum"
    fake.mkdir(parents=True)
    for name in ("dev.02.jsonl", "dev.03.jsonl"):
        shutil.copyfile(source / name, fake / name)
    with open(fake / "dev.03.jsonl", "ab") as handle:
        handle.write(b"\n")
    monkeypatch.setenv(config.DATA_MIRROR_ENV, str(tmp_path / "mirror"))
    with pytest.raises(DatasetError, match="dev.03.*checksum mismatch"):
        datasets.dataset_files(
            ["indosum"], cache_dir=tmp_path / "cache", downloader=offline
        )
    assert not (
        tmp_path / "cache" / "indosum" / "dev.03.jsonl"
    ).exists()  # nothing half-valid left
    assert reference.checksum_key() == "5f6d63b73d94-96b0a008f7ab"


def test_reference_articles_table(records):
    articles = reference.reference_articles()
    assert list(articles.columns) == [
        "id",
        "source",
        "category",
        "url",
        "text",
        "paragraphs",
    ]
    assert (
        len(articles) == 1460 and articles["id"].is_unique
    )  # 1,496 lines, 36 ids in both folds
    assert len(records) == 1460
    assert set(articles["category"]) == {
        "tajuk utama",
        "olahraga",
        "teknologi",
        "showbiz",
        "hiburan",
        "inspirasi",
    }
    assert articles["url"].str.startswith("http").all()
    first = articles.iloc[0]
    assert first["text"] == "\n\n".join(first["paragraphs"])
    articles.loc[0, "source"] = "changed"  # a fresh copy every call
    assert reference.reference_articles().loc[0, "source"] != "changed"


def test_reference_sentences_table():
    sentences = reference.reference_sentences()
    assert list(sentences.columns) == ["id", "paragraph", "sentence", "text"]
    assert (sentences["text"] != "").all()
    assert sentences["id"].nunique() == 1460


# --- term counts with the project's analyzer ---------------------------------------


def test_term_counts_by_hand():
    texts = [
        "Pakta pertahanan Korea Utara dan Rusia.",
        "Rusia, Rusia! Kerja sama militer (19/6).",
        "dan yang",
    ]
    counts = reference.term_counts(texts, document_ids=["a", "b", "c"])
    assert list(counts.columns) == reference.COUNT_COLUMNS
    assert counts.to_dict("records") == [
        {"document_id": "a", "term": "korea utara", "count": 1},
        {"document_id": "a", "term": "pakta", "count": 1},
        {"document_id": "a", "term": "pertahanan", "count": 1},
        {"document_id": "a", "term": "rusia", "count": 1},
        {"document_id": "b", "term": "kerja sama", "count": 1},
        {"document_id": "b", "term": "militer", "count": 1},
        {"document_id": "b", "term": "rusia", "count": 2},
    ]
    frequencies = reference.term_frequencies(counts)
    assert frequencies.iloc[0].to_dict() == {
        "term": "rusia",
        "count": 3,
        "document_frequency": 2,
    }
    assert frequencies["count"].sum() == counts["count"].sum()


def test_term_counts_match_the_tfidf_analyzer():
    texts = reference.reference_articles()["text"].head(40).tolist()
    counts = reference.term_counts(texts)
    stemmer = IndonesianAnalyzer().stemmer
    for i in (0, 17, 39):
        expected = pd.Series(plain_terms(texts[i], stemmer)).value_counts().sort_index()
        got = counts[counts["document_id"] == i].set_index("term")["count"].sort_index()
        assert got.to_dict() == expected.to_dict()


def test_term_counts_errors():
    with pytest.raises(ValueError, match="document_ids"):
        reference.term_counts(["a b"], document_ids=[1, 2])
    with pytest.raises(ValueError, match="ngram_range"):
        reference.term_counts(["a b"], analyzer=IndonesianAnalyzer(ngram_range=(1, 2)))


def test_analyzer_key_changes_with_the_analyzer(monkeypatch):
    base = reference.analyzer_key()
    assert reference.analyzer_key() == base  # deterministic
    stops = analyzer.stopword_set()
    changes = [
        (analyzer, "MIN_TOKEN_CHARS", 3),
        (analyzer, "STOP_PHRASES", analyzer.STOP_PHRASES | {("antara", "lain")}),
        (analyzer, "stopword_set", lambda: stops | {"pakta"}),
        (stemming, "stem_overrides", lambda: {"pemerintah": "pemerintah"}),
        (stemming, "sastrawi_version", lambda: "9.9.9"),
        (reference, "checksum_key", lambda: "other-data"),
        (detokenizer, "_NO_SPACE_AFTER", detokenizer._NO_SPACE_AFTER | {"#"}),
    ]
    for module, name, value in changes:
        with monkeypatch.context() as patch:
            patch.setattr(module, name, value)
            assert reference.analyzer_key() != base, name
    from helpers import multiwords

    table = multiwords.multiword_expressions()
    with monkeypatch.context() as patch:
        patch.setattr(multiwords, "multiword_expressions", lambda: table.iloc[1:])
        assert reference.analyzer_key() != base


def test_reference_counts_cache_is_written_whole_and_reused(tmp_path, monkeypatch):
    calls = []
    small = pd.DataFrame(
        {
            "document_id": ["x", "x", "y"],
            "term": ["nan", "korea utara", "null"],
            "count": [1, 2, 3],
        }
    )

    def compute():
        calls.append(1)
        return small

    monkeypatch.setattr(reference, "_compute_reference_counts", compute)
    first = reference.reference_counts(cache_dir=tmp_path)
    path = reference.counts_cache_path(cache_dir=tmp_path)
    assert path.is_file() and [p.name for p in tmp_path.iterdir()] == [
        path.name
    ]  # no temp files left
    assert reference.analyzer_key() in path.name
    second = reference.reference_counts(cache_dir=tmp_path)
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(
        second, small
    )  # "nan", "null" stay terms, not missing values
    path.write_text("garbage\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="Unreadable reference-count cache"):
        third = reference.reference_counts(cache_dir=tmp_path)
    assert len(calls) == 2
    pd.testing.assert_frame_equal(third, small)


def test_real_reference_counts_use_the_projects_terms(tmp_path):
    counts = reference.reference_counts(
        cache_dir=tmp_path
    )  # cold: computed from the corpus
    assert counts["document_id"].nunique() == 1460
    frequencies = reference.term_frequencies(counts)
    terms = set(frequencies["term"])
    assert {
        "korea utara",
        "kerja sama",
        "amerika serikat",
    } <= terms  # multi-word expressions
    assert not terms & analyzer.stopword_set() - {t for t in terms if " " in t}
    assert (
        "sama" not in terms
        or frequencies.set_index("term").loc["kerja sama", "count"] > 0
    )
    assert frequencies["document_frequency"].max() <= 1460
    warm = reference.reference_counts(cache_dir=tmp_path)
    pd.testing.assert_frame_equal(counts, warm)


def test_an_unwritable_cache_folder_costs_speed_not_the_result(tmp_path, monkeypatch):
    small = pd.DataFrame({"document_id": ["x"], "term": ["pakta"], "count": [1]})
    monkeypatch.setattr(reference, "_compute_reference_counts", lambda: small)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")  # a file where the cache folder should be
    with pytest.warns(UserWarning, match="Cannot write the cache"):
        table = reference.reference_counts(cache_dir=blocked)
    pd.testing.assert_frame_equal(table, small)


INDOSUM_ARTICLE = "1515102300-mk-didesak-putuskan-uji-materi-uu-pemilu"


def test_an_indosum_article_is_left_out_of_its_own_reference(tmp_path, seed_path):
    # The reviewer's case: this IndoSum article, analysed as an article file, found
    # itself as its closest reference article (cosine 0.996) and in its keyness counts.
    from helpers import comparison, keyness, load_article

    path = tmp_path / f"{INDOSUM_ARTICLE}.txt"
    path.write_text(reference.article_text(INDOSUM_ARTICLE), encoding="utf-8")
    paragraphs = list(load_article(path).paragraphs)
    counts = reference.term_counts(paragraphs, document_ids=range(len(paragraphs)))
    ref_counts, meta, problem = reference.load_reference()
    assert not problem
    same = comparison.same_text_ids(counts, ref_counts)
    assert (
        same["id"].tolist() == [INDOSUM_ARTICLE] and same["similarity"].iloc[0] >= 0.95
    )
    kept_counts, kept_meta = comparison.without_articles(ref_counts, meta, same)
    assert INDOSUM_ARTICLE not in set(
        kept_counts["document_id"]
    ) and INDOSUM_ARTICLE not in set(kept_meta["id"])
    assert kept_meta["id"].nunique() == meta["id"].nunique() - 1
    similar = comparison.similar_articles(
        comparison.reference_space(counts, kept_counts), kept_meta, n=3
    )
    assert (
        INDOSUM_ARTICLE not in set(similar["id"]) and similar["similarity"].max() < 0.95
    )
    # Keyness: the reference counts lose exactly the article's own copy, so the words only
    # this article uses now have reference count 0 (before, every word was in the reference).
    full = keyness.keyness_table(
        reference.term_frequencies(counts), reference.term_frequencies(ref_counts)
    )
    kept = keyness.keyness_table(
        reference.term_frequencies(counts), reference.term_frequencies(kept_counts)
    )
    own = reference.term_frequencies(
        ref_counts[ref_counts["document_id"] == INDOSUM_ARTICLE]
    ).set_index("term")["count"]
    used = full[full["article_count"] > 0].set_index("term")["reference_count"]
    after = kept.set_index("term")["reference_count"].reindex(used.index, fill_value=0)
    pd.testing.assert_series_equal(
        after,
        (used - own.reindex(used.index, fill_value=0)).astype(after.dtype),
        check_names=False,
    )
    assert (used > 0).mean() > 0.95 and (after == 0).sum() >= 1
    # The seed (a Tampang.com article, not in IndoSum) loses nothing.
    seed = list(load_article(seed_path).paragraphs)
    assert comparison.same_text_ids(reference.term_counts(seed), ref_counts).empty
