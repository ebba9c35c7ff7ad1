"""Renderings of a review (plain text, Markdown, JSON, CSV) and of the evidence tables.

Every function here only renders what the engine decided; none decides anything."""
