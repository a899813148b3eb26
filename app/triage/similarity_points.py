"""The second tier of grouping suggestions: comments that make the same point in their own words
(相同观点), beside the copies and template campaigns that app/triage/similarity.py finds.

Pure Python plus scikit-learn and SciPy, no Flask and no SQLAlchemy. The method, measured on
testkit/paraphrase_set.py (hand-written paraphrases, hard negatives, unrelated comments):

1. the text is read for its point: NFKC, numbers written in words become digits (五年 = 5年,
   三十天 = 30日), citations of the draft are dropped (the clause key already says where the
   comment is; 第十五条第一款 in one paraphrase and not in another is not a difference of point),
   and a word after a negation (不宜延长) is marked as negated, so "extend it" and "do not
   extend it" do not share that word;
2. TF-IDF over jieba's words plus character bigrams (words carry the point; bigrams survive
   jieba's segmentation errors and short spellings such as 人日 / 人日数), sub-linear counts,
   each row L2-normalised, so a dot product is the cosine similarity;
3. neighbours are looked for only inside a block: the clause in clause scope; in draft scope the
   whole draft, where a pair on different clauses needs ``CROSS_MARGIN`` more similarity (a
   comment that names the article another is on counts as on that article);
4. pairs whose stances oppose (more against less, support against change: see
   app/triage/similarity_stance.py) count as not similar at all;
5. average linkage within each connected component of the neighbour graph: two clusters join
   only if their members are on average ``THRESHOLD`` similar, so a chain a~b~c~d never pulls
   unrelated a and d together (a component too large for that is clustered around stars: each
   member close to one central comment).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

from app.legaltext.numerals import cn_to_int
from app.triage.similarity_stance import stance

# Mean cosine two clusters need to join. On testkit/paraphrase_set.py (clause scope) the tier's
# pairwise precision/recall were 0.68/0.96 at 0.10, 0.80/0.88 at 0.13, 0.80/0.80 from 0.14 to
# 0.17, 0.83/0.48 at 0.20, 0.95/0.21 at 0.25, 1.00/0.13 at 0.30: the middle of the plateau.
THRESHOLD = 0.15
CROSS_MARGIN = 0.15  # extra similarity asked of comments on different clauses (draft scope)
COMPONENT_LIMIT = 400  # larger components are clustered around stars, not by average linkage
CHUNK = 1024  # rows per block of the similarity product (memory: CHUNK x block size floats)

_NUMERAL = "零〇一二两三四五六七八九十百千万"
# A number in words is read only before a counter, so that 统一 or 一刀切 stay words.
_COUNTED = re.compile(
    rf"([{_NUMERAL}]+)(?=个?(?:年|月|日|天|周|工作日|学时|小时|课时|名|人|次|元|万元|倍|家|项|岁))"
)
_DAYS = re.compile(r"(\d+)(?:个)?(?:天|日)")
_CITATION = re.compile(
    rf"(?:本办法)?(?:第[{_NUMERAL}\d]+条(?:之[{_NUMERAL}\d]+)?)?"
    rf"(?:第[{_NUMERAL}\d]+[款项目])+|(?:本办法)?第[{_NUMERAL}\d]+条(?:之[{_NUMERAL}\d]+)?"
)
_ARTICLE = re.compile(rf"第([{_NUMERAL}\d]+)条")
_NEGATORS = frozenset(
    [
        "不",
        "不宜",
        "不应",
        "不应当",
        "不能",
        "不得",
        "不必",
        "无需",
        "无须",
        "不需要",
        "没有必要",
        "不要",
        "不再",
        "不予",
        "反对",
        "避免",
    ]
)
# Function words and the ways a unit names itself: they say nothing about the point.
_STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "或者",
        "等",
        "是",
        "在",
        "对",
        "为",
        "将",
        "把",
        "也",
        "就",
        "都",
        "而",
        "但",
        "并",
        "其",
        "之",
        "以",
        "由",
        "于",
        "从",
        "到",
        "被",
        "我",
        "我们",
        "我单位",
        "我公司",
        "我协会",
        "我中心",
        "我局",
        "我会",
        "我院",
        "我校",
        "本",
        "单位",
        "认为",
        "建议",
        "意见",
        "希望",
        "请",
        "提出",
        "如下",
        "关于",
        "办法",
        "本办法",
        "草案",
        "规定",
        "应当",
        "可以",
        "这",
        "那",
        "该",
        "此",
        "吧",
        "呢",
        "吗",
        "啊",
        "就是",
    ]
)


_FUNCTION_RUN = re.compile(
    "|".join(sorted((re.escape(w) for w in _STOPWORDS if len(w) > 1), key=len, reverse=True))
)


def _opposed(stances: list[tuple], rows: slice | np.ndarray, cols) -> np.ndarray:
    """Pairs that make different points: more against less, or a comment that only supports the
    clause against one that asks to change it or asks a question about it. (A question against
    a change is no sign: changes are often asked as questions, 能不能……？)"""
    support = np.array([s[0] and not (s[1] or s[2]) for s in stances])
    other = np.array([(s[1] or s[2]) and not s[0] for s in stances])
    direction = np.array([s[3] for s in stances])
    return (
        (direction[rows, None] * direction[None, cols] < 0)
        | (support[rows, None] & other[None, cols])
        | (other[rows, None] & support[None, cols])
    )


def point_text(text: str) -> str:
    """The text as compared for its point: NFKC, lower-case, numbers as digits, citations out."""
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = _CITATION.sub(" ", folded)
    folded = _COUNTED.sub(_digits, folded)
    return _DAYS.sub(r"\1日", folded)


def _digits(match: re.Match) -> str:
    try:
        return str(cn_to_int(match.group(1)))
    except ValueError:  # 一百五 and the like: left as written, both copies alike
        return match.group(1)


def cited_article(text: str) -> str | None:
    """The first article a comment's text cites (第十五条 -> "art15"), or None."""
    match = _ARTICLE.search(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    try:
        return f"art{cn_to_int(match.group(1))}"
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def tokens(text: str) -> list[str]:
    """Words (``w:``), negated words (``n:``) and character bigrams (``c:``) of a point text."""
    out: list[str] = []
    negated = False
    for word in _jieba().lcut(text, HMM=False):
        word = word.strip()
        if not word or not any(ch.isalnum() for ch in word):
            negated = False  # punctuation ends a negation's reach
            continue
        if word in _NEGATORS:
            negated = True
            continue
        if word in _STOPWORDS:
            continue
        out.append(("n:" if negated else "w:") + word)
        negated = False
    # Bigrams of the text without its function words, so 建议 or 我单位 add no bigram either.
    letters = "".join(ch if ch.isalnum() else " " for ch in _FUNCTION_RUN.sub(" ", text))
    for run in letters.split():
        out.extend("c:" + run[i : i + 2] for i in range(len(run) - 1))
    return out


def _place(clause: str | None, text: str) -> str | None:
    """The article a comment is on (art15 for art15.p2), or the one its text cites."""
    if clause:
        return clause.split(".")[0]
    return cited_article(text)


def point_clusters(
    clauses: list[str | None],
    texts: list[str],
    *,
    scope: str = "clause",
    threshold: float = THRESHOLD,
) -> list[tuple[list[int], float]]:
    """Clusters (indexes into the inputs, mean pairwise cosine) of two or more comments that
    make the same point; the caller has removed the comments already grouped as copies."""
    if len(texts) < 2:
        return []
    prepared = [point_text(text) for text in texts]
    cache: dict[str, list[str]] = {}

    def analyse(text: str) -> list[str]:
        found = cache.get(text)
        if found is None:
            found = cache[text] = tokens(text)
        return found

    vectorizer = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, norm="l2", dtype=np.float32)
    try:
        matrix = vectorizer.fit_transform(prepared).tocsr()
    except ValueError:  # nothing but punctuation and stop words
        return []
    empty = np.asarray(matrix.getnnz(axis=1) == 0)
    blocks: dict[object, list[int]] = {}
    for index, clause in enumerate(clauses):
        if empty[index]:
            continue
        blocks.setdefault(clause if scope == "clause" else None, []).append(index)
    places = [_place(clause, text) for clause, text in zip(clauses, texts, strict=True)]
    found: list[tuple[list[int], float]] = []
    for members in blocks.values():
        if len(members) >= 2:
            found.extend(_cluster_block(matrix, members, clauses, texts, places, scope, threshold))
    return found


