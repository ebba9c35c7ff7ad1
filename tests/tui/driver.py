"""Type a whole case into the assistant with the keyboard alone, as a clinician would.

``enter_case`` starts from the start screen and answers every step from the
data of an ``il2-case/1`` file: the patient, the baseline, then for each course
its details, its restagings and the decision (Enter to accept, ctrl+o to
override with the file's reason).
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from il2tui.tui import wording as w
from il2tui.tui.screens.decision import ACCEPT
from tests.tui.conftest import settle, typed

DIAGNOSES = list(w.DIAGNOSES)
SEXES = list(w.SEX)
ECOG = ["", "0", "1", "2", "3", "4"]


async def enter_case(pilot: Pilot, data: dict[str, Any]) -> None:
    """From the start screen to the summary: every step answered from ``data``."""
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    await _patient(pilot, data["patient"])
    await _baseline(pilot, data)
    for course in data["courses"]:
        await _course(pilot, course)
        for i, assessment in enumerate(course["assessments"]):
            if i:
                await pilot.press("ctrl+n")
                await settle(pilot)
            await _assessment(pilot, data, assessment)
        await _decide(pilot, course.get("decision"))


async def _answer(pilot: Pilot) -> None:
    await pilot.press("enter")
    await settle(pilot)


async def _choose(pilot: Pilot, options: list[str], value: Any) -> None:
    """Move a ‹ choice › (focused, at its first option) to ``value``."""
    for _ in range(options.index("" if value is None else str(value))):
        await pilot.press("right")


async def _tick(pilot: Pilot, options: list[str], chosen: list[str]) -> None:
    """Tick ``chosen`` in a focused checklist of ``options``."""
    for option in options:
        if option in chosen:
            await pilot.press("space")
        await pilot.press("down")


async def _patient(pilot: Pilot, patient: dict[str, Any]) -> None:
    for _ in range(DIAGNOSES.index(patient["diagnosis"])):
        await pilot.press("down")
    await pilot.press("tab")
    await typed(pilot, patient.get("label", ""))
    await pilot.press("tab")
    await _choose(pilot, SEXES, patient.get("sex"))
    await pilot.press("tab")
    await typed(pilot, str(patient.get("age", "")))
    await pilot.press("tab")
    await _choose(pilot, ECOG, patient.get("performance_status"))
    await pilot.press("tab")
    await _tick(pilot, list(w.PRIOR_THERAPY), patient.get("prior_therapy", []))
    await pilot.press("tab")
    await _tick(pilot, list(w.EXCLUSIONS), patient.get("exclusions", []))
    await _answer(pilot)


async def _baseline(pilot: Pilot, data: dict[str, Any]) -> None:
    await typed(pilot, data["baseline"]["date"])
    for i, lesion in enumerate(data["lesions"]):
        if i:
            await pilot.press("ctrl+n")
            await settle(pilot)
        else:
            await pilot.press("tab")
        await typed(pilot, lesion["site"])
        await pilot.press("tab")
        await _choose(pilot, list(w.METHODS), lesion.get("method", "ct"))
        for value in data["baseline"]["measurements"][lesion["id"]]:
            await pilot.press("tab")
            await typed(pilot, str(value))
    await _answer(pilot)


async def _course(pilot: Pilot, course: dict[str, Any]) -> None:
    await typed(pilot, course["start"])
    for doses in (course.get("doses") or []) + [None] * (2 - len(course.get("doses") or [])):
        await pilot.press("tab")
        await typed(pilot, "" if doses is None else str(doses))
    await pilot.press("tab")
    stops = list(course.get("toxicity", [])) + (
        ["declined"] if course.get("declined_further") else []
    )
    await _tick(pilot, [*w.TOXICITY, "declined"], stops)
    await pilot.press("tab")
    await typed(pilot, course.get("toxicity_note", ""))
    await _answer(pilot)


async def _assessment(pilot: Pilot, data: dict[str, Any], assessment: dict[str, Any]) -> None:
    await typed(pilot, assessment["date"])
    for lesion in data["lesions"]:
        pair = assessment["measurements"].get(lesion["id"])
        await pilot.press("tab")
        if pair is not None and [float(d) for d in pair] == [0, 0]:
            await pilot.press("ctrl+g", "tab")  # the key that marks a lesion as gone
            continue
        await typed(pilot, "" if pair is None else str(pair[0]))
        await pilot.press("tab")
        await typed(pilot, "" if pair is None else str(pair[1]))
    for new in assessment.get("new_lesions", []):
        await pilot.press("ctrl+n")
        await settle(pilot)
        await typed(pilot, new["site"])
        for value in new.get("diameters", []):
            await pilot.press("tab")
            await typed(pilot, str(value))
    await _answer(pilot)


async def _decide(pilot: Pilot, decision: dict[str, Any] | None) -> None:
    review = pilot.app.current_review()  # type: ignore[attr-defined]
    assert review is not None, "the decision screen has no review"
    if decision is None:
        return
    recommended = review.current.recommendation.action
    if decision["action"] == ACCEPT.get(recommended):
        await typed(pilot, decision.get("reason") or "")  # the optional note
        await _answer(pilot)
        return
    await pilot.press("ctrl+o")
    await settle(pilot)
    await typed(pilot, decision.get("reason") or "clinician's choice")
    if pilot.app.screen.query_one("#action").value != decision["action"]:  # type: ignore[attr-defined]
        await pilot.press("shift+tab", "right", "tab")
    await _answer(pilot)
