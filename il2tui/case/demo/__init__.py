"""The built-in demo case: a renal cell cancer patient whose four courses exercise
several rules (MR after course 1, then PR confirmed, a CR, and a consolidation course).

It ships inside the package, next to this module (found as :mod:`il2tui.core.resources`
finds the shipped data); front ends open it as a copy and never write it.
"""

from __future__ import annotations

from pathlib import Path

from il2tui.case.files import parse_case
from il2tui.case.model import Case

DEMO_FILE = "renal_cell.json"
#: How the demo case is named in messages and reports.
DEMO_SOURCE = "demo case (renal cell cancer)"


def demo_case_text() -> str:
    """The demo case file's text, as shipped."""
    return Path(__file__).with_name(DEMO_FILE).read_text(encoding="utf-8")


def demo_case() -> Case:
    """The demo case, validated."""
    return parse_case(demo_case_text(), source=DEMO_SOURCE)
