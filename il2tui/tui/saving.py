"""Writing the case to its file in a worker, so that a step transition never waits on the disk.

A save fsyncs the file and its folder, which takes milliseconds on a good disk
and much longer on a slow or network one; the next step is drawn meanwhile.
Writes are serialised by a lock and a write never replaces a newer revision of
the case, so an older case can never overwrite a newer one. Quitting writes
whatever is still unsaved first. A failed save keeps the case in memory and
tells the clinician what to do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from il2tui.tui.reviewing import ReviewingApp

if TYPE_CHECKING:
    from il2tui.case import Case

Saved = Callable[[Path], None]


class SavingApp(ReviewingApp):
    """The part of the app that writes case files (kept apart to keep files short)."""

    def __init__(self) -> None:
        super().__init__()
        self._write_lock = threading.Lock()
        self._tickets = count()
        self._on_disk: dict[Path, int] = {}
        """Each file's newest write, by ticket (tickets are taken in the order of the requests)."""

    def save_soon(self, then: Saved | None = None) -> None:
        """Write the session's case in a worker; ``then(path)`` runs once it is on disk."""
        session = self.session
        if session is None or session.case is None:
            return
        case, revision, path = session.case, session.revision, session.target()
        ticket = next(self._tickets)

        def work() -> None:
            try:
                self._write(case, ticket, path)
            except OSError as exc:
                self.call_from_thread(self.save_failed, exc)
            else:
                self.call_from_thread(self._written, revision, path, then)

        self.run_worker(work, thread=True, group="save", exit_on_error=False)

    def save_now(self) -> Path | None:
        """Write the case at once (before quitting); ``None`` if it failed (the dialog says why)."""
        session = self.session
        if session is None or session.case is None:
            return None
        revision, path = session.revision, session.target()
        try:
            self._write(session.case, next(self._tickets), path)
        except OSError as exc:
            self.save_failed(exc)
            return None
        self._written(revision, path, None)
        return path

    def _write(self, case: Case, ticket: int, path: Path) -> None:
        """Write ``case`` unless a later request already wrote ``path`` (any thread)."""
        from il2tui.tui.session import write_case

        with self._write_lock:
            if self._on_disk.get(path, -1) > ticket:
                return
            write_case(case, path)
            self._on_disk[path] = ticket

    def _written(self, revision: int, path: Path, then: Saved | None) -> None:
        session = self.session
        if session is not None and session.path == path:
            session.saved_revision = max(session.saved_revision, revision)
        if then is not None:
            then(path)

    def save_failed(self, exc: OSError) -> None:
        """Tell the clinician the case is in memory but not on disk, and what to do."""
        where = self.session.path if self.session else None
        self.show_message(
            "The case could not be saved",
            f"Writing {where} failed: {exc.strerror or exc}. Everything you entered is kept "
            "in memory; free some space or fix the folder, then press ctrl+s.",
        )

    def show_message(self, title: str, body: str) -> None:
        """A dialog with a plain message (file names and errors shown literally)."""
        from il2tui.tui.screens.message import MessageScreen

        self.push_screen(MessageScreen(title, body))

    def action_quit(self) -> None:
        """Leave, once whatever is unsaved is written (a failed write keeps the app open)."""
        session = self.session
        if session is not None and session.unsaved and self.save_now() is None:
            return
        self.exit()
