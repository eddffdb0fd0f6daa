"""``plankg build``, ``plankg validate`` and ``plankg stats``: making the graph and checking it."""

from __future__ import annotations

import errno
import io
import json
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from plankg.cli.options import SourceSpec, reports_errors, source_options, store_option
from plankg.errors import InputError
from plankg.graph.rdf.build import (
    EXTRACTOR_VERSION,
    PLAN_SUFFIXES,
    Build,
    build_dataset,
    build_plans,
    bundled_corpus,
    plan_files,
    settled_stat,
)
from plankg.graph.rdf.identifiers import Naming, plan_base
from plankg.queries.export import (
    format_for,
    write_atomically,
    write_export,
    write_stream,
)
from plankg.queries.store import (
    build_lock,
    default_store_dir,
    open_store,
    read_build_record,
    replace_graphs,
    write_build_record,
    write_store,
)

PROGRESS_FROM = 4  # show a progress bar when building more plans than this
SUMMARY_COLUMNS = ("sections", "goals", "tasks", "programs", "platforms", "industries",
                   "departments", "indicators", "targets", "triples")


def dataset_bytes(build: Build, fmt: str) -> bytes:
    """The dataset in ``fmt``; N-Quads and N-Triples lines sorted, so a build is byte-stable."""
    out = io.BytesIO()
    write_stream(build.store, fmt, out, sort=True)
    return out.getvalue()


class RateColumn(ProgressColumn):
    """Plans built per second so far."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} plans/s")


@contextmanager
def _progress(console: Console, total: int) -> Iterator:
    if total <= PROGRESS_FROM:
        yield None
        return
    with Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                  TimeElapsedColumn(), TextColumn("{task.description}"), console=console,
                  transient=True) as bar:
        task = bar.add_task("", total=total)
        yield lambda path: bar.update(task, advance=1, description=path.name)


def run_build(paths: tuple[Path, ...], output: Path | None, store: Path | None, *,
              console: Console, write_to_store: bool = True, make_folder: bool = False,
              skip_bad: bool = False, locked: bool = False) -> Build:
    """Build, then write the graph file and the store; nothing is written if anything fails.

    With ``make_folder`` the output's folder is created, but only once the build succeeded.
    With ``skip_bad`` a file that cannot be built is left out (``Build.skipped`` says why)
    instead of failing the build; a build with no plan left fails all the same. The store's
    write lock is taken for the whole build unless the caller holds it (``locked``).
    """
    if write_to_store and not locked:
        with build_lock(store):
            return run_build(paths, output, store, console=console, make_folder=make_folder,
                             skip_bad=skip_bad, locked=True)
    fmt = format_for(output, None) if output is not None else None
    files = plan_files(paths or [bundled_corpus()])
    # a store built before keeps the IRIs it gave out, --rebuild or not (decision 036)
    before = read_build_record(store if store is not None else default_store_dir()) \
        if write_to_store else None
    naming = None
    if before is not None:  # each file still built keeps the key its plan had
        here = {str(path.resolve()) for path in files}
        naming = record_naming(before, replaced=[plan for plan in before.get("plans", [])
                                                 if plan["path"] in here])
    with _progress(console, len(files)) as advance:
        build = build_dataset(files, progress=advance, skip_bad=skip_bad, naming=naming)
    if output is not None and output.parent != Path() and not output.parent.is_dir():
        if not make_folder:
            raise InputError(f"{output}: folder {output.parent} does not exist")
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise InputError(f"{output.parent}: cannot create the folder: {err.strerror}") from err
    if write_to_store:
        write_store(build.chunks, store, record=_record(build.records, build.naming))
    if output is not None and fmt is not None:
        # from the store just written (on disk), else from the build's own store in memory;
        # N-Quads and N-Triples sorted graph by graph: the memory of one plan, not the dataset's
        write_export(output, open_store(store) if write_to_store else build.store, fmt,
                     sort=True)
    return build


# what a record of before decision 036 kept per plan; its ``owners`` hold that now
_OLD_FIELDS = ("claims", "reminted")


def _record(plans: list[dict], naming: Naming) -> dict:
    plans = [{k: v for k, v in plan.items() if k not in _OLD_FIELDS} for plan in plans]
    return {"extractor": EXTRACTOR_VERSION, "owners": naming.owners,
            "plans": sorted(plans, key=lambda p: p["path"])}


def record_naming(record: dict, *, kept: list[dict] | None = None,
                  replaced: list[dict] | None = None) -> Naming:
    """The IRIs a store's build record says were given out (decision 036): every base IRI
    with its label; the keys of the ``kept`` plans taken; the key each ``replaced`` plan (a
    changed file, or each file a full rebuild builds again; by default every plan) had, for
    it to keep.

    A record from before decision 036 has no ``owners``: they are the plans' ``claims``."""
    owners = record.get("owners")
    plans = record.get("plans", [])
    if not isinstance(owners, dict):
        owners = {}
        for plan in plans:
            owners.setdefault(plan_base(plan["key"]), plan.get("title", ""))
            for iri, label in plan.get("claims", {}).items():
                owners.setdefault(iri, label)
    replaced = plans if replaced is None else replaced
    return Naming(dict(owners), {plan["key"] for plan in kept or []},
                  {plan["path"]: plan["key"] for plan in replaced})


