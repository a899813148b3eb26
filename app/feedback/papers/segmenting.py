"""A letter's blocks into segments, one per point, each anchored to the clause it cites.

The letter is read as its writer laid it out: headings and numbered points (一、 （一） 1. 1、
(1) ①, or Word's own list numbering) open points, the outer kind first met; each table row
is a point; a paragraph that cites another clause opens a point of its own. A heading (a
short line with no sentence in it, over numbered points or naming a topic: 一、总体意见,
二、关于第十二条) is not a point: its clause is the one its points fall back to. A paragraph
that continues a point without citing a clause (its reasons, 理由：…, 建议修改为…) stays with
it. The letterhead, the salutation, the announcement (现提出如下意见：), the closing formula,
the signature block and quoted lines are left out (noise.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import noise
from .anchoring import Anchorer
from .extracting import PAGE_NUMBER
from .model import Block, Segment
from .numbering import marker_of

_SENTENCE = re.compile(r"[。；;！!？?]")
_TOPIC = re.compile(
    r"^(?:关于|对于?|有关|针对|就)|(?:意见|建议|问题|方面|部分|内容|修改|条款|事项)[：:]?$|[：:]$"
)
_GENERAL = re.compile(r"^(?:总体|总的|整体|综合|通篇|全文|一般性|原则性)")
_WHOLE = re.compile(r"本办法|本规定|本条例|本细则|本标准|征求意见稿|总体|整体|通篇|全文")
_CONTINUES = re.compile(
    r"^(?:理由|原因|依据|说明|修改理由|建议理由|主要理由|具体理由|考虑|背景|因此|所以|例如|比如|即|其中|同时|并且|且|但|而"
    r"|该|本条|此|上述|这|具体|修改为|改为|建议修改为|建议改为|建议将(?:该|此|本)|建议删除(?:该|此|本))"
)
_HEADER_WORDS = re.compile(r"序号|编号|条款|条目|章节|章条|条文|位置|意见|建议|理由|依据|说明|原文")
_ROLES = (
    ("serial", re.compile(r"^(?:序\s*号|编\s*号|No\.?)$", re.IGNORECASE)),
    ("clause", re.compile(r"条款|条目|章节|章条|条文(?:编号|序号)|条号|位置|所在")),
    ("quote", re.compile(r"原文|原条文|征求意见稿|现行|草案")),
    ("reason", re.compile(r"理由|依据|说明|原因")),
    ("comment", re.compile(r"意见|建议|修改|内容")),
)


@dataclass
class _Point:
    clause: str | None
    citation: str
    where: str
    parts: list[str] = field(default_factory=list)
    level: int = 99  # the numbering level it was opened at (99: a paragraph or a row)
    open: bool = True  # paragraphs that follow may continue it


@dataclass
class _Frame:
    level: int
    clause: str | None


def split_blocks(blocks: list[Block], anchorer: Anchorer) -> list[Segment]:
    """The segments of a letter, in document order."""
    lines = _content(blocks)
    levels = _levels(lines)
    points: list[_Point] = []
    frames: list[_Frame] = []  # the headings and points above the current line
    columns: _Columns | None = None
    table_rows = 0
    for position, (number, block) in enumerate(lines):
        context = frames[-1].clause if frames else None
        where = f"paragraph {number}"
        if block.kind == "row":
            table_rows += 1
            if _is_header(block):
                columns = _columns(block)
                continue
            point = _row_point(block, columns, anchorer, context, f"row {table_rows}")
            if point is not None:
                points.append(point)
            continue
        columns = None
        marker = _marker(block)
        if marker is not None:
            kind, rest = marker
            level = levels[kind]
            while frames and frames[-1].level >= level:
                frames.pop()
            context = frames[-1].clause if frames else None
            if _is_heading(block, rest, level, _next_text(lines, position), levels):
                anchor = anchorer.anchor(rest, context=context)
                clause = None if _GENERAL.match(rest) else (anchor.key or context)
                frames.append(_Frame(level, clause))
                if points:
                    points[-1].open = False
                continue
            anchor = anchorer.anchor(rest, context=context)
            clause = anchor.key or context
            points.append(_Point(clause, anchor.words, where, [rest], level))
            frames.append(_Frame(level, clause))
            continue
        text = block.text
        current = points[-1] if points and points[-1].open else None
        anchor = anchorer.anchor(text, context=current.clause if current else context)
        if _bare_topic(text):  # 关于第十二条： on a line of its own heads what follows
            while frames and frames[-1].level >= 98:
                frames.pop()
            frames.append(_Frame(98, anchor.key or (None if _GENERAL.match(text) else context)))
            if points:
                points[-1].open = False
            continue
        continues = current is not None and (
            _CONTINUES.match(text)
            or current.parts[-1].rstrip().endswith(("：", ":"))
            or (not anchor.key and current.level < 99)
            or (anchor.key is not None and anchor.key == current.clause)
        )
        if continues:
            current.parts.append(text)
            continue
        # 本办法总体可行 under 关于第十四条： speaks of the whole draft, not of article 14
        clause = anchor.key or (None if _WHOLE.search(text) else context)
        points.append(_Point(clause, anchor.words, where, [text]))
    segments = []
    for point in points:
        body = noise.without_trailing_closing("\n".join(p for p in point.parts if p).strip())
        if body:
            segments.append(Segment(body, point.clause, point.citation, point.where))
    return segments


# -- what is content -----------------------------------------------------------------------------


def _content(blocks: list[Block]) -> list[tuple[int, Block]]:
    """The blocks that may be comments, numbered as in the file (paragraph N)."""
    numbered = list(enumerate(blocks, start=1))
    repeated = Counter(b.text for b in blocks if len(b.text) <= 40 and b.kind != "row")
    kept = []
    for number, block in numbered:
        text = block.text
        if (
            noise.is_quote(text)
            or noise.is_signature(text)
            or noise.is_closing(text)
            or PAGE_NUMBER.match(text)
            or (repeated[text] >= 3 and not marker_of(text) and not text.endswith(("：", ":")))
        ):
            continue
        if block.kind != "row" and noise.is_introduction(text) and not _cites(text):
            continue
        kept.append((number, block))
    return _without_head_and_tail(kept)


def _cites(text: str) -> bool:
    return bool(re.search(r"第\s*\S{1,6}\s*[条款项章节]|\d+\s*条", text))


def _without_head_and_tail(lines: list[tuple[int, Block]]) -> list[tuple[int, Block]]:
    """Leave out the letterhead and salutation before the first point, and the signature
    block (the sender's name, a closing formula) after the last sentence."""
    start = 0
    for index, (_, block) in enumerate(lines):
        text = block.text
        if block.kind == "row" or _marker(block) is not None or block.heading:
            break
        if noise.is_letterhead(text) or (noise.is_salutation(text) and not _TOPIC.search(
                text.rstrip("：:"))):  # fmt: skip
            start = index + 1
            continue
        if len(text) <= 40 and not _SENTENCE.search(text) and not _cites(text):
            start = index + 1  # the sender's name over the letter, a subtitle
            continue
        break
    end = len(lines)
    while end > start:
        block = lines[end - 1][1]
        text = block.text
        if block.kind == "row" or _marker(block) is not None or _cites(text):
            break
        if (
            len(text) <= 40
            and not re.search(r"[，,；;！!？?：:]", text)
            and (not _SENTENCE.search(text.rstrip("。")) or noise.is_closing(text))
        ):
            end -= 1  # 中国认证认可协会 / 二〇二六年十一月 under the letter
            continue
        break
    return lines[start:end]


# -- numbering and headings ----------------------------------------------------------------------


def _marker(block: Block) -> tuple[str, str] | None:
    """The kind of numbering a block starts with and its text without it."""
    found = marker_of(block.text)
    if found is not None:
        return found.kind, found.rest
    if block.outline is not None:
        return f"list{block.outline}", block.text
    if block.heading:
        return f"heading{block.heading}", block.text
    return None


def _levels(lines: list[tuple[int, Block]]) -> dict[str, int]:
    """Each kind of numbering's depth: heading styles outermost, then in order of first use."""
    kinds: dict[str, int] = {}
    found = [m[0] for _, b in lines if (m := _marker(b)) is not None]
    for kind in sorted({k for k in found if k.startswith("heading")}):
        kinds[kind] = len(kinds)
    for kind in found:
        kinds.setdefault(kind, len(kinds))
    return kinds


def _next_text(lines: list[tuple[int, Block]], position: int) -> Block | None:
    """The first block after ``position`` that is not a table row."""
    return next((b for _, b in lines[position + 1 : position + 50] if b.kind != "row"), None)


def _is_heading(block: Block, rest: str, level: int, following, levels) -> bool:
    """A title over what follows rather than a point: a heading style, or a short line without
    a sentence that is followed by deeper points, or names a topic (关于第五条, 总体意见)."""
    if block.heading:
        return True
    if len(rest) > 30 or _SENTENCE.search(rest.rstrip("：:")):
        return False
    if following is None:
        return False
    nxt = _marker(following)
    if nxt is not None and levels[nxt[0]] > level:
        return True
    if nxt is not None and levels[nxt[0]] <= level:
        return False  # a short point next to its sibling: a point
    return bool(_TOPIC.search(rest) or _GENERAL.match(rest) or _only_citation(rest))


def _only_citation(text: str) -> bool:
    stripped = re.sub(
        r"[第条款项目章节之（）()\s“”\"：:、，,]|[〇零一二三四五六七八九十百千两0-9０-９]", "", text
    )
    return stripped == "" and _cites(text)


def _bare_topic(text: str) -> bool:
    """关于第十二条： / 第十二条： / 总体意见： on a line of its own, over the paragraphs on it."""
    if len(text) > 30 or _SENTENCE.search(text.rstrip("：:")):
        return False
    core = text.rstrip("：: ")
    return bool(
        (text.endswith(("：", ":")) and (_cites(core) or _GENERAL.match(core)))
        or _only_citation(core)
        or re.match(
            r"^关于.{0,20}(?:第\s*\S{1,6}\s*[条款项章节])(?:的意见|的修改意见|的建议)?$", core
        )
    )


# -- tables --------------------------------------------------------------------------------------


def _is_header(block: Block) -> bool:
    cells = [c for c in block.cells if c]
    return (
        bool(cells)
        and all(len(c) <= 12 for c in cells)
        and sum(bool(_HEADER_WORDS.search(c)) for c in cells) >= max(1, len(cells) // 2)
    )


@dataclass(frozen=True)
class _Columns:
    """What each column of a table of comments holds, from its header row."""

    roles: dict[int, str]
    header: tuple[str, ...]


def _columns(block: Block) -> _Columns:
    roles: dict[int, str] = {}
    for index, cell in enumerate(block.cells):
        for role, pattern in _ROLES:
            if pattern.search(cell):
                roles[index] = role
                break
    return _Columns(roles, block.cells)


def _row_point(block: Block, columns, anchorer: Anchorer, context, where) -> _Point | None:
    cells = list(block.cells)
    roles = columns.roles if columns else {}
    header = columns.header if columns else ()
    clause, citation = None, ""
    texts = []
    for index, cell in enumerate(cells):
        role = roles.get(index)
        if not cell:
            continue
        if role == "serial" or (
            role is None
            and index == 0
            and re.fullmatch(r"[0-9一二三四五六七八九十]{1,3}[.、]?", cell)
        ):
            continue
        if role == "quote":
            continue
        if role == "clause" or (role is None and clause is None and len(cell) <= 20 and _cites(cell)
                                and anchorer.anchor(cell).key and _only_citation(cell)):  # fmt: skip
            anchor = anchorer.anchor(cell, context=context)
            if anchor.key:
                clause, citation = anchor.key, anchor.words
            elif role == "clause" and _GENERAL.match(cell):
                clause = None
            continue
        if role == "reason" and index < len(header) and header[index]:
            texts.append(f"{header[index]}：{cell}")
        else:
            texts.append(cell)
    if not texts:
        return None
    if clause is None and not any(r == "clause" for r in roles.values()):
        anchor = anchorer.anchor(texts[0], context=context)
        clause, citation = anchor.key or context, anchor.words
    return _Point(clause, citation, where, ["\n".join(texts)], open=False)
