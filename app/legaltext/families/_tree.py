"""The clause tree under construction, shared by the three family parsers.

A family parser walks the lines once and calls `Tree.add` for every clause; the tree keeps
keys unique, refuses numbering that skips or repeats (unless forced), and finally freezes the
nodes into `Clause`s with their text and citation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..citations import citations_for
from ..model import Clause, ParseError

_SHORT = {"paragraph": "p", "item": "i", "subitem": "s"}
# Sentence punctuation that marks a line as text rather than a heading or caption.
_SENTENCE_PUNCT = re.compile(r"[。；;，,：:！？!?]")
_FINAL_PUNCT = ".;:,。；：，!?！？"


def heading_like(text: str, limit: int = 40) -> bool:
    """Short and without sentence punctuation: a title, not a sentence."""
    return len(text) <= limit and not _SENTENCE_PUNCT.search(text)


def caption_like(text: str, limit: int = 80) -> bool:
    """Short and without final punctuation (English captions may contain commas)."""
    return 0 < len(text) <= limit and text[-1] not in _FINAL_PUNCT


@dataclass(eq=False)
class Node:
    """A clause while the tree is built: mutable, with its own text lines and children."""

    kind: str
    key: str
    number: int | None
    suffix: int
    label: str
    caption: str
    parent: Node | None
    line: int
    lines: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    deleted: bool = False
    # Numbering state of the children: kind -> last (number, suffix) seen.
    last: dict[str, tuple[int, int]] = field(default_factory=dict)


class Tree:
    """Collects nodes in document order; checks numbering and key uniqueness."""

    def __init__(self, family: str, *, force: bool) -> None:
        self.family = family
        self.force = force
        self.nodes: list[Node] = []
        self.root = Node("root", "", None, 0, "", "", None, 0)
        self.last_article: tuple[int, int] | None = None
        self._keys: set[str] = set()

    def add(
        self,
        kind: str,
        key: str,
        parent: Node | None,
        *,
        number: int | None,
        label: str,
        line: int,
        suffix: int = 0,
        caption: str = "",
        text: str | None = None,
    ) -> Node:
        """Append a clause; a repeated key is refused, or made unique (r2, r3) when forced."""
        if key in self._keys:
            if not self.force:
                raise ParseError(line, f"{label or kind} appears twice (key {key})", found=label)
            count = 2
            while f"{key}r{count}" in self._keys:
                count += 1
            key = f"{key}r{count}"
        self._keys.add(key)
        node = Node(kind, key, number, suffix, label, caption, parent, line)
        if text is not None:
            node.lines.append(text)
        (parent or self.root).children.append(node)
        self.nodes.append(node)
        return node

    def child(
        self,
        kind: str,
        parent: Node,
        number: int,
        label_of: Callable[[int], str],
        *,
        line: int,
        text: str = "",
        after: int | None = None,
    ) -> Node:
        """Add the next paragraph, item or sub-item of `parent`, checking that it runs on.

        `after` overrides the number it must follow (a list that began inline).
        """
        previous = parent.last.get(kind) or ((after, 0) if after else None)
        expected = (previous[0] + 1 if previous else 1, 0)
        what = "sub-item" if kind == "subitem" else kind
        found_label = label_of(number)
        self.check(line, what, expected, (number, 0), label_of(expected[0]), found_label, previous)
        parent.last[kind] = (number, 0)
        key = f"{parent.key}.{_SHORT[kind]}{number}"
        return self.add(kind, key, parent, number=number, label=found_label, text=text, line=line)

    def next_article(
        self,
        line: int,
        found: tuple[int, int],
        label_of: Callable[[int, int], str],
        *,
        strict: bool = True,
    ) -> bool:
        """Check that article (number, suffix) follows the last one: n+1, or n之(s+1).

        Articles run through the whole document. When not `strict`, a number that does not
        follow returns False instead: the line quotes an article rather than opening one.
        """
        previous = self.last_article
        valid = (
            [(1, 0)] if previous is None else [(previous[0] + 1, 0), (previous[0], previous[1] + 1)]
        )
        if found not in valid and not strict:
            return False
        inserted = previous is not None and found[0] == previous[0] and found[1] > 0
        expected = valid[1] if inserted else valid[0]
        self.check(
            line, "article", expected, found, label_of(*expected), label_of(*found), previous
        )
        self.last_article = found
        return True

    def check(
        self,
        line: int,
        what: str,
        expected: tuple[int, int],
        found: tuple[int, int],
        expected_label: str,
        found_label: str,
        previous: tuple[int, int] | None = None,
    ) -> None:
        """Refuse `found` where numbering wanted `expected`, unless the import is forced."""
        if found == expected or self.force:
            return
        if found > expected:
            verb = "skips"
        elif found == previous:
            verb = "repeats"
        else:
            verb = "goes back"
        self.refuse(
            line,
            f"{what} number {verb}",
            f"{expected_label} ({_show(expected)})",
            f"{found_label} ({_show(found)})",
            expected=expected_label,
            found=found_label,
        )

    def refuse(
        self,
        line: int,
        what: str,
        expected_text: str,
        found_text: str,
        *,
        expected: str,
        found: str,
    ) -> None:
        """Raise the numbering error (callers have already checked `force`)."""
        raise ParseError(
            line,
            f"{what}: expected {expected_text}, found {found_text}",
            expected=expected,
            found=found,
        )

    def freeze(self, joiner: str, *, paragraph_labels: bool = False) -> list[Clause]:
        """Turn the nodes into Clauses: text assembled, citations computed.

        `joiner` separates a label from its words when an article's text lists its items
        ('' for Chinese: '（一）text'; ' ' for English and standards: '(a) text');
        `paragraph_labels` puts English paragraph numbers ('1.') in front of their lines.
        """
        texts = self._texts(joiner, paragraph_labels)
        drafts = [
            Clause(
                key=node.key,
                kind=node.kind,
                number=node.number,
                suffix=node.suffix,
                label=node.label,
                caption=node.caption,
                parent=node.parent.key if node.parent else None,
                position=position,
                text=texts[position],
                citation="",
                line=node.line,
                deleted=node.deleted,
            )
            for position, node in enumerate(self.nodes)
        ]
        citations = citations_for(self.family, drafts)
        return [replace(clause, citation=citations[clause.key]) for clause in drafts]

    def _texts(self, joiner: str, paragraph_labels: bool) -> list[str]:
        """Own words of each node; an article also gathers its paragraphs and items in order."""
        texts: list[str] = []
        gathered: dict[int, list[str]] = {}  # id(article) -> its lines so far
        for node in self.nodes:
            words = "\n".join(node.lines)
            if node.kind in ("part", "chapter", "section"):
                words = ""
            texts.append(words)
            if node.kind == "article":
                gathered[id(node)] = []
                continue
            article = node.parent
            while article is not None and article.kind in ("paragraph", "item"):
                article = article.parent
            if article is None or article.kind != "article":
                continue
            if node.kind == "paragraph":
                labelled = paragraph_labels and node.label
                line = f"{node.label} {words}".strip() if labelled else words
                if line:  # an empty first paragraph only holds a list: "Article 9" + "(a) …"
                    gathered[id(article)].append(line)
            elif node.kind in ("item", "subitem"):
                gathered[id(article)].append(node.label + joiner + words)
        for position, node in enumerate(self.nodes):
            if node.kind == "article":
                texts[position] = "\n".join(gathered[id(node)])
        return texts


def _show(number: tuple[int, int]) -> str:
    return f"{number[0]}-{number[1]}" if number[1] else str(number[0])
