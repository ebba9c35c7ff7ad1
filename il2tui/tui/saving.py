"""Writing the case to its file in a worker, so that a step transition never waits on the disk.

A save fsyncs the file and its folder, which takes milliseconds on a good disk
and much longer on a slow or network one; the next step is drawn meanwhile.
Writes are serialised by a lock and a write never replaces a newer revision of
the case, so an older case can never overwrite a newer one. Quitting writes
whatever is still unsaved first. A failed save keeps the case in memory and
tells the clinician what to do: free space and press ctrl+s, or save to
another file (F6, :mod:`il2tui.tui.screens.save_as`).
"""

from __future__ import annotations

import threading
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from il2tui.tui.host import Saved
from il2tui.tui.reviewing import ReviewingApp

if TYPE_CHECKING:
    from il2tui.case.model import Case


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
            except Exception as exc:  # any failure: the case stays in memory, the dialog says so
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
        except Exception as exc:  # shown in the dialog; the case stays in memory
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
        self._quit_refused = False
        if then is not None:
            then(path)

    def save_failed(self, exc: Exception) -> None:
        """Tell the clinician the case is in memory but not on disk, and offer another file."""
        from il2tui.tui.screens.save_as import describe_failure

        self._ask_where(describe_failure(exc))

    def action_save_as(self) -> None:
        """Ask for another file and save the case there."""
        if self.session is None or self.session.case is None:
            self.notify("Nothing to save yet: answer the patient step first.", timeout=4)
            return
        self._ask_where(None)

    def _ask_where(self, problem: str | None) -> None:
        from il2tui.tui.screens.save_as import SaveAsScreen

        current = self.session.path if self.session else None
        suggestion = Path.home() / (current.name if current else "il2-case.json")
        self.push_screen(SaveAsScreen(suggestion, problem), self._save_to)

    def _save_to(self, path: Path | None) -> None:
        """The case now lives in ``path``: write it there (a failure asks again)."""
        if path is None or self.session is None:
            return
        self.session.path = path
        self.save_soon(self._saved_elsewhere)

    def _saved_elsewhere(self, path: Path) -> None:
        self.notify(f"Saved to {path}.", timeout=6)
        self.case_file_changed()

    def case_file_changed(self) -> None:
        """The case file is another one now (the header names it)."""

    def show_message(self, title: str, *body: str) -> None:
        """A dialog with paragraphs of plain text (file names and errors shown literally)."""
        from il2tui.tui.screens.message import MessageScreen

        self.push_screen(MessageScreen(title, *body))

    _quit_refused: bool = False

    def action_quit(self) -> None:
        """Leave, once whatever is unsaved is written.

        A failed write keeps the app open, with the dialog that offers another file;
        ctrl+q a second time then quits without saving.
        """
        session = self.session
        unsaved = session is not None and session.unsaved and not self._quit_refused
        if unsaved and self.save_now() is None:
            self._quit_refused = True
            self.notify("Not saved: save elsewhere, or press ctrl+q again to quit anyway.")
            return
        self.exit()
