"""Social Domain Dashboard: council oversight of spending and results in the social domain.

The package is in rooms that import downward only (enforced by import-linter, ``.importlinter``):
``web`` → ``api`` | ``pages`` → ``components`` → ``figures`` | ``navigation`` → ``i18n`` → ``demo`` →
``queries`` | ``ingest`` → ``store`` | ``importers`` → ``domain`` → ``config``. The README's layout
section says what each room is for.
"""
