"""The arithmetic of an evaluation in plain lines: what a clinician checks by hand.

``L1 (lung): 20 × 18 = 360 mm² (-25.0% on nadir 480 mm²)``, then the SPD as a
sum, then the line that decided the category.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from il2tui.core import display
from il2tui.core.exact import ZERO

if TYPE_CHECKING:
    from il2tui.clinical.model import (
        AssessmentResult,
        LesionResult,
        NewLesionResult,
        NonMeasurableResult,
    )


def lesion_name(lesion_id: str, site: str) -> str:
    """``L1 (lung)``, or the id alone when the site is blank."""
    return f"{lesion_id} ({site})" if site else lesion_id


def assessment_lines(
    result: AssessmentResult, escape: Callable[[str], str] | None = None
) -> tuple[str, ...]:
    """Each lesion, each new lesion, the SPD as a sum, and the basis of the category.

    With ``escape`` (Markdown's), each line comes escaped: a lesion's line by escaping
    its name alone, since the numbers and words after it hold nothing that ``escape``
    changes, nor anything it reads together with the name; the SPD as a sum, all
    numbers, as it is; every other line whole (``tests/hardening/test_fast_escapes.py``
    checks the lines against the whole lines escaped).
    """
    lines = [lesion_line(row, escape) for row in result.lesions]
    if result.new_lesions or result.non_measurable:
        more = [*map(new_lesion_line, result.new_lesions), *map(site_line, result.non_measurable)]
        lines += more if escape is None else map(escape, more)
    if result.spd_mm2 is not None and len(result.lesions) > 1:
        number = display.number
        terms = " + ".join([number(row.product_mm2 or ZERO) for row in result.lesions])
        lines.append(f"SPD = {terms} = {display.area(result.spd_mm2)}")
    words = [result.basis]
    if result.after_progression:
        words.append(
            "After progression: the response episode ended at an earlier PD; this evaluation "
            "is shown but raises neither the best response nor the series state"
        )
    lines += words if escape is None else map(escape, words)
    return tuple(lines)


def lesion_line(row: LesionResult, escape: Callable[[str], str] | None = None) -> str:
    """One baseline lesion at one evaluation, with its product and its nadir."""
    name = lesion_name(row.id, row.site) if escape is None else _escaped(row.id, row.site, escape)
    if row.diameters is None:
        return f"{name}: not assessed"
    nadir = display.area(row.nadir_before_mm2)
    if row.status == "disappeared":
        return f"{name}: disappeared (0 × 0; nadir {nadir})"
    size = f"{display.diameters(row.diameters)} = {display.area(row.product_mm2)}"
    if row.status == "reappeared":
        return f"{name}: {size}, measurable again after disappearing"
    growing = ", growing" if row.growing and not row.progressing else ""
    change = display.pct(row.change_from_nadir_pct)
    return f"{name}: {size} ({change} on nadir {nadir}{growing})"


@lru_cache(maxsize=4096)
def _escaped(lesion_id: str, site: str, escape: Callable[[str], str]) -> str:
    """A lesion's name escaped, once for all its evaluations."""
    return escape(lesion_name(lesion_id, site))


def site_line(site: NonMeasurableResult) -> str:
    """A non-measurable site at one evaluation: present, absent, progressed, not assessed."""
    status = site.status.replace("_", " ")
    return f"{lesion_name(site.id, site.site)}, non-measurable: {status}"


def new_lesion_line(lesion: NewLesionResult) -> str:
    """A new lesion, with its diameters when measured."""
    size = f": {display.diameters(lesion.diameters)} mm" if lesion.diameters else ""
    return f"New lesion ({lesion.site}){size}"
