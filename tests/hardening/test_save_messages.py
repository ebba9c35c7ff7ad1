"""What a failed save tells the user, word for word: which file, why, and what to do.

The assistant shows ``str(SaveError)`` as it is, so each message is compared whole
(the other storage tests check fragments): a wrong file name, a lost cause or a
missing piece of advice would send the user to the wrong folder or leave them
without a next step.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from il2tui.core.storage import SaveError, atomic_write_text, claim, create_new

UNCHANGED = "The previous version of the file, if any, is unchanged."
OTHER_FILE = "save it to another file (F6 in the assistant), or ask for write access"


def _message(call: object) -> SaveError:
    with pytest.raises(SaveError) as caught:
        call()  # type: ignore[operator]
    return caught.value


def test_another_users_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "case.json"
    path.write_text("{}", encoding="utf-8")
    owner = path.stat().st_uid
    monkeypatch.setattr(os, "geteuid", lambda: owner + 1)
    error = _message(lambda: atomic_write_text(path, "new"))
    assert str(error) == (
        f"{path} was not saved: the file belongs to another user; {OTHER_FILE}. {UNCHANGED}"
    )
    assert (error.errno, error.filename) == (errno.EACCES, str(path))


def test_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o444)
    error = _message(lambda: atomic_write_text(path, "new"))
    assert str(error) == (
        f"{path} was not saved: the file is read-only (its permissions forbid writing); "
        f"{OTHER_FILE}. {UNCHANGED}"
    )
    assert error.errno == errno.EACCES


def test_a_file_larger_than_its_reader_accepts(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    error = _message(lambda: atomic_write_text(path, "x" * 1001, max_bytes=1000))
    assert str(error) == (
        f"{path} was not saved: it would be 1,001 bytes, more than the 1,000 it may hold; "
        f"shorten the longest texts and save again. {UNCHANGED}"
    )
    assert not path.exists()


def test_a_character_utf8_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    error = _message(lambda: atomic_write_text(path, "L1 \udc80"))
    assert str(error) == (
        f"{path} was not saved: the text holds a character UTF-8 cannot write (position 3); "
        f"remove that character and save again. {UNCHANGED}"
    )


def test_an_error_the_advice_table_does_not_know(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """EIO has no advice of its own: the general one; the cause's first letter in lower case."""

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    path = tmp_path / "case.json"
    error = _message(lambda: atomic_write_text(path, "new"))
    assert str(error) == (
        f"{path} was not saved: input/output error; save to another folder, or try again. "
        f"{UNCHANGED}"
    )


def test_an_error_without_a_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An OSError with no errno (no strerror either): its text, and the general advice."""

    def broken(fd: int) -> None:
        raise OSError("Device went away")

    monkeypatch.setattr(os, "fsync", broken)
    path = tmp_path / "case.json"
    error = _message(lambda: atomic_write_text(path, "new"))
    assert str(error) == (
        f"{path} was not saved: device went away; save to another folder, or try again. {UNCHANGED}"
    )
    assert error.errno is None


def test_a_unicode_error_that_is_not_an_encoding_error(tmp_path: Path) -> None:
    """A UnicodeError has no ``strerror``: its own text is the reason."""
    cause = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
    error = SaveError(tmp_path / "case.json", cause)
    assert str(error) == (
        f"{tmp_path / 'case.json'} was not saved: 'utf-8' codec can't decode byte 0xff in "
        f"position 0: invalid start byte; remove that character and save again. {UNCHANGED}"
    )


def test_a_failed_clean_up_does_not_hide_the_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary file cannot be removed either: the user still learns the disk is full."""

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def refused(path: str) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "write", full)
    monkeypatch.setattr(os, "unlink", refused)
    error = _message(lambda: atomic_write_text(tmp_path / "case.json", "new"))
    assert error.errno == errno.ENOSPC
    assert "the disk is full" in str(error)


def test_a_folder_that_cannot_be_synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fsync

    def folder_fails(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    monkeypatch.setattr(os, "fsync", folder_fails)
    path = tmp_path / "case.json"
    error = _message(lambda: atomic_write_text(path, "new"))
    assert str(error) == (
        f"{path} was written but may not survive a power cut: syncing its folder failed "
        "(input/output error); save again, or save to another folder."
    )


def test_claiming_a_name_in_a_folder_that_is_gone(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "case.json"
    error = _message(lambda: claim(path))
    assert str(error) == (
        f"{path} was not saved: no such file or directory; the folder does not exist "
        f"(removed or unmounted?): recreate it, or save to another folder. {UNCHANGED}"
    )
    assert error.errno == errno.ENOENT


def test_a_new_file_where_a_file_has_the_folders_name(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.write_text("not a folder", encoding="utf-8")
    error = _message(lambda: create_new(folder, "case"))
    assert str(error) == (
        f"{folder / 'case.json'} was not saved: {folder} is a file, not a folder; part of "
        f"the path is a file, not a folder: choose another folder. {UNCHANGED}"
    )
    assert error.errno == errno.ENOTDIR


def test_a_new_file_below_a_file(tmp_path: Path) -> None:
    """The folder cannot be made because a file stands where its parent should be."""
    (tmp_path / "cases").write_text("not a folder", encoding="utf-8")
    folder = tmp_path / "cases" / "2026"
    error = _message(lambda: create_new(folder, "case"))
    assert str(error) == (
        f"{folder / 'case.json'} was not saved: not a directory; part of the path is a "
        f"file, not a folder: choose another folder. {UNCHANGED}"
    )


def test_every_name_taken(tmp_path: Path) -> None:
    for name in ["case.json"] + [f"case-{n}.json" for n in range(2, 10_000)]:
        os.close(os.open(tmp_path / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    error = _message(lambda: create_new(tmp_path, "case"))
    assert str(error) == (
        f"{tmp_path / 'case-9999.json'} was not saved: every name like it is taken; "
        f"save to another folder, or try again. {UNCHANGED}"
    )
    assert error.errno == errno.EEXIST
