"""Indonesian tokenisation and sentence splitting, returning tidy tables.

Why hand-written: NLTK's punkt needs a download (it fails offline) and has no
Indonesian model; spaCy's ``blank("id")`` costs about 300 MB and 3 s per process and
splits sentences on every full stop. The rules below are small, documented, and
tested on hand-made Indonesian snippets (``tests/test_text.py``).

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

Sentence rules
--------------
A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes or
brackets) when followed by white space and an upper-case letter, digit or opening
quote, except:

* after a known abbreviation (``Jl.``, ``No.``, ``dr.``, ``a.n.``, ``dll.``; see
  ``ABBREVIATIONS``) or a single-letter initial (``B. J. Habibie``);
* nothing else: a quotation holding several sentences is split like any other
  text, so ``"Kami siap. Kami kuat," kata dia.`` is two sentences, ``"Kami siap.``
  and ``Kami kuat," kata dia.``. The quotation itself is recorded separately
  (:func:`quotation_spans`, and the ``quoted``, ``quotation`` and ``speaker``
  columns of :func:`sentences_table`), so quoted speech can still be told apart;
* decimals (``33,2`` and ``3.5``) never contain a boundary because a boundary needs
  white space after the stop.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

import pandas as pd

from .errors import require_columns
from .stemming import default_stemmer
from .stopwords import stopword_set

# --- tokens -----------------------------------------------------------------------

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


#: The columns of a token table (``tokens_table``), in order.
TOKEN_COLUMNS = (
    "paragraph_id",
    "sentence_id",
    "token_id",
    "token",
    "lower",
    "stem",
    "is_stopword",
    "is_alpha",
    "is_word",
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
# classes, about twice as fast. ``tests/test_stemming.py`` compares the result with
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


# --- sentences --------------------------------------------------------------------

#: Abbreviations that end with a full stop but do not end a sentence (lower-cased,
#: without the final stop). Indonesian address, title, and list abbreviations.
ABBREVIATIONS = frozenset(
    {
        "a.n",
        "an",
        "bpk",
        "dkk",
        "dll",
        "dr",
        "drs",
        "dra",
        "dsb",
        "dst",
        "h",
        "hj",
        "ibu",
        "ir",
        "jl",
        "jln",
        "kab",
        "kec",
        "kel",
        "kh",
        "m.si",
        "m.sc",
        "no",
        "nn",
        "ny",
        "pt",
        "prof",
        "rp",
        "rt",
        "rw",
        "s.e",
        "s.h",
        "s.pd",
        "s.t",
        "sdr",
        "sdri",
        "st",
        "tgl",
        "tn",
        "u.p",
        "ybs",
        "yth",
        "vs",
        "mr",
        "mrs",
        "kol",
        "let",
        "jend",
        "brig",
        "mayjen",
        "letjen",
        "kompol",
        "aiptu",
        "bripka",
        "hlm",
        "ttg",
        "kpd",
        "dg",
        "sbg",
        "spt",
        "bbrp",
        "tsb",
        "ca",
        "cf",
        "gg",
    }
)

_OPENERS = "\"“‘'(["
_CLOSERS = "\"”’')]"
_BOUNDARY_RE = re.compile(r"([.!?…]+)([\"”’')\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9À-Ý])")


#: Speech verbs that attribute a quotation (``"...," kata Kim``; ``Kim menyatakan, "..."``).
SPEECH_VERBS_AFTER = (
    "kata",
    "ujar",
    "ucap",
    "tutur",
    "jelas",
    "ungkap",
    "tegas",
    "imbuh",
    "tambah",
    "lanjut",
    "papar",
    "terang",
    "pungkas",
    "sebut",
    "tandas",
    "seru",
    "tanya",
    "aku",
)
SPEECH_VERBS_BEFORE = (
    "mengatakan",
    "menyatakan",
    "menjelaskan",
    "menegaskan",
    "mengungkapkan",
    "menuturkan",
    "berkata",
    "menambahkan",
    "menyebut",
    "menyebutkan",
    "bertanya",
    "menjawab",
    "mengaku",
    "menilai",
    "menekankan",
    "mengucapkan",
    "menulis",
)
_NAME = r"((?:[A-Z][\w'’-]*)(?:[ \t]+(?:bin[ \t]+|van[ \t]+|de[ \t]+)?[A-Z][\w'’-]*)*)"
_SPEAKER_AFTER = re.compile(
    rf"^[,.!?…]?\s*(?:{'|'.join(SPEECH_VERBS_AFTER)})(?:nya)?(?:\s+(?:dia|ia|beliau))?(?:\s+{_NAME})?"
)
_SPEAKER_BEFORE = re.compile(
    rf"{_NAME}(?:\s+(?:juga|pun|lalu|kemudian|sempat|telah|sudah|pernah))*\s+(?:{'|'.join(SPEECH_VERBS_BEFORE)})"
    rf"(?:\s+bahwa)?\s*[,:]?\s*$"
)
_SPEAKER_MENURUT = re.compile(rf"(?:^|\s)[Mm]enurut\s+{_NAME}\s*,\s*$")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotations in ``text``, quote marks included.

    Double quotes only (straight ``"`` pairs and curly ``“ ”``); single quotes are
    too often apostrophes or scare quotes. A text whose double quotes are unbalanced
    has no quotation (a stray mark must not turn the rest of the text into one).

    >>> quotation_spans('Kim berkata, "Kami siap. Kami kuat," lalu pergi.')
    [(13, 36)]
    """
    text = normalize_text(text)
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return []
    spans, depth, opened = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and depth == 0):
            if depth == 0:
                opened = i
            depth += 1
        elif ch == "”" or ch == '"':
            depth = max(depth - 1, 0)
            if depth == 0:
                spans.append((opened, i + 1))
    return spans


