"""Builders of hostile case files, and the check every one of them must pass.

``il2 review FILE`` on a file that is not a valid case answers with exit status
2 and exactly one line on standard error that names the file and the field
path, never a traceback, and leaves the file as it was (bytes and mtime).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from il2tui.cli.main import app
from tests.engine.helpers import case_data

Maker = Callable[[Path], Path]
runner = CliRunner()


def valid() -> dict[str, Any]:
    """Two lesions, two courses, one assessment after course 1: a valid case."""
    return case_data({"L1": [20, 20], "L2": [10, 10]}, [[{"L1": [10, 10], "L2": [5, 5]}], []])


def edited(edit: Callable[[dict[str, Any]], object]) -> Maker:
    """A case file: the valid case changed by ``edit``."""

    def make(folder: Path) -> Path:
        data = copy.deepcopy(valid())
        edit(data)
        return text(json.dumps(data, ensure_ascii=False))(folder)

    return make


def _parent(data: Any, path: list[Any]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def put(path: list[Any], value: Any) -> Maker:
    """A case file with the field at ``path`` set to ``value`` (created if missing)."""
    return edited(lambda data: _parent(data, path).__setitem__(path[-1], value))


def removed(path: list[Any]) -> Maker:
    """A case file without the field at ``path``."""
    return edited(lambda data: _parent(data, path).__delitem__(path[-1]))


def swapped(old: str, new: str) -> Maker:
    """The valid case's JSON text with the first ``old`` written as ``new``."""
    return text(json.dumps(valid()).replace(old, new, 1))


def text(content: str) -> Maker:
    """A file with this UTF-8 text."""
    return raw(content.encode("utf-8"))


def raw(content: bytes) -> Maker:
    """A file with these bytes."""

    def make(folder: Path) -> Path:
        path = folder / "case.json"
        path.write_bytes(content)
        return path

    return make


def fingerprint(path: Path) -> tuple[Any, ...]:
    """What must not change: the kind, size, mode, mtime and (for a file) the bytes' hash."""
    info = path.lstat()
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    return info.st_mode, info.st_size, info.st_mtime_ns, digest


def refusal(path: Path) -> str:
    """Run ``il2 review path``: exit 2, nothing on stdout, one line on stderr; return it."""
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert len(lines[0]) < 400, "a hostile file must not give a flood of text"
    return lines[0]


def names(line: str, path: Path, field: str, words: str) -> None:
    """The line starts with the file and the field path, and says what is wrong."""
    where = f"{path}: {field}: " if field else f"{path}: "
    assert line.startswith(where), line
    assert words in line, line


def review_refuses(path: Path, field: str, words: str) -> None:
    """``il2 review path`` refuses the file in one line naming it, and leaves it as it was."""
    before = fingerprint(path)
    names(refusal(path), path, field, words)
    assert fingerprint(path) == before, "reviewing changed the file"
