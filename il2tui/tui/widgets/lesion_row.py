"""One baseline lesion in the form: id, site, method, two diameters, and its product."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from il2tui.tui.text import literal
from il2tui.tui.widgets.choice import Choice
from il2tui.tui.widgets.field import Field
from il2tui.tui.wording import METHODS


class LesionRow(Horizontal):
    """A row of the baseline lesion table; the product comes from the engine's review."""

    def __init__(self, values: dict[str, Any]) -> None:
        """``values``: ``id``, ``site``, ``method``, ``d1``, ``d2`` (text as typed)."""
        super().__init__(classes="lesion-row")  # no widget id: a lesion id may hold anything
        self.lesion_id = values["id"]
        self.start = values

    def compose(self) -> ComposeResult:
        """Id, site, method, d1 × d2, product."""
        yield Static(literal(self.lesion_id), classes="lesion-id")
        yield Field(self.start.get("site", ""), placeholder="e.g. liver", classes="site")
        yield Choice(list(METHODS.items()), self.start.get("method", "ct"), classes="method")
        yield Field(self.start.get("d1", ""), placeholder="d1", classes="d1")
        yield Static("×", classes="times")
        yield Field(self.start.get("d2", ""), placeholder="d2", classes="d2")
        yield Static("", classes="unit-label", markup=False)  # the screen's unit
        yield Static("", classes="product", markup=False)

    def values(self) -> dict[str, Any]:
        """The row as typed."""
        return {
            "id": self.lesion_id,
            "site": self.query_one(".site", Field).value,
            "method": self.query_one(".method", Choice).value,
            "d1": self.query_one(".d1", Field).value,
            "d2": self.query_one(".d2", Field).value,
        }

    @property
    def site_field(self) -> Field:
        """Where the lesion is."""
        return self.query_one(".site", Field)

    def diameter_fields(self) -> list[Field]:
        """The two diameter fields (for the unit switch)."""
        return [self.query_one(".d1", Field), self.query_one(".d2", Field)]

    def show_product(self, text: str) -> None:
        """The product as the engine computed it (or a dash)."""
        self.query_one(".product", Static).update(Text(text, justify="right"))
