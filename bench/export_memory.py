"""Peak RSS of writing a built store as sorted N-Quads: the whole text sorted in memory (the
way ``plankg build -o x.nq`` did it before) against graph by graph with sorted runs on disk
(``queries.export.write_sorted``, now). Figures to bench/export_memory.json.

    python bench/export_memory.py --plans 40          # generated plans, seed 0

The plans are built once into a store (``plankg build DIR --store S``); each way of writing
then runs in a fresh process that opens the store read-only and writes ``out.nq``. A child
reports VmHWM after its imports and after the write (``/proc/self/status``), its CPU seconds
and the output's SHA-256: both ways must give the same bytes.
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
from plankg.queries.export import serialize, write_export
from plankg.queries.store import open_store

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
way, store, out = sys.argv[1:4]
before = hwm()
start = time.process_time()
opened = open_store(store)
if way == "whole":
    data = serialize(opened, "nq")
    lines = sorted(set(data.decode("utf-8").splitlines()))
    Path(out).write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
else:
    write_export(Path(out), opened, "nq", sort=True)
cpu = time.process_time() - start
digest = hashlib.sha256(Path(out).read_bytes()).hexdigest()
print(before, hwm(), cpu, digest, Path(out).stat().st_size)
"""


def child(way: str, store: Path, out: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, way, str(store), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    before, after, cpu, digest, size = done.stdout.split()
    return {
        "hwm_after_imports": int(before),
        "hwm": int(after),
        "cpu": float(cpu),
        "sha256": digest,
        "bytes": int(size),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=40)
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
        result = {
            "plans": args.plans,
            "whole": child("whole", store, work / "whole.nq"),
            "graph_by_graph": child("runs", store, work / "runs.nq"),
        }
    result["same_bytes"] = result["whole"]["sha256"] == result["graph_by_graph"]["sha256"]
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    mib = 1024 * 1024
    for way in ("whole", "graph_by_graph"):
        one = result[way]
        print(
            f"{way}: peak {one['hwm'] / mib:.0f} MiB (after imports "
            f"{one['hwm_after_imports'] / mib:.0f}), {one['cpu']:.1f} s CPU, "
            f"{one['bytes'] / mib:.0f} MiB written"
        )
    print("same bytes:", result["same_bytes"])


if __name__ == "__main__":
    main()
