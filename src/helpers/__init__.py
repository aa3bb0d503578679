"""Helpers for analysing Indonesian news articles (imported as ``helpers``).

Modules, one per concern:

* ``config``: project paths and constants, derived from the package location.
* ``article``: loading and parsing an article file.
* ``text`` (with ``tokens`` and ``sentences``), ``stopwords``, ``stemming``: Indonesian
  tokens, sentences, stop words, stems.
* ``language``: is this text Indonesian? (report warnings).
* ``io``: atomic writers for tables and reports.
* ``stats``, ``phrases``, ``actors``: text statistics, n-grams and repetition, the
  actor gazetteer (notebook 01).
* ``analyzer``, ``vectorize``, ``topics``: Indonesian TF-IDF, NMF/LDA topics, redundancy
  (notebook 02).
* ``datasets``, ``sentiment``: labelled data and the paragraph sentiment model
  (notebook 03). Import them explicitly; they load scikit-learn.
* ``notebook``: notebook set-up and safe display of article text.
* ``plots``: figure helpers (return axes; never call ``plt.show()``).
* ``report``, ``bench``: the runners behind ``make report`` and ``make bench``.
"""

from .actors import actor_gazetteer, actor_mentions, actor_presence
from .article import Article, load_article, paragraphs_table, parse_article
from .config import (
    DEFAULT_ARTICLE,
    processed_dir,
    report_dir,
    resolve_article,
    slug_for,
)
from .errors import (
    ArticleEncodingError,
    ArticleError,
    ArticleLimitError,
    ArticleNotFoundError,
    BinaryArticleError,
    DatasetError,
    EmptyArticleError,
    HelpersError,
    OptionError,
)
from .stemming import Stemmer, default_stemmer, surface_forms
from .stopwords import is_stopword, stopword_set, stopwords_table
from .text import sentences_table, split_sentences, tokenize, tokens_table

__all__ = [
    "actor_gazetteer",
    "actor_mentions",
    "actor_presence",
    "Article",
    "load_article",
    "paragraphs_table",
    "parse_article",
    "DEFAULT_ARTICLE",
    "processed_dir",
    "report_dir",
    "resolve_article",
    "slug_for",
    "ArticleEncodingError",
    "ArticleError",
    "ArticleLimitError",
    "ArticleNotFoundError",
    "BinaryArticleError",
    "DatasetError",
    "EmptyArticleError",
    "HelpersError",
    "OptionError",
    "Stemmer",
    "default_stemmer",
    "surface_forms",
    "is_stopword",
    "stopword_set",
    "stopwords_table",
    "sentences_table",
    "split_sentences",
    "tokenize",
    "tokens_table",
]
