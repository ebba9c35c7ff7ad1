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
from il2tui.tui.steps import Step
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
    """Enter on a baseline row with one diameter missing: the form stays, the empty second
    diameter is marked (underlined), and the same sentence, that L1 needs both diameters,
    is in the SPD line and in the list under the form."""
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
    """The decision screen for each recommendation: the recommendation (retreat, consider a
    course, consolidate, stop for toxicity, declining, progression, a held CR, no objective
    response, or complete the measurements), what Enter does and the note; under them the
    category with its arithmetic and the rule, reasoning, source and cautions; the cohort for
    the next course on the right."""
    path = cases.write_case(tmp_path, kind)
    assert snap_compare(build(case_path=path), terminal_size=WIDE, run_before=settle)


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "120x40"])
def test_decision_sizes(snap_compare, build: Build, tmp_path: Path, size: tuple[int, int]) -> None:
    """The retreat decision at 80x24 (panels folded behind F3/F4, the form scrolls, nothing
    cut off sideways) and at 120x40 (form, context and transcript side by side)."""
    path = cases.write_case(tmp_path, "retreat")
    assert snap_compare(build(case_path=path), terminal_size=size, run_before=settle)


async def _with_context(pilot: Pilot) -> None:
    """Settle, then F3: the context panel in place of the form (under 100 columns)."""
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)


def test_decision_context_at_80x24(snap_compare, build: Build, tmp_path: Path) -> None:
    """At 80x24, F3 shows the context panel in place of the form: 28 renal cell patients
    with a PR after course 1 were given course 2 (CR 3, PR 25) with exact intervals; no NR
    or MR row (a PR cohort), and the line that the table records the best response so far."""
    path = cases.write_case(tmp_path, "retreat")
    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=_with_context)


def test_evidence_panel_after_progression(snap_compare, build: Build, tmp_path: Path) -> None:
    """PR after course 1, progression after course 2: the panel shows no course-3 cohort, only
    the note that the series stopped IL-2 at progression (276 patients in Table 5)."""
    path = cases.write(tmp_path, "progression", cases.PR_THEN_PROGRESSION)
    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=_with_context)


def test_evidence_panel_of_an_ineligible_patient(
    snap_compare, build: Build, tmp_path: Path
) -> None:
    """A patient of 74 with performance status 3, prior IL-2 and CNS metastases, SD after
    course 1: four flags (would not have been eligible: prior IL-2, CNS metastases; outside
    the series: performance status, age) above the guideline's "consider another course",
    and again in the panel under the course-2 cohort of non-responders (NR 60, PR 2, MR 1)."""
    path = cases.write(tmp_path, "ineligible", cases.INELIGIBLE)
    assert snap_compare(build(case_path=path), terminal_size=WIDE, run_before=settle)


def test_terminal_too_small(snap_compare, build: Build, tmp_path: Path) -> None:
    """The retreat decision in a 40x12 terminal: only the plain notice, saying the terminal
    is 40 × 12, that it must be at least 60 × 16, that nothing typed is lost, ctrl+q quits."""
    path = cases.write_case(tmp_path, "retreat")
    assert snap_compare(build(case_path=path), terminal_size=(40, 12), run_before=settle)


def test_summary(snap_compare, build: Build, tmp_path: Path) -> None:
    """Summary of four courses: the timeline (PR, PR, CR, CR; retreat, retreat, consolidate
    and stop advised, each decision agreeing; short cells, the reasons are in the transcript),
    best response CR with its duration from the first dose, and the bar chart of the SPD
    change from baseline."""
    path = cases.write(tmp_path, "summary", cases.SUMMARY)
    assert snap_compare(build(case_path=path), terminal_size=WIDE, run_before=settle)


