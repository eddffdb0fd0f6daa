"""An encoding variant of a bundled plan gives the graph of the UTF-8 original.

The bundled 秀洲 plan is written as GB18030, UTF-8 with a byte-order mark and UTF-16 with one,
with CRLF and with CR line ends, with full-width digits and with stray NUL bytes, each under the
same file name in its own folder, and built for real. The graphs must be the same quads apart
from what describes the file itself: its SHA-256 and the encoding it was decoded with
(docs/decisions/026-one-text-for-every-copy.md: evidence offsets count the normalised text).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus_paths import XIUZHOU

from plankg.graph.rdf.build import build_dataset
from plankg.graph.text.reading import read_source

FILE_FACTS = (
    "<https://w3id.org/plankg/ontology#sha256>",
    "<https://w3id.org/plankg/ontology#encoding>",
)


def quads_of(path: Path) -> list[str]:
    build = build_dataset([path])
    return sorted(
        line for line in build.nquads.splitlines() if not any(fact in line for fact in FILE_FACTS)
    )


@pytest.fixture(scope="module")
def original() -> list[str]:
    return quads_of(XIUZHOU)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_a_variant_gives_the_same_graph(tmp_path: Path, original: list[str], encoding: str) -> None:
    variant = tmp_path / XIUZHOU.name
    variant.write_bytes(XIUZHOU.read_text(encoding="utf-8").encode(encoding))
    assert variant.read_bytes() != XIUZHOU.read_bytes()
    assert len(original) > 5000
    assert quads_of(variant) == original


FULL_WIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")


def full_width(text: str) -> str:
    """Digits, per cent signs and decimal points between digits printed full-width."""
    return re.sub(r"(?<=[0-9])\.(?=[0-9])", "．", text).translate(FULL_WIDTH)


def with_nuls(text: str) -> bytes:
    """UTF-8 with a NUL byte after every 700th character (a stray, not a binary file)."""
    return b"\x00".join(text[i : i + 700].encode("utf-8") for i in range(0, len(text), 700))


VARIANTS = {
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda text: text.replace("\n", "\r").encode("utf-8"),
    "crlf-gb18030": lambda text: text.replace("\n", "\r\n").encode("gb18030"),
    "full-width-digits": lambda text: full_width(text).encode("utf-8"),
    "nul-bytes": with_nuls,
}


@pytest.mark.parametrize("variant_name", sorted(VARIANTS))
def test_a_saved_form_gives_the_same_graph(
    tmp_path: Path, original: list[str], variant_name: str
) -> None:
    text = XIUZHOU.read_text(encoding="utf-8")
    variant = tmp_path / XIUZHOU.name
    variant.write_bytes(VARIANTS[variant_name](text))
    assert variant.read_bytes() != XIUZHOU.read_bytes()
    assert quads_of(variant) == original


def test_the_line_end_convention_and_the_dropped_nuls_are_recorded(tmp_path: Path) -> None:
    text = XIUZHOU.read_text(encoding="utf-8")
    expected = {"crlf": ("CRLF", 0), "cr": ("CR", 0), "nul-bytes": ("LF", (len(text) - 1) // 700)}
    for name, (line_ends, nuls) in expected.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(VARIANTS[name](text))
        source = read_source(path)
        assert (source.line_ends, source.nul_dropped) == (line_ends, nuls)
        assert source.text == text
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(text.replace("\n", "\r\n", 3).encode("utf-8"))
    assert read_source(mixed).line_ends == "mixed"


def test_full_width_digits_are_read_as_digits(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "青梧区人才发展规划\n一、目标\n到２０２５年，人才总量达到４．５万人，占比３５％。\n"
        "（一）１．建设平台。\n" * 3,
        encoding="utf-8",
    )
    text = read_source(path).text
    assert "到2025年，人才总量达到4.5万人，占比35%。" in text
    assert "（一）1．建设平台" in text  # a point after a digit, not between two, is punctuation


def test_a_file_mostly_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    from plankg.errors import InputError

    path = tmp_path / "plan.txt"
    utf16 = "青梧区人才发展规划（2021-2025年）\n".encode("utf-16-le")  # without its BOM
    path.write_bytes(utf16 * 20)
    with pytest.raises(InputError, match="binary file"):
        read_source(path)
