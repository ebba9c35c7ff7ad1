"""The shortcuts of the loading and review path give what the long way gives.

Diameters already checked are looked up by value, a JSON object's keys are checked
for repeats in one step, a case is searched once for a brain lesion, a recommendation's
cautions are tried only where they can hold for its rule: each test here fails if a
shortcut returns something the full check would not.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import pytest

from il2tui.case import checked, model
from il2tui.case.files import CaseError, parse_case
from il2tui.case.model import Case
from il2tui.clinical.applicability import Eligibility, first_brain_lesion
from il2tui.clinical.conditions import holds
from il2tui.clinical.guideline import load_guideline
from il2tui.core import jsonio
from il2tui.core.jsonio import JSONInputError, loads_exact
from tests.tui import cases


def _case_text(*pairs: str) -> str:
    """A case whose L1 is written at baseline, then at one restaging per course, as given."""
    first, *later = pairs
    courses = [
        cases.course(i + 1, f"{2025 + i}-01-13", f"{2025 + i}-03-10", {"L1": i, "L2": [20, 15]})
        for i in range(len(later))
    ]
    text = json.dumps(cases.case(courses)).replace('"L1": [24, 20]', f'"L1": {first}', 1)
    for i, pair in enumerate(later):
        text = text.replace(f'"L1": {i},', f'"L1": {pair},', 1)
    return text


def _l1(text: str) -> list[str]:
    case = parse_case(text)
    found = [case.baseline.measurements["L1"]]  # type: ignore[union-attr]
    found += [c.assessments[0].measurements["L1"] for c in case.courses]
    return [f"{d1} {d2}" for d1, d2 in found]  # type: ignore[misc]


def test_an_equal_value_written_another_way_gets_the_one_written_form_every_time() -> None:
    text = _case_text("[24.50, 1e2]", "[24.5000, 100.000]", "[24.5, 100]", "[2.45e1, 100.0]")
    assert _l1(text) == ["24.5 100"] * 4


def test_zero_and_negative_zero_keep_their_own_forms_whichever_comes_first() -> None:
    assert _l1(_case_text("[24, 20]", "[0, 0]", "[-0.0, -0.0]", "[0.00, 0]")) == [
        "24 20",
        "0 0",
        "-0 -0",
        "0 0",
    ]
    assert _l1(_case_text("[24, 20]", "[-0.0, -0.0]", "[0, 0]")) == ["24 20", "-0 -0", "0 0"]


@pytest.mark.parametrize(
    ("pair", "words"),
    [
        ("[24, 30.00001]", "more than 4 decimal places"),
        ("[24, 401]", "implausibly large"),
        ("[24, -1.5]", "must not be negative"),
    ],
)
def test_a_refused_value_is_refused_again_after_an_accepted_one(pair: str, words: str) -> None:
    parse_case(_case_text("[24, 20]", "[24, 400]", "[24, 1.5]"))
    for _ in range(2):
        with pytest.raises(CaseError, match=words):
            parse_case(_case_text("[24, 20]", pair))


def test_the_table_of_checked_values_stays_within_its_size(monkeypatch: Any) -> None:
    monkeypatch.setattr(model, "_CHECKED", {})
    monkeypatch.setattr(model, "_MAX_CHECKED", 3)
    values = ["[11.1, 12.2]", "[13.3, 14.4]", "[15.5, 16.6]"]
    assert _l1(_case_text("[24, 20]", *values)) == ["24 20", "11.1 12.2", "13.3 14.4", "15.5 16.6"]
    assert 0 < len(model._CHECKED) <= 3
    assert all(model._CHECKED[key] == key for key in model._CHECKED)


def test_the_first_key_that_comes_back_is_named() -> None:
    with pytest.raises(JSONInputError, match="the key 'b' appears twice"):
        loads_exact('{"a": 1, "b": 2, "b": 3, "a": 4}')
    with pytest.raises(JSONInputError, match="the key 'x' appears twice"):
        loads_exact('{"a": {"x": 1, "y": 2, "x": 1}}')
    assert loads_exact('{"a": {"x": 1, "y": 2}, "b": []}') == {"a": {"x": 1, "y": 2}, "b": []}


def test_the_schema_still_shows_an_empty_table_as_the_default() -> None:
    fields = checked.Case.model_json_schema()["$defs"]["Assessment"]["properties"]
    assert fields["measurements"]["default"] == {}
    assert fields["non_measurable"]["default"] == {}


def _brain_case(numbers: list[int], brain_after: int) -> Case:
    """Courses numbered as given (unchecked), a new brain lesion after the ``brain_after``-th."""
    data = cases.case(
        [
            cases.course(
                n, f"{2025 + i}-01-13", f"{2025 + i}-03-10", {"L1": [24, 20], "L2": [20, 15]}
            )
            for i, n in enumerate(numbers)
        ]
    )
    assessment = data["courses"][brain_after - 1]["assessments"][0]
    assessment["new_lesions"] = [{"site": "right frontal lobe"}]
    return model.from_data(Case, data)


def _cns_flag(case: Case, through: int | None) -> bool:
    patient = {"diagnosis": "melanoma", "exclusions": (), "prior_therapy": ()}
    flags = Eligibility(load_guideline().compiled(), case, patient).as_of(through)
    return any(note.id == "cns_metastases" for note in flags)


def test_a_new_brain_lesion_shows_from_the_course_after_which_it_was_seen() -> None:
    case = _brain_case([1, 2, 3], brain_after=2)
    assert first_brain_lesion(case) is not None
    assert [_cns_flag(case, n) for n in (None, 1, 2, 3)] == [False, False, True, True]


def test_courses_out_of_order_show_the_lesion_only_once_every_course_before_it_is_reached() -> None:
    """Read in file order, a lesion after the 2nd course (numbered 1) shows by course 3."""
    case = _brain_case([3, 1, 2], brain_after=2)
    found = first_brain_lesion(case)
    assert found is not None and found[0] == 3
    assert [_cns_flag(case, n) for n in (1, 2, 3)] == [False, False, True]


def _every_caution_fact() -> list[dict[str, Any]]:
    """Every combination of the facts the shipped cautions test, for every rule."""
    plan = load_guideline().compiled()
    rules = [rule.id for _, rule in plan.rules]
    return [
        {
            "rule": rule,
            "action": action,
            "state": state,
            "course": course,
            "next_course": course + 1,
            "diagnosis": diagnosis,
        }
        for rule in rules
        for action in ("retreat", "consider_retreat", "consolidate", "stop", "reassess")
        for state in ("NR", "MR", "PR", "CR")
        for course in range(1, 7)
        for diagnosis in ("melanoma", "renal_cell")
    ]


def test_the_cautions_tried_for_a_rule_give_what_trying_every_caution_gives() -> None:
    plan = load_guideline().compiled()
    shown = 0
    for facts in _every_caution_fact():
        every = tuple(note for tests, note in plan.cautions if holds(tests, facts))
        assert plan.cautions_for(facts) == every, facts
        shown += bool(every)
    assert shown > 100  # the grid reaches the cautions, not only their absence


def test_a_caution_that_names_no_rule_is_tried_for_every_rule() -> None:
    plan = load_guideline().compiled()
    fifth = {"rule": "objective_response", "action": "retreat", "next_course": 5}
    assert [n.id for n in plan.cautions_for(fifth | {"state": "MR"})] == ["no_fifth_course"]
    assert set(plan.by_rule) == {rule.id for _, rule in plan.rules}


def test_facts_without_a_rule_are_tried_against_every_caution() -> None:
    plan = load_guideline().compiled()
    facts = {"action": "retreat", "next_course": 5}
    assert [n.id for n in plan.cautions_for(facts)] == ["no_fifth_course"]


def test_a_rule_is_tried_only_with_the_cautions_that_name_it_or_no_rule() -> None:
    by_rule = load_guideline().compiled().by_rule
    tried = {rule: [note.id for _, note in cautions] for rule, cautions in by_rule.items()}
    assert tried["progression"] == ["no_fifth_course"]
    assert tried["objective_response"] == ["no_fifth_course", "pr_no_comparison"]
    assert tried["no_objective_response_after_two"] == [
        "mr_after_two_courses",
        "mr_after_two_courses_melanoma",
        "nr_third_course_melanoma",
        "nr_third_course_renal_cell",
        "no_fifth_course",
    ]


def test_a_number_read_twice_is_one_decimal_object_and_the_table_stays_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = loads_exact('{"a": [24.5, 24.50], "b": [24.5]}').values()
    assert first[0] is second[0]  # the same text: one object, whose hash is kept
    assert str(first[1]) == "24.50"  # another text of the same value keeps its digits
    monkeypatch.setattr(jsonio, "_DECIMALS", {})
    monkeypatch.setattr(jsonio, "_MAX_DECIMALS", 3)
    values = loads_exact("[1.1, 1.2, 1.3, 1.4, 1.5, 1.1]")
    assert [str(v) for v in values] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.1"]
    assert 0 < len(jsonio._DECIMALS) <= 3


def test_nan_is_named_where_it_is_and_the_word_in_text_is_only_text() -> None:
    assert loads_exact('{"site": "NaN Infinity"}') == {"site": "NaN Infinity"}
    with pytest.raises(JSONInputError) as caught:
        loads_exact('{"site": "NaN", "d": [1, NaN]}')
    assert caught.value.position == "d[1]"
    with pytest.raises(JSONInputError, match="BOM"):
        loads_exact('\ufeff{"a": 1}')


def test_threads_parse_with_decoders_of_their_own() -> None:
    texts = [f'{{"n": {n}, "d": [{n}.5, 1.25], "k": {{"x": {n}}}}}' for n in range(200)]
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(loads_exact, texts))
    assert found == [json.loads(t, parse_float=Decimal) for t in texts]
