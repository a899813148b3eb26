"""The three draft families — Chinese legal (cn), English (en), GB/T 1.1 standards (std) —
and the guess of which one a text is."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..frontmatter import Line
from ..model import Clause, ParseError
from . import chinese, english, standards

Parser = Callable[[list[Line], dict[str, str], bool], list[Clause]]

PARSERS: dict[str, Parser] = {
    "cn": chinese.parse_chinese,
    "en": english.parse_english,
    "std": standards.parse_standard,
}
_CN = re.compile(r"第[一二三四五六七八九十百千零〇两0-9０-９]+条")
_EN = re.compile(r"Article\s+\d+")
# GB/T clause numbers: 5.1, 5.1.2 ... (with or without words), or a chapter "5 要求".
_STD = re.compile(r"\d+(?:\.\d+)+(?:\s|$)|\d+\s+\S.{0,30}$")


def is_structural(text: str) -> bool:
    """Whether a line opens structure in any family (so "# 第一章" is not a title)."""
    return (
        chinese.is_structural(text) or english.is_structural(text) or standards.is_structural(text)
    )


def detect_family(lines: list[Line]) -> str:
    """Guess cn/en/std from which kind of numbered line dominates."""
    tally = {"cn": 0, "en": 0, "std": 0}
    for line in lines:
        text = line.text
        if _CN.match(text):
            tally["cn"] += 1
        elif _EN.match(text):
            tally["en"] += 1
        elif _STD.match(text):
            tally["std"] += 1
    ranked = sorted(tally.items(), key=lambda pair: pair[1], reverse=True)
    if ranked[0][1] == 0 or ranked[0][1] == ranked[1][1]:
        raise ParseError(1, "no articles or numbered clauses found")
    return ranked[0][0]
