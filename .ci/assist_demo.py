"""CI: ``il2 assist --demo`` headless, built as the command builds it, to its first reviewed
screen; prints that screen's text and fails unless it names the demo patient and a category.

Run with the interpreter of the environment that installed the wheel.
"""

from __future__ import annotations

import asyncio
import html
import re
import sys

from il2tui.cli.assist import build_assistant

CATEGORY = re.compile(r"\b(CR|PR|MR|SD|PD)\b")


async def first_reviewed_screen() -> str:
    app = build_assistant(None, True)  # what `il2 assist --demo` runs
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):  # at most a minute: the first review imports the engine
            await pilot.pause(0.1)
            if app.current_review() is not None and not any(
                not worker.is_finished for worker in app.workers
            ):
                break
        else:
            sys.exit("il2 assist --demo: no review shown after a minute")
        await pilot.pause(0.2)
        svg = app.export_screenshot()
        name = type(app.screen).__name__
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.DOTALL)
    text = html.unescape("".join(lines)).replace("\xa0", " ")
    return f"{name}: {text}"


def main() -> None:
    text = asyncio.run(first_reviewed_screen())
    print(text[:400])
    if "Demo RCC-01" not in text or not CATEGORY.search(text):
        sys.exit("il2 assist --demo: the first reviewed screen names no demo patient or category")


if __name__ == "__main__":
    main()
