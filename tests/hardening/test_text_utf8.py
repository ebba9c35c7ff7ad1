"""``il2 review --format text`` and ``markdown`` write bytes: ``render_text``'s and
``render_markdown``'s documents in UTF-8.

The fast path checks only the bytes of the encoded review that are not printable ASCII
(and counts the line breaks) instead of ``str.isprintable`` over every line; it must
fall back on ``plain`` line by line exactly where ``render_text`` does: a control
character, a line break or a lone surrogate in a label or a file name, a format or
separator character, a space that is not printable to ``str.isprintable``.

Also here: ``display.number``'s memory of written decimals, and ``textsafe.markdown``'s
inline pattern against the three alternatives it replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from il2tui.clinical.model import Review
from il2tui.clinical.review import review_case
from il2tui.core import display, textsafe
from il2tui.report.common import utf8_lines
from il2tui.report.out import SEPARATOR, Output
from il2tui.report.to_markdown import render_markdown, render_markdown_utf8
from il2tui.report.to_text import render_text, render_text_utf8
from tests.hardening.hostile_text import FIXED, case_with
from tests.hardening.test_fast_escapes import SYNTAX
from tests.hardening.test_json_fast import REVIEWS

Render = Callable[[Review, str], str]
ONE = review_case(case_with(FIXED["wide"]))
#: Every kind of character, surrogates too (a file name from ``os.fsdecode`` can hold one).
ANY = st.text(st.sampled_from(SYNTAX + "\r\x00\x7f\ud800\udfff") | st.characters(), max_size=24)


@pytest.mark.parametrize(("source", "review"), REVIEWS, ids=[s for s, _ in REVIEWS])
def test_the_bytes_are_render_text_in_utf8(source: str, review: Review) -> None:
    assert render_text_utf8(review, source) == render_text(review, source).encode()
    assert render_text_utf8(review) == render_text(review).encode()


@given(ANY)
def test_any_file_name_gives_render_text_in_utf8(source: str) -> None:
    assert render_text_utf8(ONE, source) == render_text(ONE, source).encode()


@given(st.text(st.sampled_from(SYNTAX) | st.characters(blacklist_categories=["Cs"]), min_size=1))
def test_any_label_gives_render_text_in_utf8(label: str) -> None:
    review = review_case(case_with(label))
    assert render_text_utf8(review, label) == render_text(review, label).encode()


@pytest.mark.parametrize(("source", "review"), REVIEWS, ids=[s for s, _ in REVIEWS])
def test_the_markdown_bytes_are_render_markdown_in_utf8(source: str, review: Review) -> None:
    assert render_markdown_utf8(review, source) == render_markdown(review, source).encode()


@given(ANY)
def test_any_file_name_gives_render_markdown_in_utf8(source: str) -> None:
    """Markdown escapes a lone surrogate too, so its document is always UTF-8."""
    assert render_markdown_utf8(ONE, source) == render_markdown(ONE, source).encode()


@pytest.mark.parametrize(("fmt", "render"), [("text", render_text), ("markdown", render_markdown)])
def test_several_reviews_are_written_as_before(fmt: str, render: Render) -> None:
    """The separators are bytes too, so that the stream is the one the text made."""
    pieces: list[str | bytes] = []
    output = Output(fmt, several=True, emit=pieces.append)
    for source, review in REVIEWS[:3]:
        output.add(source, review)
    output.close()
    assert all(isinstance(p, bytes) for p in pieces[1:])  # no flush of the text layer between
    written = b"".join(p if isinstance(p, bytes) else p.encode() for p in pieces)
    separator = {"text": "\n" + "=" * 72 + "\n\n", "markdown": "\n---\n\n"}[fmt]
    assert SEPARATOR[fmt] == separator.encode()
    expected = separator.join(render(review, source) for source, review in REVIEWS[:3])
    assert written == expected.encode()


def test_a_line_with_a_lone_surrogate_is_not_encoded() -> None:
    assert utf8_lines(["a", "b\ud800"]) is None
    assert utf8_lines(["a", "é–"]) == "a\né–\n".encode()
    assert utf8_lines([]) == b""


@pytest.mark.parametrize(
    "text", ["0", "-0", "-0.00", "0E+3", "1E+3", "1037.40", "0.00390625", "NaN", "sNaN", "-Inf"]
)
def test_a_remembered_number_is_written_as_at_first(text: str) -> None:
    """``display.number`` remembers decimals by their ``str()``: ``0`` and ``-0``, ``1037.4``
    and ``1037.400``, are equal but each is written as it is, and NaNs are written too."""
    from decimal import Decimal

    first = display.number(Decimal(text))
    for other in ("0", "-0", "1037.4", "1037.400", "1E+3", "1000"):
        display.number(Decimal(other))
    assert display.number(Decimal(text)) == first == display._number(Decimal(text))


@settings(max_examples=500)
@given(st.lists(st.decimals(allow_nan=True, allow_infinity=True), min_size=1, max_size=6))
def test_every_decimal_is_written_as_the_general_way_writes_it(values: list) -> None:
    """Whatever came before: the table keyed by ``str()`` never gives a decimal the
    text of another, equal or not (``1E+3`` and ``1000``, ``0.50`` and ``0.5``)."""
    for value in values:
        assert display.number(value) == display._number(value)


#: ``textsafe``'s inline pattern before it started with one class of all the candidates.
_THREE_ALTERNATIVES = re.compile(r"[\\`*_\[\]<>|~#&@]|:(?=/|[^\W_])|\.(?<=[^\W_]\.)(?=[^\W\d_])")


@settings(max_examples=1000)
@given(st.text(st.sampled_from(SYNTAX + "a1.:/_") | st.characters(), max_size=40))
def test_the_inline_pattern_finds_what_the_three_alternatives_found(text: str) -> None:
    found = [m.span() for m in textsafe._MARKDOWN_INLINE.finditer(text)]
    assert found == [m.span() for m in _THREE_ALTERNATIVES.finditer(text)]
