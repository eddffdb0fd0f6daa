"""Which sections of a plan are its tasks (pk:Task), and where its responsibility annotations are.

A section is a task when

- it lies inside a top-level chapter of tasks, one whose title says so: 主要任务, 重点任务,
  重要任务, 重点工作, 主要举措, 重点项目, 保障措施, 重点工程, 重大工程 (``TASK_CHAPTER``); the
  chapter itself and tables are not tasks;
- or it carries a responsibility annotation, "（牵头单位：…，配合单位：…）", in its own text
  (not only in a subsection's), whatever its chapter is called: plans number the items of an
  opinion or a 行动计划 1…N across the whole text and close most of them with one
  (``2.临江工匠培育项目。5年内……（牵头单位：区人力资源和社会保障局）``);
- or it is a numbered item of the same list as an annotated one (a sibling with the same
  numbering style below the top level): plans leave some items without an annotation, and the
  item is still one of the list's tasks.

>>> from plankg.graph.text.structure import parse_document
>>> doc = parse_document("临江区人才政策\\n一、实施人才行动\\n（一）工匠行动。实施如下重点项目：\\n"
...     "1.工匠培育项目。给予补助。（牵头单位：区人力社保局）\\n2.技能竞赛项目。每年举办。\\n"
...     "二、组织实施\\n3.加强领导。各部门密切配合。\\n")
>>> [s.title for s in task_sections(doc)]
['工匠培育项目', '技能竞赛项目']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plankg.graph.text.document import Document, Section
from plankg.graph.text.headings import TABLE

LEAD = "leadDepartment"
SUPPORT = "supportDepartment"

# The chapters whose sections are the plan's tasks, by their titles.
TASK_CHAPTER = re.compile(r"任务|重点工程|重大工程|重点工作|主要举措|重点项目|保障措施")

# Annotation and table labels → the role they give the bodies listed after them. 责任单位 lists the
# responsible bodies without saying who leads (graph/extract/departments.py reads the convention
# that does).
ROLE_LABELS = {
    "牵头单位": LEAD, "牵头部门": LEAD, "主责单位": LEAD, "主办单位": LEAD,
    "责任单位": LEAD, "责任部门": LEAD, "主要责任单位": LEAD, "实施单位": LEAD,
    "配合单位": SUPPORT, "配合部门": SUPPORT, "参与单位": SUPPORT, "协办单位": SUPPORT,
    "协同单位": SUPPORT, "协作单位": SUPPORT,
}
ANNOTATION_START = re.compile(r"[（(]\s*(?=(?:" + "|".join(ROLE_LABELS) + r")\s*[：:])")
_OPEN, _CLOSE = "（(", "）)"
MAX_ANNOTATION = 400


def matching_close(text: str, open_at: int) -> int | None:
    """The bracket that closes the one at ``open_at`` on the same line, if any."""
    depth = 0
    for i in range(open_at, min(len(text), open_at + MAX_ANNOTATION)):
        if text[i] in _OPEN:
            depth += 1
        elif text[i] in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n":
            return None
    return None


def annotation_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every closed "（牵头单位：…）" annotation, brackets included."""
    for found in ANNOTATION_START.finditer(text):
        close = matching_close(text, found.start())
        if close is not None:
            yield found.start(), close + 1


def task_sections(doc: Document) -> list[Section]:
    """The task sections of ``doc`` in document order (see the module docstring)."""
    parents = {id(child): section for section in doc.walk() for child in section.children}
    chosen: dict[int, Section] = {}
    for chapter in doc.sections:
        if TASK_CHAPTER.search(chapter.title):
            for section in chapter.walk():
                if section is not chapter and section.style != TABLE:
                    chosen[id(section)] = section
    for start, _ in annotation_spans(doc.text):
        section = doc.section_at(start)
        if section is None or section.style == TABLE:
            continue
        chosen[id(section)] = section
        parent = parents.get(id(section))
        if parent is None:
            continue  # a chapter's own annotation: the chapter is the task, not its neighbours
        for sibling in parent.children:
            if sibling.style == section.style:
                chosen[id(sibling)] = sibling
    return [section for section in doc.walk() if id(section) in chosen]
