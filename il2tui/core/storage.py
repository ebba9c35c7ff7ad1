"""Atomic, private file writes: a crash leaves the old file or the new one, never half.

The text goes to a temporary file in the target's folder (for a symbolic link:
in its real target's folder, so that the link stays a link), is written out with
:func:`os.write` (no user-space buffer is left to flush) and fsynced, replaces
the target with :func:`os.replace`, and then the folder is fsynced so the
rename itself survives a power cut. The file is created with mode 0600 whatever
the umask, and a file that was 0644 becomes 0600. A file the user could not
write in place (read-only, or another user's) is never replaced. If anything
fails, the temporary file is removed, the target is untouched, and a
:class:`SaveError` says which file could not be written and what to do.

New files are created with ``O_EXCL`` the moment their name is chosen
(:func:`create_new`), so two programs can never pick the same name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from il2tui.core.reading import Fingerprint, digest
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
    errno.EFBIG: "shorten the longest texts and save again",
}


class SaveError(OSError):
    """A file could not be written; the old file, if there was one, is unchanged.

    It is an :class:`OSError` (``errno``, ``strerror`` and ``filename`` are the
    cause's), so callers that catch ``OSError`` keep working; ``str()`` is one
    line naming the file, the cause and what to do. ``replaced`` is true in the
    one case where the new text is in place but its folder could not be synced.
    """

    def __init__(
        self,
        path: Path,
        cause: OSError | UnicodeError,
        *,
        replaced: bool = False,
        advice: str | None = None,
    ) -> None:
        code = cause.errno if isinstance(cause, OSError) else None
        super().__init__(code, _reason(cause), str(path))
        self.path = path
        self.replaced = replaced
        self.advice = advice or _advice(cause)

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


def atomic_write_text(path: Path, text: str, max_bytes: int | None = None) -> Fingerprint:
    """Replace ``path`` with ``text`` (UTF-8) atomically, readable by the owner only.

    Raises :class:`SaveError` when the file cannot be written, when the user could
    not write it in place, or when it would be larger than ``max_bytes`` (the most
    its reader accepts: a file written must open). Returns what is now on disk.
    """
    path = Path(path)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SaveError(path, exc) from None
    if max_bytes is not None and len(data) > max_bytes:
        too_big = f"it would be {len(data):,} bytes, more than the {max_bytes:,} it may hold"
        raise SaveError(path, OSError(errno.EFBIG, too_big))
    real = Path(os.path.realpath(path))  # a link is followed: its target is replaced
    _check_may_replace(path, real)
    try:
        written = _write_and_replace(real.parent, real, data)
    except OSError as exc:
        raise SaveError(path, exc) from exc
    try:
        _fsync_folder(real.parent)
    except OSError as exc:
        raise SaveError(path, exc, replaced=True) from exc
    return written


OTHER_FILE = "save it to another file (F6 in the assistant), or ask for write access"


def _check_may_replace(path: Path, real: Path) -> None:
    """Refuse to replace a file its owner keeps read-only, or another user's file.

    Replacing makes a new file owned by this user, mode 0600: the owner of the
    old one would lose it, and a read-only file would silently become writable.
    """
    try:
        info = os.stat(real)
    except OSError:
        return  # no file yet (or no access at all: the write itself says why)
    if not stat.S_ISREG(info.st_mode):
        return  # a folder or a device: the write fails with its own reason
    if info.st_uid != os.geteuid():
        cause = OSError(errno.EACCES, "the file belongs to another user")
        raise SaveError(path, cause, advice=OTHER_FILE)
    if not info.st_mode & stat.S_IWUSR:
        cause = OSError(errno.EACCES, "the file is read-only (its permissions forbid writing)")
        raise SaveError(path, cause, advice=OTHER_FILE)


def create_new(folder: Path, stem: str, suffix: str = ".json") -> Path:
    """Create an empty private file named ``stem`` + ``suffix`` in ``folder`` (made, 0700).

    The name is taken with ``O_EXCL``, so a file another program made a moment
    before is never reused: ``stem-2``, ``stem-3``... are tried instead. Raises
    :class:`SaveError` (with what to do) when the folder cannot be made or written.
    """
    folder = Path(folder)
    candidate = folder / f"{stem}{suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError:  # a file (or a broken link) has the folder's name
        cause = OSError(errno.ENOTDIR, f"{folder} is a file, not a folder")
        raise SaveError(candidate, cause) from None
    except OSError as exc:
        raise SaveError(candidate, exc) from exc
    for name in _names(stem, suffix):
        candidate = folder / name
        if claim(candidate):
            return candidate
    raise SaveError(candidate, OSError(errno.EEXIST, "every name like it is taken"))


def _names(stem: str, suffix: str) -> Iterator[str]:
    """``stem.json``, then ``stem-2.json`` to ``stem-9999.json``."""
    yield f"{stem}{suffix}"
    for number in range(2, 10_000):
        yield f"{stem}-{number}{suffix}"


def claim(path: Path) -> bool:
    """Create ``path`` empty and private if no file has that name; ``False`` if one has.

    ``O_EXCL``: of two programs claiming one name at once, exactly one gets it.
    Raises :class:`SaveError` when the folder cannot be written.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
    except FileExistsError:
        return False
    except OSError as exc:
        raise SaveError(Path(path), exc) from exc
    return True


def _write_and_replace(folder: Path, path: Path, data: bytes) -> Fingerprint:
    """Write ``data`` to a private temporary file in ``folder``, fsync it, rename it."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        try:
            os.fchmod(fd, PRIVATE)
            _write_all(fd, data)
            os.fsync(fd)
            info = os.fstat(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, path)
        return Fingerprint(info.st_dev, info.st_ino, digest(data))
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
