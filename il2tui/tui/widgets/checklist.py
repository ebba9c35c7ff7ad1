"""A checklist whose boxes read [x] and [ ] in characters, not only in colour."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist


class Checklist(SelectionList[str]):
    """:class:`~textual.widgets.SelectionList` drawing each box as ``[x]`` or ``[ ]``: Textual
    draws both states with the same character, told apart by colour alone."""

    def render_line(self, y: int) -> Strip:
        """The line as Textual draws it, with the three characters of the box replaced."""
        line = super().render_line(y)
        segments = list(line)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        if len(segments) < 4:
            return line
        _, inner, _, space, *rest = segments
        mark = "x" if selection.value in self.selected else " "
        return Strip(
            [
                Segment("[", space.style),
                Segment(mark, inner.style),
                Segment("]", space.style),
                space,
                *rest,
            ],
            line.cell_length,
        )
