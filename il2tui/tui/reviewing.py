"""Asking the engine and the evidence, off the main thread.

Every change of the case asks :func:`il2tui.clinical.review.review_case` for a fresh
review in a thread worker; the result lands in ``review_state`` with the case
revision it belongs to, so a screen never shows a review of an older case.
Evidence tables (pandas) load the same way. Opening a case reviews it at once
(:meth:`ReviewingApp.review_now`), before its first screen is drawn, so that
screen shows the review; otherwise :meth:`ReviewingApp.warm_up` loads the engine
and then pandas after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.dom import DOMNode
from textual.reactive import reactive

if TYPE_CHECKING:
    from il2tui.case.model import Case
    from il2tui.clinical.guideline import Assumptions, Guideline
    from il2tui.clinical.model import Review
    from il2tui.clinical.review import ClinicFiles
    from il2tui.tui.session import Session


@dataclass(frozen=True)
class ReviewState:
    """The engine's review of one revision of the case, or why there is none."""

    revision: int
    review: Review | None
    error: str | None = None


Done = Callable[["Review | None", "str | None"], None]
KEPT = "What you entered is kept; ctrl+s saves it, F6 saves it to another file."


@dataclass
class _Job:
    """One node's reviews of one kind: at most one thread at a time, only the newest shown."""

    busy: bool = False
    waiting: tuple[Case, Done] | None = None


#: The most restagings a case may have to be reviewed on the UI thread (about a
#: millisecond of work; the review is linear in the number of restagings).
INLINE_EVALUATIONS = 50


def _inline(case: Case) -> bool:
    """True when ``case`` is small enough to review on the UI thread."""
    return sum(len(course.assessments) for course in case.courses) <= INLINE_EVALUATIONS


def review_in_thread(node: DOMNode, case: Case, done: Done, group: str) -> None:
    """Review ``case`` in a worker owned by ``node``; call ``done(review, error)`` after.

    Once the engine is loaded a review of a usual case takes well under a
    millisecond, so it runs at once, on this thread; a case with more than
    :data:`INLINE_EVALUATIONS` restagings is always reviewed in a worker, so
    that no key waits for it. Before that it waits for the warm-up in a worker;
    typing fast then asks for many reviews: while one runs, only the newest
    request waits, and a result that a newer request has overtaken is dropped.
    """
    app = node.app
    if isinstance(app, ReviewingApp) and app.engine_ready and _inline(case):
        done(*_reported(app, *_review(app, case)))
        return
    jobs: dict[str, _Job] = node.__dict__.setdefault("_il2_review_jobs", {})
    job = jobs.setdefault(group, _Job())
    job.waiting = (case, done)
    if not job.busy:
        _start(node, job, group)


def _review(app: App, case: Case) -> tuple[Review | None, str | None]:
    """The engine's review of ``case`` under the app's guideline and assumptions (a clinic's
    own files, or the shipped ones), or why it failed (the app keeps running)."""
    from il2tui.clinical.review import review_case

    try:
        return review_case(case, *clinic_files(app)), None
    except Exception as exc:  # shown to the clinician
        return None, f"The review failed ({type(exc).__name__}: {exc}). {KEPT}"


def clinic_files(app: App) -> ClinicFiles:
    """The guideline and assumptions the app reviews with (``None``: the shipped one)."""
    return getattr(app, "guideline", None), getattr(app, "assumptions", None)


Result = tuple["Review | None", "str | None"]


def _reported(app: App, review: Review | None, error: str | None) -> Result:
    """Tell the clinician when a review failed (once per message, not at every key)."""
    shown = app.__dict__.get("_il2_review_error")
    if error and error != shown:
        app.notify(error, severity="error", timeout=10)
    app.__dict__["_il2_review_error"] = error
    return review, error


def _start(node: DOMNode, job: _Job, group: str) -> None:
    assert job.waiting is not None
    (case, done), job.waiting, job.busy = job.waiting, None, True

    def work() -> None:
        node.app.call_from_thread(finish, *_review(node.app, case))

    def finish(review: Review | None, error: str | None) -> None:
        job.busy = False
        if job.waiting is not None:
            _start(node, job, group)
        elif node.is_attached:
            done(*_reported(node.app, review, error))

    def launch() -> None:
        if node.is_attached:
            node.run_worker(work, thread=True, group=group, exit_on_error=False)
        else:
            job.busy = False

    app = node.app
    if isinstance(app, ReviewingApp):
        app.after_engine(launch)
    else:
        launch()


