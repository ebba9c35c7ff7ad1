"""Where the shipped data lives, and where the user's own files go.

The paper's tables (``data/``) and the guideline files (``guidelines/``) ship
inside the package and are found next to its code, never through a path relative
to the repository or the working folder. (:mod:`importlib.resources` finds the
same files, since il2tui is always installed as files, not run from a zip; it cost
27M instructions a process to import and set up, 2.4% of a minimal Textual app's
start, on the way to the demo's first screen.) The user's autosave folder follows
the XDG convention and can be redirected with ``IL2TUI_DATA_DIR`` (the tests
always do).
"""

from __future__ import annotations

import os
from pathlib import Path

#: The installed package's folder, which holds ``data/`` and ``guidelines/``.
PACKAGE_DIR = Path(__file__).resolve().parent.parent


def shipped(folder: str, name: str | None = None) -> Path:
    """Return a shipped folder (``data`` or ``guidelines``) or a file inside it."""
    root = PACKAGE_DIR / folder
    return root if name is None else root / name


def read_shipped_text(folder: str, name: str) -> str:
    """Read a shipped text file as UTF-8."""
    return shipped(folder, name).read_text(encoding="utf-8")


def user_data_dir() -> Path:
    """The folder for autosaved cases and exported reports.

    ``IL2TUI_DATA_DIR`` wins; otherwise ``$XDG_DATA_HOME/il2tui`` or
    ``~/.local/share/il2tui``. The folder is not created here.
    """
    override = os.environ.get("IL2TUI_DATA_DIR")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "il2tui"
