"""Every problem of a step at once, each tied to the field it is in and named as people do.

A measuring step lists its problems live once Enter has been pressed (a fixed one goes at
once), marks their fields and focuses the first. Diameters are read by
:mod:`il2tui.tui.forms` and then checked by the case model's own diameter rule, so the
limits are the model's, stated once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from textual.widget import Widget

from il2tui.case.model import PairError, checked_pair
from il2tui.core.errors import show
from il2tui.tui.forms import FieldError, Unit, parse_diameter

Pair = tuple[Decimal, Decimal]
ORDINAL = ("first", "second")


@dataclass(frozen=True)
class Problem:
    """What is wrong, and the field to fix it in (``None``: the step as a whole)."""

    field: Widget | None
    message: str
    typed: bool = True
    """About something typed (a value, half a pair), so the live preview says it at once;
    False for what is merely not typed yet (said when Enter is pressed)."""


def read_pair(
    fields: tuple[Widget, Widget], unit: Unit, name: str, *, required: bool
) -> tuple[Pair | None, list[Problem]]:
    """Two diameter fields as a pair in mm (``None`` when blank or unreadable) and what is
    wrong with them. ``required``: a blank pair is a problem (a baseline lesion)."""
    texts = [f.value for f in fields]  # type: ignore[attr-defined]
    values: list[Decimal | None] = []
    problems = []
    for field, text, nth in zip(fields, texts, ORDINAL, strict=True):
        try:
            values.append(parse_diameter(text, unit, f"{name}, {nth} diameter"))
        except FieldError as exc:
            values.append(None)
            problems.append(Problem(field, str(exc)))
    if problems:
        return None, problems
    d1, d2 = values
    if d1 is None and d2 is None and not required:
        return None, []
    if d1 is None or d2 is None:
        blank = fields[0] if d1 is None else fields[1]
        either = "" if required else ", or leave both blank"
        typed = d1 is not None or d2 is not None
        return None, [Problem(blank, f"{name}: type both diameters{either}", typed)]
    try:
        checked_pair((d1, d2))
    except PairError as exc:
        where = name if exc.index is None else f"{name}, {ORDINAL[exc.index]} diameter"
        message = f"{where}: {exc} (found {show(exc.found)})"
        return None, [Problem(fields[exc.index or 0], message)]
    return (d1, d2), []


def is_blank(*fields: Widget) -> bool:
    """True when every field is empty (an optional row left empty is dropped)."""
    return not any(f.value.strip() for f in fields)  # type: ignore[attr-defined]
