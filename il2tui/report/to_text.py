"""A review as plain text for a terminal: the arithmetic, the rule, the evidence, the cautions.

Nothing here is interpreted as markup, and every line passes through
:func:`il2tui.core.textsafe.plain`, so text from the case file is shown literally.
"""

from __future__ import annotations

from functools import lru_cache

from il2tui.clinical.arithmetic import assessment_lines
from il2tui.clinical.model import CourseReview, Note, Review
from il2tui.core.textsafe import plain
from il2tui.report import common as common


def render_text(review: Review, source: str | None = None) -> str:
    """The whole review as text, one item per line, indented by level, each line as
    :func:`plain` shows it: left as it is when every line is printable (the usual case,
    checked without a call to :func:`plain` per line, which took a quarter of the time)."""
    lines = _indented(review, source)
    shown = lines if all(map(str.isprintable, lines)) else map(plain, lines)
    return "\n".join(shown) + "\n"


def render_text_utf8(review: Review, source: str | None = None) -> bytes:
    """:func:`render_text` in UTF-8, for standard output: the lines are encoded first and
    only the document's bytes that are not printable ASCII are checked (a few dozen: ``×``,
    ``²``, ``—``), which costs a quarter of checking every character, and the output's
    own encoding is saved."""
    lines = _indented(review, source)
    document = common.utf8_lines(lines)
    if document is not None and _shown(document, len(lines)):
        return document
    return ("\n".join(map(plain, lines)) + "\n").encode()


#: Printable ASCII: nearly all of a text review's bytes.
_ASCII = bytes(range(0x20, 0x7F))


def _shown(document: bytes, count: int) -> bool:
    """Whether ``count`` lines in UTF-8 hold no line break of their own and nothing but
    printable characters. What is left once printable ASCII is removed is whole characters
    (UTF-8 writes no other character with an ASCII byte): the line breaks, a few dozen
    characters such as ``×``, ``²``, ``—``, and anything that :func:`plain` escapes."""
    others = document.translate(None, _ASCII).decode()
    return others.count("\n") == count and others.replace("\n", "").isprintable()


def _indented(review: Review, source: str | None) -> list[str]:
    return ["  " * level + text for level, text in review_lines(review, source)]


def review_lines(review: Review, source: str | None = None) -> list[tuple[int, str]]:
    """The review's lines, each with its level of indentation, as yet unescaped."""
    out: list[tuple[int, str]] = [(0, line) for line in common.header_lines(review, source)]
    out.append((0, common.notice_line(review)))
    out += _section(review.eligibility, common.ELIGIBILITY_TITLE)
    out += _section(review.warnings, "Warnings (where this patient differs from the series)")
    out.append((0, ""))
    base = common.baseline_lines(review)
    out += [(0, base[0]), *((1, line) for line in base[1:])]
    first = common.cohort_lines(review.cohort_first_course, "The series after course 1")
    out += [(1, line) for line in first]
    for course in review.courses:
        out.append((0, ""))
        out += _course(review, course)
    out += [(0, ""), (0, common.best_line(review))]
    out += _section(review.assumptions, "Assumptions (guidelines/assumptions.toml)")
    return out


@common.by_identity
@lru_cache(maxsize=256)
def _section(notes: tuple[Note, ...], title: str) -> tuple[tuple[int, str], ...]:
    """A section of notes, made once per section: the assumptions are the same in every
    review of a run, and the eligibility notes come in a few combinations."""
    if not notes:
        return ()
    lines = [(0, ""), (0, title)]
    return (*lines, *((1, f"- {n.id}: {n.text}{common.cite(n)}") for n in notes))


def _course(review: Review, course: CourseReview) -> list[tuple[int, str]]:
    doses = f"; doses {' + '.join(map(str, course.doses))}" if course.doses else ""
    out = [(0, f"Course {course.number}, started {course.start}{doses}")]
    if course.toxicity:
        out.append((1, f"Severe toxicity: {', '.join(course.toxicity)}"))
    if course.declined_further:
        out.append((1, "The patient declines or cannot tolerate more IL-2"))
    for result in course.assessments:
        day = f" (day {result.day})" if result.day is not None else ""
        out.append((1, f"Evaluation {result.date}{day}: {common.evaluation_label(result)}"))
        out += [(2, line) for line in assessment_lines(result)]
    rec = course.recommendation
    out.append((1, common.response_line(course)))
    out += [(1, line) for line in common.course_eligibility_lines(review, course)]
    out.append((1, common.recommendation_line(rec)))
    out.append((2, f"Why: {rec.reasoning}{common.cite(rec)}"))
    out += [(2, line) for line in rec.explanation]
    out += [(2, f"Caution ({c.id}): {c.text}{common.cite(c)}") for c in rec.cautions]
    label = f"The series, course {course.number + 1} from state {course.state}"
    out += [(1, line) for line in common.cohort_lines(course.cohort, label, course.cohort_note)]
    decision = common.decision_line(course.clinician_decision, rec)
    if decision:
        out.append((1, decision))
    return out
