"""Texts as character bigrams: shared counts (containment) and weighted cosine (topic).

Most Chinese words are two characters, so bigrams are close to words; for English the
normalised text has no spaces and bigrams still follow its spelling. Weights are inverse
document frequencies over the article-level texts of both revisions: a phrase repeated in
many articles (单位犯前款罪的…, 处三年以下有期徒刑…) says little about which article is which.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse

GRAM = 2
SMALL = 64  # below this many pairs, Python sets beat building sparse matrices


def bigrams(text: str) -> list[str]:
    """The character bigrams of a (normalised) text; a text of one character is its own."""
    if len(text) <= GRAM:
        return [text] if text else []
    return [text[k : k + GRAM] for k in range(len(text) - GRAM + 1)]


def grams(text: str) -> frozenset[str]:
    return frozenset(bigrams(text))


class Weights:
    """Inverse document frequency of each bigram over a pool of texts."""

    def __init__(self, texts: Iterable[str]) -> None:
        frequency: Counter[str] = Counter()
        count = 0
        for text in texts:
            frequency.update(grams(text))
            count += 1
        self.unseen = math.log(count + 1) + 1.0
        self.idf = {g: math.log((count + 1) / (n + 1)) + 1.0 for g, n in frequency.items()}

    def cosine(self, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
        """Cosine of the weighted bigram vectors of each left text with each right text."""
        if len(left) * len(right) <= SMALL:
            a, b = [self._vector(t) for t in left], [self._vector(t) for t in right]
            return np.array([[sum(w * v.get(g, 0.0) for g, w in u.items()) for v in b] for u in a])
        vocabulary: dict[str, int] = {}
        a, b = self._matrix(left, vocabulary), self._matrix(right, vocabulary)
        size = len(vocabulary)
        a.resize((len(left), size))
        b.resize((len(right), size))
        return (a @ b.T).toarray()

    def _vector(self, text: str) -> dict[str, float]:
        """The unit vector of a text: each bigram weighted (1 + log count) × idf."""
        weights = {
            g: (1.0 + math.log(n)) * self.idf.get(g, self.unseen)
            for g, n in Counter(bigrams(text)).items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {g: w / norm for g, w in weights.items()}

    def _matrix(self, texts: Sequence[str], vocabulary: dict[str, int]) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        for r, text in enumerate(texts):
            for g, w in self._vector(text).items():
                rows.append(r)
                cols.append(vocabulary.setdefault(g, len(vocabulary)))
                values.append(w)
        shape = (len(texts), max(len(vocabulary), 1))
        return sparse.csr_matrix((values, (rows, cols)), shape=shape)


def shared_counts(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> np.ndarray:
    """How many grams each left set shares with each right set (one sparse product)."""
    if len(left) * len(right) <= SMALL:
        return np.array([[len(a & b) for b in right] for a in left], dtype=np.float64)
    vocabulary: dict[str, int] = {}

    def incidence(sets: Sequence[frozenset[str]]) -> tuple[list[int], list[int]]:
        rows = [r for r, found in enumerate(sets) for _ in found]
        cols = [vocabulary.setdefault(g, len(vocabulary)) for found in sets for g in found]
        return rows, cols

    (left_rows, left_cols), (right_rows, right_cols) = incidence(left), incidence(right)
    size = max(len(vocabulary), 1)
    a = sparse.csr_matrix((np.ones(len(left_rows)), (left_rows, left_cols)), (len(left), size))
    b = sparse.csr_matrix((np.ones(len(right_rows)), (right_rows, right_cols)), (len(right), size))
    return (a @ b.T).toarray()
