"""Issue 12: on the seed, the top 10 positive keywords include the pact's own vocabulary.

Expectation written down BEFORE keyness was first run on the seed (commit history shows
this file landed before any keyness output existed):

* the pact's vocabulary is ``pakta``, ``pertahanan``, ``rusia``, ``korea utara``,
  ``putin``, ``kim jong un``, ``geopolitik``, ``militer`` and ``kerja sama``
  (``EXPECTED``);
* ``pakta`` and ``pertahanan`` must be among the top 10 (they are the article's subject
  and are rare in 2016-2017 news about sport, celebrities and start-ups);
* at least 6 of the 9 expected terms are in the top 10: the other top places can go to
  the article's commentary words (``kawasan``, ``asia timur``, ``semenanjung korea``).

Misses after the first run are explained in ``MISSES_EXPLAINED`` below.
"""

from __future__ import annotations

import pytest

from helpers import keyness, load_article, reference

EXPECTED = {
    "pakta",
    "pertahanan",
    "rusia",
    "korea utara",
    "putin",
    "kim jong un",
    "geopolitik",
    "militer",
    "kerja sama",
}
MUST = {"pakta", "pertahanan"}

#: Filled in after the first run: expected terms outside the top 10, and why.
MISSES_EXPLAINED: dict[str, str] = {
    # rank 16 (7 uses, G2 38.1, significant; rank 14 before issue 10 split names).
    # It is a common news word in its own right (103 uses in IndoSum: sponsorships,
    # business partnerships), so it loses to terms the reference almost never uses
    # (pakta, Putin, Asia Timur: 0 uses) and to commentary words the article repeats
    # (global, negara, kuat).
    "kerja sama": "common in general news too; significant at rank 14",
    # rank 24 (4 uses against 55 in the reference; significant after FDR). The article
    # writes about the pact's diplomacy and geopolitics more than about arms.
    "militer": "only 4 uses; significant at rank 24",
    # Issue 10: the analyzer's default expressions no longer include the seed's actor
    # table, so a person's name is one term only where the article's own entities are
    # passed (notebooks 01 and 02); against the reference, both sides use the defaults
    # and kim (rank 11), jong (12) and un (14) count apart. pakta and putin stay in the
    # top ten.
    "kim jong un": "no longer one term against the reference; kim, jong, un rank 11-14",
}


@pytest.fixture(scope="module")
def seed_keyness(seed_path):
    article = load_article(seed_path)
    counts = reference.term_frequencies(reference.term_counts(list(article.paragraphs)))
    return keyness.keyness_table(counts, reference.reference_frequencies())


def test_top_ten_positive_keywords_hold_the_pacts_vocabulary(seed_keyness):
    top = keyness.keywords(seed_keyness, direction="positive", n=10)
    assert len(top) == 10  # all ten are significant after the FDR correction
    terms = set(top["term"])
    assert MUST <= terms
    assert len(EXPECTED & terms) >= 6, sorted(terms)
    assert (
        set(MISSES_EXPLAINED) == EXPECTED - terms
    )  # every miss is explained, none silently


def test_positive_keywords_are_over_used_and_significant(seed_keyness):
    top = keyness.keywords(seed_keyness, direction="positive", n=10)
    assert (top["log_ratio"] > 0).all() and top["significant"].all()
    assert (top["article_per_1000"] > top["reference_per_1000"]).all()
