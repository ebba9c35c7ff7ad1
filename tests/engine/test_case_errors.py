"""Invalid case files: one line naming the file, the field path and what is wrong.

Each problem the engine issue lists is tried through ``il2 review``: exit status
2, the message on standard error, no traceback, and the file left untouched.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from il2tui.cli import app
from tests.engine.helpers import case_data

runner = CliRunner()


def _valid() -> dict[str, Any]:
    return case_data({"L1": [20, 20], "L2": [10, 10]}, [[{"L1": [10, 10], "L2": [5, 5]}], []])


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


CASES = [
    ("wrong format", _set(["format"], "il2-case/2"), "format", "il2-case/1"),
    (
        "unknown diagnosis",
        _set(["patient", "diagnosis"], "breast"),
        "patient.diagnosis",
        "only metastatic melanoma",
    ),
    (
        "unknown lesion",
        _set(["courses", 0, "assessments", 0, "measurements", "L9"], [1, 1]),
        "courses[0].assessments[0].measurements.L9",
        "not one of the baseline lesions",
    ),
    ("duplicate lesion id", _set(["lesions", 1, "id"], "L1"), "lesions[1].id", "used twice"),
    (
        "negative diameter",
        _set(["baseline", "measurements", "L2"], [-1, 10]),
        "baseline.measurements.L2[0]",
        "negative",
    ),
    (
        "implausibly large",
        _set(["courses", 0, "assessments", 0, "measurements", "L2"], [5, 4000]),
        "courses[0].assessments[0].measurements.L2[1]",
        "implausibly large",
    ),
    (
        "text diameter",
        _set(["baseline", "measurements", "L1"], [20, "20"]),
        "baseline.measurements.L1[1]",
        "not text",
    ),
    (
        "baseline not measurable",
        _set(["baseline", "measurements", "L1"], [0, 0]),
        "baseline.measurements.L1",
        "measurable",
    ),
    (
        "one diameter zero",
        _set(["baseline", "measurements", "L1"], [0, 5]),
        "baseline.measurements.L1",
        "both diameters",
    ),
    (
        "no lesion at all",
        lambda d: d.update(lesions=[], baseline={"date": "2024-01-01", "measurements": {}}),
        "lesions",
        "no lesion",
    ),
    (
        "assessment before its course",
        _set(["courses", 0, "assessments", 0, "date"], "2024-01-02"),
        "courses[0].assessments[0].date",
        "not after",
    ),
    ("course numbers skip", _set(["courses", 1, "number"], 3), "courses[1].number", "expected 2"),
    ("date as a number", _set(["courses", 0, "start"], 20240108), "courses[0].start", "YYYY-MM-DD"),
    ("unknown field", _set(["patient", "name"], "Jane Doe"), "patient.name", "not a field"),
    (
        "too many decimals",
        _set(["baseline", "measurements", "L1"], [20.00001, 20]),
        "baseline.measurements.L1[0]",
        "decimal places",
    ),
]


@pytest.mark.parametrize(("name", "edit", "path", "words"), CASES, ids=[c[0] for c in CASES])
def test_invalid_case_exits_2_with_the_field_path(
    tmp_path: Path, name: str, edit: Callable[[dict[str, Any]], None], path: str, words: str
) -> None:
    data = _valid()
    edit(data)
    file = tmp_path / "case.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    before = file.read_bytes()
    result = runner.invoke(app, ["review", str(file)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{file}: {path}: "), lines[0]
    assert words in lines[0]
    assert file.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("{not json", "line 1, column 2", "not valid JSON"),
        ('{"format": "il2-case/1", "x": NaN}', "x", "NaN"),
        ('{"format": "il2-case/1", "format": "il2-case/1"}', "", "appears twice"),
        ("[1, 2]", "", "one JSON object"),
    ],
)
def test_text_that_is_not_a_case_exits_2(tmp_path: Path, text: str, where: str, words: str) -> None:
    file = tmp_path / "bad.json"
    file.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["review", str(file)])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith(f"{file}: {where}" if where else f"{file}: "), line
    assert words in line and "Traceback" not in result.output


def test_a_bad_file_among_good_ones_is_named_and_the_rest_reviewed(tmp_path: Path) -> None:
    good = tmp_path / "a.json"
    good.write_text(json.dumps(_valid()), encoding="utf-8")
    bad = tmp_path / "b.json"
    bad.write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["review", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and str(good) not in result.stderr
    assert result.stdout.count(str(good)) == 2  # one row per course of the good case


def test_a_control_character_in_a_bad_value_is_escaped_in_the_message(tmp_path: Path) -> None:
    data = _valid()
    data["patient"]["diagnosis"] = "\x1b[2Jmelanoma"
    file = tmp_path / "case.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["review", str(file)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\\x1b" in result.stderr
