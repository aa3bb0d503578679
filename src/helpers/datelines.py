"""When and where an article was written: its date line and its dateline.

* :func:`parse_published` reads an Indonesian date such as ``21 Jun 2024 10:58 wib.``
  (the value of a ``Tanggal: ...`` line); WIB, WITA and WIT become the Jakarta,
  Makassar and Jayapura time zones.
* :func:`split_dateline` splits the place and agency that open a first paragraph:
  ``JAKARTA (Pos Kota) –``, ``Jakarta, CNN Indonesia --``, ``Merdeka.com -``,
  ``Palu (ANTARA News) -``.

:mod:`helpers.article` uses both and re-exports them.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

#: Indonesian month names and abbreviations -> month number.
MONTHS = {
    "jan": 1,
    "januari": 1,
    "feb": 2,
    "februari": 2,
    "peb": 2,
    "pebruari": 2,
    "mar": 3,
    "maret": 3,
    "apr": 4,
    "april": 4,
    "mei": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agus": 8,
    "agustus": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "nop": 11,
    "november": 11,
    "nopember": 11,
    "des": 12,
    "desember": 12,
    # English forms, common in CMS exports
    "may": 5,
    "aug": 8,
    "oct": 10,
    "dec": 12,
}

#: Indonesian time-zone abbreviations -> IANA zones.
TIME_ZONES = {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura"}

_DATE_RE = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?\s+(?P<year>\d{4})"
    r"(?:[,|\s]+(?:pukul\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.]\d{2})?)?"
    r"(?:\s*(?P<tz>wib|wita|wit)\b)?",
    re.I,
)
_DASH = r"(?:--|[-–—])"
_DATELINE_RES = [
    # JAKARTA (Pos Kota) –   /   Palu (ANTARA News) -
    re.compile(
        rf"^(?P<place>[A-Z][\w.' ]{{1,40}}?)\s*\((?P<agency>[^)]{{2,40}})\)\s*{_DASH}\s*"
    ),
    # Jakarta, CNN Indonesia --   /   JAKARTA, KOMPAS.com -
    re.compile(
        rf"^(?P<place>[A-Z][\w.' ]{{1,40}}?),\s*(?P<agency>[A-Z][\w.' ]{{1,40}}?)\s*{_DASH}\s+"
    ),
    # Merdeka.com -   /   Liputan6.com, Jakarta -
    re.compile(
        rf"^(?P<agency>[A-Z][\w]*\.(?:com|co\.id|id|net|org))(?:,\s*(?P<place>[A-Z][\w ]{{1,40}}?))?\s*{_DASH}\s+"
    ),
]


def parse_published(value: str) -> datetime | None:
    """Parse an Indonesian date such as ``21 Jun 2024 10:58 wib.``.

    Returns a timezone-aware datetime (Asia/Jakarta when no zone is given), or None
    when the text holds no recognisable date.
    """
    match = _DATE_RE.search(value)
    if not match:
        return None
    month = MONTHS.get(match["month"].lower())
    if month is None:
        return None
    zone = ZoneInfo(TIME_ZONES[(match["tz"] or "wib").lower()])
    try:
        return datetime(
            int(match["year"]),
            month,
            int(match["day"]),
            int(match["hour"] or 0),
            int(match["minute"] or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """Split a leading dateline from a paragraph.

    Returns ``(dateline, agency, rest)``; ``dateline`` and ``agency`` are None when the
    paragraph has no dateline.

    >>> split_dateline('Palu (ANTARA News) - Hujan deras turun.')
    ('Palu (ANTARA News)', 'ANTARA News', 'Hujan deras turun.')
    """
    for pattern in _DATELINE_RES:
        match = pattern.match(paragraph)
        if match and match.end() < len(paragraph):
            dateline = paragraph[: match.end()].strip().rstrip("-–— ").strip()
            return (
                dateline,
                (match.group("agency") or "").strip() or None,
                paragraph[match.end() :].strip(),
            )
    return None, None, paragraph
