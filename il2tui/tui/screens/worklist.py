"""The worklist: every case file of a folder, what needs attention first, one key to open it.

The table has the focus: arrows move, Enter opens the case at its first open step,
``n`` starts a new case in the folder, 1-8 sort by a column (again: reversed), and
typing anything else (or ``/``) filters on label, diagnosis and what is due; in the
filter, Enter opens the highlighted case and the down arrow goes back to the table. Files are
reviewed in a worker and rows appear as they come; the folder is polled, so a file
changed on disk updates its row.
"""

from __future__ import annotations

import asyncio
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from il2tui.core import clock
from il2tui.report.worklist import cells, due_text
from il2tui.tui.screens.fits import Fits
from il2tui.tui.text import clean, literal
from il2tui.tui.widgets.keys_bar import KeysBar

if TYPE_CHECKING:
    from il2tui.clinical.worklist import WorklistRow
    from il2tui.tui.host import AssistHost
    from il2tui.tui.worklist_state import Worklist

#: The columns of the table, left to right (what is due and the decision first).
ORDER = (
    ("label", "Label"),
    ("due", "Due next"),
    ("decision", "Decision"),
    ("latest", "Latest"),
    ("guideline", "Guideline"),
    ("flags", "Flags"),
    ("course", "Last course"),
    ("diagnosis", "Diagnosis"),
)
#: The widest a label is shown in the table: a longer one is cut with "…" (the line under
#: the table shows it whole), so that one long label does not push the columns after it
#: off a 120-column screen.
LABEL_WIDTH = 24
#: Seconds between two looks at the folder for changed files.
POLL_SECONDS = 2.0
#: Seconds of reading files before the screen gets a turn (keys, drawing).
SLICE_SECONDS = 0.03
#: Seconds between two redraws while rows arrive.
REDRAW_EVERY = 0.5
STYLE = {"stale": "bold yellow", "problem": "bold red", "overdue": "bold"}
FILTER_TIP = "Type to filter by label, diagnosis or what is due"
SORT_TIP = "Sort by column 1 to 8 (the same key again: reversed)"
SORT_KEYS = "".join(str(i) for i in range(1, len(ORDER) + 1))


