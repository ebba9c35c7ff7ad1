"""The ``il2`` command line: a thin Typer shell over the engine and the TUI.

Each subcommand lives in its own ``cli_*`` module and imports its heavy parts
(pandas, Textual) only when it runs, so ``il2 --version`` is instant and
``il2 review`` / ``il2 evidence`` never import Textual.
"""

from __future__ import annotations

from typing import Annotated

import typer

from il2tui import __version__
from il2tui.cli.assist import assist
from il2tui.cli.cohort import cohort
from il2tui.cli.common import OutputFailed, echo, output_failed
from il2tui.cli.evidence import evidence
from il2tui.cli.review import review, schema

app = typer.Typer(
    name="il2",
    help=(
        "Decision support for high-dose bolus IL-2 in metastatic melanoma and renal cell "
        "cancer, after the NCI Surgery Branch series (J Clin Oncol 2000)."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        echo(f"il2 {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Decision support for high-dose bolus IL-2 (NCI Surgery Branch series)."""


app.command("assist")(assist)
app.command("review")(review)
app.command("evidence")(evidence)
app.command("schema")(schema)
app.command("cohort")(cohort)


def main() -> None:
    """Entry point of the ``il2`` console script; output that cannot be written is one line."""
    try:
        app()
    except OutputFailed as exc:
        output_failed(exc)
