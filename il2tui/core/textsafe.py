"""Text from users and files shown literally: the one place for the escaping rules.

A label, a lesion site, a note, a reason or a file name may hold anything: ANSI
and OSC escape sequences, C1 controls, a right-to-left override, Markdown or
Rich markup, a spreadsheet formula. Every front end (the CLI, the reports, the
assistant) shows such text through these functions:

- :func:`plain` (terminal, text, CSV, messages): every character that is not
  printable is shown as a visible escape, ``\\x1b`` for ESC, ``\\x9b`` for the
  C1 CSI, ``\\x0a`` for a line break, ``\\u202e`` for a right-to-left override;
  letters of every script, wide and combining characters and spaces (also the
  no-break ones) stay as typed. The output is one line with no control character.
- :func:`markdown` (reports): :func:`plain`, then every character Markdown could
  read as syntax (`` \\ ` * _ [ ] < > | ~ # & ``, and ``- + = >`` or ``1.`` at
  the start) is backslash-escaped and leading spaces are written ``&#32;``, so a
  Markdown viewer shows the text as typed and no text can open a heading, a
  list, a table cell, code, a link or HTML, or end a table row.
- :func:`json_safe` (JSON output): the characters :func:`plain` escapes are
  written as ``\\uXXXX``, so a JSON reader gets the exact text back and the raw
  output holds no control character.
- :func:`spreadsheet` (CSV cells with text from a file): :func:`plain`, and a
  leading ``=``, ``+``, ``-`` or ``@`` gets a ``'`` so a spreadsheet shows the
  text instead of running it as a formula.
- :func:`quoted` (a label inside a sentence): in double quotes, with ``"`` and
  ``\\`` backslash-escaped, so the label's end is never in doubt.
"""

from __future__ import annotations

import re
from json.encoder import encode_basestring
from operator import add

#: Space characters (Unicode Zs) that :meth:`str.isprintable` rejects but a
#: terminal shows as a blank: kept as typed (a no-break space in "10 mm").
_SPACES = frozenset("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007")
_SPACES |= frozenset("\u2008\u2009\u200a\u202f\u205f\u3000")
#: Each character that needs a backslash wherever it is in a line: Markdown's syntax
#: (`` \ ` * _ [ ] < > | ~ # & ``) and what an autolinker reads as a link: a scheme's
#: ``:`` (``http://``, ``mailto:x``), a dot inside a host name (``www.example.org``,
#: ``example.com``), an e-mail's ``@``. One search for both: a backslash before one of
#: them never changes what the other finds (it goes before the character it escapes).
#: The pattern starts with one class of all the candidates, then tells them apart by
#: what precedes and follows: ``re`` searches for a pattern that starts with a class by
#: skipping to the candidates, but not for alternatives unless each starts with a
#: literal, as the three alternatives before did not (a third to a half of their time
#: on a review's arithmetic lines).
_MARKDOWN_INLINE = re.compile(
    r"[\\`*_\[\]<>|~#&@:.](?:(?<=[^:.])|(?<=:)(?=/|[^\W_])|(?<=[^\W_]\.)(?=[^\W\d_]))"
)
#: What a line can start with that :data:`_MARKDOWN_LINE_START` or
#: :data:`_LEADING_SPACES` would change: most lines start with none of it.
_MARKDOWN_START = re.compile(r"\s|[-+=>]|\d")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
_LEADING_SPACES = re.compile(r"^ +")
_FORMULA_START = ("=", "+", "-", "@")
#: Printable ASCII and the line break: nearly all of a JSON document's bytes.
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\n"


def _shown(char: str) -> bool:
    return char.isprintable() or char in _SPACES


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
    """The text on one line, each control, format or separator character as a visible escape."""
    if text.isprintable():
        return text
    return "".join(c if _shown(c) else _escape(c) for c in text)


def markdown(text: str) -> str:
    """The text for a Markdown line: :func:`plain`, then Markdown syntax escaped.

    Leading spaces become ``&#32;`` so that they cannot indent the line into a
    code block or another list level.
    """
    try:
        raw = text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return _markdown(text)
    pattern = raw.translate(_DIGITS_AS_ZERO)
    known = _BY_PATTERN.get(pattern)
    if known is None:
        if len(_BY_PATTERN) >= _MAX_PATTERNS:
            _BY_PATTERN.clear()
        known = _BY_PATTERN[pattern] = _learned(pattern)
    if known is True:
        return text
    if known is False:
        return _markdown(text)
    # The pattern's escaped line, with the line's own digits where the pattern has its 0s.
    return "".join(map(add, known, raw.translate(None, _NOT_DIGITS).decode())) + known[-1]


