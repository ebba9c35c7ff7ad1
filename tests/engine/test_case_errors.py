"""Invalid case files: one line naming the file, the field path and what is wrong.

Each problem the engine issue lists is tried through ``il2 review``: exit status
2, the message on standard error, no traceback, and the file left untouched.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from il2tui.caseio import CaseError, parse_case
from il2tui.cli import app
from tests.engine.helpers import case_data

FIELDS = ["patient", "lesions", "baseline", "courses", "first_dose", "format"]

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


HOSTILE_TEXT = [
    (
        '{"format": "il2-case/1", "patient": {"diagnosis": "melanoma", "age": ' + "9" * 5000 + "}}",
        "",
        "too many digits",
    ),
    (
        '{"format": "il2-case/1", "patient": {"diagnosis": "melanoma"}, "lesions": '
        '[{"id": "L1", "site": "x"}], "baseline": {"date": "2024-01-01", '
        '"measurements": {"L1": [1e999999999, 2]}}}',
        "baseline.measurements.L1[0]",
        "1.000000E+999999999",
    ),
]


@pytest.mark.parametrize(
    ("text", "where", "words"), HOSTILE_TEXT, ids=["long int", "huge exponent"]
)
def test_absurd_numbers_are_refused_quickly_in_one_short_line(
    tmp_path: Path, text: str, where: str, words: str
) -> None:
    file = tmp_path / "absurd.json"
    file.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["review", str(file)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{file}: {where}") and words in result.stderr
    assert len(result.stderr) < 300


def test_a_file_that_is_not_utf8_or_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"patient": "Müller"}'.encode("latin-1"))
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["review", str(latin), str(fifo)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{latin}: is not UTF-8 text (byte 14)",
        f"{fifo}: is not a regular file",
    ]


def test_a_first_dose_after_course_1_is_refused(tmp_path: Path) -> None:
    data = _valid()
    data["first_dose"] = "2024-02-01"
    file = tmp_path / "case.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["review", str(file)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{file}: first_dose: 2024-02-01 is after the start of course 1"
    )


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(deadline=None, max_examples=300)
@given(st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=6), st.data())
def test_generated_json_loads_as_a_case_or_raises_case_error(
    fields: dict, data: st.DataObject
) -> None:
    """Whatever the JSON, the loader gives a case or its own error, never anything else."""
    document = {"format": "il2-case/1", **fields}
    if data.draw(st.booleans()):
        document = _valid() | fields
    with contextlib.suppress(CaseError):
        parse_case(json.dumps(document))
