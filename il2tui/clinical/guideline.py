"""The retreatment guideline as versioned data: load a rule file, decide, explain.

The shipped file is ``guidelines/retreatment.toml``; a clinic may pass its own
(``il2 review --guideline FILE``). Rules are tried in order and the first whose
condition holds decides; cautions and warnings are attached when theirs hold.
Every text cites the paper through keys of ``data/sections.csv``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, TypeVar

import msgspec

from il2tui.clinical.conditions import (
    CAUTION_FACTS,
    COURSE_FACTS,
    PATIENT_FACTS,
    Test,
    compile_when,
    holds,
)
from il2tui.clinical.guideline_checks import (
    citations,
    known_sources,
    stop_reason_with_stop,
    tolerance,
    unique_ids,
)
from il2tui.clinical.model import Action, Citation, GuidelineRef, Note, StopReason
from il2tui.core.errors import InputFileError
from il2tui.core.reading import read_small_text
from il2tui.core.resources import read_shipped_text

SHIPPED = "retreatment.toml"
ASSUMPTIONS = "assumptions.toml"
MAX_GUIDELINE_BYTES = 512 * 1024
#: An entry's id; ``\Z`` where the pydantic twin has ``$`` (whose regex engine ends ``$`` at
#: the end of the text, where Python's ``$`` also matches before a final line break).
Id = Annotated[str, msgspec.Meta(min_length=1, max_length=80, pattern=r"\A[a-z0-9_]+\Z")]
Words = Annotated[str, msgspec.Meta(min_length=1)]
M = TypeVar("M", "Guideline", "Assumptions")


class GuidelineError(InputFileError):
    """A guideline or assumptions file that cannot be used, with where and why."""


class _Struct(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Every part of a guideline or assumptions file: frozen, keyword-only, no unknown key.

    A msgspec ``Struct`` (no pydantic on a review's path); the rules pydantic's validators
    applied run in ``__post_init__``, from :mod:`il2tui.clinical.guideline_checks`.
    """


class _Entry(_Struct, kw_only=True):
    """What rules, cautions, warnings and assumptions share: an id and their sources."""

    id: Id
    """A stable id in lower case (``no_objective_response_after_two``)."""
    sources: Annotated[tuple[str, ...], msgspec.Meta(min_length=1)]
    """Keys of ``data/sections.csv``: where in the paper this comes from."""

    def __post_init__(self) -> None:
        known_sources(self.sources)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The sources as citations with their pages (made once per list of sources: a
        review cites its rule at every course)."""
        return citations(self.sources)


class _Conditional(_Entry, kw_only=True):
    """An entry that applies when its condition holds."""

    when: Annotated[dict[str, Any], msgspec.Meta(min_length=1)]
    """Fact name to test; see :mod:`il2tui.clinical.conditions`."""
    facts: ClassVar[Mapping[str, Any]] = COURSE_FACTS
    """The facts a condition of this kind of entry may test."""

    def __post_init__(self) -> None:
        super().__post_init__()
        compile_when(self.when, self.facts)

    @property
    def tests(self) -> tuple[Test, ...]:
        """The condition, compiled."""
        return compile_when(self.when, self.facts)


class Rule(_Conditional, kw_only=True):
    """One rule: when it matches, its action is the recommendation."""

    title: Words
    """The rule in a few words."""
    action: Action
    """retreat, consider_retreat, consolidate, stop or reassess."""
    stop_reason: StopReason | None = None
    """Required with ``stop``, forbidden otherwise."""
    reasoning: Words
    """The paper's reasoning, paraphrased."""

    def __post_init__(self) -> None:
        super().__post_init__()
        stop_reason_with_stop(self.action, self.stop_reason)


class _Text(_Conditional, kw_only=True):
    text: Words
    """One or two sentences, paraphrasing the paper with its numbers."""

    def note(self) -> Note:
        """The entry as a note of the review."""
        return Note(id=self.id, text=self.text, sources=self.citations)


class Caution(_Text, kw_only=True):
    """A caution attached to a recommendation where the data speak against it or are thin."""

    facts: ClassVar[Mapping[str, Any]] = CAUTION_FACTS


class PatientWarning(_Text, kw_only=True):
    """An applicability warning about the patient (an exclusion of the series ...)."""

    facts: ClassVar[Mapping[str, Any]] = PATIENT_FACTS
    eligibility: bool = False
    """True for the series' exclusion criteria (and age or performance status outside its
    patients): shown as an eligibility flag above every recommendation."""


