"""Indonesian tokenisation: words, numbers and punctuation, in text order.

Why hand-written: NLTK's punkt needs a download (it fails offline) and has no
Indonesian model; spaCy's ``blank("id")`` costs about 300 MB and 3 s per process. The
rules below are small, documented, and tested on hand-made Indonesian snippets
(``tests/test_tokens.py``). :mod:`helpers.text` re-exports every public name.

Tokenisation rules
------------------
* Reduplication stays one word: ``negara-negara``, ``kerja-kerja``,
  ``berlari-lari``, ``sebaik-baiknya``, ``sayur-mayur``. Hyphenated forms with a
  bound prefix stay one word too: ``non-barat``, ``pasca-perang``.
* Other hyphenated joins are split into their parts: ``Korut-Rusia`` ->
  ``Korut``, ``Rusia``; ``Putin-Kim`` -> ``Putin``, ``Kim``.
* Numbers, dates and times are single tokens: ``(19/6)`` -> ``(``, ``19/6``, ``)``;
  ``10:58``; ``33,2``; ``1.000.000``.
* Straight and curly quotes are separate punctuation tokens.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_LETTERS = r"[^\W\d_]"
_WORD = rf"{_LETTERS}+(?:['’]{_LETTERS}+)*"
_TOKEN_RE = re.compile(
    rf"""
    (?P<url>https?://\S+|www\.\S+)
  | (?P<email>[\w.+-]+@[\w-]+\.[\w.-]+)
  | (?P<number>\d+(?:[.,:/]\d+)*(?:%)?)
  | (?P<word>{_WORD}(?:-(?:{_WORD}|\d+))*)
  | (?P<punct>\S)
    """,
    re.VERBOSE,
)

#: Bound prefixes written with a hyphen; ``non-barat`` stays one token.
HYPHEN_PREFIXES = frozenset(
    {
        "anti",
        "antar",
        "eks",
        "multi",
        "neo",
        "non",
        "pan",
        "pasca",
        "pra",
        "pro",
        "semi",
        "sub",
        "super",
        "trans",
        "ultra",
        "ke",
        "se",
    }
)


def _is_reduplication(left: str, right: str) -> bool:
    """True when ``left-right`` is an Indonesian reduplication (kata ulang).

    Full (``negara-negara``), affixed (``berlari-lari``, ``sebaik-baiknya``,
    ``kemerah-merahan``) and rhyming (``sayur-mayur``, ``lauk-pauk``) forms count.
    Two capitalised, different parts (``Korut-Rusia``) never do.
    """
    a, b = left.lower(), right.lower()
    if a == b:
        return True
    if left[:1].isupper() and right[:1].isupper():
        return False
    # Affixed reduplication shares a base of at least 4 letters that covers most of
    # the shorter part: berlari-lari (lari), sebaik-baiknya (baik), kemerah-merahan (merah).
    common = (
        SequenceMatcher(None, a, b, autojunk=False)
        .find_longest_match(0, len(a), 0, len(b))
        .size
    )
    if common >= 4 and common >= 0.6 * min(len(a), len(b)):
        return True
    # Rhyming reduplication: same length, differs only in the first consonant.
    return len(a) == len(b) >= 3 and a[1:] == b[1:]


def _split_hyphenated(word: str) -> list[str]:
    parts = word.split("-")
    if len(parts) == 1:
        return parts
    if parts[0].lower() in HYPHEN_PREFIXES or any(p.isdigit() for p in parts):
        return [word]
    if len(parts) == 2 and _is_reduplication(parts[0], parts[1]):
        return [word]
    return [p for p in parts if p]


def normalize_text(text: str) -> str:
    """NFC-normalise, and turn non-breaking and zero-width spaces into plain ones."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return text


# Speed (``make bench``): ``findall`` returns plain strings without a Python-level
# loop per match, and the URL and e-mail branches are left out of the pattern when
# the text cannot contain them (no ``@``; no ``http``/``www.``). The alternation is
# ordered, so dropping branches that cannot match anywhere changes no token. Without
# those two branches, words can be tried before numbers (a word starts with a letter,
# a number with a digit: they never compete), and pure-ASCII text can use ASCII
# classes, about twice as fast. ``tests/test_tokens.py`` compares the result with
# the original named-group tokeniser (``_tokenize_reference``) on random strings.
_URL = r"https?://\S+|www\.\S+"
_EMAIL = r"[\w.+-]+@[\w-]+\.[\w.-]+"
_NUMBER = r"\d+(?:[.,:/]\d+)*(?:%)?"
_WORD_TOKEN = rf"{_WORD}(?:-(?:{_WORD}|\d+))*"
_FINDALL = {
    (has_url, has_email): re.compile(
        "|".join(
            [
                *([_URL] if has_url else []),
                *([_EMAIL] if has_email else []),
                _NUMBER,
                _WORD_TOKEN,
                r"\S",
            ]
        )
    )
    for has_url in (False, True)
    for has_email in (False, True)
}
_FINDALL[False, False] = re.compile(rf"{_WORD_TOKEN}|{_NUMBER}|\S")
# ASCII text: [A-Za-z] is [^\W\d_], and \S must also skip \x1c-\x1f, which Unicode
# (but not ASCII) regexes count as white space.
_ASCII_WORD = r"[A-Za-z]+(?:'[A-Za-z]+)*"
_FINDALL_ASCII = re.compile(
    rf"{_ASCII_WORD}(?:-(?:{_ASCII_WORD}|[0-9]+))*|[0-9]+(?:[.,:/][0-9]+)*(?:%)?|[^\s\x1c-\x1f]",
    re.ASCII,
)
#: A hyphenated word token (what ``_split_hyphenated`` may split).
_HYPHENATED_WORD_RE = re.compile(rf"{_WORD}(?:-(?:{_WORD}|\d+))+")


def tokenize(text: str) -> list[str]:
    """Split Indonesian text into word, number and punctuation tokens.

    Returns tokens in text order; white space is dropped. See the module docstring for
    the rules.

    >>> tokenize('Negara-negara Korut-Rusia (19/6) pukul 10:58.')
    ['Negara-negara', 'Korut', 'Rusia', '(', '19/6', ')', 'pukul', '10:58', '.']
    """
    text = normalize_text(text)
    has_url = "http" in text or "www." in text
    has_email = "@" in text
    if not (has_url or has_email) and text.isascii():
        tokens = _FINDALL_ASCII.findall(text)
    else:
        tokens = _FINDALL[has_url, has_email].findall(text)
    if "-" not in text:
        return tokens
    out: list[str] = []
    for token in tokens:
        # URLs and e-mails never fully match a hyphenated word (they need ':', '.'
        # or '@'), so only word tokens are split, as in the named-group version.
        if "-" in token and len(token) > 2 and _HYPHENATED_WORD_RE.fullmatch(token):
            out.extend(_split_hyphenated(token))
        else:
            out.append(token)
    return out


#: The word branch of ``_FINDALL_ASCII`` alone (see :func:`letter_tokens`), with
#: possessive quantifiers (Python 3.11+): every part after the first letters is
#: optional, so the greedy match never backtracks and possessive matching finds the
#: same words, about 20% faster.
_ASCII_WORD_POSSESSIVE = r"[A-Za-z]++(?:'[A-Za-z]++)*+"
_WORDS_ASCII = re.compile(
    rf"{_ASCII_WORD_POSSESSIVE}(?:-(?:{_ASCII_WORD_POSSESSIVE}|[0-9]++))*+", re.ASCII
)


def letter_tokens(text: str, *, lower: bool = False) -> list[str]:
    """The tokens of :func:`tokenize` made of letters (:func:`is_alpha`), in order.

    The same as ``[t for t in tokenize(text) if is_alpha(t)]`` (each lower-cased when
    ``lower``), faster for plain ASCII text without URLs or e-mails: there a letter
    can only start a word token (numbers and punctuation never contain letters), so
    searching for word tokens alone finds the same words without building the other
    tokens. ``tests/test_text.py`` compares the two on random strings.
    """
    if not text.isascii() or "@" in text or "http" in text or "www." in text:
        tokens = [token for token in tokenize(text) if is_alpha(token)]
        return list(map(str.lower, tokens)) if lower else tokens
    if "-" not in text:
        # Lower-casing ASCII text first finds the same words, lower-cased; only the
        # hyphen rules below (Korut-Rusia) look at capitals.
        return _WORDS_ASCII.findall(text.lower() if lower else text)
    out: list[str] = []
    for token in _WORDS_ASCII.findall(text):
        if "-" in token:
            out.extend(part for part in _split_hyphenated(token) if is_alpha(part))
        else:
            out.append(token)
    return list(map(str.lower, out)) if lower else out


def _tokenize_reference(text: str) -> list[str]:
    """The original one-match-at-a-time tokeniser (tests compare ``tokenize`` with it)."""
    tokens: list[str] = []
    for match in _TOKEN_RE.finditer(normalize_text(text)):
        if match.lastgroup == "word":
            tokens.extend(_split_hyphenated(match.group()))
        else:
            tokens.append(match.group())
    return tokens


_ALPHA_RE = re.compile(rf"{_WORD}(?:-{_WORD})*")


def is_word(token: str) -> bool:
    """True for tokens that count as words: they contain a letter or a digit."""
    return any(ch.isalnum() for ch in token)


def is_alpha(token: str) -> bool:
    """True for tokens made of letters (hyphens and apostrophes allowed inside)."""
    # str.isalpha() implies a match (every letter is in [^\W\d_]); it is the common
    # case and skips the regex.
    return token.isalpha() or bool(_ALPHA_RE.fullmatch(token))
