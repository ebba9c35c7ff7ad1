"""Text from files shown literally: no control character, escape or markup gets through.

A label, a lesion site, a note or a file name may hold anything: ANSI and OSC
escape sequences, C1 controls, a right-to-left override, Markdown or Rich
markup. :func:`plain` makes every invisible or controlling character visible as
an escape (``\\x1b``, ``\\u202e``); :func:`markdown` also backslash-escapes what
Markdown would interpret; :func:`json_safe` keeps JSON valid and exact while
keeping such characters out of the raw output.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes such characters
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def plain(text: str) -> str:
    """The text with every non-printable character (controls, bidi, separators) escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def markdown(text: str) -> str:
    """The text for a Markdown line: :func:`plain`, then Markdown syntax escaped."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", plain(text))
    return _MARKDOWN_LINE_START.sub(lambda m: m.group(1) + _escape_mark(m.group(2)), escaped)


def _escape_mark(mark: str) -> str:
    return mark[:-1] + "\\" + mark[-1]


def json_safe(text: str) -> str:
    """JSON text with the characters :func:`plain` would escape written as ``\\uXXXX``.

    Inside JSON strings this is the same data (a reader gets the exact text back);
    outside strings JSON has no such characters, so nothing else changes.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c in "\n\t" else _json_escape(c) for c in text)