class ReviewingApp(App[None]):
    """The part of the app that talks to the engine and the evidence."""

    guideline: Guideline | None = None
    """A clinic's own guideline (``il2 assist --guideline FILE``); ``None``: the shipped one."""
    assumptions: Assumptions | None = None
    """A clinic's own assumptions (``il2 assist --assumptions FILE``); ``None``: shipped."""

    review_state: reactive[ReviewState | None] = reactive(None, init=False, always_update=True)
    frames: reactive[dict[str, Any]] = reactive(dict, init=False, always_update=True)
    session: Session | None = None
    data_dir: Path | None = None
    warm_delay: float = 0.25
    """Seconds between the first screen and the start of the imports (tests use 0)."""
    _warm: bool = False
    _pending: list[Callable[[], None]]
    engine_ready: bool = False
    """True once the engine has reviewed a case: a review then takes well under a millisecond."""
    _pending_engine: list[Callable[[], None]]

    @property
    def is_warm(self) -> bool:
        """True once the engine and pandas are imported."""
        return self._warm

    def after_engine(self, work: Callable[[], None]) -> None:
        """Run ``work`` now if the engine is loaded, otherwise as soon as it is."""
        if self.engine_ready:
            work()
        else:
            self._pending_engine.append(work)

    def after_warm_up(self, work: Callable[[], None]) -> None:
        """Run ``work`` now if the engine is loaded, otherwise as soon as it is."""
        if self._warm:
            work()
        else:
            self._pending.append(work)

    def current_review(self) -> Review | None:
        """The review of the case as it is now; ``None`` while it is being computed."""
        state, session = self.review_state, self.session
        if state is None or session is None or state.revision != session.revision:
            return None
        return state.review

    _requested: tuple[Session | None, int] = (None, -1)
    """The session and revision last sent for review."""

    def ensure_review(self) -> None:
        """Ask for a review of the current case unless one was already asked for."""
        session, (asked, revision) = self.session, self._requested
        if asked is not session or revision != (session.revision if session else 0):
            self.request_review()

    def review_now(self) -> None:
        """Review the opened case on this thread, before its first screen is drawn.

        Loading the engine and the cohorts takes some tens of milliseconds and the
        review itself well under one, so the screen can show the review in its first
        frame instead of a "Reviewing…" placeholder.
        """
        session = self.session
        if session is None or session.case is None or not _inline(session.case):
            return  # a very large case is reviewed in a worker, after the first frame
        self._requested = (session, session.revision)
        review, error = _reported(self, *_review(self, session.case))
        self.review_state = ReviewState(session.revision, review, error)
        self._engine_loaded()

    def request_review(self) -> None:
        """Review the current case in a worker; ``review_state`` changes when it is done."""
        session = self.session
        self._requested = (session, session.revision if session else 0)
        if session is None or session.case is None:
            self.review_state = ReviewState(session.revision if session else 0, None)
            return
        revision = session.revision

        def done(review: Review | None, error: str | None) -> None:
            self.review_state = ReviewState(revision, review, error)

        review_in_thread(self, session.case, done, "review")

    def need_frames(self, *names: str) -> None:
        """Load evidence tables in a worker; ``frames`` changes when they are in."""
        missing = [name for name in names if name not in self.frames]
        if missing:
            self.after_warm_up(
                lambda: self.run_worker(
                    lambda: self._load_frames(missing),
                    thread=True,
                    group="frames",
                    exit_on_error=False,
                )
            )

    def _load_frames(self, names: list[str]) -> None:
        from il2tui.evidence import frame

        try:
            loaded = {name: frame(name) for name in names}
        except Exception as exc:  # a broken data file: say so, keep running
            message = f"Evidence not available ({type(exc).__name__}: {exc}). {KEPT}"
            self.call_from_thread(self.notify, message, severity="error", timeout=10)
            return
        self.call_from_thread(self._add_frames, loaded)

    def _add_frames(self, loaded: dict[str, Any]) -> None:
        self.frames = self.frames | loaded

    def warm_up(self) -> None:
        """Import the engine, then pandas, in a worker; run what waited for each.

        Called ``warm_delay`` seconds after the first screen is shown: importing
        pandas in a thread holds the interpreter for long stretches, so it must not
        compete with the first paint.
        """

        def work() -> None:
            from il2tui.clinical.review import review_case  # noqa: F401
            from il2tui.evidence import cohort, frame

            cohort("melanoma", 1, "none")
            self.call_from_thread(self._engine_loaded)
            frame("response")
            self.call_from_thread(self._warmed)

        self.run_worker(work, thread=True, group="warm-up", exit_on_error=False)

    def _engine_loaded(self) -> None:
        self.engine_ready = True
        pending, self._pending_engine = self._pending_engine, []
        for work in pending:
            work()

    def _warmed(self) -> None:
        from il2tui.tui import memory

        memory.settle_heap()
        self._warm = True
        pending, self._pending = self._pending, []
        for work in pending:
            work()
