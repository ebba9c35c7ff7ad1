"""Audit of figures stated only in the text, and of the discrepancies register itself."""

from __future__ import annotations

from decimal import Decimal

from il2tui.clinical.guideline import load_guideline
from il2tui.evidence.loader import load
from il2tui.evidence.sections import section_keys

FACTS = {(f.id, f.diagnosis): f for f in load("facts")}
REGISTER = load("discrepancies")


def test_melanoma_cr_ongoing_beyond_follow_up_discrepancy_d6() -> None:
    longest_cr_months = Decimal(FACTS[("longest_cr", "all")].value) * 12
    start_year, start_month = map(int, FACTS[("accrual_start", "all")].value.split("-"))
    end_year, end_month = map(int, FACTS[("follow_up_date", "all")].value.split("-"))
    span = (end_year - start_year) * 12 + (end_month - start_month)
    melanoma_max = int(FACTS[("cr_ongoing_max", "melanoma")].value)
    assert (longest_cr_months, span, melanoma_max) == (Decimal("148.8"), 150, 162)
    assert melanoma_max > span > longest_cr_months


def test_renal_cell_cr_range_fits_within_follow_up() -> None:
    assert int(FACTS[("cr_ongoing_max", "renal_cell")].value) <= 150


def test_prior_therapy_subgroups_fit_within_the_responders() -> None:
    assert int(FACTS[("cr_with_two_or_more_prior", "all")].value) <= 28
    assert int(FACTS[("pr_with_two_or_more_prior", "all")].value) <= 33


def test_every_fact_cites_a_known_section() -> None:
    keys = set(section_keys())
    assert {f.section for f in FACTS.values()} <= keys
    assert {r.section for r in load("tempo_text")} <= keys


def test_register_ids_are_unique_and_numbered() -> None:
    ids = [d.id for d in REGISTER]
    assert ids == [f"D{i}" for i in range(1, len(ids) + 1)]


def test_register_holds_the_two_known_contradictions_with_arithmetic() -> None:
    by_id = {d.id: d for d in REGISTER}
    assert "5" in by_id["D1"].arithmetic and "10" in by_id["D1"].arithmetic
    assert "43" in by_id["D2"].arithmetic and "44" in by_id["D2"].arithmetic
    assert all(d.arithmetic and d.app_action for d in REGISTER)


def test_register_sources_are_known_sections_or_tables() -> None:
    keys = set(section_keys())
    assert {side.source for d in REGISTER for side in d.sides} <= keys


def test_rules_named_by_the_register_exist_in_the_shipped_guideline() -> None:
    rule_ids = {rule.id for rule in load_guideline().rules}
    named = {a.removeprefix("rule:") for d in REGISTER for a in d.affects if a.startswith("rule:")}
    assert named and named <= rule_ids


def test_cautions_named_by_the_register_exist_in_the_shipped_guideline() -> None:
    caution_ids = {caution.id for caution in load_guideline().cautions}
    named = {
        a.removeprefix("caution:") for d in REGISTER for a in d.affects if a.startswith("caution:")
    }
    assert named and named <= caution_ids


def test_the_consolidation_rule_names_its_discrepancy() -> None:
    rules = {rule.id: rule for rule in load_guideline().rules}
    assert "D12" in rules["cr_consolidate"].reasoning
    assert any("rule:cr_consolidate" in d.affects for d in REGISTER if d.id == "D12")


def test_responders_rules_combine_abstract_and_discussion_discrepancy_d11() -> None:
    # Abstract: until CR or intolerance; Discussion: until progression or intolerance, with
    # a consolidation course after a CR. The guideline keeps both, as D11 says.
    rules = {rule.id: rule for rule in load_guideline().rules}
    assert rules["objective_response"].action == "retreat"
    assert rules["cr_consolidate"].action == "consolidate"
    assert (rules["cr_consolidated"].action, rules["cr_consolidated"].stop_reason) == (
        "stop",
        "complete_response",
    )
    assert (rules["progression"].action, rules["progression"].stop_reason) == (
        "stop",
        "progression",
    )
    assert {"abstract", "discussion"} <= set(rules["objective_response"].sources)
