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
from textual.pilot import Pilot

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


async def settle(pilot: Pilot) -> None:
    """Wait until the app is idle: messages handled, workers (reviews, tables) finished."""
    for _ in range(20):  # bounded: a finished worker may start one more
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(not w.is_finished for w in pilot.app.workers):
            return


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
