"""One level of an alignment: which of the old clauses became which of the new ones.

Texts come in normalised (see `alignment.normalise`) and in document order; rows go out with
indices into the two lists. The method, step by step:

1. Anchors. A text found exactly once on each side is the same clause (whatever its number);
   so is a pair of clauses each the other's best match at ``ANCHOR`` similarity or more.
2. Windows. Anchors fix the order around them: an old clause between two anchors is expected
   between their partners in the new text. A pair inside that window needs ``LOCAL``
   similarity; a pair outside it (a clause moved elsewhere) needs ``MOVED``.
3. One to one. The rest are matched by a global assignment (scipy's `linear_sum_assignment`)
   on similarity, with a small penalty for drifting from the expected place as tie-breaker.
4. Splits and merges. An old clause whose text is mostly found in two or more new clauses
   near its place (each adding to what the others cover) was split; the mirror case merged.

Similarity is rapidfuzz's normalised Indel ratio, computed for all pairs at once
(`process.cdist`); containment (how much of one text is found in another) is the share of
character bigrams, computed as one sparse matrix product.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse
from scipy.optimize import linear_sum_assignment

ANCHOR = 0.8  # mutual best matches this similar fix the order around them
LOCAL = 0.45  # least similarity of a pair where the order expects it
MOVED = 0.7  # least similarity of a pair away from that place (a moved clause)
DRIFT = 0.05  # largest penalty for drifting from the expected place (breaks ties)
DRIFT_SPAN = 10  # ... reached this many clauses away
PART = 0.6  # least share of a part found in the whole it was split from or merged into
MARGIN = 0.1  # ... more than in any other clause of that side
GAIN = 0.15  # least share of the whole each part adds to what the other parts cover
COVER = 0.6  # least share of the whole the parts cover together
GRAM = 2  # containment counts character bigrams: Chinese words are mostly two characters


@dataclass(frozen=True)
class Row:
    """``old`` → ``new`` (indices; None on the missing side), with its kind and score."""

    old: int | None
    new: int | None
    kind: str
    score: float


def match(
    old: Sequence[str], new: Sequence[str], old_kinds: Sequence[str], new_kinds: Sequence[str]
) -> list[Row]:
    """The rows of one level, in the new text's order, deleted clauses where they stood."""
    if list(old) == list(new) and list(old_kinds) == list(new_kinds):
        return [Row(i, i, "same", 1.0) for i in range(len(old))]
    return _Level(old, new, old_kinds, new_kinds).rows()