class WorklistScreen(Fits, Screen[None]):
    """One row per case file of the folder."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open",
            "Open",
            id="open-case",
            priority=True,  # from the filter too: type a few letters, Enter opens the first
            tooltip="Open the highlighted case at its next step",
        ),
        Binding("n", "new", "New case", id="new", tooltip="Start a new case in this folder"),
        Binding("slash", "filter", "Filter", id="filter", tooltip=FILTER_TIP),
        Binding("1", "sort(1)", "Sort", id="sort", key_display="1-8", tooltip=SORT_TIP),
        *(Binding(k, f"sort({k})", show=False) for k in SORT_KEYS[1:]),
        Binding("escape", "clear", "Clear filter", id="clear", show=False),
        Binding("down", "to_table", show=False),  # from the filter (the table has its own)
        Binding("ctrl+o", "open_file", "Open file", id="open-file", tooltip="Open another file"),
    ]
    HELP_TITLE = "Worklist"
    AUTO_FOCUS = "#worklist-table"
    app: AssistHost

    def __init__(self, worklist: Worklist) -> None:
        super().__init__()
        self.worklist = worklist
        self.scanning = False

    def compose(self) -> ComposeResult:
        """Title, filter, table, the highlighted row's details, keys."""
        yield Static("", id="worklist-title")
        yield Input(
            self.worklist.filter,
            placeholder=FILTER_HINT,
            id="worklist-filter",
            select_on_focus=False,  # the first letter typed on the table is already in it
        )
        yield DataTable(id="worklist-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="worklist-detail")
        yield KeysBar()

    def on_mount(self) -> None:
        """Columns, the rows already known, then a look at the folder and a poll."""
        table = self.query_one(DataTable)
        for key, heading in ORDER:
            table.add_column(Text(heading), key=key)  # Text: a str is parsed as markup
        self.redraw()
        self.rescan()
        self.set_interval(POLL_SECONDS, self.rescan)

    # Rows ----------------------------------------------------------------
    def rescan(self) -> None:
        """Look for new, changed and vanished files (one look at a time)."""
        if not self.scanning:
            self.scanning = True
            self._cursor_at_scan = self.worklist.cursor
            self._title()
            self._scan()

    @work(group="worklist", exit_on_error=False)
    async def _scan(self) -> None:
        """Read the changed files in slices of a few milliseconds, handing each slice's rows
        to the table, so keys are answered between slices (an async worker: reviews are
        pure Python, and a thread would only compete with the screen for the interpreter)."""
        try:
            todo, gone = self.worklist.changes()
            if gone:
                self.take([], gone)
            batch: list[WorklistRow] = []
            began = time.perf_counter()
            for path in todo:
                batch.append(self.worklist.read(path))
                if time.perf_counter() - began >= SLICE_SECONDS:
                    self.take(batch, [])
                    await asyncio.sleep(0)
                    batch, began = [], time.perf_counter()
            if batch:
                self.take(batch, [])
        finally:
            self._scanned()

    _pending: Timer | None = None
    """A redraw asked for in a moment (a changed or vanished file)."""
    _flush: Timer | None = None
    """New rows to add in a moment (drawing the table is what costs: a few times a second)."""
    _waiting: ClassVar[list[WorklistRow]] = []  # replaced, never appended to
    _cursor_at_scan: str | None = None

    def take(self, rows: list[WorklistRow], gone: list[str]) -> None:
        """A batch of rows arrived: the first new rows are shown at once, later ones a few
        times a second at the bottom (sorted when the scan ends); a changed or vanished
        file redraws the table a moment later."""
        self.worklist.take(rows, gone)
        if not self.is_attached:  # a case was opened meanwhile: the rows wait for the return
            return
        table = self.query_one(DataTable)
        if gone or any(row.source in table.rows for row in rows):
            if self._pending is None:
                self._pending = self.set_timer(REDRAW_EVERY, self.redraw)
            return
        self._waiting = [*self._waiting, *rows]
        if table.row_count == 0:
            self._add_waiting()
        elif self._flush is None:
            self._flush = self.set_timer(REDRAW_EVERY, self._add_waiting)

    def _add_waiting(self) -> None:
        if self._flush is not None:
            self._flush.stop()
            self._flush = None
        table, today = self.query_one(DataTable), clock.today()
        first = table.row_count == 0
        for row in self._waiting:
            if row.source not in table.rows and self.worklist.matches(row, today):
                table.add_row(*_cells(row, today), key=row.source)
        self._waiting = []
        self._title()
        if first:
            self._detail()

    def _scanned(self) -> None:
        self.scanning = False
        if not self.is_attached:
            return
        self._add_waiting()
        if self._pending is not None or not self._sort_in_place():
            self.redraw()  # a changed or vanished file: now rather than in a moment

    def _sort_in_place(self) -> bool:
        """Put the rows shown in order without refilling the table (much faster for
        hundreds of rows); False when the table does not hold exactly the rows to show."""
        table = self.query_one(DataTable)
        shown = self.worklist.shown(clock.today())
        order = {row.source: i for i, row in enumerate(shown)}
        if len(order) != table.row_count or any(k.value not in order for k in table.rows):
            return False
        place = {id(table.get_row(k)[0]): order[k.value or ""] for k in table.rows}
        table.sort(key=lambda cells: place[id(cells[0])])
        # the case highlighted before the scan, else the top (rows came in file order)
        at = order.get(self._cursor_at_scan or "", 0)
        table.move_cursor(row=at, animate=False)
        self.worklist.cursor = shown[at].source if shown else None
        self._title()
        self._detail()
        return True

    def redraw(self) -> None:
        """Fill the table from the rows that pass the filter, keeping the highlighted case."""
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        self._waiting = []
        today = clock.today()
        table = self.query_one(DataTable)
        keep = self.worklist.cursor
        table.clear()
        for row in self.worklist.shown(today):
            table.add_row(*_cells(row, today), key=row.source)
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep), animate=False)
        else:  # the highlighted case is filtered out: the top row (no event if it was there)
            row = self.highlighted
            self.worklist.cursor = row.source if row else keep
        self._title()
        self._detail()

    def _title(self) -> None:
        wl = self.worklist
        total, shown = len(wl.rows), self.query_one(DataTable).row_count
        text = Text("Worklist ", style="bold", end="")
        text.append(f"· {clean(wl.folder)} · {total} case file{'s' if total != 1 else ''}")
        if shown != total:
            text.append(f" ({shown} shown)")
        text.append(f" · as of {clock.today()}")
        if self.scanning:
            text.append(" · reading files…", style="italic")
        self.query_one("#worklist-title", Static).update(text)

    def _detail(self) -> None:
        row = self.highlighted
        out = Text(end="")
        if not self.worklist.rows and not self.scanning:
            out.append(EMPTY)
        elif row is not None:
            label = literal(cells(row, clock.today())["label"])
            if label.cell_len > LABEL_WIDTH:  # cut in the table: shown whole here
                out.append_text(Text.assemble("label: ", label, " · "))
            out.append_text(literal(f"file: {row.source}"))
            extra = _detail_words(row, clock.today())
            if extra:
                out.append("\n")
                out.append_text(literal(extra, style=_style(row)))
        self.query_one("#worklist-detail", Static).update(out)

    @property
    def highlighted(self) -> WorklistRow | None:
        """The row under the cursor, if any."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.worklist.rows.get(key or "")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Remember the highlighted case (kept through filters, sorts and visits)."""
        self.worklist.cursor = event.row_key.value
        self._detail()

    # Keys ----------------------------------------------------------------
    def action_open(self) -> None:
        """Open the highlighted case at its first open step (a bad file: a dialog says why)."""
        row = self.highlighted
        if row is not None:
            self.app.open_from_worklist(Path(row.source))

    def action_new(self) -> None:
        """A new case, saved in this folder."""
        self.app.new_case(self.worklist.folder)

    def action_filter(self) -> None:
        """Put the cursor in the filter."""
        self.query_one(Input).focus()

    def action_clear(self) -> None:
        """Escape: clear the filter and go back to the table."""
        box = self.query_one(Input)
        box.value = ""
        self.query_one(DataTable).focus()

    def action_sort(self, number: int) -> None:
        """Sort by the column ``number`` (1 is the first); the same again reverses."""
        column = ORDER[number - 1][0]
        wl = self.worklist
        wl.reverse = not wl.reverse if wl.sort == column else False
        wl.sort = column
        self.redraw()
        arrow = "descending" if wl.reverse else "ascending"
        self.notify(f"Sorted by {ORDER[number - 1][1].lower()}, {arrow}.", timeout=2)

    def action_open_file(self) -> None:
        """Open a case file from anywhere."""
        from il2tui.tui.screens.open_file import OpenScreen

        self.app.push_screen(OpenScreen(), self._opened)

    def _opened(self, path: object) -> None:
        if isinstance(path, Path):
            self.app.open_path(path)

    def on_key(self, event: events.Key) -> None:
        """Typing on the table starts the filter with that character."""
        box = self.query_one(Input)
        char = event.character
        if self.focused is box or not event.is_printable or not char or char in "n/" + SORT_KEYS:
            return
        event.stop()
        event.prevent_default()
        box.focus()
        box.insert_text_at_cursor(char)

    def on_input_changed(self, event: Input.Changed) -> None:
        """The filter changed: show the rows that match."""
        self.worklist.filter = event.value
        self.redraw()

    def action_to_table(self) -> None:
        """Down from the filter: back to the table."""
        self.query_one(DataTable).focus()


