"""``python -m bench``: plankg at scale, on generated plans (bench/generate.py), side by side.

    python -m bench                          # 2 and 100 plans
    python -m bench --plans 2,100,1000       # the sizes of issue 14 (1,000 plans: a long run)
    python -m bench --plans 2 --repeats 3    # quicker

For each size: the build (``plankg build`` in a fresh process: wall time, plans/s, peak RSS of
the building process, the store's size), cold ``plankg --help`` and a cold
``plankg query program-industries``, every named query in-process on the store through
``plankg.api.run``, then the same query text straight on pyoxigraph, then on rdflib (sizes up
to ``--rdflib-up-to`` plans only: rdflib's memory store takes minutes and gigabytes beyond),
and ``plankg viz`` (time, page size, and seconds until the page is interactive in headless
Chromium). Size 2 is the bundled corpus; other sizes are
``write_plans(folder, n, seed=0)``. Results go to ``bench/results.json`` (key ``"scale"``) and
the "At scale" section of ``docs/benchmarks.md``. ``bench/run.py`` still measures the
store-vs-rdflib comparisons of loading and serialising on the bundled corpus.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))  # machine.py, generate.py are plain modules of this folder

from generate import write_plan, write_plans  # noqa: E402
from machine import describe  # noqa: E402

RESULTS = HERE / "results.json"
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- scale:begin -->", "<!-- scale:end -->"
PARAMS = {"entity": {"label": "鲲鹏行动计划"}}
VIZ_TIMEOUT = 180.0

_CHILD = """
import os, sys, time
from plankg.cli import main
start = time.perf_counter()
try:
    main(sys.argv[1:], prog_name="plankg")
    code = 0
except SystemExit as exit:
    code = exit.code or 0
wall = time.perf_counter() - start
peak = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        peak = int(line.split()[1]) * 1024
times = os.times()  # the process and its waited-for children (the build's pool)
cpu = times.user + times.system + times.children_user + times.children_system
print(f"BENCH {code} {wall} {peak} {cpu}", file=sys.stderr)
"""


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def plankg(*args: str, timeout: float | None = None) -> dict[str, Any]:
    """Run ``plankg ARGS`` in a fresh process: its exit code, wall time and peak RSS."""
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True,
                              text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"code": None, "wall": time.perf_counter() - start, "timeout": timeout}
    outside = time.perf_counter() - start
    line = next((s for s in reversed(done.stderr.splitlines()) if s.startswith("BENCH ")), None)
    if line is None:
        return {"code": done.returncode, "wall": outside, "error": done.stderr[-400:]}
    _, code, wall, peak, cpu = line.split()
    return {"code": int(code), "wall": outside, "in_process": float(wall), "peak_rss": int(peak),
            "cpu": float(cpu)}


def cold(*args: str, repeats: int) -> dict[str, float]:
    """Wall time of a fresh ``python -m plankg ARGS`` (start-up included), median and max."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "plankg", *args], capture_output=True, cwd=ROOT,
                       check=True)
        times.append(time.perf_counter() - start)
    return {"p50": statistics.median(times), "max": max(times)}


def timings(action: Any, repeats: int) -> dict[str, float]:
    action()  # warm-up: query parsing caches, page cache
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return {"p50": statistics.median(times), "max": max(times)}


