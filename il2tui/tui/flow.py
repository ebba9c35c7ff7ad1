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
from il2tui.tui.steps import Step

if TYPE_CHECKING:
    from il2tui.case.model import Case
    from il2tui.core.locking import HeldElsewhere
    from il2tui.tui.reviewing import ReviewState

#: Seconds after a step is shown before the idle-time full garbage collection.
COLLECT_AFTER = 0.5


class FlowApp(SavingApp):
    """Navigation for :class:`~il2tui.tui.app.AssistApp` (kept apart to keep files short)."""

    def show_start(self) -> None:
        """Back to the start screen (the case stays saved in its file)."""
        from il2tui.tui.screens.start import StartScreen

        self._swap(StartScreen())

    def new_case(self, folder: Path | None = None) -> None:
        """Start a new case; it is saved to an autosave file (in ``folder``, default the data
        folder) once the patient step is answered."""
        from il2tui.tui.session import Session

        self.use(Session(data_dir=folder or self.data_dir))
        self._swap(_screen_for(Step("patient")))

    def open_demo(self) -> None:
        """Open a fresh copy of the demo case and resume it."""
        from il2tui.tui.session import open_demo

        self._open(lambda: open_demo(self.data_dir), "the demo case")

    #: The one line ``il2 assist`` prints when the app ended without a case (a bad file).
    exit_line: str | None = None

    def open_path(self, path: Path, at_start: bool = False, read_only: bool = False) -> None:
        """Open a case file and resume at its first open step; a bad file gets a dialog
        (or, named on the command line, ends the app with exit status 2 and one line)."""
        from il2tui.core.locking import HeldElsewhere
        from il2tui.tui.session import open_file

        try:
            self._open(lambda: open_file(path, read_only), str(path), at_start, exit_on=at_start)
        except HeldElsewhere as exc:
            self._offer_read_only(exc, at_start)

    def _offer_read_only(self, exc: HeldElsewhere, at_start: bool) -> None:
        """Another il2 assist has the file: view it read-only, or leave it alone."""
        from il2tui.tui.screens.message import ConfirmScreen

        if at_start:
            self.show_start()

        def answer(view: bool | None) -> None:
            if view:
                self.open_path(exc.path, read_only=True)
            elif at_start:
                self.exit_line = f"{exc}: not opened."
                self.exit()

        ask = ConfirmScreen(
            "The case is open elsewhere",
            f"{exc}. Two windows writing one file would overwrite each other's answers.",
            "View it read-only here (your changes can then be saved to another file with F6), "
            "or leave it alone.",
            buttons=("View read-only", "Leave it"),
        )
        self.push_screen(ask, answer)

    def _open(self, load: Any, what: str, at_start: bool = True, exit_on: bool = False) -> None:
        from il2tui.case.files import CaseError
        from il2tui.tui.steps import resume_step

        try:
            session = load()
        except (CaseError, OSError) as exc:
            if exit_on:  # named on the command line: one line and exit status 2
                self.exit_line = str(exc)
                self.exit(return_code=2)
                return
            if at_start:
                self.show_start()
            self.show_message("The case could not be opened", f"{exc}")
            return
        self.use(session)
        self.review_now()  # the first screen shows the review, not "Reviewing…"
        self._swap(_screen_for(resume_step(session.case)))
        self._reopen_stale = True
        if self.current_review() is not None:  # reviewed already: a stale decision now
            self.watch_review_state(self.review_state)
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
        self._reopen_stale = True

    _reopen_stale = False
    """Set by an answer or an opened file: once its review is in, go to a stale decision."""

    def watch_review_state(self, state: ReviewState | None) -> None:
        """A review arrived: after an answer or on opening a file, a decision whose
        recommendation has changed since is asked again (the first such course)."""
        from il2tui.tui.screens.step import StepScreen

        review = self.current_review()
        if not self._reopen_stale or review is None:
            return
        self._reopen_stale = False
        stale = next((c for c in review.courses if _is_stale(c.clinician_decision)), None)
        screen = self._main()
        if stale is None or not isinstance(screen, StepScreen):
            return
        step = Step("decision", stale.number)
        if screen.step == step:
            return  # the step itself says that the recommendation changed
        self.jump(step)
        self.notify(
            f"The recommendation after course {stale.number} changed since your decision: "
            "please confirm the decision again.",
            timeout=8,
        )

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
        memory.pause_until_drawn(self)
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


def _is_stale(decision: Any) -> bool:
    return decision is not None and decision.stale is True


def _screen_for(step: Step) -> Screen:
    """The screen class of a step (imported on first use to keep start-up light)."""
    from il2tui.tui.screens import screen_class

    return screen_class(step.kind)(step)
