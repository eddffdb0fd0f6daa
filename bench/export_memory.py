"""Peak RSS of writing a built store out: the whole text made in memory (the way ``plankg
build -o`` and ``export`` did it before) against streamed (``queries.export.write_stream``,
now: sorted N-Quads graph by graph with sorted runs on disk; TriG straight from the store;
Turtle from the merged N-Triples). Figures to bench/export_memory.json.

    python bench/export_memory.py --plans 40                    # N-Quads, generated plans
    python bench/export_memory.py --plans 40 --formats nq,ttl,trig

The plans are built once into a store (``plankg build DIR --store S``); each way of writing
then runs in a fresh process that opens the store read-only and writes ``out.nq``. A child
reports VmHWM after its imports and after the write (``/proc/self/status``), its CPU seconds,
the output's SHA-256 and the number of statements parsed back from it: sorted N-Quads must be
the same bytes both ways, Turtle and TriG the same number of statements (their order differs).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_plans  # noqa: E402

PLANKG = Path(sys.executable).with_name("plankg")

CHILD = r"""
import hashlib, resource, sys, time
from pathlib import Path
import pyoxigraph
from plankg.queries.export import FORMATS, serialize, write_export
from plankg.queries.store import open_store

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
way, fmt, store, out = sys.argv[1:5]
before = hwm()
start = time.process_time()
opened = open_store(store)
if way == "whole" and fmt == "nq":
    data = serialize(opened, "nq")
    lines = sorted(set(data.decode("utf-8").splitlines()))
    Path(out).write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
elif way == "whole":
    Path(out).write_bytes(serialize(opened, fmt))
else:
    write_export(Path(out), opened, fmt, sort=True)
cpu = time.process_time() - start
peak = hwm()
digest = hashlib.sha256(Path(out).read_bytes()).hexdigest()
statements = sum(1 for _ in pyoxigraph.parse(path=out, format=FORMATS[fmt]))
print(before, peak, cpu, digest, Path(out).stat().st_size, statements)
"""


def child(way: str, fmt: str, store: Path, out: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, way, fmt, str(store), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    before, after, cpu, digest, size, statements = done.stdout.split()
    return {
        "statements": int(statements),
        "hwm_after_imports": int(before),
        "hwm": int(after),
        "cpu": float(cpu),
        "sha256": digest,
        "bytes": int(size),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=40)
    parser.add_argument("--formats", default="nq", help="comma-separated: nq, ttl, trig")
    parser.add_argument("--out", type=Path, default=HERE / "export_memory.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plankg-export-") as work_:
        work = Path(work_)
        write_plans(work / "plans", args.plans, seed=0)
        store = work / "store"
        subprocess.run(
            [str(PLANKG), "build", str(work / "plans"), "--store", str(store)],
            check=True,
            capture_output=True,
        )
        result: dict = {"plans": args.plans, "formats": {}}
        for fmt in args.formats.split(","):
            one = {
                "whole": child("whole", fmt, store, work / f"whole.{fmt}"),
                "streamed": child("streamed", fmt, store, work / f"streamed.{fmt}"),
            }
            whole, streamed = one["whole"], one["streamed"]
            one["same_bytes"] = whole["sha256"] == streamed["sha256"]
            one["same_statements"] = whole["statements"] == streamed["statements"]
            result["formats"][fmt] = one
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    mib = 1024 * 1024
    for fmt, one in result["formats"].items():
        for way in ("whole", "streamed"):
            it = one[way]
            print(
                f"{fmt} {way}: peak {it['hwm'] / mib:.0f} MiB (after imports "
                f"{it['hwm_after_imports'] / mib:.0f}), {it['cpu']:.1f} s CPU, "
                f"{it['bytes'] / mib:.0f} MiB written, {it['statements']:,} statements"
            )
        print(f"{fmt}: same bytes {one['same_bytes']}, same statements {one['same_statements']}")


if __name__ == "__main__":
    main()
