"""The work behind ``il2 review``: find the files, review each, render them together."""

from __future__ import annotations

from pathlib import Path

import typer

from il2tui.caseio import load_case
from il2tui.cli_common import fail
from il2tui.errors import InputFileError
from il2tui.guideline import Guideline, load_guideline
from il2tui.review import Review, review_case
from il2tui.textsafe import plain

SEPARATOR = {"text": "\n" + "=" * 72 + "\n\n", "markdown": "\n---\n\n"}


def run_review(
    paths: list[Path], fmt: str, guideline_path: Path | None, demo: bool
) -> tuple[str, bool]:
    """Review every case; return the rendered output and whether any file was invalid."""
    try:
        guideline = load_guideline(guideline_path)
    except InputFileError as exc:
        fail(plain(str(exc)))
    reviews: list[tuple[str, Review]] = []
    failed = False
    if demo:
        from il2tui.demo import DEMO_SOURCE, demo_case

        reviews.append((DEMO_SOURCE, review_case(demo_case(), guideline)))
    for path in _case_files(paths):
        try:
            reviews.append((str(path), _review_file(path, guideline)))
        except InputFileError as exc:
            typer.echo(plain(str(exc)), err=True)
            failed = True
    return render(reviews, fmt), failed


def _review_file(path: Path, guideline: Guideline) -> Review:
    return review_case(load_case(path), guideline)


def _case_files(paths: list[Path]) -> list[Path]:
    """Each file as given; each folder as its ``*.json`` files, sorted, subfolders included."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.json") if p.is_file())
            files += found or [path]  # an empty folder is reported by load_case
        else:
            files.append(path)
    return files


def render(reviews: list[tuple[str, Review]], fmt: str) -> str:
    """All reviews in one format (JSON: an object for one case, an array for several)."""
    if not reviews:
        return ""
    if fmt == "csv":
        from il2tui.render_csv import render_csv

        return render_csv(reviews)
    if fmt == "json":
        from il2tui.render_json import render_json, render_json_many

        return (
            render_json(reviews[0][1], reviews[0][0])
            if len(reviews) == 1
            else (render_json_many(reviews))
        )
    if fmt == "markdown":
        from il2tui.render_markdown import render_markdown as one
    else:
        from il2tui.render_text import render_text as one
    return SEPARATOR[fmt].join(one(review, source) for source, review in reviews)
