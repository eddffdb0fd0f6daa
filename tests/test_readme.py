"""README.md tells the truth: every command is documented, the two set-up commands are the ones
CI runs, and the sample query output is what the tool prints on the bundled corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from plankg.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    documented = set(re.findall(r"^\| `plankg ([a-z-]+)", README, flags=re.M))
    assert documented == set(main.commands)


def test_ci_runs_the_readme_test_command() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, flags=re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert commands[0] == "pip install -e . && plankg run"
    assert commands[1] == "sh tests/run.sh"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec sh tests/run.sh" in ci.splitlines()


def test_readme_shows_the_real_output_of_its_sample_queries(tmp_path: Path) -> None:
    samples = re.findall(r"\$ plankg query ([a-z-]+) -f csv\n(.*?)```", README, flags=re.S)
    assert [name for name, _ in samples] == ["shared-entities", "plans"]
    runner = CliRunner()
    store = tmp_path / "store"
    built = runner.invoke(main, ["build", "--store", str(store)])
    assert built.exit_code == 0, built.output
    for name, shown in samples:
        result = runner.invoke(main, ["query", name, "-f", "csv", "--store", str(store)])
        assert result.exit_code == 0, result.output
        assert result.output.strip().splitlines() == shown.strip().splitlines(), name


@pytest.mark.parametrize("path", ["docs/viewer.png", "docs/model.md", "docs/extraction.md",
                                  "docs/benchmarks.md", "corpus/README.md"])
def test_linked_files_exist(path: str) -> None:
    assert path in README
    assert (ROOT / path).is_file()
