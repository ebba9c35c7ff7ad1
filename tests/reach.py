"""A property test must assert in most of its examples, or it proves little.

A test that returns early (or calls ``assume``) for most of what hypothesis draws
passes whatever the code does. :class:`Reach` counts: decorate the test (above
``@settings``/``@given``) with ``@reach.most`` and call ``reach.reached()`` just
before the assertion that carries the property; the test then fails if fewer than
half of the examples hypothesis ran got there.

    reach = Reach()

    @reach.most
    @settings(...)
    @given(...)
    def test_x(...):
        ...
        reach.reached()
        assert ...
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from hypothesis import event
from hypothesis.control import currently_in_test_context


class Reach:
    """How many examples of one property test reached its assertion."""

    def __init__(self) -> None:
        self.tried = 0
        self.hits = 0

    def reached(self) -> None:
        """Call just before the property's assertion (a helper shared with example-based
        tests may call it outside hypothesis: then it only counts)."""
        self.hits += 1
        if currently_in_test_context():
            event("reached the assertion")

    def most(self, test: Callable[..., None]) -> Callable[..., None]:
        """Run the hypothesis test, then fail unless most of its examples reached the assertion."""
        inner = test.hypothesis.inner_test  # type: ignore[attr-defined]

        @functools.wraps(inner)
        def counted(*args: Any, **kwargs: Any) -> None:
            self.tried += 1
            inner(*args, **kwargs)

        test.hypothesis.inner_test = counted  # type: ignore[attr-defined]

        @functools.wraps(test)
        def run(*args: Any, **kwargs: Any) -> None:
            self.tried = self.hits = 0
            test(*args, **kwargs)
            assert self.tried > 0, "hypothesis ran no example"
            assert 2 * self.hits > self.tried, (
                f"only {self.hits} of {self.tried} examples reached the assertion"
            )

        del run.__wrapped__  # pytest must see the hypothesis test's signature, not the inner one
        run.__signature__ = inspect.signature(test)  # type: ignore[attr-defined]
        return run
