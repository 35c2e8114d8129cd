"""`python -m chushang_desk`: the app, or a headless subcommand (see cli.py)."""
import multiprocessing
import sys

from chushang_desk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a packaged app's export reader process starts here (exchange/visit_log_reader.py)
    sys.exit(main())
