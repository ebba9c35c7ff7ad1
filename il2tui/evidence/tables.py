"""The printable tables of the evidence base, each as a pandas DataFrame with provenance."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec

from il2tui.evidence.arith import percent
from il2tui.evidence.loader import load

if TYPE_CHECKING:
    import pandas as pd

TEMPO_COLUMNS = ["diagnosis", "course", "state_before", "state_after", "patients"]


@dataclass(frozen=True)
class TableSpec:
    """A named table: what it is and how to build it."""

    description: str
    build: Callable[[], pd.DataFrame]


PROVENANCE = ["table", "row_label", "column_label"]


def _rows(key: str) -> pd.DataFrame:
    """The rows of one data file, with the provenance columns last."""
    import pandas as pd

    df = pd.DataFrame([msgspec.to_builtins(row) for row in load(key)])
    return df[[c for c in df.columns if c not in PROVENANCE] + [c for c in PROVENANCE if c in df]]


def _characteristics() -> pd.DataFrame:
    df = _rows("characteristics")
    totals = df[df.characteristic == "Total patients"].set_index("diagnosis").patients
    df["percent_recomputed"] = [
        int(percent(n, totals[d], 0)) for n, d in zip(df.patients, df.diagnosis, strict=True)
    ]
    return df


def _response() -> pd.DataFrame:
    df = _rows("response")
    totals = df[df.measure == "patients"].set_index("diagnosis").patients
    df["percent_recomputed"] = [
        None if m == "patients" else str(percent(n, totals[d], 1))
        for n, d, m in zip(df.patients, df.diagnosis, df.measure, strict=True)
    ]
    df["note"] = [
        f"printed {p}, recomputed {r}: see discrepancy D5" if _both_text(p, r) and p != r else ""
        for p, r in zip(df.percent_printed, df.percent_recomputed, strict=True)
    ]
    return df


def _tempo() -> pd.DataFrame:
    import pandas as pd

    return pd.concat([_rows("tempo_melanoma"), _rows("tempo_renal_cell")], ignore_index=True)[
        TEMPO_COLUMNS
    ]


def _cohorts() -> pd.DataFrame:
    """One row per cohort; a state its column cannot record (from a PR: NR, MR) is blank."""
    import pandas as pd

    from il2tui.evidence.answer import STATES_AFTER
    from il2tui.evidence.lookup import best_so_far_note, cohort

    keys = _tempo()[["diagnosis", "course", "state_before"]].drop_duplicates()
    records = []
    for diagnosis, course, state in keys.itertuples(index=False):
        answer = cohort(diagnosis, int(course), state)
        record: dict[str, object] = {"diagnosis": diagnosis, "course": course}
        record |= {"state_before": state, "treated": answer.treated}
        found = {o.state: o for o in answer.outcomes}
        for s in STATES_AFTER:
            o = found.get(s)
            record[s] = o.patients if o else None
            record[f"{s}_pct"] = str(percent(o.patients, answer.treated, 1)) if o else None
            record[f"{s}_ci95"] = f"{o.ci_low:.1%}-{o.ci_high:.1%}" if o else None
        record["source"] = answer.source
        record["note"] = best_so_far_note(state) or ""
        records.append(record)
    return pd.DataFrame(records, dtype=object)  # object: a blank stays None, a count an int


def _discrepancies() -> pd.DataFrame:
    df = _rows("discrepancies")
    df["sides"] = [
        "; ".join(f"{s['source']}: {s['claim']} = {s['value']}" for s in sides)
        for sides in df.sides
    ]
    df["affects"] = [", ".join(a) for a in df.affects]
    return df


TABLES: dict[str, TableSpec] = {
    "characteristics": TableSpec("Table 1: patient characteristics", _characteristics),
    "response": TableSpec("Table 2: responses by diagnosis", _response),
    "tempo": TableSpec("Tables 3 and 4: response to successive courses", _tempo),
    "treated": TableSpec(
        "Tables 3 and 4: patients treated with each course", lambda: _rows("treated")
    ),
    "cohorts": TableSpec("Derived: every cohort of Tables 3 and 4 with exact 95% CIs", _cohorts),
    "discontinuation": TableSpec(
        "Table 5: reasons for stopping, by courses completed", lambda: _rows("discontinuation")
    ),
    "facts": TableSpec("Figures stated only in the text", lambda: _rows("facts")),
    "tempo_text": TableSpec(
        "Counts the text states about Tables 3 and 4", lambda: _rows("tempo_text")
    ),
    "discrepancies": TableSpec("Where the paper contradicts itself", _discrepancies),
    "sections": TableSpec(
        "Sections and pages of the paper used in citations", lambda: _rows("sections")
    ),
}


def frame(name: str) -> pd.DataFrame:
    """Build one named table."""
    try:
        spec = TABLES[name]
    except KeyError:
        raise KeyError(f"{name!r} is not a table; choose one of {', '.join(TABLES)}") from None
    return spec.build()


def _both_text(*values: object) -> bool:
    return all(isinstance(v, str) for v in values)
