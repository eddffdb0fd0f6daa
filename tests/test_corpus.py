"""The bundled corpus is what corpus/README.md says it is, and the package ships it."""

from __future__ import annotations

import hashlib
import re
from importlib.resources import files
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _documented() -> dict[str, str]:
    text = (CORPUS / "README.md").read_text(encoding="utf-8")
    names = re.findall(r"^## (\S+\.txt)$", text, flags=re.M)
    hashes = re.findall(r"^\| sha256 \| `([0-9a-f]{64})` \|$", text, flags=re.M)
    assert len(names) == len(hashes)
    return dict(zip(names, hashes, strict=True))


def test_every_text_is_documented_with_its_hash() -> None:
    documented = _documented()
    texts = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert texts == sorted(documented)
    for name, digest in documented.items():
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == digest


def test_the_installed_package_reads_the_same_folder() -> None:
    bundled = Path(str(files("plankg.corpus")))
    assert sorted(p.name for p in bundled.glob("*.txt")) == sorted(_documented())


def test_texts_are_utf8_as_published() -> None:
    for path in CORPUS.glob("*.txt"):
        text = path.read_bytes().decode("utf-8")
        assert "人才发展“十四五”规划" in text
