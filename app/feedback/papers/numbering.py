"""The numbering a letter's points start with: 一、 （一） 1. 1、 (1) 1) ① — each a kind of
its own; which kind is the outer one is learnt from the letter (the first kind met is the
outermost, as in 公文 usage: 一、 then （一） then 1. then （1）)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.legaltext.numerals import CN_NUMERAL_WORDS

_CN = CN_NUMERAL_WORDS
_MARKERS = (
    ("cn", re.compile(rf"^([{_CN}]+)\s*[、，,．.]\s*")),
    ("cn()", re.compile(rf"^[（(]\s*([{_CN}]+)\s*[）)]\s*[、，,．.]?\s*")),
    ("1.", re.compile(r"^(\d{1,3})\s*[.．](?![\d.．])\s*")),
    ("1、", re.compile(r"^(\d{1,3})\s*、\s*")),
    ("(1)", re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*")),
    ("1)", re.compile(r"^(\d{1,3})\s*[）)]\s*")),
    ("①", re.compile(r"^([①-⑳㉑-㉟])\s*")),
    ("第一", re.compile(rf"^第([{_CN}]+)(?=[、，,：:是])[、，,：:]?\s*")),
    ("一是", re.compile(rf"^([{_CN}]+)是(?=[，,、：:]|.{{4}})")),
)


@dataclass(frozen=True, slots=True)
class Marker:
    kind: str
    label: str  # as written: （一）
    rest: str  # the line without it


def marker_of(line: str) -> Marker | None:
    """The point numbering ``line`` starts with, or None."""
    for kind, pattern in _MARKERS:
        found = pattern.match(line)
        if found and found.end() < len(line):
            if kind == "第一" and re.match(r"^第[^，,、：:]*[条款项章节目]", line):
                continue  # 第十二条 cites a clause; it numbers nothing
            if kind == "一是" and not line[found.end() - 1 :].startswith("是"):
                continue
            return Marker(kind, line[: found.end()].strip(), line[found.end() :].strip())
    return None
