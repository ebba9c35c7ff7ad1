"""Render the evidence base for the terminal (Rich) or for scripts (CSV, JSON)."""

from __future__ import annotations

import errno
import json
import os
import sys
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from il2tui.evidence import cohort, frame, table_names
from il2tui.evidence.answer import answer_json
from il2tui.evidence.arith import percent
from il2tui.evidence.intervals import upper_bound_none_seen
from il2tui.evidence.sections import CITATION, pages

if TYPE_CHECKING:
    import pandas as pd

    from il2tui.evidence.answer import CohortAnswer


COHORTS_FOOTNOTE = (
    "Only the states a column can record are listed: the tables record the best response "
    "so far (from a PR: PR or CR)."
)


class _Console(Console):
    """Rich's console, except that a reader gone is an error like any failed write.

    Rich's own answer to a broken pipe is to exit with status 1 and say nothing; every
    other output of ``il2`` says in one line that it could not be written.
    """

    def on_broken_pipe(self) -> None:
        """Raise the error for ``writing_output`` to report."""
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def _console() -> Console:
    return _Console(markup=False, highlight=False, emoji=False, soft_wrap=False)


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
    """Print one table in the chosen format; the table form fits the terminal's width."""
    df = frame(name)
    if fmt == "csv":
        sys.stdout.write(df.to_csv(index=False, lineterminator="\n"))
    elif fmt == "json":
        print(df.to_json(orient="records", indent=2, force_ascii=False))
    else:
        shown = df.drop(columns=[c for c in ("row_label", "column_label") if c in df])
        console = _console()
        if name == "cohorts":
            shown = _cohorts_long(shown)
        console.print(_fitted(console, shown, table_names()[name]))
        if name == "cohorts":
            console.print(Text(COHORTS_FOOTNOTE))
        console.print(
            Text(
                f"Source: {CITATION}. Row and column labels: --format csv. "
                "Pages: il2 evidence sections."
            )
        )


def _cohorts_long(df: pd.DataFrame) -> pd.DataFrame:
    """The cohorts one outcome a row (8 narrow columns instead of 18), recordable states only."""
    import pandas as pd

    rows = [
        {
            "diagnosis": r.diagnosis,
            "course": r.course,
            "before": r.state_before,
            "treated": r.treated,
            "after": s,
            "n": r[s],
            "%": r[f"{s}_pct"],
            "exact 95% CI": r[f"{s}_ci95"],
        }
        for _, r in df.iterrows()
        for s in ("CR", "PR", "MR", "NR")
        if not _blank(r[s])
    ]
    return pd.DataFrame(rows)


def _fitted(console: Console, df: pd.DataFrame, title: str) -> RenderableType:
    """A table when every cell's longest word fits at the console's width (Rich wraps the
    rest at spaces, never cutting a word); else one block per row, so no cell is cut."""
    longest = [
        max(_longest_word(_header(c)), *(_longest_word(v) for v in df[c])) for c in df.columns
    ]
    if sum(longest) + 3 * len(longest) + 1 <= console.width:
        return _rich_table(df, title, longest)
    return _records(df, title)


def _header(column: object) -> str:
    return str(column).replace("_", " ")


def _longest_word(value: object) -> int:
    words = ("" if _blank(value) else str(value)).split()
    return max((len(w) for w in words), default=0)


def _records(df: pd.DataFrame, title: str) -> RenderableType:
    """Each row as ``column  value`` lines, values wrapped, so nothing is cut at any width."""
    parts: list[RenderableType] = [Text(title, style="bold")]
    for number, row in enumerate(df.itertuples(index=False), start=1):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for column, value in zip(df.columns, row, strict=True):
            if not _blank(value) and str(value) != "":
                grid.add_row(Text(str(column), style="dim"), Text(str(value)))
        parts += [Text(f"— {number} of {len(df)}", style="bold"), grid]
    return Group(*parts)


def _rich_table(df: pd.DataFrame, title: str, widths: list[int] | None = None) -> Table:
    table = Table(title=title)
    for index, column in enumerate(df.columns):
        table.add_column(_header(column), min_width=widths[index] if widths else None)
    for row in df.itertuples(index=False):
        table.add_row(*[Text("" if _blank(v) else str(v)) for v in row])
    return table


def _blank(value: object) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, tuple | list) and bool(pd.isna(value)))


def print_lookup(diagnosis: str, course: int, state: str, fmt: str) -> None:
    """Print the cohort answer for one situation."""
    answer = cohort(diagnosis, course, state)
    if fmt == "json":
        print(answer_json(answer))
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
        bound = "if 0: exact one-sided 95% upper bound"
        table = Table("after the course", "patients", "%", "exact 95% CI", bound)
        for o in reversed(answer.outcomes):
            share = f"{percent(o.patients, answer.treated)}%"
            ci = f"{o.ci_low:.1%} to {o.ci_high:.1%}"
            upper = "" if o.patients else f"{upper_bound_none_seen(answer.treated):.1%}"
            table.add_row(o.state, f"{o.patients} of {answer.treated}", share, ci, upper)
        console.print(table)
    console.print(Text(f"Source: {_source(answer)}; {CITATION}."))
    for note in answer.notes:
        console.print(Text(f"Note: {note}"))


def _source(answer: CohortAnswer) -> str:
    """``Table 3, p. 1956, Response to courses 1 and 2, column PR ...``: the table named once."""
    table, _, rest = answer.source.partition(", ")
    key = "table3" if answer.diagnosis == "melanoma" else "table4"
    return ", ".join(part for part in (table, pages(key), rest) if part)