class Plan(msgspec.Struct, frozen=True):
    """A guideline compiled for fast evaluation: conditions as tests, notes made once."""

    ref: GuidelineRef
    """The guideline's identity."""
    rules: tuple[tuple[tuple[Test, ...], Rule], ...]
    """Each rule with its compiled condition, in order."""
    cautions: tuple[tuple[tuple[Test, ...], Note], ...]
    """Each caution's compiled condition and its note."""
    warnings: tuple[tuple[tuple[Test, ...], Note], ...]
    """Each warning's compiled condition and its note (eligibility flags excluded)."""
    eligibility: tuple[tuple[tuple[Test, ...], Note], ...] = ()
    """Each eligibility flag's compiled condition and its note."""

    def decide(self, facts: Mapping[str, Any]) -> Rule | None:
        """The first rule that matches, or ``None`` when none does."""
        for tests, rule in self.rules:
            if holds(tests, facts):
                return rule
        return None

    by_rule: Mapping[str, tuple[tuple[tuple[Test, ...], Note], ...]] = msgspec.field(
        default_factory=dict
    )
    """For each rule id, the cautions a recommendation by that rule can carry (see
    :func:`by_rule`): most cautions name one rule, so most need no test at all."""

    def cautions_for(self, facts: Mapping[str, Any]) -> tuple[Note, ...]:
        """The cautions whose condition holds (facts include ``rule`` and ``action``)."""
        tried = self.by_rule.get(facts.get("rule"), self.cautions)
        return tuple(note for tests, note in tried if holds(tests, facts))

    def warnings_for(self, patient: Mapping[str, Any]) -> tuple[Note, ...]:
        """The applicability warnings whose condition holds for the patient."""
        return tuple(note for tests, note in self.warnings if holds(tests, patient))

    def eligibility_for(self, patient: Mapping[str, Any]) -> tuple[Note, ...]:
        """The eligibility flags (the series' exclusions ...) that hold for the patient."""
        return tuple(note for tests, note in self.eligibility if holds(tests, patient))


def by_rule(
    cautions: tuple[tuple[tuple[Test, ...], Note], ...], rules: list[str]
) -> dict[str, tuple[tuple[tuple[Test, ...], Note], ...]]:
    """For each rule id, the cautions that can hold with it, in their order: those whose
    condition tests no ``rule``, and those whose ``rule`` test lists this rule (any other
    never holds when this rule decides)."""
    return {
        rule: tuple(
            (tests, note)
            for tests, note in cautions
            if all(rule in expected for name, _, expected in tests if name == "rule")
        )
        for rule in rules
    }


class Guideline(_Struct, kw_only=True, dict=True):
    """A versioned rule file (its compiled plan kept beside its fields)."""

    id: Annotated[str, msgspec.Meta(min_length=1, max_length=80)]
    """The guideline's id."""
    version: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    """Its version; a change of any rule is a new version."""
    status: Literal["draft", "active", "retired"]
    """Its lifecycle status; the review names it."""
    title: Words
    """What it is, in a line."""
    source: Words
    """The citation of the paper it follows."""
    rules: Annotated[tuple[Rule, ...], msgspec.Meta(min_length=1)]
    """Tried in order; the first that matches decides."""
    cautions: tuple[Caution, ...] = ()
    """Attached to a recommendation when they match."""
    warnings: tuple[PatientWarning, ...] = ()
    """About the patient; attached to the whole review when they match."""

    def __post_init__(self) -> None:
        """Check that ids are unique, then compile every condition once and make the notes
        once (a frozen Struct keeps them in its ``__dict__``)."""
        for entries in (self.rules, self.cautions, self.warnings):
            unique_ids(entries)
        cautions = tuple((c.tests, c.note()) for c in self.cautions)
        self.__dict__["_plan"] = Plan(
            ref=GuidelineRef(
                id=self.id, version=self.version, status=self.status, title=self.title
            ),
            rules=tuple((r.tests, r) for r in self.rules),
            cautions=cautions,
            warnings=tuple((w.tests, w.note()) for w in self.warnings if not w.eligibility),
            eligibility=tuple((w.tests, w.note()) for w in self.warnings if w.eligibility),
            by_rule=by_rule(cautions, [r.id for r in self.rules]),
        )

    @property
    def ref(self) -> GuidelineRef:
        """The guideline's identity, as a review names it."""
        return self.compiled().ref

    def compiled(self) -> Plan:
        """The guideline ready to evaluate (decide, cautions_for, warnings_for)."""
        plan: Plan = self.__dict__["_plan"]
        return plan


