"""Pieces every family shares: reading numbers, the preamble (with its 目录 block), annexes."""

from __future__ import annotations

import re

from ..model import ParseError
from ..numerals import cn_to_int
from ._tree import Node, Tree, heading_like

_TOC_WORDS = {"目录", "目次", "contents", "tableofcontents"}
_PAGE_NUMBER = re.compile(r"[\s.…·．]*(\d+|[IVX]+)?$")
_SPACE = re.compile(r"\s+")


def read_number(text: str, no: int, *, strict: bool) -> int | None:
    """Read a Chinese or Arabic numeral; None if unreadable and not `strict`."""
    try:
        return cn_to_int(text)
    except ValueError as error:
        if strict:
            raise ParseError(no, f"cannot read the number {text!r}: {error}") from error
        return None


def _toc_entry(text: str) -> str:
    return _PAGE_NUMBER.sub("", _SPACE.sub("", text))


class Preamble:
    """Text before the first structural line; a table of contents inside it is skipped."""

    def __init__(self, tree: Tree, label: str) -> None:
        self.tree = tree
        self.label = label
        self.node: Node | None = None
        self._toc: str | None = None  # first entry of the table of contents being skipped
        self._in_toc = False

    def open(self, label: str, no: int) -> None:
        """Start the preamble at its own heading (a standard's 前言/引言), which is its label
        rather than a line of its text."""
        if self.node is None:
            self.node = self.tree.add("preamble", "pre", None, number=None, label=label, line=no)

    def add(self, text: str, no: int) -> None:
        """Add a preamble line (or start skipping a 目录 block)."""
        if _SPACE.sub("", text).lower() in _TOC_WORDS:
            self._in_toc, self._toc = True, None
            return
        if self.node is None:
            self.node = self.tree.add(
                "preamble", "pre", None, number=None, label=self.label, line=no
            )
        self.node.lines.append(text)

    def skipping(self, text: str) -> bool:
        """Whether `text` is an entry of the table of contents being skipped.

        The block ends where its first entry comes back as the real heading, or at the first
        line that is not a short title (the text proper).
        """
        if not self._in_toc:
            return False
        entry = _toc_entry(text)
        if self._toc is None:
            self._toc = entry
            return True
        if entry != self._toc and heading_like(text, 60):
            return True
        self._in_toc = False
        return False


class Annexes:
    """Annexes after the last article: 附件一 -> annex1, 附录A -> annexA, Annex II -> annex2."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.current: Node | None = None
        self.count = 0

    def open(self, label: str, number: int | str | None, caption: str, no: int) -> Node:
        """Open an annex; `number` is an int, a capital letter, or None (numbered in order)."""
        self.count += 1
        if isinstance(number, str):
            key, ordinal = f"annex{number}", ord(number) - ord("A") + 1
        else:
            ordinal = self.count if number is None else number
            key = f"annex{ordinal}"
        self.current = self.tree.add(
            "annex", key, None, number=ordinal, label=label, caption=caption, line=no
        )
        return self.current

    def add_text(self, text: str) -> bool:
        """Add a body line to the open annex; False when no annex is open."""
        if self.current is None:
            return False
        self.current.lines.append(text)
        return True
