"""Moving between the worklist and its cases: Enter opens a case, Escape comes back.

A case opened from the worklist keeps what was typed on its steps while the clinician
looks at other cases: leaving it parks the session's drafts by file, and opening the
same file again puts them back. Leaving also writes whatever is unsaved and shows the
case's row as it is now. Every file written while the app runs is remembered, so that
``il2 assist`` can name them when it quits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from il2tui.tui.flow import FlowApp
from il2tui.tui.host import Saved
from il2tui.tui.reviewing import clinic_files

if TYPE_CHECKING:
    from il2tui.tui.steps import Step
    from il2tui.tui.worklist_state import Worklist


class WorklistApp(FlowApp):
    """The worklist part of :class:`~il2tui.tui.app.AssistApp` (kept apart to keep files short)."""

    worklist: Worklist | None = None
    """The folder's worklist, once shown: Escape on a case returns to it."""
    saved_paths: list[Path]
    """Every case file written while the app ran, in order (printed when it quits)."""
    _parked: dict[Path | None, dict[str, dict[str, Any]]]
    """Drafts of cases left for the worklist, by file (``None``: a new case not yet saved)."""

    def show_worklist(self, folder: Path | None = None) -> None:
        """The worklist of ``folder`` (default: the one shown last), rows kept from before."""
        from il2tui.tui.screens.worklist import WorklistScreen
        from il2tui.tui.worklist_state import Worklist

        if folder is not None and (self.worklist is None or self.worklist.folder != folder):
            self.worklist = Worklist(folder, clinic_files(self))
        if self.worklist is not None:
            self._swap(WorklistScreen(self.worklist))

    def open_from_worklist(self, path: Path) -> None:
        """Open a case of the worklist at its first open step, with what was typed before."""
        self.open_path(path)
        self._unpark(path)

    def new_case(self, folder: Path | None = None) -> None:
        """A new case (see :meth:`FlowApp.new_case`), with what was typed on one left unsaved."""
        super().new_case(folder)
        if self.worklist is not None:
            self._unpark(None)

    def back_to_worklist(self) -> None:
        """Leave the case for the worklist: keep what was typed, write what is unsaved, and
        show the case's row as it is now."""
        from il2tui.clinical.worklist import review_row

        self._stash_draft()
        session, worklist = self.session, self.worklist
        if session is not None and session.unsaved and self.save_now() is None:
            return  # the dialog offers another file; the case stays open
        if session is not None:
            if session.drafts:
                self._parked[session.path] = session.drafts
            path = session.path
            if worklist and session.case and path and path.is_relative_to(worklist.folder):
                worklist.replace(review_row(str(path), session.case, *clinic_files(self)))
        self.use(None)  # frees the file's lock: the case can be opened again
        self.show_worklist()

    def key_description(self, binding: Binding) -> str:
        """Escape on a step of a case opened from the worklist goes back to the worklist."""
        if binding.id == "back" and self.worklist is not None:
            return "Worklist"
        return binding.description

    def go_back(self, step: Step) -> None:
        """One step back; a case opened from the worklist goes back to the worklist."""
        if self.worklist is not None:
            self.back_to_worklist()
        else:
            super().go_back(step)

    def _written(self, revision: int, path: Path, then: Saved | None) -> None:
        if path not in self.saved_paths:
            self.saved_paths.append(path)
        super()._written(revision, path, then)

    def _unpark(self, path: Path | None) -> None:
        drafts = self._parked.pop(path, None)
        if drafts and self.session is not None and self.session.path == path:
            self.session.drafts.update(drafts)
