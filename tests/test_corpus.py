"""The corpus run (make corpus): inputs, one batch, Dask on a 2-worker LocalCluster,
bad files, near-duplicates, the comparison tables, and notebook 05 end to end."""

from __future__ import annotations

import nbformat
import numpy as np
import pandas as pd
import pytest

from helpers import config, corpus
from helpers import corpus_compare as compare
from helpers.errors import ArticleNotFoundError, HelpersError
from helpers.stemming import Stemmer

LEAD = "Hujan deras mengguyur kota Palu sejak Senin pagi sehingga banyak warga mengungsi ke masjid."
ARTICLES = {
    "banjir.txt": f"Banjir melanda Palu\n\n{LEAD}\n\nPemerintah kota menyiapkan dapur umum bagi warga.",
    "olahraga/bola.txt": "Persib menang lagi\n\nPersib mengalahkan Persija dua gol tanpa balas di Bandung.\n\n"
    "Pelatih memuji kerja keras para pemain muda.",
    "olahraga/lari.txt": "Pelari muda juara\n\nSeorang pelari muda asal Kupang menjadi juara lomba lari.\n\n"
    "Ia berlatih setiap pagi selama dua tahun.",
}
BAD = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02\x03 data" * 20,
    "latin1.txt": "caf\xe9 dan kopi.".encode("latin-1"),
}


@pytest.fixture
def small_corpus(tmp_path):
    """The seed, the seed reposted with a new first paragraph, three small articles in
    two folders, and three unreadable files."""
    folder = tmp_path / "kliping"
    seed = config.DEFAULT_ARTICLE.read_text(encoding="utf-8")
    (folder / "olahraga").mkdir(parents=True)
    (folder / "seed.txt").write_text(seed, encoding="utf-8")
    blocks = seed.split("\n\n")
    body = [i for i, b in enumerate(blocks) if len(b.split()) > 25]
    blocks[body[0]] = (
        "Paragraf pembuka yang ditulis ulang oleh redaksi lain untuk versi mereka sendiri."
    )
    (folder / "seed-repost.txt").write_text("\n\n".join(blocks), encoding="utf-8")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    return folder


def test_corpus_items_are_sorted_with_subfolders_as_categories(small_corpus):
    items = corpus.corpus_items(small_corpus)
    ids = [item.article for item in items]
    assert ids == sorted(ids) and len(ids) == 8
    by_id = {item.article: item for item in items}
    assert (
        by_id["olahraga/bola"].category == "olahraga"
        and by_id["banjir"].category is None
    )
    assert (
        corpus.corpus_name(small_corpus) == "kliping"
        and corpus.corpus_name("indosum") == "indosum"
    )


def test_corpus_items_refuse_a_missing_or_empty_folder(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="is not a folder"):
        corpus.corpus_items(tmp_path / "nope")
    with pytest.raises(ArticleNotFoundError, match="holds no .txt file"):
        corpus.corpus_items(tmp_path)


def test_one_batch_reads_good_files_and_gives_bad_ones_a_one_line_reason(small_corpus):
    result = corpus.analyse_batch(corpus.corpus_items(small_corpus))
    errors = result["errors"].set_index("file")["reason"]
    assert sorted(errors.index) == ["binary.txt", "empty.txt", "latin1.txt"]
    assert (
        "binary" in errors["binary.txt"]
        and "empty" in errors["empty.txt"]
        and "UTF-8" in errors["latin1.txt"]
    )
    assert not errors.str.contains("\n").any()
    articles = result["articles"].set_index("article")
    banjir = articles.loc["banjir"]
    assert (banjir["title"], banjir["n_paragraphs"], banjir["n_sentences"]) == (
        "Banjir melanda Palu",
        2,
        2,
    )
    assert banjir["n_words"] == 14 + 7  # the two paragraphs, counted by hand
    paragraphs = result["paragraphs"]
    own = paragraphs[paragraphs["article"] == "banjir"]
    assert own["text"].tolist()[0] == LEAD
    assert banjir["mean_sentiment"] == pytest.approx(own["sentiment_score"].mean())
    assert np.allclose(
        paragraphs[["p_negative", "p_neutral", "p_positive"]].sum(axis=1), 1
    )
    seed = articles.loc["seed"]
    assert seed["n_paragraphs"] == 17 and {"Rusia", "Korea Utara"} <= set(
        seed["top_entities"].split("; ")
    )
    assert "Vladimir Putin" in paragraphs.loc[
        paragraphs["article"] == "seed", "entities"
    ].iloc[1].split("; ")
    assert (
        result["counts"].shape[0] == len(articles) == result["signatures"].shape[0] == 5
    )


