"""Hostile case files: each one refused in one line naming the file and the field.

The table follows the issue's list (truncated JSON, a wrong or future format,
wrong types, unknown and duplicate lesion ids, negative, zero, NaN, infinite and
absurd diameters, dates out of order, non-consecutive courses, a 50 MB file, a
file that is not UTF-8, a folder, a FIFO) plus what a colleague's export or an
attacker could add. Each row goes through ``il2 review`` (see
:func:`tests.hardening.hostile.review_refuses`).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from il2tui.cli.main import app
from tests.hardening.hostile import (
    Maker,
    edited,
    fingerprint,
    names,
    put,
    raw,
    refusal,
    removed,
    review_refuses,
    runner,
    swapped,
    text,
    valid,
)

ASSESSED = ["courses", 0, "assessments", 0, "measurements"]
BASE = ["baseline", "measurements"]
VALID_TEXT = json.dumps(valid())


def _folder(folder: Path) -> Path:
    path = folder / "case.json"
    path.mkdir()
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "case.json"
    os.mkfifo(path)
    return path


def _fifty_megabytes(folder: Path) -> Path:
    """A valid case followed by 50 MB of spaces (sparse on disk: the size is what counts)."""
    path = text(VALID_TEXT)(folder)
    with path.open("r+b") as handle:
        handle.truncate(50 * 1024 * 1024)
    return path


def _symlink_to_device(folder: Path) -> Path:
    path = folder / "case.json"
    path.symlink_to("/dev/zero")
    return path


HOSTILE: dict[str, tuple[Maker, str, str]] = {
    # Not JSON, or not one object
    "truncated JSON": (
        text(VALID_TEXT[: VALID_TEXT.index('"baseline"')]),
        "line 1, column 145",
        "not valid JSON",
    ),
    "empty file": (text(""), "line 1, column 1", "not valid JSON"),
    "a JSON list": (text("[1, 2]"), "", "one JSON object"),
    "the same key twice": (text('{"format": "il2-case/1", "format": "x"}'), "", "twice"),
    "nested 100,000 deep": (text("[" * 100_000 + "]" * 100_000), "", "nested too deeply"),
    "a 5,000-digit integer": (
        swapped('"renal_cell"', '"renal_cell", "age": ' + "9" * 5000),
        "",
        "too many digits",
    ),
    # The format
    "no format": (removed(["format"]), "format", "missing"),
    "an older format": (put(["format"], "il2-case/0"), "format", "reads il2-case/1"),
    "a future format": (put(["format"], "il2-case/2"), "format", "reads il2-case/1"),
    "format as a number": (put(["format"], 1), "format", "not a format"),
    # Wrong types
    "patient as a list": (put(["patient"], []), "patient", "valid dictionary"),
    "lesions as an object": (put(["lesions"], {}), "lesions", "valid tuple"),
    "a lesion as text": (put(["lesions", 0], "L1"), "lesions[0]", "found 'L1'"),
    "a 10,000-character lesion key": (
        put([*ASSESSED, "L" * 10_000], [1, 1]),
        'courses[0].assessments[0].measurements["' + "L" * 40 + '..."]',
        "is not one of the baseline lesions",
    ),
    "age as text": (put(["patient", "age"], "sixty"), "patient.age", "integer"),
    "diameter as text": (put([*BASE, "L1"], [20, "20"]), "baseline.measurements.L1[1]", "text"),
    "diameter as true": (put([*BASE, "L1"], [True, 20]), "baseline.measurements.L1[0]", "true"),
    "course number as text": (put(["courses", 0, "number"], "1"), "courses[0].number", "integer"),
    "course number 1.0": (put(["courses", 0, "number"], 1.0), "courses[0].number", "integer"),
    "declined as yes": (
        put(["courses", 0, "declined_further"], "yes"),
        "courses[0].declined_further",
        "boolean",
    ),
    "date as a number": (put(["courses", 0, "start"], 20240108), "courses[0].start", "YYYY"),
    "date as a timestamp": (
        put(["courses", 0, "start"], "2024-01-08T10:00:00"),
        "courses[0].start",
        "YYYY-MM-DD",
    ),
    "three diameters": (put([*BASE, "L1"], [1, 2, 3]), "baseline.measurements.L1", "at most 2"),
    "an unknown field": (
        put(["patient", "name"], "Jane Doe"),
        "patient.name",
        "is not a field of il2-case/1 (a typo?)",
    ),
    "unknown diagnosis": (
        put(["patient", "diagnosis"], "breast"),
        "patient.diagnosis",
        "only metastatic melanoma",
    ),
    # Lesion ids
    "unknown lesion assessed": (
        put([*ASSESSED, "L9"], [1, 1]),
        "courses[0].assessments[0].measurements.L9",
        "not one of the baseline lesions",
    ),
    "unknown lesion at baseline": (
        put([*BASE, "L9"], [1, 1]),
        "baseline.measurements.L9",
        "not one of the lesions",
    ),
    "a lesion without baseline": (
        edited(lambda d: d["lesions"].append({"id": "L3", "site": "x"})),
        "lesions[2]",
        "no baseline measurement",
    ),
    "duplicate lesion id": (put(["lesions", 1, "id"], "L1"), "lesions[1].id", "used twice"),
    "an id with a dot": (
        put([*ASSESSED, "L1.x"], [1, 1]),
        'courses[0].assessments[0].measurements["L1.x"]',
        "not one of",
    ),
    "no lesion at all": (
        edited(lambda d: d.update(lesions=[], baseline={"date": "2024-01-01", "measurements": {}})),
        "lesions",
        "no lesion",
    ),
    # Diameters
    "negative": (put([*BASE, "L2"], [-1, 10]), "baseline.measurements.L2[0]", "negative"),
    "zero at baseline": (put([*BASE, "L1"], [0, 0]), "baseline.measurements.L1", "measurable"),
    "one of two zero": (
        put([*ASSESSED, "L1"], [0, 3]),
        "courses[0].assessments[0].measurements.L1",
        "both diameters",
    ),
    "minus zero and three": (
        put([*ASSESSED, "L1"], [-0.0, 3]),
        "courses[0].assessments[0].measurements.L1",
        "found [-0.0, 3]",
    ),
    "NaN": (
        swapped("[20, 20]", "[NaN, 20]"),
        "baseline.measurements.L1[0]",
        "NaN and Infinity",
    ),
    "Infinity": (
        swapped("[5, 5]", "[5, Infinity]"),
        "courses[0].assessments[0].measurements.L2[1]",
        "NaN and Infinity",
    ),
    "-Infinity": (
        swapped("[10, 10]", "[-Infinity, 10]"),
        "baseline.measurements.L2[0]",
        "NaN and Infinity",
    ),
    "4,000 mm": (
        put([*ASSESSED, "L2"], [5, 4000]),
        "courses[0].assessments[0].measurements.L2[1]",
        "implausibly large",
    ),
    "1e300 mm": (put([*BASE, "L1"], [1e300, 2]), "baseline.measurements.L1[0]", "1.000000E+300"),
    "1e999999999 mm": (
        swapped("[20, 20]", "[1e999999999, 20]"),
        "baseline.measurements.L1[0]",
        "implausibly large",
    ),
    "5 decimal places": (
        put([*BASE, "L1"], [20.00001, 20]),
        "baseline.measurements.L1[0]",
        "decimal places",
    ),
    "a new lesion of 1e9 mm": (
        put(
            ["courses", 0, "assessments", 0, "new_lesions"], [{"site": "x", "diameters": [1e9, 1]}]
        ),
        "courses[0].assessments[0].new_lesions[0].diameters[0]",
        "implausibly large",
    ),
    # Dates
    "no such day": (put(["courses", 0, "start"], "2024-02-30"), "courses[0].start", "day"),
    "assessment before its course": (
        put(["courses", 0, "assessments", 0, "date"], "2024-01-02"),
        "courses[0].assessments[0].date",
        "not after",
    ),
    "course 2 before course 1's assessment": (
        put(["courses", 1, "start"], "2024-01-20"),
        "courses[1].start",
        "before assessment 1 after course 1",
    ),
    "course 1 before the baseline": (
        put(["courses", 0, "start"], "2023-12-01"),
        "courses[0].start",
        "before the baseline",
    ),
    "first dose after course 1": (
        put(["first_dose"], "2024-02-01"),
        "first_dose",
        "after the start of course 1",
    ),
    # Course numbers
    "courses 1, 3": (put(["courses", 1, "number"], 3), "courses[1].number", "expected 2"),
    "courses 2, 1": (
        edited(lambda d: d["courses"][0].update(number=2) or d["courses"][1].update(number=1)),
        "courses[0].number",
        "expected 1",
    ),
    "course 0": (put(["courses", 0, "number"], 0), "courses[0].number", "greater than"),
    # Text fields
    "a 10,000-character label": (
        put(["patient", "label"], "x" * 10_000),
        "patient.label",
        "at most 200 characters",
    ),
    "a label with a lone surrogate": (
        swapped('"renal_cell"', '"renal_cell", "label": "\\ud800"'),
        "patient.label",
        "unicode",
    ),
    # Not a readable regular UTF-8 file
    "50 MB": (_fifty_megabytes, "", "at most 2,097,152 are read"),
    "Latin-1": (raw('{"patient": "Müller"}'.encode("latin-1")), "", "not UTF-8 text (byte 14)"),
    "UTF-16": (raw(VALID_TEXT.encode("utf-16")), "", "not UTF-8 text"),
    "NUL bytes": (raw(b"\x00" * 64), "line 1, column 1", "not valid JSON"),
    "a folder": (_folder, "", "is a folder, not a file"),
    "a FIFO": (_fifo, "", "is not a regular file"),
    "a link to a device": (_symlink_to_device, "", "is not a regular file"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_refused_in_one_line_and_left_unchanged(
    tmp_path: Path, name: str
) -> None:
    make, field, words = HOSTILE[name]
    review_refuses(make(tmp_path), field, words)


def test_a_file_with_a_bom_is_read_as_utf8(tmp_path: Path) -> None:
    """Some editors start UTF-8 with a byte order mark; the case is the same."""
    path = raw(b"\xef\xbb\xbf" + VALID_TEXT.encode())(tmp_path)
    assert runner.invoke(app, ["review", str(path)]).exit_code == 0


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    names(refusal(tmp_path / "gone.json"), tmp_path / "gone.json", "", "no such file")


@contextlib.contextmanager
def _unprivileged() -> Iterator[None]:
    """Run as ``nobody`` when the tests run as root, who could read any file.

    Only the effective user id changes, so root is restored afterwards; a valid
    review runs first so that nothing is imported while the ids are switched.
    """
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


def test_a_file_without_read_permission_is_named_and_left_unchanged(tmp_path: Path) -> None:
    """A real refusal by the kernel: chmod 000, read by a user who is not root."""
    warm = text(VALID_TEXT)(tmp_path)
    assert runner.invoke(app, ["review", str(warm)]).exit_code == 0
    with tempfile.TemporaryDirectory() as shared:
        os.chmod(shared, 0o755)  # nobody may enter the folder, not read the file
        path = text(VALID_TEXT)(Path(shared))
        path.chmod(0o000)
        before = fingerprint(path)
        with _unprivileged():
            assert not os.access(path, os.R_OK, effective_ids=True)
            line = refusal(path)
        names(line, path, "", "cannot be read (permission denied)")
        assert fingerprint(path) == before
