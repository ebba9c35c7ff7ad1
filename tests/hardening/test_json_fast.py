"""A review's JSON written by orjson is, byte for byte, what the exact writer writes.

``render_json`` hands a review's data to orjson (``dumps_holes``) and falls back on the
exact writer (``exact_holes``) where orjson cannot write it: a file name that is not
valid Unicode, an integer beyond 64 bits. The two agree only if the data holds its
floats and lists of numbers as ``Raw`` (orjson lays those out its own way), and if the
document's check for characters to escape (``json_safe_utf8``) is ``json_safe``'s.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from il2tui.case.files import case_from_data
from il2tui.clinical.model import Review
from il2tui.clinical.review import review_case
from il2tui.core.jsonio import (
    Fragment,
    Raw,
    dumps_exact,
    dumps_fast,
    dumps_holes,
    exact_holes,
    loads_exact,
    number_text,
    raw_numbers,
)
from il2tui.core.textsafe import json_safe, json_safe_utf8, json_string
from il2tui.report.to_json import render_json, review_data
from tests.hardening.hostile_text import FIXED, case_with
from tests.hardening.test_json_writer import VALUES

GOLDEN = sorted((Path(__file__).parents[1] / "golden" / "cases").glob("*.json"))


def _golden(path: Path) -> Review:
    case = loads_exact(path.read_text(encoding="utf-8"))["case"]
    return review_case(case_from_data(case, source=path.name))


REVIEWS = [(path.name, _golden(path)) for path in GOLDEN]
REVIEWS += [(f"hostile/{name}.json", review_case(case_with(text))) for name, text in FIXED.items()]


@pytest.mark.parametrize(("source", "review"), REVIEWS, ids=[s for s, _ in REVIEWS])
def test_orjson_writes_what_the_exact_writer_writes(source: str, review: Review) -> None:
    data, blocks = review_data(review, source)
    assert dumps_holes(data) is not None  # every golden and hostile case goes the fast way
    assert render_json(review, source) == exact_holes(data, blocks, json_string).decode()


@pytest.mark.parametrize(("source", "review"), REVIEWS, ids=[s for s, _ in REVIEWS])
def test_a_review_holds_no_float_decimal_or_list_of_numbers_but_as_raw_text(
    source: str, review: Review
) -> None:
    """orjson writes a Decimal only through a call back into Python: a review's are Raw."""
    for where, value in _walk(review_data(review, source)[0], "review"):
        assert not isinstance(value, float | Decimal), where
        if isinstance(value, list | tuple) and value:
            assert not all(isinstance(v, int | Decimal) for v in value), where


def _walk(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    yield where, value
    if isinstance(value, Fragment):
        yield from _walk(value.value, where)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _walk(item, f"{where}[{i}]")


def test_a_file_name_that_is_not_valid_unicode_is_written_the_exact_way() -> None:
    source, review = "cases/\udcff.json", REVIEWS[0][1]  # as os.fsdecode gives a bad byte
    data, blocks = review_data(review, source)
    assert dumps_holes(data) is None
    written = render_json(review, source)
    assert written == exact_holes(data, blocks, json_string).decode()
    assert '"source": "cases/\\udcff.json"' in written


@pytest.mark.parametrize(("source", "review"), REVIEWS, ids=[s for s, _ in REVIEWS])
def test_the_exact_way_writes_the_rest_of_a_review_as_the_fast_way(
    source: str, review: Review
) -> None:
    """Hostile text in every field the case has: only the file name's line differs."""
    fast = render_json(review, "cases/x.json").replace('"cases/x.json"', '"cases/\\udcff.json"')
    assert render_json(review, "cases/\udcff.json") == fast


@pytest.mark.parametrize(
    "value",
    [2**64, {1: "key not a string"}, "\udcff", [Decimal("NaN")], object()],
    ids=["integer beyond 64 bits", "integer key", "lone surrogate", "NaN", "object"],
)
def test_what_orjson_cannot_write_as_dumps_exact_does_is_left_to_it(value: object) -> None:
    assert dumps_fast({"x": value}) is None


def _raw_number_lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _raw_number_lists(item) for key, item in value.items()}
    if isinstance(value, list):
        if value and all(isinstance(v, int | Decimal) and not isinstance(v, bool) for v in value):
            return raw_numbers(value)
        return [_raw_number_lists(item) for item in value]
    return value


@given(VALUES)
def test_any_value_with_its_number_lists_raw_is_written_alike(value: object) -> None:
    value = _raw_number_lists(value)
    shared = Fragment(value)
    for document in (value, {"a": [shared, 1], "b": shared}):
        fast = dumps_fast(document)
        assert fast is not None
        assert fast.decode() == dumps_exact(document)


@given(
    st.decimals(allow_nan=False, allow_infinity=False)
    | st.decimals(allow_nan=False, allow_infinity=False, places=8, max_value=10**6)
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
)
def test_a_number_is_written_as_the_exact_writer_writes_it(value: Decimal | int | float) -> None:
    """Exponents (``1E-8``, ``1E+2``), ``-0`` and trailing zeros included."""
    assert number_text(value) == dumps_exact(value).removesuffix("\n")


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("-Infinity"), Decimal("sNaN1")])
def test_a_number_json_cannot_hold_is_refused(value: Decimal) -> None:
    with pytest.raises(ValueError, match="cannot write"):
        number_text(value)


def test_a_raw_text_is_written_as_it_is() -> None:
    document = {"ci95": raw_numbers([0.05, 1e16]), "x": Raw("1.50")}
    expected = '{\n  "ci95": [0.05, 1e+16],\n  "x": 1.50\n}\n'
    assert dumps_exact(document) == expected
    assert dumps_fast(document) == expected.encode()


#: Characters around the edges of what is shown: controls, separators, format characters,
#: wide and combining letters, beyond U+FFFF.
EDGES = 'a é\u00a0\x7f\x85\u2028\u202e\u0378\ufffd肝\u0301\U0001f600\U000e0001\t\n"'


@given(
    st.lists(st.text(alphabet=st.sampled_from(EDGES) | st.characters(blacklist_categories=["Cs"])))
)
def test_the_utf8_check_is_json_safe(texts: list[str]) -> None:
    document = json.dumps(texts, indent=2, ensure_ascii=False)
    assert json_safe_utf8(document.encode()) == json_safe(document).encode()
