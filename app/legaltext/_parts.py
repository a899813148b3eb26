"""Splits and merges: a whole whose text is found, in parts, in several clauses of the other side.

A clause is a part of a whole when it is unmatched, lies where the order places the whole
(see `_order`), passes the sieve of shared bigrams (``SIEVE``), is mostly found in the whole
(``PART``) and brings text of the whole that its partner does not cover (``OWN``, ``GAIN``);
a part claimed by several wholes goes to the one that holds most of it. The whole was divided when
two or more parts (its partner counted) together cover enough of it (``COVER``).

"Found" is measured on characters: the runs of ``BLOCK`` or more characters the two texts have
in common, longest first, so that a phrase repeated in many articles counts once, where it
stands. A part that brings a large piece of the whole (``TAKES``) qualifies even when it adds
much text of its own (an article split off and extended).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from difflib import SequenceMatcher

import numpy as np

SIEVE = 0.5  # least share of a candidate part's bigrams found in the whole
PART = 0.6  # least share of a part found in its whole
OWN = 0.5  # least share of a part found in the whole and not already covered by the others
GAIN = 0.05  # ... and least share of the whole that adds (or ADDED characters, if fewer)
ADDED = 12
TAKES = 0.25  # ... or least share of the whole a part brings that nothing else covers
COVER = 0.6  # least share of the whole the parts cover together
BLOCK = 2  # shortest run of characters in common that counts as found
MOVED_BLOCK = 4  # ... in a later pass, out of order
PASSES = 3


def divisions(
    *,
    wholes: Sequence[str],
    parts: Sequence[str],
    contained: np.ndarray,
    holds: np.ndarray,
    local: np.ndarray,
    partner: Mapping[int, int],
    available: Mapping[int, float],
    skip_wholes: Set[int] = frozenset(),
    skip_parts: Set[int] = frozenset(),
) -> dict[int, list[int]]:
    """The wholes that were divided, each with its parts (the partner among them), in order.

    ``wholes`` and ``parts`` are normalised texts; ``contained[w, p]``: share of part p's
    bigrams found in whole w, ``holds[w, p]`` the share of w's found in p (the sieve: either
    must be large); ``local[w, p]``: p lies where the order places w;
    ``partner``: the one-to-one match of a whole, if any; ``available``: the parts that may be
    taken, each with the share of it the whole must hold (more than ``PART`` for a clause
    already matched, weakly, elsewhere).
    """
    free_parts = np.array([p for p in available if p not in skip_parts], dtype=np.int64)
    if free_parts.size == 0:
        return {}
    claims: dict[int, tuple[tuple[float, float], int]] = {}  # part -> ((held, gain), whole)
    covered_by_partner: dict[int, np.ndarray] = {}
    for w, whole in enumerate(wholes):
        if w in skip_wholes or not whole or partner.get(w) in skip_parts:
            continue
        near = free_parts[
            local[w, free_parts]
            & ((contained[w, free_parts] >= SIEVE) | (holds[w, free_parts] >= TAKES))
            & (free_parts != partner.get(w, -1))
        ]
        if near.size == 0:
            continue
        base = _covered(whole, parts[partner[w]]) if w in partner else _nothing(whole)
        covered_by_partner[w] = base
        for p in near.tolist():
            gain, mine = _gain(whole, parts[p], base, available[p])
            held = (float(mine.sum()) / len(parts[p]), gain)
            if gain and held > claims.get(p, ((0.0, 0.0), -1))[0]:
                claims[p] = (held, w)
    candidates: dict[int, list[tuple[float, int]]] = {}
    for p, ((_, gain), w) in claims.items():
        candidates.setdefault(w, []).append((gain, p))
    found: dict[int, list[int]] = {}
    for w, gains in candidates.items():
        whole = wholes[w]
        chosen = [partner[w]] if w in partner else []
        covered = covered_by_partner[w].copy()
        for _, p in sorted(gains, reverse=True):
            gain, mine = _gain(whole, parts[p], covered, available[p])
            if gain:
                chosen.append(p)
                covered |= mine
        if len(chosen) >= 2 and covered.mean() >= COVER:
            found[w] = sorted(chosen)
    # A whole may not take the partner of another whole that was divided too.
    partners_divided = {partner[w]: w for w in found if w in partner}
    return {w: ps for w, ps in found.items() if all(partners_divided.get(p, w) == w for p in ps)}


def found_share(whole: str, part: str) -> float:
    """The share of ``part`` found in ``whole`` (1.0 for an empty part)."""
    return float(_covered(whole, part).sum()) / len(part) if part else 1.0


def _nothing(whole: str) -> np.ndarray:
    return np.zeros(len(whole), dtype=bool)


def _covered(whole: str, part: str) -> np.ndarray:
    """The characters of ``whole`` that ``part`` accounts for: its runs of ``BLOCK`` or more
    characters in common, longest first (difflib), so that a sentence found twice in the whole
    is taken where the rest of the part places it (single characters in common are chance).
    Runs found are set aside and the rest matched again (``PASSES``, runs of ``MOVED_BLOCK``
    or more): a revision reorders the phrases of a sentence, which one pass in order misses."""
    covered = _nothing(whole)
    left, right = list(whole), list(part)
    for attempt in range(PASSES):
        least = BLOCK if attempt == 0 else MOVED_BLOCK
        matcher = SequenceMatcher(None, "".join(left), "".join(right), autojunk=False)
        found = False
        for start, other, size in matcher.get_matching_blocks():
            if size >= least:
                covered[start : start + size] = True
                left[start : start + size] = "\0" * size
                right[other : other + size] = "\1" * size
                found = True
        if not found:
            break
    return covered


def _gain(whole: str, part: str, covered: np.ndarray, need: float) -> tuple[float, np.ndarray]:
    """The share of ``whole`` that ``part`` adds to ``covered`` and where, or 0.0 if it is no
    part. Either most of the part is found in the whole (``PART``, or ``need``), mostly where
    nothing else covers it (``OWN``), adding something (``GAIN``, ``ADDED``); or the part
    brings a large piece of the whole that nothing else covers (``TAKES``). What is covered is
    masked before the part is matched, so text it shares with the others is not counted twice."""
    if not part:
        return 0.0, covered
    masked = "".join("\0" if taken else char for char, taken in zip(whole, covered, strict=True))
    mine = _covered(masked, part) & ~covered
    added = int(mine.sum())
    found = _covered(whole, part).sum()
    mostly_found = (
        found >= max(PART, need) * len(part)
        and added >= OWN * len(part)
        and added >= min(GAIN * len(whole), ADDED)
    )
    brings_a_piece = found >= need * len(part) and added >= max(TAKES * len(whole), 2 * ADDED)
    if not (mostly_found or brings_a_piece):
        return 0.0, covered
    return added / len(whole), mine
