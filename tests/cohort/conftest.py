"""The synthetic series, written once per test session (it is generated, never committed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from il2tui.centre.synthetic import write_series


@pytest.fixture(scope="session")
def _series_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic") / "series"
    write_series(folder)
    return folder


@pytest.fixture
def series_dir(_series_once: Path, tmp_path: Path) -> Path:
    """A fresh copy of the 350 synthetic case files that a test may change."""
    return Path(shutil.copytree(_series_once, tmp_path / "series"))
