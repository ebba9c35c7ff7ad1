"""Rows of the assessment form: a baseline lesion re-measured, or a new lesion."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from il2tui.tui.text import literal
from il2tui.tui.widgets.field import Field


class MeasureRow(Horizontal):
    """A baseline lesion at restaging: its name, two diameters, and the engine's verdict."""

    def __init__(self, lesion_id: str, site: str, hint: str, d1: str = "", d2: str = "") -> None:
        """``hint``: the previous measurement (``was 24 × 20``), shown until diameters are typed."""
        super().__init__(classes="measure-row")  # no widget id: a lesion id may hold anything
        self.lesion_id, self.site, self.hint, self.start = lesion_id, site, hint, (d1, d2)

    def compose(self) -> ComposeResult:
        """Name, d1 × d2, status (the previous size until diameters are typed)."""
        name = literal(self.lesion_id, style="bold")
        name.append(" ")
        name.append(literal(self.site, limit=24))
        yield Static(name, classes="lesion-name")
        yield Field(self.start[0], placeholder="d1", classes="d1")
        yield Static("×", classes="times")
        yield Field(self.start[1], placeholder="d2", classes="d2")
        yield Static("", classes="unit-label", markup=False)  # the screen's unit
        yield Static(Text(self.hint, style="dim"), classes="product", markup=False)

    def pair_text(self) -> tuple[str, str]:
        """The two diameters as typed."""
        return self.query_one(".d1", Field).value, self.query_one(".d2", Field).value

    def set_pair_text(self, d1: str, d2: str) -> None:
        """Replace the two diameters."""
        self.query_one(".d1", Field).value = d1
        self.query_one(".d2", Field).value = d2

    def diameter_fields(self) -> list[Field]:
        """The two diameter fields (for the unit switch)."""
        return [self.query_one(".d1", Field), self.query_one(".d2", Field)]

    def show_status(self, text: str) -> None:
        """What the engine made of this lesion; the previous size while nothing is typed."""
        if not any(self.pair_text()):
            self.query_one(".product", Static).update(Text(self.hint, style="dim"))
            return
        self.query_one(".product", Static).update(Text(text))


class NewLesionRow(Horizontal):
    """A lesion seen for the first time: its site and, if measured, two diameters."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        super().__init__(classes="new-row")
        self.start = values or {}

    def compose(self) -> ComposeResult:
        """Site, d1 × d2."""
        yield Static(Text("new"), classes="lesion-id")
        yield Field(self.start.get("site", ""), placeholder="e.g. bone", classes="site")
        yield Field(self.start.get("d1", ""), placeholder="d1", classes="d1")
        yield Static("×", classes="times")
        yield Field(self.start.get("d2", ""), placeholder="d2", classes="d2")
        yield Static("", classes="unit-label", markup=False)  # the screen's unit

    @property
    def site_field(self) -> Field:
        """Where the new lesion is."""
        return self.query_one(".site", Field)

    def values(self) -> dict[str, str]:
        """The row as typed."""
        return {
            "site": self.query_one(".site", Field).value,
            "d1": self.query_one(".d1", Field).value,
            "d2": self.query_one(".d2", Field).value,
        }

    def diameter_fields(self) -> list[Field]:
        """The two diameter fields (for the unit switch)."""
        return [self.query_one(".d1", Field), self.query_one(".d2", Field)]
