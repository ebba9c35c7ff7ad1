"""il2tui: decision support for high-dose bolus interleukin-2 courses.

The engine (everything outside :mod:`il2tui.tui`) is free of Textual so that
scripts and batch audits can use it without a terminal user interface.
"""

__version__ = "0.1.0"
