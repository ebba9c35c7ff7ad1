"""The SPD's change from baseline at each restaging, as horizontal bars in the terminal.

Bars grow left from 0 for shrinkage and right for growth; dotted columns mark
the criteria's thresholds (-50% PR, -25% MR, +25% for a lesion's progression,
shown for orientation only). The percentages are the engine's, as displayed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.text import Text

LABEL = 15
VALUE = 9
MARKS = (-50, -25, 25)


def spd_chart(points: Sequence[tuple[str, Decimal | None, str]], width: int) -> Text:
    """One line per ``(label, change %, category)``; an axis line under them."""
    span = max(width - LABEL - VALUE - 5, 10)
    low = min([-100] + [float(p) for _, p, _ in points if p is not None])
    high = max([50] + [float(p) for _, p, _ in points if p is not None])
    column = _scale(low, high, span)
    out = Text(end="")
    for label, change, category in points:
        out.append(f"{label[:LABEL]:<{LABEL}}")
        out.append(_bar(change, column, span))
        value = "  n/a" if change is None else f"{change:+.1f}%"
        out.append(f" {value:>{VALUE - 1}} {category}\n")
    out.append(" " * LABEL + _axis(column, span, low, high), style="dim")
    return out


def _scale(low: float, high: float, span: int):  # type: ignore[no-untyped-def]
    def column(value: float) -> int:
        return round((value - low) / (high - low) * (span - 1))

    return column


def _bar(change: Decimal | None, column, span: int) -> Text:  # type: ignore[no-untyped-def]
    cells = [" "] * span
    for mark in MARKS:
        cells[column(mark)] = "┊"
    zero = column(0)
    cells[zero] = "│"
    if change is not None:
        end = column(float(change))
        for i in range(min(zero, end), max(zero, end) + 1):
            cells[i] = "█"
    return Text("".join(cells), style="bold")


def _axis(column, span: int, low: float, high: float) -> str:  # type: ignore[no-untyped-def]
    cells = [" "] * (span + 6)
    for value in (low, -50, 0, 25, high):
        text = f"{value:+.0f}%" if value else "0"
        start = max(0, min(column(value) - len(text) // 2, span + 6 - len(text)))
        cells[start : start + len(text)] = list(text)
    return "".join(cells)
