"""A msgspec Struct and its pydantic twin (the model that explains what the Struct refuses)."""

from __future__ import annotations

import msgspec
from pydantic import BaseModel


def assert_same_fields(ours: type[msgspec.Struct], twin: type[BaseModel]) -> None:
    """The same fields in the same order, the same required ones and the same defaults."""
    fields = msgspec.structs.fields(ours)
    assert [f.name for f in fields] == list(twin.model_fields)
    for field in fields:
        expected = twin.model_fields[field.name]
        assert (field.default is msgspec.NODEFAULT) == expected.is_required(), field.name
        if field.default is not msgspec.NODEFAULT:
            assert field.default == expected.default, field.name
