"""``il2 review`` and ``il2 schema``: the clinical engine without screens (no Textual).

Files are only ever read. A file that is not a valid case gives one line on
standard error naming the file and the field path, and exit status 2; the other
files are still reviewed.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from il2tui.cli.common import EXIT_INVALID, echo, fail
from il2tui.cli.options import AssumptionsOption, GuidelineOption
from il2tui.cli.review_any import run_reviews


class Format(StrEnum):
    """How to print the reviews."""

    text = "text"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    worklist = "worklist"
    worklist_csv = "worklist-csv"
    worklist_json = "worklist-json"


def review(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Case files (il2-case/1) or folders of them.", show_default=False),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="text and markdown for people, json (il2-review/1) for scripts, "
            "csv for a one-row-per-course audit table; worklist (a table at 80 columns), "
            "worklist-csv and worklist-json for one row per case file, what needs attention "
            "first.",
        ),
    ] = Format.text,
    guideline: GuidelineOption = None,
    assumptions: AssumptionsOption = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Review the built-in demo case (renal cell cancer).")
    ] = False,
) -> None:
    """Classify responses and review retreatment decisions in case files."""
    if not paths and not demo:
        fail("il2 review: give one or more case files, a folder of them, or --demo")
    if run_reviews(paths or [], fmt.value, guideline, demo, assumptions):
        raise typer.Exit(EXIT_INVALID)


def schema() -> None:
    """Print the JSON Schema of the case-file format il2-case/1."""
    from il2tui.case.checked import FORMAT, Case

    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:il2tui:{FORMAT}",
        **Case.model_json_schema(),
        "title": FORMAT,
    }
    echo(json.dumps(document, indent=2, ensure_ascii=False))
