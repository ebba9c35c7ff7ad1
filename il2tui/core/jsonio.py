"""JSON that keeps numbers exactly as written.

Diameters are read as :class:`~decimal.Decimal` (``10.1`` is exactly 10.1 mm,
never the nearest binary float) and written back with the same digits. The
reader refuses what plain :func:`json.loads` lets through silently: ``NaN`` and
``Infinity`` constants, and an object with the same key twice.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from json.encoder import encode_basestring
from operator import attrgetter
from typing import Any

import orjson

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
    if text.startswith("\ufeff"):  # as json.loads does
        raise JSONInputError("not valid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)")
    try:
        value = _decoder().decode(text)
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
    if "NaN" in text or "Infinity" in text:  # only then walk the tree, to name the field
        where = _find_constant(value)
        if where is not None:
            raise JSONInputError("NaN and Infinity are not measurements", where)
    return value


_THREAD = threading.local()


def _decoder() -> json.JSONDecoder:
    """This thread's decoder, made once (making one per file cost a tenth of the parse)."""
    try:
        return _THREAD.decoder  # type: ignore[no-any-return]
    except AttributeError:
        _THREAD.decoder = json.JSONDecoder(
            parse_float=_decimal_of, parse_constant=_Constant, object_pairs_hook=_unique_keys
        )
        return _THREAD.decoder  # type: ignore[no-any-return]


#: Decimals already made, by their text: the same few hundred numbers recur in a batch,
#: and one object per value keeps its hash, which a diameter's check looks up (computing a
#: Decimal's hash again for each new object cost as much as the rest of the check).
_DECIMALS: dict[str, Decimal] = {}
_MAX_DECIMALS = 8192


def _decimal_of(text: str) -> Decimal:
    found = _DECIMALS.get(text)
    if found is None:
        if len(_DECIMALS) >= _MAX_DECIMALS:
            _DECIMALS.clear()
        found = _DECIMALS[text] = Decimal(text)
    return found


_LITERALS = {None: "null", True: "true", False: "false"}

#: How a string is written: as ``json.dumps(text, ensure_ascii=False)`` writes it.
StringWriter = Callable[[str], str]


class Fragment:
    """A part of a document that many documents share (the assumptions, a cohort of the
    series): written once per depth and reused, since an audit writes it thousands of times.

    ``value`` must not change once wrapped; :func:`dumps_exact` writes the fragment
    exactly as it writes ``value``.
    """

    __slots__ = ("_blocks", "_texts", "value")

    def __init__(self, value: Any) -> None:
        self.value = value
        self._texts: dict[tuple[int, int, StringWriter], str] = {}
        self._blocks: dict[tuple[int, int, StringWriter], Block] = {}

    def text(self, indent: int, level: int, strings: StringWriter = encode_basestring) -> str:
        """The value as :func:`dumps_exact` writes it at this depth."""
        key = (indent, level, strings)
        if key not in self._texts:
            self._texts[key] = _Writer(indent, strings).text(self.value, level)
        return self._texts[key]

    def at(self, indent: int, level: int, strings: StringWriter = encode_basestring) -> Block:
        """:meth:`text` as a :class:`Block`, for a document that knows the fragment's depth."""
        key = (indent, level, strings)
        if key not in self._blocks:
            self._blocks[key] = Block(self.text(indent, level, strings))
        return self._blocks[key]


class Block:
    """A part of a document written ahead, for the depth where it goes: :func:`dumps_exact`
    and :func:`dumps_fast_parts` copy its text as it is, and orjson never reads it (a
    review's shared blocks are four fifths of its JSON, which orjson wrote again and the
    check for characters to escape read again for every review)."""

    __slots__ = ("text", "utf8")

    def __init__(self, text: str) -> None:
        self.text = text
        self.utf8 = text.encode()


#: One line of JSON text, written as it is: a number or a list of numbers as
#: :func:`dumps_exact` writes them, in data for :func:`dumps_fast` (orjson writes floats
#: and lists of numbers its own way, and a Decimal only through a call back into Python,
#: which took most of its time on a review). orjson copies its text; dumps_exact reads it
#: back with ``orjson.dumps``. Made by :func:`raw_number` and :func:`raw_numbers`.
Raw = orjson.Fragment


def raw_number(value: Decimal | int | float) -> Raw:
    """A number as :func:`dumps_exact` writes it."""
    return Raw(number_text(value))


def raw_numbers(values: Sequence[Decimal | int | float]) -> Raw:
    """A list of numbers as :func:`dumps_exact` writes it: on one line."""
    return Raw("[" + ", ".join(map(number_text, values)) + "]")


