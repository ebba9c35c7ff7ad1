"""The reports' blocks remembered by object (``common.by_identity``) are what the function
gives for that object: never the block of another object that took a freed one's id."""

from __future__ import annotations

from il2tui.report.common import by_identity


def test_remembered_by_identity_is_what_the_function_gives() -> None:
    calls: list[tuple[int, ...]] = []

    def block(value: tuple[int, ...], title: str) -> str:
        calls.append(value)
        return f"{title}: {sum(value)}"

    remembered = by_identity(block, limit=50)
    kept = (1, 2)
    for i in range(3000):  # fresh tuples, freed at once: CPython gives their ids out again
        assert remembered((i, i), "t") == f"t: {2 * i}"
        assert remembered(kept, "k") == "k: 3"
        assert remembered(kept, "other") == "other: 3"  # the other arguments are the key too
    assert calls.count(kept) <= 2 * (3000 * 3 // 50 + 1)  # remembered between clearings
