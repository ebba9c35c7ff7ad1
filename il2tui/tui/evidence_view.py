"""Rich renderings of the evidence for the context panel (no Textual, no arithmetic).

Counts, percentages and intervals come from the evidence module as they are;
this module only lays them out. Percentages of a proportion are shown to one
decimal place, intervals as ``2.3–28.2%``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from il2tui.tui.text import clean

if TYPE_CHECKING:
    import pandas as pd

    from il2tui.clinical.model import Note, Review
    from il2tui.evidence.answer import CohortAnswer

_ORDER = ("CR", "PR", "MR", "NR")
_CHARACTERISTICS = ("Sex", "Performance status", "Prior therapy")


def cohort_view(answer: CohortAnswer | None, title: str, note: str | None = None) -> RenderableType:
    """What happened to the series' patients who stood where this patient stands; when no
    cohort applies (after a stop the series never went past), ``note`` says why."""
    parts: list[RenderableType] = [Text(title, style="bold")]
    if answer is None:
        waiting = "Not known until the course has been assessed."
        parts.append(Text(clean(note) if note else waiting, style="italic"))
        return Group(*parts)
    parts.append(Text(clean(answer.message)))
    if answer.has_data:
        parts.append(_outcome_table(answer))
    parts.extend(Text(f"• {clean(note)}", style="italic") for note in _notes(answer))
    parts.append(Text(f"Source: {clean(answer.source)}.", style="dim"))
    return Group(*parts)


def _outcome_table(answer: CohortAnswer) -> Table:
    table = Table.grid(padding=(0, 1))
    for header, justify in (
        ("after", "left"),
        ("n/N", "right"),
        ("%", "right"),
        ("95% CI", "right"),
    ):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    table.add_row(*(Text(h, style="underline") for h in ("after", "n/N", "%", "exact 95% CI")))
    by_state = {o.state: o for o in answer.outcomes}
    for state in (s for s in _ORDER if s in by_state):  # only what the column can record
        o = by_state[state]
        table.add_row(
            state,
            f"{o.patients}/{answer.treated}",
            f"{o.proportion:.1%}",
            f"{o.ci_low * 100:.1f}–{o.ci_high:.1%}",
        )
    return table


def _notes(answer: CohortAnswer) -> Iterable[str]:
    from il2tui.evidence.lookup import zero_notes

    yield from zero_notes(answer)
    yield from answer.notes


def notes_view(
    notes: Sequence[Note], title: str, mark: str = "⚠", style: str = ""
) -> RenderableType | None:
    """Warnings or cautions with their places in the paper; ``None`` when there are none."""
    if not notes:
        return None
    lines: list[RenderableType] = [Text(title, style="bold")]
    for note in notes:
        line = Text(f"{mark} {clean(note.text)}", style=style)
        if note.sources:
            line.append(" (" + "; ".join(clean(s.text) for s in note.sources) + ")", style="dim")
        lines.append(line)
    return Group(*lines)


def series_view(characteristics: pd.DataFrame, response: pd.DataFrame, diagnosis: str) -> Group:
    """Table 1 for the diagnosis, then its response rates from Table 2."""
    rows = characteristics[characteristics.diagnosis == diagnosis]
    total = int(rows[rows.characteristic == "Total patients"].patients.iloc[0])
    parts: list[RenderableType] = [
        Text(f"The series: {total} patients (Table 1, p. 1955)", style="bold")
    ]
    for name in _CHARACTERISTICS:
        group = rows[rows.characteristic == name]
        cells = [
            f"{g} {n} ({p}%)"
            for g, n, p in zip(group.group, group.patients, group.percent_recomputed, strict=True)
        ]
        parts.append(Text(f"{name}: " + " · ".join(cells)))
    parts.append(response_view(response, diagnosis))
    return Group(*parts)


def response_view(response: pd.DataFrame, diagnosis: str) -> Group:
    """Complete, partial and overall response rates of the diagnosis (Table 2)."""
    from il2tui.evidence.intervals import clopper_pearson

    rows = response[response.diagnosis == diagnosis].set_index("measure")
    total = int(rows.loc["patients", "patients"])
    lines: list[RenderableType] = [Text("Responses to IL-2 (Table 2, p. 1956)", style="bold")]
    for measure, words in (("CR", "CR"), ("PR", "PR"), ("responses", "CR or PR")):
        n = int(rows.loc[measure, "patients"])
        low, high = clopper_pearson(n, total)
        lines.append(
            Text(f"{words}: {n}/{total} ({n / total:.1%}; exact 95% CI {low * 100:.1f}–{high:.1%})")
        )
        note = rows.loc[measure, "note"]
        if isinstance(note, str) and note:
            lines.append(Text(f"• {clean(note)}", style="italic"))
    return Group(*lines)


ELIGIBILITY_TITLE = "Eligibility for the series"


def eligibility_view(flags: Sequence[Note]) -> RenderableType | None:
    """The series' exclusion criteria this patient meets, as flags; ``None`` when there are none."""
    return notes_view(flags, ELIGIBILITY_TITLE, mark="⚑", style="bold")


def applicability_view(flags: Sequence[Note], warnings: Sequence[Note]) -> RenderableType | None:
    """Eligibility flags first, then the other warnings; ``None`` when there is neither."""
    parts = [
        view
        for view in (
            eligibility_view(flags),
            notes_view(warnings, "Does the series apply to this patient?"),
        )
        if view is not None
    ]
    return Group(*parts) if parts else None


def notice_view(review: Review) -> Text:
    """The review's notice: decision support from one series; the treating team decides."""
    return Text(clean(review.notice), style="italic")
