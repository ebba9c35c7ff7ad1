"""The ``il2`` console script's entry point: the assistant and plain reviews start without Typer.

``il2 assist`` in its plain forms (no argument, ``--demo``, or one existing case
file) reaches :func:`il2tui.cli.assistant.start` straight from :func:`main`, as
:func:`il2tui.cli.assist.assist` does through Typer; Typer and Click (some 60-80 ms of imports,
a fifth of the time to the first frame) load only for every other command line,
including ``--help`` and every mistake, so their messages stay Typer's
(``tests/tui/test_lean_start.py`` runs the plain forms both ways).

A plain ``il2 review`` (case files or folders, ``--demo``, any ``--format``, a clinic's
``--guideline`` and ``--assumptions`` files) reaches
:func:`il2tui.cli.review_run.run_review` (or, for the worklist's formats,
:func:`il2tui.cli.worklist_run.run_worklist`) the same way: Typer
0.29 builds pydantic validators for its parameters, and Typer, pydantic and that work
were some 250 ms of CPU of every ``il2 review`` process, a fifth of a batch of 2,000
files (``tests/engine/test_lean_review.py`` runs them both ways).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

from il2tui.cli.assistant import start


def main() -> None:
    """Entry point of the ``il2`` console script and of ``python -m il2tui``."""
    plain = plain_assist(sys.argv[1:])
    if plain is not None:
        status = start(*plain)
        if status:
            raise SystemExit(status)
    elif (review := plain_review(sys.argv[1:])) is not None:
        _review(review)
    else:
        from il2tui.cli.main import main as typer_main

        typer_main()


def plain_assist(argv: list[str]) -> tuple[Path | None, bool] | None:
    """``(case, demo)`` when ``argv`` is a plain ``assist`` command line, else ``None``.

    Plain: ``assist``, ``assist --demo``, or ``assist FILE`` for an existing
    regular file whose name does not start with ``-``. A folder, a missing file,
    any other option or a second argument is left to Typer.
    """
    if argv == ["assist"]:
        return None, False
    if argv == ["assist", "--demo"]:
        return None, True
    if len(argv) == 2 and argv[0] == "assist" and not argv[1].startswith("-"):
        path = Path(argv[1])
        if path.is_file():
            return path, False
    return None


#: The formats of a plain review: all of ``il2 review``'s (anything else goes to Typer).
PLAIN_FORMATS = ("text", "json", "markdown", "csv", "worklist", "worklist-csv", "worklist-json")
#: The options of a plain review that take a file, each at most once.
FILE_OPTIONS = ("--guideline", "--assumptions")


class PlainReview(NamedTuple):
    """A plain ``il2 review`` command line, read."""

    paths: list[Path]
    fmt: str = "text"
    demo: bool = False
    guideline: Path | None = None
    assumptions: Path | None = None


def plain_review(argv: list[str]) -> PlainReview | None:
    """The command line read when ``argv`` is a plain ``review`` command line, else ``None``.

    Plain: ``review`` then, in any order, paths (not empty, not starting with ``-``),
    ``--demo``, one ``--format F`` (``-f F``, ``--format=F``) with F in
    :data:`PLAIN_FORMATS`, and at most one each of ``--guideline FILE`` and
    ``--assumptions FILE`` (or ``=FILE``; FILE not empty, not starting with ``-``), with
    at least one path or ``--demo``. Anything else (``--help``, another option, a word
    given twice, a format Typer would refuse) is left to Typer.
    """
    if not argv or argv[0] != "review":
        return None
    paths: list[Path] = []
    options: dict[str, list[str]] = {"--format": [], **{name: [] for name in FILE_OPTIONS}}
    demo = False
    words = iter(argv[1:])
    for word in words:
        name, equals, value = word.partition("=")
        name = "--format" if name == "-f" and not equals else name
        if word == "--demo" and not demo:
            demo = True
        elif name in options:
            options[name].append(value if equals else next(words, ""))
        elif word and not word.startswith("-"):
            paths.append(Path(word))
        else:
            return None
    formats, files = options.pop("--format"), options
    if len(formats) > 1 or not set(formats) <= set(PLAIN_FORMATS) or not (paths or demo):
        return None
    if any(len(given) > 1 or not all(_a_file(v) for v in given) for given in files.values()):
        return None
    guideline, assumptions = (
        Path(files[name][0]) if files[name] else None for name in FILE_OPTIONS
    )
    return PlainReview(paths, formats[0] if formats else "text", demo, guideline, assumptions)


def _a_file(value: str) -> bool:
    return bool(value) and not value.startswith("-")


def _review(plain: PlainReview) -> None:
    """What ``il2 review`` does with a plain command line, as through Typer (exit status 2
    when a file is invalid, 1 when the output cannot be written or on Ctrl-C)."""
    from il2tui.cli.common import EXIT_INVALID, OutputFailed, output_failed
    from il2tui.cli.review_any import run_reviews

    try:
        failed = run_reviews(plain.paths, plain.fmt, plain.guideline, plain.demo, plain.assumptions)
    except OutputFailed as exc:
        output_failed(exc)
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")  # as Click says it
        raise SystemExit(1) from None
    if failed:
        raise SystemExit(EXIT_INVALID)