EMPTY = "No case files in this folder yet: n starts one here, ctrl+o opens one from elsewhere."
FILTER_HINT = "Type to filter by label, diagnosis or what is due (Esc clears)"


def _cells(row: WorklistRow, today: date) -> list[Text]:
    shown = cells(row, today)
    shown["flags"] = _short_flags(row)
    style = _style(row)
    row_cells = [literal(shown[k], style=style if k in ("label", "due") else "") for k, _ in ORDER]
    row_cells[0].truncate(LABEL_WIDTH, overflow="ellipsis")
    return row_cells


def _short_flags(row: WorklistRow) -> str:
    """The flags in a word (the line under the table says which criteria, or why)."""
    if row.problem is not None:
        return "UNREADABLE"
    return "ineligible" if row.ineligible else ""


def _style(row: WorklistRow) -> str:
    if row.problem is not None:
        return STYLE["problem"]
    if row.decision_status == "stale":
        return STYLE["stale"]
    due = row.next_due
    return STYLE["overdue"] if due and due.on and due.on <= clock.today() else ""


def _detail_words(row: WorklistRow, today: date) -> str:
    """Everything due, and the flags, for the line under the table."""
    if row.problem is not None:
        return f"Cannot be read: {row.problem}"
    parts = []
    if len(row.due) > 1:
        parts.append("due: " + "; ".join(due_text(d, today) for d in row.due))
    flags = cells(row, today)["flags"]
    if flags:
        parts.append(flags)
    return " · ".join(parts)
