"""Grouping suggestions (归并建议): near-duplicate comments found from their text alone.

Pure Python, no Flask and no SQLAlchemy, so the command line and the bench use it without a
database. The method, each step chosen by measurement on testkit/labelled_set.py:

1. normalise: NFKC, lower-case, keep letters and digits only (punctuation and spacing vary
   between copies of the same letter);
2. character shingles of ``SHINGLE`` characters (Chinese has no spaces to split words on);
3. MinHash signatures and LSH banding, to find candidate pairs without comparing every pair;
4. each candidate is verified with the exact Jaccard similarity of the shingle sets;
5. clustering around leaders: a comment joins the most similar existing cluster leader (its
   medoid-to-be) if at least ``threshold`` similar, else starts a cluster. Every member is thus
   close to one central comment, so a chain a~b~c~d never pulls unrelated a and d together,
   and the work grows with the number of comments, not with the square of a campaign's size.
   Clusters whose members are on average similar enough are then merged (average linkage),
   which recovers paraphrases that are close to each other but not to the first leader.
   A comment never joins a leader whose stance it opposes (app/triage/similarity_stance.py).

This is the first tier, "copies"; the second, "same_point" (comments making the same point in
other words), is app/triage/similarity_points.py. ``suggest_groups`` runs both.
"""

from __future__ import annotations

import hashlib
import random
import struct
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from app.triage.similarity_stance import opposed, stance

SHINGLE = 2  # characters per shingle (measured: see bench/_grouping.py)
THRESHOLD = 0.4  # exact Jaccard a comment must share with its cluster's leader
BANDS, ROWS = 20, 3  # LSH: 60 MinHash values; candidate at J=0.4 with probability ~0.75
MERGE_LIMIT = 12  # average linkage compares at most this many members of each cluster
MEAN_PAIRS = 2000  # the mean pairwise similarity of a larger group is estimated from a sample

Scope = Literal["clause", "draft"]
Tier = Literal["copies", "same_point"]
TIERS: tuple[Tier, ...] = ("copies", "same_point")


@dataclass(frozen=True)
class Item:
    """One comment: its id (int or str), its clause key (None: on the draft as a whole), text."""

    id: object
    clause: str | None
    text: str


@dataclass(frozen=True)
class Suggestion:
    """A suggested group: sorted ids, mean pairwise similarity, the shared clause or None, and
    its tier: "copies" (the same words: copies, template campaigns) or "same_point" (the same
    point in other words, app/triage/similarity_points.py). Similarities of the two tiers are
    not on one scale: Jaccard of character shingles, cosine of TF-IDF vectors."""

    ids: list
    similarity: float
    clause: str | None
    tier: Tier = "copies"


def normalise(text: str) -> str:
    """Letters and digits only, NFKC-folded and lower-cased."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if ch.isalnum())


def shingles(text: str, k: int = SHINGLE) -> frozenset[str]:
    """The set of k-character substrings of the normalised text (the whole text if shorter)."""
    return _shingles(normalise(text), k)


def _shingles(norm: str, k: int = SHINGLE) -> frozenset[str]:
    if len(norm) <= k:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(norm[i : i + k] for i in range(len(norm) - k + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


class _MinHasher:
    """MinHash with one table of BANDS*ROWS pseudo-random 32-bit values per distinct shingle.

    The values come from SHAKE-128 (stable across processes, unlike ``hash``); the vocabulary of
    character shingles is small, so caching them makes a signature a handful of C-level mins."""

    def __init__(self) -> None:
        self.size = BANDS * ROWS
        self.cache: dict[str, tuple[int, ...]] = {}
        self.unpack = struct.Struct(f"<{self.size}I").unpack

    def values(self, shingle: str) -> tuple[int, ...]:
        found = self.cache.get(shingle)
        if found is None:
            digest = hashlib.shake_128(shingle.encode()).digest(4 * self.size)
            found = self.cache[shingle] = self.unpack(digest)
        return found

    def signature(self, shingle_set: frozenset[str]) -> tuple[int, ...]:
        return tuple(map(min, zip(*map(self.values, shingle_set), strict=True)))


@dataclass
class _Cluster:
    leader: int
    members: list[int]


def suggest_groups(
    items: list[Item],
    *,
    scope: Scope = "clause",
    threshold: float = THRESHOLD,
    tiers: tuple[Tier, ...] = TIERS,
    point_threshold: float | None = None,
) -> list[Suggestion]:
    """Groups of two or more items, the copies tier's first, each tier's largest first.

    ``scope="clause"``: only items with the same clause key are grouped together;
    ``scope="draft"``: across clauses too. ``threshold`` is the copies tier's Jaccard,
    ``point_threshold`` the same-point tier's cosine (None: its measured default). Copies take
    precedence: a comment in a copies group is not suggested again as making the same point.
    The result does not depend on the input's order."""
    if scope not in ("clause", "draft"):
        raise ValueError(f"scope must be 'clause' or 'draft', not {scope!r}")
    if not 0.0 < threshold <= 1.0:
        raise ValueError("threshold must be in (0, 1]")
    if point_threshold is not None and not 0.0 < point_threshold <= 1.0:
        raise ValueError("point_threshold must be in (0, 1]")
    if not tiers or any(tier not in TIERS for tier in tiers):
        raise ValueError(f"tiers must be some of {TIERS}, not {tiers!r}")
    ordered = sorted(items, key=lambda item: _id_key(item.id))
    copies = _copy_groups(ordered, scope, threshold) if "copies" in tiers else []
    points: list[Suggestion] = []
    if "same_point" in tiers:
        grouped = {ident for suggestion in copies for ident in suggestion.ids}
        points = _point_groups([i for i in ordered if i.id not in grouped], scope, point_threshold)
    return copies + points


