"""The foundation every layer stands on: exact decimals, JSON, safe text, atomic storage,
the clock and the shipped resources. It imports nothing else of il2tui."""
