"""``il2 review`` and ``il2 schema``: the clinical engine without screens (no Textual)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from il2tui.cli_common import not_built


def review(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Case files (il2-case/1) or folders of them.", show_default=False),
    ] = None,
) -> None:
    """Classify responses and review retreatment decisions in case files."""
    not_built("review", 4)


def schema() -> None:
    """Print the JSON Schema of the case-file format il2-case/1."""
    not_built("schema", 4)
