"""helpers.progress: steps reach the terminal relay or a logger, never stdout/stderr."""

from __future__ import annotations

import logging

from helpers.progress import PROGRESS_FILE_ENV, Progress


def test_steps_are_appended_to_the_relay_file_under_make_report(
    tmp_path, monkeypatch, capsys
):
    relay = tmp_path / "progress.log"
    monkeypatch.setenv(PROGRESS_FILE_ENV, str(relay))
    with Progress(3, "Training") as bar:
        bar.show("loading")
        bar.step("fitting")
        bar.step("saving")
    assert relay.read_text(encoding="utf-8").splitlines() == [
        "Training: step 0/3 (loading)",
        "Training: step 1/3 (fitting)",
        "Training: step 2/3 (saving)",
    ]
    assert capsys.readouterr() == ("", "")


def test_steps_go_to_the_logger_outside_a_kernel_and_never_count_past_total(
    monkeypatch, caplog
):
    monkeypatch.delenv(PROGRESS_FILE_ENV, raising=False)
    with caplog.at_level(logging.INFO, logger="helpers.progress"):
        bar = Progress(1, "Work")
        bar.step("a")
        bar.step("b")
    assert [r.getMessage() for r in caplog.records] == [
        "Work: step 1/1 (a)",
        "Work: step 1/1 (b)",
    ]


def test_a_disabled_bar_shows_nothing(tmp_path, monkeypatch):
    relay = tmp_path / "progress.log"
    monkeypatch.setenv(PROGRESS_FILE_ENV, str(relay))
    Progress(2, "Quiet", enabled=False).step("x")
    assert not relay.exists()
