"""``python -m tests.slow_writer SECONDS ARGS...``: the command line, with every INSERT slowed down.

Tests use it to hold an import inside its write transaction for a while: to start a second writer
against it, or to kill it there. The first slowed INSERT prints ``slow-writer: in transaction`` on stderr.
"""
from __future__ import annotations

import sys
import time

from sqlalchemy import event
from sqlalchemy.engine import Engine

from dashboard.__main__ import main


def run(delay: float, argv: list[str]) -> int:
    said = []

    def slow(_conn, _cursor, statement, _parameters, _context, _executemany):
        if statement.lstrip().upper().startswith("INSERT"):
            if not said:
                print("slow-writer: in transaction", file=sys.stderr, flush=True)
                said.append(True)
            time.sleep(delay)

    event.listen(Engine, "before_cursor_execute", slow)
    return main(argv)


if __name__ == "__main__":
    sys.exit(run(float(sys.argv[1]), sys.argv[2:]))
