"""Reading small input files safely: regular files only, a size limit, UTF-8.

Writing lives in :mod:`il2tui.core.storage`; both case files and guideline files
are read here, and every failure becomes the caller's :class:`InputFileError`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from msgspec import Struct

from il2tui.core.errors import InputFileError


def read_small_text(path: Path, max_bytes: int, error: type[InputFileError]) -> str:
    """Read a small UTF-8 file; every failure becomes ``error`` naming the file.

    The file is opened without blocking and must be a regular file, so a folder,
    a FIFO or a device is refused instead of hanging or being read forever.
    """
    source = str(path)
    try:
        raw = _read_regular(path, max_bytes, lambda message: error(source, "", message))
    except FileNotFoundError:
        raise error(source, "", "no such file") from None
    except PermissionError:
        raise error(source, "", "cannot be read (permission denied)") from None
    except OSError as exc:
        raise error(source, "", f"cannot be read ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")  # a BOM, as some editors write
    except UnicodeDecodeError as exc:
        raise error(source, "", f"is not UTF-8 text (byte {exc.start})") from None


def _read_regular(path: Path, max_bytes: int, problem: Callable[[str], Exception]) -> bytes:
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise problem("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise problem("is not a regular file")
        if info.st_size > max_bytes:
            raise problem(f"is {info.st_size:,} bytes; at most {max_bytes:,} are read")
        return _read_all(fd, info.st_size, max_bytes)
    finally:
        os.close(fd)


def _read_all(fd: int, size: int, max_bytes: int) -> bytes:
    """What the file holds: ``size`` bytes, or more if it grew while being read (the reading
    stops once past ``max_bytes``, which the caller then refuses)."""
    chunks = [os.read(fd, size + 1)]
    while chunks[-1] and sum(map(len, chunks)) <= max_bytes:
        chunks.append(os.read(fd, max_bytes))
    return b"".join(chunks)


class Fingerprint(Struct, frozen=True):
    """Which file and what it held: compared before a save, so that a change made by
    another program is never overwritten silently."""

    device: int
    inode: int
    sha256: str

    def same_content(self, other: Fingerprint | None) -> bool:
        """True when ``other`` holds the same bytes (a copy saved back unchanged is fine)."""
        return other is not None and other.sha256 == self.sha256


def fingerprint(path: Path, max_bytes: int) -> Fingerprint | None:
    """The file's identity and the hash of its bytes; ``None`` when there is no such file.

    A file that cannot be read or is too big to be a case gets a hash no content has.
    """
    try:
        fd = os.open(os.path.realpath(path), os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return Fingerprint(info.st_dev, info.st_ino, "not a case file")
        return Fingerprint(info.st_dev, info.st_ino, digest(_read_all(fd, info.st_size, max_bytes)))
    finally:
        os.close(fd)


def digest(data: bytes) -> str:
    """The SHA-256 of ``data``, in hex (hashlib is loaded here, on the first save: a review
    never needs it, and loading OpenSSL's was 1% of a minimal Textual app's start)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()
