"""The revision as a tree for reading pages, built from one query in document order."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import select

from app.extensions import db
from app.measures.models import Clause, Revision

STRUCTURAL = ("part", "chapter", "section", "annex", "preamble")
TEXT_MODES = ("zh", "en", "both")


@dataclass(slots=True)
class Node:
    clause: Clause
    level: int  # heading level on the revision page (h2…h6); only structural kinds and articles
    children: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Tree:
    roots: list[Node]
    nodes: dict[str, Node]
    by_id: dict[int, Node]

    def toc(self) -> list[Node]:
        """Structural nodes, or the articles themselves in a draft that has no chapters."""
        if any(n.clause.kind in STRUCTURAL for n in self.roots):
            return self.roots
        return [n for n in self.roots if n.clause.kind == "article"]

    def ancestors(self, key: str) -> list[Clause]:
        chain = []
        node = self.nodes.get(key)
        while node and node.clause.parent_id:
            node = self.by_id[node.clause.parent_id]
            chain.append(node.clause)
        return list(reversed(chain))


def load_tree(revision: Revision) -> Tree:
    """All clauses of ``revision`` in document order, linked into a tree."""
    clauses = db.session.scalars(
        select(Clause).where(Clause.revision_id == revision.id).order_by(Clause.position)
    ).all()
    by_id: dict[int, Node] = {}
    roots: list[Node] = []
    nodes: dict[str, Node] = {}
    for clause in clauses:
        parent = by_id.get(clause.parent_id) if clause.parent_id else None
        level = _level(clause, parent)
        node = Node(clause, level)
        by_id[clause.id] = node
        nodes[clause.key] = node
        (parent.children if parent else roots).append(node)
    return Tree(roots, nodes, by_id)


def _level(clause: Clause, parent: Node | None) -> int:
    if parent is None:
        return 2
    if clause.kind in STRUCTURAL or clause.kind == "article":
        return min(parent.level + 1, 6)
    return parent.level


def article_range(node: Node) -> tuple[Clause, Clause] | None:
    """First and last article under a structural node, for the table of contents."""
    first = last = None
    stack = [node]
    while stack:
        current = stack.pop()
        if current.clause.kind == "article":
            first = first or current.clause
            last = current.clause
            continue  # articles do not nest articles in Chinese law; std clauses are handled below
        stack.extend(reversed(current.children))
    return (first, last) if first else None


class FragmentCache:
    """Rendered HTML of published drafts, kept per process.

    A revision's text never changes once stored (re-import with other content is refused), so
    its rendering is keyed by the text's checksums: adding the English text changes the key.
    Derived data only: every process can rebuild it from the database.
    """

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self.entries: dict[tuple, bytes] = {}
        self.lock = threading.Lock()  # gunicorn serves with threads

    def get_or_render(self, key: tuple, render) -> bytes:
        with self.lock:
            value = self.entries.pop(key, None)
            if value is not None:
                self.entries[key] = value  # most recently used last
                return value
        value = render()  # outside the lock: two first requests may both render, harmlessly
        with self.lock:
            self.entries[key] = value
            while len(self.entries) > self.size:
                self.entries.pop(next(iter(self.entries)))
        return value


fragments = FragmentCache()


def draft_cache_key(revision: Revision, mode: str, language: str, part: str) -> tuple:
    return (part, revision.id, revision.source_sha256, revision.source_en_sha256, mode, language)
