"""The words of a recommendation: its explanation lines and the engine's own cautions.

The guideline's cautions are data (``guidelines/retreatment.toml``); the ones
here depend on dates of the case (a response not yet confirmed, progression
seen earlier in the same course) or on the record itself (a course given after
a reason to stop), and so are written by the engine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from il2tui.case.model import Course
from il2tui.clinical.confirm import CONFIRMATION_DAYS
from il2tui.clinical.guideline import Rule
from il2tui.clinical.guideline_checks import citation
from il2tui.clinical.model import AssessmentResult, GuidelineRef, Note, Recommendation
from il2tui.clinical.response_cautions import early_evaluation, small_lesion_progression
from il2tui.clinical.wording import recommendation_words


def explanation(
    course: Course,
    results: tuple[AssessmentResult, ...],
    best: str | None,
    state: str | None,
    rule: Rule,
    *,
    awaiting: bool = False,
) -> tuple[str, ...]:
    """The arithmetic and the rule in plain words, one line each."""
    lines = list(_course_lines(course))
    if results:
        last = results[-1]
        day = f", day {last.day} from the first dose" if last.day is not None else ""
        lines.append(f"Evaluation of {last.date}{day}: {last.basis}.")
        if last.after_progression:
            lines.append(
                "After progression: shown, but it raises neither the best response nor the state."
            )
        else:
            lines.extend(_confirmation_lines(last))
        held = " (awaiting confirmation: held at the latest evaluation)" if awaiting else ""
        lines.append(
            f"Best response so far: {best}{held}; state for the series' tables: {state or '—'}."
        )
    else:
        lines.append(f"No evaluation after course {course.number} yet.")
    lines.append(
        f"Rule {rule.id} ({rule.title}): {recommendation_words(rule.action, rule.stop_reason)}."
    )
    return tuple(lines)


def _course_lines(course: Course) -> list[str]:
    lines = []
    if course.toxicity:
        lines.append(
            f"Severe toxicity recorded in course {course.number}: {', '.join(course.toxicity)}."
        )
    if course.declined_further:
        lines.append("The patient declines or cannot tolerate more IL-2.")
    return lines


def _confirmation_lines(last: AssessmentResult) -> list[str]:
    if last.confirmed_on is None and last.confirmable_from is None:
        return []
    seen = f"first seen {last.first_seen}"
    if last.confirmed:
        return [f"{last.response} confirmed on {last.confirmed_on} ({seen})."]
    later = f"; a later evaluation on {last.confirmed_on} confirmed it" if last.confirmed_on else ""
    return [
        f"{last.response} not yet confirmed ({seen}; can be confirmed from "
        f"{last.confirmable_from}){later}."
    ]


def engine_cautions(course: Course, results: tuple[AssessmentResult, ...]) -> tuple[Note, ...]:
    """Cautions from the case's dates and sizes: an unconfirmed response, earlier
    progression, an early evaluation, progression called on small lesions only."""
    if not results:
        return ()
    notes = []
    last = results[-1]
    if last.confirmed is False and not last.after_progression:
        notes.append(_unconfirmed(last))
    earlier = [a for a in results[:-1] if a.response == "PD"]
    if earlier and last.after_progression:
        notes.append(
            Note(
                id="earlier_progression",
                text=(
                    f"An earlier evaluation after this course ({earlier[0].date}) showed "
                    f"progression; the later one ({last.date}) is shown, but after progression "
                    "it changes neither the best response nor the recommendation."
                ),
                sources=(citation("results.discontinuation"),),
            )
        )
    notes += early_evaluation(course, results)
    notes += small_lesion_progression(results)
    return tuple(notes)


def record_cautions(course: Course, following: Course | None) -> tuple[Note, ...]:
    """Where the file contradicts itself: a later course after a reason to stop.

    Severe toxicity, the patient declining, or the clinician's own decision to
    stop after ``course``, and yet ``following`` was given. Not an error (plans
    change); the review shows it, the recorded reason quoted as typed.
    """
    decision = course.decision
    stopped = decision is not None and decision.action == "stop"
    if following is None or not (course.toxicity or course.declined_further or stopped):
        return ()
    number = course.number
    given = f"yet course {following.number} was started on {following.start}."
    notes = []
    if course.toxicity:
        notes.append(
            Note(
                id="course_after_severe_toxicity",
                text=(
                    f"Severe toxicity was recorded in course {number} ({_toxicity(course)}), "
                    f"after which the series gave no further IL-2, {given}"
                ),
                sources=(citation("results.discontinuation"),),
            )
        )
    if course.declined_further:
        notes.append(
            Note(
                id="course_after_declined",
                text=(
                    f"The patient declined or could not tolerate more IL-2 after course "
                    f"{number}, {given}"
                ),
                sources=(citation("results.discontinuation"), citation("table5")),
            )
        )
    if decision is not None and stopped:
        why = f'reason: "{decision.reason}"' if decision.reason else "no reason recorded"
        notes.append(
            Note(
                id="course_after_stop",
                text=f"The decision after course {number} was to stop IL-2 ({why}), {given}",
            )
        )
    return tuple(notes)


def after_severe_toxicity(earlier: Sequence[Course]) -> tuple[Note, ...]:
    """A caution on every course given after one with severe toxicity: the series gave no
    further IL-2 after such toxicity, so its cohorts hold no patient in this situation."""
    first = next((course for course in earlier if course.toxicity), None)
    if first is None:
        return ()
    return (
        Note(
            id="after_severe_toxicity",
            text=(
                f"Severe toxicity was recorded in course {first.number} ({_toxicity(first)}). "
                "The series gave no further IL-2 after such toxicity, so none of its patients "
                "stood where this patient stands: the cohort shown comes from patients without it."
            ),
            sources=(citation("results.discontinuation"),),
        ),
    )


def _toxicity(course: Course) -> str:
    """The course's severe-toxicity codes in words: ``intubation, severe arrhythmia``."""
    return ", ".join(code.replace("_", " ") for code in course.toxicity)


def _unconfirmed(last: AssessmentResult) -> Note:
    later = f" A later evaluation on {last.confirmed_on} confirmed it." if last.confirmed_on else ""
    return Note(
        id="unconfirmed_response",
        text=(
            f"The {last.response} first seen on {last.first_seen} is not confirmed yet: the "
            f"paper counts a response that lasts at least 1 month (here {CONFIRMATION_DAYS} "
            f"days). An evaluation on or after {last.confirmable_from} that still shows "
            f"{last.response} or better confirms it.{later}"
        ),
        sources=(citation("methods.evaluation"),),
    )


def fallback(
    guideline: GuidelineRef, facts: Mapping[str, Any], cautions: tuple[Note, ...] = ()
) -> Recommendation:
    """What to say when no rule of a (clinic's) guideline matches: decide by hand."""
    shown = ", ".join(f"{k}={v}" for k, v in facts.items() if v is not None)
    return Recommendation(
        action="reassess",
        stop_reason=None,
        rule="no_rule_matched",
        title="No rule of the guideline matched",
        reasoning=(
            f"Guideline {guideline.id} {guideline.version} has no rule for this situation; "
            "the decision is the clinician's."
        ),
        sources=(),
        explanation=(f"Facts: {shown}.", "No rule matched."),
        cautions=cautions,
    )
