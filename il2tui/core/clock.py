"""An injectable clock, so that tests and snapshots never depend on today's date.

Code asks :func:`today` or :func:`now`; tests call :func:`set_clock` (or set
``IL2TUI_FIXED_NOW`` to an ISO timestamp for a subprocess) to pin the time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime

_clock: Callable[[], datetime] | None = None


def set_clock(clock: Callable[[], datetime] | None) -> None:
    """Replace the clock; ``None`` restores the environment or system clock."""
    global _clock
    _clock = clock


def now() -> datetime:
    """The current local time, from the injected clock when there is one."""
    if _clock is not None:
        return _clock()
    fixed = os.environ.get("IL2TUI_FIXED_NOW")
    if fixed:
        return datetime.fromisoformat(fixed)
    return datetime.now()


def today() -> date:
    """Today's date, from the same clock as :func:`now`."""
    return now().date()
