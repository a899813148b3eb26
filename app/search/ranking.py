"""Ranking for app/search/whoosh_index.py: how a query is cut into words, and how a segment's comments are
scored for them. Kept apart from the index's upkeep (writing, catching up, rebuilding).

Whoosh's own matchers step document by document in Python, seconds per common word at
100,000 comments, so postings are read a block at a time through whoosh-reloaded 2.7.5's
matcher internals (the version is pinned in pyproject.toml) and scored here with tf-idf.
"""

from __future__ import annotations

import logging
import math
import threading
import warnings

TEXT_BOOST = 2.0  # a comment's own words count more than those of the clause it is on


def analyzer():
    """jieba's ChineseAnalyzer; importing its package leaves a file open (a ResourceWarning),
    and opening an index imports it again when the schema is unpickled, so both come here."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        from jieba.analyse import ChineseAnalyzer
    return ChineseAnalyzer()


def _alternatives(word: str) -> list[list[str]]:
    """The ways a comment can hold a query word: the word itself, or all the shorter words
    jieba's search mode finds in it (继续教育 also matches 继续…教育学, segmented otherwise).
    Empty for a stop word."""
    tokens = [(token.text, token.startchar, token.endchar) for token in _query_analyzer()(word)]
    whole = sorted({text for text, start, end in tokens if start == 0 and end == len(word)})
    parts = sorted({text for text, _start, _end in tokens if text not in whole})
    options = [[text] for text in whole]
    if parts and (not whole or len(parts) > 1):
        options.append(parts)
    return options


_analyzers = threading.local()


def _query_analyzer():
    if not hasattr(_analyzers, "analyzer"):
        _analyzers.analyzer = analyzer()
    return _analyzers.analyzer


def query_words(text: str) -> list[list[list[str]]]:
    """The query's words as jieba segments it in its default (accurate) mode."""
    import jieba

    words = (word.strip() for word in jieba.cut(text))
    return [options for options in (_alternatives(word) for word in words if word) if options]


def _postings(leaf, fieldname: str, term: str) -> dict[int, float]:
    """Every document of a segment holding ``term``, with its frequency there.

    Whoosh's matchers step document by document in Python (about 0.1 ms each, seconds for a
    common word in 100,000 comments); its posting blocks decode in one go, so they are read
    whole here and the query's sets are combined with dicts."""
    from whoosh.matching.wrappers import FilterMatcher
    from whoosh.reading import TermNotFound

    try:
        matcher = leaf.postings(fieldname, term)
    except TermNotFound:
        return {}
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child  # deleted documents are taken out below
    found: dict[int, float] = {}
    if hasattr(matcher, "_read_ids"):  # whoosh3's block matcher
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            found.update(zip(matcher._ids, matcher._weights, strict=True))
            matcher._next_block()
    else:
        while matcher.is_active():
            found[matcher.id()] = matcher.weight()
            matcher.next()
    for docnum in leaf.deleted_docs_set if leaf.has_deletions() else ():
        found.pop(docnum, None)
    return found


def score_segment(leaf, revision_id: int, words, reader) -> list[tuple[float, int]]:
    """(score, comment id) of the segment's comments of the revision holding every word:
    tf-idf, saturated, a comment's own text counting TEXT_BOOST times its clause's."""
    total = max(reader.doc_count(), 1)
    candidates = set(_postings(leaf, "revision_id", str(revision_id)))
    scores: dict[int, float] = dict.fromkeys(candidates, 0.0)
    for options in words:
        matched: set[int] = set()
        for terms in options:
            for fieldname, boost in (("text", TEXT_BOOST), ("clause", 1.0)):
                postings = [_postings(leaf, fieldname, term) for term in terms]
                docs = set.intersection(*(set(p) for p in postings)) & candidates
                for posting, term in zip(postings, terms, strict=True):
                    idf = math.log(1 + total / (1 + reader.doc_frequency(fieldname, term)))
                    for docnum in docs:
                        frequency = posting[docnum]
                        scores[docnum] += boost * idf * frequency * 2.2 / (frequency + 1.2)
                matched |= docs
        candidates &= matched
        if not candidates:
            return []
    ids = leaf.column_reader("id")
    return [(scores[docnum], int(ids[docnum])) for docnum in candidates]
