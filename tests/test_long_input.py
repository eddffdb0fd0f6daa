"""Files of no line breaks, of one repeated character, and of 5 and 20 MB.

Each big file is built by a real ``plankg build`` process under a hard subprocess timeout:
the test fails if it does not end by itself (a super-linear finder), never on how fast it was
(``bench/long_input.py`` measures seconds per MB). The one-line plan is the bundled 秀洲 plan
with its line breaks removed; its title, notice and outline are typed here from that text.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from corpus_paths import XIUZHOU

from plankg.graph.text.structure import read_document

PLANKG = Path(sys.executable).with_name("plankg")
HARD_LIMIT = 900  # s: far above what these take (bench/long_input.py), far below a hang
TITLE = "秀洲区人才发展“十四五”规划"


def one_line(text: str) -> str:
    return text.replace("\n", "")


def build(path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    out = tmp_path / "out.nq"
    return subprocess.run(
        [str(PLANKG), "build", str(path), "--no-store", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=HARD_LIMIT,
    )


def test_a_plan_on_one_line_keeps_its_title_notice_and_outline(tmp_path: Path) -> None:
    path = tmp_path / "flat.txt"
    path.write_text(one_line(XIUZHOU.read_text(encoding="utf-8")), encoding="utf-8")
    doc = read_document(path)
    assert "\n" not in doc.text
    assert doc.title == TITLE
    assert doc.text[doc.title_start : doc.title_end] == TITLE
    assert doc.metadata.notice_title == "《秀洲区人才发展“十四五”规划》的通知"
    assert (
        doc.metadata.recipients
        == "各镇人民政府、街道办事处，秀洲国家高新区管委会，区级有关部门（单位）"
    )
    assert doc.metadata.issued_date == "2021-12-31"
    # 三、 and 四、 run on into their first sentence: without a line break nothing says where
    # such a heading ends, so only its start is asserted
    tops = [
        "一、发展基础和面临形势",
        "二、指导思想、基本原则、发展目标",
        "三、重点工程",
        "四、重要任务",
        "五、组织实施",
    ]
    found = [s for s in doc.walk() if s.numbering.endswith("、")]
    assert len(found) == len(tops)
    assert all(s.label.startswith(top) for s, top in zip(found, tops, strict=True))
    assert [s.label for s in doc.sections[:2]] == tops[:2]
    subs = ["（一）指导思想", "（二）基本原则", "（三）发展目标"]
    assert len(doc.sections[1].children) == len(subs)
    assert all(
        s.label.startswith(sub) for s, sub in zip(doc.sections[1].children, subs, strict=True)
    )
    for section in doc.walk():
        assert doc.text[section.heading_start : section.heading_end] == section.label
    for _, sentence in doc.sentences():
        assert doc.text[sentence.start : sentence.end] == sentence.text


def test_a_one_line_plan_still_yields_its_programs(tmp_path: Path) -> None:
    from plankg.graph.rdf.build import build_dataset

    path = tmp_path / "flat.txt"
    path.write_text(one_line(XIUZHOU.read_text(encoding="utf-8")), encoding="utf-8")
    counts = build_dataset([path]).plans[0].counts
    assert counts["programs"] >= 10 and counts["sections"] >= 20, counts


def test_a_5_mb_line_of_plan_text_finishes(tmp_path: Path) -> None:
    text = one_line(XIUZHOU.read_text(encoding="utf-8"))
    path = tmp_path / "flat-5mb.txt"
    path.write_text(text * (5_000_000 // len(text.encode("utf-8")) + 1), encoding="utf-8")
    assert path.stat().st_size >= 5_000_000
    done = build(path, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 built, 0 skipped" in done.stdout
    assert TITLE in (tmp_path / "out.nq").read_text(encoding="utf-8")


@pytest.mark.parametrize("char", ["的", "一", "。", "a", " ", "\n"])
def test_a_5_mb_file_of_one_repeated_character_finishes(tmp_path: Path, char: str) -> None:
    path = tmp_path / "repeated.txt"
    path.write_text(char * (5_000_000 // len(char.encode("utf-8"))), encoding="utf-8")
    done = build(path, tmp_path)
    assert done.returncode == 1  # not a policy text: one line, nothing written
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: "), lines
    assert not (tmp_path / "out.nq").exists()


@pytest.mark.parametrize(("char", "megabytes"), [("的", 5), ("一", 5), ("的", 20)])
def test_a_plan_title_then_megabytes_of_one_character_finishes(
    tmp_path: Path, char: str, megabytes: int
) -> None:
    path = tmp_path / "title-then-repeated.txt"
    path.write_text("青梧区人才发展规划\n" + char * (megabytes * 1_000_000 // 3), encoding="utf-8")
    assert path.stat().st_size >= megabytes * 1_000_000
    done = build(path, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "青梧区人才发展规划" in (tmp_path / "out.nq").read_text(encoding="utf-8")
