"""Overriding the recommendation: the decision, and a reason that is required."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from il2tui.tui import wording as w
from il2tui.tui.screens.fits import Fits
from il2tui.tui.widgets.choice import Choice
from il2tui.tui.widgets.field import Field


class OverrideScreen(Fits, ModalScreen["Decision | None"]):
    """Choose retreat or stop and give the reason; Enter records it, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "record", "Record", priority=True, id="record", tooltip="Record this decision"
        ),
        Binding("escape", "cancel", "Cancel", id="cancel", tooltip="Keep the recommendation"),
    ]
    HELP_TITLE = "Override"

    def __init__(self, recommended: str) -> None:
        super().__init__()
        self.recommended = recommended

    def compose(self) -> ComposeResult:
        """The recommendation, the decision, the reason."""
        opposite = "retreat" if self.recommended in ("stop", "reassess") else "stop"
        with Vertical(id="dialog"):
            yield Static(Text("Decide otherwise", style="bold"), id="dialog-title")
            yield Static(Text(f"The guideline recommends: {w.recommendation(self.recommended)}."))
            with Horizontal(classes="row"):
                yield Static("Your decision", classes="label")
                yield Choice(list(w.DECISIONS.items()), opposite, id="action")
            with Horizontal(classes="row"):
                yield Static("Reason", classes="label")
                yield Field(id="reason", placeholder="required: why, in your words")
            yield Static("", id="override-error", markup=False)
            yield Static(
                "Enter: record · Escape: cancel · ←/→: change the decision",
                classes="keys-hint",
            )

    def on_mount(self) -> None:
        """Start in the reason field."""
        self.query_one("#reason", Field).focus()

    def action_record(self) -> None:
        """Give back the decision, once a reason is typed."""
        from il2tui.case.model import Decision

        reason = self.query_one("#reason", Field).value.strip()
        if not reason:
            self.query_one("#override-error", Static).update(
                Text("⚠ A reason is required to override the recommendation.", style="bold")
            )
            return
        action = self.query_one("#action", Choice).value
        self.dismiss(Decision(action=action, reason=reason[:2000]))  # type: ignore[arg-type]

    def action_cancel(self) -> None:
        """Keep the recommendation; nothing is recorded."""
        self.dismiss(None)
