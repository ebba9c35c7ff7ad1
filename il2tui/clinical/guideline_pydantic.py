"""The guideline and assumptions files as pydantic models, to explain a refused file.

Imported only when the fast path (:mod:`il2tui.clinical.guideline`) refuses a file (a
shipped file never is): pydantic then names the first problem's field path and words it
as it always has. Each class has the name, fields and defaults of its twin there, and
both apply the rules of :mod:`il2tui.clinical.guideline_checks`;
``tests/engine/test_guideline_agree.py`` checks that the two accept the same files.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from il2tui.clinical import guideline_checks as checks
from il2tui.clinical.conditions import CAUTION_FACTS, COURSE_FACTS, PATIENT_FACTS, compile_when
from il2tui.clinical.model import Action, StopReason
from il2tui.core.errors import first_problem


class Refused(ValueError):
    """A file pydantic refuses: the field path and the message."""

    def __init__(self, path: str, message: str) -> None:
        self.path, self.message = path, message
        super().__init__(path, message)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=80, pattern=r"^[a-z0-9_]+$")
    sources: tuple[str, ...] = Field(min_length=1)

    @field_validator("sources")
    @classmethod
    def _known_sources(cls, keys: tuple[str, ...]) -> tuple[str, ...]:
        return checks.known_sources(keys)


class _Conditional(_Entry):
    when: dict[str, Any] = Field(min_length=1)
    facts: ClassVar[dict[str, Any]] = COURSE_FACTS

    @field_validator("when")
    @classmethod
    def _valid_when(cls, when: dict[str, Any]) -> dict[str, Any]:
        compile_when(when, cls.facts)
        return when


class Rule(_Conditional):
    title: str = Field(min_length=1)
    action: Action
    stop_reason: StopReason | None = None
    reasoning: str = Field(min_length=1)

    @model_validator(mode="after")
    def _stop_reason_with_stop(self) -> Rule:
        checks.stop_reason_with_stop(self.action, self.stop_reason)
        return self


class _Text(_Conditional):
    text: str = Field(min_length=1)


class Caution(_Text):
    facts: ClassVar[dict[str, Any]] = CAUTION_FACTS


class PatientWarning(_Text):
    facts: ClassVar[dict[str, Any]] = PATIENT_FACTS
    eligibility: bool = False


class Guideline(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=80)
    version: str = Field(min_length=1, max_length=40)
    status: Literal["draft", "active", "retired"]
    title: str = Field(min_length=1)
    source: str = Field(min_length=1)
    rules: tuple[Rule, ...] = Field(min_length=1)
    cautions: tuple[Caution, ...] = ()
    warnings: tuple[PatientWarning, ...] = ()

    @field_validator("rules", "cautions", "warnings")
    @classmethod
    def _unique_ids(cls, entries: tuple[_Entry, ...]) -> tuple[_Entry, ...]:
        checks.unique_ids(entries)
        return entries


class Assumption(_Entry):
    text: str = Field(min_length=1)


class Assumptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    version: str
    growing_lesion_tolerance_pct: Decimal = Field(default=Decimal(0), ge=0, lt=25)
    assumptions: tuple[Assumption, ...] = Field(min_length=1)

    @field_validator("growing_lesion_tolerance_pct")
    @classmethod
    def _plain_digits(cls, value: Decimal) -> Decimal:
        return checks.plain_digits(value)


MODELS: dict[str, type[BaseModel]] = {"Guideline": Guideline, "Assumptions": Assumptions}


def checked(model: str, data: object) -> dict[str, Any]:
    """The file's values as the model ``model`` (a class name) validates them; a refused
    file raises :class:`Refused` with the shallowest problem's path and message."""
    try:
        return MODELS[model].model_validate(data).model_dump()
    except ValidationError as exc:
        raise Refused(*first_problem(exc, "a guideline file")) from None
