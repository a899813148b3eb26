"""The grammar of clause citations as people write them, for citation_reading.

`readings(text)` turns one citation into every structured reading it admits — 12.2 is
article 12 paragraph 2 in a law and clause 12.2 in a standard — and says for each whether the
whole text was understood. Resolving a reading against a revision is citation_reading's job.
A reading is a tuple of steps, each (level, value), from the top down:

    part, chapter, section  int                 (第二编, Chapter 3, Section 2)
    article                 (number, suffix)    (第一百二十条之一 -> (120, 1); Article 12a)
    clause                  str                 (a standards clause number: 5.1.2, A.1)
    annex                   str | int | None    (附录A -> "A", 附件一 -> 1, 附件 -> None)
    preamble                None
    paragraph, item, subitem  int               (款/段, 项 or (c) or a), 目 or (i) or 1))
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .numerals import arabic_or_roman, cn_to_int, letter_to_int, roman_or_none

LEVEL = {
    "part": 0, "chapter": 1, "section": 2, "article": 3, "clause": 3, "annex": 3,
    "preamble": 3, "key": 3, "paragraph": 4, "item": 5, "subitem": 6,
}  # fmt: skip
NUMERAL = "0-9零〇○一二三四五六七八九十百千万两"
_N = f"[{NUMERAL}]+"

# NFKC already makes full-width digits, letters and brackets ASCII; these it leaves alone.
_BRACKETS = str.maketrans("【】〔〕［］〈〉“”‘’", "()()()()\"\"''")
_EDGES = " \"'`「」『』。.,，;；:：!！?？、"
_SPACES = re.compile(r"\s+")
# What people put before the citation: the document's title, or a column's name.
_PREFIX = re.compile(
    r"^(?:(?:《[^》]*》|章条编号|条款编号|条款号|条文编号|条款|条文|章条|条目"
    r"|sub-?clause|clause|cl\.|§)\s*[:：]?\s*)+",
    re.IGNORECASE,
)
_GENERAL = re.compile(
    r"(?:对|关于|针对)?(?:本|该)?(?:办法|文件|标准|规定|条例|稿|征求意见稿|草案)?的?"
    r"(?:总体|通篇|全文|整体|全篇|总的|通用|综合|全部|整篇|整个文件|文件整体)性?"
    r"(?:意见|建议|内容|方面|问题)?|无|没有|-+|—+|n/?a|none|general(?:comments?)?|overall"
    r"|(?:the)?(?:whole|entire)(?:document|draft|text)?|all|global",
    re.IGNORECASE,
)
# Left over around a citation, these mean the text names more than was read ("…后增加一条",
# "第十二条和附件", "(c)"); other words ("规定", "关于培训", a caption) are a description.
_STRUCTURAL = re.compile(
    rf"第|之[{NUMERAL}]|[{NUMERAL}]+[条款项目章节编段]|附[件录]|[表图]\s*\d|\d|\([{NUMERAL}a-z]{{1,4}}\)"
    r"|(?<![a-z])[a-z]\)|\b(?:arts?|articles?|para(?:graph)?s?|chapters?|sections?|annex(?:es)?"
    r"|clauses?|preamble)\b",
    re.IGNORECASE,
)
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")  # 附 件 is 附件
_NOISE = re.compile(r"条款|条文|章节|章条|款项")

_CN_TOKENS = (
    ("part", re.compile(rf"第?({_N})编")),
    ("chapter", re.compile(rf"第?({_N})章")),
    ("section", re.compile(rf"第?({_N})节")),
    ("article", re.compile(rf"第?({_N})条(?:之({_N}))?")),
    ("paragraph", re.compile(rf"第?({_N})[款段]")),
    ("item", re.compile(rf"第?\(({_N})\)项?|第?({_N})项")),
    ("subitem", re.compile(rf"第?({_N})目")),
)
# A sub-item written as its label (1. or (1)) only right after an item: 第十二条（三）1.
_CN_SUBITEM_LABEL = re.compile(r"\((\d{1,3})\)|(\d{1,3})\.?(?![\d.])")
_CN_ANNEX = re.compile(rf"附[件录]([A-Z](?![a-z])|{_N})?")
_CN_PREAMBLE = re.compile(r"序言|前言|引言|preamble|recitals?", re.IGNORECASE)
_CN_JOINER = re.compile(r"中的|的|中")
_CN_STARTS = re.compile(r"第|附[件录]|序言|前言|引言")
_TERM = re.compile(rf"(?<=[{NUMERAL}])条款")

_EN_START = re.compile(
    r"(?<![a-z])(?:articles?|arts?|part|chapter|section|annex|preamble|recitals?)(?![a-z])",
    re.IGNORECASE,
)
_EN_NUMBER = r"(\d+|[ivxlc]+)"
_EN_DIVISION = re.compile(rf"\s*,?\s*(part|chapter|section)\s*{_EN_NUMBER}(?![a-z0-9])", re.I)
_EN_ARTICLE = re.compile(
    r"\s*,?\s*(?:articles?|arts?)\.?\s*(\d+)([a-z])?(?![a-z0-9])", re.IGNORECASE
)
_EN_ANNEX = re.compile(r"annex\s*(\d+|[ivxl]+|[a-z])(?![a-z0-9])", re.IGNORECASE)
_EN_TAIL = (
    ("paragraph", re.compile(r"\s*,?\s*(?:paragraph|para|par|§)\.?\s*\(?(\d+)\)?", re.I)),
    ("paragraph", re.compile(r"\s*\((\d+)\)")),
    ("paragraph", re.compile(r"\.(\d+)")),  # Article 12.2
    ("item", re.compile(r"\s*,?\s*(?:point|item|letter)?\s*\(([a-z]{1,2})\)", re.I)),
    ("item", re.compile(r"\s*,?\s*(?:point|item|letter)\s+([a-z]{1,2})(?![a-z])", re.I)),
    ("subitem", re.compile(r"\s*\(([ivxl]+)\)", re.I)),
)

_ITEM_LABEL = re.compile(r"\(?([a-z])\)", re.IGNORECASE)
_NOT_CLAUSES = re.compile(r"(?:表|图|页|table|figure|fig\.?|page|p\.?)\s*$", re.IGNORECASE)
_NUM_START = re.compile(r"(?<![A-Za-z0-9.])(?:\d|[A-Z]\.\d)")
_PATH = re.compile(r"([A-Z]|\d{1,3})((?:\.\d{1,3})*)(?:\s*(?:条款|条|章|节))?")
_STD_TAIL = (
    ("paragraph", re.compile(rf"\s*,?\s*第?\s*({_N})\s*段")),
    ("item", re.compile(r"\s*,?\s*\(?([a-z])\)\s*项?")),
    ("item", re.compile(r"\s*([a-z])(?=\s*(?:$|项|\(?\d{1,2}\)))\s*项?")),
    ("subitem", re.compile(r"\s*,?\s*\(?(\d{1,2})\)")),
)


@dataclass(frozen=True)
class Reading:
    """One way to read the text: its steps, and whether nothing else was written."""

    steps: tuple[tuple[str, object], ...]
    clean: bool
    left: str = ""  # what was not understood, for the reason of an unclean reading
    grammar: str = "legal"  # legal | std | exact

    @property
    def partial(self) -> bool:
        """A paragraph or item without its article (第三项): never resolved on its own."""
        return bool(self.steps) and LEVEL[self.steps[0][0]] > 3


def normalize(text: str) -> str:
    """NFKC (full-width digits and brackets), one space, no quotes or end punctuation."""
    text = unicodedata.normalize("NFKC", text or "").translate(_BRACKETS)
    return _SPACES.sub(" ", text).strip(_EDGES)


def compact(text: str) -> str:
    """The comparison form of a citation or caption: normalized, no spaces, lower case."""
    return _SPACES.sub("", normalize(text)).lower()


def is_general(text: str) -> bool:
    """Whether a normalized clause column says "the whole draft" (or nothing)."""
    return not text or bool(_GENERAL.fullmatch(_SPACES.sub("", text)))


def strip_prefix(text: str) -> str:
    return _PREFIX.sub("", text)


def understood(left: str) -> bool:
    """Whether text around a citation is only a description (规定, a caption, 条款)."""
    return not _STRUCTURAL.search(_NOISE.sub("", _CJK_SPACE.sub("", left)))


def readings(text: str) -> list[Reading]:
    """Every reading of a normalized citation: Chinese, English and numbered forms."""
    found: list[Reading] = []
    for reader in (_chinese, _english, _numbered, _item_label):
        for reading in reader(text):
            if reading.steps and reading not in found:
                found.append(reading)
    return found


def _number(text: str) -> int | None:
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def _reading(steps, before: str, after: str, grammar: str = "legal") -> Reading:
    left = f"{before} {after}".strip()
    return Reading(tuple(steps), understood(left), left, grammar)


def _chinese(text: str) -> list[Reading]:
    flat = _TERM.sub("条", _SPACES.sub("", text))  # 第12条款 is 第12条
    starts = [0] + [m.start() for m in _CN_STARTS.finditer(flat) if m.start()]
    for start in starts:
        steps, end = _scan_chinese(flat, start)
        if steps:
            return [_reading(steps, flat[:start], flat[end:])]
    return []


def _scan_chinese(flat: str, pos: int) -> tuple[list, int]:
    steps: list[tuple[str, object]] = []
    match = _CN_ANNEX.match(flat, pos) or _CN_PREAMBLE.match(flat, pos)
    if match:
        if match.re is _CN_PREAMBLE:
            return [("preamble", None)], match.end()
        value = match.group(1)
        steps.append(("annex", value if value is None or value.isupper() else _number(value)))
        pos = match.end()
    while pos < len(flat):
        joiner = _CN_JOINER.match(flat, pos) if steps else None
        at = joiner.end() if joiner else pos
        step = _cn_token(flat, at, steps)
        if step is None:
            break
        steps.append(step[0])
        pos = step[1]
    return steps, pos


def _cn_token(flat: str, pos: int, steps: list) -> tuple[tuple[str, object], int] | None:
    level = LEVEL[steps[-1][0]] if steps else -1
    for name, pattern in _CN_TOKENS:
        if LEVEL[name] <= level:
            continue
        match = pattern.match(flat, pos)
        if not match:
            continue
        number = _number(next(group for group in match.groups() if group))
        if number is None:
            return None
        if name == "article":
            suffix = _number(match.group(2)) if match.group(2) else 0
            return (("article", (number, suffix or 0)), match.end()) if suffix is not None else None
        return (name, number), match.end()
    if steps and steps[-1][0] == "item":
        match = _CN_SUBITEM_LABEL.match(flat, pos)
        if match:
            return ("subitem", int(match.group(1) or match.group(2))), match.end()
    return None


def _english(text: str) -> list[Reading]:
    start = _EN_START.search(text)
    if not start:
        return []
    pos, steps = start.start(), []
    preamble = _CN_PREAMBLE.match(text, pos)
    if preamble:
        return [_reading([("preamble", None)], text[:pos], text[preamble.end() :])]
    annex = _EN_ANNEX.match(text, pos)
    if annex:
        token = annex.group(1).upper()
        # As the English parser reads "Annex II" and "Annex B": I, V, X alone are Roman.
        if token.isdigit():
            value: object = int(token)
        elif len(token) > 1 or token in "IVX":
            value = roman_or_none(token)
        else:
            value = token
        steps.append(("annex", value))
        pos = annex.end()
    while not annex and (division := _EN_DIVISION.match(text, pos)):  # Part I, Chapter 1
        kind = division.group(1).lower()
        if steps and LEVEL[kind] <= LEVEL[steps[-1][0]]:
            break
        steps.append((kind, arabic_or_roman(division.group(2))))
        pos = division.end()
    article = None if annex else _EN_ARTICLE.match(text, pos)
    if article:
        suffix = ord(article.group(2).lower()) - 96 if article.group(2) else 0
        steps.append(("article", (int(article.group(1)), suffix)))
        pos = article.end()
    if steps and steps[-1][0] in ("article", "annex"):
        pos = _tail(text, pos, steps, _EN_TAIL)
    if any(value is None for _, value in steps):
        return []  # "Chapter CCC": not a number
    return [_reading(steps, text[: start.start()], text[pos:])] if steps else []


def _tail(text: str, pos: int, steps: list, tokens) -> int:
    """Read paragraph/item/sub-item markers after `pos`, each below the last; the new pos."""
    while True:
        level = LEVEL[steps[-1][0]]
        for name, pattern in tokens:
            match = pattern.match(text, pos)
            if LEVEL[name] <= level or not match:
                continue
            value = _tail_value(name, match.group(1), tokens is _EN_TAIL)
            if value is None:
                continue
            steps.append((name, value))
            pos = match.end()
            break
        else:
            return pos


def _tail_value(name: str, token: str, english: bool) -> int | None:
    if name == "paragraph" or (name == "subitem" and not english):
        return _number(token)
    if name == "item":
        try:
            return letter_to_int(token)
        except ValueError:
            return None
    return roman_or_none(token)


def _numbered(text: str) -> list[Reading]:
    """12, 12.2, 12(2)(c) (an article and below); 5.1.2 a), A.1, 5.1.2 第2段 (a standard)."""
    bare = _SPACES.sub("", text)
    if re.fullmatch(_N, bare) and not bare.isdigit():
        number = _number(bare)  # 十二: article 12, or clause 12 of a standard
        if number is None:
            return []
        return [
            Reading((("article", (number, 0)),), True),
            Reading((("clause", str(number)),), True, grammar="std"),
        ]
    start = _NUM_START.search(text)
    if not start:
        return []
    path = _PATH.match(text, start.start())
    head, parts = text[: start.start()], [path.group(1), *path.group(2).split(".")[1:]]
    if _NOT_CLAUSES.search(head) or text[path.end() :].lstrip().startswith("页"):
        return []  # 表1, 图2, 第5页: tables, figures and pages are not clauses
    found = []
    if parts[0].isdigit() and len(parts) <= 4:
        kinds = ("article", "paragraph", "item", "subitem")
        steps = [(kinds[0], (int(parts[0]), 0))]
        steps += [(kind, int(part)) for kind, part in zip(kinds[1:], parts[1:], strict=False)]
        pos = _tail(text, path.end(), steps, _EN_TAIL)
        reading = _reading(steps, head, text[pos:])
        if text[pos : pos + 1].isascii() and text[pos : pos + 1].isalpha():
            reading = Reading(reading.steps, False, reading.left)  # 5.1.2a is not article 5
        found.append(reading)
    if len(parts) > 1 or parts[0].isdigit():
        steps = [("clause", ".".join(parts))]
        pos = _tail(text, path.end(), steps, _STD_TAIL)
        found.append(_reading(steps, head, text[pos:], "std"))
    if head[-1:].isalnum():  # 见5.1.2: a word runs into the number; offer, do not match
        found = [Reading(r.steps, False, r.left, r.grammar) for r in found]
    return found


def _item_label(text: str) -> list[Reading]:
    """An item's label alone, (c) or c): read after a clause named before it (5.1.2 a)、b))."""
    match = _ITEM_LABEL.fullmatch(text)
    return [Reading((("item", letter_to_int(match.group(1))),), True)] if match else []


def numeral_trouble(text: str) -> tuple[str, str] | None:
    """The numeral of a numbered marker in the text that cannot be read (一百五 of 第一百五条)
    and why, if that is the case."""
    for match in re.finditer(rf"({_N})[编章节条款项目段]", _SPACES.sub("", text)):
        try:
            cn_to_int(match.group(1))
        except ValueError as error:
            return match.group(1), str(error)
    return None
