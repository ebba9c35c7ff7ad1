"""Text from files stays text in every report: no live link, no formula, no lost quote.

Issue 14, point 8: URLs, ``www.`` names and e-mail addresses in a label became
links once the Markdown report was rendered with linkify (as GitHub and many
viewers do); a guideline file's id could start a CSV cell with ``=``; a quote
in a label broke the quoted label in text and Markdown.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from il2tui.case.demo import demo_case_text
from il2tui.cli.main import app
from il2tui.core.resources import read_shipped_text
from il2tui.core.textsafe import markdown
from tests.hardening.hostile import runner

LINKS = {
    "web address": "see https://evil.example/x now",
    "upper case": "HTTPS://EVIL.EXAMPLE",
    "www name": "www.evil-clinic.com",
    "bare domain": "evil-clinic.com",
    "e-mail": "write to bob@evil-clinic.com",
    "mailto": "mailto:bob@evil.example",
    "ftp": "ftp://files.evil.example",
    "protocol-relative": "//evil.example/x",
    "angle autolink": "<https://evil.example>",
}


def _linkified(text: str) -> str:
    """HTML as a linkifying viewer renders the Markdown."""
    return MarkdownIt("gfm-like", {"linkify": True}).enable("linkify").render(text)


def _case_file(tmp_path: Path, label: str) -> Path:
    data = json.loads(demo_case_text())
    data["patient"]["label"] = label
    data["lesions"][0]["site"] = label
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_viewer_used_below_does_autolink() -> None:
    """The check can fail: unescaped, each of these texts becomes a link."""
    for text in ("https://evil.example/x", "www.evil-clinic.com", "bob@evil-clinic.com"):
        assert "<a " in _linkified(text), text


@pytest.mark.parametrize("text", LINKS.values(), ids=LINKS.keys())
def test_no_user_text_becomes_a_link_in_the_markdown_report(tmp_path: Path, text: str) -> None:
    result = runner.invoke(app, ["review", str(_case_file(tmp_path, text)), "-f", "markdown"])
    assert result.exit_code == 0, result.output
    html = _linkified(result.stdout)
    assert "<a " not in html
    assert "evil" in html.lower()  # the text is still there, as text


@pytest.mark.parametrize("text", LINKS.values(), ids=LINKS.keys())
def test_escaped_text_reads_back_as_typed(text: str) -> None:
    shown = _linkified(markdown(text)).removeprefix("<p>").removesuffix("</p>\n")
    assert shown == text.replace("<", "&lt;").replace(">", "&gt;")


def test_numbers_and_citations_are_left_alone() -> None:
    for text in ("1,037.4 mm²", "p. 1956", "-25.0% on nadir", "SPD = 480 + 360 = 840 mm²"):
        assert "\\." not in markdown(text).replace("\\=", "="), text


def _guideline_with_id(tmp_path: Path, new_id: str) -> Path:
    text = read_shipped_text("guidelines", "retreatment.toml")
    path = tmp_path / "clinic.toml"
    old = 'id = "nci-sb-2000-retreatment"'
    assert old in text
    path.write_text(text.replace(old, f"id = {json.dumps(new_id)}", 1), encoding="utf-8")
    return path


def _is_number(cell: str) -> bool:
    try:
        Decimal(cell)
    except InvalidOperation:
        return False
    return True


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_no_csv_cell_from_any_file_starts_a_formula(tmp_path: Path, start: str) -> None:
    """A guideline id ``=HYPERLINK(...)`` and a label ``@SUM(...)``: every cell that is not a
    number starts with something a spreadsheet shows as text."""
    guideline = _guideline_with_id(tmp_path, f'{start}HYPERLINK("https://evil.example","x")')
    case = _case_file(tmp_path, "@SUM(1+1)")
    result = runner.invoke(app, ["review", str(case), "-f", "csv", "--guideline", str(guideline)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cells = [cell for row in rows[1:] for cell in row]
    formulas = [c for c in cells if c.startswith(("=", "+", "-", "@")) and not _is_number(c)]
    assert formulas == []
    column = rows[0].index("guideline")
    guideline_cells = {row[column] for row in rows[1:]}
    version = tomllib.loads(read_shipped_text("guidelines", "retreatment.toml"))["version"]
    assert guideline_cells == {f'\'{start}HYPERLINK("https://evil.example","x") {version}'}
    assert any(_is_number(c) and c.startswith("-") for c in cells)  # negative changes stay numbers


LABEL = 'Smith "the elder" \\ co'
QUOTED = '"Smith \\"the elder\\" \\\\ co"'


def test_a_quote_in_a_label_cannot_end_it_in_the_text_report(tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(_case_file(tmp_path, LABEL))])
    assert f"Patient: {QUOTED}, metastatic renal cell cancer" in result.stdout


def test_a_quote_in_a_label_cannot_end_it_in_the_markdown_report(tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(_case_file(tmp_path, LABEL)), "-f", "markdown"])
    html = _linkified(result.stdout)
    shown = QUOTED.replace('"', "&quot;")
    assert f"Patient: {shown}, metastatic renal cell cancer" in html
