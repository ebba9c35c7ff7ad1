"""The escapes of text from users and files, character by character, written out by hand.

The fuzzers (test_hostile_text.py) check that reports keep their structure, with the
expected text computed by the functions under test; here every expected string is a
literal, at the edges of each range (the last ``\\x..`` and the first ``\\u....``, a
character beyond U+FFFF), so a changed range or a lost character is caught.
"""

from __future__ import annotations

import json

import pytest

from il2tui.core.textsafe import (
    json_safe,
    json_safe_utf8,
    json_string,
    markdown,
    plain,
    quoted,
    spreadsheet,
)

#: Unicode's space separators other than the ASCII space: a terminal shows each as blank.
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
SPACES += "\u202f\u205f\u3000"

PLAIN = {
    "ANSI colour": ("\x1b[31mred", "\\x1b[31mred"),
    "C1 control, the last below 0x100": ("a\x9fb", "a\\x9fb"),
    "soft hyphen (format)": ("co\u00adop", "co\\xadop"),
    "line break": ("a\nb", "a\\x0ab"),
    "delete": ("\x7f", "\\x7f"),
    "unassigned U+0378": ("\u0378", "\\u0378"),
    "right-to-left override": ("\u202eevil", "\\u202eevil"),
    "line separator": ("a\u2028b", "a\\u2028b"),
    "non-character U+FFFF": ("\uffff", "\\uffff"),
    "tag character U+E0001": ("\U000e0001", "\\U000e0001"),
    "letters of other scripts": ("Ā ÿ 𐀀 한글 é", "Ā ÿ 𐀀 한글 é"),
    "no-break and other spaces": (f"10{SPACES}mm", f"10{SPACES}mm"),
}


@pytest.mark.parametrize(("typed", "shown"), PLAIN.values(), ids=PLAIN.keys())
def test_plain_shows_each_character_as_typed_or_as_a_visible_escape(typed: str, shown: str) -> None:
    assert plain(typed) == shown


MARKDOWN = {
    "emphasis": ("a*b_c", "a\\*b\\_c"),
    "code and strike": ("`x` ~y~", "\\`x\\` \\~y\\~"),
    "link syntax": ("[a](b)", "\\[a\\](b)"),
    "html": ("<b>", "\\<b\\>"),
    "table cell": ("x|y", "x\\|y"),
    "backslash": ("a\\b", "a\\\\b"),
    "entity": ("&#32;", "\\&\\#32;"),
    "heading": ("# title", "\\# title"),
    "list": ("- item", "\\- item"),
    "plus list": ("+1", "\\+1"),
    "setext underline": ("=x", "\\=x"),
    "quote": ("> q", "\\> q"),
    "numbered": ("1. x", "1\\. x"),
    "numbered with )": ("12) x", "12\\) x"),
    "indented list": ("  - x", "&#32;&#32;\\- x"),
    "indented code": ("    code", "&#32;&#32;&#32;&#32;code"),
    "mark not at the start": ("a - b + c = d", "a - b + c = d"),
    "web address": ("https://e.org", "https\\://e\\.org"),
    "host name": ("www.x.org", "www\\.x\\.org"),
    "e-mail": ("a@b", "a\\@b"),
    "a decimal is not a host": ("L1 3.5 mm", "L1 3.5 mm"),
    "a decimal at the start reads as a list": ("3.5 mm", "3\\.5 mm"),
    "a colon before a space": ("note: ok", "note: ok"),
    "control character": ("a\x1bb", "a\\\\x1bb"),
    "a decimal before letters at the start": ("1.a", "1\\.a"),
    "another script's digit starts a list": ("\uff12. x", "\uff12\\. x"),
    "a no-break space before a mark": ("\u00a0- x", "\u00a0\\- x"),
    "a tab is shown, so no mark starts the line": ("\t- x", "\\\\x09- x"),
    "spaces before a digit": (" 2) x", "&#32;2\\) x"),
    "spaces, then nothing to escape": ("  x", "&#32;&#32;x"),
    "a digit, then no list": ("12 mm", "12 mm"),
    "a link mark after a backslash": ("a\\.b", "a\\\\.b"),
    "a dot after an escaped mark": ("*.b", "\\*.b"),
}


