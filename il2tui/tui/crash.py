"""What is left behind when the assistant meets an error it did not expect.

The case in memory goes to a recovery file and the traceback (without local
variables, which would hold patient data) to a report, both private (0600) in
the data folder; ``il2 assist`` then prints one line naming them and exits 1.
Nothing here may raise: it runs while the app is already failing.
"""

from __future__ import annotations

import tempfile
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from il2tui.core import clock

if TYPE_CHECKING:
    from il2tui.tui.session import Session


def record(error: BaseException, session: Session | None, data_dir: Path | None) -> str:
    """Write the recovery file and the report; the one line to print about them."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    folders = (_folder(data_dir), Path(tempfile.gettempdir()))  # the data folder may be the fault
    saved = _save_case(session, folders, stamp)
    report = _write(folders, f"crash-{stamp}", ".txt", _report(error))
    parts = [f"il2 assist stopped on an unexpected error ({type(error).__name__})"]
    parts.append(f"the case was saved to {saved}" if saved else "no case was saved")
    parts.append(f"full report: {report}" if report else "no report could be written")
    return "; ".join(parts) + "."


def _report(error: BaseException) -> str:
    from il2tui import __version__

    lines = traceback.format_exception(type(error), error, error.__traceback__)
    return f"il2 {__version__}\n" + "".join(lines)


def _save_case(session: Session | None, folders: tuple[Path, ...], stamp: str) -> Path | None:
    if session is None or session.case is None:
        return None
    from il2tui.case.files import dump_case

    try:
        text = dump_case(session.case)
    except Exception:  # the case itself cannot be written: the report says why
        return None
    return _write(folders, f"recovery-{stamp}", ".json", text)


def _write(folders: tuple[Path, ...], stem: str, suffix: str, text: str) -> Path | None:
    """Write ``text`` to a new private file in the first folder that takes it."""
    from il2tui.core.storage import atomic_write_text, create_new

    for folder in folders:
        try:
            path = create_new(folder, stem, suffix)
            atomic_write_text(path, text)
        except OSError:
            continue
        return path
    return None


def _folder(data_dir: Path | None) -> Path:
    from il2tui.core.resources import user_data_dir

    return data_dir or user_data_dir()
