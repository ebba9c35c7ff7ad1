"""The evidence browser: the paper's tables, derived figures and discrepancies, with provenance."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from il2tui.tui.screens.fits import Fits
from il2tui.tui.text import clean, literal
from il2tui.tui.widgets.keys_bar import KeysBar

if TYPE_CHECKING:
    import pandas as pd

    from il2tui.tui.host import AssistHost

#: Where each table comes from in the paper (keys of data/sections.csv).
SOURCES = {
    "characteristics": ("table1",),
    "response": ("table2",),
    "tempo": ("table3", "table4"),
    "treated": ("table3", "table4"),
    "cohorts": ("table3", "table4"),
    "discontinuation": ("table5", "results.discontinuation"),
    "tempo_text": ("results.tempo", "discussion"),
}
CITED = {"table": "Table", "section": "Section", "row_label": "row", "column_label": "column"}


class EvidenceScreen(Fits, Screen[None]):
    """Tables on the left; the chosen one on the right; the highlighted row's details below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="close", tooltip="Back to where you were"),
        Binding("c", "centre", "Your centre", id="centre", tooltip="Tables 3-4: centre vs series"),
    ]
    HELP_TITLE = "Evidence browser"
    AUTO_FOCUS = "#tables"
    app: AssistHost

    def compose(self) -> ComposeResult:
        """The list of tables, the table, the details line."""
        from il2tui.evidence import table_names

        yield Static(
            Text("Evidence: J Clin Oncol 2000;18(9):1954-1959", style="bold"), id="evidence-title"
        )
        with Horizontal(id="evidence-body"):
            tables = OptionList(
                *(Option(name, id=name) for name in table_names()), id="tables", markup=False
            )
            tables.border_subtitle = "↑/↓ · tab"
            yield tables
            with Vertical(id="evidence-right"):
                yield Static("", id="table-about", markup=False)
                yield DataTable(id="evidence-table", zebra_stripes=True, cursor_type="row")
                yield Static("", id="row-details", markup=False)
        yield KeysBar()

    def on_mount(self) -> None:
        """Show the first table once the tables are loaded (in a worker)."""
        self.watch(self.app, "frames", lambda _: self._show(), init=False)
        self.query_one("#tables", OptionList).highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """A table was chosen: load it if needed, then show it."""
        name = event.option.id or ""
        self.app.need_frames(name)
        self._show()

    def _chosen(self) -> str:
        tables = self.query_one("#tables", OptionList)
        index = tables.highlighted or 0
        return tables.get_option_at_index(index).id or ""

    def _show(self) -> None:
        from il2tui.evidence import cite, table_names

        name = self._chosen()
        about = self.query_one("#table-about", Static)
        line = Text(f"{name}: {table_names()[name]}", style="bold")
        sources = "; ".join(cite(key) for key in SOURCES.get(name, ()))
        line.append(
            f"  (source: {sources})" if sources else "  (source: per row, below)", style="dim"
        )
        about.update(line)
        frame = self.app.frames.get(name)
        table = self.query_one("#evidence-table", DataTable)
        table.clear(columns=True)
        if frame is None:
            about.update(Text(f"{name}: loading…", style="italic"))
            return
        fill_table(table, frame)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show every cell of the highlighted row, with its provenance."""
        frame = self.app.frames.get(self._chosen())
        if frame is None or event.cursor_row >= len(frame):
            return
        record = frame.iloc[event.cursor_row].to_dict()
        self.query_one("#row-details", Static).update(row_details(record))

    def action_close(self) -> None:
        """Back to the screen underneath."""
        self.dismiss(None)

    def action_centre(self) -> None:
        """'Your centre': the transitions here and in the series, as two trees."""
        from il2tui.tui.screens.centre import CentreScreen

        self.app.push_screen(CentreScreen())


def fill_table(table: DataTable, frame: pd.DataFrame) -> None:
    """Every column and row of ``frame``, each cell shown literally and cut short."""
    table.add_columns(*(literal(c) for c in frame.columns))
    for record in frame.itertuples(index=False):
        table.add_row(*(literal(_cell(v), limit=40) for v in record))


def row_details(record: dict[str, Any]) -> Text:
    """The provenance first (table, section, row, column), then the other cells."""
    out = Text(end="")
    cited = [f"{CITED[k]} {clean(record[k])}" for k in CITED if _cell(record.get(k))]
    if cited:
        out.append("Provenance: " + " · ".join(cited) + "\n", style="bold")
    rest = [f"{k}: {clean(_cell(v))}" for k, v in record.items() if k not in CITED and _cell(v)]
    out.append(" · ".join(rest))
    return out


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)
