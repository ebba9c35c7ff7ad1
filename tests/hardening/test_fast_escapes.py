"""The escapes made fast for audits write exactly what their simple definitions write.

``render_text`` checks a whole review for what ``plain`` would escape before escaping
line by line; ``markdown`` makes one search for what needs a backslash anywhere in a
line and tests the start of the line before the substitutions that only act there;
``json_string`` escapes string by string what ``json_safe`` escapes in a whole document.
Each is compared with its definition (``plain`` line by line; the four substitutions in
turn; ``json_safe`` over the document) on text
made of the characters that matter.
"""

from __future__ import annotations

import json
import re
from datetime import date
from itertools import product
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from msgspec.structs import replace

from il2tui.clinical.arithmetic import assessment_lines
from il2tui.clinical.model import Category, Citation, Note, Review, State
from il2tui.clinical.review import review_case
from il2tui.core import textsafe
from il2tui.core.textsafe import json_safe, json_string, markdown, plain
from il2tui.report import common
from il2tui.report.to_text import render_text, review_parts
from tests.hardening.hostile_text import case_with
from tests.hardening.test_json_fast import REVIEWS

#: Markdown's marks, what an autolinker reads, digits and spaces of several kinds, controls.
SYNTAX = "\\`*_[]<>|~#&@:./-+=)( \t\n\u00a0\u2028\x1b\x85\u202e1\uff12a_Zé"
TEXT = st.text(alphabet=st.sampled_from(SYNTAX) | st.characters(), max_size=24)


def _markdown_by_definition(text: str) -> str:
    escaped = re.sub(r"([\\`*_\[\]<>|~#&])", r"\\\1", plain(text))
    escaped = re.sub(r":(?=/|[^\W_])|(?<=[^\W_])\.(?=[^\W\d_])|@", r"\\\g<0>", escaped)
    escaped = re.sub(
        r"^(\s*)([-+=>]|\d+[.)])",
        lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1],
        escaped,
    )
    return re.sub(r"^ +", lambda m: "&#32;" * len(m.group()), escaped)


@given(TEXT)
def test_markdown_writes_what_the_four_substitutions_write(text: str) -> None:
    assert markdown(text) == _markdown_by_definition(text)


@given(st.lists(TEXT, max_size=4), TEXT)
def test_json_strings_make_the_document_json_safe_makes(texts: list[str], key: str) -> None:
    document = json.dumps({key: texts}, indent=2, ensure_ascii=False)
    by_string = json_safe(document)
    written = "{\n  " + json_string(key) + ": " + _array(texts) + "\n}"
    assert written == by_string
    assert json.loads(written) == {key: texts}


def _array(texts: list[str]) -> str:
    if not texts:
        return "[]"
    return "[\n    " + ",\n    ".join(map(json_string, texts)) + "\n  ]"


@pytest.mark.parametrize(("source", "review"), REVIEWS, ids=[s for s, _ in REVIEWS])
def test_a_text_review_is_each_line_shown_by_plain(source: str, review: Review) -> None:
    """``render_text`` leaves a printable review as it is without a call per line."""
    assert render_text(review, source) == _each_line_by_plain(review, source)


@given(st.text(st.sampled_from(SYNTAX) | st.characters(blacklist_categories=["Cs"]), min_size=1))
def test_a_text_review_with_any_label_is_each_line_shown_by_plain(label: str) -> None:
    review = review_case(case_with(label))
    assert render_text(review, label) == _each_line_by_plain(review, label)


def _each_line_by_plain(review: Review, source: str) -> str:
    """The review's own lines each through :func:`plain`, and its blocks as they were made
    (each of their lines through :func:`plain` too: ``test_blocks_are_shown_by_plain``)."""
    parts = review_parts(review, source)
    return "".join((plain(p) if isinstance(p, str) else p.decode()) + "\n" for p in parts)


HOSTILE = "\x1b[31mred\nline\x9b0m \u202eright"
SHOWN = "\\x1b[31mred\\x0aline\\x9b0m \\u202eright"


def test_blocks_are_shown_by_plain() -> None:
    """A clinic's guideline and assumptions files feed the blocks made once a run (the
    assumptions, a rule's reasoning): their text is shown as :func:`plain` shows it."""
    review = review_case(case_with("x"))
    note = Note(id="a", text=HOSTILE, sources=(Citation(key="k", text=HOSTILE),))
    first = review.courses[0]
    rec = replace(first.recommendation, reasoning=HOSTILE)
    course = replace(first, recommendation=rec)
    review = replace(review, assumptions=(note,), courses=(course, *review.courses[1:]))
    text = render_text(review, "x")
    assert f"  - a: {SHOWN} [{SHOWN}]\n" in text
    assert f"    Why: {SHOWN} [" in text
    assert all(line.isprintable() for line in text.splitlines())


STATUSES = st.sampled_from(["measured", "disappeared", "reappeared", "not_assessed"])


@given(TEXT, TEXT, STATUSES, st.booleans())
def test_markdown_arithmetic_escapes_the_names_as_it_would_the_whole_lines(
    lesion_id: str, site: str, status: str, growing: bool
) -> None:
    """A lesion's line in Markdown escapes its name alone (the numbers after it need
    nothing): the same as escaping the whole line, whatever the id, the site and the
    lesion's status."""
    review = review_case(case_with("x"))
    for course in review.courses:
        for result in course.assessments:
            rows = tuple(
                replace(r, id=lesion_id or "L", site=site, status=status, growing=growing)
                for r in result.lesions
            )
            result = replace(result, lesions=rows)
            whole = tuple(map(markdown, assessment_lines(result)))
            assert assessment_lines(result, markdown) == whole


