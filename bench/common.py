"""Shared by the benches: what machine the figures come from, and cached demo profiles to measure on.

Benches print figures and assert nothing about time. Profiles live under bench/out/ (git-ignored) and
are reused between runs: a 100,000-contact profile takes a minute or two to make.
"""
from __future__ import annotations

import os
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

import sqlcipher3

OUT = Path(__file__).resolve().parent / "out"
# Bench profiles are encrypted like every profile; with no keyring here the key comes from this recovery
# passphrase (at the production Argon2id cost unless CHUSHANG_ARGON2=fast is set by the caller).
BENCH_PASSPHRASE = "bench-passphrase"
os.environ.setdefault("CHUSHANG_PASSPHRASE", BENCH_PASSPHRASE)
READY_MARK = "demo-ready.txt"  # written last, so a half-made profile is never reused
BIG = (100_000, 300_000)  # the performance figures are for this many contacts and visits


def _ram_gb() -> float:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        return pages * size / 2**30
    except (ValueError, OSError, AttributeError):
        return 0.0


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown cpu"


def machine() -> str:
    """One line naming the machine, so a figure is never read without it."""
    return (f"{platform.platform()}; Python {platform.python_version()}; {os.cpu_count()} CPUs ({_cpu_model()}); "
            f"RAM {_ram_gb():.1f} GiB; SQLite {sqlcipher3.sqlite_version} (SQLCipher); load average {_load()}")


def _load() -> str:
    """Other work on the machine skews every figure; say how busy it was."""
    try:
        return " ".join(f"{v:.1f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def header(title: str) -> None:
    print(f"== {title}")
    print(f"   machine: {machine()}")
    sys.stdout.flush()


def bench_profile(contacts: int, visits: int, seed: int = 1) -> Path:
    """The data folder of a demo profile of this size, made once and reused (bench/out/)."""
    data_dir = OUT / f"profile-{contacts}c-{visits}v-seed{seed}"
    mark = data_dir / READY_MARK
    if mark.exists():
        return data_dir
    shutil.rmtree(data_dir, ignore_errors=True)
    from chushang_desk.services.demo import make_demo_data
    from chushang_desk.services.profile import open_profile

    print(f"   making a demo profile of {contacts:,} contacts and {visits:,} visits in {data_dir} ...", flush=True)
    profile = open_profile(data_dir)
    try:
        summary = make_demo_data(profile, contacts=contacts, visits=visits, seed=seed)
    finally:
        profile.close()
    mark.write_text(summary + "\n", encoding="utf-8")
    print(f"   {summary}", flush=True)
    return data_dir


def profile_summary(data_dir: Path) -> str:
    mark = data_dir / READY_MARK
    return mark.read_text(encoding="utf-8").strip() if mark.exists() else ""


def db_size_mb(data_dir: Path) -> float:
    return sum(p.stat().st_size for p in data_dir.glob("chushang.db*")) / 2**20


def quantiles(values_ms: list[float]) -> dict[str, float]:
    """p50, p95 and max of a list of milliseconds (p95 by the nearest-rank method, no interpolation)."""
    ordered = sorted(values_ms)
    rank = max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))
    return {"p50": statistics.median(ordered), "p95": ordered[rank], "max": ordered[-1]}


def fmt_ms(q: dict[str, float]) -> str:
    return f"p50 {q['p50']:6.2f} ms  p95 {q['p95']:6.2f} ms  max {q['max']:6.2f} ms"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports ru_maxrss in KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    """(milliseconds, result) of one call."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, result