#: How :func:`markdown` escapes a line depends on where its digits are, not on which
#: they are: every rule reads 0 to 9 alike (``\d``, ``\w``, ``[^\W\d_]``), and in UTF-8
#: their bytes stand for nothing else. So the lines that differ only in their numbers and
#: dates (most of a review's: the arithmetic, the dates of confirmation, the file names of
#: an audit) are escaped by their pattern, learned once: a regular expression costs some
#: 20,000 instructions on a line of 130 characters, the pattern a quarter of that. What is
#: remembered of a pattern: ``True`` for a line left as it is; else the pattern's escaped
#: line cut at its 0s, each a digit of the line (:func:`_learned`), or ``False`` where a
#: visible escape added a 0 (``\x10``).
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_NOT_DIGITS = bytes(c for c in range(256) if c not in b"0123456789")
_BY_PATTERN: dict[bytes, bool | tuple[str, ...]] = {}
_MAX_PATTERNS = 4096


def _learned(pattern: bytes) -> bool | tuple[str, ...]:
    """What :func:`markdown` remembers of a pattern, from its line (every digit 0) escaped.
    Escaping keeps each digit of a line, in order, and adds a 0 only in a visible escape:
    where there are as many 0s as the line has digits, each 0 is one of them."""
    line = pattern.decode()
    escaped = _markdown(line)
    if escaped == line:
        return True
    parts = tuple(escaped.split("0"))
    return parts if len(parts) == pattern.count(b"0") + 1 else False


def _markdown(text: str) -> str:
    escaped = _MARKDOWN_INLINE.sub(_backslashed, plain(text))
    if not _MARKDOWN_START.match(escaped):  # two substitutions fewer for most lines
        return escaped
    escaped = _MARKDOWN_LINE_START.sub(lambda m: m.group(1) + _escape_mark(m.group(2)), escaped)
    return _LEADING_SPACES.sub(lambda m: "&#32;" * len(m.group()), escaped)


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group()  # a function: faster than the template r"\\\g<0>"


def _escape_mark(mark: str) -> str:
    return mark[:-1] + "\\" + mark[-1]


def json_safe(text: str) -> str:
    """JSON text with the characters :func:`plain` would escape written as ``\\uXXXX``.

    Inside JSON strings this is the same data (a reader gets the exact text back);
    outside strings JSON has no such characters, so nothing else changes.
    """
    if text.replace("\n", "").isprintable():  # a whole review in one pass of C: the usual case
        return text
    # Line by line: a JSON document has line breaks, and most of its lines need nothing.
    return "\n".join(line if line.isprintable() else _json_line(line) for line in text.split("\n"))


def json_safe_utf8(document: bytes) -> bytes:
    """:func:`json_safe` of a JSON document in UTF-8, in UTF-8: the document itself when
    nothing needs escaping, so that it can be written without decoding it.

    Only the bytes that are not printable ASCII are looked at, a few dozen in a review
    (removing the ASCII bytes leaves each other character whole): checking every
    character of the text took longer than orjson took to write it.
    """
    others = document.translate(None, _PLAIN_ASCII)
    if not others or others.decode().isprintable():
        return document
    return json_safe(document.decode()).encode()


def json_string(text: str) -> str:
    """``text`` as a JSON string literal, with what :func:`json_safe` escapes escaped.

    For a writer that escapes string by string (:func:`il2tui.core.jsonio.dumps_exact`'s
    ``strings``): outside its strings a JSON document has no such character, so the
    document is what :func:`json_safe` makes of it, without a pass over its whole text
    (which took a sixth of the time of an audit in JSON).
    """
    literal = encode_basestring(text)  # a line break and the other C0 controls escaped
    return literal if literal.isprintable() else _json_line(literal)


def _json_line(line: str) -> str:
    return "".join(c if _shown(c) or c == "\t" else _json_escape(c) for c in line)


def spreadsheet(text: str) -> str:
    """A CSV cell of text from a file: :func:`plain`, never read as a formula."""
    shown = plain(text)
    return "'" + shown if shown.startswith(_FORMULA_START) else shown


def quoted(text: str) -> str:
    """``text`` in double quotes, its ``\\`` and ``"`` backslash-escaped (then shown with
    the caller's escaping: :func:`plain`, :func:`markdown`)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
