"""A lesion at an evaluation written as one text, as its dict of fields would be written.

``to_json._lesion`` writes an evaluation's lesion from a template for its depth (a dict of
ten fields, a Raw for each number and orjson writing them took a seventh of a review's
JSON). The text must be, byte for byte, what the exact writer makes of the dict the
lesion was written as before, at the depth where lesions go, for any id and site (quotes,
backslashes, controls, line breaks, lone surrogates), any numbers and any missing value.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from il2tui.clinical.model import LesionResult
from il2tui.core.jsonio import Fragment, Raw, number_text
from il2tui.core.textsafe import json_string
from il2tui.report import to_json

TEXTS = st.text(alphabet=st.sampled_from('aL1 é"\\\n\x00\x1b\x7f\x85\u202e\ud800×'), max_size=6)
NUMBERS = st.decimals(
    allow_nan=False, allow_infinity=False, places=3, min_value=-1000, max_value=1000
)
PAIRS = st.none() | st.tuples(NUMBERS, NUMBERS)


def _as_dict(lesion: LesionResult) -> dict[str, Any]:
    """The lesion as ``to_json`` wrote it before its template: a dict of its fields."""

    def number(value: Decimal | None) -> Raw | None:
        return None if value is None else Raw(number_text(value))

    def pair(value: tuple[Decimal, Decimal] | None) -> Raw | None:
        return None if value is None else Raw(f"[{number_text(value[0])}, {number_text(value[1])}]")

    return {
        "id": lesion.id,
        "site": lesion.site,
        "status": lesion.status,
        "diameters": pair(lesion.diameters),
        "product_mm2": number(lesion.product_mm2),
        "nadir_before_mm2": number(lesion.nadir_before_mm2),
        "change_from_nadir_pct": number(lesion.change_from_nadir_pct),
        "progressing": lesion.progressing,
        "growing": lesion.growing,
        "nadir_diameters": pair(lesion.nadir_diameters),
    }


@given(
    st.builds(
        LesionResult,
        id=TEXTS,
        site=TEXTS,
        status=st.sampled_from(["measured", "disappeared", "reappeared", "not_assessed"]),
        diameters=PAIRS,
        product_mm2=st.none() | NUMBERS,
        nadir_before_mm2=NUMBERS,
        change_from_nadir_pct=st.none() | NUMBERS,
        progressing=st.booleans(),
        growing=st.booleans(),
        nadir_diameters=PAIRS,
    )
)
def test_a_lesion_is_written_as_its_dict_at_its_depth(lesion: LesionResult) -> None:
    written = orjson.dumps(to_json._lesion(lesion)).decode()
    assert written == Fragment(_as_dict(lesion)).text(2, to_json._LESION_LEVEL, json_string)


def test_the_lesions_depth_is_where_an_evaluation_holds_them() -> None:
    lesion = LesionResult(
        id="L1",
        site="lung",
        status="measured",
        diameters=None,
        product_mm2=None,
        nadir_before_mm2=Decimal(1),
        change_from_nadir_pct=None,
        progressing=False,
    )
    document = {"courses": [{"assessments": [{"lesions": [to_json._lesion(lesion)]}]}]}
    plain = {"courses": [{"assessments": [{"lesions": [_as_dict(lesion)]}]}]}
    assert orjson.dumps(document, option=orjson.OPT_INDENT_2) == orjson.dumps(
        plain, option=orjson.OPT_INDENT_2
    )


def test_a_diameter_found_again_is_written_as_that_object() -> None:
    """Diameters are found again by value and object: ``1`` and ``1.0`` are equal but
    written apart, however often and in whatever order they come."""
    one, one_point_zero = Decimal("1"), Decimal("1.0")
    for _ in range(2):
        assert to_json._pair_text((one, one)) == "[1, 1]"
        assert to_json._pair_text((one, one_point_zero)) == "[1, 1.0]"
        assert to_json._pair_text((one_point_zero, one_point_zero)) == "[1.0, 1.0]"
        assert to_json._pair_text((one_point_zero, one)) == "[1.0, 1]"
    with pytest.raises(ValueError, match="sNaN"):
        to_json._pair_text((one, Decimal("sNaN")))
