"""What the author of a clinic's guideline reads when a condition is wrong, word for word.

test_guideline.py checks that each error names its field; here the whole message is
compared, so that the list of facts a condition may test, the allowed words and the
reason are exactly what the author needs to correct the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from il2tui.clinical.guideline import GuidelineError, load_guideline
from il2tui.core.resources import read_shipped_text

SHIPPED = read_shipped_text("guidelines", "retreatment.toml")
TOXICITY = "when = { severe_toxicity = true }"  # rules[0]
AGE = "when = { age = { min = 71 } }"  # warnings[9]
RANGE = "a range is a table of min and/or max for a whole-number fact"

BROKEN = {
    "unknown fact": (
        TOXICITY,
        "when = { toxic = true }",
        "rules[0].when: 'toxic' is not a fact a condition can test here (assessed, "
        "best_response, confirmed, course, courses_since_cr, declined, diagnosis, "
        "next_course, progressed, response, severe_toxicity, state) (found {'toxic': True})",
    ),
    "empty list": (
        TOXICITY,
        "when = { severe_toxicity = [] }",
        "rules[0].when: severe_toxicity: an empty list never matches "
        "(found {'severe_toxicity': []})",
    ),
    "number for a yes/no fact": (
        TOXICITY,
        "when = { severe_toxicity = 1 }",
        "rules[0].when: severe_toxicity: 1 is not a bool (found {'severe_toxicity': 1})",
    ),
    "yes/no for a whole number": (
        TOXICITY,
        "when = { course = true }",
        "rules[0].when: course: True is not a whole number (found {'course': True})",
    ),
    "range with another key": (
        TOXICITY,
        "when = { course = { min = 1, most = 2 } }",
        f"rules[0].when: course: {RANGE} (found {{'course': {{'min': 1, 'most': 2}}}})",
    ),
    "empty range": (
        TOXICITY,
        "when = { course = {} }",
        f"rules[0].when: course: {RANGE} (found {{'course': {{}}}})",
    ),
    "range of a yes/no fact": (
        TOXICITY,
        "when = { severe_toxicity = { min = 1 } }",
        f"rules[0].when: severe_toxicity: {RANGE} (found {{'severe_toxicity': {{'min': 1}}}})",
    ),
    "unknown category": (
        TOXICITY,
        'when = { response = "XX" }',
        "rules[0].when: response: 'XX' is not one of CR, PR, MR, SD, PD, NE "
        "(found {'response': 'XX'})",
    ),
    "word for a bound": (
        AGE,
        'when = { age = { min = "old" } }',
        "warnings[9].when: age: 'old' is not a whole number (found {'age': {'min': 'old'}})",
    ),
    "unknown prior therapy": (
        AGE,
        'when = { prior_therapy = "x" }',
        "warnings[9].when: prior_therapy: 'x' is not one of surgery, chemotherapy, "
        "radiotherapy, hormonal, immunotherapy (found {'prior_therapy': 'x'})",
    ),
}


OTHER_RULES = {
    "unknown source": (
        'sources = ["results.discontinuation"]',  # rules[0]
        'sources = ["nope"]',
        "rules[0].sources: 'nope' is not a key of data/sections.csv (found ['nope'])",
    ),
    "stop rule without its reason": (
        'stop_reason = "toxicity"\n',  # rules[0]
        "",
        "rules[0]: a stop rule needs a stop_reason, and only a stop rule has one (found "
        "{'id': 'severe_toxicity', 'title': 'Severe toxicity in th...)",
    ),
}


@pytest.mark.parametrize(
    ("old", "new", "message"), (BROKEN | OTHER_RULES).values(), ids=(BROKEN | OTHER_RULES).keys()
)
def test_a_wrong_entry_is_explained_whole(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in SHIPPED
    file = tmp_path / "clinic.toml"
    file.write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(GuidelineError) as caught:
        load_guideline(file)
    assert str(caught.value) == f"{file}: {message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id = [", "not valid TOML: Invalid value (at end of document)"),
        ('colour = "red"\n' + SHIPPED, "colour: is not a field of a guideline file (a typo?)"),
    ],
    ids=["not TOML", "unknown field"],
)
def test_a_file_that_is_not_a_guideline_is_explained_whole(
    tmp_path: Path, text: str, message: str
) -> None:
    file = tmp_path / "clinic.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(GuidelineError) as caught:
        load_guideline(file)
    assert str(caught.value) == f"{file}: {message}"
