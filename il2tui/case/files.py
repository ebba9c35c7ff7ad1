"""Reading, checking and writing ``il2-case/1`` files.

Every problem becomes a :class:`CaseError` naming the file, the field path
(``courses[1].assessments[0].measurements.L2``) and what is wrong, in one
line: the CLI prints it with exit status 2, the TUI shows it in a dialog.
Reading never changes the file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import msgspec

from il2tui.case.model import FORMAT, Case, from_data, to_data
from il2tui.case.rules import consistency_problems
from il2tui.core.errors import InputFileError, format_path, show
from il2tui.core.jsonio import JSONInputError, dumps_exact, loads_exact
from il2tui.core.reading import Fingerprint, read_small_text

__all__ = [
    "CaseError",
    "case_files",
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
        case = from_data(Case, data)
    except msgspec.ValidationError as exc:
        from il2tui.case.checked import refusal  # pydantic, only to say what is wrong

        raise CaseError(source, *refusal(Case, data, exc)) from None
    for path, message in consistency_problems(case, draft=draft):
        raise CaseError(source, path, message)
    return case


def dump_case(case: Case) -> str:
    """The case as JSON text with diameters written exactly."""
    return dumps_exact({"format": FORMAT} | to_data(case))


def save_case(case: Case, path: Path) -> Fingerprint:
    """Write the case atomically, readable by its owner only (never larger than it can be read).

    Returns the fingerprint of the file written.
    """
    from il2tui.core.storage import atomic_write_text  # tempfile: only when a case is saved

    return atomic_write_text(path, dump_case(case), MAX_FILE_BYTES)


def _format_message(found: object) -> str:
    if found is None:
        return f'missing; a case file starts with "format": "{FORMAT}"'
    return f"{show(found)} is not a format this version reads (it reads {FORMAT})"


def case_entries(paths: list[Path]) -> list[tuple[Path, str | None]]:
    """Each path as given; each folder as its ``*.json`` entries, sorted, subfolders included.

    Every entry named ``*.json`` is listed, whatever it is: a FIFO, a broken link or a
    folder named ``x.json`` is then named on standard error by :func:`load_case`, and
    so is a subfolder that cannot be listed (with its problem): nothing is skipped
    silently.
    """
    files: list[tuple[Path, str | None]] = []
    for path in paths:
        files += _folder_entries(path) if path.is_dir() else [(path, None)]
    return files


def _folder_entries(folder: Path) -> list[tuple[Path, str | None]]:
    found: list[tuple[Path, str | None]] = []

    def cannot_list(exc: OSError) -> None:
        reason = (exc.strerror or str(exc)).lower()
        found.append((Path(exc.filename or folder), f"cannot be read ({reason})"))

    for where, dirs, names in os.walk(folder, onerror=cannot_list):
        found += ((Path(where, n), None) for n in (*dirs, *names) if n.endswith(".json"))
    # An empty folder is reported by load_case; a folder named x.json that cannot be
    # listed appears twice (as an entry, and with its problem): sorting by path only.
    return sorted(found, key=_path_order) or [(folder, None)]


def _path_order(entry: tuple[Path, str | None]) -> tuple[str, ...]:
    """The order of paths (part by part, case-folded where the system folds case), as a
    tuple that sorts in C: comparing the paths themselves took ten Python calls a file."""
    parts = entry[0].parts
    return tuple(map(os.path.normcase, parts)) if _FOLDS_CASE else parts


_FOLDS_CASE = os.path.normcase("A") != "A"


def case_files(paths: list[Path]) -> list[Path]:
    """The paths of :func:`case_entries` (reading each reports what is wrong with it)."""
    return [path for path, _ in case_entries(paths)]
