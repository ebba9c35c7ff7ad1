"""``il2 review --format json`` writes orjson's bytes to standard output's byte layer.

The short way (bytes under the text layer) must give the bytes the long way (decoded,
then encoded again by the text layer) gives, in order with text written before, and is
taken only where the text layer would write those same bytes.
"""

from __future__ import annotations

import io
import sys

import pytest

from il2tui.case.demo import demo_case
from il2tui.cli.review_run import Stdout
from il2tui.clinical.review import review_case
from il2tui.report.out import Output

REVIEW = review_case(demo_case())


def _written(monkeypatch: pytest.MonkeyPatch, encoding: str, fmt: str = "json") -> bytes:
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding=encoding, errors="backslashreplace", newline="\n")
    monkeypatch.setattr(sys, "stdout", stdout)
    stdout.write("before the run\n")  # held by the text layer: must come out first
    output = Output(fmt, several=True, emit=Stdout())
    for name in ("a.json", "b.json"):
        output.add(name, REVIEW)
    output.close()
    stdout.flush()
    return raw.getvalue()


def _long_way(encoding: str) -> bytes:
    pieces: list[str] = []
    output = Output("json", several=True, emit=lambda piece: pieces.append(piece.decode()))
    for name in ("a.json", "b.json"):
        output.add(name, REVIEW)
    output.close()
    return ("before the run\n" + "".join(pieces)).encode(encoding, "backslashreplace")


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "ascii", "latin-1"])
def test_json_bytes_are_what_the_text_layer_would_write(
    monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    assert _written(monkeypatch, encoding) == _long_way(encoding)


def test_the_byte_layer_is_used_only_under_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    for encoding, raw in (("utf-8", True), ("latin-1", False)):
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding=encoding))
        assert (Stdout().raw is not None) is raw


def test_text_formats_are_written_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    written = _written(monkeypatch, "utf-8", "text").decode()
    assert written.startswith("before the run\nReview of a.json\n")
