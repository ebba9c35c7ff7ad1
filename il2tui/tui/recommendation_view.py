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


def recommendation_view(found: CourseReview) -> RenderableType:
    """The eligibility flags, then the recommendation (as the guideline's), its rule, the
    paraphrased reasoning and source, the cautions."""
    rec = found.recommendation
    words = w.recommendation(rec.action, rec.stop_reason)
    flags = eligibility_view(found.eligibility)
    lines: list[RenderableType] = [*((flags, Text()) if flags else ())]
    lines += [
        Text.assemble(("Guideline: ", "bold"), (f" {words} ", "bold reverse")),
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
    """What Enter does here, and the decision already on file."""
    action = found.recommendation.action
    if action == "reassess":
        prompt = "Enter: complete the measurements · ctrl+o: decide anyway, with a reason"
    else:
        accept = "give another course" if action != "stop" else "stop IL-2"
        prompt = f"Enter: accept ({accept}) · ctrl+o: decide otherwise, with a reason"
    out = [Text(prompt, style="bold"), Text("ctrl+n: record a further restaging after this course")]
    if recorded is not None:
        line = Text(f"On file: {w.DECISIONS[recorded.action]}")
        if found.clinician_decision is not None and found.clinician_decision.differs:
            line.append(" (an override)", style="bold")
        if recorded.reason:
            line.append(" · reason: ")
            line.append(literal(recorded.reason))
        out.append(line)
    return Group(*out)
