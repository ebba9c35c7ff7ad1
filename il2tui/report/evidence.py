"""Render the evidence base for the terminal (Rich) or for scripts (CSV, JSON)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from il2tui.evidence import cite, cohort, frame, table_names
from il2tui.evidence.arith import percent
from il2tui.evidence.sections import CITATION

if TYPE_CHECKING:
    import pandas as pd

    from il2tui.evidence.answer import CohortAnswer


def _console() -> Console:
    return Console(markup=False, highlight=False, emoji=False, soft_wrap=False)


def print_table_list(fmt: str) -> None:
    """List the tables by name."""
    names = table_names()
    if fmt == "json":
        print(json.dumps(names, indent=2))
    elif fmt == "csv":
        print("name,description")
        for name, text in names.items():
            print(f'{name},"{text}"')
    else:
        table = Table("name", "what it holds", title=f"Evidence base: {CITATION}")
        for name, text in names.items():
            table.add_row(Text(name), Text(text))
        _console().print(table)
        print("Print one with: il2 evidence NAME [--format table|csv|json]")


def print_table(name: str, fmt: str) -> None:
    """Print one table in the chosen format."""
    df = frame(name)
    if fmt == "csv":
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    elif fmt == "json":
        print(df.to_json(orient="records", indent=2, force_ascii=False))
    else:
        shown = df.drop(columns=[c for c in ("row_label", "column_label") if c in df])
        _console().print(_rich_table(shown, table_names()[name]))
        print(
            f"Source: {CITATION}. Row and column labels: --format csv. "
            "Pages: il2 evidence sections."
        )


def _rich_table(df: pd.DataFrame, title: str) -> Table:
    table = Table(*[str(c) for c in df.columns], title=title)
    for row in df.itertuples(index=False):
        table.add_row(*[Text("" if _blank(v) else str(v)) for v in row])
    return table


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def print_lookup(diagnosis: str, course: int, state: str, fmt: str) -> None:
    """Print the cohort answer for one situation."""
    answer = cohort(diagnosis, course, state)
    if fmt == "json":
        print(answer.model_dump_json(indent=2))
    elif fmt == "csv":
        _lookup_csv(answer)
    else:
        _lookup_table(answer)


def _lookup_csv(answer: CohortAnswer) -> None:
    print("diagnosis,course,state_before,treated,state_after,patients,proportion,ci_low,ci_high")
    for o in answer.outcomes:
        print(
            f"{answer.diagnosis},{answer.course},{answer.state},{answer.treated},"
            f"{o.state},{o.patients},{o.proportion:.6f},{o.ci_low:.6f},{o.ci_high:.6f}"
        )


def _lookup_table(answer: CohortAnswer) -> None:
    console = _console()
    console.print(Text(answer.message))
    if answer.has_data:
        table = Table("after the course", "patients", "%", "exact 95% CI", "note")
        for o in reversed(answer.outcomes):
            share = f"{percent(o.patients, answer.treated)}%"
            ci = f"{o.ci_low:.1%} to {o.ci_high:.1%}"
            table.add_row(o.state, f"{o.patients} of {answer.treated}", share, ci, o.note or "")
        console.print(table)
    console.print(Text(f"Source: {answer.source} ({cite(_table_key(answer))}); {CITATION}."))
    for note in answer.notes:
        console.print(Text(f"Note: {note}"))


def _table_key(answer: CohortAnswer) -> str:
    return "table3" if answer.diagnosis == "melanoma" else "table4"