def number_text(value: Decimal | int | float) -> str:
    """A number as :func:`dumps_exact` writes it; a finite Decimal that ``str`` writes
    without an exponent, as most are, in one test (a review writes some sixty)."""
    if type(value) is Decimal:
        text = str(value)
        if "E" not in text and "e" not in text and value.is_finite():
            return text
    return _number(value)


def dumps_exact(value: Any, indent: int = 2, *, strings: StringWriter = encode_basestring) -> str:
    """Write JSON with each :class:`Decimal` as a number with its own digits.

    ``strings`` writes each string and key (its quotes included): a caller can escape
    more than JSON requires, as :func:`il2tui.core.textsafe.json_string` does.
    """
    return _Writer(indent, strings).text(value, 0) + "\n"


def _decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"cannot write {value} as a JSON number")
    text = str(value)  # format(value, "f")'s text unless in exponent notation, in a quarter
    return format(value, "f") if "E" in text or "e" in text else text  # of its time


def _date(value: date) -> str:
    return f'"{value.isoformat()}"'


#: How each plain scalar type but ``str`` is written (exact types only: subclasses and
#: floats go through _Writer.other).
_SCALARS: dict[type, Callable[[Any], str]] = {
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda _: "null",
    Decimal: _decimal,
    date: _date,
    Raw: lambda raw: orjson.dumps(raw).decode(),
    Block: attrgetter("text"),
}
_NUMBERS = (Decimal, int, float)


def _number(value: Decimal | int | float) -> str:
    """A number in a list of numbers (written on the list's line)."""
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, float):
        return json.dumps(value, allow_nan=False)
    return int.__repr__(value)


@lru_cache(maxsize=512)
def _key_lines(keys: tuple[str, ...], indent: int, level: int, strings: StringWriter) -> list[str]:
    """What goes before each value of an object: ``{`` or ``,``, a line break, the
    indentation and the key. A review's objects come in a few shapes, each written
    thousands of times: this made the review's JSON about a fifth faster."""
    inner = "\n" + " " * (indent * (level + 1))
    return [("," if i else "{") + inner + strings(key) + ": " for i, key in enumerate(keys)]


class _Writer:
    """One document's text as a flat list of pieces, joined once at the end.

    An audit writes millions of values: the pieces are appended to one list (nested
    joins copied every shared block once per level of depth), and a plain scalar in an
    object or an array is written in place, without a call to :meth:`value`. Together
    these made a review's JSON about twice as fast as the recursive joins before them.
    """

    def __init__(self, indent: int, strings: StringWriter) -> None:
        self.indent, self.strings = indent, strings
        self.scalars = _SCALARS | {str: strings}
        self.out: list[str] = []

    def text(self, value: Any, level: int) -> str:
        self.value(value, level)
        return "".join(self.out)

    def value(self, value: Any, level: int) -> None:
        write = self.scalars.get(type(value))
        if write is not None:
            self.out.append(write(value))
        elif type(value) is dict:
            self.mapping(value, level)
        elif type(value) is list or type(value) is tuple:
            self.sequence(value, level)
        elif type(value) is Fragment:
            self.out.append(value.text(self.indent, level, self.strings))
        else:
            self.other(value, level)

    def other(self, value: Any, level: int) -> None:
        """Subclasses of the plain types (an enum of strings), floats and other mappings."""
        scalar = self.scalar(value)
        if scalar is not None:
            self.out.append(scalar)
        elif isinstance(value, Mapping):
            self.mapping(value, level)
        elif isinstance(value, Sequence):
            self.sequence(value, level)
        else:
            raise TypeError(f"cannot write {type(value).__name__} as JSON")

    def scalar(self, value: Any) -> str | None:
        """Each scalar as ``json.dumps(value, ensure_ascii=False)`` writes it; None otherwise."""
        if isinstance(value, Decimal):
            return _decimal(value)
        if isinstance(value, date):
            return _date(value)
        if isinstance(value, str):
            return self.strings(value)
        if value is None or isinstance(value, bool):
            return _LITERALS[value]
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return json.dumps(value, allow_nan=False)
        return None

    def mapping(self, value: Mapping[Any, Any], level: int) -> None:
        if not value:
            self.out.append("{}")
            return
        lines = _key_lines(tuple(map(str, value)), self.indent, level, self.strings)
        for before, v in zip(lines, value.values(), strict=True):
            self.put(before, v, level + 1)
        self.out.append(self.pad(level) + "}")

    def sequence(self, value: Sequence[Any], level: int) -> None:
        if not value:
            self.out.append("[]")
        elif all(isinstance(v, _NUMBERS) and type(v) is not bool for v in value):
            self.out.append("[" + ", ".join(map(_number, value)) + "]")
        else:
            self.items(value, level)

    def items(self, value: Sequence[Any], level: int) -> None:
        inner = self.pad(level + 1)
        before = "[" + inner
        for v in value:
            self.put(before, v, level + 1)
            before = "," + inner
        self.out.append(self.pad(level) + "]")

    def put(self, before: str, v: Any, level: int) -> None:
        """``before``, then ``v`` at ``level``: a scalar written at once, anything else by
        :meth:`value`."""
        write = self.scalars.get(type(v))
        if write is not None:
            self.out += (before, write(v))
        else:
            self.out.append(before)
            self.value(v, level)

    def pad(self, level: int) -> str:
        return "\n" + " " * (self.indent * level)


