"""Start one app headless and print READY when its first screen takes input, then exit.

Run as ``python bench/ready_probe.py minimal|assist``; bench/run.py times it from
the moment it starts the process to the moment READY arrives.
"""

from __future__ import annotations

import sys


def _minimal_app():
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Input

    class Minimal(App):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Input(placeholder="type here")
            yield Footer()

    return Minimal()


def _assist_app():
    from il2tui.tui.app import make_app

    return make_app(demo=True)


async def _until_ready(pilot) -> None:
    for _ in range(2000):  # bounded: about 10 s at most
        if pilot.app.focused is not None:
            break
        await pilot.pause(0.005)
    await pilot.pause()  # let the first frame with the focused widget be rendered
    print("READY", flush=True)
    pilot.app.exit()


def main() -> None:
    kind = sys.argv[1]
    app = _minimal_app() if kind == "minimal" else _assist_app()
    app.run(headless=True, size=(100, 30), auto_pilot=_until_ready)


if __name__ == "__main__":
    main()
