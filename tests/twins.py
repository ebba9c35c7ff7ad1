"""A msgspec Struct and its pydantic twin (the model that explains what the Struct refuses)."""

from __future__ import annotations

import msgspec
from pydantic import BaseModel


def assert_same_fields(ours: type[msgspec.Struct], twin: type[BaseModel]) -> None:
    """The same fields in the same order, the same required ones and the same defaults
    (a default made anew for each object, as ``{}``, compared by what it makes)."""
    fields = msgspec.structs.fields(ours)
    assert [f.name for f in fields] == list(twin.model_fields)
    for field in fields:
        expected = twin.model_fields[field.name]
        assert field.required == expected.is_required(), field.name
        if not field.required:
            made = field.default_factory if field.default is msgspec.NODEFAULT else None
            wanted = made() if made else field.default
            assert expected.get_default(call_default_factory=True) == wanted, field.name
