"""Text rules applied before and around the model: negation, "not only", contrast
clauses and the news-tone lexicon. No fitted model is needed here.

Negation (``tidak``, ``bukan``, ``tanpa`` ...)
    Tokens after a negator, up to ``NEGATION_SCOPE`` words or the next punctuation mark,
    get a ``neg_`` prefix before the word n-grams are built (Das & Chen 2001; Pang, Lee &
    Vaithyanathan 2002), so ``tidak enak`` and ``enak`` are different features.
    ``tidak hanya`` / ``bukan hanya`` ("not only ... but also") is additive, not negation.

Contrast and concession (``namun``, ``tetapi``, ``meskipun`` ...)
    A sentence is cut into clauses at contrast markers. The clause after ``namun`` /
    ``tetapi`` / ``tapi`` / ``melainkan`` and the main clause next to a ``meskipun`` /
    ``walaupun`` clause are the *nucleus*; the other clause is the *satellite*
    (Rhetorical Structure Theory; Polanyi & Zaenen 2006, "Contextual valence shifters").
    The nucleus weighs ``CONTRAST_WEIGHT`` times the satellite.

Numbers
    Every number (``4.500``, ``2024``, ``3,5``) becomes one placeholder token,
    ``NUMBER_TOKEN``, before features are built. Without it the tokeniser splits
    ``4.500`` into ``4`` and ``500``, and those fragments pick up tone weights from
    reviews (prices, ratings) that mean nothing in news.

News lexicon
    ``helpers/data/news_tone_lexicon.csv``: news-tone words (concern, criticism, conflict,
    disaster, casualties, crime, loss / achievement, praise, recovery, help, growth) with
    their affixed forms. Every row names its ``source``: the section of the project's
    annotation guideline (``docs/annotation-guideline.md``) that lists the word as a
    signal of that tone. No entry comes from the seed article. Whether the lexicon is
    used, and with what weight, is decided on the news dev split (notebook 04).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import numpy as np
import pandas as pd

from . import masking

#: Words that negate what follows (standard and colloquial spellings).
NEGATORS = frozenset(
    {
        "tidak",
        "tak",
        "bukan",
        "tanpa",
        "belum",
        "jangan",
        "enggak",
        "nggak",
        "gak",
        "ga",
        "engga",
        "ndak",
        "kagak",
        "gk",
        "tdk",
    }
)
#: A negator followed by one of these is "not only" (additive), not negation.
NOT_ONLY = frozenset({"hanya", "saja", "cuma", "sekadar", "sekedar", "semata"})
#: How many tokens after a negator are marked (stops earlier at punctuation).
NEGATION_SCOPE = 3
#: Clause after these is the nucleus (contrast): "A, namun B" -> B counts more.
CONTRAST_MARKERS = ("akan tetapi", "namun", "tetapi", "tapi", "melainkan")
#: The clause these introduce is the satellite (concession): "meskipun A, B" -> B counts more.
CONCESSION_MARKERS = ("meskipun", "walaupun", "meski", "walau", "kendati", "biarpun")
#: Weight of the nucleus clause relative to the satellite (1 switches contrast off).
CONTRAST_WEIGHT = 2.0
#: Log-odds added to a clause's class per news-lexicon hit (0 switches the lexicon off).
#: Chosen on the news dev split (helpers/data/news_model_selection.csv): 0, 1.5, 3 and 5 were measured.
LEXICON_WEIGHT = 5.0

#: Placeholder every number is replaced with before featurisation (one token).
NUMBER_TOKEN = "_num_"

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
#: A number: digits with optional thousands/decimal separators ("4.500", "3,5"), not part of a word.
NUMBER_RE = re.compile(r"(?<![\w.,])\d++(?:[.,]\d+)*+(?!\w)")
_MARKERS_RE = re.compile(
    r"\b(?P<marker>"
    + "|".join(m.replace(" ", r"\s+") for m in CONTRAST_MARKERS + CONCESSION_MARKERS)
    + r")\b",
    re.IGNORECASE,
)
_NOT_ONLY_RE = re.compile(
    r"\b(?:tidak|tak|bukan)\s+(?:" + "|".join(sorted(NOT_ONLY)) + r")\b", re.IGNORECASE
)
# ", namun juga" / "tetapi juga" / "melainkan juga": the "but also" half of "not only".
_BUT_ALSO_RE = re.compile(
    r"\s*(?P<comma>,?)\s*\b(?:akan\s+tetapi|namun|tetapi|tapi|melainkan)\s+juga\b",
    re.IGNORECASE,
)
_ONLY_PARTICLE_RE = re.compile(r"\s+\b(?:saja|semata(?:-mata)?)\b", re.IGNORECASE)
_ONE_WORD_CONTRAST = frozenset(m for m in CONTRAST_MARKERS if " " not in m)
_MARKER_STEMS = ("namun", "tapi", "melainkan", "meski", "walau", "kendati", "biarpun")


@lru_cache(maxsize=32768)
def lower_tokens(text: str) -> tuple[str, ...]:
    """Lower-case tokens of ``text`` (cached: negation marking, character n-grams and the
    lexicon all tokenise the same clause)."""
    return tuple(TOKEN_RE.findall(text.lower()))


def _is_punctuation(token: str) -> bool:
    return not token[0].isalnum() and token[0] != "_"


def mark_negation(text: str) -> str:
    """Lower-case ``text`` and prefix ``neg_`` to the words a negator governs.

    >>> mark_negation("Makanannya tidak enak, tapi murah.")
    'makanannya tidak neg_enak , tapi murah .'
    """
    tokens = lower_tokens(str(text))
    if NEGATORS.isdisjoint(tokens):  # fast path: most sentences have no negator
        return " ".join(tokens)
    out: list[str] = []
    remaining = 0
    for i, token in enumerate(tokens):
        if token in NEGATORS:
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            remaining = 0 if following in NOT_ONLY else NEGATION_SCOPE
        elif (
            remaining and not _is_punctuation(token) and token not in _ONE_WORD_CONTRAST
        ):
            token, remaining = "neg_" + token, remaining - 1
        else:
            remaining = 0
        out.append(token)
    return " ".join(out)


def mask_numbers(text: str) -> str:
    """Replace every number with ``NUMBER_TOKEN`` (one token, whatever its digits).

    >>> mask_numbers("Sebanyak 4.500 tentara, 3,5 persen, pada 2024.")
    'Sebanyak _num_ tentara, _num_ persen, pada _num_.'
    """
    return NUMBER_RE.sub(NUMBER_TOKEN, str(text))


def rewrite_not_only(text: str) -> str:
    """Rewrite additive "not only A (saja), (namun|tetapi|melainkan) juga B" as "selain A, juga B".

    Every piece of the construction reads as a complaint to a review-trained model: the
    ``tidak`` (negation), the ``saja`` of "hanya ... saja" ("only", as in "cuma enak
    saja") and the contrast word before ``juga`` ("enak tapi mahal"). The paraphrase
    keeps the meaning and drops all three. "Tidak hanya itu, ..." without a ``juga``
    clause becomes "Selain itu, ...". Case of the first letter is kept.

    >>> rewrite_not_only("Tidak hanya politik saja yang meningkat, namun juga ekonomi.")
    'Selain politik yang meningkat, juga ekonomi.'
    >>> rewrite_not_only("Ia bukan hanya pemain, tetapi juga pelatih.")
    'Ia selain pemain, juga pelatih.'
    """
    text = str(text)
    out, position = [], 0
    for m in _NOT_ONLY_RE.finditer(text):
        if m.start() < position:
            continue
        out.append(text[position : m.start()])
        out.append("Selain" if m.group(0)[0].isupper() else "selain")
        position = m.end()
        also = _BUT_ALSO_RE.search(text, position)
        if also is not None and not re.search(r"[.!?;]", text[position : also.start()]):
            # Drop "saja"/"semata" inside A and the contrast word before "juga".
            out.append(_ONLY_PARTICLE_RE.sub("", text[position : also.start()]))
            out.append(also.group("comma") + " juga")
            position = also.end()
    out.append(text[position:])
    return "".join(out)


def prepare_text(text: str, *, mask_entities: bool = False) -> str:
    """The text the model's features are built from.

    Three rewrites, applied to training and scored text alike:

    1. additive "not only ... but also" becomes its paraphrase (:func:`rewrite_not_only`);
    2. named entities become one placeholder token when ``mask_entities``
       (:func:`helpers.sentiment.masking.mask_entities`), so a name carries no tone;
    3. every number becomes ``NUMBER_TOKEN`` (see the module docstring).

    >>> prepare_text("Tidak hanya itu, kerja sama juga meningkat 4.500 kali.")
    'Selain itu, kerja sama juga meningkat _num_ kali.'
    """
    text = rewrite_not_only(text)
    if mask_entities:
        text = masking.mask_entities(text)
    return mask_numbers(text)


@lru_cache(maxsize=1 << 17)
def _prepared(text: str, mask_entities: bool) -> str:
    return prepare_text(text, mask_entities=mask_entities)


def prepare_texts(texts, *, mask_entities: bool = False) -> list[str]:
    """:func:`prepare_text` over a sequence (the pipeline's first step; memoised, because
    training transforms the same texts more than once)."""
    return [_prepared(str(t), mask_entities) for t in texts]


# --- news-domain tone lexicon -------------------------------------------------------


def news_lexicon() -> pd.DataFrame:
    """The news-tone term list (``tone``, ``category``, ``pattern``, ``example``, ``source``, ``reason``).

    Source: the signal words of the project's annotation guideline
    (``docs/annotation-guideline.md`` §3), with their common affixed forms spelled out
    (no stemmer, so matching is exact and fast); ``source`` names the section of each
    row. ``tone`` is ``negative`` or ``positive``; ``none`` would be a blocker (a
    phrase that matches so a shorter toned form inside it does not). Not a validated
    lexicon: its effect is measured on the news dev split.
    """
    with (
        files("helpers.data")
        .joinpath("news_tone_lexicon.csv")
        .open(encoding="utf-8") as handle
    ):
        return pd.read_csv(handle)


@lru_cache(maxsize=1)
def _lexicon_lookup() -> dict[tuple[str, ...], tuple[str, str]]:
    """Word sequence (lower-case tokens) -> (tone, category)."""
    lookup = {}
    for tone, category, pattern in news_lexicon()[
        ["tone", "category", "pattern"]
    ].itertuples(index=False):
        for form in pattern.split("|"):
            words = tuple(TOKEN_RE.findall(form.strip().lower()))
            if words:
                lookup[words] = (tone, category)
    return lookup


@lru_cache(maxsize=1)
def _lexicon_first_words() -> frozenset[str]:
    return frozenset(key[0] for key in _lexicon_lookup())


@lru_cache(maxsize=1)
def _lexicon_lengths() -> tuple[int, ...]:
    """Form lengths in tokens, longest first (longer forms win)."""
    return tuple(sorted({len(key) for key in _lexicon_lookup()}, reverse=True))


def lexicon_hits(text: str) -> list[tuple[str, str, str]]:
    """Toned news-lexicon matches in ``text`` that are not negated, in text order.

    Returns ``(form, tone, category)`` tuples; ``form`` is the matched words, lower-cased.
    Longer forms win (``bekerja sama`` before ``sama``); a blocker row (tone ``none``),
    if the table has one, matches and is then left out, so the toned form inside it does
    not count. A negated hit (``tidak khawatir``) is dropped: "not worried" is not
    praise, so it is neutralised, not flipped.

    >>> lexicon_hits("Kim memuji Rusia, tetapi AS tidak khawatir.")
    [('memuji', 'positive', 'praise')]
    >>> lexicon_hits("Kerja sama kedua negara tidak gagal.")
    [('kerja sama', 'positive', 'help and cooperation')]
    """
    lookup, first_words, lengths = (
        _lexicon_lookup(),
        _lexicon_first_words(),
        _lexicon_lengths(),
    )
    tokens = lower_tokens(str(text))
    hits, next_free = [], 0
    for i in (i for i, token in enumerate(tokens) if token in first_words):
        match = next(
            (key for key in (tokens[i : i + n] for n in lengths) if key in lookup), None
        )
        if i < next_free or match is None:
            continue  # inside a longer form already matched, or no form starts here
        next_free = i + len(match)
        if lookup[match][0] != "none" and not _is_negated(tokens, i):
            hits.append((" ".join(match), *lookup[match]))
    return hits


def _is_negated(tokens, i: int) -> bool:
    """True when a negator governs ``tokens[i]`` (within the scope, no punctuation between)."""
    for j in range(i - 1, max(-1, i - 1 - NEGATION_SCOPE), -1):
        if _is_punctuation(tokens[j]):
            return False
        if tokens[j] in NEGATORS:
            return not (j + 1 < len(tokens) and tokens[j + 1] in NOT_ONLY)
    return False


# --- contrast and concession --------------------------------------------------------


def may_have_marker(text: str) -> bool:
    """Cheap substring pre-check before the marker regex (most sentences have none)."""
    lower = text.lower()
    return (
        any(stem in lower for stem in _MARKER_STEMS)
        and _MARKERS_RE.search(text) is not None
    )


def _cuts(text: str) -> list[tuple[int, str]]:
    """(position, ``contrast`` / ``concession``) of every marker that opens a clause."""
    additive = _NOT_ONLY_RE.search(text) is not None
    cuts = []
    for m in _MARKERS_RE.finditer(text):
        marker = re.sub(r"\s+", " ", m.group("marker").lower())
        if marker in CONCESSION_MARKERS:
            cuts.append((m.start(), "concession"))
        elif m.start() > 0 and not (
            additive and text[m.end() : m.end() + 6].strip().lower().startswith("juga")
        ):
            cuts.append(
                (m.start(), "contrast")
            )  # "tidak hanya A, tetapi juga B" is additive: no cut
    return cuts


def _concession_end(text: str, start: int, cuts) -> int:
    """A concessive clause runs to the next comma, the next cut, or the end."""
    comma = text.find(",", start)
    ends = [
        e
        for e in [comma + 1 if comma >= 0 else None, *(s for s, _ in cuts if s > start)]
        if e
    ]
    end = min(ends or [len(text)])
    return end if end > start else len(text)


def _clause_roles(text: str, cuts) -> list[tuple[str, str]]:
    """(clause, role) pieces: role ``n`` nucleus, ``s`` satellite."""
    pieces, position = [], 0
    for start, kind in cuts:
        before = text[position:start].strip()
        if start > position and before:
            pieces.append((before, "s" if kind == "contrast" else "n"))
        position = start
        if kind == "concession":
            position = _concession_end(text, start, cuts)
            pieces.append((text[start:position].strip(), "s"))
    pieces.append((text[position:].strip(), "n"))
    return [(p, r) for p, r in pieces if re.search(r"\w", p)]


def split_clauses(
    sentence: str, *, weight: float = CONTRAST_WEIGHT
) -> list[tuple[str, float]]:
    """Cut a sentence at contrast/concession markers; return ``(clause, weight)`` pairs.

    Weights sum to 1; the nucleus gets ``weight`` times the satellite's share. A sentence
    without markers (or ``weight == 1``) is one clause with weight 1.

    >>> [(c, round(w, 3)) for c, w in split_clauses("Tempatnya bagus, tetapi makanannya mahal.")]
    [('Tempatnya bagus,', 0.333), ('tetapi makanannya mahal.', 0.667)]
    """
    text = str(sentence).strip()
    cuts = _cuts(text) if weight != 1 else []
    pieces = _clause_roles(text, cuts) if cuts else []
    if len({role for _, role in pieces}) < 2:
        return [(text, 1.0)]
    raw = np.array([weight if role == "n" else 1.0 for _, role in pieces])
    return [(piece, float(share)) for (piece, _), share in zip(pieces, raw / raw.sum())]
