"""The automatic links around the team's hand links: what `align_revision` stores.

Pure (no database). A hand link fixes the partners of its clauses, so the aligner's links that
touch those clauses are left out; the finer links the aligner found inside a pair of articles
that no longer holds are left out too (they were computed in the wrong context); and the
clauses left with no link are aligned again among themselves, in their context (the articles;
or the children of one group of linked clauses), by the same aligner. With no hand links the
aligner's links are kept exactly as they are, so the command line, the bench and the stored
links agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from app.legaltext.alignment import ARTICLE_KINDS, Alignable, Link, align


class Fixed(Protocol):
    """A link set by hand, as stored (`ClauseLink`)."""

    from_key: str | None
    to_key: str | None


@dataclass(frozen=True)
class _Flat:
    """A clause handed to the aligner as if it were an article: one level, no children."""

    key: str
    kind: str
    parent: str | None
    text: str


def levels(clauses: Sequence[Alignable]) -> dict[str, int]:
    """{key: level} of the clauses the aligner links: articles (and annexes, preambles) at 0,
    their paragraphs at 1, items at 2 …; parts, chapters and sections are not aligned."""
    found: dict[str, int] = {}
    for clause in clauses:  # document order: a parent comes before its children
        if clause.kind in ARTICLE_KINDS:
            found[clause.key] = 0
        elif clause.parent in found:
            found[clause.key] = found[clause.parent] + 1
    return found


def one_level(
    old: Sequence[Alignable], new: Sequence[Alignable], aligner: Callable = align
) -> list[Link]:
    """The aligner on one level only: each clause as an article with no children."""
    if not old and not new:
        return []
    flat = [_Flat(c.key, "article", None, c.text) for c in old]
    flat_new = [_Flat(c.key, "article", None, c.text) for c in new]
    return aligner(flat, flat_new)


class _Groups:
    """Union-find over clauses of both sides (("old", key) / ("new", key)) joined by links."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, item):
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a, b) -> None:
        self.parent[self.find(a)] = self.find(b)


def with_hand_links(
    found: Sequence[Link],
    hand: Sequence[Fixed],
    old: Sequence[Alignable],
    new: Sequence[Alignable],
    aligner: Callable = align,
) -> list[Link]:
    """The automatic links to store beside ``hand`` (whose keys all exist), given ``found``,
    the aligner's links of ``old`` → ``new``. Level by level, coarsest first."""
    if not hand:
        return list(found)
    old_by_key = {c.key: c for c in old}
    new_by_key = {c.key: c for c in new}
    old_levels, new_levels = levels(old), levels(new)
    covered_old = {h.from_key for h in hand if h.from_key}
    covered_new = {h.to_key for h in hand if h.to_key}

    def level_of(link: Link) -> int:
        if link.from_key is not None:
            return old_levels.get(link.from_key, 0)
        return new_levels.get(link.to_key, 0)

    found_partners = _partners(found)
    links: list = list(hand)  # hand and kept automatic links: the context of the next level
    automatic: list[Link] = []
    disturbed: set[tuple[str, str]] = set()  # clauses whose partners differ from ``found``
    deepest = max([*old_levels.values(), *new_levels.values(), 0])

    for depth in range(deepest + 1):
        context = _Context(old_by_key, new_by_key, old_levels, new_levels, _partners(links))
        for link in found:
            if level_of(link) != depth:
                continue
            if link.from_key in covered_old or link.to_key in covered_new:
                continue
            if context.intact("old", link.from_key, disturbed) and context.intact(
                "new", link.to_key, disturbed
            ):
                links.append(link)
                automatic.append(link)

        for link in _align_the_rest(depth, links, old, new, old_levels, new_levels, aligner):
            links.append(link)
            automatic.append(link)

        partners = _partners(links)
        for side, level in (("old", old_levels), ("new", new_levels)):
            for key, at in level.items():
                if at == depth and partners.get((side, key), set()) != found_partners.get(
                    (side, key), set()
                ):
                    disturbed.add((side, key))
    return automatic


@dataclass(frozen=True)
class _Context:
    old_by_key: dict
    new_by_key: dict
    old_levels: dict
    new_levels: dict
    partners: dict

    def intact(self, side: str, key: str | None, disturbed: set) -> bool:
        """A finer link holds only where its parent's group is the one the aligner saw."""
        if key is None:
            return True
        by_key = self.old_by_key if side == "old" else self.new_by_key
        level = self.old_levels if side == "old" else self.new_levels
        if level.get(key, 0) == 0:
            return True
        parent = (side, by_key[key].parent)
        return parent not in disturbed and not (self.partners.get(parent, set()) & disturbed)


def _partners(links) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """Each clause's partners on the other side, by the links that join two clauses."""
    out: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for link in links:
        if link.from_key and link.to_key:
            out.setdefault(("old", link.from_key), set()).add(("new", link.to_key))
            out.setdefault(("new", link.to_key), set()).add(("old", link.from_key))
    return out


def _align_the_rest(depth, links, old, new, old_levels, new_levels, aligner) -> list[Link]:
    """The clauses of ``depth`` that no link names yet, aligned within their context: the
    articles together; a finer clause with the other children of its parent's group (a clause
    whose parent is new or deleted has no context and stays unlinked, as the aligner does)."""
    named_old = {link.from_key for link in links if link.from_key}
    named_new = {link.to_key for link in links if link.to_key}
    groups = _Groups()
    for link in links:
        if link.from_key and link.to_key:
            groups.join(("old", link.from_key), ("new", link.to_key))
    joined = set(groups.parent)
    waiting: dict[object, tuple[list, list]] = {}

    def context(side: str, clause):
        if depth == 0:
            return "articles"
        parent = (side, clause.parent)
        return groups.find(parent) if parent in joined else None

    for side, clauses, level, named, slot in (
        ("old", old, old_levels, named_old, 0),
        ("new", new, new_levels, named_new, 1),
    ):
        for clause in clauses:
            if level.get(clause.key) != depth or clause.key in named:
                continue
            where = context(side, clause)
            if where is not None:
                waiting.setdefault(where, ([], []))[slot].append(clause)
    found: list[Link] = []
    for old_part, new_part in waiting.values():
        found += one_level(old_part, new_part, aligner)
    return found
