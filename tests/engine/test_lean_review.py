"""A plain ``il2 review`` runs without Typer (and so without pydantic), and says exactly
what it says through Typer: the same bytes on standard output and error, the same exit
status. Other command lines are Typer's."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from il2tui.cli import launch
from il2tui.core.jsonio import dumps_exact, loads_exact
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "cases"
_LOADED_BY_MUTMUT = {"tempfile"} if "MUTANT_UNDER_TEST" in os.environ else set()
THROUGH_TYPER = "import sys; from il2tui.cli.main import main; sys.argv[0] = 'il2'; main()"


def _run(argv: list[str], *, typer: bool) -> tuple[int, bytes, bytes]:
    code = ["-c", THROUGH_TYPER] if typer else ["-m", "il2tui"]
    env = os.environ | {"PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, *code, *argv], capture_output=True, env=env, check=False)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two valid cases and one that is not a case (exit status 2, one line on stderr)."""
    folder = tmp_path_factory.mktemp("cases")
    for name in sorted(p.name for p in GOLDEN.glob("*.json"))[:2]:
        case = loads_exact((GOLDEN / name).read_text(encoding="utf-8"))["case"]
        (folder / name).write_text(dumps_exact(case), encoding="utf-8")
    (folder / "broken.json").write_text('{"format": "il2-case/1", "patient": 3}', "utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [
        ["review", "--demo"],
        ["review", "--demo", "--format", "json"],
        ["review", "-f", "csv", "FOLDER"],
        ["review", "FOLDER", "--format=markdown", "--demo"],
        ["review", "FOLDER/missing.json", "--format", "text"],
        ["review", "FOLDER", "--format", "worklist"],
        ["review", "--demo", "FOLDER", "-f", "worklist-csv"],
        ["review", "FOLDER", "--format=worklist-json", "--guideline", "GUIDELINE"],
        ["review", "--demo", "--assumptions=ASSUMPTIONS", "-f", "json"],
        ["review", "--demo", "--guideline", "FOLDER/missing.toml"],
        ["review", "--demo", "--assumptions", "FOLDER/broken.json"],
    ],
)
def test_a_plain_review_says_what_typer_would_say(folder: Path, argv: list[str]) -> None:
    argv = [_placed(a, folder) for a in argv]
    assert launch.plain_review(argv) is not None
    plain, typer = _run(argv, typer=False), _run(argv, typer=True)
    assert plain == typer
    assert plain[1] or plain[2]  # it said something


def _placed(word: str, folder: Path) -> str:
    """A word of a command line with the test's files in it (the shipped guideline and
    assumptions, given as a clinic's own files)."""
    shipped = REPO / "guidelines"
    for name, path in {
        "FOLDER": folder,
        "GUIDELINE": shipped / "retreatment.toml",
        "ASSUMPTIONS": shipped / "assumptions.toml",
    }.items():
        word = word.replace(name, str(path))
    return word


@pytest.mark.slow
def test_the_folder_holds_two_cases_and_one_broken_file(folder: Path) -> None:
    status, out, err = _run(["review", "-f", "csv", str(folder)], typer=False)
    assert status == 2
    assert err.decode().count("\n") == 1 and "broken.json: patient" in err.decode()
    assert {line.split(",")[0] for line in out.decode().splitlines()[1:]} == {
        str(p) for p in sorted(folder.glob("0*.json"))
    }


@pytest.mark.parametrize(
    "argv",
    [
        ["review"],
        ["review", "--help"],
        ["review", "--demo", "--demo"],
        ["review", "--demo", "--format", "worklist-JSON"],
        ["review", "--demo", "--format="],
        ["review", "--demo", "--format", "CSV"],
        ["review", "--demo", "-f"],
        ["review", "--demo", "-f", "csv", "-f", "json"],
        ["review", "--demo", "--guideline", "g.toml", "--guideline", "h.toml"],
        ["review", "--demo", "--guideline", "--demo"],
        ["review", "--demo", "--guideline="],
        ["review", "--demo", "--assumptions"],
        ["review", "--demo", "-f=csv"],
        ["review", "-"],
        ["review", ""],
        ["assist", "--demo"],
        ["evidence"],
    ],
)
def test_every_other_command_line_is_typer_s(argv: list[str]) -> None:
    assert launch.plain_review(argv) is None


def test_a_plain_review_reads_its_words_in_any_order() -> None:
    found = launch.plain_review(["review", "b.json", "-f", "csv", "a", "--demo"])
    assert found == ([Path("b.json"), Path("a")], "csv", True, None, None)
    assert launch.plain_review(["review", "x.json"]) == (
        [Path("x.json")],
        "text",
        False,
        None,
        None,
    )
    found = launch.plain_review(
        ["review", "--assumptions", "a.toml", "x.json", "--guideline=g.toml", "-f", "worklist"]
    )
    assert found == ([Path("x.json")], "worklist", False, Path("g.toml"), Path("a.toml"))


@pytest.mark.slow
def test_a_plain_review_loads_neither_typer_nor_pydantic() -> None:
    env = os.environ | {"PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "il2tui", "review", "--demo", "-f", "csv"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "il2tui.clinical.review" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("typer", "click", "pydantic")}
    # a review saves nothing: the atomic writer and its tempfile load only to save a case
    # (but under mutmut, whose trampolines in the mutated copies load tempfile themselves)
    saving = {"il2tui.core.storage"} | ({"tempfile"} - _LOADED_BY_MUTMUT)
    assert not saving & loaded


def test_an_audit_freezes_what_it_holds_after_its_first_review(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What stays to the end of an audit (the modules, the guideline, the paper's tables) is
    out of the full collections after the first review (``bench/instructions.py``: 1.6%
    of the instructions of 600 reviews), and the reviews are written all the same."""
    from il2tui.cli.review_run import run_review

    frozen = gc.get_freeze_count()
    try:
        assert run_review([folder], "csv", None, demo=False)  # broken.json: True
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
    written = capsys.readouterr()
    assert written.out.count(str(folder)) >= 2 and "broken.json" in written.err
