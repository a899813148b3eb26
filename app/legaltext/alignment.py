"""Aligning two revisions of a draft: which clause of the old text became which of the new.

Pure Python (no Flask, no database). `align(old, new)` takes the clauses of two documents in
document order (anything with ``key``, ``kind``, ``parent`` — the parent's key — and ``text``,
such as `legaltext.Clause`) and returns `Link`s: first the articles (and annexes, preambles),
then, inside each aligned group of articles, their paragraphs, items and sub-items, level by
level, each group's finer rows in document order.

Kinds: ``same`` (equal text after `normalise`; the number may differ), ``modified``, ``split``
(one old clause → several new: one row per new clause), ``merged`` (several old → one new: one
row per old clause), ``new`` (``from_key`` None) and ``deleted`` (``to_key`` None). The score
of a pair is its similarity (1.0 for ``same``; see `_matching` for the measure; for split and
merged rows, the share of the part found in the whole); the score of a new or deleted row is
how sure it is: 1 minus the similarity of the best clause left unmatched on the other side.

Numbers never decide a match (texts renumber, 之一 articles come and go): texts and order do.
How one level is matched is in `_matching`. Clauses under a new or deleted clause get no rows
of their own: their ancestor's row says what became of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz

from ._matching import match
from ._vectors import Weights

#: Clauses aligned first, in one pool (with any division that holds paragraphs itself); the
#: finer levels are aligned inside each aligned group.
ARTICLE_KINDS = frozenset({"article", "annex", "preamble"})
KINDS = ("same", "modified", "split", "merged", "new", "deleted")

_PUNCTUATION_AND_SPACE = re.compile(r"[\s\W_]+", re.UNICODE)


class Alignable(Protocol):
    key: str
    kind: str
    parent: str | None
    text: str


@dataclass(frozen=True)
class Link:
    """``from_key`` → ``to_key`` (None on the missing side), with its kind and a score in 0..1."""

    from_key: str | None
    to_key: str | None
    kind: str
    score: float

    def to_json(self) -> dict:
        return {
            "from": self.from_key,
            "to": self.to_key,
            "kind": self.kind,
            "score": round(self.score, 4),
        }


def normalise(text: str) -> str:
    """Text compared for ``same``: NFKC, without whitespace and punctuation."""
    return _PUNCTUATION_AND_SPACE.sub("", unicodedata.normalize("NFKC", text))


def similarity(a: str, b: str) -> float:
    """0..1, the edit ratio of two normalised texts (the aligner adds to it a weighted bigram
    cosine that needs the whole document pair; see `_matching`)."""
    a, b = normalise(a), normalise(b)
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def align(old: Sequence[Alignable], new: Sequence[Alignable]) -> list[Link]:
    """The links between two revisions: article rows first, then finer rows."""
    old_tree, new_tree = _Tree(old), _Tree(new)
    # One set of weights for every level: rarity is a property of the document pair.
    texts = [old_tree.normalised(c) for c in old_tree.top]
    texts += [new_tree.normalised(c) for c in new_tree.top]
    old_tree.weights = new_tree.weights = Weights(texts)
    articles = _level(old_tree.top, new_tree.top, old_tree, new_tree)
    finer: list[Link] = []
    for old_keys, new_keys in _groups(articles):
        finer += _descend(old_keys, new_keys, old_tree, new_tree)
    return articles + finer


class _Tree:
    """The clauses of one text: the article-level pool, children by parent, full texts."""

    def __init__(self, clauses: Sequence[Alignable]) -> None:
        self.children: dict[str, list[Alignable]] = {}
        for clause in clauses:
            if clause.parent is not None and clause.kind not in ARTICLE_KINDS:
                self.children.setdefault(clause.parent, []).append(clause)
        # A division that holds paragraphs itself (a standard's clause 1 范围) is aligned
        # with the articles, or its paragraphs would have no pair to be aligned in.
        self.top = [
            c
            for c in clauses
            if c.kind in ARTICLE_KINDS
            or any(child.kind == "paragraph" for child in self.children.get(c.key, ()))
        ]
        self._normalised: dict[str, str] = {}
        self.weights: Weights | None = None

    def normalised(self, clause: Alignable) -> str:
        """The clause's whole text, normalised: a paragraph with its items, for instance (an
        article's own text already holds its paragraphs; a paragraph's does not hold its items)."""
        if clause.key not in self._normalised:
            parts = [clause.text]
            for child in self.children.get(clause.key, []):
                if child.text not in clause.text:
                    parts.append(self.normalised(child))
            self._normalised[clause.key] = normalise("".join(parts))
        return self._normalised[clause.key]


def _level(
    old: list[Alignable], new: list[Alignable], old_tree: _Tree, new_tree: _Tree
) -> list[Link]:
    rows = match(
        [old_tree.normalised(c) for c in old],
        [new_tree.normalised(c) for c in new],
        [c.kind for c in old],
        [c.kind for c in new],
        old_tree.weights,
    )
    return [
        Link(
            None if row.old is None else old[row.old].key,
            None if row.new is None else new[row.new].key,
            row.kind,
            float(row.score),
        )
        for row in rows
    ]


def _groups(links: list[Link]) -> list[tuple[list[str], list[str]]]:
    """Clauses linked together (a pair, a split, a merge), in the order their rows come."""
    groups: list[tuple[list[str], list[str]]] = []
    group_of: dict[tuple[str, str], int] = {}
    for link in links:
        if link.from_key is None or link.to_key is None:
            continue
        known = group_of.get(("old", link.from_key), group_of.get(("new", link.to_key)))
        if known is None:
            known = len(groups)
            groups.append(([], []))
        old_keys, new_keys = groups[known]
        if link.from_key not in old_keys:
            old_keys.append(link.from_key)
        if link.to_key not in new_keys:
            new_keys.append(link.to_key)
        group_of[("old", link.from_key)] = group_of[("new", link.to_key)] = known
    return groups


def _descend(
    old_keys: list[str], new_keys: list[str], old_tree: _Tree, new_tree: _Tree
) -> list[Link]:
    """The rows under one aligned group, depth first: each child group's rows, then theirs."""
    old = [c for key in old_keys for c in old_tree.children.get(key, [])]
    new = [c for key in new_keys for c in new_tree.children.get(key, [])]
    if not old and not new:
        return []
    links = _level(old, new, old_tree, new_tree)
    groups = _groups(links)
    last_row_of_group: dict[int, int] = {}
    for index, link in enumerate(links):
        for number, (olds, news) in enumerate(groups):
            if link.from_key in olds or link.to_key in news:
                last_row_of_group[number] = index
    out: list[Link] = []
    for index, link in enumerate(links):
        out.append(link)
        for number, last in last_row_of_group.items():
            if last == index:
                out += _descend(*groups[number], old_tree, new_tree)
    return out