def page_interactive(page: Path) -> float | None:
    """Seconds from opening the page in headless Chromium until it says it is ready
    (``window.plankgReady``: laid out, searchable, clickable); None without a Chromium."""
    executable = shutil.which("/usr/bin/chromium") or shutil.which("chromium")
    if executable is None:
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_context(viewport={"width": 1400, "height": 850}).new_page()
        start = time.perf_counter()
        tab.goto(page.resolve().as_uri())
        # the page's CSP forbids eval, which wait_for_function needs: poll instead
        while not tab.evaluate("window.plankgReady === true"):
            if time.perf_counter() - start > 120:
                browser.close()
                return None
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_queries(store: Path, repeats: int, with_rdflib: bool) -> list[dict[str, Any]]:
    import pyoxigraph

    from plankg.api import run
    from plankg.queries import named
    from plankg.queries.sources import open_source

    source = open_source(store=store)
    raw = pyoxigraph.Store.read_only(str(store))
    rdflib_source = open_source(store=store, engine="rdflib") if with_rdflib else None
    # the plan filter (`-p plan=KEY`): one plan's graph, found by its key as a user gives it
    plan_class = "<https://w3id.org/plankg/ontology#Plan>"
    first = raw.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?p a {plan_class} }} }} LIMIT 1")
    one_plan = next((s["g"].value.rsplit("/", 1)[-1] for s in first), None)
    out = []
    for query in named.load_all():
        params = PARAMS.get(query.name, {})
        rows = run(query, source, params)
        entry: dict[str, Any] = {"query": query.name, "rows": len(rows),
                                 "store": timings(lambda q=query, p=params: run(q, source, p),
                                                  repeats)}
        if params:
            # raw pyoxigraph: the same text with the same VALUES blocks plankg sends (a
            # `# match:` parameter bound in each of its literal forms)
            from plankg.queries.querytext import inject_values
            from plankg.queries.sources import _n3_terms

            text = inject_values(query.text, _n3_terms(query.bindings(params)))
        else:
            text = query.text
        # every value read, as any caller must: pyoxigraph decodes a term only when asked
        entry["raw"] = timings(lambda t=text: [[x.value if x is not None else None for x in s]
                                               for s in raw.query(t)], repeats)
        if query.plan_graph and one_plan:
            planned = {**params, "plan": one_plan}
            entry["plan_rows"] = len(run(query, source, planned))
            entry["plan"] = timings(lambda q=query, p=planned: run(q, source, p), repeats)
        if rdflib_source is not None:
            entry["rdflib"] = timings(lambda q=query, p=params: run(q, rdflib_source, p),
                                      max(1, repeats // 3))
            same = run(query, rdflib_source, params).tuples() == rows.tuples()
            entry["same_rows"] = same
        out.append(entry)
        say(f"  {query.name}: {entry['store']['p50'] * 1000:.1f} ms")
    return out


def bench_size(count: int, work: Path, repeats: int, rdflib_up_to: int,
               viz_up_to: int) -> dict[str, Any]:
    if count == 2:
        folder = work / "plans-2"  # a copy: the incremental step adds a plan to the folder
        shutil.copytree(ROOT / "corpus", folder)
        label = "bundled corpus"
    else:
        folder = work / f"plans-{count}"
        write_plans(folder, count, seed=0)
        label = "bench/generate.py, seed 0"
    texts = sorted(folder.glob("*.txt"))
    result: dict[str, Any] = {"plans": count, "source": label,
                              "text_bytes": sum(p.stat().st_size for p in texts)}
    store = work / f"store-{count}"
    say(f"{count} plans: build")
    build = plankg("build", str(folder), "--store", str(store))
    result["build"] = build
    if build.get("code") != 0:
        return result
    result["build"]["plans_per_s"] = count / build["wall"]
    result["store_bytes"] = size_of(store)
    import pyoxigraph

    result["quads"] = len(pyoxigraph.Store.read_only(str(store)))
    say(f"{count} plans: incremental builds")
    # nothing changed: every file hashed, nothing extracted; then one new plan added
    result["unchanged"] = plankg("build", str(folder), "--store", str(store))
    added = write_plan(folder, count, 1)  # seed 1: a plan the folder does not hold yet
    result["add_one"] = plankg("build", str(folder), "--store", str(store))
    added.unlink()  # back to the folder of the full build for the queries
    result["remove_one"] = plankg("build", str(folder), "--store", str(store))
    say(f"{count} plans: cold --help and query")
    result["cold_help"] = cold("--help", repeats=repeats)
    result["cold_query"] = cold("query", "program-industries", "--store", str(store), "-f",
                                "csv", repeats=repeats)
    say(f"{count} plans: named queries")
    result["queries"] = bench_queries(store, repeats, with_rdflib=count <= rdflib_up_to)
    result["rdflib"] = count <= rdflib_up_to
    if count <= viz_up_to:
        say(f"{count} plans: viz")
        page = work / f"viz-{count}.html"
        viz = plankg("viz", "--store", str(store), "-o", str(page), timeout=VIZ_TIMEOUT)
        if page.exists():
            viz["page_bytes"] = page.stat().st_size
            viz["interactive"] = page_interactive(page)
        result["viz"] = viz
    shutil.rmtree(store, ignore_errors=True)
    return result


def ms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.1f} s"


def mib(n: int | None) -> str:
    return "–" if n is None else f"{n / 2**20:,.0f} MiB"


def markdown(results: dict[str, Any]) -> str:
    machine = results["machine"]
    lines = [BEGIN, "## At scale (`python -m bench`)", "",
             f"- **Date:** {results['date']}; commit {machine.get('commit')}",
             f"- **Machine:** {machine.get('cpu')}, {machine.get('logical_cpus')} logical CPUs, "
             f"{mib(machine.get('memory_bytes'))} RAM; {machine.get('os')}; "
             f"{machine.get('python')}; {machine.get('packages')}",
             f"- **Method:** builds, `--help`, `query` and `viz` in fresh processes (wall "
             f"time, and CPU time of the process with its pool; peak RSS is the building "
             f"process's VmHWM, the pool's workers not counted); named queries in-process, "
             f"p50 and max of {results['repeats']} runs "
             f"after a warm-up. Other engineers shared the machine: compare ratios.", "",
             "| plans | quads | text | build | build CPU | plans/s | peak RSS | store | "
             "cold --help | cold query | viz | page | page interactive |", "|" + "---|" * 13]
    increments = ["", "Incremental builds on the built store (fresh processes): the same folder "
                  "again, one generated plan added, that plan removed again.", "",
                  "| plans | nothing changed | add one plan | remove one plan |",
                  "|---|---|---|---|"]
    for size in results["sizes"]:
        build = size.get("build", {})
        viz = size.get("viz") or {}
        viz_time = "–"
        if viz:
            viz_time = (f"> {viz['timeout']:.0f} s (stopped)" if viz.get("timeout")
                        else ms(viz.get("wall")))
        lines.append(
            f"| {size['plans']:,} | {size.get('quads', 0):,} | {mib(size['text_bytes'])} | "
            f"{ms(build.get('wall'))} | {ms(build.get('cpu'))} | "
            f"{build.get('plans_per_s', 0):.2f} | "
            f"{mib(build.get('peak_rss'))} | {mib(size.get('store_bytes'))} | "
            f"{ms(size.get('cold_help', {}).get('p50'))} | "
            f"{ms(size.get('cold_query', {}).get('p50'))} | {viz_time} | "
            f"{mib(viz.get('page_bytes'))} | {ms(viz.get('interactive'))} |")
        if "add_one" in size:
            increments.append(
                "| " + " | ".join([f"{size['plans']:,}"] + [
                    f"{ms(size[step].get('wall'))} ({ms(size[step].get('cpu'))} CPU)"
                    for step in ("unchanged", "add_one", "remove_one")]) + " |")
    lines += increments
    for size in results["sizes"]:
        if not size.get("queries"):
            continue
        lines += ["", f"### Named queries at {size['plans']:,} plans (p50 / max)", "",
                  "| query | rows | store (plankg.api.run) | raw pyoxigraph | store / raw | "
                  "one plan (-p plan=KEY), p50 (rows) | rdflib | rdflib / store |",
                  "|" + "---|" * 8]
        for q in size["queries"]:
            store, raw = q["store"], q["raw"]
            rdf = q.get("rdflib")
            planned = (f"{ms(q['plan']['p50'])} ({q['plan_rows']})" if q.get("plan")
                       else "–")
            lines.append(
                f"| `{q['query']}` | {q['rows']} | {ms(store['p50'])} / {ms(store['max'])} | "
                f"{ms(raw['p50'])} / {ms(raw['max'])} | {store['p50'] / raw['p50']:.2f}× | "
                f"{planned} | "
                + (f"{ms(rdf['p50'])} | {rdf['p50'] / store['p50']:.1f}× |" if rdf
                   else "not run | – |"))
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_doc(section: str, doc: Path) -> None:
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    doc.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--plans", default="2,100", help="sizes, comma-separated (2,100,1000)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--rdflib-up-to", type=int, default=2,
                        help="run the rdflib engine up to this many plans")
    parser.add_argument("--viz-up-to", type=int, default=100,
                        help="run plankg viz up to this many plans")
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument("--markdown", type=Path, default=DOC)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.plans.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="plankg-bench-") as work:
        results = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": describe(),
            "repeats": args.repeats,
            "sizes": [bench_size(n, Path(work), args.repeats, args.rdflib_up_to,
                                 args.viz_up_to) for n in sizes],
        }
    stored = json.loads(args.json.read_text(encoding="utf-8")) if args.json.exists() else {}
    stored["scale"] = results
    args.json.write_text(json.dumps(stored, indent=2, ensure_ascii=False, default=str) + "\n",
                         encoding="utf-8")
    write_doc(markdown(results), args.markdown)
    say(f"wrote {args.json} and {args.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
