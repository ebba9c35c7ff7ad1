"""Saving a case or a report: atomic, private, and nothing left behind when it fails.

What an IT person would check with ``strace`` and ``ls -l``: the bytes reach the
disk (fsync) before the new file replaces the old one, the rename is made
durable by syncing the folder, the file is 0600 whatever the umask, and a failed
save leaves the old file exactly as it was and no temporary file beside it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from il2tui.case.demo import demo_case
from il2tui.case.files import dump_case, load_case, save_case
from il2tui.core.reading import Fingerprint
from il2tui.core.storage import SaveError, atomic_write_text, create_new

NEW = "new text é\n" * 1000
OLD = b"old text\n"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """An existing file with known content and mode 0644, as a colleague's export might be."""
    path = tmp_path / "case.json"
    path.write_bytes(OLD)
    path.chmod(0o644)
    return path


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Run with umask 000, the worst a shell can set, and restore it afterwards."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _content(fd: int, size: int) -> bytes:
    """What the file open as ``fd`` holds now (through /proc when ``fd`` is write-only)."""
    try:
        return os.pread(fd, size + 1, 0)
    except OSError:
        return Path(f"/proc/self/fd/{fd}").read_bytes()


class Recorder:
    """Wraps os.write, os.fsync and os.replace to log what reached the disk, in order."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[tuple[Any, ...]] = []
        self._write, self._fsync, self._replace = os.write, os.fsync, os.replace
        monkeypatch.setattr(os, "write", self.write)
        monkeypatch.setattr(os, "fsync", self.fsync)
        monkeypatch.setattr(os, "replace", self.replace)

    def write(self, fd: int, data: bytes) -> int:
        self.events.append(("write",))
        return self._write(fd, data)

    def fsync(self, fd: int) -> None:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            self.events.append(("fsync folder", info.st_ino))
        else:
            content = _content(fd, info.st_size)
            self.events.append(("fsync file", content, stat.S_IMODE(info.st_mode)))
        self._fsync(fd)

    def replace(self, src: str, dst: Path) -> None:
        self.events.append(("replace", Path(src), Path(dst)))
        self._replace(src, dst)

    def kinds(self) -> list[str]:
        """The event names, consecutive writes counted once."""
        out: list[str] = []
        for event in self.events:
            if not out or out[-1] != event[0]:
                out.append(event[0])
        return out


def test_the_bytes_are_synced_before_the_rename_and_the_folder_after(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """write, (nothing left to flush), fsync(file), replace, fsync(folder): in that order."""
    recorder = Recorder(monkeypatch)
    atomic_write_text(target, NEW)
    assert recorder.kinds() == ["write", "fsync file", "replace", "fsync folder"]
    events = {event[0]: event for event in recorder.events}
    assert events["fsync file"][1] == NEW.encode()  # every byte written before the fsync
    _, temporary, destination = events["replace"]
    assert destination == target
    assert temporary.parent == target.parent and temporary != target  # same folder: atomic
    assert events["fsync folder"][1] == target.parent.stat().st_ino
    assert target.read_text(encoding="utf-8") == NEW


def test_the_text_is_never_in_a_file_others_could_read(
    target: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    """Even before the rename, the temporary file holding the text is 0600."""
    recorder = Recorder(monkeypatch)
    atomic_write_text(target, NEW)
    [synced] = [event for event in recorder.events if event[0] == "fsync file"]
    assert synced[2] == 0o600


def test_a_new_file_is_0600_even_with_umask_000(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "new.json"
    atomic_write_text(path, NEW)
    assert _mode(path) == 0o600


def test_overwriting_a_0644_file_makes_it_0600(target: Path, open_umask: None) -> None:
    assert _mode(target) == 0o644
    atomic_write_text(target, NEW)
    assert _mode(target) == 0o600
    assert target.read_text(encoding="utf-8") == NEW


def _fail_write(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)


def _fail_after_writing_half(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first write gets half the bytes to the file, the second finds the disk full."""
    real = os.write
    calls: list[int] = []

    def half_then_full(fd: int, data: bytes) -> int:
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, bytes(data[: len(data) // 2]))

    monkeypatch.setattr(os, "write", half_then_full)


def _fail_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)


def _fail_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(src: str, dst: Path) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)


FAILURES = {
    "write: disk full": (_fail_write, errno.ENOSPC, "the disk is full"),
    "write: full halfway": (_fail_after_writing_half, errno.ENOSPC, "the disk is full"),
    "fsync: I/O error": (_fail_fsync, errno.EIO, "input/output error"),
    "replace: refused": (_fail_replace, errno.EACCES, "save to a folder of your own"),
}


