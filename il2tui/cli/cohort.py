"""``il2 cohort``: a centre's case files as the paper's Tables 2-5, beside the series.

Files are read as ``il2 review`` reads them (the same walk, the same error lines on
standard error, exit status 2 when one was not valid; the others still count).
pandas and SciPy are imported only when the command runs.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from il2tui.cli.common import EXIT_INVALID, echo, error_line, fail

if TYPE_CHECKING:
    from il2tui.centre.record import PatientRecord


class Table(StrEnum):
    """Which of the paper's tables to rebuild."""

    response = "response"
    transitions = "transitions"
    stops = "stops"
    durations = "durations"


class Format(StrEnum):
    """How to print it."""

    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


def cohort(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Folders of case files (il2-case/1), or files.", show_default=False),
    ] = None,
    table: Annotated[
        Table,
        typer.Option(
            "--table",
            "-t",
            help="response (Table 2), transitions (Tables 3 and 4), stops (Table 5), "
            "durations (response duration).",
        ),
    ] = Table.transitions,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="table or markdown for people; csv or json."),
    ] = Format.table,
    demo: Annotated[
        bool,
        typer.Option("--demo", help="Use the built-in SYNTHETIC series of 350 (not patients)."),
    ] = False,
) -> None:
    """Your centre against the series: Tables 2-5 rebuilt from a folder of case files."""
    from il2tui.centre.render import render
    from il2tui.centre.tables import TABLES

    if not paths and not demo:
        fail("il2 cohort: give a folder of case files (or files), or --demo")
    records, failed, header = _records(paths or [], demo)
    echo(render(TABLES[table.value](records), fmt.value, header), nl=False)
    if failed:
        raise typer.Exit(EXIT_INVALID)


def _records(paths: list[Path], demo: bool) -> tuple[list[PatientRecord], bool, str]:
    """Every readable case as a record; invalid files reported on standard error."""
    from il2tui.centre.record import patient_record
    from il2tui.cli.review_run import case_sources
    from il2tui.clinical.review import review_case
    from il2tui.core.errors import InputFileError

    records, failed, invalid = [], False, 0
    if demo:
        from il2tui.centre.synthetic import synthetic_cases

        records += [patient_record(case, review_case(case)) for _, case in synthetic_cases()]
    for _, load in case_sources(paths, demo=False):
        try:
            case = load()
            records.append(patient_record(case, review_case(case)))
        except InputFileError as exc:
            error_line(str(exc))
            failed, invalid = True, invalid + 1
    header = f"This centre: {len(records)} patients from case files"
    if demo:
        header = f"This centre: the SYNTHETIC demo series, {len(records)} generated cases"
    if invalid:
        header += f" ({invalid} file(s) not valid, left out: see standard error)"
    return records, failed, header + "; series: NCI Surgery Branch, J Clin Oncol 2000."
