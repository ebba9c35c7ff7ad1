"""One clinician's session: the case in memory, the file it is saved to, and the drafts.

The case file is the only state that survives a restart: it is written after
every completed step (atomically, mode 0600, by :func:`il2tui.case.files.save_case`;
the app does it in a worker, see :mod:`il2tui.tui.saving`). What is typed but
not yet answered lives in ``drafts`` (one per step), so going back a step and
forth again loses nothing while the app runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from il2tui.core import clock

if TYPE_CHECKING:
    from il2tui.case.model import Case


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
    """Where autosaves go; ``None`` means :func:`il2tui.core.resources.user_data_dir`."""
    saved_revision: int = -1
    """The revision last written to ``path`` (``revision`` when nothing is unsaved)."""

    def update(self, case: Case) -> None:
        """Replace the case (a step was answered); the app then writes it to its file."""
        self.case = case
        self.revision += 1

    @property
    def unsaved(self) -> bool:
        """True when the case in memory is newer than its file."""
        return self.case is not None and self.saved_revision != self.revision

    def target(self) -> Path:
        """The case file, naming a new autosave file the first time."""
        if self.path is None:
            self.path = autosave_path(self.data_dir, "case")
        return self.path

    @property
    def file_name(self) -> str:
        """The case file's name for the header (not its folder: that is in the help)."""
        return self.path.name if self.path else "not saved yet"


def write_case(case: Case, path: Path) -> None:
    """Write ``case`` to ``path`` atomically (mode 0600).

    Raises :class:`OSError` (the engine's ``SaveError``) when it cannot be written;
    a folder that has vanished is not recreated (it may be an unmounted disk).
    """
    from il2tui.case.files import save_case

    save_case(case, path)


def open_file(path: Path) -> Session:
    """A session on an existing case file (raises :class:`~il2tui.case.files.CaseError`)."""
    from il2tui.case.files import load_case

    case = load_case(path, draft=True)
    return Session(case=case, path=path, origin="file", saved_revision=0)


def open_demo(data_dir: Path | None) -> Session:
    """A session on a fresh copy of the shipped demo case; the packaged file is never written.

    The copy is named here and written by the app (in a worker), like every save.
    """
    from il2tui.case.demo import demo_case_text
    from il2tui.case.files import parse_case

    case = parse_case(demo_case_text(), source="demo case", draft=True)
    return Session(case=case, path=autosave_path(data_dir, "demo"), origin="demo")


def autosave_path(data_dir: Path | None, prefix: str) -> Path:
    """A new file name in the data folder (created, private), from the clock.

    For example ``case-20260601-093000.json``.
    """
    from il2tui.core.resources import user_data_dir

    folder = data_dir or user_data_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"{prefix}-{stamp}.json"
    counter = 2
    while path.exists():
        path = folder / f"{prefix}-{stamp}-{counter}.json"
        counter += 1
    return path
