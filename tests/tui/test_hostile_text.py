"""Hostile text in every place the assistant shows text from a user or a file.

The texts are the issue's fixed list (the engine's :data:`FIXED`) and generated
ones. Each is put in every free-text field of the demo case (label, lesion ids
and sites, a new lesion's site, toxicity notes, decision reasons) and in the
case file's name; the file is opened and the assistant shows the summary, the
baseline and the last decision (its transcript holds every note and reason), the
override dialog with the text pasted in, a dialog naming the file and a
notification naming it. Then:

- nothing raised, and the app is still running (also after a click on the label,
  where ``[@click=app.quit]`` would be a link if it were read as markup);
- every frame sent to the terminal holds no character that could act on it
  (no ESC, no C1 control, no bidi override) in the text it draws;
- the text appears as typed, control characters as visible escapes, in the
  header, the fields, the transcript, the notifications and the dialogs.

One app serves every text (opening a case is what is tested, not starting up).
"""

from __future__ import annotations

import asyncio
import contextvars
import io
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Console
from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from il2tui.case.files import CaseError, dump_case
from il2tui.core.textsafe import plain
from il2tui.tui.app import AssistApp, make_app
from il2tui.tui.steps import Step
from il2tui.tui.widgets.case_header import CaseHeader
from il2tui.tui.widgets.field import Field
from il2tui.tui.widgets.transcript_view import TranscriptView
from tests.hardening.hostile_text import FIXED, case_with, shown_in_terminal
from tests.reach import Reach
from tests.tui.conftest import settle


class Shared:
    """One running app on its own event loop, and what it sent to the terminal."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.loop = asyncio.new_event_loop()
        self.context = contextvars.copy_context()  # Textual's context variables live here
        self.app = make_app(data_dir=folder, cursor_blink=False, warm_delay=0)
        self.drawn: list[str] = []
        display = self.app._display

        def recording(screen: Any, update: Any) -> None:
            self.drawn.extend(_texts(update))
            display(screen, update)

        self.app._display = recording  # type: ignore[method-assign]
        self._test = self.app.run_test(size=(100, 30))
        self.pilot: Pilot = self.run(self._test.__aenter__())
        self.run(settle(self.pilot))

    def run(self, work: Coroutine[Any, Any, Any]) -> Any:
        """Run ``work`` on the app's loop, in the app's context, and return its result."""
        return self.loop.run_until_complete(self.loop.create_task(work, context=self.context))

    def close(self) -> None:
        """Leave the app and close the loop."""
        self.run(self._test.__aexit__(None, None, None))
        self.loop.close()


def _texts(update: Any) -> Iterator[str]:
    """The text of every segment a compositor update draws (not Textual's own controls)."""
    lines = getattr(update, "strips", None) or [
        [strip for strip in chop.values() if strip is not None]
        for chop in getattr(update, "chops", [])
    ]
    for line in lines:
        for strip in line:
            yield from (segment.text for segment in strip if segment.control is None)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shared]:
    """The app every text of this module goes through."""
    app = Shared(tmp_path_factory.mktemp("hostile-text"))
    yield app
    app.close()


def file_name(text: str) -> str:
    """A case file name holding the text (no slash or NUL, short enough for the disk)."""
    return "case " + "".join("_" if c in "/\0" else c for c in text[:40]) + ".json"


def as_text(renderable: object) -> str:
    """What a renderable shows, as plain text."""
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


async def visit(pilot: Pilot, path: Path, text: str) -> dict[str, str]:
    """Open ``path`` and show every screen and dialog that shows its text; what each showed."""
    app: AssistApp = pilot.app  # type: ignore[assignment]
    seen: dict[str, str] = {}

    async def go(step: Step) -> None:
        app.jump(step)
        await pilot.pause()  # the review and transcript are drawn once the step is
        transcript = app.screen.query_one(TranscriptView).query_one(Static)
        seen[f"{step.key} transcript"] = str(transcript.content)
        for field in app.screen.query(Field):
            seen[f"{step.key} field {field.id or len(seen)}"] = field.value

    app.open_path(path)
    await pilot.pause()
    seen["header"] = as_text(app.screen.query_one(CaseHeader).render())
    await pilot.click(CaseHeader, offset=(2, 0))
    for step in (Step("baseline"), Step("decision", 4)):
        await go(step)
    await pilot.press("ctrl+o")
    app.screen.query_one("#reason", Field).post_message(events.Paste(text))
    await pilot.pause()
    seen["override reason"] = app.screen.query_one("#reason", Field).value
    await pilot.press("escape", "ctrl+s")
    await settle(pilot)  # the save worker
    seen["notifications"] = " ".join(n.message for n in app._notifications)
    app.open_path(path.with_name("missing " + path.name))
    await pilot.pause()
    seen["dialog"] = str(app.screen.query_one("#dialog-body", Static).content)
    await pilot.press("enter")
    return seen


def check(shared: Shared, text: str) -> None:
    """Open the demo case carrying ``text`` everywhere and check what the assistant showed."""
    try:
        case = case_with(text, past_limits=False)
    except CaseError:
        assume(False)  # a text the case file itself refuses (an empty site, say)
        raise
    REACH.reached()
    path = shared.folder / file_name(text)
    path.write_text(dump_case(case), encoding="utf-8")
    shared.drawn.clear()
    seen = shared.run(visit(shared.pilot, path, text))
    assert shared.app.is_running and shared.app.return_code is None, "an action fired"
    shown_in_terminal("\n".join(shared.drawn))
    label, site = plain(case.patient.label or ""), plain(case.lesions[0].site)
    last = case.courses[3]
    note, reason = plain(last.toxicity_note or ""), plain(last.decision.reason or "")  # type: ignore[union-attr]
    assert label[:20] in seen["header"], seen["header"]
    assert plain(path.name)[:12] in seen["header"], seen["header"]
    fields = [value for key, value in seen.items() if " field " in key]
    assert site in fields, "a lesion site is not shown as typed"
    assert note in fields and reason in fields, "a note or reason is not shown as typed"
    assert f"Note: “{note}”" in seen["decision-4 transcript"]
    assert f"Note: “{reason}”" in seen["decision-4 transcript"]
    assert seen["override reason"] == plain(text)
    assert plain(str(path)) in seen["notifications"]
    assert plain(str(path.with_name("missing " + path.name))) in seen["dialog"]


@pytest.mark.parametrize("name", FIXED)
def test_a_fixed_hostile_text_is_shown_literally(shared: Shared, name: str) -> None:
    """The issue's list, one text at a time, through every screen and dialog above."""
    check(shared, FIXED[name])


REACH = Reach()  # texts the case file refuses are skipped: most must not be


@REACH.most
@settings(
    deadline=None,
    max_examples=10,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60))
def test_generated_text_is_shown_literally(shared: Shared, text: str) -> None:
    """Generated text (any character but lone surrogates), through the same screens."""
    check(shared, text)
