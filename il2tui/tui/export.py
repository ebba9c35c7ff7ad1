"""The exported report: the engine's Markdown review, then the transcript.

The report is written beside the case file (``case-….json`` gives
``case-…-report.md``), atomically and readable by its owner only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from il2tui.tui.text import markdown_escape

if TYPE_CHECKING:
    from il2tui.clinical.model import Review
    from il2tui.tui.transcript import Entry

_SPEAKER = {"assistant": "Assistant", "clinician": "Clinician", "result": "Result"}


def report_path(case_path: Path) -> Path:
    """Where the report of a case file goes."""
    return case_path.with_name(f"{case_path.stem}-report.md")


def report_text(review: Review, entries: Sequence[Entry], source: str) -> str:
    """The whole review (the engine's Markdown) and the transcript."""
    from il2tui.report.to_markdown import render_markdown

    lines = [render_markdown(review, source).rstrip(), "", "## Transcript", ""]
    for entry in entries:
        lines.append(f"- **{_SPEAKER[entry.role]}:** {markdown_escape(entry.text)}")
    return "\n".join(lines) + "\n"


def write_report(case_path: Path, review: Review, entries: Sequence[Entry]) -> Path:
    """Write the report beside the case file and return its path."""
    from il2tui.core.storage import atomic_write_text

    path = report_path(case_path)
    atomic_write_text(path, report_text(review, entries, case_path.name))
    return path
