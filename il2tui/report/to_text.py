"""A review as plain text for a terminal: the arithmetic, the rule, the evidence, the cautions.

Nothing here is interpreted as markup, and every line is shown as
:func:`il2tui.core.textsafe.plain` shows it, so text from the case file is shown literally.

Two kinds of part make a review: a line of this review's own (a ``str``, indented), and a
block of lines that comes back in review after review (the assumptions, the series'
cohorts, a rule's reasoning): ``bytes``, made once, already shown through :func:`plain`
and in UTF-8. Three quarters of a review's characters are in blocks, which are neither
made, checked nor encoded again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from il2tui.clinical.arithmetic import assessment_lines
from il2tui.clinical.model import (
    CourseReview,
    Note,
    Review,
)
from il2tui.core import display
from il2tui.core.textsafe import plain
from il2tui.evidence.answer import CohortAnswer
from il2tui.report import common as common

Part = str | bytes
#: Indentation by level: two spaces a level.
_IN1, _IN2 = "  ", "    "


def render_text(review: Review, source: str | None = None) -> str:
    """The whole review as text, one item per line, indented by level."""
    return render_text_utf8(review, source).decode()


def render_text_utf8(review: Review, source: str | None = None) -> bytes:
    """The review in UTF-8, for standard output: the blocks as they were made, and this
    review's own lines encoded and checked together (:func:`_printable`); when one of
    them is not printable, each is shown through :func:`plain`."""
    parts = review_parts(review, source)
    document = _encoded(parts)
    if document is None:
        document = [plain(part).encode() if type(part) is str else part for part in parts]
    return b"\n".join(document) + b"\n"


def _encoded(parts: list[Part]) -> list[bytes] | None:
    """The parts in UTF-8 when each of the review's own lines is printable as it is."""
    try:
        own = [part.encode() for part in parts if type(part) is str]
    except UnicodeEncodeError:  # a lone surrogate, which UTF-8 cannot write
        return None
    if not _printable(own):
        return None
    lines = iter(own)
    return [next(lines) if type(part) is str else part for part in parts]


#: Printable ASCII: nearly all of a text review's bytes.
_ASCII = bytes(range(0x20, 0x7F))


def _printable(lines: list[bytes]) -> bool:
    """Whether lines in UTF-8 hold no line break of their own and nothing but printable
    characters. What is left once printable ASCII is removed is whole characters (UTF-8
    writes no other character with an ASCII byte): the line breaks between the lines, a
    few characters such as ``×``, ``²``, ``—``, and anything that :func:`plain` escapes."""
    others = b"\n".join(lines).translate(None, _ASCII).decode()
    return others.count("\n") == len(lines) - 1 and others.replace("\n", "").isprintable()


def _block(lines: Iterable[str]) -> bytes:
    """Lines made once and shown many times: through :func:`plain`, in UTF-8."""
    return "\n".join(map(plain, lines)).encode()


def review_parts(review: Review, source: str | None = None) -> list[Part]:
    """The review's own lines, indented and as yet unescaped, and its blocks, shown."""
    out: list[Part] = list(common.header_lines(review, source))
    out.append(_notice(review.notice))
    out += _section(review.eligibility, common.ELIGIBILITY_TITLE)
    out += _section(review.warnings, "Warnings (where this patient differs from the series)")
    out.append("")
    base = common.baseline_lines(review)
    out += [base[0], *(_IN1 + line for line in base[1:])]
    out += _cohort(review.cohort_first_course, "The series after course 1")
    for course in review.courses:
        out.append("")
        out += _course(review, course)
    out += ["", common.best_line(review)]
    out += _section(review.assumptions, "Assumptions (guidelines/assumptions.toml)")
    return out


@lru_cache(maxsize=16)
def _notice(notice: str) -> bytes:
    return _block([common.notice_line_of(notice)])


@common.by_identity
@lru_cache(maxsize=256)
def _section(notes: tuple[Note, ...], title: str) -> tuple[bytes, ...]:
    """A section of notes, made once per section: the assumptions are the same in every
    review of a run, and the eligibility notes come in a few combinations."""
    if not notes:
        return ()
    lines = ["", title, *(f"{_IN1}- {n.id}: {n.text}{common.cite(n)}" for n in notes)]
    return (_block(lines),)


def _cohort(answer: CohortAnswer | None, heading: str, note: str | None = None) -> Sequence[Part]:
    """What the series' patients in the same place did, at the first level."""
    if answer is None:
        return [f"{_IN1}{heading}: {note}"] if note else []
    return _cohort_block(answer, heading)


@common.by_identity
@lru_cache(maxsize=1024)
def _cohort_block(answer: CohortAnswer, heading: str) -> tuple[bytes]:
    """A cohort, made once per cohort and heading: a few dozen serve every review of a run."""
    return (_block(_IN1 + line for line in common.cohort_lines(answer, heading)),)


@common.by_rule
def _rule(answer: str, why: str) -> bytes:
    """The guideline's answer and the rule's reasoning: a few rules serve every review."""
    return _block([_IN1 + answer, f"{_IN2}Why: {why}"])


@common.by_identity
def _caution(note: Note) -> bytes:
    """A caution: most are the guideline's own, the same object in every review."""
    return _block([f"{_IN2}Caution ({note.id}): {note.text}{common.cite(note)}"])


def _course(review: Review, course: CourseReview) -> list[Part]:
    doses = f"; doses {' + '.join(map(str, course.doses))}" if course.doses else ""
    out: list[Part] = [f"Course {course.number}, started {display.date_text(course.start)}{doses}"]
    if course.toxicity:
        out.append(f"{_IN1}Severe toxicity: {', '.join(course.toxicity)}")
    if course.declined_further:
        out.append(f"{_IN1}The patient declines or cannot tolerate more IL-2")
    for result in course.assessments:
        when = display.date_text(result.date)
        day = f" (day {result.day})" if result.day is not None else ""
        out.append(f"{_IN1}Evaluation {when}{day}: {common.evaluation_label(result)}")
        out += [_IN2 + line for line in assessment_lines(result)]
    rec = course.recommendation
    out.append(_IN1 + common.response_line(course))
    out += [_IN1 + line for line in common.course_eligibility_lines(review, course)]
    out.append(_rule(rec))
    out += [_IN2 + line for line in rec.explanation]
    out += map(_caution, rec.cautions)
    label = f"The series, course {course.number + 1} from state {course.state}"
    out += _cohort(course.cohort, label, course.cohort_note)
    decision = common.decision_line(course.clinician_decision, rec)
    if decision:
        out.append(_IN1 + decision)
    return out
