"""The bottom line of every screen: its keys with their descriptions.

A light stand-in for Textual's ``Footer``: the keys of a screen and of the app
do not change with the focus here, so the keys are gathered once, which keeps
step transitions fast (the stock footer re-styles a widget per key on every
focus change). When they do not all fit, the line keeps as many as fit and
always ends with the key that lists them all (F1), so no key is out of reach.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

#: The key whose screen lists every key; it stays on the line when others are cut.
HELP_KEY = "f1"
MORE = "More keys"


class KeysBar(Static):
    """``⏎ Answer  esc Back  f3 Context …``, from the screen's and the app's bindings."""

    DEFAULT_CSS = """
    KeysBar { dock: bottom; height: 1; background: $panel; padding: 0 1; }
    """

    def on_mount(self) -> None:
        """Gather the keys once the screen's bindings are in place."""
        self._keys = shown_keys(self.app, self.screen)
        self.update(keys_line(self._keys, self.content_size.width))

    def on_resize(self, event: events.Resize) -> None:
        """Fit the line to the new width."""
        self.update(keys_line(self._keys, self.content_size.width))


def shown_keys(app: App, screen: Screen) -> list[tuple[str, str]]:
    """The shown bindings of ``screen`` and ``app`` as (key, description), each key once."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.show or not isinstance(active.node, Screen | App):
            continue
        key = app.get_key_display(binding)
        if key not in seen:
            seen.add(key)
            out.append((key, described(app, binding)))
    return out


def described(app: App, binding: Binding) -> str:
    """The binding's words, as the app may name them now (Escape in a case opened from
    the worklist returns to the worklist, so it says so)."""
    describe = getattr(app, "key_description", None)
    return describe(binding) if describe is not None else binding.description


def keys_line(keys: list[tuple[str, str]], width: int) -> Text:
    """All the keys if they fit in ``width`` (0: unknown yet), else those that fit, then F1."""
    shown = keys
    if 0 < width < _width(keys) and any(key == HELP_KEY for key, _ in keys):
        others = [(k, d) for k, d in keys if k != HELP_KEY]
        room = width - _width([(HELP_KEY, MORE)])
        shown = []
        for item in others:
            if _width([*shown, item]) > room:
                break
            shown.append(item)
        shown.append((HELP_KEY, MORE))
    out = Text(end="", no_wrap=True, overflow="ellipsis")
    for key, description in shown:
        out.append(f"{key} ", style="bold")
        out.append(f"{description}  ")
    return out


def _width(keys: list[tuple[str, str]]) -> int:
    return sum(cell_len(key) + cell_len(description) + 3 for key, description in keys)
