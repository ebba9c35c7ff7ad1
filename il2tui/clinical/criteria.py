"""Response criteria: each restaging evaluation to CR, PR, MR, SD, PD or NE, exactly.

CR, PR and MR are the paper's definitions (Patients and Methods, Evaluation of
Response): the sum of the products of two perpendicular diameters (SPD) over the
baseline lesions. PD, NE and the 28-day confirmation fill the paper's gaps; they
are stated in ``guidelines/assumptions.toml``. Thresholds are compared exactly, as
integer multiples of decimals read as written (``2 × SPD ≤ baseline`` for a PR),
never through floats; :mod:`il2tui.core.display` rounds only what is shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from il2tui.case.model import Assessment, Case, Lesion
from il2tui.clinical.arithmetic import lesion_name
from il2tui.clinical.confirm import Confirmation, confirmations
from il2tui.clinical.model import (
    AssessmentResult,
    Category,
    LesionResult,
    LesionStatus,
    NewLesionResult,
)
from il2tui.core import display
from il2tui.core.exact import add, mul, reaches_increase, reaches_reduction

PR_REDUCTION_PCT = 50
MR_REDUCTION_PCT = 25
PD_INCREASE_PCT = 25


@dataclass(slots=True)
class _Track:
    """What earlier evaluations leave behind: the nadirs."""

    baseline_spd: Decimal
    nadir: dict[str, Decimal]
    spd_nadir: Decimal


#: An evaluation classified, before its confirmation is known: the fields of an
#: :class:`AssessmentResult` but the four of confirmation.
_Draft = dict[str, Any]


def baseline_products(case: Case) -> dict[str, Decimal]:
    """Each baseline lesion's product, in the order of the case's lesions."""
    if case.baseline is None:
        return {}
    found = case.baseline.measurements
    return {lesion.id: mul(*found[lesion.id]) for lesion in case.lesions if lesion.id in found}


def classify_case(
    case: Case, products: dict[str, Decimal] | None = None
) -> tuple[tuple[AssessmentResult, ...], ...]:
    """Every evaluation of every course, classified; one tuple per course.

    ``products`` are the baseline products when the caller has them already.
    """
    products = baseline_products(case) if products is None else products
    if not products or len(products) != len(case.lesions):
        return tuple(() for _ in case.courses)
    spd = add(products.values())
    track = _Track(spd, dict(products), spd)
    first = case.first_dose_date()
    drafts = [
        _classify(track, case.lesions, course.number, assessment, first)
        for course in case.courses
        for assessment in course.assessments
    ]
    confirmed = confirmations([d["response"] for d in drafts], [d["date"] for d in drafts])
    results = iter([_finish(d, c) for d, c in zip(drafts, confirmed, strict=True)])
    return tuple(tuple(next(results) for _ in course.assessments) for course in case.courses)


def _classify(
    track: _Track, lesions: tuple[Lesion, ...], course: int, found: Assessment, first: date | None
) -> _Draft:
    rows = tuple(_lesion(track, lesion, found) for lesion in lesions)
    new = tuple(_new_lesion(n.site, n.diameters) for n in found.new_lesions)
    measured = [r.product_mm2 for r in rows if r.product_mm2 is not None]
    spd = add(measured) if len(measured) == len(rows) else None
    change = display.change_pct(spd, track.baseline_spd) if spd is not None else None
    response, basis = _decide(track, rows, new, spd, change)
    draft = {
        "course": course,
        "date": found.date,
        "day": (found.date - first).days if first else None,
        "lesions": rows,
        "new_lesions": new,
        "spd_mm2": spd,
        "spd_nadir_before_mm2": track.spd_nadir,
        "change_from_baseline_pct": change,
        "change_from_nadir_pct": (
            display.change_pct(spd, track.spd_nadir) if spd is not None else None
        ),
        "response": response,
        "basis": basis,
    }
    _update(track, rows, spd)
    return draft


def _lesion(track: _Track, lesion: Lesion, found: Assessment) -> LesionResult:
    nadir = track.nadir[lesion.id]
    pair = found.measurements.get(lesion.id)
    if pair is None:
        return LesionResult(
            id=lesion.id,
            site=lesion.site,
            status="not_assessed",
            diameters=None,
            product_mm2=None,
            nadir_before_mm2=nadir,
            change_from_nadir_pct=None,
            progressing=False,
        )
    product = mul(*pair)
    progressing = product > 0 and reaches_increase(product, nadir, PD_INCREASE_PCT)
    return LesionResult(
        id=lesion.id,
        site=lesion.site,
        status=_status(product, nadir),
        diameters=pair,
        product_mm2=product,
        nadir_before_mm2=nadir,
        change_from_nadir_pct=display.change_pct(product, nadir),
        progressing=progressing,
    )


def _status(product: Decimal, nadir: Decimal) -> LesionStatus:
    if product == 0:
        return "disappeared"
    return "reappeared" if nadir == 0 else "measured"


def _new_lesion(site: str, pair: tuple[Decimal, Decimal] | None) -> NewLesionResult:
    return NewLesionResult(site=site, diameters=pair, product_mm2=mul(*pair) if pair else None)


def _decide(
    track: _Track,
    rows: tuple[LesionResult, ...],
    new: tuple[NewLesionResult, ...],
    spd: Decimal | None,
    change: Decimal | None,
) -> tuple[Category, str]:
    """The category and the line that decided it, testing PD, NE, CR, PR, MR, SD in order."""
    progression = next(_progression(rows, new), None)
    if progression is not None:
        return "PD", progression
    missing = [r for r in rows if r.status == "not_assessed"]
    if missing or spd is None:
        names = ", ".join(_name(r) for r in missing)
        return "NE", f"Not assessed: {names}. NE (every baseline lesion must be measured)"
    if spd == 0:
        gone = (
            "The baseline lesion has"
            if len(rows) == 1
            else f"All {len(rows)} baseline lesions have"
        )
        return "CR", f"{gone} disappeared, no new lesion: CR"
    head = f"SPD {display.area(spd)} from {display.area(track.baseline_spd)}: {display.pct(change)}"
    if reaches_reduction(spd, track.baseline_spd, PR_REDUCTION_PCT):
        return "PR", f"{head}, PR (threshold: {PR_REDUCTION_PCT}% reduction)"
    if reaches_reduction(spd, track.baseline_spd, MR_REDUCTION_PCT):
        return "MR", (
            f"{head}, MR (threshold: {MR_REDUCTION_PCT}% reduction; PR needs {PR_REDUCTION_PCT}%)"
        )
    return "SD", f"{head}, SD (under {MR_REDUCTION_PCT}% reduction, no progression)"


def _progression(rows: tuple[LesionResult, ...], new: tuple[NewLesionResult, ...]) -> Iterator[str]:
    for lesion in new:
        yield f"New lesion ({lesion.site}): PD (any new lesion counts as progression)"
    for row in rows:
        if not row.progressing:
            continue
        if row.nadir_before_mm2 == 0:
            yield f"{_name(row)} had disappeared and is measurable again: PD"
        else:
            yield (
                f"{_name(row)}: {display.area(row.product_mm2)}, "
                f"{display.pct(row.change_from_nadir_pct)} on its nadir of "
                f"{display.area(row.nadir_before_mm2)}: PD "
                f"(threshold: {PD_INCREASE_PCT}% increase on the lesion's nadir)"
            )


def _update(track: _Track, rows: tuple[LesionResult, ...], spd: Decimal | None) -> None:
    for row in rows:
        if row.product_mm2 is not None and row.product_mm2 < track.nadir[row.id]:
            track.nadir[row.id] = row.product_mm2
    if spd is not None and spd < track.spd_nadir:
        track.spd_nadir = spd


def _name(row: LesionResult) -> str:
    return lesion_name(row.id, row.site)


def _finish(draft: _Draft, confirmation: Confirmation) -> AssessmentResult:
    return AssessmentResult(
        **draft,
        first_seen=confirmation.first_seen,
        confirmable_from=confirmation.due,
        confirmed_on=confirmation.confirmed_on,
        confirmed=confirmation.as_of(draft["date"]),
    )
