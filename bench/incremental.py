"""Incremental builds at scale: a built store, then nothing changed, then one plan added.

    python bench/incremental.py --plans 300 --root /tmp/inc [--repeats 2] [--steps]

Writes ``write_plans(ROOT/plans, N, seed=0)`` and builds ``ROOT/store`` once (both kept for
the next run: a 300-plan build takes ~10 min here). Then, each time on a fresh copy of that
store, in fresh processes: ``plankg build ROOT/plans --store COPY`` with nothing changed, and
with ``write_plan(ROOT/plans, N, 1)`` added (as ``python -m bench`` adds one); wall time, CPU
(user + sys) and peak RSS of each. ``--steps`` also times the store's part of a
change alone (``replace_graphs``: backup, opens, dropping a kept plan's graph, loading the
added one). Figures are printed, not asserted
(docs/benchmarks.md, "Incremental builds at scale").
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_plan, write_plans  # noqa: E402

_CHILD = """
import sys
from plankg.cli import main
try:
    main(sys.argv[1:], prog_name="plankg")
except SystemExit:
    pass
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print("PEAK", int(line.split()[1]) * 1024, file=sys.stderr)
"""


def run_build(folder: Path, store: Path) -> dict:
    """``plankg build FOLDER --store STORE`` in a fresh process: wall, CPU, peak RSS, summary."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, "build", str(folder), "--store", str(store)],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = next(
        (int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK ")), 0
    )
    summary = next((line for line in done.stdout.splitlines() if " built, " in line), "")
    return {"wall": wall, "cpu": cpu, "peak_rss": peak, "summary": summary.strip()}


def steps(store: Path, nquads: Path, graph: str) -> dict[str, float]:
    """CPU seconds of each step ``replace_graphs`` takes, on a copy of ``store``."""
    import pyoxigraph

    text = nquads.read_text(encoding="utf-8")
    work = Path(tempfile.mkdtemp(dir=store.parent))
    times: dict[str, float] = {}
    clock = time.process_time()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.process_time()
        times[name] = now - clock
        clock = now

    try:
        live = pyoxigraph.Store.read_only(str(store))
        lap("open read-only")
        live.backup(str(work / "store"))
        lap("backup (hard links)")
        copy = pyoxigraph.Store(str(work / "store"))
        lap("open read-write")
        copy.remove_graph(pyoxigraph.NamedNode(graph))
        lap("remove_graph (a kept plan's)")
        copy.bulk_load(text, format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
        lap("bulk_load (the added plan)")
        copy.flush()
        lap("flush")
        del copy, live
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=300)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--steps", action="store_true")
    args = parser.parse_args()
    folder, built = args.root / "plans", args.root / "store"
    if not built.is_dir():
        write_plans(folder, args.plans, seed=0)
        time.sleep(2.5)  # older than the 2 s a size and mtime need to stand for the bytes
        first = run_build(folder, built)
        print(
            f"full build of {args.plans}: {first['wall']:.1f} s wall, {first['cpu']:.1f} s "
            f"CPU (this process's tree), {first['summary']}"
        )
    copy = args.root / "copy"

    def fresh() -> None:
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(built, copy)

    def show(what: str, one: dict) -> None:
        print(
            f"{what}: {one['wall']:.2f} s wall, {one['cpu']:.2f} s CPU, "
            f"{one['peak_rss'] >> 20} MiB peak; {one['summary']}"
        )

    fresh()
    for _ in range(args.repeats):
        show(f"nothing changed, {args.plans} plans", run_build(folder, copy))
    added = write_plan(folder, args.plans, 1)
    old = time.time() - 3600
    os.utime(added, (old, old))
    try:
        for _ in range(args.repeats):
            fresh()
            show(f"one plan added to {args.plans}", run_build(folder, copy))
        if args.steps:
            nquads = args.root / "added.nq"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "plankg",
                    "build",
                    str(added),
                    "--no-store",
                    "-o",
                    str(nquads),
                ],
                capture_output=True,
                check=True,
            )
            from plankg.queries.store import read_build_record

            record = read_build_record(built)
            assert record is not None
            kept = record["plans"][0]["graph"]  # dropped as a changed plan's graph would be
            for name, cpu in steps(built, nquads, kept).items():
                print(f"  {name}: {cpu:.3f} s CPU")
    finally:
        added.unlink()
        shutil.rmtree(copy, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
