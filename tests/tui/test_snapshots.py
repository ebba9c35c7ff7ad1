"""Pictures of every screen, compared with ones a person has looked at and accepted.

Each test says what its picture must show. Sizes are explicit; the cursor does
not blink, the clock and the home folder are pinned (see the conftest files).
Update a snapshot only after looking at the new picture.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from il2tui.tui.app import AssistApp
from tests.tui import cases
from tests.tui.conftest import settle, typed, typed_lesion

Build = Callable[..., AssistApp]
WIDE = (120, 40)
MIDDLE = (100, 30)
SMALL = (80, 24)


def test_start_screen(snap_compare, build: Build) -> None:
    """The start screen: title, what the assistant does and its limits, and the four
    choices (new case, open a file, the demo case, the evidence browser) with their keys."""
    assert snap_compare(build(), terminal_size=MIDDLE, run_before=settle)


def test_patient_step(snap_compare, build: Build) -> None:
    """New case, patient step: the diagnosis list with renal cell highlighted, the optional
    details, the checklists; on the right Table 1 and Table 2 for renal cell cancer."""

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(build(), terminal_size=WIDE, run_before=before)


def test_patient_checklists_ticked(snap_compare, build: Build) -> None:
    """Patient step with boxes ticked by the keyboard (space): Surgery and Immunotherapy
    under prior therapy, CNS metastases under the exclusion criteria; the other boxes stay
    clear, and the warnings for prior immunotherapy and CNS metastases are shown."""

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        pilot.app.screen.query_one("#prior").focus()
        await pilot.press("space", "down", "down", "down", "down", "space")
        pilot.app.screen.query_one("#exclusions").focus()
        await pilot.press("down", "space")
        await settle(pilot)

    assert snap_compare(build(), terminal_size=WIDE, run_before=before)


def test_patient_other_diagnosis(snap_compare, build: Build) -> None:
    """Choosing "Another diagnosis" shows the sentence that the evidence covers only
    metastatic melanoma and renal cell cancer, in the form and in the context panel."""

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("down", "down")
        await settle(pilot)

    assert snap_compare(build(), terminal_size=MIDDLE, run_before=before)


def test_baseline_step(snap_compare, build: Build, tmp_path: Path) -> None:
    """Baseline for melanoma patient Mel-02: two lesions typed (24 × 20 and 30 × 25 mm),
    products 480 and 750 mm², SPD 1,230 mm²; context: 149 melanoma patients after course 1."""
    path = cases.write(tmp_path, "patient", cases.PATIENT_ONLY)

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await typed(pilot, "2025-01-06")
        await pilot.press("tab")
        await typed_lesion(pilot, "right lung", "24", "20")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await typed_lesion(pilot, "liver", "30", "25")
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=WIDE, run_before=before)


def test_input_error(snap_compare, build: Build, tmp_path: Path) -> None:
    """Enter on a baseline row with one diameter missing: the form stays, and a warning
    under it says that lesion L1 needs both diameters."""
    path = cases.write(tmp_path, "patient", cases.PATIENT_ONLY)

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await typed(pilot, "2025-01-06")
        await pilot.press("tab")
        await typed_lesion(pilot, "lung", "24")
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=MIDDLE, run_before=before)


def test_course_step(snap_compare, build: Build, tmp_path: Path) -> None:
    """Course 1 of the renal cell case: start date, doses per cycle, the checklist of what
    stops retreatment; context: 201 renal cell patients given course 1 (Table 4)."""
    path = cases.write(tmp_path, "before-course", cases.BEFORE_COURSE)
    assert snap_compare(build(case_path=path), terminal_size=WIDE, run_before=settle)


def test_assessment_step_live(snap_compare, build: Build, tmp_path: Path) -> None:
    """Restaging after course 1 with L1 12 × 10 and L2 20 × 15 mm typed: products with their
    change on the nadir, SPD 420 mm², -65.9% from baseline, provisional PR (threshold: 50%
    reduction), not yet confirmed, with the date from which it can be."""
    path = cases.write(tmp_path, "before-restaging", cases.BEFORE_RESTAGING)

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await typed(pilot, "2025-03-10")
        for value in ("12", "10", "20", "15"):
            await pilot.press("tab")
            await typed(pilot, value)
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=WIDE, run_before=before)


@pytest.mark.parametrize("kind", list(cases.CASES))
def test_decision_kinds(snap_compare, build: Build, tmp_path: Path, kind: str) -> None:
    """The decision screen for each recommendation: the category with its arithmetic, the
    recommendation (retreat, consider a course, consolidate, stop for toxicity, declining,
    progression, a held CR, no objective response, or complete the measurements) with its
    rule, reasoning, source and cautions, and the cohort for the next course on the right."""
    path = cases.write_case(tmp_path, kind)
    assert snap_compare(build(case_path=path), terminal_size=WIDE, run_before=settle)


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "120x40"])
def test_decision_sizes(snap_compare, build: Build, tmp_path: Path, size: tuple[int, int]) -> None:
    """The retreat decision at 80x24 (panels folded behind F3/F4, the form scrolls, nothing
    cut off sideways) and at 120x40 (form, context and transcript side by side)."""
    path = cases.write_case(tmp_path, "retreat")
    assert snap_compare(build(case_path=path), terminal_size=size, run_before=settle)


def test_decision_context_at_80x24(snap_compare, build: Build, tmp_path: Path) -> None:
    """At 80x24, F3 shows the context panel in place of the form: 28 renal cell patients
    with a PR after course 1 were given course 2 (CR 3, PR 25) with exact intervals."""
    path = cases.write_case(tmp_path, "retreat")

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=before)


def test_terminal_too_small(snap_compare, build: Build, tmp_path: Path) -> None:
    """The retreat decision in a 40x12 terminal: only the plain notice, saying the terminal
    is 40 × 12, that it must be at least 60 × 16, that nothing typed is lost, ctrl+q quits."""
    path = cases.write_case(tmp_path, "retreat")
    assert snap_compare(build(case_path=path), terminal_size=(40, 12), run_before=settle)


def test_summary(snap_compare, build: Build, tmp_path: Path) -> None:
    """Summary of four courses: the timeline (PR, PR, CR, CR; the last decision to stop with
    its reason shown literally, [bold] and all), best response CR with its duration from
    the first dose, and the bar chart of the SPD change from baseline."""
    path = cases.write(tmp_path, "summary", cases.SUMMARY)
    assert snap_compare(build(case_path=path), terminal_size=WIDE, run_before=settle)


def test_evidence_browser(snap_compare, build: Build) -> None:
    """F2 from the start screen: the list of tables, Table 3 and 4's transitions (tempo)
    with its columns, and the highlighted row's details."""

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("down", "down")
        await settle(pilot)

    assert snap_compare(build(), terminal_size=MIDDLE, run_before=before)


def test_help(snap_compare, build: Build, tmp_path: Path) -> None:
    """F1 on the baseline step: every key of that screen and the app with its description
    (answer, back, panels, unit, add, remove, save, save as, help, evidence, quit), and the
    common keys."""
    path = cases.write(tmp_path, "patient", cases.PATIENT_ONLY)

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=MIDDLE, run_before=before)


def test_override_dialog(snap_compare, build: Build, tmp_path: Path) -> None:
    """ctrl+o on the retreat decision, then Enter with no reason: the dialog says what the
    guideline recommends (give another course), offers 'stop IL-2', keeps the reason field
    empty and says a reason is required; its last line names Enter, Escape and ←/→, on one line."""
    path = cases.write_case(tmp_path, "retreat")

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=before)
