"""Citations: a section or table key of the paper as "Discussion, pp. 1957-1958"."""

from __future__ import annotations

from functools import cache

from il2tui.evidence.loader import load
from il2tui.evidence.rows import SectionRow

CITATION = "J Clin Oncol 2000;18(9):1954-1959"


@cache
def _sections() -> dict[str, SectionRow]:
    return {row.key: row for row in load("sections")}  # type: ignore[attr-defined,misc]


def cite(key: str) -> str:
    """Label and page(s) of a section key from ``data/sections.csv``; unknown keys fail."""
    try:
        row = _sections()[key]
    except KeyError:
        raise KeyError(f"{key!r} is not a section of data/sections.csv") from None
    prefix = "pp." if "-" in row.pages else "p."
    return f"{row.label}, {prefix} {row.pages}"


def section_keys() -> tuple[str, ...]:
    """Every citable key."""
    return tuple(_sections())


def pages(key: str) -> str:
    """``p. 1956`` or ``pp. 1957-1958`` for a section key (for a source that names its table)."""
    return cite(key).rsplit(", ", 1)[1]


def sentence(text: str) -> str:
    """``text`` ending in one full stop: none is added after ``.``, ``?`` or ``!``."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."
