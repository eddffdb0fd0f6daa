"""Profile building generated plans in one process (pyinstrument), to see where a plan's time goes.

    python bench/profile_build.py --plans 10 --seed 0 [--html out.html]

Writes the plans to a temporary folder, then runs ``build_dataset(jobs=1)`` on them under
pyinstrument (install it into the venv: not a dependency) and prints the profile and the CPU
seconds of the build (``time.process_time``; this process only, less noisy than wall time on
a shared machine).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_plans  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML page here")
    parser.add_argument("--no-profile", action="store_true", help="CPU seconds only")
    parser.add_argument(
        "--cprofile",
        type=int,
        metavar="N",
        help="cProfile on CPU time instead (steady under load): the top N",
    )
    args = parser.parse_args()
    from plankg.graph.rdf.build import build_dataset

    with tempfile.TemporaryDirectory(prefix="plankg-profile-") as folder:
        paths = write_plans(Path(folder), args.plans, seed=args.seed)
        profiler = cprofiler = None
        if args.cprofile:
            import cProfile

            cprofiler = cProfile.Profile(time.process_time)
            cprofiler.enable()
        elif not args.no_profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.002)
            profiler.start()
        cpu, wall = time.process_time(), time.perf_counter()
        build = build_dataset(paths, jobs=1)
        size = sum(
            len(chunk) if isinstance(chunk, str) else chunk.stat().st_size for chunk in build.chunks
        )
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if cprofiler is not None:
            import pstats

            cprofiler.disable()
            stats = pstats.Stats(cprofiler)
            stats.sort_stats("cumulative").print_stats(args.cprofile)
            stats.sort_stats("tottime").print_stats(args.cprofile)
        if profiler is not None:
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            if args.html:
                args.html.write_text(profiler.output_html(), encoding="utf-8")
        print(f"{args.plans} plans: {cpu:.2f} s CPU, {wall:.2f} s wall, {size:,} bytes of N-Quads")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
