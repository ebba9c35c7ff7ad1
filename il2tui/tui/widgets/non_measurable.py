"""Non-measurable disease (bone, effusion, marrow) in the baseline and restaging steps.

At baseline one field lists the sites, separated by ``;``; at each restaging a row per
site chooses present, absent, progressed or not assessed (issue 11). The engine
decides what they mean (a CR needs every site absent); these widgets only collect them.
"""

from __future__ import annotations

from itertools import count
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from il2tui.tui.forms import FieldError
from il2tui.tui.text import literal
from il2tui.tui.widgets.choice import Choice
from il2tui.tui.widgets.field import Field

if TYPE_CHECKING:
    from il2tui.case.model import Case, NonMeasurable

SEPARATOR = ";"
STATUSES = (
    ("", "not assessed"),
    ("present", "present"),
    ("absent", "absent"),
    ("progressed", "progressed (unequivocal)"),
)


class SitesField(Vertical):
    """Baseline: the non-measurable sites, ``;``-separated (optional)."""

    DEFAULT_CSS = "SitesField { height: auto; } SitesField .row { height: 1; }"

    def __init__(self, text: str) -> None:
        super().__init__(id="non-measurable-sites")
        self.start = text

    def compose(self) -> ComposeResult:
        """A heading and the field."""
        yield Static("Non-measurable disease (optional; not in the SPD)", classes="section")
        with Horizontal(classes="row"):
            yield Static("Sites", classes="label")
            yield Field(self.start, placeholder="e.g. bone; pleural effusion", id="nm-sites")

    @property
    def text(self) -> str:
        """The sites as typed."""
        return self.query_one("#nm-sites", Field).value

    @text.setter
    def text(self, value: str) -> None:
        self.query_one("#nm-sites", Field).value = value


def sites_text(case: Case | None) -> str:
    """The recorded sites as the field shows them."""
    return f"{SEPARATOR} ".join(s.site for s in case.non_measurable) if case else ""


def parse_sites(text: str, case: Case | None, taken: set[str]) -> list[dict[str, Any]]:
    """The typed sites as ``non_measurable`` entries: a site typed as recorded keeps its id
    and method; a new one gets the next free ``N`` id (not a lesion's, not a recorded one's).

    A recorded site that a restaging assessed cannot be dropped here (its statuses would be
    lost): the error says to keep it.
    """
    from il2tui.case.model import to_data

    recorded = {s.site: s for s in case.non_measurable} if case else {}
    names = [name.strip() for name in text.split(SEPARATOR) if name.strip()]
    _check_dropped(case, set(names))
    used = taken | {s.id for s in recorded.values()}
    free = (f"N{n}" for n in count(1) if f"N{n}" not in used)
    out = []
    for name in dict.fromkeys(names):
        old: NonMeasurable | None = recorded.get(name)
        out.append(to_data(old) if old else {"id": next(free), "site": name, "method": "other"})
    return out


def _check_dropped(case: Case | None, kept: set[str]) -> None:
    if case is None:
        return
    assessed = {k for c in case.courses for a in c.assessments for k in a.non_measurable}
    for site in case.non_measurable:
        if site.site not in kept and site.id in assessed:
            raise FieldError(
                f"Non-measurable {site.id} ({site.site}) was assessed at a restaging; keep it "
                "in the list (its status can be 'absent')."
            )


class SiteStatuses(Vertical):
    """Restaging: one row per non-measurable site; nothing at all when there is none."""

    DEFAULT_CSS = """
    SiteStatuses { height: auto; }
    SiteStatuses .site-row { height: 1; }
    SiteStatuses .nm-status { width: 28; }
    """

    def __init__(self, sites: tuple[NonMeasurable, ...], statuses: dict[str, str]) -> None:
        super().__init__(id="non-measurable-statuses")
        self.sites, self.start = sites, statuses
        self.display = bool(sites)

    def compose(self) -> ComposeResult:
        """A heading and a row per site."""
        if not self.sites:
            return
        yield Static("Non-measurable disease (←/→ to choose)", classes="section")
        for site in self.sites:
            with Horizontal(classes="site-row"):
                name = literal(site.id, style="bold")
                name.append(" ")
                name.append(literal(site.site, limit=24))
                yield Static(name, classes="lesion-name")
                yield Choice(STATUSES, self.start.get(site.id, ""), classes="nm-status")

    def statuses(self) -> dict[str, str]:
        """Site id to its status; a site not assessed is left out."""
        choices = self.query(".nm-status").results(Choice)
        return {
            site.id: choice.value
            for site, choice in zip(self.sites, choices, strict=True)
            if choice.value
        }

    def on_choice_changed(self, event: Choice.Changed) -> None:
        """A status changed: the screen previews the category again."""
        event.stop()
        preview = getattr(self.screen, "preview", None)
        if preview is not None:
            preview()
