"""A review as Markdown, for a report: a timeline table, then each course in detail.

Every text from the case file passes through :func:`il2tui.core.textsafe.markdown`, so a
label like ``**x**`` or ``<img>`` stays text: most lines whole; a lesion's line by the words
before its numbers, which is the same (``tests/hardening/test_fast_escapes.py``). Lines of
the engine's own words, dates and numbers alone (the timeline, a course's response, the
best response) are written as they are: nothing in them is Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from il2tui.clinical.arithmetic import assessment_lines
from il2tui.clinical.model import (
    ClinicianDecision,
    CourseReview,
    Note,
    Review,
)
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
    return "\n".join(map(_text, review_parts(review, source))) + "\n"


def render_markdown_utf8(review: Review, source: str | None = None) -> bytes | str:
    """:func:`render_markdown` in UTF-8, for standard output: the blocks as they were
    made and the review's own lines encoded one by one (:func:`common.utf8_lines`);
    as text if a line holds a lone surrogate, for the output to answer as it does for text."""
    document = common.utf8_lines(review_parts(review, source))
    return document if document is not None else render_markdown(review, source)


def _text(part: Part) -> str:
    return part if type(part) is str else part.decode()


def review_parts(review: Review, source: str | None = None) -> list[Part]:
    """The review's own lines, escaped, and its blocks (see :mod:`il2tui.report.to_text`),
    made and encoded once: the notice, the notes, the cohorts, each rule's reasoning and
    the guideline's cautions."""
    head = common.header_lines(review, source)
    out: list[Part] = [f"# {md(head[0])}", "", *[f"- {md(line)}" for line in head[1:]]]
    out.append(_notice(review.notice))
    out += _notes(review.eligibility, common.ELIGIBILITY_TITLE)
    out += _notes(review.warnings, "Warnings: where this patient differs from the series")
    out += [_BASELINE, *[f"- {line}" for line in common.baseline_lines(review, md)]]
    out += _cohort(review.cohort_first_course, "The series after course 1")
    if review.courses:
        out += [_TIMELINE, *map(_row, review.courses)]
    for course in review.courses:
        out += _course(review, course)
    out += [_BEST, common.best_line(review)]  # the engine's words: nothing to escape
    out += _notes(review.assumptions, "Assumptions (guidelines/assumptions.toml)")
    return out


Part = str | bytes
_BASELINE = b"\n## Baseline\n"
_TIMELINE = "\n".join(["", "## Timeline", "", *TIMELINE_HEADER]).encode()
_BEST = b"\n## Best response\n"


@lru_cache(maxsize=16)
def _notice(notice: str) -> bytes:
    return f"\n> **{md(common.notice_line_of(notice))}**".encode()


def _bullets(lines: list[str]) -> list[str]:
    """Bullets of the engine's own lines, nested where a line starts with two spaces."""
    return [f"{'  ' if line.startswith('  ') else ''}- {md(line.strip())}" for line in lines]


def _cohort(answer: CohortAnswer | None, heading: str, note: str | None = None) -> Sequence[Part]:
    """A cohort's bullets (or why none applies)."""
    if answer is None:
        return _bullets(common.cohort_lines(None, heading, note))
    return _cohort_bullets(answer, heading)


@common.by_identity
@lru_cache(maxsize=1024)
def _cohort_bullets(answer: CohortAnswer, heading: str) -> tuple[bytes]:
    """A cohort's bullets, made once per cohort and heading as its lines are: a few dozen
    serve every review of a run."""
    return ("\n".join(_bullets(common.cohort_lines(answer, heading))).encode(),)


@common.by_identity
@lru_cache(maxsize=256)
def _notes(notes: tuple[Note, ...], title: str) -> tuple[bytes, ...]:
    """A section of notes, made once per section: the assumptions are the same in every
    review of a run, and the eligibility notes come in a few combinations."""
    if not notes:
        return ()
    lines = ["", f"## {title}", "", *(f"- `{n.id}`: {md(n.text + common.cite(n))}" for n in notes)]
    return ("\n".join(lines).encode(),)


@common.by_rule
def _rule(answer: str, why: str) -> bytes:
    """The guideline's answer and the rule's reasoning: a few rules serve every review."""
    return f"- **{md(answer)}**\n  - Why: {md(why)}".encode()


@common.by_identity
def _caution(note: Note) -> bytes:
    """A caution: most are the guideline's own, the same object in every review."""
    return f"  - Caution (`{note.id}`): {md(note.text + common.cite(note))}".encode()


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


def _course(review: Review, course: CourseReview) -> list[Part]:
    doses = f"; doses {' + '.join(map(str, course.doses))}" if course.doses else ""
    out: list[Part] = [
        "",
        f"## Course {course.number}, started {display.date_text(course.start)}{doses}",
        "",
    ]
    if course.toxicity:
        out.append(f"- Severe toxicity: {md(', '.join(course.toxicity))}")
    for result in course.assessments:
        when = display.date_text(result.date)
        day = f" (day {result.day})" if result.day is not None else ""
        out.append(f"- Evaluation {when}{day}: **{common.evaluation_label(result)}**")
        out += [f"  - {line}" for line in assessment_lines(result, md)]
    rec = course.recommendation
    out.append(f"- {common.response_line(course)}")  # the engine's words, as the timeline
    out += _bullets(common.course_eligibility_lines(review, course))
    out.append(_rule(rec))
    out += [f"  - {md(line)}" for line in rec.explanation]
    out += map(_caution, rec.cautions)
    label = f"The series, course {course.number + 1} from state {course.state}"
    out += _cohort(course.cohort, label, course.cohort_note)
    decision = common.decision_line(course.clinician_decision, rec)
    if decision:
        out.append(f"- {md(decision)}")
    return out
