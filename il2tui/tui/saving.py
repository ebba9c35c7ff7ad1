"""Writing the case to its file in a worker, so that a step transition never waits on the disk.

A save fsyncs the file and its folder, which takes milliseconds on a good disk
and much longer on a slow or network one; the next step is drawn meanwhile.
Writes are serialised by a lock and a write never replaces a newer revision of
the case, so an older case can never overwrite a newer one. Quitting writes
whatever is still unsaved first. A failed save keeps the case in memory and
tells the clinician what to do: free space and press ctrl+s, or save to
another file (F6, :mod:`il2tui.tui.screens.save_as`). A file another program
changed is never overwritten without asking (:mod:`il2tui.tui.screens.changed`).
"""

from __future__ import annotations

import threading
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, cast

from il2tui.tui.host import AssistHost, Saved
from il2tui.tui.reviewing import ReviewingApp

if TYPE_CHECKING:
    from il2tui.case.model import Case
    from il2tui.tui.session import Session


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
        try:
            path = session.target()
        except OSError as exc:  # the data folder cannot be made or written: said once the
            self.call_later(self.save_failed, exc)  # next step is up (it would close it)
            return
        case, revision, ticket = session.case, session.revision, next(self._tickets)

        def work() -> None:
            try:
                self._write(session, case, ticket, path)
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
        try:
            revision, path = session.revision, session.target()
            self._write(session, session.case, next(self._tickets), path)
        except Exception as exc:  # shown in the dialog; the case stays in memory
            self.save_failed(exc)
            return None
        self._written(revision, path, None)
        return path

    def _write(self, session: Session, case: Case, ticket: int, path: Path) -> None:
        """Write ``case`` unless a later request already wrote ``path`` (any thread)."""
        from il2tui.tui.session import write_case

        with self._write_lock:
            if self._on_disk.get(path, -1) > ticket:
                return
            write_case(session, case, path)
            self._on_disk[path] = ticket

    def _written(self, revision: int, path: Path, then: Saved | None) -> None:
        session = self.session
        if session is not None and session.path == path:
            session.saved_revision = max(session.saved_revision, revision)
        self._quit_refused = False
        if then is not None:
            then(path)

    def save_failed(self, exc: Exception) -> None:
        """Tell the clinician the case is in memory but not on disk, and offer another file;
        a file another program changed gets the question what to do instead."""
        from il2tui.tui.screens.save_as import describe_failure
        from il2tui.tui.session import ChangedOnDisk

        if isinstance(exc, ChangedOnDisk):
            self._ask_about_change(exc.path)
        else:
            self._ask_where(describe_failure(exc))

    def _ask_about_change(self, path: Path) -> None:
        from il2tui.tui.screens.changed import ChangedScreen
        from il2tui.tui.session import fingerprint_of

        def decide(choice: str | None) -> None:
            session = self.session
            if session is None or session.path != path or choice is None:
                return  # Escape: nothing written, the case stays in memory
            if choice == "theirs":  # their file, as it is now, replaces the case in memory
                session.release()
                cast("AssistHost", self).open_path(path)
            elif choice == "mine":
                self._save_to_new_beside(path)
            else:
                session.known[path] = fingerprint_of(path)
                self.save_soon(self._saved_elsewhere)

        if not isinstance(self.screen, ChangedScreen):
            self.push_screen(ChangedScreen(path), decide)

    def _save_to_new_beside(self, path: Path) -> None:
        """Save mine as a new file beside ``path`` (its name taken with ``O_EXCL``)."""
        from il2tui.core.storage import create_new

        try:
            self._save_to(create_new(path.parent, f"{path.stem}-mine"))
        except OSError as exc:
            self.save_failed(exc)

    def use(self, session: Session | None) -> None:
        """Work on ``session`` from now on, freeing the lock of the previous one."""
        if self.session is not None and self.session is not session:
            self.session.release()
        self.session = session

    def action_save_as(self) -> None:
        """Ask for another file and save the case there."""
        if self.session is None or self.session.case is None:
            self.notify("Nothing to save yet: answer the patient step first.", timeout=4)
            return
        self._ask_where(None)

    def _ask_where(self, problem: str | None) -> None:
        from il2tui.tui.screens.save_as import SaveAsScreen, suggest

        current = self.session.path if self.session else None
        self.push_screen(SaveAsScreen(suggest(Path.home(), current), problem), self._save_to_asked)

    def _save_to_asked(self, path: Path | None) -> None:
        """The file typed in the dialog: one that exists (not the current one) is replaced only
        once the clinician says so."""
        from il2tui.core.storage import claim
        from il2tui.tui.screens.message import ConfirmScreen

        session = self.session
        if path is None or session is None:
            return
        if session.path is not None and _same_file(path, session.path):
            self._save_to(session.path)
            return
        try:
            if claim(path):  # created, empty, with O_EXCL: nobody else can take the name now
                self._save_to(path)
                return
        except OSError as exc:
            self.save_failed(exc)
            return
        replace = ConfirmScreen(
            "Replace the existing file?",
            f"{path} already exists. Saving there replaces what it holds with this case.",
            buttons=("Replace it", "Choose another name"),
        )
        self.push_screen(replace, lambda yes: self._save_to(path) if yes else self._ask_where(None))

    def _save_to(self, path: Path) -> None:
        """The case now lives in ``path``: take its lock and write it there (a failure asks
        again)."""
        from il2tui.core.locking import HeldElsewhere

        session = self.session
        if session is None:
            return
        if path != session.path:
            try:
                session.move_to(path)
            except HeldElsewhere as exc:
                self.save_failed(OSError(f"{exc}: choose another file"))
                return
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


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return one == other
