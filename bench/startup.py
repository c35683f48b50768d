"""Start-up time of the reading commands (issue 24), against the installed package.

Each command runs in a fresh process, best of N wall times, side by side with its baseline in the
same run: `python -c "import duckdb"`, the least a command that queries DuckDB can cost. Figures are
quoted as ratios to that baseline (the machine is shared: absolute seconds are noisy).

usage: python bench/startup.py [--db FILE] [--repeat 5]
  without --db, a database of the bundled sample corpus is ingested into a temporary folder first.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time


def vietmine_command() -> list[str]:
    """The installed `vietmine` script beside this Python, or `python -m vietmine`."""
    script = os.path.join(os.path.dirname(sys.executable), "vietmine")
    return [script] if os.path.exists(script) else [sys.executable, "-m", "vietmine"]


def best_wall(argv: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", help="a vietmine database (default: the bundled sample, ingested now)")
    p.add_argument("--repeat", type=int, default=5, help="fresh processes per command; the best is kept")
    args = p.parse_args()
    vm = vietmine_command()
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.mkdtemp(prefix="vietmine-startup-")
        db = os.path.join(tmp, "sample.duckdb")
        subprocess.run([*vm, "ingest", "--db", db, "--quiet"], stdout=subprocess.DEVNULL, check=True)
    cases = {
        'python -c "import duckdb"': [sys.executable, "-c", "import duckdb"],
        'vietmine sql "SELECT 1"': [*vm, "sql", "SELECT 1", "--db", db],
        "vietmine tables": [*vm, "tables", "--db", db],
        "vietmine schema": [*vm, "schema", "--db", db],
        "vietmine stats": [*vm, "stats", "--db", db],
    }
    try:
        # interleaved rounds, so that a burst of load on the machine touches every command alike
        times = {name: float("inf") for name in cases}
        for _ in range(args.repeat):
            for name, argv in cases.items():
                times[name] = min(times[name], best_wall(argv, 1))
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    base = times['python -c "import duckdb"']
    print(f"best of {args.repeat} fresh processes ({' '.join(vm)}):")
    for name, t in times.items():
        print(f"  {name:<28} {t:6.3f} s  {t / base:5.2f}x import duckdb")
    return 0


if __name__ == "__main__":
    sys.exit(main())
