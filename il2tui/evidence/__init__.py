"""The evidence base: the paper's tables as validated data, and the cohort question.

Importing this package is cheap: the data files are read, and pandas
imported, only when a function below is first called.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from il2tui.evidence.answer import CohortAnswer, Outcome

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CohortAnswer", "Outcome", "cite", "cohort", "frame", "table_names"]


@cache  # a review asks at every course; the answers are few and never change
def cohort(diagnosis: str, course: int, state: str) -> CohortAnswer:
    """What happened to the series' patients with this diagnosis and state given this course.

    ``course`` is the course about to be given; ``state`` is ``none`` before
    course 1, otherwise the best response after the previous courses (``NR``,
    ``MR``, ``PR``, ``CR``). Outside the data the answer says so (``treated`` 0).
    """
    from il2tui.evidence.lookup import cohort as lookup

    return lookup(diagnosis, course, state)


def cite(key: str) -> str:
    """A section or table key of ``data/sections.csv`` as "label, p. N"."""
    from il2tui.evidence.sections import cite as _cite

    return _cite(key)


def table_names() -> dict[str, str]:
    """The printable tables, name to description."""
    from il2tui.evidence.tables import TABLES

    return {name: spec.description for name, spec in TABLES.items()}


def frame(name: str) -> pd.DataFrame:
    """One table as a pandas DataFrame (see :func:`table_names`)."""
    from il2tui.evidence.tables import frame as _frame

    return _frame(name)
