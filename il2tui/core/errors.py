"""One-line problems with input files: which file, which field, what is wrong.

The CLI prints them with exit status 2 and the assistant shows them in a
dialog; both case files and guideline files report through this class.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import ValidationError


class InputFileError(ValueError):
    """A file that cannot be used, with where (file, field path) and why."""

    def __init__(self, source: str, path: str, message: str) -> None:
        self.source, self.path, self.message = source, path, message
        where = f"{source}: {path}" if path else source
        super().__init__(f"{where}: {message}")


#: A key longer than this is cut in a field path (a lesion id has at most 40 characters).
MAX_KEY_SHOWN = 40
#: A path longer than this is cut (a case file's paths are a few dozen characters).
MAX_PATH_SHOWN = 160
_PLAIN_KEY = re.compile(r"[\w-]+")


def format_path(loc: Sequence[str | int]) -> str:
    """``('courses', 1, 'start')`` as ``courses[1].start``.

    A key that holds anything but letters, digits, ``_`` and ``-`` is quoted
    (``measurements["a.b"]``), so the path stays unambiguous; a long key or a
    path deep in a hostile file is cut.
    """
    out = ""
    for part in loc:
        if len(out) > MAX_PATH_SHOWN:
            return out + "..."
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part) and len(part) <= MAX_KEY_SHOWN:
            out += f".{part}" if out else part
        else:
            out += f"[{_short_key(part)}]"
    return out


def _short_key(key: str) -> str:
    shown = json.dumps(key[:MAX_KEY_SHOWN], ensure_ascii=False)
    return shown if len(key) <= MAX_KEY_SHOWN else shown[:-1] + '..."'


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
    error_type, message = error["type"], error["msg"]
    if loc and loc[-1] == "diagnosis" and error_type == "literal_error":
        return (
            f"{show(error['input'])} is not covered: the evidence covers only metastatic "
            "melanoma (melanoma) and renal cell cancer (renal_cell)"
        )
    if error_type == "extra_forbidden":
        return f"is not a field of {kind} (a typo?)"
    if error_type == "missing":
        return "is required"
    message = message.removeprefix("Value error, ")
    return f"{message[0].lower()}{message[1:]} (found {show(error.get('input'))})"


#: A value in a message is cut after this many characters.
MAX_VALUE_SHOWN = 60


def show(value: object) -> str:
    """An input value for a one-line message: exact digits, escapes made visible, short.

    Lists and objects are written as in the file (``[-0.0, 3]``), to a bounded
    depth and length, so a deeply nested or huge value gives a short line.
    """
    text = _literal(value, MAX_VALUE_SHOWN + 1)
    return text if len(text) <= MAX_VALUE_SHOWN else text[: MAX_VALUE_SHOWN - 3] + "..."


def _literal(value: object, budget: int) -> str:
    """``value`` as text, stopping once ``budget`` characters are written."""
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, list | tuple):
        return "[" + _items(map(lambda v: _literal(v, budget - 1), value), budget) + "]"
    if isinstance(value, dict):
        pairs = (f"{_literal(k, budget)}: {_literal(v, budget - 1)}" for k, v in value.items())
        return "{" + _items(pairs, budget) + "}"
    if isinstance(value, str):
        return repr(value[:budget])
    return repr(value)[:budget]


def _items(parts: Iterator[str], budget: int) -> str:
    """Join ``parts`` with commas until ``budget`` characters (the rest is not built)."""
    out: list[str] = []
    used = 0
    for part in parts if budget > 0 else ():
        out.append(part)
        used += len(part) + 2
        if used > budget:
            break
    return ", ".join(out)


def _decimal(value: Decimal) -> str:
    plain = value.is_finite() and -30 < value.adjusted() < 30 and len(value.as_tuple()[1]) < 60
    return format(value, "f") if plain else f"{value:.6E}"
