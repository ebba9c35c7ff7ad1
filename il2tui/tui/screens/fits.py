"""Below the smallest usable terminal, a screen shows a plain notice and waits.

Every screen of the assistant mixes in :class:`Fits`. When the terminal is
narrower or shorter than :data:`MIN_WIDTH` × :data:`MIN_HEIGHT`, the screen's
widgets are hidden (not laid out at all: Textual itself fails to wrap text at a
width of zero; a hidden field takes no keys) and a notice takes their place,
so nothing is typed or answered blind; the screen's own keys are off (the
app's, such as ctrl+q and ctrl+s, still work). The widgets are hidden, never rebuilt: once the
terminal is large enough again they come back and the focus returns where it
was, with everything typed still there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.geometry import Size
from textual.widgets import Static

from il2tui.tui.screens.styled import StyledOnce

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget

#: The baseline's lesion table needs 60 columns; 16 rows show a question and its form.
MIN_WIDTH, MIN_HEIGHT = 60, 16


class TooSmall(Static):
    """The notice: how large the terminal is, and how large it must be."""

    DEFAULT_CSS = """
    TooSmall {
        layer: notice; dock: top; width: 100%; height: 100%;
        background: $background; color: $text; padding: 0 1;
    }
    """

    def show_size(self, size: Size) -> None:
        """Say how large the terminal is now."""
        self.update(
            Text(
                f"Terminal too small ({size.width} × {size.height}): make it at least "
                f"{MIN_WIDTH} × {MIN_HEIGHT} to go on. Nothing you typed is lost. "
                "ctrl+q quits."
            )
        )


class Fits(StyledOnce):
    """Mixin for the assistant's screens: the too-small notice (see the module); every
    screen is also styled once as it is mounted (:class:`StyledOnce`)."""

    _notice: TooSmall | None = None
    _before_notice: Widget | None = None
    _hidden: tuple[Widget, ...] = ()

    @property
    def too_small(self) -> bool:
        """True while the notice covers the screen."""
        return self._notice is not None

    def on_mount(self) -> None:
        """Check the size the screen opens at."""
        self.fit(self._screen.app.size)

    def on_screen_resume(self) -> None:
        """The terminal may have changed size while another screen was on top."""
        self.fit(self._screen.app.size)

    @property
    def _screen(self) -> Screen[Any]:
        return self  # type: ignore[return-value]

    def fit(self, size: Size) -> None:
        """Show or hide the notice for a terminal of ``size``.

        The app calls this on every screen of its stack as soon as the terminal is
        resized, before Textual lays the screens out at the new size.
        """
        screen, notice = self._screen, self._notice
        if size.width < MIN_WIDTH or size.height < MIN_HEIGHT:
            if notice is None:
                self._before_notice, notice = screen.focused, TooSmall()
                self._notice = notice
                self._hidden = tuple(w for w in screen.children if w.display)
                for widget in self._hidden:
                    widget.display = False
                screen.mount(notice)
            notice.show_size(size)
        elif notice is not None:
            self._notice = None
            notice.remove()
            for widget in self._hidden:
                widget.display = True
            self._hidden = ()
            before = self._before_notice
            if before is not None and before.is_attached:
                screen.call_after_refresh(before.focus)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The screen's keys are off while the notice shows."""
        return not self.too_small
