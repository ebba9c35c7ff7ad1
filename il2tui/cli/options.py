"""Typer options shared by ``il2 review`` and ``il2 assist``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

#: ``--guideline FILE`` of ``il2 review`` and ``il2 assist``.
GuidelineOption = Annotated[
    Path | None,
    typer.Option(
        "--guideline",
        help="A clinic's own guideline file (TOML) to use instead of the shipped one.",
        show_default=False,
    ),
]
#: ``--assumptions FILE`` of ``il2 review`` and ``il2 assist``.
AssumptionsOption = Annotated[
    Path | None,
    typer.Option(
        "--assumptions",
        help="A clinic's assumptions file (TOML, like guidelines/assumptions.toml), "
        "e.g. to set growing_lesion_tolerance_pct.",
        show_default=False,
    ),
]
