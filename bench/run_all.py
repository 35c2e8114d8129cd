"""Run every bench/bench_*.py one after another (each in its own interpreter) and print their output.

Benches print figures and assert nothing about time; a bench that fails is reported and the rest still
run. Exit status: 1 if any bench failed.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from common import header

HERE = Path(__file__).resolve().parent


def main() -> int:
    header("all benches")
    failed = []
    for bench in sorted(HERE.glob("bench_*.py")):
        print(f"\n-- {bench.name}", flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(bench)], cwd=HERE)
        print(f"-- {bench.name}: {'ok' if done.returncode == 0 else f'FAILED ({done.returncode})'} "
              f"in {time.perf_counter() - started:.0f} s", flush=True)
        if done.returncode != 0:
            failed.append(bench.name)
    print(f"\n{'failed: ' + ', '.join(failed) if failed else 'all benches ran'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
