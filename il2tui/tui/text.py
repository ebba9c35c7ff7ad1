"""Text from users and files, made safe to show: literal, one line, no control codes.

Every label, site, note, reason and file name goes through :func:`clean` before it
reaches a widget, the transcript or a report, and into widgets only as a
:class:`rich.text.Text` (never as markup), so ``[bold]`` shows as typed and an
escape sequence shows as ``\\x1b`` instead of reaching the terminal.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text

#: Invisible format characters that reorder or hide text (bidi overrides and
#: isolates, zero-width joiners stay: they are harmless and part of some scripts).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean(value: object, limit: int | None = None) -> str:
    """``value`` as one line of visible text: control and bidi characters as escapes.

    ``limit`` cuts the result to that many characters, ending with an ellipsis.
    """
    text = "" if value is None else str(value)
    out = "".join(_visible(ch) for ch in text)
    if limit is not None and len(out) > limit:
        return out[: max(limit - 1, 0)] + "…"
    return out


def _visible(ch: str) -> str:
    if ch in _BIDI:
        return f"\\u{ord(ch):04x}"
    if unicodedata.category(ch) == "Cc":
        return f"\\x{ord(ch):02x}"
    return ch


def literal(value: object, style: str = "", limit: int | None = None) -> Text:
    """A :class:`Text` that shows ``value`` exactly as typed (no markup is parsed)."""
    return Text(clean(value, limit), style=style, end="")


def markdown_escape(value: object) -> str:
    """Cleaned text with Markdown's special characters escaped, for the report."""
    text = clean(value)
    for ch in "\\`*_{}[]()<>#+-.!|~":
        text = text.replace(ch, "\\" + ch)
    return text


def literal_lines(value: object, style: str = "") -> Text:
    """Like :func:`literal`, but line breaks are kept (each line cleaned on its own)."""
    out = Text(end="", style=style)
    for i, line in enumerate(("" if value is None else str(value)).split("\n")):
        if i:
            out.append("\n")
        out.append(clean(line))
    return out
