"""Order as evidence: where the anchors of an alignment expect the other clauses to be.

Texts keep their order through a revision, except for what moves. An anchor (a pair known to
match) fixes the place of its neighbours: a clause that follows an anchored one is expected
just after that anchor's partner, in the gap before the next anchored clause there, and a
clause that precedes an anchored one just before its partner. Crossed anchors (a block moved
elsewhere) give each clause both places, so moved blocks keep their neighbours.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np


def windows(
    anchors: Sequence[tuple[int, int]],
    rows: Sequence[int],
    cols: Sequence[int],
    sizes: tuple[int, int],
) -> tuple[np.ndarray, np.ndarray]:
    """For clauses ``rows`` of side A and ``cols`` of side B (indices in document order):
    ``local[r, c]``, whether ``cols[c]`` lies where the anchors place ``rows[r]``, and
    ``expected[r]``, the position on side B where ``rows[r]`` is expected.

    ``anchors`` are (A index, B index) pairs; ``sizes`` the number of clauses on each side.
    An anchored row's place is its partner and the gaps on either side (where the other parts
    of a split or merge go).
    """
    n_a, n_b = sizes
    anchors = sorted(anchors)
    partner = dict(anchors)
    anchor_a = [-1] + [a for a, _ in anchors] + [n_a]
    anchor_b = [-1] + [b for _, b in anchors] + [n_b]
    taken_b = sorted(anchor_b)
    cols_b = np.asarray(cols, dtype=np.int64)
    local = np.zeros((len(rows), len(cols)), dtype=bool)
    expected = np.zeros(len(rows))

    def gap_after(b: int) -> tuple[int, int]:
        return b + 1, taken_b[bisect.bisect_right(taken_b, b)] - 1

    def gap_before(b: int) -> tuple[int, int]:
        return taken_b[bisect.bisect_left(taken_b, b) - 1] + 1, b - 1

    for r, a in enumerate(rows):
        if a in partner:
            b = partner[a]
            expected[r] = b
            local[r, (cols_b >= gap_before(b)[0]) & (cols_b <= gap_after(b)[1])] = True
            continue
        k = bisect.bisect_left(anchor_a, a)
        a0, b0, a1, b1 = anchor_a[k - 1], anchor_b[k - 1], anchor_a[k], anchor_b[k]
        for lo, hi in (gap_after(b0), gap_before(b1)):
            local[r, (cols_b >= lo) & (cols_b <= hi)] = True
        if b1 > b0:
            expected[r] = b0 + (a - a0) * (b1 - b0) / (a1 - a0)
        else:  # the anchors around it crossed (a moved block): follow the one before
            expected[r] = b0 + (a - a0)
    return local, expected
