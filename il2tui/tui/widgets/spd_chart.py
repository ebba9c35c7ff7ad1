"""The summary's chart of the SPD change from baseline, redrawn to the widget's width."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from il2tui.tui.chart import spd_chart


class SpdChart(Widget):
    """Bars of the SPD change from baseline, one per restaging."""

    DEFAULT_CSS = "SpdChart { height: auto; }"
    points: reactive[tuple[tuple[str, Decimal | None, str], ...]] = reactive(tuple, layout=True)

    def set_points(self, points: Sequence[tuple[str, Decimal | None, str]]) -> None:
        """Replace the data: ``(label, change %, category)`` per restaging."""
        self.points = tuple(points)

    def render(self) -> Text:
        """The chart, or a sentence when there is nothing to draw yet."""
        if not self.points:
            return Text("No restaging recorded yet.", style="italic")
        return spd_chart(self.points, self.size.width)

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[no-untyped-def]
        """One line per restaging and the axis."""
        return max(len(self.points) + 1, 1)
