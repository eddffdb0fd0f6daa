"""A real ``plankg build`` process killed (SIGINT, SIGKILL) at several points, two builds on one
store, and queries during a build: the store and the output file are always the previous ones or
the new ones, whole and readable (docs/decisions/027-store-lock-and-swap.md).

The points are found by watching the file system, not by hooks in the program: a build holds the
store's lock file (it writes its pid there) while it extracts, makes ``.<store>.new-*`` beside
the store while it writes it, and ``.<output>.*.tmp`` while it writes the output.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from corpus_paths import WUXING, XIUZHOU

from plankg.queries.store import open_store

PLANKG = Path(sys.executable).with_name("plankg")
RUN_LIMIT = 300  # s: a hard bound on any one build here, never an assertion on its speed


def quads(store: Path) -> list[str]:
    data = pyoxigraph.Store.read_only(str(store)).dump(format=pyoxigraph.RdfFormat.N_QUADS)
    return sorted(data.decode("utf-8").splitlines())


def _default_sigint() -> None:
    # a suite started in the background (`sh tests/run.sh &`) inherits SIGINT ignored, and so
    # would every build it starts: Python then installs no KeyboardInterrupt and a Ctrl-C is lost
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(*args: str | Path, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(PLANKG), *map(str, args)],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=_default_sigint,
    )


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PLANKG), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=RUN_LIMIT
    )


def wait_for(process: subprocess.Popen, seen: Callable[[], bool]) -> bool:
    """Poll (without sleeping) until ``seen()``; False if the process ended first."""
    deadline = time.monotonic() + RUN_LIMIT
    while time.monotonic() < deadline:
        if seen():
            return True
        if process.poll() is not None:
            return seen()
    raise AssertionError("the build neither reached the point nor ended")


def finish(process: subprocess.Popen) -> str:
    try:
        out, _ = process.communicate(timeout=RUN_LIMIT)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return out.decode("utf-8", "replace")


def lock_held(root: Path) -> bool:
    lock = root / ".store.lock"
    return lock.is_file() and lock.read_text(encoding="utf-8").strip() != ""


def writing_store(root: Path) -> bool:
    return any(p.name.startswith(".store.new-") for p in root.iterdir())


def writing_output(root: Path) -> bool:
    return any(p.name.startswith(".out.nq.") for p in root.iterdir())


@pytest.fixture(scope="module")
def states(tmp_path_factory) -> dict:
    """The old state (one plan) and the new one (two plans), each built once in full."""
    root = tmp_path_factory.mktemp("states")
    found = {}
    for name, plans in (("old", [WUXING]), ("new", [WUXING, XIUZHOU])):
        work = root / name
        (work / "plans").mkdir(parents=True)
        for plan in plans:
            shutil.copy(plan, work / "plans" / plan.name)
        done = run("build", "plans", "--store", "store", "-o", "out.nq", cwd=work)
        assert done.returncode == 0, done.stdout + done.stderr
        found[name] = (quads(work / "store"), (work / "out.nq").read_bytes())
    assert found["old"][0] != found["new"][0]
    return found


def old_project(tmp_path: Path) -> Path:
    """A project with the old state built, and the second plan added to its folder."""
    (tmp_path / "plans").mkdir()
    shutil.copy(WUXING, tmp_path / "plans" / WUXING.name)
    done = run("build", "plans", "--store", "store", "-o", "out.nq", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    shutil.copy(XIUZHOU, tmp_path / "plans" / XIUZHOU.name)
    return tmp_path


POINTS = {"extraction": lock_held, "store write": writing_store, "output write": writing_output}


CASES = [(point, mode, signal.SIGKILL) for point in POINTS for mode in ("full", "incremental")]
CASES += [(point, "full", signal.SIGINT) for point in POINTS]
CASES += [("store write", "incremental", signal.SIGINT)]


@pytest.mark.parametrize(
    ("point", "mode", "sig"), CASES, ids=[f"{p}-{m}-{signal.Signals(s).name}" for p, m, s in CASES]
)
def test_a_killed_build_leaves_the_old_or_the_new_state_whole(
    tmp_path: Path, states: dict, point: str, mode: str, sig: int
) -> None:
    root = old_project(tmp_path)
    options = ["--rebuild"] if mode == "full" else []
    process = start("build", "plans", "--store", "store", "-o", "out.nq", *options, cwd=root)
    reached = wait_for(process, lambda: POINTS[point](root))
    if reached and process.poll() is None:
        if point == "extraction":
            assert not writing_store(root)  # killed before the store was touched
        process.send_signal(sig)
    output = finish(process)
    if point != "output write":  # the one window of a few milliseconds: hit when it can be
        assert reached, output
    store_quads, output_bytes = quads(root / "store"), (root / "out.nq").read_bytes()
    assert store_quads in (states["old"][0], states["new"][0])
    assert output_bytes in (states["old"][1], states["new"][1])
    if point == "extraction":
        assert (store_quads, output_bytes) == states["old"], (process.returncode, output)
    if sig == signal.SIGINT and process.returncode != 0:
        assert "Traceback" not in output, output
    # the next build cleans up after the killed one and ends in the new state
    again = run("build", "plans", "--store", "store", "-o", "out.nq", cwd=root)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (quads(root / "store"), (root / "out.nq").read_bytes()) == states["new"]
    assert [p.name for p in root.iterdir() if p.name.startswith(".store.")] == []


def test_a_second_build_on_one_store_is_refused_in_one_line(tmp_path: Path, states: dict) -> None:
    root = old_project(tmp_path)
    first = start("build", "plans", "--store", "store", "-o", "out.nq", "--rebuild", cwd=root)
    try:
        assert wait_for(first, lambda: lock_held(root))
        pid = (root / ".store.lock").read_text(encoding="utf-8").strip()
        second = run("build", "plans", "--store", "store", cwd=root)
        lines = (second.stdout + second.stderr).strip().splitlines()
        assert second.returncode == 1
        assert lines == [
            f"Error: store: another build is writing this store (pid {pid}); "
            "try again when it has finished"
        ]
    finally:
        output = finish(first)
    assert first.returncode == 0, output
    assert (quads(root / "store"), (root / "out.nq").read_bytes()) == states["new"]


def test_queries_during_builds_see_the_old_or_the_new_graph(tmp_path: Path, states: dict) -> None:
    root = old_project(tmp_path)
    sizes = {len(states["old"][0]), len(states["new"][0])}
    seen: list[int] = []
    for options in (["--rebuild"], []):  # a full build, then an incremental one
        if options == []:  # back to one plan, so that the incremental build has work to do
            (root / "plans" / XIUZHOU.name).unlink()
            assert run("build", "plans", "--store", "store", cwd=root).returncode == 0
            shutil.copy(XIUZHOU, root / "plans" / XIUZHOU.name)
        process = start("build", "plans", "--store", "store", *options, cwd=root)
        try:
            while process.poll() is None:  # as `plankg query` opens it, again and again
                store = open_store(root / "store")
                seen.append(len(store))
                del store
        finally:
            output = finish(process)
        assert process.returncode == 0, output
        seen.append(len(open_store(root / "store")))
    assert set(seen) == sizes  # both states were seen, and nothing else
