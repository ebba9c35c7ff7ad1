"""``python -m il2tui`` does what the ``il2`` command does."""

from il2tui.cli.launch import main

if __name__ == "__main__":
    main()
