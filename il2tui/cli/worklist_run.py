"""``il2 review DIR --format worklist`` (and ``worklist-csv``, ``worklist-json``): one row per
case file, sorted by what needs attention first.

The files are found as ``il2 review`` finds them; a file that cannot be read is a row of
the list (with the reason) and also one line on standard error, and the exit status is 2.
"""

from __future__ import annotations

from pathlib import Path

from il2tui.case.files import case_files
from il2tui.cli.common import echo, error_line, read_clinic_files
from il2tui.clinical.worklist import WorklistRow, attention, read_row, review_row
from il2tui.core import clock


def run_worklist(
    paths: list[Path],
    fmt: str,
    guideline_path: Path | None,
    demo: bool,
    assumptions_path: Path | None = None,
) -> bool:
    """Print the worklist of the files; return True when some file could not be read."""
    from il2tui.report import worklist as render

    guideline, assumptions = read_clinic_files(guideline_path, assumptions_path)
    rows: list[WorklistRow] = []
    if demo:
        from il2tui.case.demo import DEMO_SOURCE, demo_case

        rows.append(review_row(DEMO_SOURCE, demo_case(), guideline, assumptions))
    rows += [read_row(path, guideline, assumptions) for path in case_files(paths)]
    for row in rows:
        if row.problem is not None:
            error_line(f"{row.source}: {row.problem}")
    today = clock.today()
    rows.sort(key=lambda row: attention(row, today))
    if fmt == "worklist-csv":
        text = render.render_worklist_csv(rows, today)
    elif fmt == "worklist-json":
        text = render.render_worklist_json(rows, today)
    else:
        where = ", ".join(str(p) for p in paths) or "the demo case"
        text = render.render_worklist_text(rows, today, f"Worklist of {where}")
    echo(text, nl=False)
    return any(row.problem is not None for row in rows)
