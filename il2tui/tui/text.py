"""Text from users and files, made safe to show: literal, one line, no control codes.

Every label, site, note, reason and file name goes through :func:`clean` (the
engine's :func:`il2tui.core.textsafe.plain`) before it
reaches a widget, the transcript or a report, and into widgets only as a
:class:`rich.text.Text` (never as markup), so ``[bold]`` shows as typed and an
escape sequence shows as ``\\x1b`` instead of reaching the terminal.
"""

from __future__ import annotations

from rich.text import Text

from il2tui.core.textsafe import markdown, plain


def clean(value: object, limit: int | None = None) -> str:
    """``value`` as visible text: control and bidi characters as escapes (the engine's rule).

    ``limit`` cuts the result to that many characters, ending with an ellipsis.
    """
    out = plain("" if value is None else str(value))
    if limit is not None and len(out) > limit:
        return out[: max(limit - 1, 0)] + "…"
    return out


def literal(value: object, style: str = "", limit: int | None = None) -> Text:
    """A :class:`Text` that shows ``value`` exactly as typed (no markup is parsed)."""
    return Text(clean(value, limit), style=style, end="")


def markdown_escape(value: object) -> str:
    """Text for a Markdown report line, escaped by the engine's rule (nothing is interpreted)."""
    return markdown("" if value is None else str(value))


def paragraphs(*values: object) -> Text:
    """Each value on its own line, cleaned like :func:`literal` (a line break in a value
    shows as ``\\x0a``: only the values themselves start new lines)."""
    return Text("\n").join(literal(value) for value in values)
