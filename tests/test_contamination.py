"""helpers.contamination: exact and near duplicates of held-out texts, worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import contamination


def test_duplicate_key():
    assert (
        contamination.duplicate_key("  Makanannya ENAK,   sekali!! ")
        == "makanannya enak sekali"
    )


def test_decontamination_removes_known_duplicates():
    reference = pd.DataFrame(
        {
            "text": [
                "Makanannya enak sekali, pelayanannya ramah!",
                "Presiden meresmikan jembatan baru di Kupang.",
            ]
        }
    )
    train = pd.DataFrame(
        {
            "text": [
                "makanannya enak sekali pelayanannya ramah",  # exact after normalising
                "makanan nya enak sekali , pelayanan nya ramah .",  # SmSA tokenisation of the same text
                "presiden meresmikan jembatan baru di kupang kemarin sore .",  # edited copy
                "hotel ini kotor dan kamarnya bau rokok .",  # unrelated
            ],
            "label": ["positive", "positive", "neutral", "negative"],
        }
    )
    flagged = contamination.decontaminate(train, reference)
    assert flagged["reason"].tolist() == ["exact", "near", "near", ""]
    assert flagged["is_contaminated"].tolist() == [True, True, True, False]
    assert train.columns.tolist() == ["text", "label"]  # input not modified
    # At threshold 1.0 only texts identical up to tokenisation (clitic -nya) remain "near".
    assert contamination.decontaminate(train, reference, threshold=1.0)[
        "reason"
    ].tolist() == ["exact", "near", "", ""]


def test_decontamination_rejects_a_bad_threshold():
    frame = pd.DataFrame({"text": ["a"]})
    with pytest.raises(ValueError, match="threshold"):
        contamination.decontaminate(frame, frame, threshold=0)
