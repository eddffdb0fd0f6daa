"""The floor under a big build: how fast pyoxigraph itself bulk-loads N-Quads on this machine.

    python bench/load_rate.py --copies 1,10,40

Builds the bundled corpus into a store, dumps its N-Quads, and bulk-loads ``n`` copies of them
(each copy's graphs renamed, so no quad is a duplicate) into a fresh on-disk store with
``Store.bulk_load`` alone — no plankg code in the timed part. Prints and writes to
bench/load_rate.json the quads per second (wall and CPU): the rate a build of ``k`` plans of
``q`` quads each cannot beat in its store-loading step.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph

HERE = Path(__file__).resolve().parent
PLANKG = Path(sys.executable).with_name("plankg")
GRAPH = b"https://w3id.org/plankg/graph/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", default="1,10,40")
    parser.add_argument("--out", type=Path, default=HERE / "load_rate.json")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="plankg-load-") as work_:
        work = Path(work_)
        subprocess.run([str(PLANKG), "build", "--store", str(work / "corpus")], check=True,
                       capture_output=True)
        data = pyoxigraph.Store.read_only(str(work / "corpus")).dump(
            format=pyoxigraph.RdfFormat.N_QUADS)
        for n in (int(c) for c in args.copies.split(",")):
            payload = b"".join(data.replace(GRAPH, GRAPH + f"c{i}/".encode()) for i in range(n))
            target = work / f"store-{n}"
            store = pyoxigraph.Store(str(target))
            wall, cpu = time.perf_counter(), time.process_time()
            store.bulk_load(payload, format=pyoxigraph.RdfFormat.N_QUADS)
            store.flush()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            quads = len(store)
            del store
            shutil.rmtree(target)
            results.append({"copies": n, "quads": quads, "wall": wall, "cpu": cpu,
                            "quads_per_s_wall": quads / wall, "quads_per_s_cpu": quads / cpu})
            print(f"{n} copies, {quads:,} quads: {wall:.2f} s wall, {cpu:.2f} s CPU "
                  f"({quads / wall:,.0f} quads/s wall, {quads / cpu:,.0f} /s CPU)")
    args.out.write_text(json.dumps({"pyoxigraph": pyoxigraph.__version__, "runs": results},
                                   indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
