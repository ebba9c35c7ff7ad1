"""Start one app headless and print READY when its first screen takes input, then exit.

Run as ``python bench/ready_probe.py minimal|start|demo``; bench/run.py times it from
the moment it starts the process to the moment READY arrives.
"""

from __future__ import annotations

import sys


def _minimal_app():
    from minimal_app import Minimal

    return Minimal()


def _assist_app(demo: bool):
    import il2tui.cli.launch  # noqa: F401  (the il2 console script's entry point)
    from il2tui.cli.assistant import build_assistant

    return build_assistant(None, demo)


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
    app = _minimal_app() if kind == "minimal" else _assist_app(demo=kind == "demo")
    app.run(headless=True, size=(100, 30), auto_pilot=_until_ready)


if __name__ == "__main__":
    main()
