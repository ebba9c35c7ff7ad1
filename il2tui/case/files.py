"""Reading, checking and writing ``il2-case/1`` files.

Every problem becomes a :class:`CaseError` naming the file, the field path
(``courses[1].assessments[0].measurements.L2``) and what is wrong, in one
line: the CLI prints it with exit status 2, the TUI shows it in a dialog.
Reading never changes the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from il2tui.case.model import FORMAT, Case
from il2tui.case.rules import consistency_problems
from il2tui.core.errors import InputFileError, first_problem, format_path, show
from il2tui.core.jsonio import JSONInputError, dumps_exact, loads_exact
from il2tui.core.reading import Fingerprint, read_small_text
from il2tui.core.storage import atomic_write_text

__all__ = [
    "CaseError",
    "case_from_data",
    "dump_case",
    "format_path",
    "load_case",
    "parse_case",
    "save_case",
]

#: A case file is a few kilobytes; anything past this is not a case file.
MAX_FILE_BYTES = 2 * 1024 * 1024


class CaseError(InputFileError):
    """A case file that cannot be used, with where and why."""


def load_case(path: Path, *, draft: bool = False) -> Case:
    """Read and check a case file; ``draft`` accepts a case still being entered."""
    return parse_case(
        read_small_text(path, MAX_FILE_BYTES, CaseError), source=str(path), draft=draft
    )


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
        raise CaseError(source, *first_problem(exc, FORMAT)) from None
    for path, message in consistency_problems(case, draft=draft):
        raise CaseError(source, path, message)
    return case


def dump_case(case: Case) -> str:
    """The case as JSON text with diameters written exactly."""
    return dumps_exact({"format": FORMAT} | case.model_dump(mode="python", exclude_none=True))


def save_case(case: Case, path: Path) -> Fingerprint:
    """Write the case atomically, readable by its owner only (never larger than it can be read).

    Returns the fingerprint of the file written.
    """
    return atomic_write_text(path, dump_case(case), MAX_FILE_BYTES)


def _format_message(found: object) -> str:
    if found is None:
        return f'missing; a case file starts with "format": "{FORMAT}"'
    return f"{show(found)} is not a format this version reads (it reads {FORMAT})"
