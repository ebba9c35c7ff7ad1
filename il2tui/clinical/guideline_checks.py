"""What a guideline or assumptions file must hold beyond its fields' types: one function
per rule, used by the fast path (:mod:`il2tui.clinical.guideline`) and by the pydantic
twins that explain a refused file (:mod:`il2tui.clinical.guideline_pydantic`), so both
apply the same rules and a refusal is worded as it always was.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import Protocol

from il2tui.clinical.model import Citation

#: The growing-lesion tolerance is at least this and under :data:`TOLERANCE_BELOW`, in %.
TOLERANCE_FROM, TOLERANCE_BELOW = 0, 25


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


@cache
def citation(key: str) -> Citation:
    """The citation of a key of ``data/sections.csv``; an unknown key raises ``KeyError``."""
    from il2tui.evidence import cite

    return Citation(key=key, text=cite(key))


@cache
def citations(keys: tuple[str, ...]) -> tuple[Citation, ...]:
    """The citations of keys of ``data/sections.csv``, in their order."""
    return tuple(citation(key) for key in keys)


def known_sources(keys: tuple[str, ...]) -> tuple[str, ...]:
    """``keys`` when each is a key of ``data/sections.csv``; otherwise ``ValueError``."""
    for key in keys:
        try:
            citation(key)
        except KeyError:
            raise ValueError(f"{key!r} is not a key of data/sections.csv") from None
    return keys


def stop_reason_with_stop(action: str, stop_reason: str | None) -> None:
    """A stop rule needs a stop reason, and only a stop rule has one."""
    if (action == "stop") != (stop_reason is not None):
        raise ValueError("a stop rule needs a stop_reason, and only a stop rule has one")


def unique_ids(entries: Iterable[_HasId]) -> None:
    """No two entries of a list share an id."""
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ValueError(f"the id {entry.id!r} is used twice")
        seen.add(entry.id)


def plain_digits(value: Decimal) -> Decimal:
    """One way to write a value (24.0 and 24 are both 24), so it is shown the same."""
    return Decimal(format(value.normalize(), "f"))


def tolerance(value: Decimal) -> Decimal:
    """A growing-lesion tolerance in plain digits; ``ValueError`` unless finite, at least
    0 and under 25 (with no words: the pydantic twin words the refusal)."""
    if not (value.is_finite() and TOLERANCE_FROM <= value < TOLERANCE_BELOW):
        raise ValueError
    return plain_digits(value)
