"""Benchmark plankg's two local engines side by side on the bundled corpus.

    python bench/run.py                 # about 4 minutes; writes bench/results.json and
                                        # docs/benchmarks.md
    python bench/run.py --repeats 3     # fewer runs per measurement
    python bench/run.py --quick         # one run each, no warm-up: checks the script works

One run measures: the build of the corpus; loading the built graph (TriG, N-Quads, the on-disk
store) with pyoxigraph and with rdflib; every named query on the pyoxigraph store and on rdflib's
memory Dataset (and checks that both give the same rows); serialising TriG and N-Quads with
each library; and the peak RSS of fresh processes that load the graph with each engine.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from machine import describe
from measure import Timing, peak_rss, timed
from report import markdown
from rich.console import Console

from plankg.api import run
from plankg.cli.build import dataset_bytes, run_build
from plankg.graph.rdf.build import build_dataset, bundled_corpus, plan_files
from plankg.queries import named as queries
from plankg.queries.export import serialize, write_atomically
from plankg.queries.sources import load_file, open_source
from plankg.queries.store import write_store

ROOT = Path(__file__).resolve().parents[1]
# a label both plans' graphs know, so the entity query has work to do
PARAMS: dict[str, dict[str, str]] = {"entity": {"label": "鲲鹏行动计划"}}


def side_by_side(what: str, oxigraph: Timing, rdflib: Timing, **extra: Any) -> dict[str, Any]:
    return {
        "what": what,
        **extra,
        "oxigraph": oxigraph.to_json(),
        "rdflib": rdflib.to_json(),
        "ratio": rdflib.median / oxigraph.median,
    }


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def bench_build(corpus: Path, work: Path, repeats: int, warmup: bool) -> list[dict[str, Any]]:
    quiet = Console(file=io.StringIO())
    paths = plan_files([corpus])
    built = build_dataset(paths)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("extract: plan texts → rdflib Dataset (build_dataset)", lambda: build_dataset(paths)),
        ("write the store (pyoxigraph bulk load from N-Quads)",
         lambda: write_store(built.dataset, work / "store-bench")),
        ("serialise the TriG file (sorted, as plankg build -o)",
         lambda: dataset_bytes(built, "trig")),
        ("plankg build -o graph.trig: all of the above, in-process",
         lambda: run_build((corpus,), work / "full.trig", work / "store-full", console=quiet)),
    ]
    rows = []
    for what, action in steps:
        say(f"build: {what}")
        rows.append({"what": what, "time": timed(action, repeats, warmup=warmup).to_json()})
    return rows


def bench_load(files: dict[str, Path], store: Path, repeats: int,
               warmup: bool) -> list[dict[str, Any]]:
    rows = []
    for label, path in files.items():
        say(f"load: {label}")
        rows.append(side_by_side(
            f"parse the {label} file into memory",
            timed(lambda p=path: load_file(p, engine="oxigraph"), repeats, warmup=warmup),
            timed(lambda p=path: load_file(p, engine="rdflib"), repeats, warmup=warmup),
        ))
    say("load: store")
    rows.append(side_by_side(
        "open the on-disk store (rdflib: dump it, parse into a Dataset)",
        timed(lambda: open_source(store=store), repeats, warmup=warmup),
        timed(lambda: open_source(store=store, engine="rdflib"), repeats, warmup=warmup),
    ))
    return rows


def bench_queries(store: Path, repeats: int, warmup: bool) -> list[dict[str, Any]]:
    oxigraph = open_source(store=store)
    rdflib = open_source(store=store, engine="rdflib")
    rows = []
    for name in queries.names():
        say(f"query: {name}")
        query, params = queries.load(name), PARAMS.get(name, {})
        ox_rows = run(query, oxigraph, params).tuples()
        same = run(query, rdflib, params).tuples() == ox_rows
        rows.append(side_by_side(
            name,
            timed(lambda q=query, p=params: run(q, oxigraph, p), repeats, warmup=warmup),
            timed(lambda q=query, p=params: run(q, rdflib, p), repeats, warmup=warmup),
            rows=len(ox_rows),
            same_rows=same,
        ))
    return rows


def bench_serialise(store: Path, repeats: int, warmup: bool) -> list[dict[str, Any]]:
    oxigraph = open_source(store=store).oxigraph()
    dataset = open_source(store=store, engine="rdflib").dataset()
    rows = []
    for label, ours, theirs in (("TriG", "trig", "trig"), ("N-Quads", "nq", "nquads")):
        say(f"serialise: {label}")
        rows.append(side_by_side(
            label,
            timed(lambda f=ours: serialize(oxigraph, f), repeats, warmup=warmup),
            timed(lambda f=theirs: dataset.serialize(format=f, encoding="utf-8"), repeats,
                  warmup=warmup),
        ))
    return rows


def bench_memory(files: dict[str, Path], store: Path, repeats: int) -> list[dict[str, Any]]:
    targets = [(f"{label} file", "graph", path) for label, path in files.items()]
    targets.append(("on-disk store", "store", store))
    rows = []
    for label, kind, path in targets:
        say(f"memory: {label}")
        ox = peak_rss("oxigraph", kind, str(path), repeats)
        rd = peak_rss("rdflib", kind, str(path), repeats)
        rows.append({
            "what": label,
            "oxigraph": ox.to_json(),
            "rdflib": rd.to_json(),
            "ratio": rd.after / ox.after,
            "ratio_added": rd.added / ox.added if ox.added > 0 else None,
        })
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("--repeats", type=int, default=9,
                        help="timed runs per measurement (median reported; default 9)")
    parser.add_argument("--quick", action="store_true",
                        help="one run, no warm-up: to check that the script works")
    parser.add_argument("--corpus", type=Path, default=bundled_corpus(),
                        help="folder of plan texts (default: the bundled corpus)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--markdown", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    repeats = 1 if args.quick else max(1, args.repeats)
    warmup = not args.quick
    # the build takes seconds per run: fewer runs, still an odd number for a true median
    build_repeats = 1 if args.quick else max(1, min(repeats, 5))
    memory_repeats = 1 if args.quick else 3

    with tempfile.TemporaryDirectory(prefix="plankg-bench-") as tmp:
        work = Path(tmp)
        say(f"building {args.corpus} once for the measurements")
        built = build_dataset(plan_files([args.corpus]))
        store = work / "store"
        quads = write_store(built.dataset, store)
        files = {"TriG": work / "graph.trig", "N-Quads": work / "graph.nq"}
        for path, fmt in ((files["TriG"], "trig"), (files["N-Quads"], "nq")):
            write_atomically(path, dataset_bytes(built, fmt))
        results = {
            "machine": describe(),
            "graph": {
                "plans": [plan.title for plan in built.plans],
                "quads": quads,
                "trig_bytes": files["TriG"].stat().st_size,
                "nquads_bytes": files["N-Quads"].stat().st_size,
            },
            "params": PARAMS,
            "repeats": {"timings": repeats, "build": build_repeats, "memory": memory_repeats,
                        "warmup": warmup},
            "build": bench_build(args.corpus, work, build_repeats, warmup),
            "load": bench_load(files, store, repeats, warmup),
            "queries": bench_queries(store, repeats, warmup),
            "serialise": bench_serialise(store, repeats, warmup),
            "memory": bench_memory(files, store, memory_repeats),
        }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(args.json, (json.dumps(results, ensure_ascii=False, indent=2) + "\n").encode())
    args.markdown.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(args.markdown, markdown(results).encode("utf-8"))
    say(f"wrote {args.json} and {args.markdown}")
    different = [row["what"] for row in results["queries"] if not row["same_rows"]]
    if different:
        say(f"the engines gave different rows for: {', '.join(different)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
