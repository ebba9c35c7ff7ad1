"""The transcript, going back without losing anything, resuming, saving, the palette."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from il2tui.case.files import load_case
from il2tui.tui.app import AssistApp
from il2tui.tui.widgets.field import Field
from il2tui.tui.widgets.transcript_view import TranscriptView
from tests.tui import cases
from tests.tui.conftest import settle, typed, typed_lesion

Build = Callable[..., AssistApp]


def run(app: AssistApp, steps: Callable, size: tuple[int, int] = (100, 30)) -> None:
    """Run ``steps(pilot)`` against ``app`` headless."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await steps(pilot)

    asyncio.run(main())


def transcript_text(app: AssistApp) -> str:
    """The transcript panel's text as shown."""
    return str(app.screen.query_one(TranscriptView).query_one(Static).content)


async def answer_patient_and_baseline(pilot) -> None:
    """Renal cell, label with markup in it, one lesion of 24 × 20 mm."""
    await pilot.press("n")
    await settle(pilot)
    await pilot.press("down", "tab")
    await typed(pilot, "Pt [b]7")
    await pilot.press("enter")
    await settle(pilot)
    await typed(pilot, "2025-01-06")
    await pilot.press("tab")
    await typed_lesion(pilot, "lung", "24", "20")
    await pilot.press("enter")
    await settle(pilot)


def test_transcript_shows_questions_answers_and_results_in_order(build: Build) -> None:
    """After two steps the transcript holds both questions, both answers (the label as
    typed, markup and all) and the baseline SPD, in that order."""
    app = build()
    seen: list[str] = []

    async def steps(pilot) -> None:
        await answer_patient_and_baseline(pilot)
        seen.append(transcript_text(app))

    run(app, steps)
    text = seen[0]
    expected = [
        "Assistant What is the patient's diagnosis?",
        "You Metastatic renal cell cancer; label “Pt [b]7”",
        "Assistant Which lesions will you follow",
        "You 2025-01-06: L1 lung (CT) 24 × 20 mm.",
        "→ Baseline SPD 480 mm².",
    ]
    positions = [text.find(part) for part in expected]
    assert -1 not in positions, text
    assert positions == sorted(positions), text


def test_escape_goes_back_and_keeps_what_was_typed(build: Build) -> None:
    """Type a start date on course 1, Escape to the baseline, Enter again: the date is still
    there, and the baseline's answer was not changed."""
    app = build()
    found: list[str] = []

    async def steps(pilot) -> None:
        await answer_patient_and_baseline(pilot)
        await typed(pilot, "2025-01-13")
        await pilot.press("escape")
        await settle(pilot)
        found.append(app.screen.step.key)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        found.append(app.screen.step.key)  # type: ignore[attr-defined]
        found.append(app.screen.query_one("#start", Field).value)

    run(app, steps)
    assert found == ["baseline", "course-1", "2025-01-13"]


def test_resume_a_half_finished_case(build: Build, tmp_path: Path) -> None:
    """A file with course 1 given but not restaged opens on the restaging after course 1;
    answering it saves the file, and reopening the file lands on the decision."""
    path = cases.write(tmp_path, "half", cases.BEFORE_RESTAGING)
    first = build(case_path=path)
    keys: list[str] = []

    async def restage(pilot) -> None:
        keys.append(first.screen.step.key)  # type: ignore[attr-defined]
        await typed(pilot, "2025-03-10")
        for value in ("12", "10", "20", "15"):
            await pilot.press("tab")
            await typed(pilot, value)
        await pilot.press("enter")
        await settle(pilot)

    run(first, restage)
    saved = load_case(path, draft=True)
    assert saved.courses[0].assessments[0].measurements["L2"] == (20, 15)
    second = build(case_path=path)

    async def look(pilot) -> None:
        keys.append(second.screen.step.key)  # type: ignore[attr-defined]

    run(second, look)
    assert keys == ["assessment-1", "decision-1"]


def test_new_case_is_autosaved_after_each_step(build: Build, data_dir: Path) -> None:
    """The patient step writes the autosave file (mode 0600, named in the header); the file
    reopens at the baseline step."""
    app = build()
    header: list[str] = []

    async def steps(pilot) -> None:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        header.append(app.session.file_name)  # type: ignore[union-attr]

    run(app, steps)
    path = data_dir / "case-20260601-093000.json"
    assert header == [path.name]
    assert path.stat().st_mode & 0o777 == 0o600
    assert json.loads(path.read_text())["patient"]["diagnosis"] == "melanoma"
    again = build(case_path=path)
    kinds: list[str] = []

    async def look(pilot) -> None:
        kinds.append(again.screen.step.key)  # type: ignore[attr-defined]

    run(again, look)
    assert kinds == ["baseline"]


def test_ctrl_s_saves_the_step_being_typed(build: Build, tmp_path: Path) -> None:
    """On course 1, a start date and doses typed and ctrl+s: the file has course 1 with them,
    and the screen stays on course 1."""
    path = cases.write(tmp_path, "before-course", cases.BEFORE_COURSE)
    app = build(case_path=path)
    keys: list[str] = []

    async def steps(pilot) -> None:
        await typed(pilot, "2025-01-13")
        await pilot.press("tab")
        await typed(pilot, "14")
        await pilot.press("ctrl+s")
        await settle(pilot)
        keys.append(app.screen.step.key)  # type: ignore[attr-defined]

    run(app, steps)
    course = load_case(path, draft=True).courses[0]
    assert (str(course.start), course.doses) == ("2025-01-13", (14,))
    assert keys == ["course-1"]


def test_palette_offers_the_steps_the_evidence_and_the_export(build: Build, tmp_path: Path) -> None:
    """ctrl+p on a case at its first decision lists every step so far, the evidence browser,
    the export and save."""
    path = cases.write_case(tmp_path, "retreat")
    app = build(case_path=path)
    titles: list[str] = []

    async def steps(pilot) -> None:
        titles.extend(command.title for command in app.get_system_commands(app.screen))

    run(app, steps)
    for title in (
        "Go to: Patient",
        "Go to: Baseline",
        "Go to: Course 1",
        "Go to: Assessment after course 1",
        "Go to: Decision after course 1",
        "Evidence browser",
        "Export report",
        "Save",
    ):
        assert title in titles


def test_as_before_copies_a_lesions_latest_diameters_in_the_unit_shown(
    build: Build, tmp_path: Path
) -> None:
    """The restaging rows start blank; ctrl+l on a lesion's row copies its latest diameters
    (here the baseline's 24 × 20 mm), in cm once the unit is switched (30 × 25 mm as 3 × 2.5);
    the switch reads what is typed in the other unit (24 stays 24, issue 13) rather than
    converting it; on the date field ctrl+l only says where to press it, and nothing is saved
    until Enter."""
    path = cases.write(tmp_path, "half", cases.BEFORE_RESTAGING)
    app = build(case_path=path)
    seen: list[object] = []

    def pairs() -> list[str]:
        return [f.value for f in app.screen.query(Field)][1:5]

    async def copy(pilot) -> None:
        seen.append(pairs())
        await pilot.press("ctrl+l")  # on the date field
        await pilot.press("tab", "ctrl+l")  # L1
        await pilot.press("ctrl+t", "tab", "tab", "ctrl+l")  # cm, then L2
        await settle(pilot)
        seen.append(pairs())

    run(app, copy)
    assert seen == [["", "", "", ""], ["24", "20", "3", "2.5"]]
    assert load_case(path, draft=True).courses[0].assessments == ()
