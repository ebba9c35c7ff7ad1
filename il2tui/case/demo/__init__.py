"""The built-in demo case: a renal cell cancer patient whose four courses exercise
several rules (MR after course 1, then PR confirmed, a CR, and a consolidation course).

It ships inside the package; front ends open it as a copy and never write it.
"""

from __future__ import annotations

from importlib import resources

from il2tui.case.files import parse_case
from il2tui.case.model import Case

DEMO_FILE = "renal_cell.json"
#: How the demo case is named in messages and reports.
DEMO_SOURCE = "demo case (renal cell cancer)"


def demo_case_text() -> str:
    """The demo case file's text, as shipped."""
    return resources.files(__package__).joinpath(DEMO_FILE).read_text(encoding="utf-8")


def demo_case() -> Case:
    """The demo case, validated."""
    return parse_case(demo_case_text(), source=DEMO_SOURCE)
