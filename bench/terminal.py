"""Time a command in a real terminal (a pseudo-terminal) until some text is on its screen.

The command runs as a user runs it: its own process, the installed console
script, stdin and stdout a terminal of a given size. What it writes is read as
it arrives; escape sequences are stripped and the rest searched for the text
that proves the screen is there (a word of the first frame, or of the review).
Then ctrl+q quits it (and a kill if it does not). No tmux polling: reading the
terminal's output directly costs no extra process and misses nothing.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from pathlib import Path
from typing import NamedTuple

#: CSI, OSC, charset and two-byte escape sequences.
ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[@-_]"
)
QUIT = b"\x11"  # ctrl+q


class Shown(NamedTuple):
    """When the text appeared: wall-clock and CPU seconds since the start (None: never)."""

    wall: float | None
    cpu: float | None
    placeholder: bool
    """True when the ``never`` text (say "Reviewing…") appeared on the way."""


def time_until_shown(
    argv: list[str],
    shown: str,
    env: dict[str, str],
    size: tuple[int, int] = (100, 30),
    timeout: float = 30.0,
    never: str | None = None,
) -> Shown:
    """Time from starting ``argv`` to ``shown`` appearing on its screen.

    Wall-clock time is what the user waits; CPU time (all the process's threads,
    from the kernel's scheduler statistics) is what the command costs, and varies
    far less when other work shares the machine.
    """
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its terminal
        columns, rows = size
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execvpe(argv[0], argv, env)
    try:
        return _watch(pid, fd, start, shown.encode(), never.encode() if never else None, timeout)
    finally:
        _stop(pid, fd)


def _watch(
    pid: int, fd: int, start: float, shown: bytes, never: bytes | None, timeout: float
) -> Shown:
    raw, seen_never = b"", False
    while time.perf_counter() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        raw += chunk
        text = ESCAPES.sub(b"", raw)
        if never is not None and never in text:
            seen_never = True
        if shown in text:
            return Shown(time.perf_counter() - start, cpu_seconds(pid), seen_never)
    return Shown(None, None, seen_never)


def cpu_seconds(pid: int) -> float | None:
    """CPU time of every thread of ``pid`` so far (Linux ``schedstat``, in nanoseconds)."""
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
        return sum(int((t / "schedstat").read_text().split()[0]) for t in tasks) / 1e9
    except (OSError, ValueError, IndexError):
        return None


def _stop(pid: int, fd: int) -> None:
    try:
        os.write(fd, QUIT)
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            _drain(fd)
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                return
            time.sleep(0.01)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    finally:
        os.close(fd)


def _drain(fd: int) -> None:
    while select.select([fd], [], [], 0)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return
