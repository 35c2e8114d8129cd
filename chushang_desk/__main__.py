"""`python -m chushang_desk`: the app, or a headless subcommand (see cli.py)."""
import sys

from chushang_desk.cli import main

sys.exit(main())
