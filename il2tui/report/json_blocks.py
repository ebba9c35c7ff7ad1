"""Blocks that many reviews' JSON shares, written once for their depth and spliced in.

The notes, citations, guideline and cohorts come from the guideline file and the paper's
tables: a few hundred distinct ones serve every review of a run. Each is written once for
each depth where it goes (:class:`~il2tui.core.jsonio.Fragment`), left out of a review's
data as a :data:`~il2tui.core.jsonio.HOLE`, and found again by identity (the engine hands
every review the same objects; hashing a tuple of notes hashes every field).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from il2tui.core.jsonio import HOLE, Fragment, Raw
from il2tui.core.textsafe import json_string


class Shared:
    """The blocks of one kind of shared value at one depth, by the value's identity, or
    by its items' (``by_items``: a case's own notes cite the paper's few citations in
    tuples of their own).

    Each entry holds its value, so that no other object can take its id (nor its items'
    ids) while it is remembered; the entries are all dropped past ``limit``.
    """

    def __init__(
        self,
        fragment: Callable[[Any], Fragment],
        level: int,
        *,
        by_items: bool = False,
        limit: int = 1024,
    ) -> None:
        self.fragment, self.level, self.by_items, self.limit = fragment, level, by_items, limit
        self.memo: dict[object, tuple[object, bytes]] = {}

    def hole(self, value: Any, blocks: list[bytes]) -> Raw:
        """A hole for ``value``'s block, its text added to ``blocks``."""
        key = tuple(map(id, value)) if self.by_items else id(value)
        found = self.memo.get(key)
        if found is None:
            found = self._add(key, value)
        blocks.append(found[1])
        return HOLE

    def _add(self, key: object, value: object) -> tuple[object, bytes]:
        if len(self.memo) >= self.limit:
            self.memo.clear()
        block = self.fragment(value).at(2, self.level, json_string)
        found = self.memo[key] = (value, block.utf8)
        return found


class Runs:
    """Runs of an object's fields that reviews share (what a rule says, with its reasoning),
    each written once as a block that goes where the run's first value goes, the other
    fields left out of the object; found by a key of the values and of the ids of the
    objects that ``value`` holds (so that no other object can take their ids while the
    run is remembered). The entries are all dropped past ``limit``."""

    def __init__(self, fields: Callable[[Any], dict[str, Any]], level: int, limit: int = 1024):
        self.fields, self.level, self.limit = fields, level, limit
        self.memo: dict[tuple[object, ...], tuple[object, bytes]] = {}

    def hole(self, key: tuple[object, ...], value: object, blocks: list[bytes]) -> Raw:
        """A hole for the run of ``value``'s fields, its text added to ``blocks``."""
        found = self.memo.get(key)
        if found is None:
            if len(self.memo) >= self.limit:
                self.memo.clear()
            found = self.memo[key] = (value, self._text(value))
        blocks.append(found[1])
        return HOLE

    def _text(self, value: object) -> bytes:
        fields = self.fields(value)
        text = Fragment(fields).text(2, self.level - 1, json_string)  # the object's text
        before = "{\n" + " " * (2 * self.level) + json_string(next(iter(fields))) + ": "
        after = "\n" + " " * (2 * (self.level - 1)) + "}"
        if not (text.startswith(before) and text.endswith(after)):
            raise AssertionError(f"not an object of fields at depth {self.level}: {text[:80]}")
        return text[len(before) : -len(after)].encode()
