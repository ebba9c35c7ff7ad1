"""The keys line: every key when they fit, otherwise those that fit and always F1."""

from __future__ import annotations

from il2tui.tui.widgets.keys_bar import keys_line

KEYS = [("⏎", "Accept"), ("esc", "Back"), ("^o", "Override"), ("^q", "Quit"), ("f1", "Help")]


def test_every_key_is_shown_when_the_line_is_wide_enough() -> None:
    assert keys_line(KEYS, 80).plain == "⏎ Accept  esc Back  ^o Override  ^q Quit  f1 Help  "


def test_a_narrow_line_keeps_the_first_keys_that_fit_and_ends_with_f1() -> None:
    line = keys_line(KEYS, 36).plain
    assert line == "⏎ Accept  esc Back  f1 More keys  "
    assert len(line.rstrip()) <= 36


def test_before_the_width_is_known_every_key_is_listed() -> None:
    assert keys_line(KEYS, 0).plain.count("  ") == len(KEYS)
