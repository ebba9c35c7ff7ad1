"""Fixtures and helpers for the assistant's Pilot and snapshot tests.

Every app is built by :func:`il2tui.tui.app.make_app` with the test's own data
folder, no cursor blink and no warm-up delay; the clock and home folder are
pinned by the suite's ``conftest``.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable

from il2tui.tui import app as tui_app
from il2tui.tui import memory
from il2tui.tui.app import AssistApp, make_app


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Where the app under test saves new cases and demo copies."""
    return tmp_path / "data"


@pytest.fixture
def build(data_dir: Path) -> Callable[..., AssistApp]:
    """Build the app as the CLI does, but deterministic (no blink, no animation, no warm-up
    delay): a scroll that animates could be caught half-way by a snapshot."""

    def factory(**kwargs: Any) -> AssistApp:
        app = make_app(**({"data_dir": data_dir, "cursor_blink": False, "warm_delay": 0} | kwargs))
        app.animation_level = "none"
        return app

    return factory


def pending(app: App) -> list[str]:
    """What the app still has to do before its screen is final: unfinished workers (a
    review, evidence tables), a table whose column widths and row heights are not yet
    measured (Textual's DataTable does that when idle), a layout not yet recomputed.

    The DataTable and Screen attributes are Textual's own (8.2.8, pinned exactly).
    """
    waiting = [f"worker {worker.name!r}" for worker in app.workers if not worker.is_finished]
    screen = app.screen
    for table in screen.query(DataTable):
        if table._require_update_dimensions or table._new_rows or table._updated_cells:
            waiting.append(f"the layout of table #{table.id}")
    if screen._layout_required:
        waiting.append("the screen's layout")
    return waiting


async def settle(pilot: Pilot) -> None:
    """Wait until the app is idle: messages handled, workers (reviews, tables) finished,
    every table's columns measured and the screen laid out again after them.

    Fails (rather than let a test look at a half-drawn screen) if that never happens.
    """
    for _ in range(50):  # bounded: a finished worker may start one more
        if pilot.app.return_code is not None:  # the app has exited: nothing more will draw
            return
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not pending(pilot.app):
            return
    raise AssertionError(f"the app never settled, still waiting for {pending(pilot.app)}")


async def typed(pilot: Pilot, text: str) -> None:
    """Type ``text`` one key at a time, as a person would."""
    await pilot.press(*("space" if ch == " " else ch for ch in text))


async def typed_lesion(pilot: Pilot, site: str, *diameters: str) -> None:
    """On a baseline row's site field: the site, then (past the method) each diameter."""
    await typed(pilot, site)
    await pilot.press("tab")
    for diameter in diameters:
        await pilot.press("tab")
        await typed(pilot, diameter)


async def settled_before(pilot: Pilot) -> None:
    """A snapshot's ``run_before``: let the first screen load its review and evidence."""
    await settle(pilot)


class NetworkUsed(OSError):
    """Raised by the guarded socket functions: the assistant tried to reach the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Sockets to the network refused (local socket pairs, which asyncio needs, still work).

    Returns the list of attempts, each as the call that was refused.
    """
    attempts: list[str] = []

    def refuse(what: str) -> NetworkUsed:
        attempts.append(what)
        return NetworkUsed(f"no network in this test: {what}")

    class LocalOnly(socket.socket):
        def __init__(self, family: int = -1, *args: Any, **kwargs: Any) -> None:
            if family in (-1, socket.AF_INET, socket.AF_INET6):
                raise refuse(f"socket(family={family})")
            super().__init__(family, *args, **kwargs)

    def create_connection(address: object, *args: Any, **kwargs: Any) -> socket.socket:
        raise refuse(f"create_connection({address!r})")

    def getaddrinfo(host: object, *args: Any, **kwargs: Any) -> list[Any]:
        raise refuse(f"getaddrinfo({host!r})")

    monkeypatch.setattr(socket, "socket", LocalOnly)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


class FakeApp:
    """Stands in for the Textual app: records how it was built and that it ran."""

    built: ClassVar[dict[str, object]] = {}
    exit_line = None
    return_code = 0

    def __init__(self, **kwargs: object) -> None:
        FakeApp.built = dict(kwargs) | {"ran": False}

    def run(self) -> None:
        FakeApp.built["ran"] = True


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeApp]]:
    monkeypatch.setattr(tui_app, "make_app", lambda **kw: FakeApp(**kw))
    FakeApp.built = {}
    yield FakeApp
    memory.restore()  # the fake never draws a frame, so nothing else ends the start-up pause