def quotation_speaker(text: str, span: tuple[int, int]) -> str:
    """Who says the quotation at ``span``, when the text says so; ``""`` otherwise.

    Recognised: ``"...," kata Kim Jong Un`` (a speech verb right after the closing
    quote, then a capitalised name), ``Putin menyatakan, "..."`` and ``Menurut Putin,
    "..."`` (a name before the opening quote). A pronoun (``katanya``, ``kata dia``)
    names nobody, so it gives ``""``.
    """
    start, end = span
    after = _SPEAKER_AFTER.match(text[end : end + 80])
    if after and after.group(1) and after.group(1) not in PRONOUNS:
        return after.group(1).rstrip(".")
    before = text[max(0, start - 120) : start]
    for pattern in (_SPEAKER_BEFORE, _SPEAKER_MENURUT):
        found = pattern.search(before)
        if found and found.group(1) and found.group(1).split()[-1] not in PRONOUNS:
            return found.group(1)
    return ""


#: Capitalised pronouns that stand before a speech verb but name nobody.
PRONOUNS = frozenset(
    {"Ia", "Dia", "Beliau", "Mereka", "Kami", "Kita", "Saya", "Aku", "Anda", "Kamu"}
)


def _ends_with_abbreviation(before: str) -> bool:
    match = re.search(r"(\S+)$", before)
    if not match:
        return False
    original = match.group(1).lstrip(_OPENERS)
    word = original.lower()
    # An all-caps word of three or more letters is an acronym (BPK, KPK), not the
    # abbreviation spelled the same in lower case (Bpk. = Bapak): it can end a sentence.
    if word in ABBREVIATIONS and not (original.isupper() and len(original) >= 3):
        return True
    # Single-letter initials (B. J. Habibie) and dotted abbreviations (a.n., S.H.)
    return bool(
        re.fullmatch(r"[^\W\d_]", word)
        or re.fullmatch(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}", word)
    )


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping quotations and abbreviations intact.

    Returns the sentences in order, stripped of surrounding white space. Text with no
    terminal punctuation is one sentence. See the module docstring for the rules.

    >>> split_sentences('Dr. Andi tiba di Jl. Sudirman No. 5. Ia lalu pulang.')
    ['Dr. Andi tiba di Jl. Sudirman No. 5.', 'Ia lalu pulang.']
    """
    text = normalize_text(text).strip()
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        stop, closers = match.group(1), match.group(2)
        end = match.start(3)  # sentence ends after closing quotes/brackets
        if (
            stop == "."
            and not closers
            and _ends_with_abbreviation(text[start : match.start(1)])
        ):
            continue
        sentences.append(text[start:end].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


# --- tidy tables ------------------------------------------------------------------


def sentences_table(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence, in article order.

    Args:
        paragraphs: a table with ``paragraph_id`` and ``text`` (one row per paragraph).

    Returns:
        A new table with columns ``paragraph_id``, ``sentence_id`` (1..n over the
        whole article, in order), ``text``, ``quoted`` (True when the sentence is
        wholly or partly inside a quotation, :func:`quotation_spans`), ``quotation``
        (the quotation's number, 1..n over the article; 0 when not quoted; the
        sentences of one multi-sentence quotation share it) and ``speaker`` (who says
        it when the text names them, :func:`quotation_speaker`; ``""`` otherwise).
    """
    _require_columns(paragraphs, ["paragraph_id", "text"], "sentences_table")
    rows = []
    n_quotations = 0
    for pid, raw in zip(paragraphs["paragraph_id"], paragraphs["text"]):
        text = normalize_text(str(raw)).strip()
        quotes = [
            (a, b, quotation_speaker(text, (a, b))) for a, b in quotation_spans(text)
        ]
        position = 0
        for sentence in split_sentences(text):
            begin = text.find(sentence, position)
            finish = begin + len(sentence)
            position = finish
            inside = [
                (n_quotations + i + 1, who)
                for i, (a, b, who) in enumerate(quotes)
                if a < finish and b > begin
            ]
            quotation, speaker = inside[0] if inside else (0, "")
            rows.append((pid, sentence, bool(inside), quotation, speaker))
        n_quotations += len(quotes)
    table = pd.DataFrame(
        rows, columns=["paragraph_id", "text", "quoted", "quotation", "speaker"]
    )
    table.insert(1, "sentence_id", range(1, len(table) + 1))
    return table.astype(
        {
            "paragraph_id": "int64",
            "sentence_id": "int64",
            "quoted": "bool",
            "quotation": "int64",
            "speaker": "str",
        }
    )


