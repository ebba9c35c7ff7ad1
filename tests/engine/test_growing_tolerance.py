"""A clinic's assumptions file sets the growing-lesion tolerance (issue 11, point 1)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from il2tui.cli.main import app
from il2tui.clinical.criteria import classify_case
from il2tui.clinical.guideline import GuidelineError, load_assumptions
from il2tui.clinical.review import review_case
from il2tui.core.resources import read_shipped_text
from tests.engine.helpers import build
from tests.hardening.hostile import runner

SHIPPED = read_shipped_text("guidelines", "assumptions.toml")
#: L1 from its nadir of 100 mm² to 12.4 × 10 = 124 mm² (+24%) while the SPD is 72% down.
CASE = build(
    {"L1": [20, 20], "L2": [20, 20]},
    [{"L1": [10, 10], "L2": [10, 10]}],
    [{"L1": [12.4, 10], "L2": [10, 10]}],
)


def _clinic(tmp_path: Path, tolerance: str) -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(
        SHIPPED.replace(
            "growing_lesion_tolerance_pct = 0", f"growing_lesion_tolerance_pct = {tolerance}"
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("tolerance", "category"),
    [("0", "MR"), ("23.9", "MR"), ("24", "PR"), ("24.0", "PR")],
)
def test_a_lesion_is_growing_only_beyond_the_clinics_tolerance(
    tmp_path: Path, tolerance: str, category: str
) -> None:
    """124 of 100 is +24%: growing under a tolerance below 24, not at 24 (more than, exactly)."""
    assumed = load_assumptions(_clinic(tmp_path, tolerance))
    review = review_case(CASE, assumptions=assumed)
    assert review.courses[1].assessments[0].response == category
    growing = next(n for n in review.assumptions if n.id == "growing_lesion")
    assert f"tolerance of {tolerance.removesuffix('.0')}%" in growing.text


def test_the_shipped_tolerance_is_the_papers_literal_reading() -> None:
    assert load_assumptions().growing_lesion_tolerance_pct == 0
    assert review_case(CASE).courses[1].assessments[0].response == "MR"


def test_a_tolerance_keeps_every_digit_the_clinic_wrote(tmp_path: Path) -> None:
    """Read as a decimal, never through a float (which would show 10.123456789012346)."""
    assumed = load_assumptions(_clinic(tmp_path, "10.12345678901234567"))
    assert assumed.growing_lesion_tolerance_pct == Decimal("10.12345678901234567")
    growing = next(n for n in assumed.notes() if n.id == "growing_lesion")
    assert "beyond a tolerance of 10.12345678901234567% (0 unless" in growing.text


@pytest.mark.parametrize(
    ("tolerance", "shown"), [("20", "20"), ("10.0", "10"), ("1.50", "1.5"), ("0.0", "0")]
)
def test_a_tolerance_is_shown_in_plain_digits(tmp_path: Path, tolerance: str, shown: str) -> None:
    """Whole tens are no exponent (20 is not 2E+1), and no trailing zero is kept."""
    assumed = load_assumptions(_clinic(tmp_path, tolerance))
    assert str(assumed.growing_lesion_tolerance_pct) == shown
    growing = next(n for n in assumed.notes() if n.id == "growing_lesion")
    assert f"beyond a tolerance of {shown}% (" in growing.text


@pytest.mark.parametrize("tolerance", ["25", "-1", '"x"'])
def test_a_tolerance_out_of_bounds_is_refused_with_the_field(
    tmp_path: Path, tolerance: str
) -> None:
    with pytest.raises(GuidelineError) as raised:
        load_assumptions(_clinic(tmp_path, tolerance))
    assert "growing_lesion_tolerance_pct" in str(raised.value)


def test_a_clinics_file_that_is_wrong_or_missing_is_named_in_the_message(tmp_path: Path) -> None:
    wrong = _clinic(tmp_path, "30")
    with pytest.raises(GuidelineError) as raised:
        load_assumptions(wrong)
    assert str(raised.value) == (
        f"{wrong}: growing_lesion_tolerance_pct: input should be less than 25 (found 30)"
    )
    missing = tmp_path / "no-such-file.toml"
    with pytest.raises(GuidelineError) as raised:
        load_assumptions(missing)
    assert str(raised.value) == f"{missing}: no such file"


def test_il2_review_takes_the_clinics_file(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    from il2tui.case.files import dump_case

    case.write_text(dump_case(CASE), encoding="utf-8")
    plain = runner.invoke(app, ["review", str(case), "--format", "csv"])
    clinic = runner.invoke(
        app, ["review", str(case), "--format", "csv", "--assumptions", str(_clinic(tmp_path, "24"))]
    )
    assert (plain.exit_code, clinic.exit_code) == (0, 0)
    assert ",MR," in plain.stdout.splitlines()[2] and ",PR," in clinic.stdout.splitlines()[2]
    bad = runner.invoke(app, ["review", str(case), "--assumptions", str(_clinic(tmp_path, "30"))])
    assert bad.exit_code == 2 and "growing_lesion_tolerance_pct" in bad.stderr


@pytest.mark.parametrize("fmt", ["worklist-csv", "worklist-json", "worklist"])
def test_the_worklist_takes_the_clinics_file_too(tmp_path: Path, fmt: str) -> None:
    """The worklist formats used to review with the shipped assumptions whatever
    ``--assumptions`` said: the clinic's PR was listed as an MR."""
    from il2tui.case.files import dump_case

    case = tmp_path / "case.json"
    case.write_text(dump_case(CASE), encoding="utf-8")
    clinic = ["--assumptions", str(_clinic(tmp_path, "24"))]
    plain = runner.invoke(app, ["review", str(case), "--format", fmt])
    theirs = runner.invoke(app, ["review", str(case), "--format", fmt, *clinic])
    assert (plain.exit_code, theirs.exit_code) == (0, 0)
    words = {"worklist-csv": (",MR,", ",PR,"), "worklist-json": ('"MR"', '"PR"')}
    shipped, own = words.get(fmt, (" MR ", " PR "))
    plain_row, their_row = (_case_row(out.stdout, fmt) for out in (plain, theirs))
    assert shipped in plain_row and own not in plain_row
    assert own in their_row and shipped not in their_row
    bad = runner.invoke(app, ["review", str(case), "--format", fmt, "--assumptions", "nowhere"])
    assert bad.exit_code == 2 and "nowhere" in bad.stderr


