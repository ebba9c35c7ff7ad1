"""JSON that keeps numbers exactly as written.

Diameters are read as :class:`~decimal.Decimal` (``10.1`` is exactly 10.1 mm,
never the nearest binary float) and written back with the same digits. The
reader refuses what plain :func:`json.loads` lets through silently: ``NaN`` and
``Infinity`` constants, and an object with the same key twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
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
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()  # a key came back: find the first one that did
    for key, _ in pairs:
        if key in seen:
            break
        seen.add(key)
    raise JSONInputError(f"the key {show(key)} appears twice in one object")


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


class Fragment:
    """A part of a document that many documents share (the assumptions, a cohort of the
    series): written once per depth and reused, since an audit writes it thousands of times.

    ``value`` must not change once wrapped; :func:`dumps_exact` writes the fragment
    exactly as it writes ``value``.
    """

    __slots__ = ("_texts", "value")

    def __init__(self, value: Any) -> None:
        self.value = value
        self._texts: dict[tuple[int, int], str] = {}

    def text(self, indent: int, level: int) -> str:
        """The value as :func:`dumps_exact` writes it at this depth."""
        key = (indent, level)
        if key not in self._texts:
            self._texts[key] = _dump(self.value, indent, level)
        return self._texts[key]


def dumps_exact(value: Any, indent: int = 2) -> str:
    """Write JSON with each :class:`Decimal` as a number with its own digits."""
    return _dump(value, indent, 0) + "\n"


def _dump(value: Any, indent: int, level: int) -> str:
    kind = type(value)  # the common types first, by identity: an audit writes millions
    scalar = _SCALARS.get(kind)
    if scalar is not None:
        return scalar(value)
    if kind is dict:
        return _mapping(value, indent, level)
    if kind is list or kind is tuple:
        return _sequence(value, indent, level)
    if kind is Fragment:
        return value.text(indent, level)
    return _other(value, indent, level)


def _decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"cannot write {value} as a JSON number")
    return format(value, "f")


def _date(value: date) -> str:
    return f'"{value.isoformat()}"'


#: How each plain scalar type is written (exact types only: subclasses go through _other).
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda _: "null",
    Decimal: _decimal,
    date: _date,
}
_NUMBERS = (Decimal, int, float)


def _other(value: Any, indent: int, level: int) -> str:
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, date):
        return _date(value)
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
    inner = "\n" + " " * indent * (level + 1)
    # A plain scalar is written in place (most values): a call per value is half the cost.
    scalar, deeper = _SCALARS.get, level + 1
    items = [
        encode_basestring(str(k))
        + ": "
        + (write(v) if (write := scalar(type(v))) else _dump(v, indent, deeper))
        for k, v in value.items()
    ]
    return "{" + inner + ("," + inner).join(items) + "\n" + " " * indent * level + "}"


def _sequence(value: Sequence[Any], indent: int, level: int) -> str:
    if not value:
        return "[]"
    if all(isinstance(v, _NUMBERS) and type(v) is not bool for v in value):
        return "[" + ", ".join(_dump(v, indent, level) for v in value) + "]"
    inner = "\n" + " " * indent * (level + 1)
    scalar, deeper = _SCALARS.get, level + 1
    items = [write(v) if (write := scalar(type(v))) else _dump(v, indent, deeper) for v in value]
    return "[" + inner + ("," + inner).join(items) + "\n" + " " * indent * level + "]"