def tokens_table(sentences: pd.DataFrame, *, stemmer=None) -> pd.DataFrame:
    """One row per token, in text order, with lower-case, stem and flags.

    Args:
        sentences: a table with ``paragraph_id``, ``sentence_id`` and ``text``.
        stemmer: a :class:`helpers.stemming.Stemmer`; the shared default when None.

    Returns:
        A new table with columns ``paragraph_id``, ``sentence_id``, ``token_id``
        (1..n over the article), ``token`` (surface form), ``lower``, ``stem``
        (Sastrawi stem with project overrides; punctuation keeps its form),
        ``is_stopword`` (in the stop-word table), ``is_alpha`` (letters only),
        ``is_word`` (contains a letter or digit; what ``n_words`` counts).
    """
    _require_columns(sentences, ["paragraph_id", "sentence_id", "text"], "tokens_table")
    stemmer = stemmer or default_stemmer()
    rows = [
        (pid, sid, token)
        for pid, sid, text in zip(
            sentences["paragraph_id"], sentences["sentence_id"], sentences["text"]
        )
        for token in tokenize(str(text))
    ]
    table = pd.DataFrame(rows, columns=["paragraph_id", "sentence_id", "token"])
    table.insert(2, "token_id", range(1, len(table) + 1))
    lower = table["token"].str.lower()
    stops = stopword_set()
    table["lower"] = lower
    table["is_alpha"] = table["token"].map(is_alpha).astype(bool)
    table["is_word"] = table["token"].map(is_word).astype(bool)
    stems = stemmer.stem_many(lower[table["is_alpha"]].unique())
    table["stem"] = [stems.get(w, w) for w in lower]
    table["is_stopword"] = lower.isin(stops)
    return table[list(TOKEN_COLUMNS)].astype(
        {"paragraph_id": "int64", "sentence_id": "int64", "token_id": "int64"}
    )


def count_words(text: str) -> int:
    """Number of word tokens (letters or digits) in ``text``."""
    return sum(1 for token in tokenize(text) if is_word(token))


def _require_columns(table: pd.DataFrame, columns: Iterable[str], caller: str) -> None:
    require_columns(
        table, columns, caller=caller, fix="Build it with helpers.paragraphs_table()."
    )
