"""The worklist in words: the cells the assistant's table shows, a text table at 80 columns,
and CSV and JSON (format ``il2-worklist/1``) for a clinic to print or feed elsewhere.

Rows come from :mod:`il2tui.clinical.worklist`; text from the files (labels, file
names, reasons) is escaped like every other output.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Sequence
from datetime import date

from il2tui.clinical.wording import recommendation_cell
from il2tui.clinical.worklist import RESTAGING_DAYS, Due, WorklistRow
from il2tui.core.textsafe import json_safe, plain, spreadsheet

WORKLIST_FORMAT = "il2-worklist/1"
#: The columns of the table, in order: key and heading.
COLUMNS = (
    ("label", "Label"),
    ("diagnosis", "Diagnosis"),
    ("course", "Last course"),
    ("latest", "Latest"),
    ("guideline", "Guideline"),
    ("decision", "Decision"),
    ("due", "Due next"),
    ("flags", "Flags"),
)
DIAGNOSIS = {"melanoma": "melanoma", "renal_cell": "renal cell"}
DECISION = {"none": "—", "to_decide": "to decide", "stale": "changed since decision"}
DUE_WORDS = {
    "restaging": "restaging",
    "confirmation": "confirm {category}",
    "decision": "decision",
    "baseline": "baseline to enter",
    "course": "course {course}",
}
FOOTNOTE = (
    "+N: N more things are due (worklist-csv and worklist-json list them). Assumed "
    f"(restaging_60_days): a restaging is due {RESTAGING_DAYS} days after the first dose of "
    "the course, as the series restaged about two months after treatment; a PR or CR can be "
    "confirmed 28 days after it was first seen (confirmation_28_days)."
)
CSV_COLUMNS = (
    "source",
    "label",
    "diagnosis",
    "course",
    "course_start",
    "category",
    "confirmed",
    "recommendation",
    "stop_reason",
    "rule",
    "decision",
    "decision_status",
    "due",
    "due_course",
    "due_date",
    "overdue",
    "also_due",
    "ineligible",
    "problem",
)


def cells(row: WorklistRow, today: date) -> dict[str, str]:
    """What each column shows for ``row`` (plain text; the caller escapes it for its medium)."""
    if row.problem is not None:
        return dict.fromkeys((k for k, _ in COLUMNS), "") | {
            "label": row.name,
            "due": "fix the file",
            "flags": f"UNREADABLE: {row.problem}",
        }
    return {
        "label": row.label or "(no label)",
        "diagnosis": DIAGNOSIS.get(row.diagnosis or "", "—"),
        "course": f"{row.course}, {row.course_start}" if row.course else "none yet",
        "latest": latest(row),
        "guideline": guideline(row),
        "decision": decision(row),
        "due": due_text(row.next_due, today) + _more(row),
        "flags": flags(row),
    }


def _more(row: WorklistRow) -> str:
    """`` +1`` when more than one thing is due (the CSV and JSON list them)."""
    return f" +{len(row.due) - 1}" if len(row.due) > 1 else ""


def latest(row: WorklistRow) -> str:
    """``PR awaiting``, ``CR confirmed``, ``SD``; ``not restaged`` before any evaluation."""
    if row.category is None:
        return "not restaged" if row.course else "—"
    if row.confirmed is None:
        return row.category
    return f"{row.category} {'confirmed' if row.confirmed else 'awaiting'}"


def guideline(row: WorklistRow) -> str:
    """``retreat``, ``stop: PD`` ...: the guideline's words, as the summary's timeline has them."""
    if row.recommendation is None:
        return "—"
    return recommendation_cell(row.recommendation, row.stop_reason)


def decision(row: WorklistRow) -> str:
    """``to decide``, ``retreat``, ``stop (differs)``, ``changed since decision``."""
    status = row.decision_status
    if status in DECISION:
        return DECISION[status]
    return f"{row.decision} (differs)" if status == "differs" else str(row.decision)


def due_text(due: Due | None, today: date) -> str:
    """``restaging 2026-05-01``, ``decision since 2026-03-04``, ``course 3``; ``—``."""
    if due is None:
        return "—"
    words = DUE_WORDS[due.kind].format(category=due.category, course=due.course)
    if due.on is None:
        return words
    when = f"since {due.on}" if due.kind == "decision" else str(due.on)
    late = ", overdue" if due.kind != "decision" and due.on < today else ""
    return f"{words} {when}{late}"


def flags(row: WorklistRow) -> str:
    """``ineligible: cns metastases`` and the like; empty when nothing is flagged."""
    if row.problem is not None:
        return f"UNREADABLE: {row.problem}"
    if not row.ineligible:
        return ""
    return "ineligible: " + ", ".join(i.replace("_", " ") for i in row.ineligible)


def render_worklist_text(rows: Sequence[WorklistRow], today: date, title: str) -> str:
    """A text table at 80 columns, two lines a case, and the flags (ineligible, unreadable
    with the reason) on the lines after."""
    out = [*textwrap.wrap(plain(title), 80), f"As of {today}: {_counts(rows)}", ""]
    out += [_line1(_HEADINGS), _line2(_HEADINGS)]
    out += ["  Flags (ineligible; unreadable, with the reason), when any", "-" * 80]
    for row in rows:
        shown = {k: plain(v) for k, v in cells(row, today).items()}
        out.append(_line1(shown))
        if row.problem is None:
            out.append(_line2(shown))
        if shown["flags"]:
            out += textwrap.wrap(shown["flags"], 78, initial_indent="  ", subsequent_indent="    ")
    out += ["", *textwrap.wrap(FOOTNOTE, 80)]
    return "\n".join(line.rstrip() for line in out) + "\n"


_HEADINGS = dict(COLUMNS)
_WIDTHS1 = (("label", 20), ("diagnosis", 11), ("course", 15), ("latest", 14), ("guideline", 16))
_WIDTHS2 = (("decision", 23), ("due", 54))


def _line1(values: dict[str, str]) -> str:
    return " ".join(_fit(values[k], w) for k, w in _WIDTHS1)


def _line2(values: dict[str, str]) -> str:
    return "  " + " ".join(_fit(values[k], w) for k, w in _WIDTHS2)


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def _counts(rows: Sequence[WorklistRow]) -> str:
    bad = sum(r.problem is not None for r in rows)
    text = f"{len(rows)} case file{'s' if len(rows) != 1 else ''}"
    return text + (f", {bad} unreadable" if bad else "")


def record(row: WorklistRow, today: date) -> dict[str, object]:
    """One row as plain values, for CSV and JSON."""
    due = row.next_due
    return {
        "source": row.source,
        "label": row.label,
        "diagnosis": row.diagnosis,
        "course": row.course,
        "course_start": _iso(row.course_start),
        "category": row.category,
        "confirmed": row.confirmed,
        "recommendation": row.recommendation,
        "stop_reason": row.stop_reason,
        "rule": row.rule,
        "decision": row.decision,
        "decision_status": row.decision_status,
        "due": due.kind if due else None,
        "due_course": due.course if due else None,
        "due_date": _iso(due.on) if due else None,
        "overdue": bool(due and due.on and due.kind != "decision" and due.on < today),
        "also_due": [f"{d.kind} {_iso(d.on) or ''}".strip() for d in row.due[1:]],
        "ineligible": list(row.ineligible),
        "problem": row.problem,
    }


def render_worklist_csv(rows: Sequence[WorklistRow], today: date) -> str:
    """A header line, then one line per case file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(_csv_cell(k, v) for k, v in record(row, today).items())
    return buffer.getvalue()


def _csv_cell(key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = ";".join(value)
    text = str(value)
    return spreadsheet(text) if key in ("source", "label", "problem") else plain(text)


def render_worklist_json(rows: Sequence[WorklistRow], today: date) -> str:
    """``{"format": "il2-worklist/1", "as_of": ..., "rows": [...]}``."""
    document = {
        "format": WORKLIST_FORMAT,
        "as_of": today.isoformat(),
        "assumption": "restaging_60_days",
        "rows": [record(row, today) for row in rows],
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
