"""Chinese numerals and the years of five-year plans: what headings, tables and titles count with.

>>> chinese_number("十四"), chinese_numeral(15), five_year_end(14)
(14, '十五', 2025)
>>> plan_period("吴兴区人才发展“十四五”规划"), plan_period("行动计划（2023-2027年）")
((2021, 2025), (2023, 2027))
"""

from __future__ import annotations

import re

DIGIT_CHARS = "零一二三四五六七八九"
_DIGITS = {c: i for i, c in enumerate(DIGIT_CHARS)}
# "十四五" (the 14th five-year plan), quoted or not; "（2021—2025年）" an explicit period
_FIVE_YEAR_PLAN = re.compile(r"[“\"]?([一二三四五六七八九十]+)五[”\"]?")
_PERIOD = re.compile(r"(20\d\d)\s*[-—–～~至]+\s*(20\d\d)")


def chinese_number(numeral: str) -> int | None:
    """The value of a Chinese numeral below 100; None for anything else.

    >>> [chinese_number(n) for n in ("七", "十", "十四", "二十", "三十五", "百")]
    [7, 10, 14, 20, 35, None]
    """
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        t = _DIGITS.get(tens, 1 if not tens else None)
        u = _DIGITS.get(units, 0 if not units else None)
        return None if t is None or u is None else 10 * t + u
    return _DIGITS.get(numeral) if len(numeral) == 1 else None


def chinese_numeral(value: int) -> str:
    """The Chinese numeral of 0 ≤ ``value`` < 100.

    >>> [chinese_numeral(v) for v in (3, 10, 14, 20, 35)]
    ['三', '十', '十四', '二十', '三十五']
    """
    if value < 10:
        return DIGIT_CHARS[value]
    tens, units = divmod(value, 10)
    return f"{'' if tens == 1 else DIGIT_CHARS[tens]}十{DIGIT_CHARS[units] if units else ''}"


def five_year_end(number: int) -> int:
    """Last year of the n-th Five-Year Plan (from the third on).

    >>> five_year_end(14)
    2025
    """
    return 1955 + 5 * number


def plan_period(title: str) -> tuple[int, int] | None:
    """The years a plan covers: "（2021—2025年）", or the n-th five-year plan the title names."""
    explicit = _PERIOD.search(title)
    if explicit:
        return int(explicit.group(1)), int(explicit.group(2))
    fyp = _FIVE_YEAR_PLAN.search(title)
    number = chinese_number(fyp.group(1)) if fyp else None
    if number is not None and number >= 3:
        end = five_year_end(number)
        return end - 4, end
    return None
