"""Rich renderings of the engine's verdict on one restaging: SPD, changes, category.

Every number and sentence here is the engine's (:mod:`il2tui.clinical.criteria`), only
laid out; text that may carry a lesion's site is cleaned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from il2tui.tui import wording as w
from il2tui.tui.text import clean

if TYPE_CHECKING:
    from il2tui.clinical.model import AssessmentResult, LesionResult


def lesion_status(found: LesionResult) -> str:
    """``120 mm² (-50.0%)``, ``gone``, ``not assessed``, ``▲ 600 mm² (+25.0%)``."""
    from il2tui.core.display import area, pct

    if found.status == "not_assessed":
        return "not assessed"
    if found.status == "disappeared":
        return "gone"
    mark = "▲ " if found.progressing else ""
    change = "" if found.change_from_nadir_pct is None else f" ({pct(found.change_from_nadir_pct)})"
    return f"{mark}{area(found.product_mm2)}{change}"


def verdict_view(result: AssessmentResult | None, provisional: bool) -> RenderableType:
    """The SPD, its change from baseline and from the nadir, the category and its basis."""
    from il2tui.core.display import area, pct

    if result is None:
        return Text("The category appears here as you type the diameters.", style="dim")
    head = "Provisional category" if provisional else "Category"
    lines: list[RenderableType] = [
        Text.assemble((f"{head}: ", "bold"), (w.category(result.response), "bold reverse"))
    ]
    if result.spd_mm2 is not None:
        lines.append(
            Text(
                f"SPD {area(result.spd_mm2)} · {pct(result.change_from_baseline_pct)} from baseline"
                f" · {pct(result.change_from_nadir_pct)} from the nadir "
                f"({area(result.spd_nadir_before_mm2)})"
            )
        )
    lines.append(Text(clean(result.basis), style="italic"))
    if result.after_progression:
        lines.append(Text("After progression: shown, but it counts for nothing.", style="bold"))
    confirmation = confirmation_text(result)
    if confirmation:
        lines.append(Text(confirmation))
    return Group(*lines)


def confirmation_text(result: AssessmentResult) -> str:
    """Whether a PR or CR is confirmed, and from when it can be; empty for other categories."""
    if result.confirmed is None:
        return ""
    if result.confirmed:
        return (
            f"Confirmed (the response lasted at least 28 days; confirmed on {result.confirmed_on})."
        )
    if result.confirmed_on is not None:
        return f"Confirmed later, on {result.confirmed_on}."
    return (
        f"Not yet confirmed: a restaging on or after {result.confirmable_from} that still "
        f"shows {result.response} or better confirms it."
    )
