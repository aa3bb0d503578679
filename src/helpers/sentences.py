"""Indonesian sentence splitting, and the quotations inside a paragraph.

Why hand-written: NLTK's punkt needs a download (it fails offline) and has no
Indonesian model; spaCy's ``blank("id")`` splits sentences on every full stop. The
rules below are small, documented, and tested on hand-made Indonesian snippets
(``tests/test_sentences.py``). :mod:`helpers.text` re-exports every public name.

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
  columns of :func:`helpers.text.sentences_table`), so quoted speech can still be
  told apart;
* decimals (``33,2`` and ``3.5``) never contain a boundary because a boundary needs
  white space after the stop.
"""

from __future__ import annotations

import re

from .tokens import normalize_text

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
