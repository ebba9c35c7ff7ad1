"""Every file the package writes goes through :mod:`il2tui.core.storage` (atomic, 0600).

A scan of the source, the assistant included: a direct ``write_text``, an
``open(..., "w")``, a ``json.dump`` to a file or a rename outside storage.py
would write a case or a report that a crash can cut in half or that others
can read.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "il2tui"
ALLOWED = {PACKAGE / "core" / "storage.py"}
WRITING_METHODS = {"write_text", "write_bytes", "touch"}
WRITING_FUNCTIONS = {
    ("json", "dump"),
    ("os", "replace"),
    ("os", "rename"),
    ("os", "write"),
    ("shutil", "copy"),
    ("shutil", "copy2"),
    ("shutil", "copyfile"),
    ("shutil", "move"),
    ("tempfile", "mkstemp"),
    ("tempfile", "NamedTemporaryFile"),
}
WRITE_FLAGS = {"O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND", "O_TRUNC"}


def _is_writing_open(call: ast.Call) -> bool:
    """``open(p, "w")``, ``p.open("a")``, ``os.open(p, os.O_WRONLY)`` and the like."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name != "open":
        return False
    flags = {n.attr for arg in call.args for n in ast.walk(arg) if isinstance(n, ast.Attribute)}
    if flags & WRITE_FLAGS:
        return True
    position = slice(0, 1) if isinstance(func, ast.Attribute) else slice(1, 2)  # p.open(mode)
    modes = [*call.args[position], *(k.value for k in call.keywords if k.arg == "mode")]
    return any(
        isinstance(m, ast.Constant) and isinstance(m.value, str) and set(m.value) & set("wax+")
        for m in modes
    )


def _call_writes(node: ast.Call) -> bool:
    func = node.func
    method = func.attr if isinstance(func, ast.Attribute) else None
    module = func.value.id if method and isinstance(func.value, ast.Name) else None
    return (
        (module, method) in WRITING_FUNCTIONS or method in WRITING_METHODS or _is_writing_open(node)
    )


def _write_lines(path: Path) -> list[int]:
    """The line numbers of the calls in ``path`` that write a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call) and _call_writes(n))


def test_only_storage_writes_files() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert any("tui" in p.parts for p in modules), "the assistant's modules were not scanned"
    leaks = [
        f"{path.relative_to(REPO)}:{line}"
        for path in modules
        if path not in ALLOWED
        for line in _write_lines(path)
    ]
    assert leaks == [], f"files written without il2tui.core.storage: {leaks}"


def test_the_scan_finds_the_writes_it_looks_for(tmp_path: Path) -> None:
    """The guard itself: each kind of direct write is reported, reads are not."""
    lines = [
        "import json, os",
        "p.write_text('x')",
        "open(p, 'w')",
        "p.open(mode='a')",
        "os.open(p, os.O_WRONLY | os.O_CREAT)",
        "json.dump({}, f)",
        "os.replace(a, b)",
        "open(p)",
        "open('data.wax')",
        "os.open(p, os.O_RDONLY)",
        "json.dumps({})",
    ]
    sample = tmp_path / "sample.py"
    sample.write_text("\n".join(lines), encoding="utf-8")
    assert _write_lines(sample) == [2, 3, 4, 5, 6, 7]
