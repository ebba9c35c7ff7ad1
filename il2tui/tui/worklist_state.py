"""What the worklist keeps while cases are opened and closed: the folder's rows, and the view.

Rows are cached by each file's modification time and size, so coming back from a
case, or polling the folder, reviews only the files that changed
(:meth:`Worklist.changes`, then :meth:`Worklist.read` for each).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from il2tui.case.files import case_files
from il2tui.clinical.worklist import WorklistRow, attention, read_row
from il2tui.report.worklist import cells

if TYPE_CHECKING:
    from il2tui.clinical.review import ClinicFiles

Stamp = tuple[int, int]
_UNSEEN = (-1, -1)


@dataclass
class Worklist:
    """A folder's worklist: the rows by file, and the filter, sort and cursor of the screen."""

    folder: Path
    clinic: ClinicFiles = (None, None)
    """A clinic's own guideline and assumptions to review with (``None``: the shipped one)."""
    rows: dict[str, WorklistRow] = field(default_factory=dict)
    stamps: dict[str, Stamp | None] = field(default_factory=dict)
    filter: str = ""
    sort: str = "attention"
    reverse: bool = False
    cursor: str | None = None
    """The file of the highlighted row."""

    def changes(self) -> tuple[list[Path], list[str]]:
        """The files to read (new or changed since read) and the files gone since."""
        found = [p for p in case_files([self.folder]) if p.suffix == ".json" and p.is_file()]
        names = {str(p) for p in found}
        gone = [name for name in self.stamps if name not in names]
        for name in gone:
            self.stamps.pop(name, None)
        return [p for p in found if self.stamps.get(str(p), _UNSEEN) != stamp_of(p)], gone

    def read(self, path: Path) -> WorklistRow:
        """Read and review one file, noting its stamp (a file that cannot be seen is listed
        as unreadable and read again at the next look)."""
        self.stamps[str(path)] = stamp_of(path)
        return read_row(path, *self.clinic)

    def take(self, rows: list[WorklistRow], gone: list[str]) -> None:
        """Keep a batch (on the app's thread)."""
        for row in rows:
            self.rows[row.source] = row
        for name in gone:
            self.rows.pop(name, None)

    def replace(self, row: WorklistRow) -> None:
        """The row of a case just edited in the assistant (its file is rescanned later)."""
        self.rows[row.source] = row
        self.stamps[row.source] = stamp_of(Path(row.source))

    def shown(self, today: date) -> list[WorklistRow]:
        """The rows that pass the filter, in the chosen order."""
        rows = [r for r in self.rows.values() if self.matches(r, today)]
        return sorted(rows, key=sort_key(self.sort, today), reverse=self.reverse)

    def matches(self, row: WorklistRow, today: date) -> bool:
        """True when the row passes the filter (every word, in any order)."""
        words = self.filter.casefold().split()
        return not words or all(w in _haystack(row, today) for w in words)


def stamp_of(path: Path) -> Stamp | None:
    """The file's modification time and size; ``None`` when it cannot be seen."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _haystack(row: WorklistRow, today: date) -> str:
    """What the filter looks in: label (or file name), diagnosis and what is due."""
    shown = cells(row, today)
    return " ".join((row.name, shown["diagnosis"], shown["due"])).casefold()


def sort_key(column: str, today: date) -> Callable[[WorklistRow], tuple]:
    """How rows sort by ``column`` (then by attention, so ties keep a useful order)."""

    def key(row: WorklistRow) -> tuple:
        first = attention(row, today)
        if column == "attention":
            return first
        if column == "label":
            return (row.name.casefold(), *first)
        if column == "course":
            return (row.course or 0, row.course_start or date.min, *first)
        if column == "due":
            due = row.next_due
            return (due is None, due.on if due and due.on else date.max, *first)
        return (cells(row, today)[column].casefold(), *first)

    return key
