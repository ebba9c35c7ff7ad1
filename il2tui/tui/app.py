"""The assistant's App and its factory, shared by ``il2 assist``, the tests and the bench.

Start-up stays light: this module imports Textual only. The case model and the
engine load when a case is opened (it is reviewed before its first screen is
drawn) or in a worker after the first paint (``warm_up``), and so does pandas,
never before the first screen takes input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from il2tui.tui import memory
from il2tui.tui.reviewing import clinic_files
from il2tui.tui.text import clean
from il2tui.tui.worklist_nav import WorklistApp

if TYPE_CHECKING:
    from il2tui.clinical.review import ClinicFiles
    from il2tui.tui.host import Saved
    from il2tui.tui.steps import Step

KEYS_HELP = "Open the list of keys for this screen"
#: What a worker of each group was doing, for the message when it fails.
WORK = {
    "warm-up": "loading the engine and the evidence",
    "frames": "loading an evidence table",
    "save": "saving the case",
    "review": "reviewing the case",
    "preview": "reviewing the form",
    "worklist": "reading the worklist's files",
}
KEPT = (
    "Everything you entered is kept in memory: press ctrl+s to save the case, or F6 to "
    "save it to another file. If this happens again, quit (ctrl+q) and reopen the case file."
)
SAVE_AS = "Save the case to another file"


class AssistApp(WorklistApp):
    """``il2 assist``: one question per screen, the engine's review beside it."""

    TITLE = "il2 assist"
    SUB_TITLE = "high-dose bolus IL-2, NCI Surgery Branch series (J Clin Oncol 2000)"
    CSS_PATH: ClassVar[list[str | PurePath]] = ["assist.tcss", "forms.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="save", tooltip="Write the case to its file now"),
        Binding("f6", "save_as", "Save as", id="save-as", show=False, tooltip=SAVE_AS),
        Binding("f1", "help", "Help", id="help", tooltip=KEYS_HELP),
        Binding("f2", "evidence", "Evidence", id="evidence", tooltip="Browse the paper's tables"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, tooltip="Leave the assistant"),
    ]

    def __init__(
        self,
        case_path: Path | None = None,
        demo: bool = False,
        data_dir: Path | None = None,
        cursor_blink: bool = True,
        warm_delay: float = 0.25,
        folder: Path | None = None,
        clinic: ClinicFiles = (None, None),
    ) -> None:
        """See :func:`make_app`."""
        super().__init__()
        self.case_path, self.demo, self.data_dir = case_path, demo, data_dir
        self.guideline, self.assumptions = clinic
        self.folder = folder
        self.saved_paths = []
        self._parked = {}
        self.cursor_blink, self.warm_delay = cursor_blink, warm_delay
        self._pending, self._pending_engine = [], []

    def on_mount(self) -> None:
        """Show the first screen; load the engine and evidence once it is up."""
        self.call_after_refresh(memory.resume_after_start)
        self._say_clinic_files()
        if self.warm_delay > 0:
            self.set_timer(self.warm_delay, self.warm_up)
        else:
            self.call_later(self.warm_up)
        if self.demo:
            self.open_demo()
        elif self.case_path is not None:
            self.open_path(self.case_path, at_start=True)
        elif self.folder is not None:
            self.show_worklist(self.folder)
        else:
            self.show_home()

    def _say_clinic_files(self) -> None:
        """A clinic's own guideline or assumptions decide every review: say so at the start."""
        if self.guideline is None and self.assumptions is None:
            return
        from il2tui.report.common import clinic_files_line

        line = clinic_files_line(*clinic_files(self))
        self.notify(f"{line} The Help screen (F1) says so too.", timeout=12)

    def show_home(self) -> None:
        """The worklist of the data folder when it holds cases, else the start screen."""
        from il2tui.core.resources import user_data_dir

        folder = self.data_dir or user_data_dir()
        if folder.is_dir() and any(folder.glob("*.json")):
            self.show_worklist(folder)
        else:
            self.show_start()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker of the app raised: say what failed and what to do (the app keeps running)."""
        if event.state != WorkerState.ERROR:
            return
        what = WORK.get(event.worker.group, "a background task")
        error = event.worker.error
        title = f"Something went wrong while {what}"
        self.show_message(title, f"{type(error).__name__}: {error}", KEPT)

    def on_resize(self, event: events.Resize) -> None:
        """Every screen hides or shows its too-small notice before it is laid out again."""
        from il2tui.tui.screens.fits import Fits

        for screen in self.screen_stack:
            if isinstance(screen, Fits):
                screen.fit(event.size)

    def on_unmount(self) -> None:
        """Garbage collection as it was before the app started (tests run many apps); the
        case file's lock freed."""
        memory.restore()
        if self.session is not None:
            self.session.release()

    def _handle_exception(self, error: Exception) -> None:
        """An error nothing expected: save the case to a recovery file, write a report
        (no local variables: they hold patient data), and let ``il2 assist`` say where.

        Textual's own handling then ends the app with exit status 1; ``_fatal_error``
        below keeps it from printing a traceback with locals. (Textual is pinned.)
        """
        from il2tui.tui.crash import record

        self.exit_line = record(error, self.session, self.data_dir)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """End the app without printing Textual's traceback (it shows local variables)."""
        self.bell()
        self._close_messages_no_wait()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is shown literally: messages quote file names and errors."""
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The steps, the evidence browser, export and save, then Textual's own."""
        from il2tui.tui.steps import reachable_steps

        if self.session is not None:
            for step in reachable_steps(self.session.case):
                yield SystemCommand(f"Go to: {step.title}", "Jump to this step", self._goto(step))
            yield SystemCommand(
                "Export report", "Write the review and transcript as Markdown", self.action_export
            )
            yield SystemCommand("Save", "Write the case to its file now", self.action_save)
            yield SystemCommand("Save as…", SAVE_AS, self.action_save_as)
        yield SystemCommand(
            "Evidence browser",
            "The paper's tables, derived figures and discrepancies",
            self.action_evidence,
        )
        yield SystemCommand("Help: keys", KEYS_HELP, self.action_help)
        yield SystemCommand("Start screen", "New case, open a file, the demo", self.show_start)
        if self.worklist is not None:
            yield SystemCommand("Worklist", "Every case of the folder", self.back_to_worklist)
        yield from super().get_system_commands(screen)

    def _goto(self, step: Step) -> Callable[[], None]:
        return lambda: self.jump(step)

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from il2tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_export(self, then: Saved | None = None) -> None:
        """Write the review and the transcript as a Markdown report beside the case file.

        In a worker: for a case with thousands of restagings, reviewing and writing takes
        about half a second (8,000 restagings: 0.5 s of CPU), which no key should wait for.
        ``then`` gets the report's path once it is written.
        """
        session = self.session
        if session is None or session.case is None or session.path is None:
            self.notify("Nothing to export yet: answer the patient step first.", timeout=4)
            return
        case, path, review = session.case, session.path, self.current_review()
        clinic = clinic_files(self)

        def work() -> None:
            from il2tui.clinical.review import review_case
            from il2tui.tui.export import write_report
            from il2tui.tui.transcript import transcript

            shown = review if review is not None else review_case(case, *clinic)
            try:
                written = write_report(path, shown, transcript(case, shown))
            except OSError as exc:
                self.call_from_thread(
                    self.show_message, "The report could not be written", f"{exc}"
                )
                return
            self.call_from_thread(self._exported, written, then)

        self.run_worker(work, thread=True, group="export")

    def _exported(self, path: Path, then: Saved | None) -> None:
        self.notify(f"Report written to {path}.", timeout=6)
        if then is not None:
            then(path)

    def action_evidence(self) -> None:
        """Open the evidence browser over the current screen."""
        from il2tui.tui.screens.evidence import EvidenceScreen

        if not isinstance(self.screen, EvidenceScreen):
            self.push_screen(EvidenceScreen())


def make_app(
    case_path: Path | None = None,
    demo: bool = False,
    data_dir: Path | None = None,
    cursor_blink: bool = True,
    warm_delay: float = 0.25,
    folder: Path | None = None,
    clinic: ClinicFiles = (None, None),
) -> AssistApp:
    """Build the assistant.

    Args:
        case_path: an ``il2-case/1`` file to open and resume.
        demo: open a copy of the shipped demo case (saved in the data folder).
        data_dir: where new cases and the demo copy are saved (default: the user's
            data folder, see :func:`il2tui.core.resources.user_data_dir`).
        cursor_blink: ``False`` for snapshot tests, so every picture is the same.
        warm_delay: seconds after the first screen before the engine and pandas load
            (tests pass 0, so nothing waits on a timer).
        folder: a folder of case files to open as a worklist.
        clinic: a clinic's own guideline and assumptions (``None``: the shipped one), used
            by every review, the worklist's included.
    """
    return AssistApp(
        case_path=case_path,
        demo=demo,
        data_dir=data_dir,
        cursor_blink=cursor_blink,
        warm_delay=warm_delay,
        folder=folder,
        clinic=clinic,
    )