def _sha256(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # the build reports the file


def _unchanged(plan: dict, path: Path) -> bool:
    """Whether ``path`` still holds the plan ``plan`` (a record entry) was built from.

    Its size and mtime as recorded answer without reading it; else its SHA-256 does, and a
    file that was only touched gets its new size and mtime into ``plan`` (decision 037)."""
    stat = settled_stat(path)
    if stat is not None and [plan.get("size"), plan.get("mtime_ns")] == list(stat):
        return True
    if plan["sha256"] != _sha256(path):
        return False
    if stat is not None:
        plan["size"], plan["mtime_ns"] = stat
    return True


@dataclass
class Incremental:
    """What an incremental build did: plans built, kept as they were, removed, skipped."""

    build: Build
    kept: int
    removed: list[str]


def incremental_build(paths: tuple[Path, ...], output: Path | None, store: Path | None, *,
                      console: Console) -> Incremental | None:
    """Re-extract only new or changed plan files and replace their graphs in the store; drop
    the graphs of plans whose files are gone. ``None`` when a full build is needed instead (no
    record, another extractor version). The IRIs the store gave out stay (decision 036)."""
    store = store if store is not None else default_store_dir()
    record = read_build_record(store)
    if record is None or record.get("extractor") != EXTRACTOR_VERSION:
        return None
    fmt = format_for(output, None) if output is not None else None
    # the command hands over ``screen_files``' list: files, each once (resolving a thousand
    # paths again costs ~0.1 s)
    files = list(paths) if paths and not any(path.is_dir() for path in paths) \
        else plan_files(paths or [bundled_corpus()])
    known = {plan["path"]: plan for plan in record.get("plans", [])}
    current = {str(path.resolve()): path for path in files}
    before = {key: (plan.get("size"), plan.get("mtime_ns")) for key, plan in known.items()}
    kept = [plan for key, plan in known.items()
            if key in current and _unchanged(plan, current[key])]
    kept_paths = {plan["path"] for plan in kept}
    changed = [path for key, path in current.items() if key not in kept_paths]
    gone = [plan for key, plan in known.items() if key not in current]
    replaced = [plan for key, plan in known.items() if key in current and key not in kept_paths]
    if not changed and not gone:  # no graph to change: the store stays as it is
        if any((plan.get("size"), plan.get("mtime_ns")) != before[plan["path"]]
               for plan in kept):
            write_build_record(store, record)  # files touched, not changed: their new mtimes
        if fmt is not None and output is not None:
            write_export(output, open_store(store), fmt, sort=True)
        return Incremental(Build([], []), len(kept), [])
    naming = record_naming(record, kept=kept, replaced=replaced)
    with _progress(console, len(changed)) as advance:
        update = build_plans(changed, naming=naming, progress=advance)
    if changed and not update.built:
        raise InputError(update.skipped[0])
    remove = [plan["graph"] for plan in (*gone, *replaced)]
    replace_graphs(store, remove=remove,
                   add=[(str(b.summary.graph), b.nquads) for b in update.built],
                   record=_record([*kept, *(b.record() for b in update.built)], update.naming))
    build = Build([b.nquads for b in update.built], [b.summary for b in update.built],
                  skipped=update.skipped)
    if fmt is not None and output is not None:
        write_export(output, open_store(store), fmt, sort=True)
    return Incremental(build, len(kept), [plan["path"] for plan in gone])


@dataclass
class Screened:
    """The plan files a build reads, after duplicates and unreadable links are taken out."""

    files: list[Path]
    skipped: list[str]  # one line each: a link that leads nowhere or in a loop
    duplicates: list[str]  # one line each: a file with the same bytes as one kept


def screen_files(paths: tuple[Path, ...]) -> Screened:
    """``plan_files`` of ``paths``, with each plan once however many names it has.

    A file whose bytes equal an earlier one's (a plan saved twice under two names) is left out
    with a warning; a plan-named entry of a folder that is a symbolic link in a loop or to
    nothing is reported in one line (``plan_files`` passes over it silently). A file that
    cannot be read stays in: the build says why in its own line.
    """
    skipped = [line for folder in paths if folder.is_dir() for line in _dead_links(folder)]
    try:
        files = plan_files(paths or [bundled_corpus()])
    except InputError:
        if skipped:  # a folder of dead links alone: say what they are
            raise InputError(skipped[0]) from None
        raise
    seen: dict[str, Path] = {}
    kept: list[Path] = []
    duplicates: list[str] = []
    sizes = Counter(_size(path) for path in files)
    for path in files:
        size = _size(path)
        if size is None or sizes[size] == 1:
            kept.append(path)  # no other file of its size: not a copy (nor is it read here)
            continue
        digest = _sha256(path)
        first = seen.get(digest) if digest is not None else None
        if first is not None:
            duplicates.append(f"{path}: the same file as {first} (identical bytes); built once")
            continue
        if digest is not None:
            seen[digest] = path
        kept.append(path)
    return Screened(kept, skipped, duplicates)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _dead_links(folder: Path) -> list[str]:
    found = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []  # plan_files says why
    for entry in entries:
        if entry.suffix.lower() not in PLAN_SUFFIXES or not entry.is_symlink():
            continue
        try:
            os.stat(entry)
        except OSError as err:
            why = ("a symbolic link in a loop" if err.errno == errno.ELOOP
                   else f"a symbolic link to nothing ({os.readlink(entry)})")
            found.append(f"{entry}: {why}; not read")
    return found


def summary_table(build: Build) -> Table:
    """Counts per plan: one row per count, one column per plan, so it fits 80 columns."""
    table = Table(title="plans built")
    table.add_column("count")
    for plan in build.plans:
        table.add_column(plan.title, justify="right", overflow="fold")
    for name in SUMMARY_COLUMNS:
        table.add_row(name, *(str(plan.counts.get(name, 0)) for plan in build.plans))
    return table


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the graph to this file; the format comes from the extension "
                   "(.ttl .trig .nt .nq .jsonld).")