@pytest.mark.parametrize(("typed", "written"), MARKDOWN.values(), ids=MARKDOWN.keys())
def test_markdown_escapes_every_piece_of_syntax(typed: str, written: str) -> None:
    assert markdown(typed) == written


JSON = {
    "nothing to do": ('{"a": "b"}', '{"a": "b"}'),
    "format character": ('{"a": "x\u202ey"}', '{"a": "x\\u202ey"}'),
    "line breaks of the layout kept": ('{\n  "a": "\u2028"\n}', '{\n  "a": "\\u2028"\n}'),
    "tab indentation kept": ('{\n\t"a": "\u0085"\n}', '{\n\t"a": "\\u0085"\n}'),
    "beyond U+FFFF: a surrogate pair": ('"\U000e0001"', '"\\udb40\\udc01"'),
    "a printable line beside one that is not": ('["é",\n"\x85"]', '["é",\n"\\u0085"]'),
}


@pytest.mark.parametrize(("document", "written"), JSON.values(), ids=JSON.keys())
def test_json_safe_writes_what_plain_would_escape_as_json_escapes(
    document: str, written: str
) -> None:
    assert json_safe(document) == written
    assert json.loads(written) == json.loads(document)  # the same data for a reader


UTF8 = {
    "nothing to do": (b'{"a": "b"}', '{"a": "b"}'),
    "the ends of printable ASCII kept": (b'" ~"', '" ~"'),
    "letters beyond ASCII kept": ('["\u00e9", "\u80dd"]'.encode(), '["\u00e9", "\u80dd"]'),
    "delete, the byte after printable ASCII": (b'"\x7f"', '"\\u007f"'),
    "unit separator, the byte before it": (b'"\x1f"', '"\\u001f"'),
    "format character beside letters": ('"\u00e9\u202e"'.encode(), '"\u00e9\\u202e"'),
    "line breaks of the layout kept": ('{\n  "a": "\u2028"\n}'.encode(), '{\n  "a": "\\u2028"\n}'),
}


@pytest.mark.parametrize(("document", "written"), UTF8.values(), ids=UTF8.keys())
def test_json_safe_utf8_escapes_as_json_safe(document: bytes, written: str) -> None:
    assert json_safe_utf8(document) == written.encode()


STRINGS = {
    "nothing to do": ("a é", '"a é"'),
    "JSON's own escapes": ('"\\\n\t', '"\\"\\\\\\n\\t"'),
    "a C0 control": ("\x1f", '"\\u001f"'),
    "delete": ("\x7f", '"\\u007f"'),
    "format character": ("x\u202ey", '"x\\u202ey"'),
    "line separator": ("\u2028", '"\\u2028"'),
    "beyond U+FFFF": ("\U000e0001", '"\\udb40\\udc01"'),
    "no-break space kept": ("10\u00a0mm", '"10\u00a0mm"'),
    "a line break beside a format character": ("\n\u0085", '"\\n\\u0085"'),
}


@pytest.mark.parametrize(("text", "written"), STRINGS.values(), ids=STRINGS.keys())
def test_json_string_writes_a_literal_as_json_safe_would_show_it(text: str, written: str) -> None:
    assert json_string(text) == written
    assert json.loads(written) == text


def test_a_spreadsheet_cell_is_shown_plain_before_the_formula_check() -> None:
    """A tab before ``=`` is written ``\\x09``: the cell starts with a backslash, no formula."""
    assert spreadsheet("\t=1") == "\\x09=1"
    assert spreadsheet("@x\n") == "'@x\\x0a"


def test_quoted_escapes_its_quotes_and_backslashes() -> None:
    assert quoted('say "hi" \\ ok') == '"say \\"hi\\" \\\\ ok"'
