"""What the screens may ask of the app: a typed protocol below both, so no screen imports
:mod:`il2tui.tui.app` (which imports the flow, which imports the screens).

:class:`~il2tui.tui.app.AssistApp` satisfies it; a test checks that it does. Screens
annotate ``app: AssistHost`` and reach the app only through these members (and the
ordinary Textual ``App`` members such as ``push_screen`` and ``notify``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from il2tui.case.model import Case
    from il2tui.clinical.model import Review
    from il2tui.tui.reviewing import ReviewState
    from il2tui.tui.session import Session
    from il2tui.tui.steps import Step

Saved = Callable[[Path], None]
"""Called with the path once a case is on disk."""


@runtime_checkable
class AssistHost(Protocol):
    """The assistant app as its screens see it."""

    session: Session | None
    review_state: ReviewState | None
    frames: dict[str, Any]

    # Textual's own App members the screens use.
    push_screen: Callable[..., Any]
    notify: Callable[..., Any]

    def current_review(self) -> Review | None: ...
    def ensure_review(self) -> None: ...
    def need_frames(self, *names: str) -> None: ...
    def new_case(self, folder: Path | None = None) -> None: ...
    def open_from_worklist(self, path: Path) -> None: ...
    def back_to_worklist(self) -> None: ...
    def open_demo(self) -> None: ...
    def open_path(self, path: Path, at_start: bool = False) -> None: ...
    def jump(self, step: Step) -> None: ...
    def go_back(self, step: Step) -> None: ...
    def complete(self, step: Step, case: Case, after: Step) -> None: ...
    def store(self, case: Case, then: Saved | None = None) -> None: ...
    def action_export(self, then: Saved | None = None) -> None: ...
    def action_evidence(self) -> None: ...
