"""One clinician's session: the case in memory, the file it is saved to, and the drafts.

The case file is the only state that survives a restart: it is written after
every completed step (atomically, mode 0600, by :func:`il2tui.caseio.save_case`).
What is typed but not yet answered lives in ``drafts`` (one per step), so going
back a step and forth again loses nothing while the app runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from il2tui import clock
from il2tui.case import Case
from il2tui.caseio import load_case, parse_case, save_case
from il2tui.resources import user_data_dir


@dataclass
class Session:
    """The case being worked on and where it lives."""

    case: Case | None = None
    """``None`` until the patient step is answered."""
    path: Path | None = None
    """The case file; a new case gets an autosave file on its first save."""
    origin: str = "new"
    """``new``, ``file`` or ``demo``: how the case was opened (shown in the header)."""
    revision: int = 0
    """Incremented on every change of ``case``; a review names the revision it reviewed."""
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Step key to the raw values of its form, kept while the app runs."""
    data_dir: Path | None = None
    """Where autosaves go; ``None`` means :func:`il2tui.resources.user_data_dir`."""

    def update(self, case: Case) -> None:
        """Replace the case (a step was answered) and write it to its file."""
        self.case = case
        self.revision += 1
        self.save()

    def save(self) -> Path | None:
        """Write the case to its file (creating the autosave file); ``None`` if no case yet."""
        if self.case is None:
            return None
        if self.path is None:
            self.path = autosave_path(self.data_dir, "case")
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        save_case(self.case, self.path)
        return self.path

    @property
    def file_name(self) -> str:
        """The case file's name for the header (not its folder: that is in the help)."""
        return self.path.name if self.path else "not saved yet"


def open_file(path: Path) -> Session:
    """A session on an existing case file (raises :class:`~il2tui.caseio.CaseError`)."""
    return Session(case=load_case(path, draft=True), path=path, origin="file")


def open_demo(data_dir: Path | None) -> Session:
    """A session on a fresh copy of the shipped demo case; the packaged file is never written."""
    from il2tui.demo import demo_case_text

    case = parse_case(demo_case_text(), source="demo case", draft=True)
    session = Session(case=case, path=autosave_path(data_dir, "demo"), origin="demo")
    session.save()
    return session


def autosave_path(data_dir: Path | None, prefix: str) -> Path:
    """A new file name in the data folder, from the clock: ``case-20260601-093000.json``."""
    folder = data_dir or user_data_dir()
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"{prefix}-{stamp}.json"
    counter = 2
    while path.exists():
        path = folder / f"{prefix}-{stamp}-{counter}.json"
        counter += 1
    return path
