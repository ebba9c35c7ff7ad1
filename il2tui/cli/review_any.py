"""``il2 review`` in any format, reached through Typer (:mod:`il2tui.cli.review`) or
without it (:mod:`il2tui.cli.launch`): each format loads only its own modules."""

from __future__ import annotations

from pathlib import Path


def run_reviews(
    paths: list[Path], fmt: str, guideline: Path | None, demo: bool, assumptions: Path | None
) -> bool:
    """Review or list the files in ``fmt``; True when some file was invalid."""
    if fmt.startswith("worklist"):
        from il2tui.cli.worklist_run import run_worklist as run
    else:
        from il2tui.cli.review_run import run_review as run
    return run(paths, fmt, guideline, demo, assumptions)
