"""``il2 evidence``: the paper's tables, facts and discrepancies (no Textual).

``csv`` and ``json`` go to standard output as plain text for scripts; ``table``
is a Rich table for people. Data text is always shown literally.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from il2tui.cli.common import fail, writing_output


class Format(StrEnum):
    """Output formats of ``il2 evidence``."""

    table = "table"
    csv = "csv"
    json = "json"


class State(StrEnum):
    """The patient's state before the course."""

    none = "none"
    NR = "NR"
    MR = "MR"
    PR = "PR"
    CR = "CR"


class Dx(StrEnum):
    """The diagnoses of the series."""

    melanoma = "melanoma"
    renal_cell = "renal_cell"


def evidence(
    name: Annotated[
        str | None,
        typer.Argument(
            help="A table to print (see the list without NAME), or 'lookup' for a cohort.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table for people; csv or json for scripts.")
    ] = Format.table,
    diagnosis: Annotated[
        Dx | None, typer.Option(help="lookup: the patient's diagnosis.", show_default=False)
    ] = None,
    course: Annotated[
        int | None,
        typer.Option(help="lookup: the course about to be given (1, 2, ...).", show_default=False),
    ] = None,
    state: Annotated[
        State,
        typer.Option(help="lookup: best response after the previous courses; none before 1."),
    ] = State.none,
) -> None:
    """Print the NCI Surgery Branch series' tables with their provenance."""
    with writing_output():
        _print(name, fmt, diagnosis, course, state)


def _print(
    name: str | None, fmt: Format, diagnosis: Dx | None, course: int | None, state: State
) -> None:
    from il2tui.report import evidence as render

    if name is None:
        render.print_table_list(fmt.value)
    elif name == "lookup":
        if diagnosis is None or course is None:
            fail("il2 evidence lookup: --diagnosis and --course are required")
        if course < 1:
            fail(
                "il2 evidence lookup: --course must be 1 or more "
                f"(the course about to be given), not {course}"
            )
        render.print_lookup(diagnosis.value, course, state.value, fmt.value)
    else:
        from il2tui.evidence import table_names

        if name not in table_names():
            fail(f"il2 evidence: no table {name!r}; choose one of {', '.join(table_names())}")
        render.print_table(name, fmt.value)
