"""One screen class per step, imported on first use."""

from __future__ import annotations

from importlib import import_module

from textual.screen import Screen

_CLASSES = {
    "patient": ("patient", "PatientScreen"),
    "baseline": ("baseline", "BaselineScreen"),
    "course": ("course", "CourseScreen"),
    "assessment": ("assessment", "AssessmentScreen"),
    "decision": ("decision", "DecisionScreen"),
    "summary": ("summary", "SummaryScreen"),
}


def screen_class(kind: str) -> type[Screen]:
    """The screen class of a step kind."""
    module, name = _CLASSES[kind]
    return getattr(import_module(f"il2tui.tui.screens.{module}"), name)