def _cluster_block(matrix, members, clauses, texts, places, scope, threshold):
    rows = matrix[members]
    # Pairs on different clauses pay a margin (draft scope only; a clause block has one clause).
    keys = np.array([str(clauses[i]) for i in members])
    arts = np.array([str(places[i]) for i in members])
    has_art = np.array([places[i] is not None for i in members])
    stances = [stance(point_text(texts[i])) for i in members]
    edges_r, edges_c, edges_v = [], [], []
    for start in range(0, len(members), CHUNK):
        stop = min(start + CHUNK, len(members))
        sims = (rows[start:stop] @ rows.T).toarray()
        if scope == "draft":
            same_clause = keys[start:stop, None] == keys[None, :]
            same_article = (arts[start:stop, None] == arts[None, :]) & has_art[None, :]
            sims -= np.where(same_clause | same_article, 0.0, CROSS_MARGIN).astype(sims.dtype)
        sims[_opposed(stances, slice(start, stop), slice(None))] = 0.0
        r, c = np.nonzero(sims >= threshold)
        keep = r + start < c
        edges_r.append(r[keep] + start)
        edges_c.append(c[keep])
        edges_v.append(sims[r[keep], c[keep]])
    r, c, v = (np.concatenate(parts) for parts in (edges_r, edges_c, edges_v))
    if not len(r):
        return []
    size = len(members)
    graph = csr_matrix((v, (r, c)), shape=(size, size))
    count, labels = connected_components(graph, directed=False)
    out = []
    for component in range(count):
        local = np.flatnonzero(labels == component)
        if len(local) < 2:
            continue
        sims = (rows[local] @ rows[local].T).toarray()
        if scope == "draft":
            same = (keys[local][:, None] == keys[local][None, :]) | (
                (arts[local][:, None] == arts[local][None, :]) & has_art[local][None, :]
            )
            sims -= np.where(same, 0.0, CROSS_MARGIN).astype(sims.dtype)
        sims[_opposed(stances, local, local)] = 0.0
        if len(local) <= COMPONENT_LIMIT:
            parts = _average_linkage(sims, threshold)
        else:
            parts = _stars(sims, threshold)
        for part in parts:
            if len(part) < 2:
                continue
            block = sims[np.ix_(part, part)]
            mean = (block.sum() - np.trace(block)) / (len(part) * (len(part) - 1))
            out.append(([members[local[i]] for i in part], float(mean)))
    return out


def _average_linkage(sims: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage clusters cut where the mean similarity between two falls below."""
    distance = np.clip(1.0 - sims.astype(np.float64), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    upper = distance[np.triu_indices(len(sims), k=1)]
    tree = linkage(upper, method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    parts: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        parts.setdefault(int(label), []).append(index)
    return list(parts.values())


def _stars(sims: np.ndarray, threshold: float) -> list[list[int]]:
    """Each comment with the most neighbours left leads a star of its unclaimed neighbours."""
    linked = sims >= threshold
    np.fill_diagonal(linked, False)
    free = np.ones(len(sims), dtype=bool)
    parts = []
    for centre in np.lexsort((np.arange(len(sims)), -linked.sum(axis=1))):
        if not free[centre]:
            continue
        star = [int(centre), *np.flatnonzero(linked[centre] & free).tolist()]
        star = sorted(set(star))
        free[star] = False
        parts.append(star)
    return parts