def test_minhash_finds_the_repost_and_nothing_else(small_corpus):
    result = corpus.analyse_batch(corpus.corpus_items(small_corpus))
    pairs = corpus.near_duplicates(result["articles"], result["signatures"])
    assert pairs[["article_a", "article_b"]].values.tolist() == [
        ["seed", "seed-repost"]
    ]
    assert 0.5 <= pairs["jaccard"].iloc[0] < 1
    same = corpus.minhash_signature(LEAD)
    assert np.array_equal(
        same, corpus.minhash_signature(LEAD.upper() + " ")
    )  # case and spacing ignored


def test_stems_saved_by_one_process_reach_another_through_the_disk_cache(tmp_path):
    path = tmp_path / "stems.json"
    reader, writer = Stemmer(cache_path=path), Stemmer(cache_path=path)
    writer.stem("pertahanan")
    writer.flush()
    assert "pertahanan" not in reader.cache
    assert (
        reader.reload() == 1
        and reader.cache["pertahanan"] == writer.cache["pertahanan"]
    )


def test_group_tone_means_and_intervals_are_over_articles():
    table = pd.DataFrame(
        {
            "source": ["a"] * 3 + ["b"] * 3 + ["c"],
            "mean_sentiment": [0.1, 0.2, 0.3, -0.3, -0.3, -0.3, 0.9],
            "share_negative": [0, 0, 0, 1, 1, 1, 0],
            "share_positive": [1, 1, 0, 0, 0, 0, 1],
        }
    )
    tone = compare.group_tone(table, "source", min_articles=3)
    assert tone["source"].tolist() == ["b", "a"]  # c has one article: left out
    a = tone.set_index("source").loc["a"]
    assert (
        a["mean"] == pytest.approx(0.2) and 0.1 <= a["low"] <= 0.2 <= a["high"] <= 0.3
    )
    b = tone.set_index("source").loc["b"]
    assert b["low"] == b["high"] == pytest.approx(-0.3) and a[
        "share_positive"
    ] == pytest.approx(2 / 3)


def test_entity_tone_averages_each_article_first():
    paragraphs = pd.DataFrame(
        {
            "article": ["x", "x", "y", "y"],
            "entities": ["Rusia", "Rusia; China", "Rusia", ""],
            "sentiment_score": [0.2, 0.4, 0.0, -1.0],
        }
    )
    tone = compare.entity_tone(paragraphs, min_articles=1).set_index("entity")
    assert tone.loc["Rusia", "mean"] == pytest.approx(
        (0.3 + 0.0) / 2
    )  # not (0.2 + 0.4 + 0) / 3
    assert (tone.loc["Rusia", "n_articles"], tone.loc["Rusia", "n_paragraphs"]) == (
        2,
        3,
    )
    assert tone.index.tolist() == ["Rusia", "China"] and np.isnan(
        tone.loc["China", "low"]
    )


def test_outlet_structure_uses_medians():
    articles = pd.DataFrame(
        {
            "source": ["a"] * 3,
            "n_words": [100, 200, 900],
            "n_paragraphs": [2, 4, 3],
            "n_sentences": [4, 4, 6],
        }
    )
    row = compare.outlet_structure(articles, min_articles=3).iloc[0]
    assert (
        row["median_words"],
        row["median_paragraphs"],
        row["words_per_paragraph"],
    ) == (200, 3, 50)


@pytest.fixture(scope="module")
def two_workers():
    """A LocalCluster of two single-threaded worker processes, started by the test."""
    from dask.distributed import LocalCluster

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=40,
    )
    yield cluster
    cluster.close()


