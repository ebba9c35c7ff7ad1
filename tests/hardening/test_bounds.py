"""Dates and diameters at and past their bounds: refused with the field named, or
normalised so that no arithmetic can raise and no saved file outgrows the loader.

Issue 14: dates near 9999-12-31 crashed the review (the 28-day confirmation date
overflowed) and a case saved with them could never be opened again; diameters with
28 trailing zeros or ``0e-999999999`` passed validation and crashed the exact
arithmetic; ``0e-50000000`` loaded, then saved as a 50 MB file the loader refused.
"""

from __future__ import annotations

import errno
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from il2tui.case import checked
from il2tui.case.files import MAX_FILE_BYTES, CaseError, dump_case, load_case, parse_case, save_case
from il2tui.case.model import Case, from_data
from il2tui.clinical.review import review_case
from il2tui.core.storage import SaveError, atomic_write_text
from il2tui.tui.forms import FieldError, parse_diameter
from tests.tui import cases


def _with(baseline_l1: str, restaged_l1: str) -> str:
    """A case file's text with L1's first diameter at baseline and L1 at the restaging
    written exactly as given (JSON numbers, not Python's)."""
    data = cases.case([cases.course(1, "2025-01-13", "2025-03-10", {"L1": [0, 0], "L2": [20, 15]})])
    text = json.dumps(data)
    text = text.replace('"L1": [24, 20]', f'"L1": [{baseline_l1}, 20]', 1)
    return text.replace('"L1": [0, 0]', f'"L1": {restaged_l1}', 1)


@pytest.mark.parametrize(
    ("baseline", "start", "restaged"),
    [
        ("1900-01-01", "1900-01-02", "1900-01-03"),
        ("2199-12-29", "2199-12-30", "2199-12-31"),
    ],
)
def test_the_first_and_the_last_accepted_dates_are_reviewed(
    baseline: str, start: str, restaged: str
) -> None:
    """At the very end of the range the confirmation date (+28 days) falls after it: fine."""
    data = cases.case([cases.course(1, start, restaged, cases.HALF)])
    data["baseline"]["date"] = baseline
    review = review_case(parse_case(json.dumps(data)))
    assert str(review.courses[0].assessments[0].date) == restaged
    assert review.courses[0].response == "PR"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("baseline.date", "1899-12-31"),
        ("baseline.date", "2200-01-01"),
        ("courses[0].start", "9999-12-31"),
        ("courses[0].assessments[0].date", "9999-12-30"),
        ("first_dose", "0001-01-01"),
    ],
)
def test_a_date_outside_1900_to_2199_is_refused_naming_the_field(field: str, value: str) -> None:
    data = cases.case([cases.course(1, "2025-01-13", "2025-03-10", cases.HALF)])
    if field == "baseline.date":
        data["baseline"]["date"] = value
    elif field == "courses[0].start":
        data["courses"][0]["start"] = value
    elif field == "first_dose":
        data["first_dose"] = value
    else:
        data["courses"][0]["assessments"][0]["date"] = value
    with pytest.raises(CaseError) as caught:
        parse_case(json.dumps(data), source="late.json")
    assert caught.value.path == field
    assert "from 1900-01-01 to 2199-12-31" in caught.value.message
    assert value in str(caught.value)


def test_the_schema_states_the_date_range() -> None:
    schema = json.dumps(checked.Case.model_json_schema())
    assert '"formatMinimum": "1900-01-01"' in schema
    assert '"formatMaximum": "2199-12-31"' in schema


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("24." + "0" * 28, Decimal(24)),
        ("24.5" + "0" * 40, Decimal("24.5")),
        ("2.4e1", Decimal(24)),
        ("240e-1", Decimal(24)),
    ],
)
def test_trailing_zeros_and_exponents_are_normalised_on_load(written: str, value: Decimal) -> None:
    case = parse_case(_with(written, "[12, 10]"))
    stored = case.baseline.measurements["L1"][0]  # type: ignore[union-attr]
    assert stored == value
    assert format(stored, "f") == format(value.normalize(), "f")  # written without the zeros
    review_case(case)  # the arithmetic takes it exactly


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("100", "100"),
        ("1e2", "100"),
        ("100.000", "100"),
        ("20", "20"),
        ("2.4e1", "24"),
        ("24.50", "24.5"),
    ],
)
def test_a_diameter_has_one_written_form_without_an_exponent(written: str, shown: str) -> None:
    """``str()`` of a loaded diameter, as any text built from it shows it: 100, never 1E+2
    (what ``normalize`` alone would give for a round number)."""
    case = parse_case(_with(written, "[12, 10]"))
    assert str(case.baseline.measurements["L1"][0]) == shown  # type: ignore[union-attr]
    assert str(parse_diameter(written, "mm", "L1")) == shown


