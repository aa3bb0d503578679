"""helpers.comparison.headlines: readable headlines from IndoSum slugs and URLs."""

from __future__ import annotations

from helpers.comparison import headlines


def test_headline_is_spelt_as_the_article_spells_it_and_cut_at_a_word():
    text = "Ketua DPR Setya Novanto (Setnov) tidak akan memenuhi panggilan KPK. Setnov sakit, kata KPK."
    slug = "1510792166-setnov-tak-akan-penuhi-panggilan-kpk-sampai-ada-pu"  # IndoSum's cut at 50 characters
    url = (
        "https://www.cnnindonesia.com/nasional/20171115112810-12-255759/"
        "setnov-tak-akan-penuhi-panggilan-kpk-sampai-ada-putusan-mk/"
    )
    assert headlines.headline(slug, text, url=url, max_chars=100) == (
        "Setnov tak akan penuhi panggilan KPK sampai ada putusan mk"
    )  # whole slug from the URL
    assert (
        headlines.headline(slug, text, max_chars=100)
        == "Setnov tak akan penuhi panggilan KPK sampai ada…"
    )
    assert headlines.headline(
        slug, text, url="https://x.id/berita/lain-sekali.html"
    ) == (
        "Setnov tak akan penuhi panggilan KPK sampai ada…"
    )  # a URL with another slug is ignored
    whole = "1497410100-jimly-sebut-tak-perlu-aturan-ambang-batas-presiden"  # 50 characters, not cut
    assert headlines.headline(
        whole,
        url="http://x.com/politik/20170612142127-32-221157/"
        "jimly-sebut-tak-perlu-aturan-ambang-batas-presiden/",
    ) == ("Jimly sebut tak perlu aturan ambang batas presiden")
    cut = headlines.headline(slug, text, max_chars=40)
    assert cut == "Setnov tak akan penuhi panggilan KPK…" and len(cut) <= 40
    assert (
        headlines.headline("1515102300-mk-didesak", "") == "Mk didesak"
    )  # no text: the slug, capitalised
    # A word capitalised only at sentence starts keeps the lower case it has mid-sentence.
    assert (
        headlines.headline(
            "1-klaim-beijing", "Klaim itu ditolak. Klaim Beijing soal klaim laut."
        )
        == "Klaim Beijing"
    )
    assert (
        headlines.headline(
            "1-laut-klaim", "Klaim itu ditolak. Klaim Beijing soal klaim laut."
        )
        == "Laut klaim"
    )
