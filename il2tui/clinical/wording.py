"""How a recommendation is worded: as what the guideline says, never as an order.

One source for every output (text, Markdown, JSON, the screens): ``Guideline: stop
IL-2 — progression``, and the notice that the whole review is decision support.
"""

from __future__ import annotations

#: What each action means, in plain words.
ACTIONS = {
    "retreat": "give another course",
    "consider_retreat": "consider another course",
    "consolidate": "give one consolidation course",
    "stop": "stop IL-2",
    "reassess": "complete the measurements",
}
#: Why the guideline says stop.
STOP_REASONS = {
    "toxicity": "severe toxicity",
    "declined": "the patient declines or cannot tolerate more",
    "progression": "progression",
    "complete_response": "complete response held through consolidation",
    "no_objective_response": "no objective response after two or more courses",
}
#: The recommendation in a narrow table cell (the assistant's timeline fits 80 columns):
#: under a "Guideline" heading, so it reads as the guideline's, not as an order.
CELL_ACTIONS = {
    "retreat": "retreat",
    "consider_retreat": "consider retreat",
    "consolidate": "consolidate",
    "reassess": "reassess",
}
CELL_STOPS = {
    "toxicity": "stop: toxicity",
    "declined": "stop: declined",
    "progression": "stop: PD",
    "complete_response": "stop: CR held",
    "no_objective_response": "stop: no resp.",
}
#: Said once by every output that carries a recommendation (the JSON ``notice`` field).
NOTICE = (
    "Decision support from one retrospective series: 350 patients given high-dose IL-2 "
    "at the NCI Surgery Branch, 1985–1996. The treating team decides."
)


def recommendation_words(action: str, stop_reason: str | None = None) -> str:
    """``stop IL-2 — progression`` or ``give another course``."""
    words = ACTIONS[action]
    return f"{words} — {STOP_REASONS[stop_reason]}" if stop_reason else words


def recommendation_cell(action: str, stop_reason: str | None = None) -> str:
    """``stop: CR held`` or ``consider retreat``: the recommendation in a timeline cell."""
    return CELL_STOPS[stop_reason] if stop_reason else CELL_ACTIONS.get(action, action)


def guideline_says(action: str, stop_reason: str | None = None) -> str:
    """``Guideline: stop IL-2 — progression``: a recommendation, attributed."""
    return f"Guideline: {recommendation_words(action, stop_reason)}"
