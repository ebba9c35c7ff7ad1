"""The assistant and its files: one writer per file, changes by others, Save as over an
existing file, a data folder that is a file, a file named on the command line that is
not valid, and an error nobody expected (issue 14, as a clinician meets them)."""

from __future__ import annotations

import asyncio
import json
import stat
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from il2tui.case.files import load_case
from il2tui.core.locking import lock
from il2tui.tui import reviewing
from il2tui.tui.app import AssistApp
from il2tui.tui.reviewing import INLINE_EVALUATIONS
from il2tui.tui.screens.changed import ChangedScreen
from il2tui.tui.screens.message import ConfirmScreen
from il2tui.tui.screens.save_as import SaveAsScreen
from il2tui.tui.widgets.field import Field
from tests.tui import cases
from tests.tui.conftest import settle
from tests.tui.test_failures import answer_course, dialog_text, save_to

Build = Callable[..., AssistApp]


def test_a_file_open_elsewhere_is_offered_read_only_and_never_written(
    build: Build, tmp_path: Path
) -> None:
    """Another il2 assist holds the file: the dialog says so; viewing read-only, an answer
    is kept in memory, the save is refused with Save as offered, and the file is unchanged."""
    path = cases.write(tmp_path, "case", cases.BEFORE_COURSE)
    before = path.read_bytes()
    other = lock(path)
    elsewhere = tmp_path / "mine.json"
    app = build(case_path=path)
    seen: dict[str, object] = {}

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            seen["asked"] = type(app.screen)
            seen["question"] = dialog_text(app)
            await pilot.press("enter")  # View read-only
            await settle(pilot)
            seen["read only"] = app.session.read_only  # type: ignore[union-attr]
            seen["name"] = app.session.file_name  # type: ignore[union-attr]
            await answer_course(pilot)
            seen["refused"] = type(app.screen)
            seen["why"] = dialog_text(app)
            await save_to(pilot, elsewhere)

    try:
        asyncio.run(main())
    finally:
        other.release()
    assert seen["asked"] is ConfirmScreen
    assert "already open in another il2 assist" in str(seen["question"])
    assert seen["read only"] is True
    assert seen["name"] == "case.json (read-only)"
    assert seen["refused"] is SaveAsScreen
    assert "open in another il2 assist" in str(seen["why"])
    assert path.read_bytes() == before
    assert load_case(elsewhere, draft=True).courses[0].doses == (12,)


def test_leaving_a_file_open_elsewhere_ends_with_one_line(build: Build, tmp_path: Path) -> None:
    path = cases.write(tmp_path, "case", cases.BEFORE_COURSE)
    other = lock(path)
    app = build(case_path=path)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("escape")  # Leave it
            await settle(pilot)

    try:
        asyncio.run(main())
    finally:
        other.release()
    assert app.return_code == 0
    assert app.exit_line == f"{path} is already open in another il2 assist: not opened."


