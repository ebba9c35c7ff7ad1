"""Blocks written ahead (``Fragment.at``) and the document written around them.

A review's JSON is written by orjson with each shared block left out as a NUL byte (a
``HOLE``: ``dumps_holes``), only the rest is checked for characters to escape, and the
blocks' texts are put in (``splice``). The document must be, byte for byte, the one
written without blocks: by ``dumps_exact`` and by ``dumps_fast`` of the plain values;
and where orjson cannot write it, by ``exact_holes``.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from il2tui.core.jsonio import (
    HOLE,
    HOLE_BYTE,
    Block,
    Fragment,
    dumps_exact,
    dumps_fast,
    dumps_holes,
    exact_holes,
    splice,
)
from il2tui.core.textsafe import json_safe, json_safe_utf8, json_string
from il2tui.report.json_blocks import Runs
from il2tui.report.to_json import render_json_utf8, review_data
from tests.hardening.test_json_fast import REVIEWS, _raw_number_lists
from tests.hardening.test_json_writer import VALUES

BLOCKS = VALUES.filter(lambda v: isinstance(v, list | dict)).map(_raw_number_lists)


def _documents(value: Any, shared: Fragment, strings: Any) -> list[tuple[Any, Any, Any]]:
    """The same documents with the value in place, with the fragment's blocks there, and
    with holes there (the blocks' texts alongside)."""
    top, deep = shared.at(2, 1, strings), shared.at(2, 3, strings)
    return [
        ({"top": value}, {"top": top}, ({"top": HOLE}, [top])),
        ([value, 1, value], [top, 1, top], ([HOLE, 1, HOLE], [top, top])),
        ({"a": [{"b": value}]}, {"a": [{"b": deep}]}, ({"a": [{"b": HOLE}]}, [deep])),
    ]


@given(BLOCKS)
def test_a_block_is_written_as_its_value_at_its_depth(value: object) -> None:
    shared = Fragment(value)
    for plain, blocked, (holed, blocks) in _documents(value, shared, json_string):
        exact = dumps_exact(plain, strings=json_string)
        assert dumps_exact(blocked, strings=json_string) == exact
        assert exact_holes(holed, [b.utf8 for b in blocks], json_string) == exact.encode()
    for plain, blocked, (holed, blocks) in _documents(value, shared, encode_basestring):
        fast = dumps_fast(plain)
        assert fast is not None
        assert fast.decode() == dumps_exact(plain)
        assert dumps_fast(blocked) == fast
        document = dumps_holes(holed)
        assert document is not None
        assert document.count(HOLE_BYTE) == len(blocks)
        assert splice(document, [b.utf8 for b in blocks]) == fast


@given(st.text(alphabet=st.sampled_from('\x00a\n"\\\x1b'), max_size=8))
def test_a_nul_in_a_string_is_never_taken_for_a_hole(text: str) -> None:
    block = Fragment({"k": [text]}).at(2, 1)
    document = dumps_holes({"x": text, "b": HOLE, "y": [text]})
    assert document is not None
    assert document.count(HOLE_BYTE) == 1
    plain = {"x": text, "b": {"k": [text]}, "y": [text]}
    assert splice(document, [block.utf8]) == dumps_exact(plain).encode()
    holed = exact_holes({"x": text, "b": HOLE, "y": [text]}, [block.utf8], encode_basestring)
    assert holed == dumps_exact(plain).encode()


def test_a_block_is_one_object_per_depth_and_writer() -> None:
    shared = Fragment({"k": 1})
    assert shared.at(2, 1) is shared.at(2, 1)
    assert shared.at(2, 1) is not shared.at(2, 2)
    assert isinstance(shared.at(2, 1, json_string), Block)
    assert shared.at(2, 2).text == shared.text(2, 2)


def test_each_review_is_written_as_the_exact_writer_writes_it() -> None:
    """Golden and hostile reviews: the pieces checked on their own (hostile text in the
    label, the sites, the reasons) give the document json_safe makes of the exact one."""
    for source, review in REVIEWS:
        data, blocks = review_data(review, source)
        exact = exact_holes(data, blocks, json_string)
        assert render_json_utf8(review, source) == json_safe(exact.decode()).encode() == exact


def _nested(value: Any, level: int) -> Any:
    """``value`` inside ``level`` arrays: an object whose fields are at ``level + 1``."""
    for _ in range(level):
        value = [value]
    return value


@given(
    st.dictionaries(st.text(max_size=4), VALUES.map(_raw_number_lists), min_size=1, max_size=4),
    st.dictionaries(st.text(max_size=4), VALUES.map(_raw_number_lists), max_size=2),
    st.integers(1, 5),
)
def test_a_run_of_fields_is_written_as_the_fields_are(
    run: dict[str, Any], rest: dict[str, Any], level: int
) -> None:
    """A block standing for several fields (what a rule says) goes where the first one's
    value goes; the object's other fields are written around it."""
    rest = {key: value for key, value in rest.items() if key not in run}
    blocks: list[bytes] = []
    first = next(iter(run))
    hole = Runs(lambda fields: fields, level).hole((1,), run, blocks)
    plain = _nested(run | rest, level - 1)
    holed = _nested({first: hole} | rest, level - 1)
    exact = dumps_exact(plain, strings=json_string).encode()
    assert exact_holes(holed, blocks, json_string) == exact
    document = dumps_holes(holed)
    assert document is not None
    assert json_safe_utf8(splice(document, blocks)) == exact