def _case_row(out: str, fmt: str) -> str:
    """The case's own row (the text worklist's footnotes name PR and CR too)."""
    if fmt != "worklist":
        return out
    rows = [line for line in out.splitlines() if line.startswith("(no label)")]
    assert len(rows) == 1, out
    return rows[0]


def test_the_growing_lesion_is_named_with_its_change() -> None:
    basis = review_case(CASE).courses[1].assessments[0].basis
    assert "L1 (site L1) grew: 124 mm² from its nadir of 100 mm², +24.0%" in basis
    assert "not a PR" in basis and "MR" in basis


#: SPD 800 → 200 → 234 mm² (-70.75%, PR by size) while L1 grows 100 → 124 mm² (+24%)
#: and L2 100 → 110 mm² (+10%).
TWO_GROW = build(
    {"L1": [20, 20], "L2": [20, 20]},
    [{"L1": [10, 10], "L2": [10, 10]}],
    [{"L1": [12.4, 10], "L2": [11, 10]}],
)
NOT_A_PR = ": not a PR (a PR needs no growing lesion), MR (threshold: 25% reduction)"


def test_every_growing_lesion_is_named_in_the_line_that_decided() -> None:
    """Tolerance 0 (the paper's reading): both lesions grew, each with its numbers."""
    [[_], [second]] = classify_case(TWO_GROW)
    assert second.response == "MR"
    assert second.basis == (
        "SPD 234 mm² from 800 mm²: -70.8%, but "
        "L1 (site L1) grew: 124 mm² from its nadir of 100 mm², +24.0%; "
        "L2 (site L2) grew: 110 mm² from its nadir of 100 mm², +10.0%" + NOT_A_PR
    )


def test_under_a_tolerance_the_line_says_it_was_exceeded() -> None:
    """Tolerance 10%: L2 at exactly +10% is not growing; L1 at +24% is, beyond 10%."""
    [[_], [second]] = classify_case(TWO_GROW, tolerance_pct=Decimal(10))
    assert second.response == "MR"
    assert second.basis == (
        "SPD 234 mm² from 800 mm²: -70.8%, but "
        "L1 (site L1) grew: 124 mm² from its nadir of 100 mm², +24.0% "
        "(more than the tolerance of 10%)" + NOT_A_PR
    )
