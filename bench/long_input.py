"""Seconds per MB of ``plankg build`` on long inputs (issue 15): linear, or it is a bug.

    python bench/long_input.py                 # 1, 2 and 5 MB; writes bench/long_input.json
    python bench/long_input.py --sizes 1,5,20  # MB

Three shapes, each built by a fresh ``plankg build FILE --no-store -o out.nq`` process:
``one-line`` (the bundled 秀洲 plan with its line breaks removed, repeated to the size: every
finder works on it), ``repeated`` (a title line, then one character repeated: a single
sentence of the whole size) and ``lines`` (the same plan as printed, repeated: the usual
shape, for comparison). Wall time includes start-up (about 2 s here, jieba's dictionary); the
marginal seconds per MB between the two largest sizes say whether the growth is linear. The
results are written to a file, never asserted (the tests use a hard timeout instead).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "corpus" / "jiaxing-xiuzhou-talent-plan-2021-2025.txt"
PLANKG = Path(sys.executable).with_name("plankg")


def write(shape: str, megabytes: float, path: Path) -> None:
    size = int(megabytes * 1_000_000)
    text = PLAN.read_text(encoding="utf-8")
    if shape == "repeated":
        path.write_text("青梧区人才发展规划\n" + "的" * (size // 3), encoding="utf-8")
        return
    unit = text.replace("\n", "") if shape == "one-line" else text
    path.write_text(unit * (size // len(unit.encode("utf-8")) + 1), encoding="utf-8")


def measure(path: Path, work: Path) -> dict:
    start = time.monotonic()
    done = subprocess.run(
        [
            "/usr/bin/time",
            "-f",
            "%M",
            str(PLANKG),
            "build",
            str(path),
            "--no-store",
            "-o",
            str(work / "out.nq"),
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - start
    peak = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return {
        "seconds": round(seconds, 2),
        "exit": done.returncode,
        "peak_rss_mb": round(int(peak) / 1024) if peak.isdigit() else None,
        "megabytes": round(path.stat().st_size / 1e6, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,5", help="file sizes in MB, comma-separated")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "long_input.json")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    results: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for shape in ("one-line", "repeated", "lines"):
            for mb in sizes:
                path = work / f"{shape}-{mb}.txt"
                write(shape, mb, path)
                row = measure(path, work)
                row["seconds_per_mb"] = round(row["seconds"] / row["megabytes"], 2)
                results.setdefault(shape, []).append(row)
                print(shape, row, flush=True)
                path.unlink()
    marginal = {}
    for shape, rows in results.items():
        if len(rows) >= 2:
            a, b = rows[-2], rows[-1]
            marginal[shape] = round(
                (b["seconds"] - a["seconds"]) / (b["megabytes"] - a["megabytes"]), 2
            )
    args.out.write_text(
        json.dumps({"runs": results, "marginal_seconds_per_mb": marginal}, indent=1) + "\n",
        encoding="utf-8",
    )
    print("marginal s/MB:", marginal)


if __name__ == "__main__":
    main()
