"""``il2 review`` and ``il2 schema`` from the command line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from il2tui.case.demo import demo_case_text
from il2tui.cli.main import app
from tests.commands import installed

runner = CliRunner()


def _demo_file(folder: Path, name: str = "demo.json") -> Path:
    path = folder / name
    path.write_text(demo_case_text(), encoding="utf-8")
    return path


def test_review_demo_prints_the_review_as_text() -> None:
    result = runner.invoke(app, ["review", "--demo"])
    assert result.exit_code == 0, result.output
    assert "Review of demo case (renal cell cancer)" in result.stdout
    assert "Guideline: give one consolidation course (rule cr_consolidate" in result.stdout


def test_review_of_a_file_leaves_it_byte_for_byte_unchanged(tmp_path: Path) -> None:
    path = _demo_file(tmp_path)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    for fmt in ("text", "json", "markdown", "csv"):
        result = runner.invoke(app, ["review", str(path), "--format", fmt])
        assert result.exit_code == 0, result.output
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.json"]


def test_several_files_give_a_json_array_naming_each_source(tmp_path: Path) -> None:
    first, second = _demo_file(tmp_path, "a.json"), _demo_file(tmp_path, "b.json")
    result = runner.invoke(app, ["review", str(first), str(second), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [item["source"] for item in data] == [str(first), str(second)]
    assert all(item["format"] == "il2-review/1" for item in data)


def test_a_folder_is_reviewed_file_by_file_into_one_csv_table(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    _demo_file(tmp_path, "a.json")
    _demo_file(tmp_path / "sub", "b.json")
    result = runner.invoke(app, ["review", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 + 2 * 4  # header, four courses per case
    assert lines[1].startswith(f"{tmp_path / 'a.json'},")


def test_an_empty_folder_or_no_argument_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder, not a file" in result.stderr
    result = runner.invoke(app, ["review"])
    assert result.exit_code == 2 and "--demo" in result.stderr


def test_a_clinic_guideline_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = runner.invoke(app, ["review", "--demo", "--guideline", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{missing}: no such file"


def test_schema_prints_the_json_schema_of_the_case_format() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["title"] == "il2-case/1"
    assert schema["properties"]["patient"]["$ref"] == "#/$defs/Patient"
    diagnosis = schema["$defs"]["Patient"]["properties"]["diagnosis"]
    assert diagnosis["enum"] == ["melanoma", "renal_cell"]
    assert "patient" in schema["required"]


def test_review_runs_as_a_process_without_a_traceback_on_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "il2-case/1", "patient": {"diagnosis": "lung"}}', encoding="utf-8")
    result = subprocess.run(
        [installed("il2"), "review", str(bad)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "patient.diagnosis" in result.stderr


def test_an_audit_of_several_groups_keeps_each_review_and_error_in_file_order(
    tmp_path: Path,
) -> None:
    """``il2 review`` makes reviews a few at a time before writing them (``GROUP``): over
    several groups, with broken files at their edges, each file gets its own review, in
    the order of the files, and each broken file is named once, in order."""
    from il2tui.cli.review_run import GROUP

    count = 2 * GROUP + 5
    broken = {0, 1, GROUP, GROUP + 1, 2 * GROUP + 1, count - 1}
    case = json.loads(demo_case_text())
    for i in range(count):
        case["patient"]["label"] = f"patient {i}"
        text = '{"format": "il2-case/1"}' if i in broken else json.dumps(case)
        (tmp_path / f"case-{i:03d}.json").write_text(text, encoding="utf-8")
    il2 = installed("il2")
    run = subprocess.run([il2, "review", str(tmp_path), "-f", "json"], capture_output=True)
    assert run.returncode == 2
    reviews = json.loads(run.stdout)
    valid = [i for i in range(count) if i not in broken]
    assert [r["label"] for r in reviews] == [f"patient {i}" for i in valid]
    named = [line.split(": ")[0] for line in run.stderr.decode().splitlines()]
    assert named == [str(tmp_path / f"case-{i:03d}.json") for i in sorted(broken)]
    last = tmp_path / f"case-{count - 2:03d}.json"
    alone = subprocess.run([il2, "review", str(last), "-f", "json"], capture_output=True)
    assert reviews[-1] == json.loads(alone.stdout)
