"""The review's objects are left out of the garbage collector's walks (``gc=False``):
safe only while none of them can take part in a reference cycle."""

from __future__ import annotations

import gc
import types
import typing

import msgspec

from il2tui.case.demo import demo_case
from il2tui.clinical import model
from il2tui.clinical.review import review_case

#: What a frozen object can hold without any way to point back at it once it is built.
_LEAVES = (tuple, str, int, float, bool, type(None), model.Decimal, model.date)
_REVIEW_CLASSES = [
    kind
    for kind in vars(model).values()
    if isinstance(kind, type) and issubclass(kind, model._Frozen) and kind is not model._Frozen
]


def _types_in(hint: object) -> set[object]:
    """Every class a type hint admits: the container itself (``list`` of ``list[str]``)
    and what it holds, through unions and Literals."""
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return {type(value) for value in arguments}
    if origin is None:
        return {hint}
    found = set() if origin in (typing.Union, types.UnionType) else {origin}
    return found.union(*(_types_in(a) for a in arguments if a is not ...))


def _frozen_struct(kind: object) -> bool:
    return (
        isinstance(kind, type)
        and issubclass(kind, msgspec.Struct)
        and kind.__struct_config__.frozen
    )


def test_a_review_holds_only_frozen_values_and_is_not_tracked() -> None:
    """No list, dict, set or ``Any`` anywhere in a review: nothing can be made to point
    back at one of its objects after it is built, so no cycle can form, and reference
    counting alone frees a review."""
    assert len(_REVIEW_CLASSES) > 10  # the module's classes were found
    for kind in _REVIEW_CLASSES:
        assert kind.__struct_config__.frozen and not kind.__struct_config__.gc, kind
    walked, waiting = set(), list(_REVIEW_CLASSES)
    while waiting:  # and the frozen Structs of other modules that a review holds (a cohort)
        kind = waiting.pop()
        walked.add(kind)
        for name, hint in typing.get_type_hints(kind).items():
            for found in _types_in(hint):
                assert found in _LEAVES or _frozen_struct(found), (kind.__name__, name, found)
                if found not in _LEAVES and found not in walked:
                    waiting.append(found)
    review = review_case(demo_case())
    assert not gc.is_tracked(review) and not gc.is_tracked(review.courses[0].recommendation)
