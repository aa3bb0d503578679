"""The Indonesian analyzer's rules written out plainly, for tests to compare with.

No shortcut (every document fully tokenised, expressions looked for everywhere), no
memo, one word at a time: ``helpers.analyzer.IndonesianAnalyzer`` must give the same
terms. It follows the module docstring of :mod:`helpers.analyzer`, not its code.
"""

from __future__ import annotations

from helpers import analyzer
from helpers.multiwords import find_multiwords
from helpers.text import is_alpha, tokenize


def plain_terms(document: str, stemmer) -> list[str]:
    tokens = tokenize(str(document))
    lowers = [token.lower() for token in tokens]
    starts = {start: (end, term) for start, end, term in find_multiwords(lowers)}
    units, i = [], 0  # (lower-case word, is an expression)
    while i < len(tokens):
        if i in starts:
            end, term = starts[i]
            units.append((term, True))
            i = end
            continue
        if is_alpha(tokens[i]):
            units.append((lowers[i], False))
        i += 1
    stops = analyzer.stopword_set()
    terms, i = [], 0
    while i < len(units):
        pair = tuple(word for word, _ in units[i : i + 2])
        if len(pair) == 2 and not units[i][1] and not units[i + 1][1]:
            if pair in analyzer.STOP_PHRASES:
                i += 2
                continue
        word, is_expression = units[i]
        i += 1
        if is_expression:
            terms.append(word)
        elif len(word) >= analyzer.MIN_TOKEN_CHARS and word not in stops:
            stem = stemmer.stem(word)
            if stem and stem not in stops:
                terms.append(stem)
    return terms
