"""Rich renderings of the engine's recommendation after a course, and the clinician's choice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from il2tui.tui import wording as w
from il2tui.tui.evidence_view import eligibility_view
from il2tui.tui.text import clean, literal

if TYPE_CHECKING:
    from il2tui.case.model import Decision
    from il2tui.clinical.model import CourseReview


def recommendation_headline(found: CourseReview) -> RenderableType:
    """The eligibility flags (if any), then ``Guideline: stop IL-2 — progression``."""
    rec = found.recommendation
    words = w.recommendation(rec.action, rec.stop_reason)
    headline = Text.assemble(("Guideline: ", "bold"), (f" {words} ", "bold reverse"))
    flags = eligibility_view(found.eligibility)
    return Group(flags, Text(), headline) if flags else headline


def recommendation_view(found: CourseReview) -> RenderableType:
    """The recommendation's rule, the paraphrased reasoning and source, the cautions."""
    rec = found.recommendation
    lines: list[RenderableType] = [
        Text(f"Rule {clean(rec.rule)}: {clean(rec.title)}", style="bold"),
        Text(clean(rec.reasoning)),
    ]
    if rec.sources:
        lines.append(Text("Source: " + "; ".join(clean(s.text) for s in rec.sources), style="dim"))
    lines.extend(Text(f"· {clean(line)}") for line in rec.explanation)
    for caution in rec.cautions:
        cite = "; ".join(clean(s.text) for s in caution.sources)
        lines.append(
            Text(f"⚠ {clean(caution.text)}" + (f" ({cite})" if cite else ""), style="italic")
        )
    return Group(*lines)


def decision_prompt(found: CourseReview, recorded: Decision | None) -> RenderableType:
    """The decision already on file (and whether the recommendation changed since), and what
    Enter does here."""
    out: list[Text] = []
    decided = found.clinician_decision
    if recorded is not None:
        line = Text(f"On file: {w.DECISIONS[recorded.action]}")
        if decided is not None and decided.differs:
            line.append(" (an override)", style="bold")
        if recorded.reason:
            line.append(" · reason: ")
            line.append(literal(recorded.reason))
        out.append(line)
    if decided is not None and decided.stale and decided.seen is not None:
        was = w.recommendation(decided.seen.action)
        now = w.recommendation(found.recommendation.action, found.recommendation.stop_reason)
        out.append(
            Text(
                f"⚠ The recommendation changed since this decision (was: {was}, now: {now}). "
                "Confirm the decision again.",
                style="bold",
            )
        )
    out.append(Text(enter_words(found, recorded), style="bold"))
    out.append(Text("ctrl+n: record a further restaging after this course", style="dim"))
    return Group(*out)


def keeps_recorded(found: CourseReview, recorded: Decision | None) -> bool:
    """Enter keeps the decision on file: it answered the recommendation shown now (or the
    file does not say what it answered)."""
    decided = found.clinician_decision
    return recorded is not None and decided is not None and decided.stale is not True


def enter_words(found: CourseReview, recorded: Decision | None) -> str:
    """What Enter and ctrl+o do on the decision step."""
    action = found.recommendation.action
    if keeps_recorded(found, recorded):
        assert recorded is not None
        return f"Enter: keep ({w.DECISIONS[recorded.action]}) · ctrl+o: override, with a reason"
    if action == "reassess":
        return "Enter: complete the measurements · ctrl+o: decide anyway, with a reason"
    accept = "give another course" if action != "stop" else "stop IL-2"
    return f"Enter: accept ({accept}) · ctrl+o: override, with a reason"
