"""A new screen's widgets are styled once, as they are mounted, and not twice more.

Textual styles every widget as it is mounted, then styles the whole screen again
when the screen is first shown (its ``ScreenResume`` event), and again when the
first resize gives the screen its breakpoint class (``-narrow``, ``-wide``).
Nothing has changed in between for a screen just made, and that styling was about a
fifth of the CPU time of every step transition. :class:`StyledOnce` takes the
breakpoint class before the widgets are composed (the first resize then changes
nothing) and skips the first resume's restyle. A screen shown again (an overlay
closed above it) is restyled as Textual does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.screen import Screen


class StyledOnce:
    """Mixin for the assistant's screens (see the module)."""

    _resumed = False

    def on_compose(self) -> None:
        """Take the breakpoint class for the terminal's width before any widget is mounted."""
        screen: Screen[Any] = self  # type: ignore[assignment]
        breakpoints = screen.HORIZONTAL_BREAKPOINTS or []
        width = screen.app.size.width
        current = screen._get_breakpoint_classes(width, breakpoints)  # Textual's own rule
        screen.update_classes({name: name in current for _, name in breakpoints}, animate=False)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time the screen is shown, its widgets' styles are those just applied."""
        if not self._resumed:
            self._resumed, event.refresh_styles = True, False
