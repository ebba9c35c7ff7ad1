"""Files that cannot be lost or clobbered: one writer per file, names taken with O_EXCL,
files the user may not write left alone, links kept as links, changes by others caught.

Issue 14, points 1 to 4: each scenario of its "Why" repeated at the level of the
engine's storage and of the assistant's session (the screens are in tests/tui).
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from msgspec.structs import replace

from il2tui.case.files import load_case, parse_case, save_case
from il2tui.core.locking import HeldElsewhere, lock
from il2tui.core.storage import SaveError, atomic_write_text, claim, create_new
from il2tui.tui.session import ChangedOnDisk, Session, autosave_path, open_file, write_case
from tests.tui import cases

HOLD = """
import sys, time
from pathlib import Path
from il2tui.core.locking import lock
held = lock(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(60)
"""


def _case_file(folder: Path) -> Path:
    return cases.write(folder, "case", cases.BEFORE_COURSE)


@pytest.mark.slow
def test_a_second_process_cannot_open_a_file_another_holds(tmp_path: Path) -> None:
    """Two programs on one file: the second is told, and gets the file once the first ends
    (the system frees the lock of a process that is gone, even one killed)."""
    path = _case_file(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(HeldElsewhere, match="already open in another il2 assist"):
            open_file(path)
        assert open_file(path, read_only=True).read_only  # viewing is still possible
    finally:
        holder.kill()
        holder.wait()
    session = open_file(path)
    assert session.lock is not None
    session.release()


def test_one_process_cannot_take_a_file_twice(tmp_path: Path) -> None:
    path = _case_file(tmp_path)
    first = open_file(path)
    with pytest.raises(HeldElsewhere):
        open_file(path)
    first.release()
    open_file(path).release()


def test_the_lock_follows_a_link_to_its_real_file(tmp_path: Path) -> None:
    path = _case_file(tmp_path)
    link = tmp_path / "link.json"
    link.symlink_to(path)
    held = lock(path)
    with pytest.raises(HeldElsewhere):
        lock(link)
    held.release()


def test_same_second_starts_get_different_files(tmp_path: Path) -> None:
    """The clock is fixed (as in the same second): every new case gets its own file, created
    at once, empty and private, so no later start can take the same name."""
    names = [autosave_path(tmp_path, "case") for _ in range(3)]
    assert [p.name for p in names] == [
        "case-20260601-093000.json",
        "case-20260601-093000-2.json",
        "case-20260601-093000-3.json",
    ]
    for path in names:
        assert path.read_bytes() == b""
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_name_taken_by_another_program_is_never_reused(tmp_path: Path) -> None:
    (tmp_path / "demo-x.json").write_text("theirs", encoding="utf-8")
    (tmp_path / "demo-x-2.json").symlink_to(tmp_path / "nowhere")  # a broken link counts too
    assert create_new(tmp_path, "demo-x") == tmp_path / "demo-x-3.json"
    assert (tmp_path / "demo-x.json").read_text(encoding="utf-8") == "theirs"
    assert not claim(tmp_path / "demo-x.json")


def _take(folder: Path, names: list[str]) -> None:
    for name in names:
        os.close(os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def test_case_9999_is_the_last_name_tried(tmp_path: Path) -> None:
    """``case.json`` then ``case-2.json`` to ``case-9999.json``: with every name but the
    last taken, the new file is ``case-9999.json``; with that one taken too, a SaveError."""
    _take(tmp_path, ["case.json"] + [f"case-{n}.json" for n in range(2, 9999)])
    assert create_new(tmp_path, "case") == tmp_path / "case-9999.json"
    assert (tmp_path / "case-9999.json").read_bytes() == b""
    with pytest.raises(SaveError) as caught:
        create_new(tmp_path, "case")
    assert caught.value.errno == errno.EEXIST
    assert str(tmp_path / "case-9999.json") in str(caught.value)
    assert len(list(tmp_path.iterdir())) == 9999  # nothing made by the refused call


def test_the_data_folder_as_a_file_is_a_save_error_with_what_to_do(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.write_text("not a folder", encoding="utf-8")
    session = Session(case=parse_case(json.dumps(cases.BEFORE_COURSE)), data_dir=folder)
    with pytest.raises(SaveError) as caught:
        session.target()
    message = str(caught.value)
    assert "\n" not in message
    assert str(folder) in message
    assert "choose another" in message  # the advice for a file in the folder's place
    assert session.path is None  # nothing was named: the next save asks again


@pytest.mark.parametrize("mode", [0o444, 0o400])
def test_a_read_only_file_is_not_replaced(tmp_path: Path, mode: int) -> None:
    path = _case_file(tmp_path)
    before = path.read_bytes()
    path.chmod(mode)
    with pytest.raises(SaveError) as caught:
        save_case(load_case(path), path)
    assert caught.value.errno == errno.EACCES
    assert "read-only" in str(caught.value)
    assert "another file" in str(caught.value)
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_another_users_file_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A colleague's 0644 file in a shared 0777 folder: replacing it would make it ours and
    0600, unreadable to its owner. (Another owner is simulated: tests may not chown.)"""
    path = _case_file(tmp_path)
    path.chmod(0o644)
    before = path.read_bytes()
    owner = path.stat().st_uid
    monkeypatch.setattr(os, "geteuid", lambda: owner + 1)
    with pytest.raises(SaveError, match="belongs to another user"):
        atomic_write_text(path, "{}")
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_linked_case_file_is_saved_through_the_link(tmp_path: Path) -> None:
    """The real file gets the new case (atomically, beside it), and the link stays a link."""
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = _case_file(real_dir)
    link = tmp_path / "case-link.json"
    link.symlink_to(real)
    case = load_case(link)
    changed = replace(case, patient=replace(case.patient, label="Linked"))
    save_case(changed, link)
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert load_case(real).patient.label == "Linked"
    assert sorted(p.name for p in real_dir.iterdir()) == ["case.json"]  # no temporary left


def test_another_programs_change_is_caught_before_a_save(tmp_path: Path) -> None:
    path = _case_file(tmp_path)
    session = open_file(path)
    assert session.case is not None
    mine = replace(session.case, patient=replace(session.case.patient, label="Mine"))
    theirs = json.dumps(cases.BEFORE_COURSE).replace("Test-01", "Theirs")
    path.write_text(theirs, encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        write_case(session, mine, path)
    assert path.read_text(encoding="utf-8") == theirs
    session.release()


def test_saving_twice_is_not_a_change_by_someone_else(tmp_path: Path) -> None:
    path = _case_file(tmp_path)
    session = open_file(path)
    assert session.case is not None
    write_case(session, session.case, path)
    write_case(session, session.case, path)  # what we wrote ourselves is known
    session.release()


def test_a_read_only_session_never_writes(tmp_path: Path) -> None:
    path = _case_file(tmp_path)
    before = path.read_bytes()
    session = open_file(path, read_only=True)
    assert session.case is not None
    with pytest.raises(SaveError, match="open in another il2 assist"):
        write_case(session, session.case, path)
    assert path.read_bytes() == before
