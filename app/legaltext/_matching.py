"""One level of an alignment: which of the old clauses became which of the new ones.

Texts come in normalised (see `alignment.normalise`) and in document order; rows go out with
indices into the two lists. The method, step by step:

1. Anchors. A text found exactly once on each side is the same clause (whatever its number);
   so is a pair of clauses each the other's best match at ``ANCHOR`` similarity or more
   (``ANCHOR_MOVED`` if the equal texts place them apart).
2. Places. Anchors fix the order around them (`_order.windows`). A pair where the order
   expects it needs ``LOCAL`` similarity; a pair elsewhere (a clause moved) needs ``MOVED``.
3. One to one. The rest are matched by a global assignment (scipy's `linear_sum_assignment`)
   on similarity, with a small penalty for drifting from the expected place as tie-breaker.
4. Splits and merges, by containment (`_parts`).
5. Lone gaps. Between two matched pairs, a single clause left on one side is the rewritten
   form of the best clause left on the other, at ``LONE`` similarity and ahead of the next
   best by ``LONE_MARGIN``: what stands in an article's place is usually that article.

Similarity is the mean of two measures, each computed for all unsettled pairs at once: the
edit ratio (rapidfuzz's normalised Indel similarity, `process.cdist`), which follows wording
changes, and the cosine of bigram vectors weighted by rarity (`_vectors.Weights`), which
discounts the phrases a code repeats in many articles (处三年以下有期徒刑…) so that two
articles sharing only those do not look alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from ._order import windows
from ._parts import divisions, found_share
from ._vectors import Weights, grams, shared_counts

ANCHOR = 0.8  # mutual best matches this similar fix the order around them
ANCHOR_MOVED = 0.9  # ... or this similar, away from where equal texts expect them
LOCAL = 0.4  # least similarity of a pair where the order expects it
MOVED = 0.7  # least similarity of a pair away from that place (a moved clause)
DRIFT = 0.05  # largest penalty for drifting from the expected place (breaks ties)
DRIFT_SPAN = 10  # ... reached this many clauses away
STEAL = 0.2  # a part matched by the assignment is found in its whole this much more
LONE = 0.25  # least similarity of a lone clause to the best clause of its gap
LONE_MARGIN = 0.1  # ... ahead of the second best


@dataclass(frozen=True)
class Row:
    """``old`` → ``new`` (indices; None on the missing side), with its kind and score."""

    old: int | None
    new: int | None
    kind: str
    score: float


def match(
    old: Sequence[str],
    new: Sequence[str],
    old_kinds: Sequence[str],
    new_kinds: Sequence[str],
    weights: Weights | None = None,
) -> list[Row]:
    """The rows of one level, in the new text's order, deleted clauses where they stood.

    ``weights``: the bigram weights of the document pair (by default, of these texts)."""
    if list(old) == list(new) and list(old_kinds) == list(new_kinds):
        return [Row(i, i, "same", 1.0) for i in range(len(old))]
    return _Level(old, new, old_kinds, new_kinds, weights or Weights([*old, *new])).rows()


class _Level:
    def __init__(self, old, new, old_kinds, new_kinds, weights: Weights) -> None:
        self.weights = weights
        self.old, self.new = list(old), list(new)
        self.old_kinds, self.new_kinds = list(old_kinds), list(new_kinds)
        self.pair_old: dict[int, int] = {}  # one-to-one pairs, both ways
        self.pair_new: dict[int, int] = {}
        self.splits: dict[int, list[int]] = {}  # old -> its new parts
        self.merges: dict[int, list[int]] = {}  # new -> its old parts
        self.part_score: dict[tuple[int, int], float] = {}
        for i, j in self._exact_anchors():
            self._pair(i, j)
        # Only what equal texts did not settle is compared: usually a small block.
        self.ou = [i for i in range(len(self.old)) if i not in self.pair_old]
        self.nu = [j for j in range(len(self.new)) if j not in self.pair_new]
        self.row_of = {i: ri for ri, i in enumerate(self.ou)}
        self.col_of = {j: rj for rj, j in enumerate(self.nu)}
        self.sim = self._similarity()
        self.assigned: set[int] = set()  # old clauses paired by the assignment (weakest)
        self._place()  # where equal texts expect the others
        for ri, rj in self._confident_anchors():
            self._pair(self.ou[ri], self.nu[rj])
        self._place()
        if self.ou and self.nu:
            self._assign()
            self._divide()
            self._fill_lone_gaps()

    def _pair(self, i: int, j: int) -> None:
        self.pair_old[i], self.pair_new[j] = j, i

    def _unpair(self, i: int) -> None:
        del self.pair_new[self.pair_old.pop(i)]
        self.assigned.discard(i)

    def _place(self) -> None:
        """Windows (`_order.windows`) from the pairs so far, seen from both sides."""
        anchors = list(self.pair_old.items())
        sizes = (len(self.old), len(self.new))
        local_old, self.expected = windows(anchors, self.ou, self.nu, sizes)
        local_new, _ = windows([(j, i) for i, j in anchors], self.nu, self.ou, sizes[::-1])
        self.local = local_old | local_new.T

    # -- 1. anchors --------------------------------------------------------------------------

    def _exact_anchors(self) -> list[tuple[int, int]]:
        where_old: dict[tuple[str, str], list[int]] = {}
        where_new: dict[tuple[str, str], list[int]] = {}
        for i, key in enumerate(zip(self.old, self.old_kinds, strict=True)):
            where_old.setdefault(key, []).append(i)
        for j, key in enumerate(zip(self.new, self.new_kinds, strict=True)):
            where_new.setdefault(key, []).append(j)
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
        edit = process.cdist(old, new, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0
        sim = (edit + self.weights.cosine(old, new)) / 2.0
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
            if best_old[rj] == ri
            and self.sim[ri, rj] >= (ANCHOR if self.local[ri, rj] else ANCHOR_MOVED)
        ]

    # -- 3. one to one -----------------------------------------------------------------------

    def _free_rows(self) -> list[int]:
        return [ri for ri, i in enumerate(self.ou) if i not in self.pair_old]

    def _free_cols(self) -> list[int]:
        return [rj for rj, j in enumerate(self.nu) if j not in self.pair_new]

    def _assign(self) -> None:
        rows, cols = self._free_rows(), self._free_cols()
        if not rows or not cols:
            return
        sim = self.sim[np.ix_(rows, cols)]
        allowed = (self.local[np.ix_(rows, cols)] & (sim >= LOCAL)) | (sim >= MOVED)
        if not allowed.any():
            return
        place = np.array([self.nu[rj] for rj in cols], dtype=np.float64)
        distance = np.abs(place[None, :] - self.expected[rows][:, None])
        score = sim - DRIFT * np.minimum(distance, DRIFT_SPAN) / DRIFT_SPAN
        chosen_rows, chosen_cols = linear_sum_assignment(np.where(allowed, -score, 0.0))
        for r, c in zip(chosen_rows, chosen_cols, strict=True):
            if allowed[r, c]:
                self._pair(self.ou[rows[r]], self.nu[cols[c]])
                self.assigned.add(self.ou[rows[r]])

    # -- 4. splits and merges ----------------------------------------------------------------

    def _divide(self) -> None:
        grams_old = [grams(self.old[i]) for i in self.ou]
        grams_new = [grams(self.new[j]) for j in self.nu]
        shared = shared_counts(grams_old, grams_new)
        size_old = np.maximum([len(g) for g in grams_old], 1)[:, None]
        size_new = np.maximum([len(g) for g in grams_new], 1)[None, :]
        in_old, in_new = shared / size_new, shared / size_old  # share of new in old, and back
        partner_old = {
            ri: self.col_of[self.pair_old[i]] for ri, i in enumerate(self.ou) if i in self.pair_old
        }
        partner_new = {rj: ri for ri, rj in partner_old.items()}
        texts_old = [self.old[i] for i in self.ou]
        texts_new = [self.new[j] for j in self.nu]
        splits = divisions(
            wholes=texts_old,
            parts=texts_new,
            contained=in_old,
            holds=in_new,
            local=self.local,
            partner=partner_old,
            available=self._available(self.nu, self.pair_new),
        )
        merges = divisions(
            wholes=texts_new,
            parts=texts_old,
            contained=in_new.T,
            holds=in_old.T,
            local=self.local.T,
            partner=partner_new,
            available=self._available(self.ou, self.pair_old),
            skip_wholes={rj for ps in splits.values() for rj in ps},
            skip_parts=set(splits),
        )
        for ri, cols in splits.items():
            for rj in cols:
                self._release(new=self.nu[rj], keep=self.ou[ri])
            self.splits[self.ou[ri]] = [self.nu[rj] for rj in cols]
            for rj in cols:
                score = found_share(texts_old[ri], texts_new[rj])
                self.part_score[self.ou[ri], self.nu[rj]] = score
        for rj, rows in merges.items():
            for ri in rows:
                self._release(old=self.ou[ri], keep=self.nu[rj])
            self.merges[self.nu[rj]] = [self.ou[ri] for ri in rows]
            for ri in rows:
                score = found_share(texts_new[rj], texts_old[ri])
                self.part_score[self.ou[ri], self.nu[rj]] = score

    def _available(self, side: list[int], pairs: dict[int, int]) -> dict[int, float]:
        """Parts a whole may take: the unmatched, and those the assignment matched (not the
        anchors), at a share found in the whole ``STEAL`` above their pair's similarity."""
        available = {}
        for r, index in enumerate(side):
            if index not in pairs:
                available[r] = 0.0
                continue
            old = index if pairs is self.pair_old else pairs[index]
            if old in self.assigned:
                new = self.pair_old[old]
                available[r] = float(self.sim[self.row_of[old], self.col_of[new]]) + STEAL
        return available

    def _release(self, *, old: int | None = None, new: int | None = None, keep: int) -> None:
        """Take a part from the one-to-one pair it was in, unless that pair is with ``keep``."""
        if old is not None and old in self.pair_old and self.pair_old[old] != keep:
            self._unpair(old)
        if new is not None and new in self.pair_new and self.pair_new[new] != keep:
            self._unpair(self.pair_new[new])

    # -- 5. lone gaps ------------------------------------------------------------------------

    def _fill_lone_gaps(self) -> None:
        grouped_old = set(self.splits) | {i for ps in self.merges.values() for i in ps}
        grouped_new = set(self.merges) | {j for ps in self.splits.values() for j in ps}
        settled = sorted(
            {(i, j) for i, j in self.pair_old.items()}
            | {(i, j) for i, js in self.splits.items() for j in js}
            | {(i, j) for j, is_ in self.merges.items() for i in is_}
        )
        bounds = [(-1, -1), *settled, (len(self.old), len(self.new))]
        for (a0, b0), (a1, b1) in zip(bounds, bounds[1:], strict=False):
            if b1 <= b0:
                continue
            olds = [i for i in range(a0 + 1, a1) if i not in self.pair_old and i not in grouped_old]
            news = [j for j in range(b0 + 1, b1) if j not in self.pair_new and j not in grouped_new]
            if not olds or not news or (len(olds) > 1 and len(news) > 1):
                continue
            sim = self.sim[np.ix_([self.row_of[i] for i in olds], [self.col_of[j] for j in news])]
            flat = np.sort(sim.ravel())[::-1]
            if flat[0] >= LONE and (flat.size == 1 or flat[0] - flat[1] >= LONE_MARGIN):
                r, c = np.unravel_index(int(sim.argmax()), sim.shape)
                self._pair(olds[r], news[c])

    # -- rows --------------------------------------------------------------------------------

    def rows(self) -> list[Row]:
        source_of = {j: i for i, js in self.splits.items() for j in js}
        keyed: list[tuple[float, int, Row]] = []
        for j in range(len(self.new)):
            if j in self.merges:
                for i in self.merges[j]:
                    keyed.append((j, i, Row(i, j, "merged", self.part_score[i, j])))
            elif j in source_of:
                i = source_of[j]
                keyed.append((j, i, Row(i, j, "split", self.part_score[i, j])))
            elif j in self.pair_new:
                i = self.pair_new[j]
                if self.old[i] == self.new[j]:
                    keyed.append((j, i, Row(i, j, "same", 1.0)))
                else:
                    score = float(self.sim[self.row_of[i], self.col_of[j]])
                    keyed.append((j, i, Row(i, j, "modified", score)))
            else:
                keyed.append((j, -1, Row(None, j, "new", self._sureness(new=j))))
        place: dict[int, float] = {}
        for j, _, row in keyed:
            if row.old is not None:
                place[row.old] = max(place.get(row.old, -1.0), j)
        last = -0.5
        for i in range(len(self.old)):  # a deleted clause comes after its predecessor's row
            if i in place:
                last = place[i]
            else:
                keyed.append((last + 0.5, i, Row(i, None, "deleted", self._sureness(old=i))))
        keyed.sort(key=lambda entry: (entry[0], entry[1]))
        return [row for _, _, row in keyed]

    def _sureness(self, *, old: int | None = None, new: int | None = None) -> float:
        """How sure a clause is new (or deleted): 1 minus its best alternative left unused."""
        used_old = self.pair_old.keys() | set(self.splits)
        used_old |= {i for ps in self.merges.values() for i in ps}
        used_new = self.pair_new.keys() | set(self.merges)
        used_new |= {j for ps in self.splits.values() for j in ps}
        if old is not None:
            line = self.sim[self.row_of[old]]
            free = [rj for rj, j in enumerate(self.nu) if j not in used_new]
        else:
            line = self.sim[:, self.col_of[new]]
            free = [ri for ri, i in enumerate(self.ou) if i not in used_old]
        return round(1.0 - (float(line[free].max()) if free else 0.0), 4)
