"""The guideline as data: the shipped file, a clinic's own file, and files that are wrong."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from il2tui.clinical.guideline import GuidelineError, load_assumptions, load_guideline
from il2tui.clinical.review import review_case
from il2tui.core.resources import read_shipped_text
from il2tui.evidence import cohort
from tests.engine.helpers import build

SHIPPED = read_shipped_text("guidelines", "retreatment.toml")


def test_the_shipped_guideline_is_versioned_and_active() -> None:
    guideline = load_guideline()
    assert (guideline.id, guideline.version, guideline.status) == (
        "nci-sb-2000-retreatment",
        "1.1.0",
        "active",
    )
    assert "J Clin Oncol 2000" in guideline.source


def test_a_review_names_the_guideline_by_id_version_status_and_title() -> None:
    guideline = load_guideline()
    named = review_case(build({"L1": [20, 20]})).guideline
    expected = (guideline.id, guideline.version, guideline.status, guideline.title)
    assert (named.id, named.version, named.status, named.title) == expected


def test_every_assumption_of_a_review_cites_its_sources() -> None:
    assumed = load_assumptions()
    notes = review_case(build({"L1": [20, 20]})).assumptions
    assert [(n.id, n.sources) for n in notes] == [(a.id, a.citations) for a in assumed.assumptions]
    assert all(n.sources for n in notes)


def test_every_rule_cites_a_page_of_the_paper() -> None:
    rules = load_guideline().rules
    assert len(rules) == SHIPPED.count("\n[[rules]]\n")  # every rule of the file, no fewer
    for rule in rules:
        assert rule.citations, rule.id
        assert all(" p" in c.text and "195" in c.text for c in rule.citations), rule.id


def test_the_rules_keep_the_order_of_the_issue() -> None:
    ids = [rule.id for rule in load_guideline().rules]
    assert ids.index("severe_toxicity") < ids.index("declined") < ids.index("progression")
    assert ids.index("progression") < ids.index("not_evaluable") < ids.index("cr_consolidate")
    assert ids.index("cr_consolidated") < ids.index("objective_response")
    assert ids.index("objective_response") < ids.index("first_course_no_objective_response")


FACTS = dict(
    course=[1, 2, 3, 4, 5],
    assessed=[True, False],
    severe_toxicity=[True, False],
    declined=[True, False],
    response=["CR", "PR", "MR", "SD", "PD", "NE"],
    best_response=["CR", "PR", "MR", "SD"],
    courses_since_cr=[0, 1, 2],
)


def test_some_rule_decides_every_possible_situation() -> None:
    """No combination of facts the engine can produce falls through to 'no rule matched'."""
    plan = load_guideline().compiled()
    for values in itertools.product(*FACTS.values()):
        facts = dict(zip(FACTS, values, strict=True))
        if facts["response"] != "CR":
            facts["courses_since_cr"] = None
        assert plan.decide(facts) is not None, facts


def test_the_zero_of_seventeen_caution_agrees_with_the_tables() -> None:
    """8 melanoma + 9 renal cell non-responders after two courses got a third; none responded."""
    answers = [cohort(d, 3, "NR") for d in ("melanoma", "renal_cell")]
    assert sum(a.treated for a in answers) == 17
    assert all(o.patients == 0 for a in answers for o in a.outcomes if o.state != "NR")
    rule = next(r for r in load_guideline().rules if r.id == "no_objective_response_after_two")
    assert "no response (NR)" in rule.reasoning and "0 of 17" in rule.reasoning
    cautions = {c.id: c for c in load_guideline().cautions}
    for answer in answers:
        caution = cautions[f"nr_third_course_{answer.diagnosis}"]
        n = answer.treated
        assert caution.when["diagnosis"] == answer.diagnosis
        assert f"None of the {n} " in caution.text
        # Too few for the rule of three: the exact one-sided 95% bound p solves
        # (1 - p)^n = 0.05 (8 patients: 31.2%, 9 patients: 28.3%).
        bound = (1 - 0.05 ** (1 / n)) * 100
        assert "rule of three" not in caution.text
        assert f"exact one-sided 95% upper bound of the rate is {bound:.1f}%" in caution.text


def test_the_mr_caution_agrees_with_table_4() -> None:
    answer = cohort("renal_cell", 3, "MR")
    assert answer.treated == 1
    assert {o.state: o.patients for o in answer.outcomes}["CR"] == 1
    assert cohort("melanoma", 3, "MR").treated == 0


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clinic_guideline_decides_and_is_named_in_the_review(tmp_path: Path) -> None:
    text = SHIPPED.replace('id = "nci-sb-2000-retreatment"', 'id = "clinic-x"').replace(
        'when = { course = { min = 2 }, best_response = ["MR", "SD"] }',
        'when = { course = { min = 3 }, best_response = ["MR", "SD"] }',
    )
    text = text.replace(
        'when = { course = 1, best_response = ["MR", "SD"] }',
        'when = { course = { max = 2 }, best_response = ["MR", "SD"] }',
    )
    guideline = load_guideline(_write(tmp_path, text))
    case = build({"L1": [20, 20]}, [{"L1": [19, 20]}], [{"L1": [19, 20]}])
    review = review_case(case, guideline)
    assert (review.guideline.id, review.guideline.version) == ("clinic-x", "1.1.0")
    assert review.courses[1].recommendation.action == "consider_retreat"
    assert review_case(case).courses[1].recommendation.action == "stop"


BROKEN = [
    ("when = { severe_toxicity = true }", "when = { toxic = true }", "rules[0].when", "toxic"),
    ('when = { response = "NE" }', 'when = { response = "XX" }', "rules[4].when", "'XX'"),
    ('stop_reason = "toxicity"\n', "", "rules[0]", "stop_reason"),
    (
        'sources = ["results.discontinuation"]\n',
        'sources = ["page99"]\n',
        "rules[0].sources",
        "page99",
    ),
    ('id = "declined"', 'id = "severe_toxicity"', "rules", "used twice"),
    ('status = "active"', 'status = "final"', "status", "draft"),
    ("when = { age = { min = 71 } }", 'when = { age = { min = "old" } }', "warnings", "whole"),
]


@pytest.mark.parametrize(("old", "new", "path", "words"), BROKEN, ids=[b[2] for b in BROKEN])
def test_a_broken_guideline_names_the_field(
    tmp_path: Path, old: str, new: str, path: str, words: str
) -> None:
    assert old in SHIPPED
    file = _write(tmp_path, SHIPPED.replace(old, new, 1))
    with pytest.raises(GuidelineError) as caught:
        load_guideline(file)
    assert str(caught.value).startswith(f"{file}: {path}"), str(caught.value)
    assert words in caught.value.message


def test_a_guideline_that_is_not_toml_names_the_file(tmp_path: Path) -> None:
    file = _write(tmp_path, "id = [")
    with pytest.raises(GuidelineError, match="not valid TOML"):
        load_guideline(file)


def test_no_matching_rule_leaves_the_decision_to_the_clinician(tmp_path: Path) -> None:
    head, first, *_ = SHIPPED.split("\n[[rules]]\n")
    text = f"{head}\n[[rules]]\n{first}"  # only the toxicity rule
    guideline = load_guideline(_write(tmp_path, text))
    review = review_case(build({"L1": [20, 20]}, [{"L1": [10, 10]}]), guideline)
    rec = review.courses[0].recommendation
    assert (rec.action, rec.rule) == ("reassess", "no_rule_matched")
    assert "the decision is the clinician's" in rec.reasoning


DIAGNOSIS_WORDS = {"melanoma": "melanoma", "renal_cell": "renal cell"}


def test_every_figure_quoted_to_a_patient_is_of_that_patients_diagnosis() -> None:
    """A caution or warning that names a diagnosis applies only to patients with it, and
    none names both (no renal cell 8 of 21 in a melanoma review)."""
    guideline = load_guideline()
    for note in (*guideline.cautions, *guideline.warnings):
        named = [d for d, words in DIAGNOSIS_WORDS.items() if words in note.text.lower()]
        assert len(named) <= 1, note.id
        if named:
            assert note.when.get("diagnosis") == named[0], note.id
    for rule in guideline.rules:
        named = [d for d, words in DIAGNOSIS_WORDS.items() if words in rule.reasoning.lower()]
        assert not named or "both diagnoses together" in rule.reasoning, rule.id
