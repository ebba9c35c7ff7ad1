"""Words shared by the text and Markdown renderings of a review (one source of phrasing).

Every function returns plain lines; the caller escapes them for its medium
(:mod:`il2tui.core.textsafe`), because lines can hold text from the case file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, Any, TypeVar

from il2tui.clinical.model import (
    Action,
    AssessmentResult,
    Citation,
    ClinicianDecision,
    CourseReview,
    Note,
    Recommendation,
    Review,
    StopReason,
)
from il2tui.clinical.wording import guideline_says, recommendation_words
from il2tui.core import display
from il2tui.core.textsafe import quoted
from il2tui.evidence.answer import CohortAnswer
from il2tui.evidence.lookup import zero_notes

if TYPE_CHECKING:
    from il2tui.clinical.guideline import Assumptions, Guideline

R = TypeVar("R")


def by_identity(function: Callable[..., R], limit: int = 1024) -> Callable[..., R]:
    """``function`` remembered for the very object given first (and the other arguments):
    the engine hands every review the same objects for the guideline's notes and the
    paper's cohorts, and looking one up by its id skips hashing it, which for a tuple of
    notes hashes every field of every note (a sixth of the time of a review's JSON).
    Each entry holds its object, so that no other object can take its id while it is
    remembered; the entries are all dropped past ``limit``."""
    memo: dict[tuple[Any, ...], tuple[object, R]] = {}

    @wraps(function)
    def remembered(value: object, *rest: Any) -> R:
        key = (id(value), *rest)
        found = memo.get(key)
        if found is None:
            if len(memo) >= limit:
                memo.clear()
            found = memo[key] = (value, function(value, *rest))
        return found[1]

    return remembered


def utf8_lines(lines: Sequence[str | bytes]) -> bytes | None:
    """The lines in UTF-8, each ended by a line break (a ``bytes`` line is taken as it is:
    a block already encoded); ``None`` when one holds a lone surrogate, which UTF-8 cannot
    write. Encoded line by line: most lines are ASCII or Latin-1, which encode by copying,
    whereas one ``–`` makes a joined document two bytes a character, encoded character by
    character (twice the time)."""
    try:
        encoded = [line.encode() if type(line) is str else line for line in lines]
    except UnicodeEncodeError:
        return None
    encoded.append(b"")
    return b"\n".join(encoded)


DIAGNOSIS_LABEL = {"melanoma": "metastatic melanoma", "renal_cell": "metastatic renal cell cancer"}


def confirmation_cell(result: AssessmentResult | None) -> str:
    """A timeline's "Confirmed" cell for an evaluation: ``yes`` (by then), ``on DATE`` (by a
    later evaluation), ``not yet``, or ``—`` when there is no PR or CR to confirm."""
    if result is None or result.confirmed is None:
        return "—"
    if result.confirmed:
        return "yes"
    return f"on {display.date_text(result.confirmed_on)}" if result.confirmed_on else "not yet"


def cite(note: Note | Recommendation) -> str:
    """``[Discussion, pp. 1957-1958; Table 4 ..., p. 1957]``, or nothing without sources."""
    return cite_sources(note.sources)


def cite_sources(sources: tuple[Citation, ...]) -> str:
    """``[Discussion, pp. 1957-1958; ...]``, or nothing without sources."""
    if not sources:
        return ""
    return " [" + "; ".join(c.text for c in sources) + "]"


def header_lines(review: Review, source: str | None) -> list[str]:
    """Who, which file, which guideline."""
    who = f"{quoted(review.label)}, " if review.label else ""
    lines = [f"Review of {source}" if source else "Review"]
    lines.append(f"Patient: {who}{DIAGNOSIS_LABEL[review.diagnosis]}")
    g = review.guideline
    lines.append(f"Guideline: {g.id} {g.version} ({g.status}): {g.title}")
    if review.first_dose:
        lines.append(
            f"First dose: {display.date_text(review.first_dose)} (response durations count from it)"
        )
    return lines


def baseline_lines(review: Review, escape: Callable[[str], str] | None = None) -> list[str]:
    """The baseline lesions with their products, and the SPD.

    With ``escape`` (Markdown's), each line comes escaped, a lesion's by escaping what
    precedes its numbers, as :func:`il2tui.clinical.arithmetic.assessment_lines` does
    (``tests/hardening/test_fast_escapes.py`` checks it against the whole lines)."""
    if review.baseline_date is None:
        return ["Baseline: not entered yet"]
    when, spd = display.date_text(review.baseline_date), display.area(review.baseline_spd_mm2)
    lines = [f"Baseline {when}: SPD {spd}"]
    for lesion in review.baseline:
        head = f"{lesion.id} ({lesion.site}), {lesion.method}"
        size = f"{display.diameters(lesion.diameters)} = {display.area(lesion.product_mm2)}"
        lines.append(f"{head if escape is None else escape(head)}: {size}")
    sites = []
    for site in review.non_measurable:
        name = f"{site.id} ({site.site})" if site.site else site.id
        sites.append(f"{name}, {site.method}: non-measurable disease (not in the SPD)")
    return lines + (sites if escape is None else [escape(line) for line in sites])


def evaluation_label(result: AssessmentResult) -> str:
    """``PR`` or ``PR (after progression)``: the category as a heading shows it."""
    return result.response + (" (after progression)" if result.after_progression else "")


def response_line(course: CourseReview) -> str:
    """``Response: PR, not yet confirmed (can be confirmed from ...)``."""
    last = course.last
    if last is None:
        return f"Response: not evaluated yet (best so far: {course.best_response or '—'})"
    text = f"Response: {evaluation_label(last)}"
    if course.confirmed is True:
        text += f", confirmed on {display.date_text(last.confirmed_on)}"
    elif course.confirmed is False:
        since = display.date_text(last.confirmable_from)
        text += f", not yet confirmed (can be confirmed from {since})"
    return text + f"; best so far {course.best_response}; series state {course.state or '—'}"


def recommendation_line(rec: Recommendation) -> str:
    """``Guideline: stop IL-2 — progression (rule progression: Progression)``."""
    return rule_line(rec.action, rec.stop_reason, rec.rule, rec.title)


def rule_line(action: Action, stop_reason: StopReason | None, rule: str, title: str) -> str:
    """:func:`recommendation_line` of a recommendation's action, rule and title."""
    return f"{guideline_says(action, stop_reason)} (rule {rule}: {title})"


def by_rule(make: Callable[[str, str], R]) -> Callable[[Recommendation], R]:
    """``make(answer, why)`` for a recommendation, made once per rule: ``answer`` is its
    :func:`recommendation_line`, ``why`` the rule's reasoning with its :func:`cite`. Every
    recommendation by a rule says the same, and a run holds a few rules."""

    @lru_cache(maxsize=256)
    def made(
        action: Action,
        stop_reason: StopReason | None,
        rule: str,
        title: str,
        reasoning: str,
        sources: tuple[Citation, ...],
    ) -> R:
        return make(rule_line(action, stop_reason, rule, title), reasoning + cite_sources(sources))

    def of(rec: Recommendation) -> R:
        return made(rec.action, rec.stop_reason, rec.rule, rec.title, rec.reasoning, rec.sources)

    return of


def notice_line(review: Review) -> str:
    """The one line every output with a recommendation carries: decision support only."""
    return notice_line_of(review.notice)


def notice_line_of(notice: str) -> str:
    """:func:`notice_line` of the notice's words."""
    return f"Notice: {notice}"


ELIGIBILITY_TITLE = "Eligibility: the series' exclusion criteria and the range of its patients"


def course_eligibility_lines(review: Review, course: CourseReview) -> list[str]:
    """Above a course's recommendation: its eligibility flags, a new one in full."""
    if not course.eligibility:
        return []
    known = {n.id: n for n in review.eligibility}
    ids = ", ".join(n.id for n in course.eligibility)
    lines = [f"Eligibility flags as of this course: {ids}"]
    lines += [f"  {n.text}{cite(n)}" for n in course.eligibility if known.get(n.id) != n]
    return lines


def cohort_lines(answer: CohortAnswer | None, heading: str, note: str | None = None) -> list[str]:
    """What the series' patients in the same place did: counts, percentages, exact intervals;
    or, when no cohort applies, why (``note``)."""
    if answer is None:
        return [f"{heading}: {note}"] if note else []
    return list(_cohort_block(answer, heading))


@by_identity
@lru_cache(maxsize=1024)
def _cohort_block(answer: CohortAnswer, heading: str) -> tuple[str, ...]:
    """The lines of a cohort, made once per cohort and heading: a few dozen serve every
    review of a run (a quarter of the time of a text review went into remaking them)."""
    lines = [f"{heading}: {answer.message} [{answer.source}]"]
    for outcome in answer.outcomes:
        ci = f"{_pct(outcome.ci_low)}-{_pct(outcome.ci_high)}"
        lines.append(
            f"  {outcome.state}: {outcome.patients} of {answer.treated} = "
            f"{_pct(outcome.proportion)} (exact 95% CI {ci})"
        )
    lines += [f"  Note: {note}" for note in zero_notes(answer)]
    lines += [f"  Note: {note}" for note in answer.notes]
    return tuple(lines)


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def decision_line(
    decision: ClinicianDecision | None, now: Recommendation | None = None
) -> str | None:
    """What the clinician decided, whether it departs from the recommendation, and (given
    ``now``, today's recommendation) whether that recommendation changed since."""
    if decision is None:
        return None
    why = f": {decision.reason}" if decision.reason else ""
    verdict = "DIFFERS from the recommendation" if decision.differs else "agrees"
    changed = stale_text(decision, now) if now is not None else None
    return f"Clinician decided: {decision.action}{why} ({verdict})" + (
        f"; {changed}" if changed else ""
    )


def stale_text(decision: ClinicianDecision | None, now: Recommendation) -> str | None:
    """``the recommendation changed since this decision (was …, now …)`` for a stale
    decision; ``None`` when it is current or the file does not say what was seen."""
    if decision is None or not decision.stale or decision.seen is None:
        return None
    seen = decision.seen
    was = f"{recommendation_words(seen.action)}, rule {seen.rule}"
    is_now = f"{recommendation_words(now.action, now.stop_reason)}, rule {now.rule}"
    return (
        f"the recommendation changed since this decision (was {was}, "
        f"now {is_now}): confirm the decision again"
    )


def best_line(review: Review) -> str:
    """The best response, its confirmation and its duration from the first dose."""
    if review.best_response is None:
        return "Best response: none evaluated yet"
    text = f"Best response: {review.best_response}"
    if review.best_response_confirmed is not None:
        text += (
            ", confirmed"
            if review.best_response_confirmed
            else ", awaiting confirmation (held at the latest evaluation)"
        )
    if review.best_response_first_seen:
        text += f", first seen {display.date_text(review.best_response_first_seen)}"
    if review.response_duration_days is not None:
        state = "ongoing" if review.response_ongoing else "until progression"
        text += f"; {review.response_duration_days} days from the first dose ({state})"
    return text


def clinic_files_line(guideline: Guideline | None, assumptions: Assumptions | None) -> str | None:
    """Which of a clinic's own files the reviews use, in a sentence (``None``: only the
    shipped ones), so that a category or a recommendation is never read as the paper's
    alone when a clinic has changed what decides it."""
    parts = []
    if guideline is not None:
        parts.append(f"guideline {guideline.id} {guideline.version}")
    if assumptions is not None:
        tolerance = assumptions.growing_lesion_tolerance_pct
        parts.append(
            f"assumptions {assumptions.id} {assumptions.version} "
            f"(growing-lesion tolerance {tolerance}%)"
        )
    return f"Reviewing with the clinic's own {' and '.join(parts)}." if parts else None
