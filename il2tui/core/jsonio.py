"""JSON that keeps numbers exactly as written.

Diameters are read as :class:`~decimal.Decimal` (``10.1`` is exactly 10.1 mm,
never the nearest binary float) and written back with the same digits. The
reader refuses what plain :func:`json.loads` lets through silently: ``NaN`` and
``Infinity`` constants, and an object with the same key twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any

from il2tui.core.errors import format_path, show


class JSONInputError(ValueError):
    """The text is not acceptable JSON; ``message`` says why, ``position`` where."""

    def __init__(self, message: str, position: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


class _Constant(str):
    """A NaN or Infinity found while parsing, kept so its field path can be named."""


def _find_constant(value: Any) -> str | None:
    """The field path of the first NaN or Infinity in ``value`` (no recursion: any depth)."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), value)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, _Constant):
            return format_path(loc)
        if isinstance(node, dict | list):
            children = node.items() if isinstance(node, dict) else enumerate(node)
            stack += reversed([((*loc, key), child) for key, child in children])
    return None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JSONInputError(f"the key {show(key)} appears twice in one object")
        result[key] = value
    return result


def loads_exact(text: str) -> Any:
    """Parse JSON text with exact decimals, refusing NaN, Infinity and duplicate keys."""
    constants: list[_Constant] = []

    def constant(name: str) -> _Constant:
        constants.append(_Constant(name))
        return constants[-1]

    try:
        value = json.loads(
            text,
            parse_float=Decimal,
            parse_constant=constant,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as exc:
        raise JSONInputError(
            f"not valid JSON: {exc.msg}", f"line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise JSONInputError("not valid JSON: nested too deeply") from None
    except JSONInputError:
        raise
    except ValueError:  # an integer longer than Python converts (4,300 digits)
        raise JSONInputError("not valid JSON: a number with far too many digits") from None
    if constants:  # only then walk the tree, to name the field
        raise JSONInputError("NaN and Infinity are not measurements", _find_constant(value))
    return value


_LITERALS = {None: "null", True: "true", False: "false"}


def dumps_exact(value: Any, indent: int = 2) -> str:
    """Write JSON with each :class:`Decimal` as a number with its own digits."""
    return _dump(value, indent, 0) + "\n"


def _dump(value: Any, indent: int, level: int) -> str:
    kind = type(value)  # the common types first, by identity: an audit writes millions
    if kind is str:
        return encode_basestring(value)
    if kind is dict:
        return _mapping(value, indent, level)
    if kind is list or kind is tuple:
        return _sequence(value, indent, level)
    return _other(value, indent, level)


def _other(value: Any, indent: int, level: int) -> str:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write {value} as a JSON number")
        return format(value, "f")
    if isinstance(value, date):
        return f'"{value.isoformat()}"'
    if isinstance(value, str):  # each scalar as json.dumps(value, ensure_ascii=False) writes it
        return encode_basestring(value)
    if value is None or isinstance(value, bool):
        return _LITERALS[value]
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value, allow_nan=False)
    if isinstance(value, Mapping):
        return _mapping(value, indent, level)
    if isinstance(value, Sequence):
        return _sequence(value, indent, level)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _mapping(value: Mapping[Any, Any], indent: int, level: int) -> str:
    if not value:
        return "{}"
    inner = " " * indent * (level + 1)
    items = [
        f"{inner}{encode_basestring(str(k))}: {_dump(v, indent, level + 1)}"
        for k, v in value.items()
    ]
    return "{\n" + ",\n".join(items) + "\n" + " " * indent * level + "}"


def _sequence(value: Sequence[Any], indent: int, level: int) -> str:
    if not value:
        return "[]"
    if all(isinstance(v, Decimal | int | float) and not isinstance(v, bool) for v in value):
        return "[" + ", ".join(_dump(v, indent, level) for v in value) + "]"
    inner = " " * indent * (level + 1)
    items = [inner + _dump(v, indent, level + 1) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent * level + "]"