def _change_elsewhere(path: Path) -> str:
    """Another program writes the file: the label becomes ``Theirs``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["patient"]["label"] = "Theirs"
    text = json.dumps(data)
    path.write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize("choice", ["theirs", "mine", "overwrite", None])
def test_a_file_changed_by_another_program_is_never_overwritten_silently(
    build: Build, tmp_path: Path, choice: str | None
) -> None:
    path = cases.write(tmp_path, "case", cases.BEFORE_COURSE)
    app = build(case_path=path)
    seen: dict[str, object] = {}

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            seen["theirs"] = _change_elsewhere(path)
            await answer_course(pilot)
            seen["asked"] = type(app.screen)
            if choice is None:
                await pilot.press("escape")
            else:
                await pilot.click(f"#{choice}")
            await settle(pilot)
            seen["in memory"] = app.session.case  # type: ignore[union-attr]
            seen["path"] = app.session.path  # type: ignore[union-attr]

    asyncio.run(main())
    assert seen["asked"] is ChangedScreen
    on_disk = load_case(path, draft=True)
    if choice in ("theirs", None, "mine"):
        assert path.read_text(encoding="utf-8") == seen["theirs"]
    if choice == "theirs":
        assert seen["in memory"] == on_disk  # their version, reopened
    elif choice == "mine":
        mine = tmp_path / "case-mine.json"
        assert seen["path"] == mine
        saved = load_case(mine, draft=True)
        assert (saved.patient.label, saved.courses[0].doses) == ("Test-01", (12,))
    elif choice == "overwrite":
        assert (on_disk.patient.label, on_disk.courses[0].doses) == ("Test-01", (12,))
    else:
        assert seen["in memory"].courses[0].doses == (12,)  # type: ignore[attr-defined]


def test_save_as_asks_before_replacing_another_file(build: Build, tmp_path: Path) -> None:
    """F6 with the name of an existing file: a question, and "choose another name" leaves it
    alone; "replace it" writes the case there."""
    path = cases.write(tmp_path, "case", cases.BEFORE_COURSE)
    other = tmp_path / "colleague.json"
    other.write_text("their notes", encoding="utf-8")
    app = build(case_path=path)
    seen: dict[str, object] = {}

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("f6")
            await settle(pilot)
            await save_to(pilot, other)
            seen["asked"] = type(app.screen)
            seen["question"] = dialog_text(app)
            await pilot.press("escape")  # Choose another name
            await settle(pilot)
            seen["back"] = type(app.screen)
            seen["kept"] = other.read_text(encoding="utf-8")
            await save_to(pilot, other)
            await pilot.press("enter")  # Replace it
            await settle(pilot)

    asyncio.run(main())
    assert seen["asked"] is ConfirmScreen
    assert f"{other} already exists" in str(seen["question"])
    assert seen["back"] is SaveAsScreen
    assert seen["kept"] == "their notes"
    assert load_case(other, draft=True).patient.label == "Test-01"
    assert app.session is not None and app.session.path == other


def test_save_as_suggests_a_plain_name_that_is_free(build: Build, tmp_path: Path) -> None:
    """The current file's name holds an escape: the suggestion is plain, in the home folder,
    and not the name of a file already there (Enter alone can replace nothing)."""
    path = cases.write(tmp_path, "pat\x1b[2Jient", cases.BEFORE_COURSE)
    (Path.home() / "pat-2Jient.json").write_text("someone's", encoding="utf-8")
    app = build(case_path=path)
    seen: dict[str, str] = {}

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("f6")
            await settle(pilot)
            seen["suggested"] = app.screen.query_one("#path", Field).value

    asyncio.run(main())
    assert seen["suggested"] == str(Path.home() / "pat-2Jient-2.json")


def test_a_data_folder_that_is_a_file_is_a_dialog_and_nothing_typed_is_lost(
    build: Build, tmp_path: Path
) -> None:
    """A new case, the data folder a file: the first answer's save says so and offers
    another file; the patient step just typed is kept and saved there."""
    data = tmp_path / "data"
    data.write_text("in the way", encoding="utf-8")
    elsewhere = tmp_path / "new-case.json"
    app = build(data_dir=data)
    seen: dict[str, object] = {}

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("n")  # a new case
            await settle(pilot)
            await pilot.press("m", "enter")  # melanoma, answered
            await settle(pilot)
            seen["dialog"] = type(app.screen)
            seen["why"] = dialog_text(app)
            await save_to(pilot, elsewhere)

    asyncio.run(main())
    assert seen["dialog"] is SaveAsScreen
    assert f"{data} is a file, not a folder" in str(seen["why"])
    assert load_case(elsewhere, draft=True).patient.diagnosis == "melanoma"


def test_an_invalid_file_on_the_command_line_ends_with_exit_status_2(
    build: Build, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "il2-case/1"', encoding="utf-8")
    app = build(case_path=path)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)

    asyncio.run(main())
    assert app.return_code == 2
    assert app.exit_line == f"{path}: line 1, column 24: not valid JSON: Expecting ',' delimiter"


def test_an_unexpected_error_saves_the_case_and_a_report_without_locals(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    """A bug in a key's action: the app ends with status 1; the case (with course 1 just
    answered) is in a recovery file, the traceback in a 0600 report that holds no local
    variable (the label is patient data), and one line names both."""
    path = cases.write(tmp_path, "case", cases.BEFORE_COURSE)
    app = build(case_path=path)

    def broken(self: AssistApp) -> None:
        label = self.session.case.patient.label  # type: ignore[union-attr]
        raise RuntimeError(f"bug near {len(label or '')} characters")

    monkeypatch.setattr(AssistApp, "action_help", broken)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await answer_course(pilot)
            await pilot.press("f1")
            await settle(pilot)

    with pytest.raises(RuntimeError, match="bug near"):  # the Pilot re-raises it for tests
        asyncio.run(main())
    assert app.return_code == 1
    recovery = data_dir / "recovery-20260601-093000.json"
    report = data_dir / "crash-20260601-093000.txt"
    assert app.exit_line == (
        "il2 assist stopped on an unexpected error (RuntimeError); "
        f"the case was saved to {recovery}; full report: {report}."
    )
    assert load_case(recovery, draft=True).courses[0].doses == (12,)
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError: bug near 7 characters" in text
    assert "Test-01" not in text  # the local variable's value is not in the report


def _restaged(count: int) -> dict[str, object]:
    """Course 1 and ``count`` restagings a week apart, all a PR."""
    course = cases.course(1, "2025-01-13", None, None)
    start = date(2025, 2, 1)
    course["assessments"] = [
        {"date": (start + timedelta(weeks=i)).isoformat(), "measurements": cases.HALF}
        for i in range(count)
    ]
    return cases.case([course])


@pytest.mark.parametrize(("count", "on_ui_thread"), [(3, True), (INLINE_EVALUATIONS + 1, False)])
def test_a_case_with_many_restagings_is_reviewed_off_the_ui_thread(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int, on_ui_thread: bool
) -> None:
    """Once the engine is loaded a short case is reviewed at once; a long one never blocks
    the keys (the review runs in a worker)."""
    threads: list[bool] = []
    real = reviewing._review

    def spy(app: object, case: object) -> object:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(app, case)  # type: ignore[arg-type]

    monkeypatch.setattr(reviewing, "_review", spy)
    app = build(case_path=cases.write(tmp_path, "case", _restaged(count)))

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            threads.clear()  # the first review waits for the warm-up in any case
            app.session.revision += 1  # type: ignore[union-attr]
            app.ensure_review()
            await settle(pilot)

    asyncio.run(main())
    assert threads == [on_ui_thread]
