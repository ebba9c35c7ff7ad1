"""One clinician's session: the case in memory, the file it is saved to, and the drafts.

The case file is the only state that survives a restart: it is written after
every completed step (atomically, mode 0600, by :func:`il2tui.case.files.save_case`;
the app does it in a worker, see :mod:`il2tui.tui.saving`). While a session has
a file it holds that file's lock (:mod:`il2tui.core.locking`), and before every
write the file is compared with what was loaded or last saved, so that neither
another ``il2 assist`` nor another program's edit is overwritten silently. What is typed but
not yet answered lives in ``drafts`` (one per step), so going back a step and
forth again loses nothing while the app runs.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from il2tui.core import clock

if TYPE_CHECKING:
    from il2tui.case.model import Case
    from il2tui.core.locking import CaseLock
    from il2tui.core.reading import Fingerprint

#: What a read-only session says when asked to save.
READ_ONLY = "it is open in another il2 assist, so this window only views it"


class ChangedOnDisk(Exception):
    """Another program changed the case file since it was loaded or last saved here."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} was changed by another program since it was opened here")
        self.path = path


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
    prefix: str = "case"
    """The start of an autosave file's name (``case-20260601-093000.json``)."""
    read_only: bool = False
    """True when another ``il2 assist`` has the file open: nothing is written to it."""
    lock: CaseLock | None = None
    """The lock of ``path`` while this session holds it."""
    known: dict[Path, Fingerprint | None] = field(default_factory=dict)
    """Each file's fingerprint as loaded or last written here (``None``: it did not exist)."""

    def update(self, case: Case) -> None:
        """Replace the case (a step was answered); the app then writes it to its file."""
        self.case = case
        self.revision += 1

    @property
    def unsaved(self) -> bool:
        """True when the case in memory is newer than its file."""
        return self.case is not None and self.saved_revision != self.revision

    def target(self) -> Path:
        """The case file, creating a new autosave file the first time.

        Raises :class:`~il2tui.core.storage.SaveError` when the data folder cannot be
        made or written (a file in its place, no permission, a full disk).
        """
        if self.path is None:
            self.move_to(autosave_path(self.data_dir, self.prefix))
        assert self.path is not None
        return self.path

    def move_to(self, path: Path) -> None:
        """The case lives in ``path`` from now on: take its lock, free the old one.

        Raises :class:`~il2tui.core.locking.HeldElsewhere` when another ``il2 assist``
        has ``path`` open (the session is then unchanged).
        """
        from il2tui.core.locking import lock

        new_lock = lock(path)
        self.release()
        self.path, self.lock, self.read_only = path, new_lock, False
        self.known[path] = fingerprint_of(path)

    def release(self) -> None:
        """Free the file's lock (on leaving the case or the app)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    @property
    def file_name(self) -> str:
        """The case file's name for the header (not its folder: that is in the help)."""
        if self.path is None:
            return "not saved yet"
        return f"{self.path.name} (read-only)" if self.read_only else self.path.name


def write_case(session: Session, case: Case, path: Path) -> None:
    """Write ``case`` to ``path`` atomically (mode 0600), unless someone else changed it.

    Raises :class:`ChangedOnDisk` when the file no longer holds what was loaded or
    last written here, and :class:`OSError` (the engine's ``SaveError``) when it
    cannot be written: a read-only session, a file the user may not write, a
    folder that has vanished (not recreated: it may be an unmounted disk).
    """
    import errno

    from il2tui.case.files import save_case
    from il2tui.core.storage import OTHER_FILE, SaveError

    if session.read_only and path == session.path:
        raise SaveError(path, OSError(errno.EBUSY, READ_ONLY), advice=OTHER_FILE)
    now = fingerprint_of(path)
    if now is not None and not now.same_content(session.known.get(path)):
        raise ChangedOnDisk(path)
    session.known[path] = save_case(case, path)


def open_file(path: Path, read_only: bool = False) -> Session:
    """A session on an existing case file, holding its lock unless ``read_only``.

    Raises :class:`~il2tui.case.files.CaseError` when it is not a valid case (no lock
    file is made for it), :class:`~il2tui.core.locking.HeldElsewhere` when another
    ``il2 assist`` has it open.
    """
    from il2tui.case.files import load_case
    from il2tui.core.locking import lock

    try:
        seen = fingerprint_of(path)  # before reading: a change in between is caught, not missed
    except OSError:
        seen = None  # unreadable: load_case says so in its own words
    case = load_case(path, draft=True)
    return Session(
        case=case,
        path=path,
        origin="file",
        saved_revision=0,
        read_only=read_only,
        lock=None if read_only else lock(path),
        known={path: seen},
    )


def open_demo(data_dir: Path | None) -> Session:
    """A session on a fresh copy of the shipped demo case; the packaged file is never written.

    The copy's file is created here and written by the app (in a worker), like every
    save; when the data folder cannot be written, the first save says so.
    """
    from il2tui.case.demo import demo_case_text
    from il2tui.case.files import parse_case

    case = parse_case(demo_case_text(), source="demo case", draft=True)
    session = Session(case=case, origin="demo", data_dir=data_dir, prefix="demo")
    with contextlib.suppress(OSError):
        session.target()
    return session


def autosave_path(data_dir: Path | None, prefix: str) -> Path:
    """A new, empty, private file in the data folder, named from the clock.

    For example ``case-20260601-093000.json`` (``-2``, ``-3``... when another
    session took that name in the same second: names are taken with ``O_EXCL``).
    """
    from il2tui.core.resources import user_data_dir
    from il2tui.core.storage import create_new

    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    return create_new(data_dir or user_data_dir(), f"{prefix}-{stamp}")


def fingerprint_of(path: Path) -> Fingerprint | None:
    from il2tui.case.files import MAX_FILE_BYTES
    from il2tui.core.reading import fingerprint

    return fingerprint(path, MAX_FILE_BYTES)