def _point_groups(
    ordered: list[Item], scope: Scope, point_threshold: float | None
) -> list[Suggestion]:
    from app.triage.similarity_points import THRESHOLD as POINT_THRESHOLD
    from app.triage.similarity_points import point_clusters

    clusters = point_clusters(
        [item.clause for item in ordered],
        [item.text for item in ordered],
        scope=scope,
        threshold=point_threshold or POINT_THRESHOLD,
    )
    suggestions = []
    for members, similarity in clusters:
        clauses = {ordered[i].clause for i in members}
        suggestions.append(
            Suggestion(
                ids=sorted((ordered[i].id for i in members), key=_id_key),
                similarity=round(similarity, 3),
                clause=clauses.pop() if len(clauses) == 1 else None,
                tier="same_point",
            )
        )
    suggestions.sort(key=lambda s: (-len(s.ids), -s.similarity, _id_key(s.ids[0])))
    return suggestions


def _copy_groups(ordered: list[Item], scope: Scope, threshold: float) -> list[Suggestion]:
    texts = [normalise(item.text) for item in ordered]
    sets = [_shingles(text) for text in texts]
    hasher = _MinHasher()
    # Exact copies (after normalisation) are one representative: campaigns send many.
    first_of: dict[tuple, int] = {}
    copies: dict[int, list[int]] = defaultdict(list)
    for index, (item, shingle_set) in enumerate(zip(ordered, sets, strict=True)):
        if not shingle_set:
            continue
        part = item.clause if scope == "clause" else None
        key = (part, texts[index])
        copies[first_of.setdefault(key, index)].append(index)
    representatives = list(copies)
    # Longer texts lead: a template letter is a better centre than a one-line "agree".
    representatives.sort(key=lambda i: (-len(sets[i]), i))

    # Opposite points in nearly the same words (三年过短，建议延长 / 三年合适，不宜延长) are
    # no copies: a comment never joins, nor merges with, a leader whose stance it opposes.
    stances = {i: stance(unicodedata.normalize("NFKC", ordered[i].text)) for i in representatives}
    buckets: dict[tuple, list[int]] = defaultdict(list)  # LSH buckets of leaders only
    clusters: dict[int, _Cluster] = {}
    near: dict[int, set[int]] = defaultdict(set)  # leader -> other leaders worth merging with
    for index in representatives:
        part = ordered[index].clause if scope == "clause" else None
        signature = hasher.signature(sets[index])
        keys = [(part, band, signature[band * ROWS : (band + 1) * ROWS]) for band in range(BANDS)]
        candidates = {leader for key in keys for leader in buckets.get(key, ())}
        scored = sorted(
            (
                (jaccard(sets[index], sets[leader]), leader)
                for leader in candidates
                if not opposed(stances[index], stances[leader])
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )
        if scored and scored[0][0] >= threshold:
            best = scored[0][1]
            clusters[best].members.extend(copies[index])
            for similarity, leader in scored[1:]:
                if similarity >= threshold * 0.75:
                    near[best].add(leader)
                    near[leader].add(best)
            continue
        clusters[index] = _Cluster(index, list(copies[index]))
        for key in keys:
            buckets[key].append(index)
        for similarity, leader in scored:
            if similarity >= threshold * 0.75:
                near[index].add(leader)
                near[leader].add(index)

    merged = _merge(clusters, near, sets, threshold)
    suggestions = []
    for members in merged:
        if len(members) < 2:
            continue
        clauses = {ordered[i].clause for i in members}
        suggestions.append(
            Suggestion(
                ids=sorted((ordered[i].id for i in members), key=_id_key),
                similarity=round(_mean_similarity(members, sets), 3),
                clause=clauses.pop() if len(clauses) == 1 else None,
            )
        )
    suggestions.sort(key=lambda s: (-len(s.ids), -s.similarity, _id_key(s.ids[0])))
    return suggestions


def _merge(
    clusters: dict[int, _Cluster],
    near: dict[int, set[int]],
    sets: list[frozenset],
    threshold: float,
) -> list[list[int]]:
    """Merge neighbouring clusters whose members are, on average, ``threshold`` similar."""
    parent = {leader: leader for leader in clusters}

    def root(leader: int) -> int:
        while parent[leader] != leader:
            parent[leader] = parent[parent[leader]]
            leader = parent[leader]
        return leader

    members = {leader: list(cluster.members) for leader, cluster in clusters.items()}
    for leader in sorted(near):
        for other in sorted(near[leader]):
            a, b = root(leader), root(other)
            if a == b:
                continue
            left, right = members[a][:MERGE_LIMIT], members[b][:MERGE_LIMIT]
            total = sum(jaccard(sets[i], sets[j]) for i in left for j in right)
            if total / (len(left) * len(right)) >= threshold:
                keep, gone = min(a, b), max(a, b)
                parent[gone] = keep
                members[keep] = members[keep] + members.pop(gone)
    return [members[leader] for leader in sorted(members)]


def _mean_similarity(members: list[int], sets: list[frozenset]) -> float:
    pairs: list[tuple[int, int]]
    count = len(members) * (len(members) - 1) // 2
    if count <= MEAN_PAIRS:
        pairs = list(combinations(members, 2))
    else:  # a fixed seed: the same group always reports the same figure
        pick = random.Random(len(members)).sample
        pairs = [tuple(pick(members, 2)) for _ in range(MEAN_PAIRS)]
    return sum(jaccard(sets[i], sets[j]) for i, j in pairs) / len(pairs)


def _id_key(value: object) -> tuple[int, object]:
    """Sort ints and strings together: ints first, each in their natural order."""
    return (0, value) if isinstance(value, int) else (1, str(value))
