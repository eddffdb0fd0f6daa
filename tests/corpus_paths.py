"""Where the tests find the plan texts: the two bundled plans and the fixture plan with gold."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
CORPUS = ROOT / "corpus"
WUXING = CORPUS / "huzhou-wuxing-talent-plan-2021-2025.txt"
XIUZHOU = CORPUS / "jiaxing-xiuzhou-talent-plan-2021-2025.txt"
CHENGLAN = TESTS / "data" / "plans" / "chenglan-talent-plan-2021-2025.txt"
GOLD = TESTS / "data" / "gold"
