"""The Textual assistant behind ``il2 assist``; the only package that imports Textual.

Importing this package is cheap: :mod:`il2tui.tui.app` pulls in the case model,
the engine and the evidence only when a screen first needs them.
"""
