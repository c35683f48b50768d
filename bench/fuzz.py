"""Long fuzzing run over readers, decoders and every extractor (hypothesis at scale).

usage: python bench/fuzz.py [--examples 20000]
Prints how many inputs were tried and any failure (with the shrunk input). The short version of
the same property runs in the test suite (tests/test_reliability.py)."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=20000)
    args = ap.parse_args()
    import logging

    from hypothesis import HealthCheck, given, settings, strategies as st

    from tests.test_reliability import HOSTILE
    from vietmine.facts import ExtractionResult, Problem, RawInput
    from vietmine.pipeline.engines.local import process

    logging.disable(logging.CRITICAL)
    tried = [0]
    slowest = [0.0]

    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(HOSTILE, st.sampled_from(["txt", "html", "md"]))
    def prop(data, fmt):
        tried[0] += 1
        raw = RawInput(f"fuzz.{fmt}", data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data, fmt)
        t = time.monotonic()
        result = process(raw, budget_s=20)
        slowest[0] = max(slowest[0], time.monotonic() - t)
        assert isinstance(result, (ExtractionResult, Problem))

    t0 = time.monotonic()
    try:
        prop()
        status = "no failure"
    except Exception as e:  # report, do not hide: the shrunk example is in the message
        status = f"FAILURE: {e!r}"
    print(f"inputs tried: {tried[0]}; {status}; slowest input {slowest[0]:.2f} s; {time.monotonic() - t0:.0f} s in all")


if __name__ == "__main__":
    main()
