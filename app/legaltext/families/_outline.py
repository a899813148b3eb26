"""Divisions above the article (编/章/节, Part/Chapter/Section), shared by cn and en.

Parts are numbered through the document and sections restart in each chapter. Chapters under
parts come two ways: restarting in each part (the criminal code: 第二编 opens at 第一章) or
numbered on through the parts (the civil procedure law: 第二编 opens at 第十二章). The first
chapter of the second part tells which; from there every part must keep to it. A bare Markdown heading that names no division (the criminal code's "## 附则") becomes
an unnumbered division `div1`, `div2`… at the top level, so the articles under it are not
filed under the preceding chapter.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._tree import Node, Tree

_PREFIX = {"part": "pt", "chapter": "ch", "section": "sec"}
# Official texts space out short titles (总　则); the caption keeps the words only.
_LEADING = re.compile(r"^[\s\-—–:：.．、]+")
_SPACED_CJK = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


def tidy_caption(text: str) -> str:
    """Strip separators and the typographic spaces inside a Chinese title."""
    return _SPACED_CJK.sub("", _LEADING.sub("", text).strip())


class Outline:
    """The current part, chapter and section while the lines are read."""

    def __init__(self, tree: Tree, label: Callable[[str, int], str]) -> None:
        self.tree = tree
        self.label = label
        self.part: Node | None = None
        self.chapter: Node | None = None
        self.section: Node | None = None
        self.unnumbered = 0
        self.has_parts = False
        # The last numbered chapter of the document, whatever its part, and whether chapters
        # run on through the parts (None until the second part's first chapter says).
        self.last_chapter: int | None = None
        self.chapters_run_on: bool | None = None
        # The division just opened, still waiting for its first article (or its title line).
        self.opened: Node | None = None

    def container(self) -> Node | None:
        """The innermost open division: the parent of the next article."""
        return self.section or self.chapter or self.part

    def _holder(self, kind: str) -> Node | None:
        if kind == "part":
            return None
        if kind == "chapter":
            return self.part
        return self.chapter or self.part

    def expected(self, kind: str) -> int:
        """The number the next division of `kind` should carry (the one a refusal names
        first when two are possible)."""
        return self.allowed(kind)[0]

    def allowed(self, kind: str) -> tuple[int, ...]:
        """The numbers the next division of `kind` may carry: one, except for the first
        chapter of a later part while the document has not yet shown how it numbers them."""
        holder = self._holder(kind) or self.tree.root
        previous = holder.last.get(kind)
        if previous:
            return (previous[0] + 1,)
        if kind != "chapter" or self.part is None or self.last_chapter is None:
            return (1,)
        if self.chapters_run_on is None:
            return (1, self.last_chapter + 1)
        return (self.last_chapter + 1,) if self.chapters_run_on else (1,)

    def add(self, kind: str, number: int, caption: str, line: int) -> Node:
        """Open a numbered division, refusing numbering that skips or repeats."""
        parent = self._holder(kind)
        holder = parent or self.tree.root
        previous = holder.last.get(kind)
        allowed = self.allowed(kind)
        if len(allowed) > 1 and number not in allowed:
            self._refuse_either(kind, number, allowed, line)
        expected = number if number in allowed else allowed[0]
        self.tree.check(
            line,
            kind,
            (expected, 0),
            (number, 0),
            self.label(kind, expected),
            self.label(kind, number),
            previous,
        )
        if kind == "chapter":
            if len(allowed) > 1:
                self.chapters_run_on = number != 1
            self.last_chapter = number
        holder.last[kind] = (number, 0)
        key = (f"{parent.key}." if parent else "") + f"{_PREFIX[kind]}{number}"
        node = self.tree.add(
            kind,
            key,
            parent,
            number=number,
            label=self.label(kind, number),
            caption=tidy_caption(caption),
            line=line,
        )
        self._open(kind, node)
        return node

    def _refuse_either(self, kind: str, number: int, allowed: tuple[int, ...], line: int) -> None:
        """The first chapter of a later part carries neither 1 nor the number after the last
        chapter: say both (unless the import is forced)."""
        if self.tree.force:
            return
        run_on = allowed[-1]
        verb = "skips" if number > run_on else "repeats" if number == run_on - 1 else "goes back"
        labels = [self.label(kind, n) for n in allowed]
        self.tree.refuse(
            line,
            f"{kind} number {verb}",
            " or ".join(f"{label} ({n})" for label, n in zip(labels, allowed, strict=True)),
            f"{self.label(kind, number)} ({number})",
            expected=" or ".join(labels),
            found=self.label(kind, number),
        )

    def add_unnumbered(self, heading: str, line: int) -> Node:
        """Open a division named only by a heading; it sits at the top level."""
        kind = "part" if self.has_parts else "chapter"
        self.unnumbered += 1
        node = self.tree.add(
            kind, f"div{self.unnumbered}", None, number=None, label=heading, line=line
        )
        self._open(kind, node)
        return node

    def _open(self, kind: str, node: Node) -> None:
        if kind == "part":
            self.has_parts = True
            self.part, self.chapter, self.section = node, None, None
        elif kind == "chapter":
            self.chapter, self.section = node, None
        else:
            self.section = node
        self.opened = node
