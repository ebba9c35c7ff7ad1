"""Exit statuses and what reaches standard error when things go wrong outside the input.

Issue 14, points 5 and 6: ``il2 review > /dev/full`` and a reader that stops
early give one line, never a traceback; ``il2 review DIR`` names every entry it
could not read and exits 2 after reviewing the rest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from il2tui.case.demo import demo_case_text
from il2tui.cli.main import app
from tests.hardening.hostile import runner

IL2 = [sys.executable, "-m", "il2tui"]


def _one_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "argv", [["review", "--demo"], ["schema"], ["--version"], ["evidence"], ["evidence", "facts"]]
)
def test_a_full_disk_on_standard_output_is_one_line(argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([*IL2, *argv], stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1
    assert _one_line(result.stderr) == (
        "il2: the output could not be written: No space left on device"
    )


@pytest.mark.slow
def test_a_reader_that_stops_early_is_one_line(tmp_path: Path) -> None:
    """``il2 review ... | head -c 10``: more output than a pipe holds, the reader gone."""
    case = tmp_path / "case.json"
    case.write_text(demo_case_text(), encoding="utf-8")
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the first write that reaches the pipe fails
    try:
        result = subprocess.run(
            [*IL2, "review", *[str(case)] * 5], stdout=writer, stderr=subprocess.PIPE, text=True
        )
    finally:
        os.close(writer)
    assert result.returncode == 1
    assert _one_line(result.stderr) == "il2: the output could not be written: Broken pipe"


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [
        ["evidence"],  # a Rich table: Rich's own answer was to exit 1 and say nothing
        ["evidence", "response", "--format", "csv"],
        ["evidence", "lookup", "--diagnosis", "melanoma", "--course", "1"],
        ["cohort", "--demo"],  # Click's answer was the same silent exit
        ["review", "--demo", "--format", "worklist"],
        ["schema"],
    ],
)
def test_every_command_says_when_its_reader_is_gone(argv: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = subprocess.run([*IL2, *argv], stdout=writer, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(writer)
    assert result.returncode == 1
    assert _one_line(result.stderr) == "il2: the output could not be written: Broken pipe"


def _folder_with_bad_entries(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    (folder / "ok").mkdir(parents=True)
    (folder / "ok" / "a.json").write_text(demo_case_text(), encoding="utf-8")
    (folder / "z.json").write_text(demo_case_text(), encoding="utf-8")
    os.mkfifo(folder / "fifo.json")
    (folder / "broken.json").symlink_to(tmp_path / "nowhere.json")
    (folder / "folder.json").mkdir()
    (folder / "locked").mkdir()
    (folder / "notes.txt").write_text("not a case", encoding="utf-8")
    return folder


def test_a_folder_names_every_entry_it_could_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO, a broken link, a folder named ``*.json`` and a folder that cannot be listed
    are each named on standard error; the two valid cases are still reviewed; exit 2.
    (The unlistable folder is simulated: the suite may run as root, which reads anything.)"""
    folder = _folder_with_bad_entries(tmp_path)
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(os.fsdecode(path)).name == "locked":  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fsdecode(path))  # type: ignore[arg-type]
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(app, ["review", str(folder), "--format", "csv"])
    assert result.exit_code == 2
    errors = sorted(result.stderr.splitlines())
    assert errors == [
        f"{folder / 'broken.json'}: no such file",
        f"{folder / 'fifo.json'}: is not a regular file",
        f"{folder / 'folder.json'}: is a folder, not a file",
        f"{folder / 'locked'}: cannot be read (permission denied)",
    ]
    sources = {line.split(",")[0] for line in result.stdout.splitlines()[1:]}
    assert sources == {str(folder / "ok" / "a.json"), str(folder / "z.json")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "missing"),
    [
        (["review", "--demo"], "U+2013"),
        (["review", "--demo", "--format", "json"], "U+2013"),
        (["review", "--demo", "--format", "markdown"], "U+2013"),
        (["review", "--demo", "--format", "worklist"], "U+2014"),
        (["cohort", "--demo"], "U+2500"),
    ],
)
def test_an_output_encoding_without_a_character_of_the_text_is_one_line(
    argv: list[str], missing: str
) -> None:
    """A terminal in Latin-1 has no en dash: one line that says so and what to do, never a
    traceback, and never a character written as something else (the text is clinical)."""
    env = os.environ | {"PYTHONIOENCODING": "latin-1"}
    result = subprocess.run([*IL2, *argv], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert _one_line(result.stderr) == (
        f"il2: the output could not be written: its encoding (latin-1) has no character "
        f"{missing}; use a UTF-8 locale or set PYTHONIOENCODING=utf-8"
    )
