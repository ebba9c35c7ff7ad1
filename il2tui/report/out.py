"""Several reviews into one stream: separators, the CSV header, the JSON array brackets."""

from __future__ import annotations

from collections.abc import Callable

from il2tui.clinical.model import Review

SEPARATOR = {"text": "\n" + "=" * 72 + "\n\n", "markdown": "\n---\n\n", "json": ",\n"}


class Output:
    """Writes reviews one at a time in one format, so that none has to be kept.

    JSON is an object for a single input and an array for several (decided by
    the number of inputs, not by how many turned out valid).
    """

    def __init__(self, fmt: str, *, several: bool, emit: Callable[[str], None]) -> None:
        self.fmt, self.several, self.emit = fmt, several, emit
        self.count = 0
        self._render = _renderer(fmt)

    def add(self, source: str, review: Review) -> None:
        """Render one review and write it."""
        if self.count == 0:
            self.emit(self._opening())
        elif self.fmt in SEPARATOR:
            self.emit(SEPARATOR[self.fmt])
        self.emit(self._render(review, source))
        self.count += 1

    def close(self) -> None:
        """Finish the stream (the JSON array's bracket, or an empty one)."""
        if self.fmt == "json" and self.several:
            self.emit("[\n" if self.count == 0 else "")
            self.emit("]\n")

    def _opening(self) -> str:
        if self.fmt == "csv":
            from il2tui.report.to_csv import header

            return header()
        return "[\n" if self.fmt == "json" and self.several else ""


def _renderer(fmt: str) -> Callable[[Review, str], str]:
    if fmt == "csv":
        from il2tui.report.to_csv import render_rows

        return render_rows
    if fmt == "json":
        from il2tui.report.to_json import render_json

        return render_json
    if fmt == "markdown":
        from il2tui.report.to_markdown import render_markdown

        return render_markdown
    from il2tui.report.to_text import render_text

    return render_text