DIGITS = st.text(alphabet=st.sampled_from(SYNTAX + "0123456789 .:") | st.characters(), max_size=24)
_NEXT_DIGIT = str.maketrans("0123456789", "1234567890")


@given(DIGITS)
def test_lines_alike_but_for_their_digits_are_escaped_alike(text: str) -> None:
    """``markdown`` tells whether a line needs escaping by where its digits are: once a
    line is escaped, one whose every digit is another (1 for 0, 0 for 9, ...) is escaped
    as by definition."""
    markdown(text.translate(_NEXT_DIGIT))
    assert markdown(text) == _markdown_by_definition(text)


@pytest.mark.parametrize(
    ("first", "then", "escaped"),
    [
        # An audit's file names: one pattern, escaped once, each name with its own digits.
        ("case_00011.json", "case_00012.json", "case\\_00012\\.json"),
        ("[p. 1957] 3 < 4", "[p. 2106] 9 < 1", "\\[p. 2106\\] 9 \\< 1"),
        # A visible escape with a 0 in it (\x10): the pattern's 0s are not all digits.
        ("\x10 *7*", "\x10 *8*", "\\\\x10 \\*8\\*"),
        ("\x00 08", "\x00 91", "\\\\x00 91"),
        # A line that starts like a list or a heading, with its digits.
        ("12. x_1", "34. y_2", "34\\. y\\_2"),
    ],
)
def test_a_line_escaped_by_its_pattern_keeps_its_own_digits(
    first: str, then: str, escaped: str
) -> None:
    textsafe._BY_PATTERN.clear()
    markdown(first)
    assert markdown(then) == escaped == _markdown_by_definition(then)


def test_what_is_remembered_of_a_pattern() -> None:
    """A line left as it is: ``True``; a line to escape: its pattern's escaped line cut at
    the digits; a line whose escape adds a 0 (``\\x10``): ``False``, the expressions each
    time. (What the memo keeps only makes escaping faster; this checks it is kept.)"""
    textsafe._BY_PATTERN.clear()
    for line in ("see 12 notes", "case_07.json", "\x10 7", "no digit_here"):
        markdown(line)
    assert textsafe._BY_PATTERN == {
        b"see 00 notes": True,
        b"case_00.json": ("case\\_", "", "\\.json"),
        b"\x10 0": False,
        b"no digit_here": ("no digit\\_here",),
    }


def test_the_remembered_patterns_are_bounded() -> None:
    for n in range(textsafe._MAX_PATTERNS + 10):
        markdown("x" * (n % 64) + "y" * (n // 64))
        assert 0 < len(textsafe._BY_PATTERN) <= textsafe._MAX_PATTERNS


def test_a_line_left_as_it_is_does_not_let_another_pass() -> None:
    """What is remembered of a line that needs nothing is kept to lines of its pattern."""
    textsafe._BY_PATTERN.clear()
    assert markdown("see the 2 notes") == "see the 2 notes"
    assert markdown("see the *2* notes") == "see the \\*2\\* notes"


CATEGORIES = get_args(Category)


def test_the_engines_own_lines_are_written_in_markdown_as_they_are() -> None:
    """The Markdown report writes a course's response and the best response without
    escaping them (as it writes the timeline's cells): they hold only the engine's words,
    categories, dates and numbers, which :func:`markdown` leaves as they are, in every
    combination."""
    review = review_case(case_with("x"))
    course = review.courses[0]
    last = course.assessments[-1]
    lines = []
    on = (None, date(2024, 5, 14))
    states = (None, *get_args(State))
    for category, after, confirmed_on, best, state in product(
        CATEGORIES, (False, True), on, (None, *CATEGORIES), states
    ):
        result = replace(
            last, response=category, after_progression=after, confirmed_on=confirmed_on
        )
        shown = replace(course, assessments=(result,), best_response=best, state=state)
        lines.append(common.response_line(shown))
        lines.append(common.response_line(replace(shown, assessments=())))
    for best, confirmed, first, days, ongoing in product(
        (None, *CATEGORIES),
        (None, False, True),
        (None, date(2024, 1, 8)),
        (None, 0, 127),
        (None, False, True),
    ):
        lines.append(
            common.best_line(
                replace(
                    review,
                    best_response=best,
                    best_response_confirmed=confirmed,
                    best_response_first_seen=first,
                    response_duration_days=days,
                    response_ongoing=ongoing,
                )
            )
        )
    assert [line for line in lines if markdown(line) != line] == []


@given(TEXT, TEXT, TEXT)
def test_markdown_baseline_escapes_the_words_as_it_would_the_whole_lines(
    lesion_id: str, site: str, method: str
) -> None:
    """A baseline lesion's line in Markdown escapes what precedes its numbers alone."""
    review = review_case(case_with("x"))
    lesions = tuple(replace(b, id=lesion_id, site=site, method=method) for b in review.baseline)
    review = replace(review, baseline=lesions)
    whole = list(map(markdown, common.baseline_lines(review)))
    assert common.baseline_lines(review, markdown) == whole


def test_a_lone_surrogate_is_escaped_in_markdown() -> None:
    """A text UTF-8 cannot write has no pattern of digits: it is escaped as by definition."""
    expected = "1\\.\\\\ud800\\_x"  # plain's escape, then its backslash escaped
    assert markdown("1.\ud800_x") == _markdown_by_definition("1.\ud800_x") == expected
