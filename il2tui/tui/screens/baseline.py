"""Step 2, the baseline: the lesions to follow and their two perpendicular diameters."""

from __future__ import annotations

from collections.abc import Callable, Collection
from itertools import count
from typing import TYPE_CHECKING, Any

import msgspec
from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from il2tui.core import clock
from il2tui.tui import wording
from il2tui.tui.checks import Problem, is_blank, read_pair
from il2tui.tui.evidence_view import cohort_view
from il2tui.tui.forms import FieldError, Unit, parse_date, parse_pair, show_diameter
from il2tui.tui.screens.measuring import MeasuringScreen
from il2tui.tui.steps import Step
from il2tui.tui.text import clean, literal
from il2tui.tui.widgets.field import Field
from il2tui.tui.widgets.lesion_row import LesionRow
from il2tui.tui.widgets.non_measurable import SitesField, parse_sites, sites_text

#: A baseline lesion under this many mm both ways gets a hint that it may have been
#: measured in cm: too small to follow reliably on a scan (RECIST's smallest measurable
#: lesion on CT is 10 mm; the paper sets no minimum). Only a hint: the values are kept.
UNIT_SLIP_MM = 10

if TYPE_CHECKING:
    from il2tui.case.model import Case
    from il2tui.clinical.model import Review


class BaselineScreen(MeasuringScreen):
    """The lesion table: add (ctrl+n), edit in place, remove (ctrl+r); products as you type."""

    DATE_LABEL = "Baseline date"

    def compose_form(self) -> ComposeResult:
        """Date and unit, the table's heading, its rows, the SPD."""
        yield from self.compose_date()
        yield Static(
            Text("Lesions: site, method, d1 × d2, product", style="dim"), classes="section"
        )
        draft = self.saved_draft
        rows = draft.get("rows") if draft else _recorded_rows(self.case, self.unit)
        yield Vertical(*(LesionRow(values) for values in rows or [{"id": "L1"}]), id="rows")
        yield Static("", id="spd", markup=False)
        yield SitesField(draft.get("sites", "") if draft else sites_text(self.case))

    def fill(self, case: Case | None) -> None:
        """The recorded baseline date (the rows are composed from the case)."""
        if case is not None and case.baseline is not None:
            self.query_one("#date", Field).value = str(case.baseline.date)

    def draft(self) -> dict[str, Any]:
        """Date, unit and every row."""
        rows = [row.values() for row in self.query(LesionRow)]
        return super().draft() | {"rows": rows, "sites": self.query_one(SitesField).text}

    async def action_add_row(self) -> None:
        """A new empty lesion row, with the next free id, focused."""
        taken = {row.lesion_id for row in self.query(LesionRow)}
        taken |= {lesion.id for lesion in self.case.lesions} if self.case else set()
        number = next(n for n in count(1) if f"L{n}" not in taken)
        await self.add_row_to("#rows", LesionRow({"id": f"L{number}"}))

    async def action_remove_row(self) -> None:
        """Remove the row that has the focus (answering asks before later measurements go)."""
        await self.remove_focused_row(LesionRow, "a lesion row")

    def filled_rows(self) -> list[LesionRow]:
        """The rows with anything typed (an empty row is dropped on Enter)."""
        rows = self.query(LesionRow)
        return [r for r in rows if not is_blank(r.site_field, *r.diameter_fields())]

    def problems(self) -> list[Problem]:
        """The date, then each lesion's site and diameters; every problem, each in its field."""
        date = self.query_one("#date", Field)
        out = []
        try:
            parse_date(date.value, "The baseline date")
        except FieldError as exc:
            out.append(Problem(date, str(exc), typed=bool(date.value.strip())))
        rows = self.filled_rows()
        if not rows:
            out.append(Problem(None, "Add at least one measurable lesion (ctrl+n).", typed=False))
        for row in rows:
            if not row.site_field.value.strip():
                where = f"{row.lesion_id}: type where the lesion is (its site)"
                out.append(Problem(row.site_field, where, typed=False))
            fields = row.diameter_fields()
            out += read_pair((fields[0], fields[1]), self.unit, row.lesion_id, required=True)[1]
        return out

    def answer(self) -> Case:
        """The case with these lesions, baseline measurements and non-measurable sites
        (checked by :meth:`problems`)."""
        from il2tui.tui.edits import with_baseline, with_non_measurable

        when = parse_date(self.query_one("#date", Field).value, "The baseline date")
        values = [r.values() for r in self.filled_rows()]
        rows = [(v, parse_pair(v["d1"], v["d2"], self.unit, v["id"])) for v in values]
        lesions = [_lesion(values) for values, _ in rows]
        pairs = {v["id"]: p for v, p in rows}
        sites = parse_sites(self.query_one(SitesField).text, self.case, set(pairs))
        case = with_baseline(self.case, when, lesions, pairs, self.unit)  # type: ignore[arg-type]
        return with_non_measurable(case, sites)

    def next_step(self, case: Case) -> Step:
        """Course 1 comes next."""
        return Step("course", 1)

    def confirm(self, case: Case, proceed: Callable[[], None]) -> None:
        """Ask first when the answer removes lesions that later restagings measured.

        Enter removes them and ``proceed``s; Escape puts their rows back as recorded
        (everything else stays as typed) and saves nothing.
        """
        from il2tui.tui.edits import measured_later
        from il2tui.tui.screens.message import ConfirmScreen

        lost = measured_later(self.case, {lesion.id for lesion in case.lesions})
        if not lost:
            proceed()
            return
        dialog = ConfirmScreen(
            wording.LOST_TITLE, *wording.lost_measurements(lost), buttons=("Remove", "Keep")
        )
        self.app.push_screen(dialog, lambda remove: proceed() if remove else self.put_back(lost))

    async def put_back(self, ids: Collection[str]) -> None:
        """The rows of these recorded lesions again, as recorded, in the recorded order."""
        recorded = _recorded_rows(self.case, self.unit)
        table = self.query_one("#rows")
        for index, values in enumerate(recorded):
            if values["id"] not in ids:
                continue
            earlier = {row["id"] for row in recorded[:index]}
            rows = (row for row in self.query(LesionRow) if row.lesion_id not in earlier)
            await table.mount(LesionRow(values), before=next(rows, None))
        self._show_unit()
        self.preview()

    def provisional(self) -> Case | None:
        """The rows that are complete so far (the date does not change a product)."""
        from il2tui.tui.edits import with_baseline

        if self.case is None:
            return None
        complete = [(v, p) for v, p in self._readable_rows() if p is not None and 0 not in p]
        if not complete:
            return None
        bare = msgspec.structs.replace(self.case, courses=(), first_dose=None)
        pairs = {values["id"]: pair for values, pair in complete}
        return with_baseline(bare, clock.today(), [_lesion(v) for v, _ in complete], pairs)

    def _readable_rows(self) -> list[tuple[dict[str, Any], Any]]:
        """Each row's values and its pair in mm, ``None`` unless complete and plausible."""
        out = []
        for row in self.query(LesionRow):
            fields = row.diameter_fields()
            pair = read_pair((fields[0], fields[1]), self.unit, row.lesion_id, required=True)[0]
            out.append((row.values(), pair))
        return out

    def previewed(self, review: Review | None, error: str | None) -> None:
        """Products per row and the SPD, from the engine."""
        from il2tui.core.display import area

        products = {b.id: b.product_mm2 for b in review.baseline} if review else {}
        rows = list(self.query(LesionRow))
        for row in rows:
            product = products.get(row.lesion_id)
            row.show_product("—" if product is None else area(product))
        spd = self.query_one("#spd", Static)
        if not products:
            why = f"⚠ {clean(error)}" if error else "type both diameters of a lesion"
            spd.update(Text(f"SPD: — ({why})", style="bold" if error else "dim"))
            return
        line = Text(f"SPD {area(review.baseline_spd_mm2)}", style="bold")  # type: ignore[union-attr]
        missing = len(rows) - len(products)
        shown = len(products)
        line.append(
            f" over {shown} lesion{'' if shown == 1 else 's'}"
            + (f"; {missing} not complete yet" if missing else "")
        )
        if error:
            line.append(f"\n⚠ {clean(error)}", style="bold")
        if self.unit == "mm":
            line.append(_unit_hints(review))  # type: ignore[arg-type]
        spd.update(line)

    def context(self, review: Review | None) -> RenderableType | None:
        """What happened after course 1 to the series' patients with this diagnosis."""
        if review is None:
            return None
        return cohort_view(review.cohort_first_course, "After course 1 in the series")


