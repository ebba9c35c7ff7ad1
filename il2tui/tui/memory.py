"""Keeping Python's garbage collector out of the way of a step transition.

Profiling the demo walk (``bench/walk.py``) showed the slowest transitions were
full (generation 2) collections, 250-300 ms each, in the middle of drawing the
next step. Each cause, and its measure:

- After the engine and pandas are imported, the heap holds a great many
  long-lived objects that every full collection walked. :func:`settle_heap`
  freezes them (:func:`gc.freeze`): later collections skip them.
- Textual 8.2.8 keeps every widget's ``StylesCache`` (with its rendered lines)
  alive in an ``lru_cache`` of 1,024 entries (Textualize/textual#6665), so the
  heap grew by about 12,000 objects per step. :func:`forget_old_screens`
  clears that cache when a screen is replaced.
- Start-up is mostly imports (Textual, the case model, the engine), which create
  long-lived objects that collections during start-up only walk over:
  :func:`pause_for_start` turns collection off until the first screen is drawn,
  and :func:`resume_after_start` freezes what start-up left and turns it back on
  (``bench/run.py``: about 40 ms of some 300 ms to the first screen).
- A step transition (the Enter that answers, the new screen composed, styled
  and drawn) allocates tens of thousands of objects, which set off some twenty
  young and two middle-generation collections before the new step was drawn
  (``bench/walk.py``). :func:`pause_until_drawn` turns collection off from the
  Enter until the next frame; the young generations are collected just after
  it, while the clinician reads. Measured: the p95 of a transition fell by some
  12 ms; its median did not move (the work only moved past the frame).
- A replaced screen leaves thousands of objects in reference cycles, so a full
  collection would still come every step or two. While the assistant runs,
  automatic full collections are made ten times rarer (a safety net) and
  :func:`collect` runs one when the clinician is reading a new step (the app
  calls it half a second after a step is shown); the young generations are
  still collected automatically.

:func:`restore` undoes all of it when the app exits (tests run many apps in
one process).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

#: Middle-generation collections between two automatic full ones (Python's default is 10).
RARE_FULL = 100
_saved: list[tuple[int, int, int]] = []
_paused: list[bool] = []
_step_paused: list[bool] = []


def pause_for_start() -> None:
    """No automatic collection until :func:`resume_after_start` (or :func:`restore`)."""
    if gc.isenabled():
        gc.disable()
        _paused.append(True)


def resume_after_start() -> None:
    """The first screen is drawn: freeze what start-up created and collect again."""
    if _paused:
        _paused.clear()
        gc.freeze()
        gc.enable()


def pause_until_drawn(app: App[Any]) -> None:
    """No automatic collection until ``app`` has drawn its next frame (a step transition)."""
    if gc.isenabled():
        gc.disable()
        _step_paused.append(True)
        app.call_after_refresh(_resume_after_step)


def _resume_after_step() -> None:
    if _step_paused:
        _step_paused.clear()
        gc.enable()


def settle_heap() -> None:
    """Freeze what is alive now (imports, caches) and make automatic full collections rare."""
    gc.freeze()
    if not _saved:
        _saved.append(gc.get_threshold())
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, RARE_FULL)


def is_settled() -> bool:
    """True between :func:`settle_heap` and :func:`restore`."""
    return bool(_saved)


def forget_old_screens() -> None:
    """Let the styles caches of removed widgets go (works around Textualize/textual#6665)."""
    from textual._styles_cache import StylesCache

    clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    if clear is not None:
        clear()


def collect() -> None:
    """A full collection, for when the assistant is idle."""
    gc.collect()


def restore() -> None:
    """Automatic collections as before, and nothing frozen any more."""
    if _paused or _step_paused:
        _paused.clear()
        _step_paused.clear()
        gc.enable()
    if _saved:
        gc.set_threshold(*_saved.pop())
    gc.unfreeze()
