"""Aligning two revisions of a draft: which clause of the old text became which of the new.

Pure Python (no Flask, no database). `align(old, new)` takes the clauses of two documents in
document order (anything with ``key``, ``kind``, ``parent`` — the parent's key — and ``text``,
such as `legaltext.Clause`) and returns `Link`s: articles first, then the paragraphs and items
inside each aligned pair of articles, level by level.

Baseline method: clauses whose normalised text is equal are ``same``; the rest are matched one
to one by text similarity (rapidfuzz) with a global assignment (scipy's
``linear_sum_assignment``), the distance in document order breaking ties; what stays unmatched is
``new`` or ``deleted``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

#: Levels aligned, coarsest first; a finer level is aligned only inside an aligned pair.
ARTICLE_KINDS = frozenset({"article", "annex", "preamble"})
KINDS = ("same", "modified", "split", "merged", "new", "deleted")
MATCH_THRESHOLD = 0.5  # below this similarity two clauses are not the same clause

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
    """0..1, on normalised texts."""
    a, b = normalise(a), normalise(b)
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def align(old: Sequence[Alignable], new: Sequence[Alignable]) -> list[Link]:
    """The links between two revisions: article rows first, then finer rows."""
    old_children = _children(old)
    new_children = _children(new)
    top_old = [c for c in old if c.kind in ARTICLE_KINDS]
    top_new = [c for c in new if c.kind in ARTICLE_KINDS]
    links = _match(top_old, top_new)
    finer: list[Link] = []
    pairs = [(link.from_key, link.to_key) for link in links if link.from_key and link.to_key]
    while pairs:
        next_pairs = []
        for old_key, new_key in pairs:
            level = _match(old_children.get(old_key, []), new_children.get(new_key, []))
            finer.extend(level)
            next_pairs += [(k.from_key, k.to_key) for k in level if k.from_key and k.to_key]
        pairs = next_pairs
    return links + finer


def _children(clauses: Sequence[Alignable]) -> dict[str, list[Alignable]]:
    children: dict[str, list[Alignable]] = {}
    for clause in clauses:
        if clause.parent is not None and clause.kind not in ARTICLE_KINDS:
            children.setdefault(clause.parent, []).append(clause)
    return children


def _match(old: Sequence[Alignable], new: Sequence[Alignable]) -> list[Link]:
    """One level: equal texts first, then a global one-to-one assignment on similarity."""
    if not old and not new:
        return []
    paired: dict[int, tuple[int, float]] = {}  # new index -> (old index, score)
    if old and new:
        scores = np.array([[similarity(o.text, n.text) for n in new] for o in old])
        # Order breaks ties: a small penalty for moving far in the document.
        rows, cols = np.indices(scores.shape)
        drift = np.abs(rows / max(len(old), 1) - cols / max(len(new), 1))
        chosen_rows, chosen_cols = linear_sum_assignment(-(scores - 0.01 * drift))
        for i, j in zip(chosen_rows, chosen_cols, strict=True):
            if scores[i, j] >= MATCH_THRESHOLD:
                paired[j] = (i, float(scores[i, j]))
    matched_old = {i for i, _ in paired.values()}
    links: list[Link] = []
    for j, clause in enumerate(new):
        if j in paired:
            i, score = paired[j]
            same = normalise(old[i].text) == normalise(clause.text)
            links.append(Link(old[i].key, clause.key, "same" if same else "modified", score))
        else:
            links.append(Link(None, clause.key, "new", 0.0))
    links += [
        Link(clause.key, None, "deleted", 0.0)
        for i, clause in enumerate(old)
        if i not in matched_old
    ]
    return links
