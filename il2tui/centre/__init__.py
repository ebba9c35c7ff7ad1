"""A centre's own series against the NCI series: Tables 2-5 rebuilt from case files.

:mod:`~il2tui.centre.record` turns one reviewed case into a small record (the
engine decides every category and state); :mod:`~il2tui.centre.tables` counts the
records into the paper's tables, side by side with the series, with an exact test;
:mod:`~il2tui.centre.render` prints them; :mod:`~il2tui.centre.synthetic` writes a
synthetic series that reproduces Tables 3 and 4, for tests and ``il2 cohort --demo``.
Pandas and SciPy are imported only when a table is built.
"""
