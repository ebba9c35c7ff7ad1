"""Moving between steps: open a case, answer a step, go back, jump; save after each answer.

The screen stack holds Textual's default screen, then one main screen (the
start screen or the current step), then any overlays (help, evidence, dialogs).
A step screen that is left without being answered leaves its typed values in
``session.drafts``, so going back and forth loses nothing. The case is written
to its file after every answer, in a worker (:mod:`il2tui.tui.saving`), while
the next step is drawn.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.timer import Timer

from il2tui.tui import memory
from il2tui.tui.host import Saved
from il2tui.tui.saving import SavingApp

if TYPE_CHECKING:
    from il2tui.case.model import Case
    from il2tui.tui.steps import Step

#: Seconds after a step is shown before the idle-time full garbage collection.
COLLECT_AFTER = 0.5


class FlowApp(SavingApp):
    """Navigation for :class:`~il2tui.tui.app.AssistApp` (kept apart to keep files short)."""

    def show_start(self) -> None:
        """Back to the start screen (the case stays saved in its file)."""
        from il2tui.tui.screens.start import StartScreen

        self._swap(StartScreen())

    def new_case(self) -> None:
        """Start a new case; it is saved to an autosave file once the patient step is answered."""
        from il2tui.tui.session import Session
        from il2tui.tui.steps import Step

        self.session = Session(data_dir=self.data_dir)
        self._swap(_screen_for(Step("patient")))

    def open_demo(self) -> None:
        """Open a fresh copy of the demo case and resume it."""
        from il2tui.tui.session import open_demo

        self._open(lambda: open_demo(self.data_dir), "the demo case")

    def open_path(self, path: Path, at_start: bool = False) -> None:
        """Open a case file and resume at its first open step; a bad file gets a dialog."""
        from il2tui.tui.session import open_file

        self._open(lambda: open_file(path), str(path), at_start)

    def _open(self, load: Any, what: str, at_start: bool = True) -> None:
        from il2tui.case.files import CaseError
        from il2tui.tui.steps import resume_step

        try:
            session = load()
        except (CaseError, OSError) as exc:
            if at_start:
                self.show_start()
            self.show_message("The case could not be opened", f"{exc}")
            return
        self.session = session
        self.review_now()  # the first screen shows the review, not "Reviewing…"
        self._swap(_screen_for(resume_step(session.case)))
        if session.unsaved:  # the demo's fresh copy: nothing typed yet, so no hurry
            self.after_warm_up(self.save_soon)

    def jump(self, step: Step) -> None:
        """Show ``step``, keeping what was typed on the current step."""
        self._stash_draft()
        self._swap(_screen_for(step))

    def go_back(self, step: Step) -> None:
        """One step back (from the patient step: the start screen), keeping what was typed."""
        from il2tui.tui.steps import previous_step

        before = previous_step(step, self.session.case if self.session else None)
        if before is None:
            self._stash_draft()
            self.show_start()
        else:
            self.jump(before)

    def complete(self, step: Step, case: Case, after: Step) -> None:
        """``step`` was answered: keep the new case, save it, review it, and show ``after``."""
        assert self.session is not None
        self.session.drafts.pop(step.key, None)
        self.store(case)
        self._swap(_screen_for(after))

    def store(self, case: Case, then: Saved | None = None) -> None:
        """Keep ``case`` in memory and write it to its file (a worker); review it after a frame.

        The review is asked for once the screen has been redrawn, so that the next
        step appears first and its review and evidence fill in just after.
        """
        assert self.session is not None
        self.session.update(case)
        self.save_soon(then)
        self.call_after_refresh(self.ensure_review)

    def action_save(self) -> None:
        """Save now: the current step's answer if it is complete, otherwise the answered steps."""
        from il2tui.tui.screens.step import StepScreen

        session, screen = self.session, self._main()
        if session is None or session.case is None:
            self.notify("Nothing to save yet: answer the patient step first.", timeout=4)
            return
        if isinstance(screen, StepScreen) and screen.save_answer(self.saved):
            return
        self.save_soon(self.saved)

    def saved(self, path: Path) -> None:
        """Say where the case was written (after ctrl+s)."""
        self.notify(f"Saved to {path}.", timeout=4)

    def case_file_changed(self) -> None:
        """The header names the case file: show the new one."""
        from il2tui.tui.screens.step import StepScreen

        screen = self._main()
        if isinstance(screen, StepScreen):
            screen.refresh_header()

    def _stash_draft(self) -> None:
        from il2tui.tui.screens.step import StepScreen

        screen = self._main()
        if isinstance(screen, StepScreen) and self.session is not None:
            self.session.drafts[screen.step.key] = screen.draft()

    def _main(self) -> Screen | None:
        stack = self.screen_stack
        return stack[1] if len(stack) > 1 else None

    def _swap(self, screen: Screen) -> None:
        """Make ``screen`` the main screen, closing any overlay above the old one."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        memory.forget_old_screens()
        if len(self.screen_stack) == 2:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        self._collect_later()

    _collect_timer: Timer | None = None

    def _collect_later(self) -> None:
        """A full garbage collection once the clinician is reading the new step."""
        if self._collect_timer is not None:
            self._collect_timer.stop()
        if memory.is_settled():
            self._collect_timer = self.set_timer(COLLECT_AFTER, memory.collect)


def _screen_for(step: Step) -> Screen:
    """The screen class of a step (imported on first use to keep start-up light)."""
    from il2tui.tui.screens import screen_class

    return screen_class(step.kind)(step)