#: orjson's layout is dumps_exact's; dates, and the types it would write without asking
#: (dataclasses), go through :func:`_orjson_default` as they go through dumps_exact.
_ORJSON_OPTIONS = (
    orjson.OPT_INDENT_2
    | orjson.OPT_APPEND_NEWLINE
    | orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
)


def dumps_fast(value: Any) -> bytes | None:
    """``dumps_exact(value)`` in UTF-8, written by orjson: a review's JSON in a fifth of
    the time; ``None`` where orjson cannot write the value (a string that is not valid
    Unicode, as a file name can be; an integer beyond 64 bits; a key that is not a
    string; a type dumps_exact refuses): the caller writes it with :func:`dumps_exact`.

    The value's floats and lists of numbers must come as :class:`Raw`: orjson writes a
    list of numbers over several lines and a float in its own notation (``1e16`` for
    ``1e+16``), the same data laid out differently.
    """
    try:
        return orjson.dumps(value, default=_orjson_default, option=_ORJSON_OPTIONS)
    except orjson.JSONEncodeError:
        return None


#: Where a block goes in a document written by :func:`dumps_holes` or :func:`exact_holes`
#: (the caller keeps the blocks' texts, in the document's order, and :func:`splice` puts
#: them back): orjson escapes every control character inside a string, and dumps_exact's
#: ``strings`` must too, so that a NUL byte in the document can only be a hole.
HOLE_BYTE = b"\x00"
HOLE = Raw(HOLE_BYTE)

#: :data:`_ORJSON_OPTIONS` but for dates, which orjson writes as ``isoformat`` does,
#: without a call back into Python (a review holds a dozen).
_HOLES_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE | orjson.OPT_PASSTHROUGH_DATACLASS


def dumps_holes(value: Any) -> bytes | None:
    """:func:`dumps_fast` of a value holding :data:`HOLE` where blocks go, a NUL byte at
    each hole: the text around the blocks, which the caller checks on its own for
    characters to escape (a review's shared blocks are most of its JSON) before
    :func:`splice` puts them in; ``None`` as for :func:`dumps_fast`. Every
    :class:`~datetime.date` must be a plain date."""
    try:
        return orjson.dumps(value, default=_orjson_default, option=_HOLES_OPTIONS)
    except orjson.JSONEncodeError:
        return None


def exact_holes(value: Any, blocks: list[bytes], strings: StringWriter) -> bytes:
    """:func:`dumps_exact` of a value holding :data:`HOLE` where ``blocks`` go, in UTF-8,
    the blocks put in (``strings`` must write a text that UTF-8 can encode)."""
    return splice(dumps_exact(value, strings=strings).encode(), blocks)


def splice(document: bytes, blocks: list[bytes]) -> bytes:
    """``document`` with its holes filled by ``blocks``, in order. Each hole is found with
    ``index`` (``memchr``): splitting the document at them read it byte by byte, as long
    as orjson took to write it."""
    parts: list[bytes] = []
    start = 0
    for block in blocks:
        end = document.index(HOLE_BYTE, start)
        parts += (document[start:end], block)
        start = end + 1
    parts.append(document[start:])
    return b"".join(parts)


def _orjson_default(value: Any) -> Any:
    kind = type(value)
    if kind is Decimal:
        return orjson.Fragment(_decimal(value))
    if kind is Fragment:  # orjson indents it for where it is; dumps_exact reuses a text
        return value.value
    if kind is Block:
        return Raw(value.utf8)
    if kind is date:
        return orjson.Fragment(_date(value))
    raise TypeError(f"cannot write {kind.__name__} as JSON")
