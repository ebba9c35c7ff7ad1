"""Hostile text, the demo case carrying it in every free-text field, and the checks.

The fixed list is the one of issue 6, point 4. :func:`case_with` puts a text
into the label, the lesion ids and sites, a new lesion's site, the clinicians'
reasons and the toxicity notes; the checks say what "shown literally" means for
each output.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from msgspec.structs import replace

from il2tui.case.demo import demo_case_text
from il2tui.case.files import case_from_data
from il2tui.case.model import Case
from il2tui.core.jsonio import loads_exact

FIXED = {
    "rich bold": "[bold]x",
    "rich close": "[/]",
    "rich unclosed": "[/bad",
    "rich link": "[link=https://example.org]x[/link]",
    "textual action": "[@click=app.quit]x[/]",
    "ANSI CSI": "\x1b[31mred\x1b[0m\x1b[2J\x1b[H",
    "OSC 8 hyperlink": "\x1b]8;;https://example.org\x1b\\click\x1b]8;;\x1b\\",
    "OSC 52 clipboard": "\x1b]52;c;cm0gLXJmIH4K\x07",
    "C1 CSI 0x9b": "\x9b31mred\x9b0m",
    "right-to-left override": "liver \u202eright\u202c",
    "wide": "肝転移 左葉 ｗｉｄｅ",
    "combining": "Zoe\u0308 e\u0301\u0301\u0301",
    "10,000 characters": "x" * 9_999 + "!",
    "Markdown table row": "a | b\n| c |",
    "Markdown code": "`rm -rf` ```",
    "leading hash": "# not a heading",
    "leading spaces": "    indented",
    "list marker": "1. first",
    "HTML": "<script>alert(1)</script>",
    "formula": '=HYPERLINK("https://example.org","x")',
    "no-break space": "10\u00a0mm",
}
LIMITS = {"label": 200, "site": 200, "id": 36, "note": 2000}


def case_with(text: str, *, past_limits: bool = True) -> Case:
    """The demo case with ``text`` in every free-text field (cut to each field's limit).

    With ``past_limits`` the label and the lesion sites then get the whole text,
    past the file's limits, as a script calling the engine could give them.
    """
    data = loads_exact(demo_case_text())
    ids = {lesion["id"]: f"{text[: LIMITS['id']]}~{i}" for i, lesion in enumerate(data["lesions"])}
    data["patient"]["label"] = text[: LIMITS["label"]]
    for lesion in data["lesions"]:
        lesion.update(id=ids[lesion["id"]], site=text[: LIMITS["site"]])
    _rename(data["baseline"]["measurements"], ids)
    for course in data["courses"]:
        course["toxicity_note"] = text[: LIMITS["note"]]
        if "decision" in course:
            course["decision"]["reason"] = text[: LIMITS["note"]]
        for assessment in course["assessments"]:
            _rename(assessment["measurements"], ids)
    data["courses"][-1]["assessments"][-1]["new_lesions"] = [{"site": text[: LIMITS["site"]]}]
    case = case_from_data(data)
    if not past_limits:
        return case
    lesions = tuple(replace(lesion, site=text) for lesion in case.lesions)
    return replace(case, patient=replace(case.patient, label=text), lesions=lesions)


def _rename(measurements: dict[str, Any], ids: dict[str, str]) -> None:
    for old in list(measurements):
        measurements[ids[old]] = measurements.pop(old)


def shown_in_terminal(output: str) -> None:
    """No character that could act on a terminal: only printable ones, spaces, line breaks."""
    acting = sorted(
        {hex(ord(c)) for c in output if c != "\n" and not (c.isprintable() or _space(c))}
    )
    assert acting == [], f"characters that could act on a terminal: {acting}"


def _space(char: str) -> bool:
    return unicodedata.category(char) == "Zs"


#: What :func:`il2tui.core.textsafe.markdown` adds, read left to right in one pass: a
#: backslash escape, or a ``&#32;`` written for a leading space. A typed ``&`` is always
#: escaped (``\&``), so an unescaped ``&#32;`` can only be the renderer's.
_ADDED = re.compile(r"\\([!-/:-@\[-`{-~])|&#32;")


def markdown_source(markdown: str) -> str:
    """What a Markdown viewer shows of escaped text: only what the renderer added undone.

    One pass, so a typed ``&#32;`` (rendered ``\\&#32;``) comes back as typed, not as a space.
    """
    return _ADDED.sub(lambda found: found.group(1) or " ", markdown)


def markdown_skeleton(markdown: str) -> list[tuple[str, str]]:
    """Each line's block marker and the Markdown syntax characters left unescaped in it."""
    skeleton = []
    for line in markdown.splitlines():
        bare = re.sub(r"\\.|&#32;", "a", line)  # escaped: plain text
        marker = re.match(r" *(#+ +|[-*+] +|\d+[.)] +|\||>|```)?", bare)
        syntax = "".join(c for c in bare if c in "`*_[]<>|~#")
        skeleton.append((marker.group(0) if marker else "", syntax))
    return skeleton
