"""``il2 evidence``: the paper's tables, facts and discrepancies (no Textual)."""

from __future__ import annotations

from typing import Annotated

import typer

from il2tui.cli_common import not_built


def evidence(
    name: Annotated[
        str | None,
        typer.Argument(help="The table to print; without it, list the tables.", show_default=False),
    ] = None,
) -> None:
    """Print the NCI Surgery Branch series' tables with their provenance."""
    not_built("evidence", 3)