class _Level:
    def __init__(self, old, new, old_kinds, new_kinds) -> None:
        self.old, self.new = list(old), list(new)
        self.old_kinds, self.new_kinds = list(old_kinds), list(new_kinds)
        self.pair_old: dict[int, int] = {}  # one-to-one pairs, both ways
        self.pair_new: dict[int, int] = {}
        self.splits: dict[int, list[int]] = {}  # old -> its new parts
        self.merges: dict[int, list[int]] = {}  # new -> its old parts
        for i, j in self._exact_anchors():
            self._pair(i, j)
        # Only what equal texts did not settle is compared: usually a small block.
        self.ou = [i for i in range(len(self.old)) if i not in self.pair_old]
        self.nu = [j for j in range(len(self.new)) if j not in self.pair_new]
        self.row_of = {i: ri for ri, i in enumerate(self.ou)}
        self.col_of = {j: rj for rj, j in enumerate(self.nu)}
        self.sim = self._similarity()
        for ri, rj in self._confident_anchors():
            self._pair(self.ou[ri], self.nu[rj])
        anchors = sorted(self.pair_old.items())
        self.local, self.expected = self._windows(anchors)
        self._assign()
        if self.ou and self.nu:
            self._find_splits_and_merges()

    def _pair(self, i: int, j: int) -> None:
        self.pair_old[i], self.pair_new[j] = j, i

    # -- 1. anchors --------------------------------------------------------------------------

    def _exact_anchors(self) -> list[tuple[int, int]]:
        where_old: dict[tuple[str, str], list[int]] = {}
        where_new: dict[tuple[str, str], list[int]] = {}
        for i, (text, kind) in enumerate(zip(self.old, self.old_kinds, strict=True)):
            where_old.setdefault((text, kind), []).append(i)
        for j, (text, kind) in enumerate(zip(self.new, self.new_kinds, strict=True)):
            where_new.setdefault((text, kind), []).append(j)
        return [
            (olds[0], where_new[key][0])
            for key, olds in where_old.items()
            if len(olds) == 1 and len(where_new.get(key, ())) == 1
        ]

    def _similarity(self) -> np.ndarray:
        if not self.ou or not self.nu:
            return np.zeros((len(self.ou), len(self.nu)))
        old = [self.old[i] for i in self.ou]
        new = [self.new[j] for j in self.nu]
        sim = process.cdist(old, new, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
        kinds_old = np.array([self.old_kinds[i] for i in self.ou])
        kinds_new = np.array([self.new_kinds[j] for j in self.nu])
        return np.where(kinds_old[:, None] == kinds_new[None, :], sim, 0.0)

    def _confident_anchors(self) -> list[tuple[int, int]]:
        if self.sim.size == 0:
            return []
        best_new = self.sim.argmax(axis=1)
        best_old = self.sim.argmax(axis=0)
        return [
            (ri, int(rj))
            for ri, rj in enumerate(best_new)
            if best_old[rj] == ri and self.sim[ri, rj] >= ANCHOR
        ]

    # -- 2. windows --------------------------------------------------------------------------

    def _windows(self, anchors: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        """Which (unsettled old, unsettled new) pairs lie where the anchors expect them, and
        where in the new text each unsettled old clause is expected."""
        n_old, n_new = len(self.old), len(self.new)
        anchor_old = [-1] + [i for i, _ in anchors] + [n_old]
        anchor_new = [-1] + [j for _, j in anchors] + [n_new]
        taken_new = sorted(anchor_new)
        nu = np.array(self.nu, dtype=np.int64)
        local = np.zeros((len(self.ou), len(self.nu)), dtype=bool)
        expected = np.zeros(len(self.ou))

        def after(b: int) -> tuple[int, int]:  # the open gap that follows new index b
            return b + 1, taken_new[bisect.bisect_right(taken_new, b)] - 1

        def before(b: int) -> tuple[int, int]:  # the open gap that precedes new index b
            return taken_new[bisect.bisect_left(taken_new, b) - 1] + 1, b - 1

        for ri, i in enumerate(self.ou):
            partner = self.pair_old.get(i)
            if partner is not None:  # its own place, and the gaps on either side (split parts)
                expected[ri] = partner
                local[ri, (nu >= before(partner)[0]) & (nu <= after(partner)[1])] = True
                continue
            k = bisect.bisect_left(anchor_old, i)
            a0, b0, a1, b1 = anchor_old[k - 1], anchor_new[k - 1], anchor_old[k], anchor_new[k]
            for lo, hi in (after(b0), before(b1)):
                local[ri, (nu >= lo) & (nu <= hi)] = True
            if b1 > b0:
                expected[ri] = b0 + (i - a0) * (b1 - b0) / (a1 - a0)
            else:  # the anchors around it crossed (a moved block): follow the one before
                expected[ri] = b0 + (i - a0)
        return local, expected

    # -- 3. one to one -----------------------------------------------------------------------

    def _assign(self) -> None:
        rows = [ri for ri, i in enumerate(self.ou) if i not in self.pair_old]
        cols = [rj for rj, j in enumerate(self.nu) if j not in self.pair_new]
        if not rows or not cols:
            return
        sim = self.sim[np.ix_(rows, cols)]
        local = self.local[np.ix_(rows, cols)]
        allowed = (local & (sim >= LOCAL)) | (sim >= MOVED)
        if not allowed.any():
            return
        nu = np.array([self.nu[rj] for rj in cols], dtype=np.float64)
        distance = np.abs(nu[None, :] - self.expected[rows][:, None])
        score = sim - DRIFT * np.minimum(distance, DRIFT_SPAN) / DRIFT_SPAN
        chosen_rows, chosen_cols = linear_sum_assignment(np.where(allowed, -score, 0.0))
        for r, c in zip(chosen_rows, chosen_cols, strict=True):
            if allowed[r, c]:
                self._pair(self.ou[rows[r]], self.nu[cols[c]])

    # -- 4. splits and merges ----------------------------------------------------------------

    def _find_splits_and_merges(self) -> None:
        grams_old = [_grams(self.old[i]) for i in self.ou]
        grams_new = [_grams(self.new[j]) for j in self.nu]
        shared = _shared_counts(grams_old, grams_new)
        size_old = np.array([len(g) for g in grams_old], dtype=np.float64)[:, None]
        size_new = np.array([len(g) for g in grams_new], dtype=np.float64)[None, :]
        in_old = shared / size_new  # share of each new text found in each old one
        in_new = shared / size_old  # share of each old text found in each new one
        used_old: set[int] = set()
        used_new: set[int] = set()
        for ri, i in enumerate(self.ou):
            partner = self.pair_old.get(i)
            parts = self._parts(
                whole=ri,
                partner=self.col_of.get(partner),
                free=[rj for rj, j in enumerate(self.nu) if j not in self.pair_new],
                contained=in_old.T,
                share=in_new,
                window=self.local[ri],
                whole_grams=grams_old[ri],
                part_grams=grams_new,
                taken=used_new,
            )
            if parts:
                self.splits[i] = [self.nu[rj] for rj in parts]
                used_old.add(ri)
                used_new.update(parts)
        for rj, j in enumerate(self.nu):
            if rj in used_new:
                continue
            partner = self.pair_new.get(j)
            parts = self._parts(
                whole=rj,
                partner=self.row_of.get(partner),
                free=[ri for ri, i in enumerate(self.ou) if i not in self.pair_old],
                contained=in_new,
                share=in_old.T,
                window=self.local[:, rj],
                whole_grams=grams_new[rj],
                part_grams=grams_old,
                taken=used_old,
            )
            if parts:
                self.merges[j] = [self.ou[ri] for ri in parts]
                used_old.update(parts)
                used_new.add(rj)

    @staticmethod
    def _parts(
        *, whole, partner, free, contained, share, window, whole_grams, part_grams, taken
    ) -> list[int]:
        """The parts of ``whole`` (indices on the other side), or [] if it was not divided.

        ``contained[p, w]``: share of part p found in whole w; ``share[w, p]``: share of whole w
        found in part p. Candidates are unmatched clauses near the whole's place, mostly found
        in it and in no other clause as much; each must add to what the others cover.
        """
        if partner is not None and partner in taken:
            return []
        column = contained[:, whole]
        candidates = []
        for p in free:
            if p in taken or p == partner or not window[p] or column[p] < PART:
                continue
            others = np.delete(contained[p], whole)
            if others.size and column[p] - others.max() < MARGIN:
                continue
            candidates.append(p)
        if not candidates or not whole_grams:
            return []
        chosen = [] if partner is None else [partner]
        covered = set() if partner is None else whole_grams & part_grams[partner]
        for p in sorted(candidates, key=lambda p: -share[whole, p]):
            gain = len((whole_grams & part_grams[p]) - covered) / len(whole_grams)
            if gain >= GAIN:
                chosen.append(p)
                covered |= whole_grams & part_grams[p]
        if len(chosen) < 2 or len(covered) / len(whole_grams) < COVER:
            return []
        return sorted(chosen)

    # -- rows --------------------------------------------------------------------------------

    def rows(self) -> list[Row]:
        in_split = {j for parts in self.splits.values() for j in parts}
        keyed: list[tuple[float, int, Row]] = []
        for j in range(len(self.new)):
            i = self.pair_new.get(j)
            if j in self.merges:
                for part in self.merges[j]:
                    keyed.append((j, part, Row(part, j, "merged", self._score(part, j))))
            elif j in in_split:
                source = next(o for o, parts in self.splits.items() if j in parts)
                keyed.append((j, source, Row(source, j, "split", self._score(source, j))))
            elif i is not None:
                same = self.old[i] == self.new[j]
                keyed.append((j, i, Row(i, j, "same" if same else "modified", self._score(i, j))))
            else:
                keyed.append((j, -1, Row(None, j, "new", self._unmatched_score(new=j))))
        position: dict[int, float] = {}
        for row in keyed:
            if row[2].old is not None:
                position[row[2].old] = max(position.get(row[2].old, -1), row[0])
        for i in range(len(self.old)):
            if i in position:
                continue
            before = [position[o] for o in position if o < i]
            at = (max(before) if before else -1) + 0.5
            keyed.append((at, i, Row(i, None, "deleted", self._unmatched_score(old=i))))
        keyed.sort(key=lambda row: (row[0], row[1]))
        return [row for _, _, row in keyed]

    def _score(self, i: int, j: int) -> float:
        if self.old[i] == self.new[j]:
            return 1.0
        return float(self.sim[self.row_of[i], self.col_of[j]])

    def _unmatched_score(self, *, old: int | None = None, new: int | None = None) -> float:
        """How sure a clause is new (or deleted): 1 minus its best unused alternative."""
        grouped_new = {j for parts in self.splits.values() for j in parts} | set(self.merges)
        grouped_old = {i for parts in self.merges.values() for i in parts} | set(self.splits)
        if old is not None:
            line = self.sim[self.row_of[old]]
            free = [rj for rj, j in enumerate(self.nu) if j not in self.pair_new.keys() | grouped_new]
        else:
            line = self.sim[:, self.col_of[new]]
            free = [ri for ri, i in enumerate(self.ou) if i not in self.pair_old.keys() | grouped_old]
        return round(1.0 - (float(line[free].max()) if free else 0.0), 4)


def _grams(text: str) -> frozenset[str]:
    if len(text) <= GRAM:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[k : k + GRAM] for k in range(len(text) - GRAM + 1))


def _shared_counts(left: list[frozenset[str]], right: list[frozenset[str]]) -> np.ndarray:
    """How many grams each left set shares with each right set."""
    if len(left) * len(right) <= 64:
        return np.array([[len(a & b) for b in right] for a in left], dtype=np.float64)
    vocabulary: dict[str, int] = {}

    def matrix(sets: list[frozenset[str]]) -> sparse.csr_matrix:
        rows, cols = [], []
        for r, grams in enumerate(sets):
            for gram in grams:
                rows.append(r)
                cols.append(vocabulary.setdefault(gram, len(vocabulary)))
        return rows, cols

    left_rows, left_cols = matrix(left)
    right_rows, right_cols = matrix(right)
    size = len(vocabulary)
    a = sparse.csr_matrix(
        (np.ones(len(left_rows)), (left_rows, left_cols)), shape=(len(left), size)
    )
    b = sparse.csr_matrix(
        (np.ones(len(right_rows)), (right_rows, right_cols)), shape=(len(right), size)
    )
    return (a @ b.T).toarray()
