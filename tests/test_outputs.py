"""helpers.outputs: notebook 01's per-paragraph columns."""

from __future__ import annotations

import helpers
from helpers import entities, entity_counts, outputs, phrases


def test_paragraph_statistics_columns_and_values():
    article = helpers.parse_article(
        "Menteri Sri Mulyani tiba di Jakarta. Ia disambut.\n\nHujan turun deras sekali."
    )
    paragraphs = helpers.paragraphs_table(article)
    tokens = helpers.tokens_table(helpers.sentences_table(paragraphs))
    mentions = entities.entity_mentions(paragraphs)
    table = outputs.paragraph_statistics(
        paragraphs,
        tokens,
        phrases.repeated_share(tokens),
        entity_counts.paragraph_entity_columns(mentions, paragraphs),
    )
    assert (
        list(table.columns) == list(paragraphs.columns) + outputs.PARAGRAPH_STAT_COLUMNS
    )
    assert table["n_entity_mentions"].tolist() == [2, 0]
    assert table["entities"].tolist() == ["Sri Mulyani; Jakarta", ""]
    assert table["mean_sentence_words"].tolist() == [
        4.0,
        4.0,
    ]  # 8 words / 2, 4 words / 1
    # Menteri Sri Mulyani Jakarta disambut (not the stop words "tiba", "di", "Ia");
    # hujan turun deras (not "sekali")
    assert table["n_content_words"].tolist() == [5, 3]
    assert table["repeated_share"].tolist() == [0.0, 0.0]
    assert "n_entity_mentions" not in paragraphs.columns  # input not modified
