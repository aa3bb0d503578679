"""helpers.datelines: published dates and datelines, worked by hand."""

from __future__ import annotations

from datetime import datetime

import pytest

from helpers.datelines import parse_published, split_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21 Jun 2024 10:58 wib.", "2024-06-21T10:58:00+07:00"),
        ("Jumat, 21 Juni 2024 | 10.58 WIB", "2024-06-21T10:58:00+07:00"),
        ("3 Agustus 2023 08:15 WITA", "2023-08-03T08:15:00+08:00"),
        ("1 Des 2022 19:00 WIT", "2022-12-01T19:00:00+09:00"),
        ("17 Mei 2021", "2021-05-17T00:00:00+07:00"),
    ],
)
def test_published_dates_are_timezone_aware(text, expected):
    assert parse_published(text) == datetime.fromisoformat(expected)


def test_unparseable_date_is_none():
    assert parse_published("kemarin sore") is None


def test_no_dateline_in_ordinary_sentences():
    assert (
        split_dateline("Presiden Joko Widodo meresmikan jembatan - katanya - kemarin.")[
            0
        ]
        is None
    )


def test_a_dateline_alone_is_not_split_off():
    assert split_dateline("JAKARTA (Pos Kota) –") == (
        None,
        None,
        "JAKARTA (Pos Kota) –",
    )
