"""An article against the background of Indonesian news: TF-IDF with reference document
frequencies, and the reference articles most like it.

Within one article, IDF can only compare paragraphs with each other: a word used in
every paragraph (*Rusia*) gets the lowest weight, although it is what the article is
about. Here the documents that decide IDF are the reference articles (IndoSum,
:mod:`helpers.reference`) plus the article itself, so a term is weighted by how rare it
is in general news. Two uses:

* :func:`paragraph_terms`: the distinctive terms of each paragraph, against the news;
* :func:`similar_articles`: the reference articles whose TF-IDF vectors are closest
  (cosine) to the article's, with the terms they share.

scikit-learn does the weighting: ``TfidfTransformer`` (smoothed IDF, sublinear TF,
l2-normalised rows, the settings of :data:`helpers.vectorize.DISTINCTIVE_CONFIG`) is fitted
on the reference articles' counts plus the article's, built from the tidy count tables
of :func:`helpers.reference.term_counts`, so every term is the project's own (same
stems, stop words and multi-word expressions).

One module per step, re-exported here (``from helpers.comparison import headline``
keeps working): :mod:`~helpers.comparison.space` (the reference space, paragraph terms,
similar articles), :mod:`~helpers.comparison.same_text` (the article itself in the
reference), :mod:`~helpers.comparison.headlines` (IndoSum headlines from slugs) and
:mod:`~helpers.comparison.describe` (the prose).
"""

from .describe import (
    describe_excluded,
    describe_reference,
    describe_reference_shift,
    describe_similar,
)
from .headlines import INDOSUM_SLUG_CHARS, headline
from .same_text import same_text_ids, without_articles
from .space import (
    ReferenceSpace,
    joined_terms,
    paragraph_terms,
    reference_space,
    similar_articles,
)

__all__ = [
    "INDOSUM_SLUG_CHARS",
    "ReferenceSpace",
    "describe_excluded",
    "describe_reference",
    "describe_reference_shift",
    "describe_similar",
    "headline",
    "joined_terms",
    "paragraph_terms",
    "reference_space",
    "same_text_ids",
    "similar_articles",
    "without_articles",
]
