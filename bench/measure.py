"""Timing and memory helpers for the benchmark: medians of repeated runs, peak RSS of a child."""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Timing:
    """Seconds per run: the median of ``runs`` runs (after one untimed warm-up), min and max."""

    median: float
    low: float
    high: float
    runs: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def timed(action: Callable[[], Any], repeats: int, *, warmup: bool = True) -> Timing:
    """Run ``action`` ``repeats`` times and time each run with a monotonic clock.

    The garbage collector runs before each run, not during it, so one run does not pay for the
    garbage the previous one left.
    """
    if warmup:
        action()
    seconds: list[float] = []
    for _ in range(max(1, repeats)):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            action()
            seconds.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return Timing(statistics.median(seconds), min(seconds), max(seconds), len(seconds))


# A child process: import what the engine needs, note the peak RSS so far, load, note it again.
# The peak is VmHWM of /proc/self/status: ru_maxrss would be no use here, because Linux keeps it
# across fork and exec, so a child would report at least the parent's peak. The child prints
# one JSON line.
_CHILD = """
import json, resource, sys
def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
engine, kind, path = sys.argv[1:4]
import pyoxigraph, rdflib
from plankg.queries.sources import open_source
before = peak()
if kind == "store":
    source = open_source(store=path, engine=engine)
else:
    source = open_source(graph=path, engine=engine)
if engine == "oxigraph":
    quads = len(source.oxigraph())
else:
    quads = sum(1 for _ in source.dataset().quads((None, None, None, None)))
print(json.dumps({"before": before, "after": peak(), "quads": quads}))
"""


@dataclass(frozen=True)
class Memory:
    """Peak RSS of a child process, in bytes: after imports, and after loading the graph."""

    before: int
    after: int
    quads: int

    @property
    def added(self) -> int:
        return self.after - self.before

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "added": self.added}


def peak_rss(engine: str, kind: str, path: str, repeats: int) -> Memory:
    """Median peak RSS over ``repeats`` fresh processes that load ``path`` with ``engine``."""
    samples: list[dict[str, int]] = []
    for _ in range(max(1, repeats)):
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, engine, kind, path],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise RuntimeError(f"memory probe ({engine}, {kind}) failed: {last}")
        samples.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return Memory(
        before=int(statistics.median(s["before"] for s in samples)),
        after=int(statistics.median(s["after"] for s in samples)),
        quads=samples[0]["quads"],
    )
