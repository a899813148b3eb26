"""The revision as a tree for reading pages, built from one query in document order."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from app.core.extensions import db
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

    def neighbours(self, key: str) -> tuple[Clause | None, Clause | None]:
        """Previous and next unit for a clause page: the innermost article holding ``key``
        (itself, for an article), then the articles at the same article depth in document
        order. In a standard, 5.1 and 5.1.1 are both articles: 5.1.2's neighbours are 5.1.1
        and 5.2.1, 5.1's are 4.3 and 5.2; a Chinese or English draft has one depth."""
        chain = [*self.ancestors(key), self.nodes[key].clause]
        inner = [c for c in chain if c.kind == "article"]
        if not inner:
            return None, None
        article, depth = inner[-1], len(inner) - 1
        same_depth = sorted(
            (
                node.clause
                for node in self.nodes.values()
                if node.clause.kind == "article" and self._article_depth(node) == depth
            ),
            key=lambda clause: clause.position,
        )
        index = same_depth.index(article)
        previous = same_depth[index - 1] if index > 0 else None
        following = same_depth[index + 1] if index + 1 < len(same_depth) else None
        return previous, following

    def _article_depth(self, node: Node) -> int:
        depth = 0
        while node.clause.parent_id:
            node = self.by_id[node.clause.parent_id]
            depth += node.clause.kind == "article"
        return depth


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


def draft_cache_key(revision: Revision, mode: str, language: str, comment_open: bool) -> tuple:
    """What the rendered draft depends on. ``comment_open``: the per-article comment links.

    created_at too: a revision deleted and imported again may get the same id (SQLite reuses
    row ids) and the same text, but new clause ids, which the count slots name.
    """
    return (
        comment_open,
        revision.id,
        revision.created_at,
        revision.source_sha256,
        revision.source_en_sha256,
        mode,
        language,
    )


COUNT_SLOT = re.compile(rb"<!--zq-count:(\d+)-->")


@dataclass(slots=True)
class SlottedDraft:
    """Cached draft bytes cut at each article's comment-count slot.

    The text of a revision never changes but its comment counts change all the time, so the
    counts are written into the slots on every request (one query, one join of bytes) and the
    draft is never rendered again because a comment arrived.
    """

    plain: bytes  # the draft with every slot empty
    segments: list[bytes]  # len(slots) + 1 pieces between the slots
    slots: list[int]  # the article whose badge goes into each slot, by clause id
    rollup: dict[int, tuple[int, ...]]  # clause id -> the articles whose total counts it
    keys: dict[int, str]  # clause id -> key of each slotted article (its badge links to it)

    @classmethod
    def build(cls, html: bytes, tree: Tree) -> SlottedDraft:
        pieces = COUNT_SLOT.split(html)
        rollup: dict[int, tuple[int, ...]] = {}
        for clause_id, node in tree.by_id.items():  # document order: parents first
            above = rollup.get(node.clause.parent_id, ()) if node.clause.parent_id else ()
            rollup[clause_id] = above + ((clause_id,) if node.clause.kind == "article" else ())
        slots = [int(piece) for piece in pieces[1::2]]
        return cls(
            plain=b"".join(pieces[0::2]),
            segments=pieces[0::2],
            slots=slots,
            rollup=rollup,
            keys={clause_id: tree.by_id[clause_id].clause.key for clause_id in slots},
        )

    def fill(self, counts: dict, badge: Callable[[str, int], bytes]) -> bytes:
        """The draft with ``badge(key, total)`` in the slot of each article that has comments
        on itself or anything under it; ``counts`` is {clause id: comments}."""
        totals: dict[int, int] = {}
        for clause_id, count in counts.items():
            for article_id in self.rollup.get(clause_id, ()):
                totals[article_id] = totals.get(article_id, 0) + count
        if not totals:
            return self.plain
        parts = [self.segments[0]]
        for article_id, segment in zip(self.slots, self.segments[1:], strict=True):
            if article_id in totals:
                parts.append(badge(self.keys[article_id], totals[article_id]))
            parts.append(segment)
        return b"".join(parts)
