"""The commands this environment installed, found beside its interpreter, not on PATH.

A test that means to check the command a user runs (``il2``) runs the console
script that ``pip install`` wrote into this environment: the editable install
in development, the built wheel when CI checks it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


def installed(name: str) -> str:
    """The console script ``name`` of this interpreter's environment."""
    found = Path(sys.executable).with_name(name)
    if not found.exists():
        pytest.fail(f"{name} is not installed beside {sys.executable}; pip install -e '.[test]'")
    return str(found)
