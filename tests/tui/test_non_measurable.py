"""The clinician records non-measurable disease: sites at baseline, statuses at restaging."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from il2tui.case.files import load_case
from il2tui.tui.app import AssistApp
from il2tui.tui.steps import Step
from il2tui.tui.widgets.choice import Choice
from il2tui.tui.widgets.field import Field
from il2tui.tui.widgets.non_measurable import SiteStatuses
from tests.tui import cases
from tests.tui.conftest import settle, typed

Build = Callable[..., AssistApp]
#: The lesions are gone after course 1; whether that is a CR depends on the bone disease.
GONE_AFTER_ONE = cases.case([cases.course(1, "2025-01-13", "2025-03-10", cases.GONE)])


def _run(app: AssistApp, step: Step, steps: Callable[[Pilot], Awaitable[None]]) -> None:
    async def main() -> None:
        async with app.run_test(size=(100, 34)) as pilot:
            await settle(pilot)
            app.jump(step)
            await settle(pilot)
            await steps(pilot)

    asyncio.run(main())


def test_sites_typed_at_baseline_are_saved_with_ids(build: Build, tmp_path: Path) -> None:
    path = cases.write(tmp_path, "sites", GONE_AFTER_ONE)
    app = build(case_path=path)

    async def steps(pilot: Pilot) -> None:
        app.screen.query_one("#nm-sites", Field).focus()
        await typed(pilot, "bone; pleural effusion")
        await pilot.press("ctrl+s")
        await settle(pilot)

    _run(app, Step("baseline"), steps)
    saved = load_case(path, draft=True)
    assert [(s.id, s.site, s.method) for s in saved.non_measurable] == [
        ("N1", "bone", "other"),
        ("N2", "pleural effusion", "other"),
    ]
    assert saved.courses[0].assessments[0].measurements  # the restaging is kept


def test_a_status_at_restaging_changes_the_live_category_and_is_saved(
    build: Build, tmp_path: Path
) -> None:
    """Bone not assessed: the lesions gone read PR at most; absent: CR."""
    data = GONE_AFTER_ONE | {"non_measurable": [{"id": "N1", "site": "bone", "method": "other"}]}
    path = cases.write(tmp_path, "statuses", data)
    app = build(case_path=path)

    def verdict() -> str:
        shown = app.screen.query_one("#verdict", Static).content
        return " ".join(line.plain for line in shown.renderables)  # type: ignore[union-attr]

    async def steps(pilot: Pilot) -> None:
        rows = app.screen.query_one(SiteStatuses)
        assert "N1" in str(rows.query_one(".lesion-name", Static).render())
        assert "PR" in verdict() and "not assessed" in verdict()
        choice = rows.query_one(Choice)
        choice.focus()
        await pilot.press("right", "right")  # not assessed -> present -> absent
        await settle(pilot)
        assert choice.value == "absent"
        assert "CR" in verdict()
        await pilot.press("ctrl+s")
        await settle(pilot)

    _run(app, Step("assessment", 1), steps)
    saved = load_case(path, draft=True)
    assert dict(saved.courses[0].assessments[0].non_measurable) == {"N1": "absent"}


def test_an_assessed_site_cannot_be_dropped_at_baseline(build: Build, tmp_path: Path) -> None:
    data = GONE_AFTER_ONE | {"non_measurable": [{"id": "N1", "site": "bone", "method": "other"}]}
    data["courses"][0]["assessments"][0]["non_measurable"] = {"N1": "present"}
    path = cases.write(tmp_path, "drop", data)
    on_disk = path.read_bytes()
    app = build(case_path=path)

    async def steps(pilot: Pilot) -> None:
        field = app.screen.query_one("#nm-sites", Field)
        assert field.value == "bone"
        field.value = ""
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.step == Step("baseline")  # type: ignore[attr-defined]
        assert field.value == ""  # what was typed stays

    _run(app, Step("baseline"), steps)
    assert path.read_bytes() == on_disk


def test_sites_typed_again_keep_their_ids_and_a_new_one_takes_the_next_free_id() -> None:
    from il2tui.case.model import Case, from_data
    from il2tui.tui.widgets.non_measurable import parse_sites

    data = cases.case([]) | {
        "non_measurable": [
            {"id": "N1", "site": "bone", "method": "other"},
            {"id": "N2", "site": "pleural effusion", "method": "other"},
        ]
    }
    case = from_data(Case, data)
    sites = parse_sites("pleural effusion; bone; liver capsule", case, {"L1", "L2"})
    assert [(s["id"], s["site"]) for s in sites] == [
        ("N2", "pleural effusion"),
        ("N1", "bone"),
        ("N3", "liver capsule"),  # not N5: a recorded site takes no new id
    ]
