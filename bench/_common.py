"""Shared by the bench scripts: timing helpers and a generated large draft."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from app.legaltext.numerals import int_to_cn


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of each of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def large_draft(articles: int = 450, per_chapter: int = 30) -> str:
    """A Chinese draft of ``articles`` articles: chapters, 1–3 paragraphs, items every 4th."""
    lines = [
        "---",
        "measure: bench-large",
        "title: 基准测试用大型办法（征求意见稿）",
        "revision: 1",
        f"opens: {date.today() - timedelta(days=5)}",  # open now: the page shows comment links
        f"closes: {date.today() + timedelta(days=30)}",
        "language: zh",
        "---",
        "",
    ]
    for number in range(1, articles + 1):
        if (number - 1) % per_chapter == 0:
            chapter = (number - 1) // per_chapter + 1
            lines += [f"第{int_to_cn(chapter)}章　第{chapter}部分的规定", ""]
        lines += [
            f"第{int_to_cn(number)}条　认证机构应当按照本办法第{number}条的规定，"
            "建立健全认证人员管理制度，并对其执业行为负责。",
            "",
        ]
        if number % 4 == 0:
            for item in range(1, 4):
                lines += [f"（{int_to_cn(item)}）认证人员应当具备相应的专业能力第{item}项；", ""]
        for extra in range(number % 3):
            lines += [f"违反前款规定的，由监督管理部门责令改正（第{extra + 2}款）。", ""]
    return "\n".join(lines)
