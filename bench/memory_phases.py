"""Peak memory of ``plankg build`` per phase, for generated folders of several sizes.

    nice -n 10 python bench/memory_phases.py --plans 100,200,400 [--root /tmp/plans]
        [--out bench/memory_phases.json] [--tracemalloc] [-- EXTRA BUILD OPTIONS]

For each size, ``write_plans(ROOT/pN, N, seed=0)`` (kept under ``--root`` so that a rerun reads
the same texts; a temporary folder by default) is built by ``plankg build FOLDER --store S
--rebuild`` in a fresh process. That process is this script in its ``--child`` mode: it wraps a
few functions of the build (no change to the package) so that each writes a phase marker to a
file as it starts: extraction (the pool), re-minting (putting the plans in order), ontology,
bulk load, optimize, record, summary (the table, warnings and report printed after the build)
and exit. This process samples VmRSS and CPU of the building process and VmRSS of its children
(the pool's workers) every 0.2 s, and writes per phase: the seconds, the CPU seconds of the
building process, its peak RSS and the peak of the workers' sum; and per run: wall time,
plans/s, CPU seconds of all processes (per plan too), the plans minted again and VmHWM.

With ``--tracemalloc`` the building process also traces its Python allocations (the workers stop
tracing when they start) and records, at each marker, the traced size and the 12 source lines
that grew most since the previous marker: what tracemalloc does not see of the RSS is memory of
the native libraries (pyoxigraph / RocksDB) or of the allocator. Tracing slows the build: use it
to find what grows, not for the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
INTERVAL = 0.2  # seconds between samples
PHASE_ENV = "PLANKG_BENCH_PHASES"  # the marker file the child writes
TRACE_ENV = "PLANKG_BENCH_TRACE"  # where the child writes its tracemalloc figures


# --- the building process ------------------------------------------------------------------------


def _child(argv: list[str]) -> int:
    """Run ``plankg ARGV`` with phase markers (and tracemalloc when asked)."""
    marks = open(os.environ[PHASE_ENV], "a", encoding="utf-8")  # noqa: SIM115 (open until exit)
    trace_file = os.environ.get(TRACE_ENV)
    traced: list[dict] = []
    previous = None
    if trace_file:
        import tracemalloc

    def mark(phase: str) -> None:
        nonlocal previous
        marks.write(f"{time.time():.3f} {phase}\n")
        marks.flush()
        if trace_file and phase == "extraction":  # not the imports: tracing them takes minutes
            tracemalloc.start(1)
        if trace_file and tracemalloc.is_tracing():
            snapshot = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__)]
            )
            current, peak = tracemalloc.get_traced_memory()
            grown = (
                snapshot.compare_to(previous, "lineno")
                if previous is not None
                else snapshot.statistics("lineno")
            )
            traced.append(
                {
                    "phase": phase,
                    "traced": current,
                    "traced_peak": peak,
                    "grown": [
                        {
                            "line": str(stat.traceback[0]),
                            "size": stat.size,
                            "diff": getattr(stat, "size_diff", 0),
                            "count": stat.count,
                        }
                        for stat in grown[:12]
                    ],
                }
            )
            previous = snapshot

    def before(module: object, name: str, phase: str, after: str | None = None) -> None:
        inner = getattr(module, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            mark(phase)
            result = inner(*args, **kwargs)
            if after is not None:
                mark(after)
            return result

        setattr(module, name, wrapper)

    import plankg.cli.build as cli_build
    import plankg.graph.rdf.build as rdf_build
    import plankg.queries.store as store

    if trace_file:
        init = rdf_build._init_worker

        def init_untraced(*args: object) -> None:
            tracemalloc.stop()
            init(*args)

        rdf_build._init_worker = init_untraced
    before(rdf_build, "_build_all", "extraction", after="re-minting")
    before(rdf_build, "ontology_nquads", "ontology")
    before(store, "dataset_to_store", "bulk load", after="optimize")
    before(store, "write_build_record", "record")
    before(cli_build, "summary_table", "summary")
    from plankg.cli import main

    mark("start")
    try:
        main(argv, prog_name="plankg")
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    else:
        code = 0
    mark("exit")
    if trace_file:
        Path(trace_file).write_text(json.dumps(traced, indent=1), encoding="utf-8")
    return code


# --- the sampler -------------------------------------------------------------------------------


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process in kB (empty once it is gone)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    found = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0])
    return found


def _cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids += [int(k) for k in (task / "children").read_text().split()]
    except OSError:
        pass
    return kids


def _phases(marks: Path) -> list[tuple[float, str]]:
    try:
        lines = marks.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [(float(t), phase) for t, _, phase in (line.partition(" ") for line in lines) if phase]


def measure(folder: Path, count: int, extra: list[str], trace: bool) -> dict:
    """Build ``folder`` into a fresh store in a child process, sampling its memory."""
    with tempfile.TemporaryDirectory(prefix="plankg-memory-") as scratch:
        marks = Path(scratch) / "phases.txt"
        env = {**os.environ, PHASE_ENV: str(marks)}
        if trace:
            env[TRACE_ENV] = str(Path(scratch) / "trace.json")
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            "build",
            str(folder),
            "--store",
            str(Path(scratch) / "store"),
            "--rebuild",
            *extra,
        ]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.time()
        child = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        samples: list[dict] = []
        hwm = 0
        while child.poll() is None:
            status = _status(child.pid)
            if status:
                hwm = max(hwm, status.get("VmHWM", 0))
                workers = [_status(kid).get("VmRSS", 0) for kid in _children(child.pid)]
                phases = _phases(marks)
                samples.append(
                    {
                        "t": round(time.time() - started, 2),
                        "phase": phases[-1][1] if phases else "start",
                        "rss_kb": status.get("VmRSS", 0),
                        "cpu_s": round(_cpu(child.pid), 2),
                        "workers_kb": sum(workers),
                        "workers": len(workers),
                    }
                )
            time.sleep(INTERVAL)
        wall = time.time() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        errors = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
        if child.returncode != 0:
            raise SystemExit(f"{folder}: plankg build failed ({child.returncode}): {errors[-400:]}")
        record = json.loads((Path(scratch) / "store" / "plankg-build.json").read_text("utf-8"))
        reminted = sum(1 for plan in record["plans"] if plan.get("reminted"))
        store_bytes = sum(p.stat().st_size for p in (Path(scratch) / "store").iterdir())
        phases = _phases(marks)
        trace_data = json.loads(Path(env[TRACE_ENV]).read_text(encoding="utf-8")) if trace else None
    table = []
    for i, (at, phase) in enumerate(phases):
        end = phases[i + 1][0] if i + 1 < len(phases) else started + wall
        during = [s for s in samples if s["phase"] == phase] or [
            s for s in samples if s["t"] <= end - started
        ][-1:]  # too short: the sample before
        table.append(
            {
                "phase": phase,
                "seconds": round(end - at, 2),
                "parent_cpu_s": round(
                    max((s["cpu_s"] for s in during), default=0)
                    - max((s["cpu_s"] for s in samples if s["t"] <= at - started), default=0),
                    1,
                ),
                "peak_rss_mib": round(max((s["rss_kb"] for s in during), default=0) / 1024),
                "peak_workers_mib": round(max((s["workers_kb"] for s in during), default=0) / 1024),
            }
        )
    result = {
        "plans": count,
        "folder": str(folder),
        "wall_s": round(wall, 1),
        "plans_per_s": round(count / wall, 3),
        "cpu_s": round(cpu, 1),
        "cpu_per_plan_s": round(cpu / count, 3),
        "reminted": reminted,
        "vmhwm_mib": round(hwm / 1024),
        "store_mib": round(store_bytes / 2**20),
        "phases": table,
        "samples": samples[::5],
    }  # one a second is enough to plot
    if trace_data is not None:
        result["tracemalloc"] = trace_data
    return result


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return _child(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", default="100,200,400", help="sizes, comma-separated")
    parser.add_argument("--root", type=Path, help="keep the generated folders here (pN)")
    parser.add_argument("--out", type=Path, default=HERE / "memory_phases.json")
    parser.add_argument("--label", default="", help="a name for this run in the output file")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("extra", nargs="*", help="more options for plankg build (after --)")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import write_plans

    with tempfile.TemporaryDirectory(prefix="plankg-plans-") as temp:
        root = args.root or Path(temp)
        runs = []
        for count in (int(n) for n in args.plans.split(",")):
            folder = root / f"p{count}"
            if not folder.is_dir() or len(list(folder.iterdir())) != count:
                write_plans(folder, count, seed=0)
            run = measure(folder, count, args.extra, args.tracemalloc)
            runs.append(run)
            print(
                f"{count} plans: {run['wall_s']} s, {run['plans_per_s']} plans/s, "
                f"CPU {run['cpu_s']} s ({run['cpu_per_plan_s']} s a plan), "
                f"{run['reminted']} minted again, "
                f"VmHWM {run['vmhwm_mib']} MiB, store {run['store_mib']} MiB",
                flush=True,
            )
            for row in run["phases"]:
                print(
                    f"  {row['phase']:<12} {row['seconds']:>8.1f} s  "
                    f"parent CPU {row['parent_cpu_s']:>7.1f} s  "
                    f"RSS {row['peak_rss_mib']:>6} MiB  workers {row['peak_workers_mib']:>6} MiB",
                    flush=True,
                )
    previous = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    previous[args.label or time.strftime("%Y-%m-%d %H:%M")] = {
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip(),
        "load": os.getloadavg(),
        "runs": runs,
    }
    args.out.write_text(json.dumps(previous, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
