"""helpers.detokenizer: readable text from IndoSum tokens, on real lines of the corpus."""

from __future__ import annotations

import pytest

from helpers import detokenizer, reference


@pytest.fixture(scope="module")
def records():
    return reference._records()


def sentence_tokens(records, article_id: str, starts_with: list[str]) -> list[str]:
    """The tokens of a real corpus sentence: article ``article_id``, first tokens given."""
    record = next(r for r in records if r["id"] == article_id)
    for paragraph in record["paragraphs"]:
        for tokens in paragraph:
            if tokens[: len(starts_with)] == starts_with:
                return tokens
    raise AssertionError(f"no sentence starting {starts_with} in {article_id}")


def test_date_in_parentheses_and_dateline_dash(records):
    tokens = sentence_tokens(
        records,
        "1497902108-ribuan-sopir-tangki-pertamina-mogok-nasional-hari-",
        ["Jakarta", ",", "CNN", "Indonesia", "-", "-", "Ribuan"],
    )
    assert "( 19 / 6 )" in " ".join(tokens)
    assert detokenizer.detokenize(tokens) == (
        "Jakarta, CNN Indonesia -- Ribuan awak mobil tangki (AMT) Pertamina menggelar aksi mogok nasional "
        "serentak terhitung sejak Senin (19/6) pukul 00.00 WIB."
    )


def test_reduplication_closes_up_and_straight_quotes_hug_the_quote(records):
    tokens = sentence_tokens(
        records,
        "1494993600-rangkaian-ban-depan-baru-bagi-rossi-dan-kawan-kawa",
        ['"', "Orang", "-", "orang"],
    )
    text = detokenizer.detokenize(tokens)
    assert text.startswith('"Orang-orang Perancis sangat berpihak')
    assert text.endswith('yang akan terlihat di lintasan."')
    tokens = sentence_tokens(
        records,
        "1484415054-ira-koesno-moderator-debat-ini-kesempatan-langka",
        ["Dalam", "debat", "perdana"],
    )
    assert detokenizer.detokenize(tokens).endswith(
        'menjawab pertanyaan-pertanyaan seputar tema "Pembangunan Sosial Ekonomi untuk Jakarta".'
    )


def test_single_quotes_and_curly_quotes(records):
    tokens = sentence_tokens(
        records,
        "1479350414-antasari-dan-iriawan-pulang-bersama-dengan-status-",
        ["Nama", "keduanya", "'"],
    )
    assert detokenizer.detokenize(tokens).startswith(
        "Nama keduanya 'akrab' disandingkan"
    )
    assert (
        detokenizer.detokenize(["“", "Korban", "berteriak", "”", "."])
        == "“Korban berteriak”."
    )


def test_hyphen_rules_keep_datelines_and_scores_apart():
    assert (
        detokenizer.detokenize("skor 17 - 21 , 21 - 18".split()) == "skor 17-21, 21-18"
    )
    assert (
        detokenizer.detokenize("Kim Won - ho / Seo Seung - jae".split())
        == "Kim Won-ho/Seo Seung-jae"
    )
    assert (
        detokenizer.detokenize("Suara.com - Yon Koeswoyo".split())
        == "Suara.com - Yon Koeswoyo"
    )
    assert (
        detokenizer.detokenize("MISANO ADRIATICO - Pebalap".split())
        == "MISANO ADRIATICO - Pebalap"
    )
    assert detokenizer.detokenize("nafsu - nafsu".split()) == "nafsu-nafsu"
    assert detokenizer.detokenize(["kata", "\xa0", "dia", "\n"]) == "kata dia"


def test_detokenised_corpus_keeps_every_word_token(records):
    # Spacing changes, words do not: the letters and digits of a sentence survive.
    import re

    strip = re.compile(r"\s+")
    for record in records[:200]:
        for paragraph in record["paragraphs"]:
            for tokens in paragraph:
                assert strip.sub("", detokenizer.detokenize(tokens)) == strip.sub(
                    "", "".join(tokens)
                )
