"""One value out of a few, changed with the arrow keys: sex, ECOG, method, unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class Choice(Widget, can_focus=True):
    """Shows ``‹ value ›``; left and right (or space) move through the options."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,space", "move(1)", "Next option", show=False),
        Binding("left", "move(-1)", "Previous option", show=False),
    ]
    DEFAULT_CSS = """
    Choice { width: auto; height: 1; min-width: 8; padding: 0 1; }
    Choice:focus { background: $accent 40%; }
    """
    index: reactive[int] = reactive(0)

    class Changed(Message):
        """The value changed."""

        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

        @property
        def control(self) -> Choice:
            """The choice that changed."""
            return self.choice

    def __init__(
        self, options: Sequence[tuple[str, str]], value: str | None = None, **kwargs: object
    ) -> None:
        """``options`` are ``(value, label)`` pairs; ``value`` selects one (else the first)."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.options = list(options)
        values = [v for v, _ in self.options]
        self.set_reactive(Choice.index, values.index(value) if value in values else 0)

    @property
    def value(self) -> str:
        """The chosen value."""
        return self.options[self.index][0]

    @value.setter
    def value(self, new: str) -> None:
        self.index = [v for v, _ in self.options].index(new)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the longest option, so every option shows whole and nothing moves."""
        return max(len(f"‹ {label} ›") for _, label in self.options)

    def render(self) -> Text:
        """The chosen label between arrows."""
        return Text(f"‹ {self.options[self.index][1]} ›", end="", no_wrap=True)

    def action_move(self, step: int) -> None:
        """Go to the next or previous option, wrapping around."""
        self.index = (self.index + step) % len(self.options)

    def watch_index(self) -> None:
        """Tell the form."""
        self.post_message(self.Changed(self))
