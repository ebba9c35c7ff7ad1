"""Several reviews into one stream: separators, the CSV header, the JSON array brackets."""

from __future__ import annotations

from collections.abc import Callable

from il2tui.clinical.model import Review

#: JSON, text and Markdown go out in UTF-8 (:func:`il2tui.report.to_json.render_json_utf8`,
#: :func:`il2tui.report.to_text.render_text_utf8`, ``render_markdown_utf8``); CSV as text.
Piece = str | bytes
SEPARATOR: dict[str, Piece] = {
    "text": b"\n" + b"=" * 72 + b"\n\n",
    "markdown": b"\n---\n\n",
    "json": b",\n",
}


class Output:
    """Writes reviews one at a time in one format, so that none has to be kept.

    JSON is an object for a single input and an array for several (decided by
    the number of inputs, not by how many turned out valid); its pieces are bytes.
    """

    def __init__(self, fmt: str, *, several: bool, emit: Callable[[Piece], None]) -> None:
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
            self.emit(b"[\n" if self.count == 0 else b"")
            self.emit(b"]\n")

    def _opening(self) -> Piece:
        if self.fmt == "csv":
            from il2tui.report.to_csv import header

            return header()
        if self.fmt == "json":
            return b"[\n" if self.several else b""
        return ""


def _renderer(fmt: str) -> Callable[[Review, str], Piece]:
    if fmt == "csv":
        from il2tui.report.to_csv import render_rows

        return render_rows
    if fmt == "json":
        from il2tui.report.to_json import render_json_utf8

        return render_json_utf8
    if fmt == "markdown":
        from il2tui.report.to_markdown import render_markdown_utf8

        return render_markdown_utf8
    from il2tui.report.to_text import render_text_utf8

    return render_text_utf8
