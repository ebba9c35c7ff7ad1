"""``il2 assist --guideline FILE --assumptions FILE``: a clinic's own files decide every review
the assistant shows (the open case, the worklist, the exported report), as they do for
``il2 review``; the assistant says at the start, and on the Help screen, that they do.

The case: L1 from its nadir of 100 mm² to 124 mm² (+24%) while the SPD is 72% down. Under
the shipped assumptions (tolerance 0) the lesion is growing, so the evaluation is an MR;
under a clinic's tolerance of 24% it is not, so it is a PR.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from il2tui.case.files import dump_case
from il2tui.cli.main import app as cli
from il2tui.clinical.guideline import load_assumptions
from il2tui.tui.app import AssistApp
from tests.engine.test_growing_tolerance import CASE, _clinic
from tests.hardening.hostile import runner
from tests.tui.conftest import settle
from tests.tui.test_conversation import run

Build = Callable[..., AssistApp]


def _case_file(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "grow.json"
    path.write_text(dump_case(CASE), encoding="utf-8")
    return path


def _category(app: AssistApp) -> str:
    review = app.current_review()
    assert review is not None
    return review.courses[1].assessments[0].response


def test_the_open_case_is_reviewed_with_the_clinics_assumptions(
    build: Build, tmp_path: Path
) -> None:
    path = _case_file(tmp_path / "cases")
    clinic = (None, load_assumptions(_clinic(tmp_path, "24")))
    seen: dict[str, str] = {}
    for label, files in (("shipped", (None, None)), ("clinic", clinic)):
        app = build(case_path=path, clinic=files)

        async def steps(pilot, app: AssistApp = app, label: str = label) -> None:
            seen[label] = _category(app)

        run(app, steps)
    assert seen == {"shipped": "MR", "clinic": "PR"}


def test_the_worklist_rows_are_reviewed_with_them_too(build: Build, tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    _case_file(folder)
    clinic = (None, load_assumptions(_clinic(tmp_path, "24")))
    found: dict[str, str | None] = {}
    for label, files in (("shipped", (None, None)), ("clinic", clinic)):
        app = build(folder=folder, clinic=files)

        async def steps(pilot, app: AssistApp = app, label: str = label) -> None:
            await settle(pilot)
            assert app.worklist is not None
            rows = list(app.worklist.rows.values())
            assert len(rows) == 1
            found[label] = rows[0].category

        run(app, steps, size=(120, 40))
    assert found == {"shipped": "MR", "clinic": "PR"}


def test_the_help_screen_names_the_clinics_files(build: Build, tmp_path: Path) -> None:
    path = _case_file(tmp_path / "cases")
    clinic = (None, load_assumptions(_clinic(tmp_path, "24")))
    app = build(case_path=path, clinic=clinic)
    shown: list[str] = []

    async def steps(pilot) -> None:
        await pilot.press("f1")
        await settle(pilot)
        shown.append(str(app.screen.query_one("#help-clinic", Static).content))

    run(app, steps)
    assert shown == [
        "Reviewing with the clinic's own assumptions il2-response-assumptions 1.1.0 "
        "(growing-lesion tolerance 24%)."
    ]


def test_without_them_the_help_screen_says_nothing_of_a_clinic(
    build: Build, tmp_path: Path
) -> None:
    app = build(case_path=_case_file(tmp_path / "cases"))
    found: list[int] = []

    async def steps(pilot) -> None:
        await pilot.press("f1")
        await settle(pilot)
        found.append(len(app.screen.query("#help-clinic")))

    run(app, steps)
    assert found == [0]


def test_a_file_that_cannot_be_used_is_one_line_before_the_assistant_starts(
    tmp_path: Path,
) -> None:
    path = _case_file(tmp_path / "cases")
    missing = runner.invoke(cli, ["assist", str(path), "--assumptions", str(tmp_path / "no")])
    assert missing.exit_code == 2
    assert missing.stderr == f"{tmp_path / 'no'}: no such file\n"
    wrong = runner.invoke(cli, ["assist", "--demo", "--assumptions", str(_clinic(tmp_path, "30"))])
    assert wrong.exit_code == 2
    assert "growing_lesion_tolerance_pct" in wrong.stderr
