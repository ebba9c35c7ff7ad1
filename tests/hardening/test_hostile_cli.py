"""Hostile text through ``il2 review``: what reaches the terminal, in output and errors.

The case file carries the text in every free-text field and in its own name;
whatever the format, standard output and standard error hold no character that
acts on a terminal, and the file name is shown as given (escapes made visible).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from il2tui.case.files import dump_case
from il2tui.cli.main import app
from il2tui.core.textsafe import plain
from tests.hardening.hostile import refusal, runner, valid
from tests.hardening.hostile_text import FIXED, case_with, markdown_source, shown_in_terminal

FORMATS = ["text", "markdown", "json", "csv"]
#: A file name no valid UTF-8 decodes: C1 CSI, ESC, a lone 0xff.
RAW_NAME = os.fsdecode(b"\x9b31m\x1b[2J\xff.json")


def _file_name(text: str) -> str:
    """``text`` as a file name: no slash or NUL, short enough for any file system."""
    return text.replace("/", "_").replace("\0", "_")[:40] + ".json"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", FIXED)
def test_a_case_full_of_hostile_text_reviews_cleanly(tmp_path: Path, name: str, fmt: str) -> None:
    text = FIXED[name]
    path = tmp_path / _file_name(text)
    path.write_text(dump_case(case_with(text, past_limits=False)), encoding="utf-8")
    result = runner.invoke(app, ["review", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    shown_in_terminal(result.stdout)
    assert _source_shown(result.stdout, fmt) == _expected(str(path), fmt)


def _source_shown(output: str, fmt: str) -> str:
    """The file name as a reader of each format gets it back."""
    if fmt == "json":
        return json.loads(output)["source"]
    if fmt == "csv":
        return next(csv.DictReader(io.StringIO(output)))["source"]
    first = markdown_source(output) if fmt == "markdown" else output
    return first.splitlines()[0].removeprefix("# ").removeprefix("Review of ")


def _expected(name: str, fmt: str) -> str:
    """The path as typed in JSON, with escapes shown elsewhere; it starts with "/", so the
    CSV cell needs no formula quote (the quote is tested in test_csv_formulas.py)."""
    assert name.startswith("/")
    return name if fmt == "json" else plain(name)


@pytest.mark.parametrize("name", FIXED)
def test_hostile_text_in_a_bad_field_gives_one_clean_line(tmp_path: Path, name: str) -> None:
    """The value and the key are named in the message without acting on the terminal."""
    text = FIXED[name]
    data = valid()
    data["courses"][0]["assessments"][0]["measurements"][text] = [1, 1]
    path = tmp_path / _file_name(text)
    path.write_text(json.dumps(data), encoding="utf-8")
    line = refusal(path)
    shown_in_terminal(line)
    assert line.startswith(f"{plain(str(path))}: courses[0].assessments[0].measurements")

    data = valid()
    data["patient"]["diagnosis"] = text
    path.write_text(json.dumps(data), encoding="utf-8")
    line = refusal(path)
    shown_in_terminal(line)
    assert line.startswith(f"{plain(str(path))}: patient.diagnosis: ")


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / RAW_NAME
    path.write_text(json.dumps(valid()), encoding="utf-8")
    for fmt in FORMATS:
        result = runner.invoke(app, ["review", str(path), "--format", fmt])
        assert result.exit_code == 0, result.output
        shown_in_terminal(result.stdout)
    missing = tmp_path / ("gone" + RAW_NAME)
    line = refusal(missing)
    shown_in_terminal(line)
    assert line == f"{tmp_path}/gone\\udc9b31m\\x1b[2J\\udcff.json: no such file"


def test_a_clinic_guideline_with_a_hostile_name_is_named_cleanly(tmp_path: Path) -> None:
    path = tmp_path / _file_name(FIXED["OSC 52 clipboard"])
    result = runner.invoke(app, ["review", "--demo", "--guideline", str(path)])
    assert result.exit_code == 2
    shown_in_terminal(result.stderr)
    assert result.stderr.startswith(plain(str(path)))
