"""The bottom line of every screen: its keys with their descriptions.

A light stand-in for Textual's ``Footer``: the keys of a screen and of the app
do not change with the focus here, so the line is built once, which keeps
step transitions fast (the stock footer re-styles a widget per key on every
focus change).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static


class KeysBar(Static):
    """``⏎ Answer  esc Back  f3 Context …``, from the screen's and the app's bindings."""

    DEFAULT_CSS = """
    KeysBar { dock: bottom; height: 1; background: $panel; padding: 0 1; }
    """

    def on_mount(self) -> None:
        """Build the line once the screen's bindings are in place."""
        self.update(keys_line(self.app, self.screen))


def keys_line(app: App, screen: Screen) -> Text:
    """The shown bindings of ``screen`` and ``app``, each key once, screen first."""
    out = Text(end="", no_wrap=True, overflow="ellipsis")
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.show or not isinstance(active.node, Screen | App):
            continue
        key = app.get_key_display(binding)
        if key in seen:
            continue
        seen.add(key)
        out.append(f"{key} ", style="bold")
        out.append(f"{binding.description}  ")
    return out
