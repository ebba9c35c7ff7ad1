"""Going back and forth records nothing twice: every step shows what is on file, and answering
it again replaces the record rather than adding to it (issue 13, point 1)."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import Static

from il2tui.case.files import case_from_data
from il2tui.tui import wording as w
from il2tui.tui.app import AssistApp
from il2tui.tui.steps import Step
from tests.tui import cases
from tests.tui.conftest import settle

Build = Callable[..., AssistApp]

#: Two courses: new lesions at the first restaging (one measured, one not), a decision
#: with a note, then a second course stopped by an override with a reason.
ROUND_TRIP = cases.case(
    [
        cases.course(1, "2025-01-13", "2025-03-10", cases.SAME, decision={"action": "retreat"})
        | {
            "assessments": [
                {
                    "date": "2025-03-10",
                    "measurements": cases.SAME,
                    "new_lesions": [{"site": "bone", "diameters": [11, 9]}, {"site": "skin"}],
                }
            ],
            "decision": {"action": "retreat", "reason": "fit and willing"},
        },
        cases.course(
            2,
            "2025-03-24",
            "2025-05-19",
            cases.HALF,
            decision={"action": "stop", "reason": "patient's wish"},
        ),
    ]
)
#: The steps from the patient to the summary, as Escape walks them backwards.
STEPS = 9


def walk(app: AssistApp, rounds: int, palette: bool = False) -> None:
    """Open the case, then ``rounds`` times: Escape back to the patient step and Enter forward
    to the summary, answering every step with what it shows."""

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert app.screen.step.kind == "summary"  # type: ignore[attr-defined]
            for _ in range(rounds):
                if palette:  # jump to a restaging with the palette and straight back
                    app.jump(Step("assessment", 1))
                    await settle(pilot)
                    app.jump(Step("summary"))
                    await settle(pilot)
                for _ in range(STEPS - 1):
                    await pilot.press("escape")
                    await settle(pilot)
                assert app.screen.step.kind == "patient"  # type: ignore[attr-defined]
                for _ in range(STEPS - 1):
                    await pilot.press("enter")
                    await settle(pilot)
                assert app.screen.step.kind == "summary"  # type: ignore[attr-defined]

    asyncio.run(run())


def _text(renderable: object) -> str:
    console = Console(width=300, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def _saved(tmp_path: Path, name: str, build: Build, rounds: int, **kw: Any) -> dict[str, Any]:
    path = cases.write(tmp_path, name, ROUND_TRIP)
    walk(build(case_path=path), rounds, **kw)
    return json.loads(path.read_text(encoding="utf-8"))


def test_two_round_trips_save_what_one_does(build: Build, tmp_path: Path) -> None:
    """Forward and back twice (and through the palette) saves the same file as once; that file
    holds the two new lesions once each and both decisions with their reasons as typed."""
    once = _saved(tmp_path, "once", build, 1)
    twice = _saved(tmp_path, "twice", build, 2)
    palette = _saved(tmp_path, "palette", build, 2, palette=True)
    assert twice == once
    assert palette == once
    first, second = once["courses"]
    assert first["assessments"][0]["new_lesions"] == [
        {"site": "bone", "diameters": [11, 9]},
        {"site": "skin"},
    ]
    assert len(first["assessments"]) == 1 and len(second["assessments"]) == 1
    assert (first["decision"]["action"], first["decision"]["reason"]) == (
        "retreat",
        "fit and willing",
    )
    assert (second["decision"]["action"], second["decision"]["reason"]) == (
        "stop",
        "patient's wish",
    )
    for course in once["courses"]:  # what each decision answered is recorded with it
        assert set(course["decision"].pop("seen")) == {"rule", "action", "guideline"}
    assert case_from_data(once, source="saved") == case_from_data(ROUND_TRIP, source="typed")


def test_a_stale_decision_is_asked_again_and_the_first_answer_stays(
    build: Build, tmp_path: Path
) -> None:
    """Opening a case whose decision answered another recommendation (MR then, PR now) lands
    on that decision with the was/now line; Enter records the new answer, and the file and
    the transcript keep the first one, what it answered, and the change as a new entry."""
    from il2tui.tui.transcript import transcript

    path = cases.write(tmp_path, "stale", cases.STALE)
    app = build(case_path=path)
    lines: list[str] = []

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert app.screen.step == Step("decision", 1)  # type: ignore[attr-defined]
            head = _text(app.screen.query_one("#decision-head", Static).content)
            assert "The recommendation changed since this decision" in head
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.step == Step("course", 2)  # type: ignore[attr-defined]
            entries = transcript(app.session.case, app.current_review())  # type: ignore[union-attr]
            lines.extend(f"{e.role}: {e.text}" for e in entries)

    asyncio.run(run())
    decision = json.loads(path.read_text(encoding="utf-8"))["courses"][0]["decision"]
    first = cases.STALE["courses"][0]["decision"]
    assert decision["earlier"] == [first]
    assert decision["seen"] == {
        "rule": "objective_response",
        "action": "retreat",
        "guideline": cases.GUIDELINE,
    }
    tail = lines[lines.index("assistant: " + w.question("decision", 1)) - 1 :]
    assert tail == [
        "result: Guideline: consider another course (rule first_course_no_objective_response).",
        "assistant: " + w.question("decision", 1),
        "clinician: Accepted: give another course. Note: “minor response, fit”",
        "result: The recommendation changed since this decision (was: consider another course,"
        " now: give another course); the decision was asked again.",
        "result: Guideline: give another course (rule objective_response).",
        "assistant: " + w.question("decision", 1),
        "clinician: Accepted: give another course. Note: “minor response, fit”",
    ]


def test_a_changed_restaging_keeps_the_decision_and_asks_it_again(
    build: Build, tmp_path: Path
) -> None:
    """Course 1 decided "retreat" on a PR (rule objective_response); the restaging is then
    corrected to 23 × 20 and 30 × 24 mm (SPD 1,180 of 1,230: -4.1%, no response), so today
    the rule first_course_no_objective_response advises considering another course. The
    decision stays on file, the decision step follows and says it changed; Enter records
    the new answer and keeps the first in ``earlier``."""
    seen = {"rule": "objective_response", "action": "retreat", "guideline": cases.GUIDELINE}
    decided = {"action": "retreat", "seen": seen}
    data = cases.case([cases.course(1, "2025-01-13", "2025-03-10", cases.HALF, decision=decided)])
    path = cases.write(tmp_path, "changed", data)
    app = build(case_path=path)
    kept: list[Any] = []

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            app.jump(Step("assessment", 1))
            await settle(pilot)
            fields = app.screen.query(".measure-row Field")
            for field, value in zip(fields, ("23", "20", "30", "24"), strict=True):
                field.value = value  # type: ignore[attr-defined]
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            kept.append(json.loads(path.read_text(encoding="utf-8"))["courses"][0]["decision"])
            assert app.screen.step == Step("decision", 1)  # type: ignore[attr-defined]
            head = _text(app.screen.query_one("#decision-head", Static).content)
            assert "The recommendation changed since this decision" in head
            await pilot.press("enter")
            await settle(pilot)

    asyncio.run(run())
    assert kept == [{"action": "retreat", "seen": seen, "earlier": []}]
    decision = json.loads(path.read_text(encoding="utf-8"))["courses"][0]["decision"]
    assert decision["seen"]["rule"] == "first_course_no_objective_response"
    assert decision["action"] == "retreat"
    assert decision["earlier"] == [{"action": "retreat", "seen": seen}]