def _unit_hints(review: Review) -> Text:
    """A line per lesion under :data:`UNIT_SLIP_MM` both ways: typed in cm, perhaps?"""
    from il2tui.core.display import diameters

    out = Text()
    for lesion in review.baseline:
        if max(lesion.diameters) < UNIT_SLIP_MM:
            out.append("\n⚠ ", style="bold")
            out.append(literal(lesion.id))
            out.append(
                f": {diameters(lesion.diameters)} mm is under {UNIT_SLIP_MM} mm both ways; "
                "if you measured in cm, switch the unit (ctrl+t) and type it again."
            )
    return out


def _recorded_rows(case: Case | None, unit: Unit) -> list[dict[str, Any]]:
    """The recorded lesions as rows of text (diameters in ``unit``)."""
    if case is None or case.baseline is None:
        return []
    found = case.baseline.measurements
    return [
        {"id": lesion.id, "site": lesion.site, "method": lesion.method}
        | {f"d{i + 1}": show_diameter(d, unit) for i, d in enumerate(found.get(lesion.id, ()))}
        for lesion in case.lesions
    ]


def _lesion(values: dict[str, Any]) -> dict[str, Any]:
    """A row as a lesion of the case file."""
    return {"id": values["id"], "site": values["site"].strip(), "method": values["method"]}
