"""Invalid case files among valid ones, and the wording of the one-line message.

The complete table of hostile files (issue 6) is in
``tests/hardening/test_hostile_files.py``, and the generated input in
``tests/hardening/test_loader_fuzz.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from il2tui.cli.main import app
from tests.hardening.hostile import runner
from tests.hardening.hostile import valid as _valid


def test_a_bad_file_among_good_ones_is_named_and_the_rest_reviewed(tmp_path: Path) -> None:
    good = tmp_path / "a.json"
    good.write_text(json.dumps(_valid()), encoding="utf-8")
    bad = tmp_path / "b.json"
    bad.write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["review", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and str(good) not in result.stderr
    assert result.stdout.count(str(good)) == 2  # one row per course of the good case


def test_a_control_character_in_a_bad_value_is_escaped_in_the_message(tmp_path: Path) -> None:
    data = _valid()
    data["patient"]["diagnosis"] = "\x1b[2Jmelanoma"
    file = tmp_path / "case.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["review", str(file)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\\x1b" in result.stderr
