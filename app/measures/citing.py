"""A revision's stored clauses as legaltext's citation reader sees them, to read citations as
people write them (第十二条第二款, 第12条第2款, 十二条, 12.2, Article 12(2)) into clause keys."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.core.extensions import db
from app.legaltext import CitationIndex
from app.measures.models import Clause, Revision


@dataclass(frozen=True, slots=True)
class CitableRow:
    """A stored clause with its parent named by key (legaltext's CitableClause)."""

    key: str
    kind: str
    number: int | None
    suffix: int
    parent: str | None
    citation: str
    citation_en: str
    caption: str
    caption_en: str


def citation_index(revision: Revision) -> CitationIndex:
    """The revision's clauses (not deleted ones), in document order, indexed once."""
    rows = db.session.execute(
        select(Clause.id, Clause.key, Clause.kind, Clause.number, Clause.suffix,
               Clause.parent_id, Clause.citation, Clause.citation_en, Clause.caption,
               Clause.caption_en)
        .where(Clause.revision_id == revision.id, Clause.deleted.is_(False))
        .order_by(Clause.position)
    ).all()  # fmt: skip
    keys = {row.id: row.key for row in rows}
    return CitationIndex(
        [
            CitableRow(row.key, row.kind, row.number, row.suffix, keys.get(row.parent_id),
                       row.citation, row.citation_en, row.caption, row.caption_en)
            for row in rows
        ],
        family=revision.family,
    )  # fmt: skip
