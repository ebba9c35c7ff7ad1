"""Golden cases: hand-worked clinical situations, every rule and every boundary.

Each case file under ``cases/`` carries its expected lines (see README.md); a
mismatch fails with a unified diff of expected against actual.
"""

from __future__ import annotations

import difflib
import json
from decimal import Decimal
from pathlib import Path

import pytest

from il2tui.case.files import case_from_data
from il2tui.clinical.guideline import load_guideline
from il2tui.clinical.review import review_case
from il2tui.core.jsonio import loads_exact
from tests.golden.lines import review_lines

CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))
TRAPS = [p for p in CASES if "float_trap" in json.loads(p.read_text(encoding="utf-8"))]


def _load(path: Path) -> dict:
    return loads_exact(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_case(path: Path) -> None:
    """The review says, line for line, what the case file expects."""
    golden = _load(path)
    actual = review_lines(review_case(case_from_data(golden["case"], source=path.name)))
    if actual != golden["expect"]:
        diff = difflib.unified_diff(golden["expect"], actual, "expected", "actual", lineterm="")
        pytest.fail(f"{path.name}: {golden['title']}\n" + "\n".join(diff), pytrace=False)


def test_the_golden_cases_cover_every_rule_of_the_shipped_guideline() -> None:
    """Each rule of guidelines/retreatment.toml decides at least one golden course."""
    seen = {
        line.split(", rule ")[1].split(";")[0]
        for path in CASES
        for line in _load(path)["expect"]
        if line.startswith("course ")
    }
    assert {rule.id for rule in load_guideline().rules} - seen == set()


@pytest.mark.parametrize("path", TRAPS, ids=lambda p: p.stem)
def test_float_traps_really_fool_binary_floating_point(path: Path) -> None:
    """The exact change sits on the threshold; naive float arithmetic lands on the other side."""
    trap = _load(path)["float_trap"]
    threshold = Decimal(trap["threshold_pct"])
    before = sum(Decimal(a) * Decimal(b) for a, b in trap["reference"])
    after = sum(Decimal(a) * Decimal(b) for a, b in trap["after"])
    assert (after - before) * 100 == threshold * before
    f_before = sum(float(a) * float(b) for a, b in trap["reference"])
    f_after = sum(float(a) * float(b) for a, b in trap["after"])
    change = (f_after - f_before) / f_before * 100
    reaches = change <= threshold if threshold < 0 else change >= threshold
    assert not reaches, f"floats give {change!r}, which reaches {threshold}: not a trap"