@pytest.mark.parametrize("zero", ["0e-999999999", "0e-50000000", "0.0000000000", "0e+5"])
def test_zero_written_any_way_is_zero_and_reviews(zero: str) -> None:
    case = parse_case(_with("24", f"[{zero}, {zero}]"))
    pair = case.courses[0].assessments[0].measurements["L1"]
    assert pair == (0, 0)
    assert all(str(d) == "0" for d in pair)  # type: ignore[union-attr]
    assert review_case(case).courses[0].assessments[0].lesions[0].status == "disappeared"


@pytest.mark.parametrize("tiny", ["1e-999999999", "1e-5", "24.00001"])
def test_a_value_below_a_ten_thousandth_of_a_mm_is_refused_not_rounded(tiny: str) -> None:
    with pytest.raises(CaseError, match="more than 4 decimal places"):
        parse_case(_with(tiny, "[12, 10]"))


def test_extremes_round_trip_through_save_and_load_small(tmp_path: Path) -> None:
    """``0e-50000000`` saved and loaded again: a few hundred bytes, the same case."""
    case = parse_case(_with("24." + "0" * 28, "[0e-50000000, 0e-999999999]"))
    path = tmp_path / "extreme.json"
    save_case(case, path)
    assert path.stat().st_size < 2_000
    assert load_case(path) == case
    assert '"L1": [24, 20]' in path.read_text(encoding="utf-8")


def test_a_case_larger_than_the_loader_reads_is_not_saved(tmp_path: Path) -> None:
    """A case whose text would pass the load limit: refused before writing, with the sizes;
    the file on disk is unchanged (a file saved must open again)."""
    course: dict[str, Any] = {"number": 1, "start": "2025-01-13", "toxicity_note": "x" * 2000}
    courses = [course | {"number": n} for n in range(1, MAX_FILE_BYTES // 2000 + 50)]
    big = from_data(Case, cases.case(courses))
    assert len(dump_case(big).encode()) > MAX_FILE_BYTES
    path = cases.write(tmp_path, "case", cases.BEFORE_COURSE)
    before = path.read_bytes()
    with pytest.raises(SaveError) as caught:
        save_case(big, path)
    assert caught.value.errno == errno.EFBIG
    assert f"{MAX_FILE_BYTES:,}" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before


def test_the_size_limit_counts_bytes_not_characters(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="it would be 8 bytes"):
        atomic_write_text(tmp_path / "x.txt", "éééé", max_bytes=7)
    atomic_write_text(tmp_path / "x.txt", "éééé", max_bytes=8)


@pytest.mark.parametrize(
    ("typed", "unit", "problem"),
    [
        ("1e999999999", "mm", "implausibly large"),
        ("1e999999999", "cm", "implausibly large"),
        ("1e99999", "cm", "implausibly large"),
        ("1e-999999999", "mm", "at most 4 decimal places"),
        ("0.00001", "mm", "at most 4 decimal places"),
        ("24.5000000000000000000000000000000001", "cm", "at most 4 decimal places"),
    ],
)
def test_a_typed_extreme_is_a_message_not_a_crash(typed: str, unit: str, problem: str) -> None:
    with pytest.raises(FieldError, match=problem):
        parse_diameter(typed, unit, "L1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "unit", "mm"),
    [("0.00001", "cm", "0.0001"), ("2.45", "cm", "24.5"), ("0e-999999999", "mm", "0")],
)
def test_typed_values_at_the_finest_digit_are_kept_exactly(typed: str, unit: str, mm: str) -> None:
    assert str(parse_diameter(typed, unit, "L1")) == mm  # type: ignore[arg-type]
