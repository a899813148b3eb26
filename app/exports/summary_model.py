"""The summary and handling table (征求意见汇总处理表) as plain data, ready to be laid out.

Every string is already in the edition's language: the writers (XLSX, DOCX, CSV, JSON) only
lay it out, so the Chinese and English editions share one layout and the same data gives the
same rows whatever the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One comment: a line of the table."""

    number: int  # 序号, 1-based over the whole table
    citation: str  # 章条编号; the edition's "general" label for comments on the whole draft
    revision: str  # 意见针对稿次: the revision the comment was made on (its label)
    body: str  # 意见内容
    proposed: str  # 修改建议
    unit: str  # 提出单位 (or the person, or "anonymous", as consent allows)
    note: str  # 备注 (channel, seminar, late, receipt number)
    receipt: str  # receipt number, for the JSON edition and for checking
    clause_key: str | None  # None for general comments
    comment_type: str  # ge / te / ed
    unit_category: str  # the unit category's label ('' for an individual)
    # "submitted", "withdrawn" (listed, not counted) or "hidden" (hidden from the public by
    # the team, still counted and answered); the note says it in words as well.
    status: str = "submitted"
    hidden_reason: str = ""  # the team's reason, while hidden


@dataclass(frozen=True, slots=True)
class SummaryBlock:
    """Comments answered together: one group (归并), or a single comment.

    The answer cell spans every row of the block; ``answer`` is '' while unanswered.
    """

    rows: tuple[SummaryRow, ...]
    answer: str  # 处理意见: the disposition's label, then its reason
    disposition: str | None  # Disposition value, None while unanswered
    group_title: str = ""


@dataclass(frozen=True, slots=True)
class SummaryHeader:
    title: str  # document title (the revision's title in the edition's language)
    table_title: str  # 征求意见汇总处理表 / Summary and Handling of Comments
    drafting_unit: str
    person_in_charge: str
    phone: str
    date: str  # date filled, ISO 8601 (YYYY-MM-DD)
    revision_label: str


@dataclass(frozen=True, slots=True)
class SummaryLabels:
    """The fixed words of the edition: column headings and the captions of the header fields."""

    columns: tuple[str, str, str, str, str, str, str, str]  # 序号 … 备注
    drafting_unit: str
    person_in_charge: str
    phone: str
    date: str
    page_footer: str  # with {page} and {pages}, e.g. "第 {page} 页 共 {pages} 页"
    figures_title: str
    totals_title: str


@dataclass(frozen=True, slots=True)
class Summary:
    language: str  # "zh" or "en"
    header: SummaryHeader
    labels: SummaryLabels
    blocks: tuple[SummaryBlock, ...]  # document order, general comments first
    # Footer: ① to ④ then the totals, each (caption, figure), in the order they are printed.
    figures: tuple[tuple[str, int], ...]
    totals: tuple[tuple[str, int], ...]
    options: dict[str, object] = field(default_factory=dict)  # answered_only, names

    @property
    def rows(self) -> list[SummaryRow]:
        return [row for block in self.blocks for row in block.rows]


@dataclass(frozen=True, slots=True)
class IsoRow:
    """A line of the ISO-style comment sheet (ISO/IEC template's columns)."""

    member: str  # MB/NC: here the unit category
    line: str  # line number: the clause's line in the printed draft (1-based), '' if general
    clause: str  # Clause/Subclause: the article (or standard clause) cited
    paragraph: str  # Paragraph/Figure/Table: the rest of the citation (款, 项)
    comment_type: str  # ge / te / ed
    comment: str  # the comment, then its reason
    proposed: str
    observations: str  # Observations of the secretariat: the answer


@dataclass(frozen=True, slots=True)
class IsoSheet:
    title: str
    columns: tuple[str, str, str, str, str, str, str, str]
    rows: tuple[IsoRow, ...]
    date: str = ""  # ISO 8601; the file's fixed timestamps derive from it (reproducible SHA-256)
