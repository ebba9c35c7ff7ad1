"""Response criteria: each restaging evaluation to CR, PR, MR, SD, PD or NE, exactly.

CR, PR and MR are the paper's definitions (Patients and Methods, Evaluation of
Response): the sum of the products of two perpendicular diameters (SPD) over the
baseline lesions; a PR allows no growing lesion, a CR no non-measurable disease left.
PD, NE, "growing", the 28-day confirmation and progression that stays fill the paper's
gaps; they are stated in ``guidelines/assumptions.toml``. Thresholds are compared exactly, as
integer multiples of decimals read as written (``2 × SPD ≤ baseline`` for a PR),
never through floats; :mod:`il2tui.core.display` rounds only what is shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from msgspec import Struct

from il2tui.case.model import Assessment, Case, Course, Lesion
from il2tui.clinical.arithmetic import lesion_name
from il2tui.clinical.confirm import Confirmation, confirmations
from il2tui.clinical.model import (
    AssessmentResult,
    Category,
    LesionResult,
    LesionStatus,
    NewLesionResult,
    NonMeasurableResult,
)
from il2tui.core import display
from il2tui.core.exact import add, exceeds, mul, reaches_increase, reaches_reduction

PR_REDUCTION_PCT = 50
MR_REDUCTION_PCT = 25
PD_INCREASE_PCT = 25


class _Track(Struct):
    """What earlier evaluations leave behind: the nadirs (and their diameters)."""

    baseline_spd: Decimal
    nadir: dict[str, Decimal]
    nadir_pair: dict[str, tuple[Decimal, Decimal]]
    spd_nadir: Decimal
    tolerance_pct: Decimal = Decimal(0)


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
    case: Case,
    products: dict[str, Decimal] | None = None,
    *,
    tolerance_pct: Decimal = Decimal(0),
) -> tuple[tuple[AssessmentResult, ...], ...]:
    """Every evaluation of every course, classified; one tuple per course.

    ``products`` are the baseline products when the caller has them already;
    ``tolerance_pct`` is how far above its nadir a lesion may be before it counts
    as growing (a clinic's assumption; 0 is the paper's literal reading).
    """
    products = baseline_products(case) if products is None else products
    if not products or len(products) != len(case.lesions):
        return tuple(() for _ in case.courses)
    spd = add(products.values())
    pairs = dict(case.baseline.measurements) if case.baseline else {}
    track = _Track(spd, dict(products), pairs, spd, tolerance_pct)
    first = case.first_dose_date()
    drafts = [
        _classify(track, case, course, assessment, first)
        for course in case.courses
        for assessment in course.assessments
    ]
    after_progression(drafts)
    counted = ["PD" if d["after_progression"] else d["response"] for d in drafts]
    confirmed = confirmations(counted, [d["date"] for d in drafts])
    results = iter([_finish(d, c) for d, c in zip(drafts, confirmed, strict=True)])
    return tuple(tuple(next(results) for _ in course.assessments) for course in case.courses)


def _classify(
    track: _Track, case: Case, course: Course, found: Assessment, first: date | None
) -> _Draft:
    rows = tuple(_lesion(track, lesion, found) for lesion in case.lesions)
    new = tuple(_new_lesion(n.site, n.diameters) for n in found.new_lesions)
    sites = tuple(
        NonMeasurableResult(
            id=s.id, site=s.site, status=found.non_measurable.get(s.id, "not_assessed")
        )
        for s in case.non_measurable
    )
    measured = [r.product_mm2 for r in rows if r.product_mm2 is not None]
    spd = add(measured) if len(measured) == len(rows) else None
    change = display.change_pct(spd, track.baseline_spd) if spd is not None else None
    response, basis = _decide(track, rows, new, sites, spd, change)
    draft = {
        "course": course.number,
        "date": found.date,
        "day": (found.date - first).days if first else None,
        "lesions": rows,
        "new_lesions": new,
        "non_measurable": sites,
        "spd_mm2": spd,
        "spd_nadir_before_mm2": track.spd_nadir,
        "change_from_baseline_pct": change,
        "change_from_nadir_pct": (
            display.change_pct(spd, track.spd_nadir) if spd is not None else None
        ),
        "response": response,
        "basis": basis,
        "after_progression": False,
    }
    _update(track, rows, spd)
    return draft


def after_progression(drafts: list[_Draft]) -> None:
    """Progression stays: mark every evaluation after the first PD, and keep new lesions.

    A new lesion is part of the disease from the evaluation where it appears, so a
    later evaluation that does not list it is still PD (issue 11, point 4).
    """
    progressed = False
    carried: list[tuple[str, date]] = []
    for draft in drafts:
        draft["after_progression"] = progressed
        if progressed and carried and draft["response"] != "PD":
            site, seen = carried[0]
            draft["response"] = "PD"
            draft["basis"] = (
                f"New lesion ({site}) first seen {seen} is part of the disease from then on, "
                "though not listed here: PD"
            )
        carried += [(n.site, draft["date"]) for n in draft["new_lesions"]]
        progressed = progressed or draft["response"] == "PD"


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
            nadir_diameters=track.nadir_pair.get(lesion.id),
        )
    product = mul(*pair)
    progressing = product > 0 and reaches_increase(product, nadir, PD_INCREASE_PCT)
    return LesionResult(
        growing=product > 0 and exceeds(product, nadir, track.tolerance_pct),
        nadir_diameters=track.nadir_pair.get(lesion.id),
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
    sites: tuple[NonMeasurableResult, ...],
    spd: Decimal | None,
    change: Decimal | None,
) -> tuple[Category, str]:
    """The category and the line that decided it, testing PD, NE, CR, PR, MR, SD in order."""
    progression = next(_progression(rows, new, sites), None)
    if progression is not None:
        return "PD", progression
    missing = [r for r in rows if r.status == "not_assessed"]
    if missing or spd is None:
        names = ", ".join(_name(r) for r in missing)
        return "NE", f"Not assessed: {names}. NE (every baseline lesion must be measured)"
    if spd == 0:
        return _all_gone(len(rows), sites)
    head = f"SPD {display.area(spd)} from {display.area(track.baseline_spd)}: {display.pct(change)}"
    growing = [r for r in rows if r.growing]
    if reaches_reduction(spd, track.baseline_spd, PR_REDUCTION_PCT):
        if not growing:
            return "PR", f"{head}, PR (threshold: {PR_REDUCTION_PCT}% reduction)"
        return "MR", (
            f"{head}, but {_growth(growing, track.tolerance_pct)}: not a PR (a PR needs no "
            f"growing lesion), MR (threshold: {MR_REDUCTION_PCT}% reduction)"
        )
    if reaches_reduction(spd, track.baseline_spd, MR_REDUCTION_PCT):
        return "MR", (
            f"{head}, MR (threshold: {MR_REDUCTION_PCT}% reduction; PR needs {PR_REDUCTION_PCT}%)"
        )
    return "SD", f"{head}, SD (under {MR_REDUCTION_PCT}% reduction, no progression)"


def _all_gone(count: int, sites: tuple[NonMeasurableResult, ...]) -> tuple[Category, str]:
    """Every measurable lesion gone: CR only when every non-measurable site is absent too."""
    gone = "The baseline lesion has" if count == 1 else f"All {count} baseline lesions have"
    left = [s for s in sites if s.status != "absent"]
    if not left:
        return "CR", f"{gone} disappeared, no new lesion: CR"
    held = "; ".join(f"{lesion_name(s.id, s.site)} {s.status.replace('_', ' ')}" for s in left)
    return "PR", (
        f"{gone} disappeared, no new lesion, but non-measurable disease is not known to be gone "
        f"({held}): PR at most (a CR needs all disease gone)"
    )


def _growth(growing: list[LesionResult], tolerance: Decimal) -> str:
    """``L2 (liver) grew: 100 mm² to 110 mm², +10.0% on its nadir``, for each lesion."""
    beyond = f" (more than the tolerance of {tolerance}%)" if tolerance else ""
    return "; ".join(
        f"{_name(r)} grew: {display.area(r.product_mm2)} from its nadir of "
        f"{display.area(r.nadir_before_mm2)}, {display.pct(r.change_from_nadir_pct)}{beyond}"
        for r in growing
    )


def _progression(
    rows: tuple[LesionResult, ...],
    new: tuple[NewLesionResult, ...],
    sites: tuple[NonMeasurableResult, ...],
) -> Iterator[str]:
    for lesion in new:
        yield f"New lesion ({lesion.site}): PD (any new lesion counts as progression)"
    for site in sites:
        if site.status == "progressed":
            yield (
                f"Non-measurable disease {lesion_name(site.id, site.site)} progressed "
                "unequivocally: PD"
            )
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
            track.nadir_pair[row.id] = row.diameters  # type: ignore[assignment]
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
