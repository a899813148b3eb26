"""Standards drafted to GB/T 1.1 (std): 5 要求, 5.1.2 clauses, 段, a) items, 1) sub-items,
附录A（规范性） annexes with A.1 clauses, and a 前言/引言 preamble."""

from __future__ import annotations

import re

from ..frontmatter import Line
from ..model import Clause, ParseError
from ._tree import Node, Tree, heading_like
from .common import Annexes, Preamble

_CHAPTER = re.compile(r"(\d{1,3})\s+(\S.*)")
_CLAUSE = re.compile(r"(\d{1,3}(?:\.\d{1,3})+)(?:\s+(.*))?")
_ANNEX_CLAUSE = re.compile(r"([A-Z])((?:\.\d{1,3})+)(?:\s+(.*))?")
_ANNEX = re.compile(r"附\s*录\s*([A-Z])(.*)")
_NATURE = re.compile(r"\s*[（(](规范性|资料性)(?:附录)?[）)]\s*(.*)")
_ITEM = re.compile(r"([a-z])\)\s*(.*)")
_SUBITEM = re.compile(r"(\d{1,3})\)\s*(.*)")
_SPACES = re.compile(r"\s+")
PREAMBLE_HEADINGS = ("前言", "引言")

Path = tuple  # (5, 1, 2) in the body, ("A", 1, 2) in annex A


def is_structural(text: str) -> bool:
    """Whether a line opens a numbered clause (5.1.2) or a chapter (5 要求)."""
    if _CLAUSE.fullmatch(text) or _ANNEX_CLAUSE.fullmatch(text):
        return True
    match = _CHAPTER.fullmatch(text)
    return bool(match and heading_like(match.group(2)))


def _show(path: Path) -> str:
    return ".".join(str(part) for part in path)


