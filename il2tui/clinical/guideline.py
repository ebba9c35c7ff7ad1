"""The retreatment guideline as versioned data: load a rule file, decide, explain.

The shipped file is ``guidelines/retreatment.toml``; a clinic may pass its own
(``il2 review --guideline FILE``). Rules are tried in order and the first whose
condition holds decides; cautions and warnings are attached when theirs hold.
Every text cites the paper through keys of ``data/sections.csv``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from il2tui.clinical.conditions import (
    CAUTION_FACTS,
    COURSE_FACTS,
    PATIENT_FACTS,
    Test,
    compile_when,
    holds,
)
from il2tui.clinical.model import Action, Citation, GuidelineRef, Note, StopReason
from il2tui.core.errors import InputFileError, first_problem
from il2tui.core.reading import read_small_text
from il2tui.core.resources import read_shipped_text

SHIPPED = "retreatment.toml"
ASSUMPTIONS = "assumptions.toml"
MAX_GUIDELINE_BYTES = 512 * 1024
Id = str
M = TypeVar("M", bound=BaseModel)


class GuidelineError(InputFileError):
    """A guideline or assumptions file that cannot be used, with where and why."""


@cache
def citation(key: str) -> Citation:
    """The citation of a key of ``data/sections.csv``; an unknown key raises ``KeyError``."""
    from il2tui.evidence import cite

    return Citation(key=key, text=cite(key))


@cache
def citations(keys: tuple[str, ...]) -> tuple[Citation, ...]:
    """The citations of keys of ``data/sections.csv``, in their order."""
    return tuple(citation(key) for key in keys)


class _Entry(BaseModel):
    """What rules, cautions, warnings and assumptions share: an id and their sources."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id = Field(min_length=1, max_length=80, pattern=r"^[a-z0-9_]+$")
    """A stable id in lower case (``no_objective_response_after_two``)."""
    sources: tuple[str, ...] = Field(min_length=1)
    """Keys of ``data/sections.csv``: where in the paper this comes from."""

    @field_validator("sources")
    @classmethod
    def _known_sources(cls, keys: tuple[str, ...]) -> tuple[str, ...]:
        for key in keys:
            try:
                citation(key)
            except KeyError:
                raise ValueError(f"{key!r} is not a key of data/sections.csv") from None
        return keys

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The sources as citations with their pages (made once per list of sources: a
        review cites its rule at every course)."""
        return citations(self.sources)


class _Conditional(_Entry):
    """An entry that applies when its condition holds."""

    when: dict[str, Any] = Field(min_length=1)
    """Fact name to test; see :mod:`il2tui.clinical.conditions`."""
    facts: ClassVar[Mapping[str, Any]] = COURSE_FACTS
    """The facts a condition of this kind of entry may test."""

    @field_validator("when")
    @classmethod
    def _valid_when(cls, when: dict[str, Any]) -> dict[str, Any]:
        compile_when(when, cls.facts)
        return when

    @property
    def tests(self) -> tuple[Test, ...]:
        """The condition, compiled."""
        return compile_when(self.when, self.facts)


class Rule(_Conditional):
    """One rule: when it matches, its action is the recommendation."""

    title: str = Field(min_length=1)
    """The rule in a few words."""
    action: Action
    """retreat, consider_retreat, consolidate, stop or reassess."""
    stop_reason: StopReason | None = None
    """Required with ``stop``, forbidden otherwise."""
    reasoning: str = Field(min_length=1)
    """The paper's reasoning, paraphrased."""

    @model_validator(mode="after")
    def _stop_reason_with_stop(self) -> Rule:
        if (self.action == "stop") != (self.stop_reason is not None):
            raise ValueError("a stop rule needs a stop_reason, and only a stop rule has one")
        return self


class _Text(_Conditional):
    text: str = Field(min_length=1)
    """One or two sentences, paraphrasing the paper with its numbers."""

    def note(self) -> Note:
        """The entry as a note of the review."""
        return Note(id=self.id, text=self.text, sources=self.citations)


