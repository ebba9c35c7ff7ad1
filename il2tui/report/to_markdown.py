"""A review as Markdown, for a report: a timeline table, then each course in detail.

Every line with text from the case file passes through
:func:`il2tui.core.textsafe.markdown`, so a label like ``**x**`` or ``<img>`` stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from il2tui.clinical.arithmetic import assessment_lines
from il2tui.clinical.model import ClinicianDecision, CourseReview, Note, Review
from il2tui.clinical.wording import recommendation_words
from il2tui.core import display
from il2tui.core.textsafe import markdown
from il2tui.evidence.answer import CohortAnswer
from il2tui.report import common as common

#: Most lines (the rules, the cohorts, the assumptions) come back in review after review:
#: an audit escapes each once, not thousands of times.
md = lru_cache(maxsize=8192)(markdown)

TIMELINE_HEADER = (
    "| Course | Start | Evaluation | SPD | vs baseline | Response | Confirmed "
    "| Recommendation | Rule | Decision |",
    "|---|---|---|---|---|---|---|---|---|---|",
)


def render_markdown(review: Review, source: str | None = None) -> str:
    """The whole review as a Markdown document."""
    return "\n".join(_lines(review, source)) + "\n"


def render_markdown_utf8(review: Review, source: str | None = None) -> bytes | str:
    """:func:`render_markdown` in UTF-8, for standard output, encoded line by line (see
    :func:`common.utf8_lines`); as text if a line holds a lone surrogate, for the output
    to answer as it does for text."""
    lines = _lines(review, source)
    document = common.utf8_lines(lines)
    return document if document is not None else "\n".join(lines) + "\n"


def _lines(review: Review, source: str | None) -> list[str]:
    head = common.header_lines(review, source)
    out = [f"# {md(head[0])}", "", *(f"- {md(line)}" for line in head[1:])]
    out += ["", f"> **{md(common.notice_line(review))}**"]
    out += _notes(review.eligibility, common.ELIGIBILITY_TITLE)
    out += _notes(review.warnings, "Warnings: where this patient differs from the series")
    out += ["", "## Baseline", "", *(f"- {md(line)}" for line in common.baseline_lines(review))]
    out += _cohort(review.cohort_first_course, "The series after course 1")
    if review.courses:
        out += ["", "## Timeline", "", *TIMELINE_HEADER, *map(_row, review.courses)]
    for course in review.courses:
        out += _course(review, course)
    out += ["", "## Best response", "", md(common.best_line(review))]
    out += _notes(review.assumptions, "Assumptions (guidelines/assumptions.toml)")
    return out


def _bullets(lines: list[str]) -> list[str]:
    """Bullets of the engine's own lines, nested where a line starts with two spaces."""
    return [f"{'  ' if line.startswith('  ') else ''}- {md(line.strip())}" for line in lines]


def _cohort(answer: CohortAnswer | None, heading: str, note: str | None = None) -> Sequence[str]:
    """A cohort's bullets (or why none applies)."""
    if answer is None:
        return _bullets(common.cohort_lines(None, heading, note))
    return _cohort_bullets(answer, heading)


@common.by_identity
@lru_cache(maxsize=1024)
def _cohort_bullets(answer: CohortAnswer, heading: str) -> tuple[str, ...]:
    """A cohort's bullets, made once per cohort and heading as its lines are: a few dozen
    serve every review of a run."""
    return tuple(_bullets(common.cohort_lines(answer, heading)))


@common.by_identity
@lru_cache(maxsize=256)
def _notes(notes: tuple[Note, ...], title: str) -> tuple[str, ...]:
    """A section of notes, made once per section: the assumptions are the same in every
    review of a run, and the eligibility notes come in a few combinations."""
    if not notes:
        return ()
    return ("", f"## {title}", "", *(f"- `{n.id}`: {md(n.text + common.cite(n))}" for n in notes))


def _row(course: CourseReview) -> str:
    last = course.last
    decision = course.clinician_decision
    cells = [
        str(course.number),
        display.date_text(course.start),
        display.date_text(last.date) if last else "—",
        display.area(last.spd_mm2) if last else "—",
        display.pct(last.change_from_baseline_pct) if last else "—",
        common.evaluation_label(last) if last else "—",
        common.confirmation_cell(last),
        recommendation_words(course.recommendation.action, course.recommendation.stop_reason),
        f"`{course.recommendation.rule}`",
        _decision_cell(decision) if decision else "—",
    ]
    return "| " + " | ".join(cells) + " |"


def _decision_cell(decision: ClinicianDecision) -> str:
    return (
        decision.action
        + (" (differs)" if decision.differs else "")
        + (" (STALE: the recommendation changed)" if decision.stale else "")
    )


def _course(review: Review, course: CourseReview) -> list[str]:
    doses = f"; doses {' + '.join(map(str, course.doses))}" if course.doses else ""
    out = ["", f"## Course {course.number}, started {display.date_text(course.start)}{doses}", ""]
    if course.toxicity:
        out.append(f"- Severe toxicity: {md(', '.join(course.toxicity))}")
    for result in course.assessments:
        when = display.date_text(result.date)
        day = f" (day {result.day})" if result.day is not None else ""
        out.append(f"- Evaluation {when}{day}: **{common.evaluation_label(result)}**")
        out += [f"  - {md(line)}" for line in assessment_lines(result)]
    rec = course.recommendation
    out.append(f"- {md(common.response_line(course))}")
    out += _bullets(common.course_eligibility_lines(review, course))
    out.append(f"- **{md(common.recommendation_line(rec))}**")
    out.append(f"  - Why: {md(rec.reasoning + common.cite(rec))}")
    out += [f"  - {md(line)}" for line in rec.explanation]
    out += [f"  - Caution (`{c.id}`): {md(c.text + common.cite(c))}" for c in rec.cautions]
    label = f"The series, course {course.number + 1} from state {course.state}"
    out += _cohort(course.cohort, label, course.cohort_note)
    decision = common.decision_line(course.clinician_decision, rec)
    if decision:
        out.append(f"- {md(decision)}")
    return out