class Assumption(_Entry, kw_only=True):
    """An assumption that fills a gap of the paper."""

    text: Words
    """What is assumed, and why."""


class Assumptions(_Struct, kw_only=True, dict=True):
    """The assumptions file (the shipped one, or a clinic's own)."""

    id: str
    """The file's id."""
    version: str
    """Its version."""
    growing_lesion_tolerance_pct: Decimal = Decimal(0)
    """How far above its nadir, in percent, a lesion may be before it counts as growing
    (a growing lesion rules out a PR). 0, the paper's literal reading, by default; under
    25, where growth is progression. Written in plain digits (24.0 and 24 are both 24)."""
    assumptions: Annotated[tuple[Assumption, ...], msgspec.Meta(min_length=1)]
    """Each assumption, in the order to show them."""

    def __post_init__(self) -> None:
        """Check the tolerance and write it in plain digits; make the notes once (a review
        lists them all)."""
        value = tolerance(self.growing_lesion_tolerance_pct)
        msgspec.structs.force_setattr(self, "growing_lesion_tolerance_pct", value)
        self.__dict__["_notes"] = tuple(
            Note(id=a.id, text=a.text.replace("{tolerance}", str(value)), sources=a.citations)
            for a in self.assumptions
        )

    def notes(self) -> tuple[Note, ...]:
        """Every assumption as a note of the review (``{tolerance}`` filled in)."""
        notes: tuple[Note, ...] = self.__dict__["_notes"]
        return notes


def assumption_notes() -> tuple[Note, ...]:
    """The shipped assumptions as notes of a review (made once; ``il2 cohort`` quotes them)."""
    return load_assumptions().notes()


def load_guideline(path: Path | None = None) -> Guideline:
    """The shipped guideline (cached), or a clinic's own file."""
    if path is None:
        return _shipped_guideline()
    text = read_small_text(path, MAX_GUIDELINE_BYTES, GuidelineError)
    return _parse(Guideline, text, str(path))


@cache
def _shipped_guideline() -> Guideline:
    return _parse(Guideline, read_shipped_text("guidelines", SHIPPED), f"guidelines/{SHIPPED}")


def load_assumptions(path: Path | None = None) -> Assumptions:
    """The shipped assumptions that fill the paper's gaps (cached), or a clinic's own file."""
    if path is None:
        return _shipped_assumptions()
    text = read_small_text(path, MAX_GUIDELINE_BYTES, GuidelineError)
    return _parse(Assumptions, text, str(path))


@cache
def _shipped_assumptions() -> Assumptions:
    text = read_shipped_text("guidelines", ASSUMPTIONS)
    return _parse(Assumptions, text, f"guidelines/{ASSUMPTIONS}")


def _parse(model: type[M], text: str, source: str) -> M:
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise GuidelineError(source, "", f"not valid TOML: {exc}") from None
    return validated(model, data, source)


def validated(model: type[M], data: dict[str, Any], source: str) -> M:
    """A file's data as ``model``: converted by msgspec, or else as :func:`_explained` says."""
    if not isinstance(data.get("growing_lesion_tolerance_pct"), str):  # see _explained
        try:
            return msgspec.convert(data, model)
        except msgspec.ValidationError:
            pass
    return _explained(model, data, source)


def _explained(model: type[M], data: dict[str, Any], source: str) -> M:
    """The file as its pydantic twin reads it, or the first problem as pydantic words it.

    msgspec refuses what pydantic would explain, and some files pydantic accepts (``1``
    for ``true``); a tolerance written as text comes here too (msgspec and pydantic read
    ``Decimal`` from text differently), and is made from pydantic's values (which the
    Struct always takes: ``tests/engine/test_guideline_agree.py``).
    """
    from il2tui.clinical.guideline_pydantic import Refused, checked

    try:
        return msgspec.convert(checked(model.__name__, data), model)
    except Refused as refused:
        raise GuidelineError(source, refused.path, refused.message) from None
