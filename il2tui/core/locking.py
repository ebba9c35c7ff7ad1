"""One writer per case file: an advisory lock held while a file is open in the assistant.

The lock is a hidden file beside the case's real file (``.case.json.lock``),
locked with ``flock`` by :mod:`filelock`: it stays valid while the case file
itself is replaced on every save, and the system releases it when the process
ends, even on a crash. Other programs are not stopped (the lock is advisory);
a change they make is caught before the next save by comparing fingerprints
(:func:`il2tui.core.reading.fingerprint`).
"""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout


class HeldElsewhere(Exception):
    """Another process (another ``il2 assist``) has this case file open."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is already open in another il2 assist")
        self.path = path


class CaseLock:
    """The lock of one case file; :meth:`release` (or the process ending) frees it."""

    def __init__(self, path: Path) -> None:
        real = Path(os.path.realpath(path))
        self.path = Path(path)
        self._lock = FileLock(real.parent / f".{real.name}.lock", mode=0o600, thread_local=False)

    def acquire(self) -> bool:
        """Take the lock now, without waiting; ``False`` when no lock file can be made there
        (a folder the user may not write: nothing can be saved there either).

        Raises :class:`HeldElsewhere` when another process holds it.
        """
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise HeldElsewhere(self.path) from None
        except OSError:
            return False
        return True

    def release(self) -> None:
        """Free the lock (the lock file stays, empty: removing it could race another taker)."""
        self._lock.release(force=True)


def lock(path: Path) -> CaseLock:
    """The lock of ``path``, taken (see :meth:`CaseLock.acquire`)."""
    case_lock = CaseLock(path)
    case_lock.acquire()
    return case_lock
