"""CSV cells written through lookups: the same text as the formula guard gives, every type
written as before, and the table of guarded texts bounded."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from il2tui.core.textsafe import spreadsheet
from il2tui.report import to_csv


def _cell(value: object) -> str:
    return (to_csv._SHOWN.get(type(value)) or to_csv._shown)(value)


@given(st.text())
def test_a_text_cell_is_the_formula_guard_s_text_first_time_and_after(text: str) -> None:
    assert _cell(text) == spreadsheet(text)
    assert _cell(text) == spreadsheet(text)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (7, "7"),
        (Decimal("1E+2"), "100"),
        (Decimal("-0.50"), "-0.50"),
        (date(2024, 2, 29), "2024-02-29"),
        ("=1+1", "'=1+1"),
    ],
)
def test_each_type_is_written_as_before(value: object, shown: str) -> None:
    assert _cell(value) == shown


def test_the_table_of_guarded_texts_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = to_csv._Texts()
    monkeypatch.setattr(to_csv, "_MAX_TEXTS", 3)
    assert [texts[t] for t in ["a", "b", "=c", "d", "a"]] == ["a", "b", "'=c", "d", "a"]
    assert 0 < len(texts) <= 3
