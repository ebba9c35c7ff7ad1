"""Reading, checking and writing ``il2-case/1`` files.

Every problem becomes a :class:`CaseError` naming the file, the field path
(``courses[1].assessments[0].measurements.L2``) and what is wrong, in one
line: the CLI prints it with exit status 2, the TUI shows it in a dialog.
Reading never changes the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from il2tui.case import FORMAT, Case
from il2tui.caserules import consistency_problems
from il2tui.jsonio import JSONInputError, dumps_exact, loads_exact
from il2tui.storage import atomic_write_text

#: A case file is a few kilobytes; anything past this is not a case file.
MAX_FILE_BYTES = 2 * 1024 * 1024


class CaseError(ValueError):
    """A case file that cannot be used, with where and why."""

    def __init__(self, source: str, path: str, message: str) -> None:
        self.source, self.path, self.message = source, path, message
        where = f"{source}: {path}" if path else source
        super().__init__(f"{where}: {message}")


def load_case(path: Path, *, draft: bool = False) -> Case:
    """Read and check a case file; ``draft`` accepts a case still being entered."""
    return parse_case(_read_text(path), source=str(path), draft=draft)


def parse_case(text: str, *, source: str = "<case>", draft: bool = False) -> Case:
    """Parse and check case JSON text."""
    try:
        data = loads_exact(text)
    except JSONInputError as exc:
        raise CaseError(source, exc.position or "", exc.message) from None
    return case_from_data(data, source=source, draft=draft)


def case_from_data(data: Any, *, source: str = "<case>", draft: bool = False) -> Case:
    """Validate already-parsed JSON data as a case."""
    if not isinstance(data, dict):
        raise CaseError(source, "", "a case file must hold one JSON object")
    if data.get("format") != FORMAT:
        found = data.get("format")
        raise CaseError(source, "format", _format_message(found))
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        raise _first_error(source, exc) from None
    for path, message in consistency_problems(case, draft=draft):
        raise CaseError(source, path, message)
    return case


def dump_case(case: Case) -> str:
    """The case as JSON text with diameters written exactly."""
    return dumps_exact({"format": FORMAT} | case.model_dump(mode="python", exclude_none=True))


def save_case(case: Case, path: Path) -> None:
    """Write the case atomically, readable by its owner only."""
    atomic_write_text(path, dump_case(case))


def format_path(loc: Sequence[str | int]) -> str:
    """``('courses', 1, 'start')`` as ``courses[1].start``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _format_message(found: object) -> str:
    if found is None:
        return f'missing; a case file starts with "format": "{FORMAT}"'
    return f"{found!r} is not a format this version reads (it reads {FORMAT})"


def _read_text(path: Path) -> str:
    source = str(path)
    try:
        if path.is_dir():
            raise CaseError(source, "", "is a folder, not a case file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CaseError(source, "", f"is {size:,} bytes; a case file is a few kilobytes")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseError(source, "", "no such file") from None
    except PermissionError:
        raise CaseError(source, "", "cannot be read (permission denied)") from None
    except OSError as exc:
        raise CaseError(source, "", f"cannot be read ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseError(source, "", f"is not UTF-8 text (byte {exc.start})") from None


def _first_error(source: str, exc: ValidationError) -> CaseError:
    error = next(_errors_by_path(exc))
    loc = [part for part in error["loc"] if not _is_union_tag(part)]
    return CaseError(source, format_path(loc), _friendly(loc, error))


def _errors_by_path(exc: ValidationError) -> Iterator[dict[str, Any]]:
    yield from sorted(exc.errors(include_url=False), key=lambda e: len(e["loc"]))


def _is_union_tag(part: str | int) -> bool:
    return isinstance(part, str) and ("[" in part or part in ("function-after", "tuple"))


def _friendly(loc: list[str | int], error: dict[str, Any]) -> str:
    kind, message = error["type"], error["msg"]
    if loc and loc[-1] == "diagnosis" and kind == "literal_error":
        return (
            f"{error['input']!r} is not covered: the evidence covers only metastatic "
            "melanoma (melanoma) and renal cell cancer (renal_cell)"
        )
    if kind == "extra_forbidden":
        return "is not a field of il2-case/1 (a typo?)"
    if kind == "missing":
        return "is required"
    return f"{message[0].lower()}{message[1:]} (found {_show(error.get('input'))})"


def _show(value: object) -> str:
    """An input value for a one-line message: exact digits, escapes made visible, short."""
    text = format(value, "f") if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
