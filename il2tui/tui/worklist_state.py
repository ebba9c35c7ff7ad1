"""What the worklist keeps while cases are opened and closed: the folder's rows, and the view.

Rows are cached by each file's modification time and size, so coming back from a
case, or polling the folder, reviews only the files that changed. :meth:`Worklist.scan`
runs in a worker thread; it hands rows over in batches as they are made.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from il2tui.case.files import case_files
from il2tui.clinical.worklist import WorklistRow, attention, read_row
from il2tui.report.worklist import cells

Stamp = tuple[int, int]
Batch = Callable[[list[WorklistRow], list[str]], None]
#: Rows handed over at once while scanning (the first batch is small, to show rows at once).
BATCH = 100
FIRST_BATCH = 20


@dataclass
class Worklist:
    """A folder's worklist: the rows by file, and the filter, sort and cursor of the screen."""

    folder: Path
    rows: dict[str, WorklistRow] = field(default_factory=dict)
    stamps: dict[str, Stamp | None] = field(default_factory=dict)
    filter: str = ""
    sort: str = "attention"
    reverse: bool = False
    cursor: str | None = None
    """The file of the highlighted row."""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def scan(self, hand_over: Batch) -> None:
        """Review new and changed files and drop vanished ones; ``hand_over(rows, gone)``
        receives each batch (any thread: the caller passes it to the app's thread).
        One scan at a time: a second waits for the first."""
        with self._lock:
            self._scan(hand_over)

    def _scan(self, hand_over: Batch) -> None:
        found = [p for p in case_files([self.folder]) if p.suffix == ".json" and p.is_file()]
        names = {str(p) for p in found}
        gone = [name for name in self.stamps if name not in names]
        for name in gone:
            self.stamps.pop(name, None)
        batch: list[WorklistRow] = []
        size = FIRST_BATCH
        for path, stamp in _changed(found, self.stamps):
            batch.append(read_row(path))
            self.stamps[str(path)] = stamp
            if len(batch) >= size:
                hand_over(batch, [])
                batch, size = [], BATCH
        if batch or gone:
            hand_over(batch, gone)

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
        words = self.filter.casefold().split()
        rows = [r for r in self.rows.values() if all(w in _haystack(r, today) for w in words)]
        return sorted(rows, key=sort_key(self.sort, today), reverse=self.reverse)


def _changed(found: list[Path], stamps: dict[str, Stamp | None]) -> Iterator[tuple[Path, Stamp]]:
    for path in found:
        stamp = stamp_of(path)
        if stamp is None or stamps.get(str(path)) != stamp:
            yield path, stamp or (0, 0)


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
