"""The ``il2`` command line: the Typer app (:mod:`.main`) and one module per command."""
