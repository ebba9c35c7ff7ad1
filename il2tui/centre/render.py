"""Print a cohort table for people (a Rich table that fits 80 columns, or Markdown) or for
scripts (CSV, JSON). Every cell is our own number or a fixed word: no file text is shown."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from il2tui.centre.tables import DX_WORDS, CohortTable

WIDTH = 80
#: The columns shown to people, per table: (column or pair of columns, heading).
SHOWN: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "transitions": [
        (("course",), "course"),
        (("state_before",), "before"),
        (("state_after",), "after"),
        (("patients", "treated"), "here"),
        (("percent",), "%"),
        (("series_patients", "series_treated"), "series"),
        (("series_percent",), "%"),
        (("p_value",), "p"),
    ],
    "response": [
        (("response",), "best"),
        (("patients", "total"), "here"),
        (("percent",), "%"),
        (("ci_low", "ci_high"), "95% CI"),
        (("series_patients", "series_total"), "series"),
        (("series_percent",), "%"),
        (("p_value",), "p"),
    ],
    "stops": [
        (("reason",), "reason"),
        (("courses_completed",), "courses"),
        (("patients", "total"), "here"),
        (("percent",), "%"),
        (("series_patients", "series_total"), "series"),
        (("series_percent",), "%"),
        (("p_value",), "p"),
    ],
    "durations": [
        (("response",), "resp."),
        (("patients",), "n"),
        (("progressed",), "ended"),
        (("median_months",), "median mo"),
        (("km_12_months",), "12 mo %"),
        (("km_24_months",), "24 mo %"),
        (("series_median_months",), "series median"),
    ],
}
#: Tables printed per diagnosis (one block each) rather than as one.
BY_DIAGNOSIS = ("transitions", "response", "durations")


def render(table: CohortTable, fmt: str, header: str) -> str:
    """The table as text in ``fmt`` (table, csv, json or markdown); ``header`` says what."""
    if fmt == "csv":
        return _csv(table)
    if fmt == "json":
        return _json(table, header)
    if fmt == "markdown":
        return _markdown(table, header)
    return _rich(table, header)


def _blank(value: Any) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def p_text(value: float) -> str:
    """A p value for people: 4 significant digits, 1 as ``1``, tiny ones as ``<0.0001``."""
    return "<0.0001" if value < 0.0001 else f"{value:.4g}"


def _cell(row: dict[str, Any], columns: tuple[str, ...]) -> str:
    values = [row[c] for c in columns]
    if any(_blank(v) for v in values):
        return "" if len(values) == 1 else "-"
    if columns == ("p_value",):
        return p_text(values[0])
    if columns == ("ci_low", "ci_high"):
        return f"{values[0]}-{values[1]}"
    return "/".join(str(v) for v in values)


def _blocks(table: CohortTable) -> list[tuple[str | None, list[dict[str, Any]]]]:
    rows = table.frame.to_dict("records")
    if table.name not in BY_DIAGNOSIS:
        return [(None, rows)]
    return [(words, [r for r in rows if r["diagnosis"] == dx]) for dx, words in DX_WORDS.items()]


def _csv(table: CohortTable) -> str:
    return table.frame.to_csv(index=False, lineterminator="\n", float_format="%.4g")


def _json(table: CohortTable, header: str) -> str:
    rows = json.loads(table.frame.to_json(orient="records", force_ascii=False))
    document = {
        "format": "il2-cohort/1",
        "table": table.name,
        "title": table.title,
        "source": header,
        "rows": rows,
        "notes": list(table.notes),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _markdown(table: CohortTable, header: str) -> str:
    lines = [f"## {table.title}", "", header, ""]
    shown = SHOWN[table.name]
    for words, rows in _blocks(table):
        if words:
            lines += [f"### {words}", ""]
        lines.append("| " + " | ".join(h for _, h in shown) + " |")
        lines.append("|" + "---|" * len(shown))
        lines += ["| " + " | ".join(_cell(r, c) for c, _ in shown) + " |" for r in rows]
        lines.append("")
    lines += [f"- {note}" for note in table.notes]
    return "\n".join(lines) + "\n"


def _rich(table: CohortTable, header: str) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        width=WIDTH, markup=False, highlight=False, emoji=False, record=True, file=_Null()
    )
    shown = SHOWN[table.name]
    for words, rows in _blocks(table):
        out = Table(*[h for _, h in shown], title=words, box=box.SIMPLE_HEAD, title_justify="left")
        for row in rows:
            out.add_row(*[Text(_cell(row, c)) for c, _ in shown])
        console.print(out)
    lines = [*_wrap(table.title, ""), *_wrap(header, "")]
    lines += [line.rstrip() for line in console.export_text().splitlines()]
    for note in table.notes:
        lines += _wrap(note, "- ")
    return "\n".join(lines) + "\n"


def _wrap(text: str, bullet: str) -> list[str]:
    return textwrap.wrap(
        text, WIDTH - 1, initial_indent=bullet, subsequent_indent=" " * len(bullet)
    )


class _Null:
    """A file that drops what Rich writes: the text is taken from the recording."""

    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        return None
