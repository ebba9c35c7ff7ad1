"""Fixtures shared by the whole suite.

Every test runs with HOME, the XDG folders and the autosave folder pointed at a
temporary directory, and with a fixed clock, so nothing depends on (or
touches) the user's real files or today's date.

Under mutation testing (mutmut sets ``MUTANT_UNDER_TEST``) hypothesis draws the
same examples every run, and every cache of the engine is emptied before each
test: a result cached while one mutant (or the original code) ran would otherwise
be served to the next test, so a test could pass without running the mutated code
at all, and mutmut's map of which tests reach which function would miss every
test after the first. A test that hangs under a mutant ends the run as a timeout.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings

from il2tui.core import clock

FIXED_NOW = datetime(2026, 6, 1, 9, 30, 0)
REPO = Path(__file__).resolve().parent.parent

if "MUTANT_UNDER_TEST" in os.environ:
    # Under mutmut: the same examples in every run, so a mutant a property test killed
    # once is killed again, and no deadline (every call of the core goes through a
    # trampoline, slower than the code itself).
    settings.register_profile("mutation", derandomize=True, database=None, deadline=None)
    settings.load_profile("mutation")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point HOME, XDG folders and the il2tui data folder at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("IL2TUI_DATA_DIR", str(home / "il2tui-data"))
    monkeypatch.setenv("IL2TUI_FIXED_NOW", FIXED_NOW.isoformat())
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return home


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[datetime]:
    """Pin the injectable clock for in-process code."""
    clock.set_clock(lambda: FIXED_NOW)
    yield FIXED_NOW
    clock.set_clock(None)


def _clear_engine_caches() -> None:
    """``cache_clear()`` every ``functools.cache``/``lru_cache`` of the il2tui modules."""
    for name, module in list(sys.modules.items()):
        if name == "il2tui" or name.startswith("il2tui."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


#: Under mutmut, a test still running after this long hangs (a mutant such as a
#: bisection's ``high + low > TOLERANCE`` never ends): the test run ends as mutmut's
#: "timeout" (a kill) at once, instead of at mutmut's own limit of about 15 times the
#: tests' usual time (18 minutes for the intervals). The slowest test here takes 4 s.
HUNG_AFTER_S = 60
MUTMUT_TIMEOUT = 36


def _hung(signum: int, frame: object) -> None:
    os._exit(MUTMUT_TIMEOUT)


@pytest.fixture(autouse=True)
def under_mutation() -> Iterator[None]:
    """When mutmut runs the suite: empty the engine's caches, and end a hung test."""
    if "MUTANT_UNDER_TEST" not in os.environ:
        yield
        return
    _clear_engine_caches()
    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(HUNG_AFTER_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