@pytest.mark.parametrize("name", FAILURES)
def test_a_failed_save_leaves_the_old_file_and_no_temporary_file(
    target: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Whatever step fails, the folder holds the old file, byte for byte, and nothing else."""
    break_it, code, advice = FAILURES[name]
    before = target.stat()
    with monkeypatch.context() as patch, pytest.raises(SaveError) as caught:
        break_it(patch)
        atomic_write_text(target, NEW)
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    assert target.read_bytes() == OLD
    assert (target.stat().st_mtime_ns, _mode(target)) == (before.st_mtime_ns, 0o644)
    error = caught.value
    assert isinstance(error, OSError) and error.errno == code
    assert str(error).startswith(f"{target} was not saved: ") and advice in str(error)
    assert "unchanged" in str(error) and "\n" not in str(error)


def test_a_folder_that_vanished_is_a_clear_save_error(tmp_path: Path) -> None:
    """The folder was removed (or a USB stick pulled) after the case was opened."""
    folder = tmp_path / "cases"
    folder.mkdir()
    folder.rmdir()
    with pytest.raises(SaveError) as caught:
        save_case(demo_case(), folder / "case.json")
    assert caught.value.errno == errno.ENOENT
    assert str(caught.value).startswith(f"{folder / 'case.json'} was not saved: ")
    assert "the folder does not exist" in str(caught.value)
    assert not folder.exists()


def test_a_full_disk_while_saving_a_case_is_a_clear_save_error(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the assistant shows: the file, the cause, and what to do; the old case is intact."""
    with monkeypatch.context() as patch, pytest.raises(SaveError) as caught:
        _fail_write(patch)
        save_case(demo_case(), target)
    assert caught.value.strerror == "no space left on device"
    assert caught.value.filename == str(target)
    assert "free some space, or save to another disk" in str(caught.value)
    assert target.read_bytes() == OLD


def test_a_folder_that_cannot_be_synced_says_the_file_was_written(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one failure after the rename: the new text is in place, its durability is not."""
    real = os.fsync

    def folder_fails(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    monkeypatch.setattr(os, "fsync", folder_fails)
    with pytest.raises(SaveError) as caught:
        atomic_write_text(target, NEW)
    assert caught.value.replaced
    assert "was written but may not survive a power cut" in str(caught.value)
    assert target.read_text(encoding="utf-8") == NEW


def test_text_that_utf8_cannot_write_is_refused_before_touching_the_disk(target: Path) -> None:
    with pytest.raises(SaveError) as caught:
        atomic_write_text(target, "site \udc80")
    assert "a character UTF-8 cannot write (position 5)" in str(caught.value)
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    assert target.read_bytes() == OLD


def test_a_saved_case_reads_back_as_the_same_case(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "case.json"
    save_case(demo_case(), path)
    assert load_case(path) == demo_case()
    assert path.read_text(encoding="utf-8") == dump_case(demo_case())
    assert _mode(path) == 0o600


def test_the_temporary_file_is_hidden_beside_the_target_and_named_after_it(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a crash before the rename would leave: ``.case.json.XXXXXXXX.tmp``, a hidden
    file beside the case that says whose it is (``ls -a`` shows it, ``ls`` does not)."""
    seen: list[list[str]] = []
    real = os.fsync

    def look(fd: int) -> None:
        seen.append(sorted(p.name for p in target.parent.iterdir()))
        real(fd)

    monkeypatch.setattr(os, "fsync", look)
    atomic_write_text(target, NEW)
    temporary = [name for name in seen[0] if name != "case.json"]
    assert len(temporary) == 1
    assert re.fullmatch(r"\.case\.json\.\w{8}\.tmp", temporary[0])


def test_the_fingerprint_is_the_file_now_on_disk(tmp_path: Path) -> None:
    """Device, inode and SHA-256 of the bytes: what a later save compares to see whether
    another program changed the file in between."""
    path = tmp_path / "case.json"
    written = atomic_write_text(path, "é\n")
    info = path.stat()
    assert written == Fingerprint(
        info.st_dev,
        info.st_ino,
        "edd3a863872a04239eb29ad4bc12fc892b3d4ae57cc7e786a3697816f8e141c2",  # sha256sum of é\n
    )


def test_a_new_file_makes_its_missing_folders_private(tmp_path: Path) -> None:
    """The data folder and its parent do not exist yet: both are made, the last one 0700
    (umask 022, as a login shell sets it: 0755 for the parent)."""
    previous = os.umask(0o022)
    try:
        path = create_new(tmp_path / "il2tui" / "cases", "case")
    finally:
        os.umask(previous)
    assert path == tmp_path / "il2tui" / "cases" / "case.json"
    assert path.read_bytes() == b""
    assert _mode(path.parent) == 0o700