@store_option
@click.option("--no-store", is_flag=True, help="Do not write the graph store.")
@click.option("--report", "report", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write what was found in each plan and what could be used (annotations, "
                   "tables, rows, items, sections, warnings with line numbers) to this JSON file.")
@click.option("--rebuild", is_flag=True,
              help="Extract every plan again, not only new or changed files.")
@click.option("--strict", is_flag=True,
              help="Fail on the first file that cannot be built (exit 1, nothing written) "
                   "instead of skipping it.")
@reports_errors
def build_command(paths: tuple[Path, ...], output: Path | None, store: Path | None,
                  no_store: bool, report: Path | None, rebuild: bool, strict: bool) -> None:
    """Build the graph from plan texts (files or folders; default: the bundled corpus).

    The graph goes into the store (what `plankg query` reads) and, with -o, into a file.
    Plans are built in parallel, one process per core. A file that cannot be built is
    skipped with one line saying why; if none can be built, nothing is written. With a store
    built before, only new or changed files are extracted and plans whose files are gone are
    removed; --rebuild extracts all.
    """
    console = Console()
    done = None
    screened = screen_files(paths)
    if strict and screened.skipped:
        raise InputError(screened.skipped[0])
    files = tuple(screened.files)
    with build_lock(store) if not no_store else nullcontext():
        if not no_store and not rebuild and not strict:
            done = incremental_build(files, output, store, console=console)
        if done is not None:
            build = done.build
        else:
            build = run_build(files, output, store, console=console,
                              write_to_store=not no_store, skip_bad=not strict, locked=True)
    build.skipped[:0] = screened.skipped
    if done is None or build.plans:
        console.print(summary_table(build))
    for line in screened.duplicates:
        console.print(f"[yellow]warning[/]: {line}", highlight=False, soft_wrap=True)
    for line in build.skipped:
        console.print(f"[yellow]skipped[/]: {line}", highlight=False, soft_wrap=True)
    if done is not None:
        for path in done.removed:
            console.print(f"removed {path}: the file is gone", highlight=False, soft_wrap=True)
        console.print(f"{len(build.plans)} built, {done.kept} unchanged, "
                      f"{len(done.removed)} removed, {len(build.skipped)} skipped",
                      highlight=False)
    else:
        console.print(f"{len(build.plans)} built, {len(build.skipped)} skipped", highlight=False)
    for plan in build.plans:
        for warning in plan.warnings:
            console.print(f"[yellow]warning[/]: {plan.path.name}: {warning}", highlight=False)
    for plan in build.plans:
        low = plan.coverage.low if plan.coverage is not None else None
        if low:
            console.print(f"[bold red]low coverage[/]: {low}", highlight=False)
    if report is not None:  # the plans extracted by this build (all of them with --rebuild)
        write_coverage_report(report, build)
        console.print(f"wrote {report}")
    if output is not None:
        console.print(f"wrote {output}")


def write_coverage_report(path: Path, build: Build) -> None:
    """The coverage of every plan as JSON, written atomically."""
    data = {"plans": [plan.coverage.as_json() for plan in build.plans
                      if plan.coverage is not None]}
    write_atomically(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n")
                     .encode("utf-8"))


@click.command("validate")
@source_options
@reports_errors
def validate_command(source: SourceSpec) -> None:
    """Check the graph against the SHACL shapes; exit 1 with a report when it does not conform."""
    from plankg.graph.rdf.validate import validate

    dataset = source.open().dataset()
    try:
        result = validate(dataset)
    except ValueError as err:
        raise InputError(f"{source.graph or 'graph'}: {err}") from err
    click.echo(result.report())
    if not result.conforms:
        raise SystemExit(1)


STATS_QUERY = """
SELECT ?plan ?class (COUNT(DISTINCT ?node) AS ?n) WHERE {
  GRAPH ?g { ?p a <https://w3id.org/plankg/ontology#Plan> ; <http://purl.org/dc/terms/title> ?plan .
             ?node a ?class . }
  FILTER(STRSTARTS(STR(?class), "https://w3id.org/plankg/ontology#"))
} GROUP BY ?plan ?class ORDER BY ?plan ?class
"""


@click.command("stats")
@source_options
@reports_errors
def stats_command(source: SourceSpec) -> None:
    """Count the nodes of each class in each plan's graph."""
    rows = source.open().select(STATS_QUERY)
    if not rows:
        where = source.graph or source.endpoint or source.store or "the store"
        raise InputError(f"{where}: the graph holds no pk:Plan: build it first (plankg build)")
    counts = {(str(r["plan"]), str(r["class"]).rsplit("#", 1)[1]): r["n"] for r in rows}
    plans = sorted({plan for plan, _ in counts})
    classes = sorted({name for _, name in counts})
    table = Table(title="nodes per class")
    table.add_column("class")
    for plan in plans:
        table.add_column(plan, justify="right")
    for name in classes:
        table.add_row(name, *(str(counts.get((plan, name), 0)) for plan in plans))
    Console().print(table)


COMMANDS = [build_command, validate_command, stats_command]
