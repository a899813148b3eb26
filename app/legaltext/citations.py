"""Citations: how a reader names a clause (第十二条第二款第三项, Article 12(2)(c), 5.1.2 a)).

Chinese usage cites an article directly — chapters and sections are never part of an article's
citation — items without brackets (第三项), and omits 第一款 when the article has one paragraph.
English and standards citations follow the same shape.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .numerals import int_to_cn

if TYPE_CHECKING:
    from .model import Clause, Document

_NATURE = re.compile(r"\s*[（(].*$")
_STD_CITATION = re.compile(
    r"^(?:附录(?P<annex>[A-Z])|(?P<clause>[0-9A-Z.]+))(?: 第(?P<para>\d+)段)?(?: (?P<item>.+))?$"
)


def cite(doc: Document, clause: Clause) -> str:
    """The citation of `clause` in `doc` (the value parse() stores on Clause.citation)."""
    return citations_for(doc.family, doc.clauses)[clause.key]


def citations_for(family: str, clauses: Sequence[Clause]) -> dict[str, str]:
    """Citations of all clauses, keyed by clause key; clauses must be in document order."""
    by_key = {clause.key: clause for clause in clauses}
    paragraphs = Counter(clause.parent for clause in clauses if clause.kind == "paragraph")
    rule = {"cn": _chinese, "en": _english, "std": _standard}[family]
    out: dict[str, str] = {}
    # Parents come before their children, so each citation extends one already computed.
    for clause in clauses:
        parent = by_key.get(clause.parent) if clause.parent else None
        out[clause.key] = rule(clause, parent, by_key, paragraphs, out)
    return out


def _single(parent: Clause | None, paragraphs: Counter) -> bool:
    return parent is not None and paragraphs[parent.parent] <= 1


def _chinese(clause, parent, by_key, paragraphs, out) -> str:
    kind = clause.kind
    if kind == "chapter" and clause.number is not None and parent and parent.kind == "part":
        return out[parent.key] + clause.label  # chapters restart in each part: 第二编第一章
    if kind == "section" and parent is not None:
        return out[parent.key] + clause.label
    if kind == "paragraph":
        return out[parent.key] + clause.label
    if kind == "item":
        base = parent.parent if _single(parent, paragraphs) else parent.key
        return out[base] + f"第{int_to_cn(clause.number or 0)}项"
    if kind == "subitem":
        return out[parent.key] + f"第{int_to_cn(clause.number or 0)}目"
    return clause.label


def _english(clause, parent, by_key, paragraphs, out) -> str:
    kind = clause.kind
    if kind == "chapter" and clause.number is not None and parent and parent.kind == "part":
        return f"{out[parent.key]}, {clause.label}"
    if kind == "section" and parent is not None:
        return f"{out[parent.key]}, {clause.label}"
    if kind == "paragraph":
        return f"{out[parent.key]}({clause.number})"
    if kind == "item":
        base = parent.parent if _single(parent, paragraphs) else parent.key
        return out[base] + clause.label
    if kind == "subitem":
        return out[parent.key] + clause.label
    return clause.label


def _standard(clause, parent, by_key, paragraphs, out) -> str:
    kind = clause.kind
    if kind == "paragraph":
        if paragraphs[parent.key] <= 1:
            return out[parent.key]
        return f"{out[parent.key]} 第{clause.number}段"
    if kind == "item":
        base = parent.parent if _single(parent, paragraphs) else parent.key
        return f"{out[base]} {clause.label}"
    if kind == "subitem":
        return f"{out[parent.key]} {clause.label}"
    if kind == "annex":
        return _NATURE.sub("", clause.label)  # 附录A（规范性） is cited as 附录A
    return clause.label


def standard_citation_en(citation: str) -> str:
    """The English form of a standards citation (GB/T 1.1 drafts come in Chinese only):
    `5.1 第2段 a)` is `Clause 5.1, paragraph 2, a)`, `附录A` is `Annex A`; anything else is
    returned unchanged rather than guessed."""
    found = _STD_CITATION.match(citation)
    if not found:
        return citation
    parts = [f"Annex {found['annex']}" if found["annex"] else f"Clause {found['clause']}"]
    if found["para"]:
        parts.append(f"paragraph {found['para']}")
    if found["item"]:
        parts.append(found["item"])
    return ", ".join(parts)