class StandardParser:
    """One pass over the lines of a GB/T 1.1 standard."""

    def __init__(self, lines: list[Line], meta: dict[str, str], force: bool) -> None:
        self.lines = lines
        self.tree = Tree("std", force=force)
        self.preamble = Preamble(self.tree, "前言")
        self.annexes = Annexes(self.tree)
        self.nodes: dict[Path, Node] = {}
        self.current: Path = ()  # the open clause; () before chapter 1
        self.node: Node | None = None  # the node that takes paragraphs (clause or annex)
        self.paragraph: Node | None = None
        self.item: Node | None = None
        self.previous = ""  # item/subitem when the last line was one
        self.awaiting: list[str] = []  # what an annex heading still expects: nature, title

    def parse(self) -> list[Clause]:
        last_clause = max(
            (i for i, line in enumerate(self.lines) if is_structural(line.text)), default=-1
        )
        for index, line in enumerate(self.lines):
            if self.preamble.skipping(line.text):
                continue
            if self._annex_heading(line):
                continue
            if index > last_clause and line.hashes and not is_structural(line.text):
                self.node = self.annexes.open(line.text, None, "", line.no)  # 参考文献, 索引
                self.current, self.paragraph, self.item = ("#",), None, None
                continue
            self._line(line)
        if not self.nodes:
            raise ParseError(1, "no numbered clauses found")
        return self.tree.freeze(" ")

    def _annex_heading(self, line: Line) -> bool:
        text = line.text
        if self.awaiting:
            expects = self.awaiting.pop(0)
            nature = _NATURE.fullmatch(text)
            title = nature.group(2) if nature else ""
            if (
                expects == "nature"
                and nature
                and heading_like(title)
                and not (title and self.node.caption)
            ):
                self.node.label += f"（{nature.group(1)}）"
                if title:  # "（规范性）标题" on one line
                    self.node.caption, self.awaiting = title, []
                return True
            if expects == "nature" and self.awaiting:
                expects = self.awaiting.pop(0)
            if expects == "title" and heading_like(text) and not is_structural(text):
                self.node.caption = text
                return True
            self.awaiting = []
        match = _ANNEX.fullmatch(text)
        if not match:
            return False
        rest, label = match.group(2).strip(), f"附录{match.group(1)}"
        nature = _NATURE.match(rest)
        if nature:
            label += f"（{nature.group(1)}）"
            rest = nature.group(2).strip()
        if not heading_like(rest):
            return False  # "附录A给出了…。" is a sentence about the annex
        self.node = self.annexes.open(label, match.group(1), rest, line.no)
        self.nodes[(match.group(1),)] = self.node
        self.current, self.paragraph, self.item = (match.group(1),), None, None
        self.awaiting = ([] if nature else ["nature"]) + ([] if rest else ["title"])
        return True

    def _line(self, line: Line) -> None:
        text = line.text
        match = _CLAUSE.fullmatch(text)
        if match:
            self._clause(tuple(int(n) for n in match.group(1).split(".")), match.group(2), line)
            return
        match = _ANNEX_CLAUSE.fullmatch(text)
        if match and self.current[:1] != () and isinstance(self.current[0], str):
            path = (match.group(1), *(int(n) for n in match.group(2)[1:].split(".")))
            self._clause(path, match.group(3), line)
            return
        match = _CHAPTER.fullmatch(text)
        if match and heading_like(match.group(2)) and (self.nodes or match.group(1) != "0"):
            self._clause((int(match.group(1)),), match.group(2), line)
            return
        if self.node is None:
            heading = _SPACES.sub("", text)
            if heading in PREAMBLE_HEADINGS and self.preamble.node is None:
                self.preamble.open(heading, line.no)
            else:
                self.preamble.add(text, line.no)
        elif self.node.kind == "annex":
            self.node.lines.append(text)  # words of the annex before its first clause
        else:
            self._body(text, line.no)

    def _clause(self, path: Path, rest: str | None, line: Line) -> None:
        parent_path = path[:-1]
        parent = self.nodes.get(parent_path) if parent_path else None
        inside = self.current[: len(parent_path)] == parent_path
        if parent_path and (parent is None or not inside):
            self._misplaced(path, line)
            parent = self._nearest(parent_path)
        holder = parent or self.tree.root
        previous = holder.last.get("clause")
        expected = (previous[0] + 1 if previous else 1, 0)
        self.tree.check(
            line.no,
            "clause",
            expected,
            (path[-1], 0),
            _show((*parent_path, expected[0])),
            _show(path),
            previous,
        )
        holder.last["clause"] = (path[-1], 0)
        words = (rest or "").strip()
        caption = words if heading_like(words) else ""
        kind = "chapter" if len(path) == 1 else "article"
        key = _show(path)
        node = self.tree.add(
            kind, key, parent, number=path[-1], label=key, caption=caption, line=line.no
        )
        self.nodes[path] = node
        self.current, self.node, self.paragraph, self.item = path, node, None, None
        if words and not caption:
            self._paragraph(words, line.no)  # "5.1.1 text…": the words start at once

    def _misplaced(self, path: Path, line: Line) -> None:
        """A clause whose parent is not open: 5.3.1 right after 5.1.2, or 7.1 without 7."""
        if self.tree.force:
            return
        depth = len(path) - 1
        base = self.current[:depth] if len(self.current) >= depth else self.current
        holder = self.nodes.get(base) if base else None
        last = (holder or self.tree.root).last.get("clause")
        expected = _show((*base, last[0] + 1 if last else 1))
        self.tree.refuse(
            line.no,
            "clause number does not follow",
            expected,
            _show(path),
            expected=expected,
            found=_show(path),
        )

    def _nearest(self, path: Path) -> Node | None:
        while path and path not in self.nodes:
            path = path[:-1]
        return self.nodes.get(path) if path else None

    def _body(self, text: str, no: int) -> None:
        match = _ITEM.fullmatch(text)
        if match:
            self._item(ord(match.group(1)) - 96, match.group(2).strip(), no)
            return
        match = _SUBITEM.fullmatch(text)
        if match and self.item is not None and self.previous in ("item", "subitem"):
            self._subitem(int(match.group(1)), match.group(2).strip(), no)
            return
        self._paragraph(text, no)

    def _paragraph(self, text: str, no: int) -> Node:
        node = self.node
        assert node is not None
        number = node.last.get("paragraph", (0, 0))[0] + 1
        self.paragraph = self.tree.child(
            "paragraph", node, number, _paragraph_label, line=no, text=text
        )
        self.item, self.previous = None, "paragraph"
        return self.paragraph

    def _item(self, number: int, text: str, no: int) -> None:
        paragraph = self.paragraph or self._paragraph("", no)  # a list right under the title
        self.item = self.tree.child("item", paragraph, number, _letter, line=no, text=text)
        self.previous = "item"

    def _subitem(self, number: int, text: str, no: int) -> None:
        assert self.item is not None
        self.tree.child("subitem", self.item, number, _digit, line=no, text=text)
        self.previous = "subitem"


def _paragraph_label(number: int) -> str:
    return f"第{number}段"


def _letter(number: int) -> str:
    return f"{chr(96 + number)})" if 0 < number <= 26 else f"{number})"


def _digit(number: int) -> str:
    return f"{number})"


def parse_standard(lines: list[Line], meta: dict[str, str], force: bool) -> list[Clause]:
    """Parse the body lines of a GB/T 1.1 standard into clauses."""
    return StandardParser(lines, meta, force).parse()