class Caution(_Text):
    """A caution attached to a recommendation where the data speak against it or are thin."""

    facts: ClassVar[Mapping[str, Any]] = CAUTION_FACTS


class PatientWarning(_Text):
    """An applicability warning about the patient (an exclusion of the series ...)."""

    facts: ClassVar[Mapping[str, Any]] = PATIENT_FACTS
    eligibility: bool = False
    """True for the series' exclusion criteria (and age or performance status outside its
    patients): shown as an eligibility flag above every recommendation."""


@dataclass(frozen=True, slots=True)
class Plan:
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

    by_rule: Mapping[str, tuple[tuple[tuple[Test, ...], Note], ...]] = field(default_factory=dict)
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


class Guideline(BaseModel):
    """A versioned rule file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    _plan: Plan = PrivateAttr()

    id: Id = Field(min_length=1, max_length=80)
    """The guideline's id."""
    version: str = Field(min_length=1, max_length=40)
    """Its version; a change of any rule is a new version."""
    status: Literal["draft", "active", "retired"]
    """Its lifecycle status; the review names it."""
    title: str = Field(min_length=1)
    """What it is, in a line."""
    source: str = Field(min_length=1)
    """The citation of the paper it follows."""
    rules: tuple[Rule, ...] = Field(min_length=1)
    """Tried in order; the first that matches decides."""
    cautions: tuple[Caution, ...] = ()
    """Attached to a recommendation when they match."""
    warnings: tuple[PatientWarning, ...] = ()
    """About the patient; attached to the whole review when they match."""

    @field_validator("rules", "cautions", "warnings")
    @classmethod
    def _unique_ids(cls, entries: tuple[_Entry, ...]) -> tuple[_Entry, ...]:
        seen: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                raise ValueError(f"the id {entry.id!r} is used twice")
            seen.add(entry.id)
        return entries

    def model_post_init(self, context: Any, /) -> None:
        """Compile every condition once, and make the notes once."""
        cautions = tuple((c.tests, c.note()) for c in self.cautions)
        self._plan = Plan(
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
        return self._plan.ref

    def compiled(self) -> Plan:
        """The guideline ready to evaluate (decide, cautions_for, warnings_for)."""
        return self._plan


class Assumption(_Entry):
    """An assumption that fills a gap of the paper."""

    text: str = Field(min_length=1)
    """What is assumed, and why."""


class Assumptions(BaseModel):
    """The assumptions file (the shipped one, or a clinic's own)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    _notes: tuple[Note, ...] = PrivateAttr()

    id: Id
    """The file's id."""
    version: str
    """Its version."""
    growing_lesion_tolerance_pct: Decimal = Field(default=Decimal(0), ge=0, lt=25)
    """How far above its nadir, in percent, a lesion may be before it counts as growing
    (a growing lesion rules out a PR). 0, the paper's literal reading, by default; under
    25, where growth is progression."""
    assumptions: tuple[Assumption, ...] = Field(min_length=1)
    """Each assumption, in the order to show them."""

    @field_validator("growing_lesion_tolerance_pct")
    @classmethod
    def _plain_digits(cls, value: Decimal) -> Decimal:
        """One way to write a value (24.0 and 24 are both 24), so it is shown the same."""
        return Decimal(format(value.normalize(), "f"))

    def model_post_init(self, context: Any, /) -> None:
        """Make the notes once (a review lists them all)."""
        tolerance = str(self.growing_lesion_tolerance_pct)
        self._notes = tuple(
            Note(id=a.id, text=a.text.replace("{tolerance}", tolerance), sources=a.citations)
            for a in self.assumptions
        )

    def notes(self) -> tuple[Note, ...]:
        """Every assumption as a note of the review (``{tolerance}`` filled in)."""
        return self._notes


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
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise GuidelineError(source, *first_problem(exc, "a guideline file")) from None
