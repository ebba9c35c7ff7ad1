"""The small condition language of guideline files: ``when = { fact = value, ... }``.

A condition maps fact names to tests, and holds when every test holds:

- a plain value: the fact equals it (for a list fact, the list contains it);
- a list of values: the fact is one of them;
- a table ``{ min = 2, max = 4 }``: a whole-number fact within the bounds.

A fact that is unknown (``None``) never matches. Fact names and values are
checked when the file is loaded, so a typo fails with its field path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args

from il2tui.case.model import Diagnosis, Exclusion, PriorTherapy
from il2tui.clinical.model import Action, Category, State

#: What a fact can hold: ``int``, ``bool``, ``str`` (free), or a tuple of allowed
#: words; a one-element list ``[words]`` marks a list fact (tested by containment).
Spec = Any

COURSE_FACTS: dict[str, Spec] = {
    "course": int,
    "next_course": int,
    "courses_since_cr": int,
    "assessed": bool,
    "severe_toxicity": bool,
    "declined": bool,
    "confirmed": bool,
    "progressed": bool,
    "response": get_args(Category),
    "best_response": get_args(Category),
    "state": get_args(State),
    "diagnosis": get_args(Diagnosis),
}
CAUTION_FACTS: dict[str, Spec] = COURSE_FACTS | {"rule": str, "action": get_args(Action)}
PATIENT_FACTS: dict[str, Spec] = {
    "diagnosis": get_args(Diagnosis),
    "age": int,
    "performance_status": int,
    "prior_therapy": [get_args(PriorTherapy)],
    "exclusions": [get_args(Exclusion)],
}

Test = tuple[str, str, Any]


def compile_when(when: Mapping[str, Any], facts: Mapping[str, Spec]) -> tuple[Test, ...]:
    """Check a ``when`` table against the facts it may name, and compile its tests."""
    return tuple(_compile(name, value, facts) for name, value in when.items())


def holds(tests: tuple[Test, ...], facts: Mapping[str, Any]) -> bool:
    """True when every test holds for the facts (a loop: this is on the per-keystroke path)."""
    for name, kind, expected in tests:
        value = facts.get(name)
        if value is None:
            return False
        if kind == "range":
            low, high = expected
            if (low is not None and value < low) or (high is not None and value > high):
                return False
        elif kind == "contains":
            if not any(item in expected for item in value):
                return False
        elif value not in expected:
            return False
    return True


def _compile(name: str, value: Any, facts: Mapping[str, Spec]) -> Test:
    if name not in facts:
        raise ValueError(f"{name!r} is not a fact a condition can test here ({_names(facts)})")
    spec = facts[name]
    if isinstance(value, dict):
        return name, "range", _range(name, value, spec)
    values = value if isinstance(value, list) else [value]
    if not values:
        raise ValueError(f"{name}: an empty list never matches")
    for item in values:
        _check_value(name, item, spec)
    return name, "contains" if isinstance(spec, list) else "in", frozenset(values)


def _range(name: str, value: dict[str, Any], spec: Spec) -> tuple[int | None, int | None]:
    if spec is not int or not value or set(value) - {"min", "max"}:
        raise ValueError(f"{name}: a range is a table of min and/or max for a whole-number fact")
    for bound in value.values():
        _check_value(name, bound, int)
    return value.get("min"), value.get("max")


def _check_value(name: str, item: Any, spec: Spec) -> None:
    allowed = spec[0] if isinstance(spec, list) else spec
    if isinstance(allowed, tuple):
        if item not in allowed:
            raise ValueError(f"{name}: {item!r} is not one of {', '.join(allowed)}")
    elif allowed is int and (isinstance(item, bool) or not isinstance(item, int)):
        raise ValueError(f"{name}: {item!r} is not a whole number")
    elif not isinstance(item, allowed):
        raise ValueError(f"{name}: {item!r} is not a {allowed.__name__}")


def _names(facts: Mapping[str, Spec]) -> str:
    return ", ".join(sorted(facts))
