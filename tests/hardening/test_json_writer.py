"""The exact JSON writer: what it writes is what ``json`` reads back, shared blocks included.

A review's shared blocks (the assumptions, the cohorts, the notes of a rule) are
written once and reused as :class:`~il2tui.core.jsonio.Fragment`; reused at another
depth, or in another document, they must read exactly as the value they wrap.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from il2tui.core.jsonio import Fragment, dumps_exact

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.text(max_size=8)
    | st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**6)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


def test_the_indented_layout_is_kept() -> None:
    value = {"a": [1, Decimal("2.50")], "b": {"c": None, "d": True}, "e": [], "f": {}}
    assert dumps_exact(value) == (
        '{\n  "a": [1, 2.50],\n  "b": {\n    "c": null,\n    "d": true\n  },\n'
        '  "e": [],\n  "f": {}\n}\n'
    )


def test_decimals_keep_their_digits_and_dates_are_strings() -> None:
    text = dumps_exact({"d": Decimal("10.10"), "day": date(2024, 1, 5), "x": ["é", "\u2028"]})
    assert '"d": 10.10' in text
    assert '"day": "2024-01-05"' in text
    assert json.loads(text) == {"d": 10.1, "day": "2024-01-05", "x": ["é", "\u2028"]}


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), object()])
def test_what_json_cannot_hold_is_refused(bad: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        dumps_exact({"x": [bad]})


@given(VALUES.filter(lambda v: isinstance(v, list | dict)))
def test_a_fragment_writes_exactly_as_its_value_at_any_depth(value: object) -> None:
    """Fragments hold blocks (objects and arrays); a bare number in a list of numbers
    would be written on the list's line, a fragment on its own line."""
    shared = Fragment(value)
    for document in ([value], {"k": {"j": [value]}}, value):
        wrapped = _replace(document, value, shared)
        assert dumps_exact(wrapped) == dumps_exact(document)
    # The same fragment reused at two depths in one document, after caching one of them.
    both = {"top": shared, "deep": [[{"x": shared}]]}
    assert json.loads(dumps_exact(both)) == json.loads(
        dumps_exact({"top": value, "deep": [[{"x": value}]]})
    )


def _replace(document: object, value: object, shared: Fragment) -> object:
    if document is value:
        return shared
    if isinstance(document, list):
        return [_replace(item, value, shared) for item in document]
    if isinstance(document, dict):
        return {key: _replace(item, value, shared) for key, item in document.items()}
    return document


def _by_definition(value: object, level: int = 0) -> str:
    """The layout, written simply: ``json.dumps(indent=2)``, a list of numbers on one line."""
    pad, inner = "\n" + "  " * level, "\n" + "  " * (level + 1)
    if isinstance(value, dict) and value:
        items = (
            json.dumps(k, ensure_ascii=False) + ": " + _by_definition(v, level + 1)
            for k, v in value.items()
        )
        return "{" + inner + ("," + inner).join(items) + pad + "}"
    if isinstance(value, list) and value:
        if all(isinstance(v, int | Decimal) and not isinstance(v, bool) for v in value):
            return "[" + ", ".join(_by_definition(v) for v in value) + "]"
        return (
            "["
            + inner
            + ("," + inner).join(_by_definition(v, level + 1) for v in value)
            + pad
            + "]"
        )
    if isinstance(value, Decimal):
        return format(value, "f")
    return json.dumps(value, ensure_ascii=False)


@given(VALUES)
def test_the_writer_writes_the_layout_by_its_definition(value: object) -> None:
    assert dumps_exact(value) == _by_definition(value) + "\n"


def test_strings_are_written_by_the_callers_function_keys_and_fragments_included() -> None:
    def shout(text: str) -> str:
        return '"' + text.upper() + '"'

    shared = Fragment({"k": ["v", 1]})
    document = {"a": "x", "b": [shared, "y"], "c": shared}
    assert dumps_exact(document, strings=shout) == (
        '{\n  "A": "X",\n  "B": [\n    {\n      "K": [\n        "V",\n        1\n      ]\n'
        '    },\n    "Y"\n  ],\n  "C": {\n    "K": [\n      "V",\n      1\n    ]\n  }\n}\n'
    )
    # The same fragment, written with the plain strings afterwards, is not the shouted one.
    assert (
        dumps_exact({"c": shared})
        == '{\n  "c": {\n    "k": [\n      "v",\n      1\n    ]\n  }\n}\n'
    )


@given(st.decimals(allow_nan=False, allow_infinity=False) | st.sampled_from(["-0", "1E+3", "1e-9"]))
def test_a_decimal_is_written_with_the_digits_format_f_gives(value: Decimal | str) -> None:
    """The writer takes a decimal's text from ``str`` where it has no exponent (faster):
    the long way is ``format(value, "f")``, whatever the exponent."""
    value = Decimal(value)
    assert dumps_exact([value]) == f"[{format(value, 'f')}]\n"
