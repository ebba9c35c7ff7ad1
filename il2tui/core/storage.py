"""Atomic, private file writes: a crash leaves the old file or the new one, never half.

The text goes to a temporary file in the target's folder, is written out with
:func:`os.write` (no user-space buffer is left to flush) and fsynced, replaces
the target with :func:`os.replace`, and then the folder is fsynced so the
rename itself survives a power cut. The file is created with mode 0600 whatever
the umask, and a file that was 0644 becomes 0600. If anything fails, the
temporary file is removed, the target is untouched, and a :class:`SaveError`
says which file could not be written and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from il2tui.core.textsafe import plain

PRIVATE = 0o600

_ADVICE = {
    errno.ENOSPC: "the disk is full: free some space, or save to another disk",
    errno.EDQUOT: "your disk quota is used up: free some space, or save elsewhere",
    errno.ENOENT: "the folder does not exist (removed or unmounted?): "
    "recreate it, or save to another folder",
    errno.EACCES: "you may not write in this folder: save to a folder of your own",
    errno.EPERM: "you may not write in this folder: save to a folder of your own",
    errno.EROFS: "the disk is read-only: save to another disk",
    errno.EISDIR: "a folder has this name: choose another file name",
    errno.ENOTDIR: "part of the path is a file, not a folder: choose another folder",
}


class SaveError(OSError):
    """A file could not be written; the old file, if there was one, is unchanged.

    It is an :class:`OSError` (``errno``, ``strerror`` and ``filename`` are the
    cause's), so callers that catch ``OSError`` keep working; ``str()`` is one
    line naming the file, the cause and what to do. ``replaced`` is true in the
    one case where the new text is in place but its folder could not be synced.
    """

    def __init__(
        self, path: Path, cause: OSError | UnicodeError, *, replaced: bool = False
    ) -> None:
        code = cause.errno if isinstance(cause, OSError) else None
        super().__init__(code, _reason(cause), str(path))
        self.path = path
        self.replaced = replaced
        self.advice = _advice(cause)

    def __str__(self) -> str:
        if self.replaced:
            return plain(
                f"{self.path} was written but may not survive a power cut: syncing its "
                f"folder failed ({self.strerror}); save again, or save to another folder."
            )
        return plain(
            f"{self.path} was not saved: {self.strerror}; {self.advice}. "
            "The previous version of the file, if any, is unchanged."
        )


def _advice(cause: OSError | UnicodeError) -> str:
    if isinstance(cause, UnicodeError):
        return "remove that character and save again"
    return _ADVICE.get(cause.errno or 0, "save to another folder, or try again")


def _reason(cause: OSError | UnicodeError) -> str:
    if isinstance(cause, UnicodeEncodeError):
        return f"the text holds a character UTF-8 cannot write (position {cause.start})"
    text = getattr(cause, "strerror", None) or str(cause)
    return text[:1].lower() + text[1:]


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically, readable by the owner only.

    Raises :class:`SaveError` when the file cannot be written.
    """
    path = Path(path)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SaveError(path, exc) from None
    try:
        _write_and_replace(path.parent, path, data)
    except OSError as exc:
        raise SaveError(path, exc) from exc
    try:
        _fsync_folder(path.parent)
    except OSError as exc:
        raise SaveError(path, exc, replaced=True) from exc


def _write_and_replace(folder: Path, path: Path, data: bytes) -> None:
    """Write ``data`` to a private temporary file in ``folder``, fsync it, rename it."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        try:
            os.fchmod(fd, PRIVATE)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _write_all(fd: int, data: bytes) -> None:
    """:func:`os.write` until every byte is written (a write may be partial)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
