"""'Your centre': the transitions of Tables 3 and 4 as two trees, this centre and the series.

With no folder open the centre is the built-in SYNTHETIC series (as ``il2 cohort
--demo``), and the title says so. The numbers are the rows of the same table
``il2 cohort --table transitions`` prints; this screen only lays them out.
Each tree: diagnosis, then course, then the state before it, then the state
after it. Moving in one tree moves the other to the same place; the line below
compares the two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static, Tree

from il2tui.tui.screens.fits import Fits
from il2tui.tui.widgets.keys_bar import KeysBar

if TYPE_CHECKING:
    from textual.widgets.tree import TreeNode

    from il2tui.centre.tables import CohortTable

Row = dict[str, Any]
#: The tree path of a node: (diagnosis,), (diagnosis, course), (…, before), (…, after).
Path_ = tuple[Any, ...]


class CentreScreen(Fits, Screen[None]):
    """Two trees side by side, the comparison of the highlighted cell below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="close", tooltip="Back to the evidence"),
        Binding("tab", "other_tree", "Other tree", id="other", tooltip="This centre / series"),
    ]
    HELP_TITLE = "Your centre"
    AUTO_FOCUS = "#centre-tree"

    def compose(self) -> ComposeResult:
        """The title, the two trees, the comparison line."""
        yield Static(Text("Your centre: loading…", style="bold"), id="centre-title")
        with Horizontal(id="centre-body"):
            yield Tree("This centre", id="centre-tree")
            yield Tree("The series (NCI, 1985-1996)", id="series-tree")
        yield Static("", id="centre-details", markup=False)
        yield KeysBar()

    def on_mount(self) -> None:
        """Count the series in a worker; the trees fill when it is done."""
        self.run_worker(self._count, thread=True, group="centre", exit_on_error=False)

    def _count(self) -> None:
        from il2tui.centre.record import patient_record
        from il2tui.centre.synthetic import synthetic_cases
        from il2tui.centre.tables import transitions_table
        from il2tui.clinical.review import review_case

        records = [patient_record(case, review_case(case)) for _, case in synthetic_cases()]
        table = transitions_table(records)
        title = f"Your centre: the SYNTHETIC demo series ({len(records)} generated cases)"
        self.app.call_from_thread(self._fill, table, title)

    def _fill(self, table: CohortTable, title: str) -> None:
        self.query_one("#centre-title", Static).update(Text(title, style="bold"))
        rows: list[Row] = table.frame.to_dict("records")
        for tree_id, side in (("#centre-tree", ""), ("#series-tree", "series_")):
            tree = self.query_one(tree_id, Tree)
            fill_tree(tree.root, rows, side)
            tree.root.expand_all()
        self.rows = {_key(r): r for r in rows}
        self._show(self.query_one("#centre-tree", Tree).cursor_node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        """Keep the other tree on the same place, and compare the two there."""
        other = "#series-tree" if event.control.id == "centre-tree" else "#centre-tree"
        tree = self.query_one(other, Tree)
        line = event.control.cursor_line
        if tree.cursor_line != line:
            tree.cursor_line = line
        self._show(event.node)

    def _show(self, node: TreeNode | None) -> None:
        details = self.query_one("#centre-details", Static)
        details.update(compare(getattr(self, "rows", {}), node.data if node else None))

    def action_other_tree(self) -> None:
        """Tab: the focus to the other tree."""
        centre = self.query_one("#centre-tree", Tree)
        (self.query_one("#series-tree", Tree) if centre.has_focus else centre).focus()

    def action_close(self) -> None:
        """Back to the evidence browser."""
        self.dismiss(None)


def _key(row: Row) -> Path_:
    return (row["diagnosis"], row["course"], row["state_before"], row["state_after"])


def fill_tree(root: TreeNode, rows: list[Row], side: str) -> None:
    """Diagnosis > course > state before > state after, with ``side``'s counts."""
    nodes: dict[Path_, TreeNode] = {(): root}
    for row in rows:
        key = _key(row)
        for depth in range(1, 4):
            path = key[:depth]
            if path not in nodes:
                nodes[path] = nodes[path[:-1]].add(_label(path, row, side), data=path)
        count, treated = row[f"{side}patients"], row[f"{side}treated"]
        share = f" ({row[f'{side}percent']}%)" if treated else ""
        text = f"→ {key[3]}: {count}/{treated}{share}"
        nodes[key] = nodes[key[:3]].add_leaf(Text(text), data=key)


def _label(path: Path_, row: Row, side: str) -> Text:
    from il2tui.centre.tables import DX_WORDS

    if len(path) == 1:
        return Text(DX_WORDS[path[0]], style="bold")
    if len(path) == 2:
        return Text(f"course {path[1]}")
    before = "all" if path[2] == "none" else f"from {path[2]}"
    return Text(f"{before}: {row[f'{side}treated']}")


def compare(rows: dict[Path_, Row], path: Path_ | None) -> Text:
    """The highlighted cell here and in the series, with Fisher's p (the CLI's numbers)."""
    row = rows.get(path) if path and len(path) == 4 else None
    if row is None:
        return Text("Highlight a state after a course to compare it (↑/↓, Enter opens).")
    from il2tui.centre.render import p_text

    where = "" if row["state_before"] == "none" else f" from {row['state_before']}"
    return Text(
        f"Course {row['course']}{where}, {row['state_after']} after it: "
        f"{row['patients']}/{row['treated']} here, {row['series_patients']}/"
        f"{row['series_treated']} in the series; Fisher's exact p = {p_text(row['p_value'])}. "
        "Small numbers decide little."
    )
