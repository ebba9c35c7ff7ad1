"""Text from a file never starts a formula in the CSV a spreadsheet opens.

The expected cells are written out by hand (OWASP's list of formula starters:
``=``, ``+``, ``-``, ``@``, and tab or carriage return before one), never
computed by the function under test.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from enum import StrEnum

import pytest

from il2tui.clinical.review import review_case
from il2tui.core.textsafe import spreadsheet
from il2tui.report.to_csv import _shown, render_csv
from tests.hardening.hostile_text import case_with

#: What was typed, and the cell a spreadsheet must get (by a name that is a valid test id).
CELLS = {
    "equals": ("=1+2", "'=1+2"),
    "plus": ("+1", "'+1"),
    "minus": ("-2+3", "'-2+3"),
    "at": ("@SUM(A1)", "'@SUM(A1)"),
    "hyperlink": (
        '=HYPERLINK("https://example.org","x")',
        '\'=HYPERLINK("https://example.org","x")',
    ),
    # A tab or carriage return before a formula is shown as a visible escape: the cell
    # starts with a backslash, which no spreadsheet reads as a formula.
    "tab": ("\t=1+2", "\\x09=1+2"),
    "carriage return": ("\r=1+2", "\\x0d=1+2"),
    "CR LF": ("\r\n@SUM(A1)", "\\x0d\\x0a@SUM(A1)"),
    # Not at the start: plain text, left alone.
    "sum inside": ("1+1", "1+1"),
    "equals inside": ("a=b", "a=b"),
    "label with a dash": ("Mel-02", "Mel-02"),
    "address": ("x@example.org", "x@example.org"),
    "quoted": ("'quoted", "'quoted"),
    "empty": ("", ""),
}


@pytest.mark.parametrize(("typed", "cell"), list(CELLS.values()), ids=list(CELLS))
def test_a_formula_starter_gets_a_quote_and_nothing_else_does(typed: str, cell: str) -> None:
    assert spreadsheet(typed) == cell


@pytest.mark.parametrize(
    ("typed", "cell"),
    [pytest.param(*pair, id=name) for name, pair in CELLS.items() if pair[0].strip()],
)
def test_the_review_csv_quotes_a_label_and_a_source_that_start_a_formula(
    typed: str, cell: str
) -> None:
    """Through ``render_csv``: every row of the demo case (4 courses) carries the cell."""
    review = review_case(case_with(typed))
    rows = list(csv.DictReader(io.StringIO(render_csv([(typed, review)]))))
    assert len(rows) == 4
    assert {(row["source"], row["label"]) for row in rows} == {(cell, cell)}


class _Code(StrEnum):
    FORMULA = "=1"


#: Each kind of value a row holds, and its cell: numbers and dates as they are, every
#: text (an enum's too) through the formula guard, a float like text.
VALUES = {
    "none": (None, ""),
    "true": (True, "true"),
    "false": (False, "false"),
    "negative integer": (-3, "-3"),
    "decimal keeps its zeros": (Decimal("-1.50"), "-1.50"),
    "decimal without exponent": (Decimal("1E+2"), "100"),
    "date": (date(2020, 1, 2), "2020-01-02"),
    "text formula": ("=A1", "'=A1"),
    "text with a line break": ("a\nb", "a\\x0ab"),
    "enum of text": (_Code.FORMULA, "'=1"),
    "float": (-1.5, "'-1.5"),
}


@pytest.mark.parametrize(("value", "cell"), VALUES.values(), ids=VALUES.keys())
def test_each_kind_of_value_has_its_cell(value: object, cell: str) -> None:
    assert _shown(value) == cell