def test_dask_run_on_an_existing_cluster_writes_every_table_whole(
    small_corpus, tmp_path, two_workers, monkeypatch
):
    monkeypatch.setenv(corpus.SCHEDULER_ENV, two_workers.scheduler_address)
    settings = corpus.with_settings(batch_size=2, n_topics=2, min_df=1)
    run = corpus.run_corpus(small_corpus, tmp_path / "out", settings=settings)
    assert run.n_workers == 2 and run.n_partitions == 4  # 8 files, 2 per batch
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.csv",
        "duplicates.csv",
        "errors.csv",
        "paragraphs.csv",
        "topics.csv",
    ]  # no scratch left
    articles = pd.read_csv(out / "articles.csv")
    assert list(articles.columns[:11]) == [
        "article",
        "title",
        "source",
        "published",
        "n_paragraphs",
        "n_words",
        "mean_sentiment",
        "share_negative",
        "share_positive",
        "dominant_topic",
        "top_entities",
    ]
    assert (
        articles["article"].tolist() == sorted(articles["article"])
        and len(articles) == 5
    )
    assert len(pd.read_csv(out / "errors.csv")) == 3
    paragraphs = pd.read_csv(out / "paragraphs.csv")
    assert len(paragraphs) == articles["n_paragraphs"].sum()
    assert paragraphs.groupby("article", sort=False)["paragraph_id"].min().eq(1).all()
    topics = pd.read_csv(out / "topics.csv")
    assert set(topics["topic_id"]) == {1, 2} and set(
        articles["dominant_topic"].dropna()
    ) <= {1, 2}
    # the same bytes from a second run with other batch sizes
    first = {
        name: (out / name).read_bytes()
        for name in ("articles.csv", "paragraphs.csv", "errors.csv")
    }
    corpus.run_corpus(
        small_corpus,
        tmp_path / "again",
        settings=corpus.with_settings(batch_size=3, n_topics=2, min_df=1),
    )
    again = {name: (tmp_path / "again" / name).read_bytes() for name in first}
    assert (
        again["paragraphs.csv"] == first["paragraphs.csv"]
        and again["errors.csv"] == first["errors.csv"]
    )


def test_a_corpus_of_only_bad_files_stops_with_one_message_and_publishes_nothing(
    tmp_path, two_workers, monkeypatch
):
    from helpers.corpus_run import run

    monkeypatch.setenv(corpus.SCHEDULER_ENV, two_workers.scheduler_address)
    folder = tmp_path / "rusak"
    folder.mkdir()
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    with pytest.raises(HelpersError, match="No article"):
        run(
            folder,
            processed_root=tmp_path / "processed",
            reports_root=tmp_path / "reports",
            progress=False,
            log=lambda *_: None,
        )
    assert (
        not (tmp_path / "processed" / "corpus-rusak").exists()
        and not (tmp_path / "reports" / "corpus-rusak").exists()
    )


def test_corpus_notebook_is_stored_clean_and_opens_with_a_question():
    nb = nbformat.read(config.NOTEBOOKS_DIR / "05-corpus.ipynb", as_version=4)
    assert (
        nb.metadata["kernelspec"]["name"] == config.KERNEL_NAME
    )  # the project kernel (test_notebooks checks the form)
    assert (
        nb.cells[0].cell_type == "markdown" and "question" in nb.cells[0].source.lower()
    )
    assert all(
        c.outputs == [] and c.execution_count is None
        for c in nb.cells
        if c.cell_type == "code"
    )
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    namespace: dict = {}
    exec(tagged[0].source, namespace)
    assert (len(tagged), namespace["corpus_name"], namespace["output_dir"]) == (
        1,
        "indosum",
        "",
    )


@pytest.mark.notebook
def test_make_corpus_runs_the_notebook_and_exports_html(
    small_corpus, tmp_path, two_workers, monkeypatch
):
    from helpers.corpus_run import run

    monkeypatch.setenv(corpus.SCHEDULER_ENV, two_workers.scheduler_address)
    timings = run(
        small_corpus,
        processed_root=tmp_path / "processed",
        reports_root=tmp_path / "reports",
        executed_dir=tmp_path / "executed",
        progress=False,
        log=lambda *_: None,
        settings=corpus.with_settings(n_topics=2, min_df=1),
    )
    assert timings["n_articles"] == 5 and timings["n_errors"] == 3
    html = (tmp_path / "reports" / "corpus-kliping" / "05-corpus.html").read_text(
        encoding="utf-8"
    )
    assert len(html) > 10_000 and "Traceback" not in html and "latin1.txt" in html
    nb = nbformat.read(tmp_path / "executed" / "05-corpus.ipynb", as_version=4)
    problems = [
        (i, o.output_type, getattr(o, "name", ""))
        for i, c in enumerate(nb.cells)
        for o in c.get("outputs", [])
        if o.output_type == "error"
        or (o.output_type == "stream" and o.name == "stderr")
    ]
    assert not problems
    assert (tmp_path / "processed" / "corpus-kliping" / "articles.csv").exists()
