"""Checksums of what ``plankg build`` writes, to check that a speed-up did not change the output.

    python bench/checksums.py            # print the checksums
    python bench/checksums.py --check    # compare with bench/checksums.txt; exit 1 on a change
    python bench/checksums.py --write    # record the current checksums in bench/checksums.txt

Two builds, each in a fresh ``plankg build … -o x.nq --no-store`` process: the bundled corpus,
and every fixture of ``tests/data/plans`` together with 5 generated plans
(``write_plans(folder, 5, seed=0)``, so the pool and the cross-plan minting are exercised).
The checksum is the SHA-256 of the sorted N-Quads file. A third build writes the second set
of plans into a store (``--store DIR --rebuild``); its checksum is that of the store's quads,
dumped and sorted the same way (it equals the second when the store holds what -o writes).
The N-Quads are kept under ``--keep DIR`` (default: a temporary folder, removed) so that a
change can be diffed.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import write_plans  # noqa: E402

RECORD = HERE / "checksums.txt"
GENERATED = 5


def _plankg_build(name: str, paths: list[Path], *options: str) -> None:
    """``plankg build PATHS OPTIONS`` in a fresh process; exit with its error if it fails."""
    command = [sys.executable, "-m", "plankg", "build", *map(str, paths), *options]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{name}: plankg build failed ({done.returncode}): {done.stderr[-400:]}")


def _build(name: str, paths: list[Path], out: Path) -> str:
    target = out / f"{name}.nq"
    _plankg_build(name, paths, "-o", str(target), "--no-store")
    return hashlib.sha256(target.read_bytes()).hexdigest()


def _store(name: str, paths: list[Path], out: Path) -> str:
    import pyoxigraph

    store = out / f"{name}.store"
    _plankg_build(name, paths, "--store", str(store), "--rebuild")
    dump = pyoxigraph.Store.read_only(str(store)).dump(format=pyoxigraph.RdfFormat.N_QUADS)
    lines = sorted(set(dump.decode("utf-8").splitlines()))
    return hashlib.sha256(("\n".join(lines) + "\n").encode("utf-8")).hexdigest()


def checksums(out: Path) -> dict[str, str]:
    """Build both inputs into ``out``; the SHA-256 of each sorted N-Quads file, by name."""
    generated = out / "generated"
    write_plans(generated, GENERATED, seed=0)
    fixtures = sorted((ROOT / "tests" / "data" / "plans").glob("*.txt"))
    return {
        "corpus": _build("corpus", [ROOT / "corpus"], out),
        "fixtures+generated": _build("fixtures+generated", [*fixtures, generated], out),
        "fixtures+generated-store": _store("fixtures+generated", [*fixtures, generated], out),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with bench/checksums.txt")
    parser.add_argument("--write", action="store_true", help="record in bench/checksums.txt")
    parser.add_argument("--keep", type=Path, help="keep the N-Quads files in this folder")
    args = parser.parse_args()
    out = args.keep or Path(tempfile.mkdtemp(prefix="plankg-checksums-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        found = checksums(out)
    finally:
        if args.keep is None:
            shutil.rmtree(out, ignore_errors=True)
    lines = [f"{digest}  {name}" for name, digest in found.items()]
    print("\n".join(lines))
    if args.write:
        RECORD.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.check:
        recorded = dict(
            reversed(line.split("  ", 1))
            for line in RECORD.read_text(encoding="utf-8").splitlines()
            if line.strip()
        )
        changed = [name for name, digest in found.items() if recorded.get(name) != digest]
        if changed:
            print(f"changed: {', '.join(changed)}", file=sys.stderr)
            return 1
        print("same as bench/checksums.txt", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
