"""One-line problems with input files: which file, which field, what is wrong.

The CLI prints them with exit status 2 and the assistant shows them in a
dialog; both case files and guideline files report through this class.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError


class InputFileError(ValueError):
    """A file that cannot be used, with where (file, field path) and why."""

    def __init__(self, source: str, path: str, message: str) -> None:
        self.source, self.path, self.message = source, path, message
        where = f"{source}: {path}" if path else source
        super().__init__(f"{where}: {message}")


def format_path(loc: Sequence[str | int]) -> str:
    """``('courses', 1, 'start')`` as ``courses[1].start``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def first_problem(exc: ValidationError, kind: str) -> tuple[str, str]:
    """The field path and a plain message for the shallowest error of a validation.

    ``kind`` names the file format in messages (``il2-case/1``).
    """
    error = min(exc.errors(include_url=False), key=lambda e: len(e["loc"]))
    loc = [part for part in error["loc"] if not _is_union_tag(part)]
    return format_path(loc), _friendly(loc, error, kind)


def _is_union_tag(part: str | int) -> bool:
    return isinstance(part, str) and ("[" in part or part in ("function-after", "tuple"))


def _friendly(loc: list[str | int], error: dict[str, Any], kind: str) -> str:
    kind, message = error["type"], error["msg"]
    if loc and loc[-1] == "diagnosis" and kind == "literal_error":
        return (
            f"{error['input']!r} is not covered: the evidence covers only metastatic "
            "melanoma (melanoma) and renal cell cancer (renal_cell)"
        )
    if kind == "extra_forbidden":
        return f"is not a field of {kind} (a typo?)"
    if kind == "missing":
        return "is required"
    message = message.removeprefix("Value error, ")
    return f"{message[0].lower()}{message[1:]} (found {show(error.get('input'))})"


def show(value: object) -> str:
    """An input value for a one-line message: exact digits, escapes made visible, short."""
    if isinstance(value, Decimal):
        plain = value.is_finite() and -30 < value.adjusted() < 30 and len(value.as_tuple()[1]) < 60
        text = format(value, "f") if plain else f"{value:.6E}"
    else:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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
        return raw.decode("utf-8")
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
        chunks = [os.read(fd, info.st_size + 1)]
        while chunks[-1] and sum(map(len, chunks)) <= max_bytes:  # grew while being read
            chunks.append(os.read(fd, max_bytes))
        return b"".join(chunks)
    finally:
        os.close(fd)