def test_evidence_browser(snap_compare, build: Build) -> None:
    """F2 from the start screen: the list of tables (its border says ↑/↓ and tab), Table 3
    and 4's transitions (tempo) with its columns, and the highlighted row's details."""

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
    common keys; above them the case file's full path (under the test's home folder: ~)."""
    path = cases.write(Path.home(), "patient", cases.PATIENT_ONLY)

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


def test_stale_decision_at_80x24(snap_compare, build: Build, tmp_path: Path) -> None:
    """A decision taken on an MR (consider retreatment) whose restaging is a PR today: the
    assistant opens that decision again; above the note it says what is on file, that the
    recommendation changed (was: consider another course, now: give another course) and
    what Enter does; the note with the recorded reason is visible without scrolling."""
    path = cases.write(tmp_path, "stale", cases.STALE)
    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=settle)


def test_unit_hint_at_80x24(snap_compare, build: Build, tmp_path: Path) -> None:
    """Baseline 24 × 20 and 30 × 25 mm; the restaging typed as 2.2 × 2 and 2.9 × 2.4 into
    the mm fields: before Enter, a line under the rows asks "Typed in cm?" for L1 and L2 and
    says that ctrl+t reads the numbers as cm; each row shows "mm" beside its diameters."""
    path = cases.write(tmp_path, "before-restaging", cases.BEFORE_RESTAGING)

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await typed(pilot, "2025-03-10")
        for value in ("2.2", "2", "2.9", "2.4"):
            await pilot.press("tab")
            await typed(pilot, value)
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=before)


def test_listed_errors_at_80x24(snap_compare, build: Build, tmp_path: Path) -> None:
    """Restaging dated before the course start (2025-01-13), L1 with one diameter, L2 with
    text for a diameter, then Enter: all three problems are listed, named as people name
    them ("Restaging date", "L1: type both diameters, or leave both blank", "L2, first
    diameter"); the date field, the first bad one, has the focus and every bad field is
    marked; the live preview says why it cannot compute (the date)."""
    path = cases.write(tmp_path, "before-restaging", cases.BEFORE_RESTAGING)

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await typed(pilot, "2025-01-10")
        await pilot.press("tab")
        await typed(pilot, "12")
        await pilot.press("tab", "tab")
        await typed(pilot, "abc")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=before)


def test_baseline_widgets_at_80x24(snap_compare, build: Build, tmp_path: Path) -> None:
    """The baseline at 80x24 with a lesion measured by ultrasound: the method choice shows
    "‹ ultrasound ›" whole, each row shows its unit (cm, as recorded) beside the diameters
    (2.4 × 2 and 3 × 2.5 cm)."""
    data = cases.case([]) | {
        "lesions": [
            {"id": "L1", "site": "right lung", "method": "ultrasound"},
            {"id": "L2", "site": "liver", "method": "physical_exam"},
        ],
    }
    data["baseline"] = data["baseline"] | {"unit": "cm"}
    path = cases.write(tmp_path, "baseline", data)

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        pilot.app.jump(Step("baseline"))  # type: ignore[attr-defined]
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=before)


def test_checklists_at_80x24(snap_compare, build: Build, tmp_path: Path) -> None:
    """The course step at 80x24 with "Intubation" ticked: its box reads [x], the others
    [ ]; the checklist's title says ↑/↓ move and space ticks."""
    path = cases.write(tmp_path, "before-course", cases.BEFORE_COURSE)

    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "space")
        await settle(pilot)

    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=before)


def test_summary_at_80x24(snap_compare, build: Build, tmp_path: Path) -> None:
    """The summary at 80x24: the timeline's eight columns (course, restaging date, SPD,
    change, category, confirmed, advice, decision) fit without a horizontal scroll bar, and
    a one-line legend under it says how to move and what ! and ? mean."""
    path = cases.write(tmp_path, "summary", cases.SUMMARY)
    assert snap_compare(build(case_path=path), terminal_size=SMALL, run_before=settle)


@pytest.fixture
def stale_clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The clinic of tests/clinic.py, with Eve's decision marked stale (issue 13's flag),
    as a relative folder so that the pictures name it the same on every machine."""
    from il2tui.clinical import worklist
    from tests.clinic import mark_stale, write_clinic

    real = worklist.review_case

    def review_case(case, *files):  # type: ignore[no-untyped-def]
        review = real(case, *files)
        return mark_stale(review) if review.label == "Eve" else review

    monkeypatch.setattr(worklist, "review_case", review_case)
    monkeypatch.chdir(tmp_path)
    write_clinic(tmp_path / "clinic")
    return Path("clinic")


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "120x40"])
def test_worklist(snap_compare, build: Build, stale_clinic: Path, size: tuple[int, int]) -> None:
    """The worklist of six files, today 2026-06-01: the unreadable file first (in red, its
    reason under the table), Eve's decision changed since it was made (yellow), Cleo's
    overdue restaging, Ada's decision and confirmation, Ben's restaging in July, Eve's next
    course, and Dan (stopped; flagged ineligible) last. The cursor is on the unreadable file;
    the line under the table names it and its reason. At 80 columns the table scrolls
    sideways; what is due and the decision come first."""
    assert snap_compare(build(folder=stale_clinic), terminal_size=size, run_before=settle)
