"""Summaries built by hand for the writer tests: no database, every string already localised."""

from __future__ import annotations

from app.exports.summary_model import (
    IsoRow,
    IsoSheet,
    Summary,
    SummaryBlock,
    SummaryHeader,
    SummaryLabels,
    SummaryRow,
)

ZH_COLUMNS = (
    "序号",
    "章条编号",
    "意见针对稿次",
    "意见内容",
    "修改建议",
    "提出单位",
    "处理意见",
    "备注",
)
EN_COLUMNS = (
    "No.",
    "Clause",
    "Revision",
    "Comment",
    "Proposed change",
    "Submitted by",
    "Handling (with reason)",
    "Remarks",
)
ISO_COLUMNS = (
    "MB/NC",
    "Line number",
    "Clause/Subclause",
    "Paragraph/Figure/Table",
    "Type of comment",
    "Comments",
    "Proposed change",
    "Observations of the secretariat",
)


def _row(
    number,
    citation,
    body,
    proposed="",
    unit="",
    note="",
    key=None,
    kind="te",
    revision="征求意见稿",
):
    return SummaryRow(
        number=number,
        citation=citation,
        revision=revision,
        body=body,
        proposed=proposed,
        unit=unit,
        note=note,
        receipt=f"ZQ-2024-{number:04d}",
        clause_key=key,
        comment_type=kind,
        unit_category="认证机构" if unit else "",
    )


def chinese_summary() -> Summary:
    """A general comment first, a group of three under one answer, then single comments; some
    bodies look like spreadsheet formulas."""
    blocks = (
        SummaryBlock(
            rows=(_row(1, "总体意见", "建议整体梳理用语。", "", "甲认证中心", "网络", kind="ge"),),
            answer="采纳。已统一用语。",
            disposition="adopted",
        ),
        SummaryBlock(
            rows=(
                _row(
                    2,
                    "第二条第二款",
                    '=HYPERLINK("http://evil.example","点击")',
                    "删除",
                    "乙认证有限公司",
                    "",
                    "art2.p2",
                ),
                _row(
                    3, "第二条第二款", "+1 同意上述意见", "同上", "丙检测中心", "座谈会", "art2.p2"
                ),
                _row(4, "第二条第三款", "@SUM(A1:A3)", "", "丁认证中心", "逾期", "art2.p3"),
            ),
            answer="部分采纳。第二款已修改，第三款维持原文。",
            disposition="partially_adopted",
            group_title="第二条的适用范围",
        ),
        SummaryBlock(
            rows=(_row(5, "第五条", "-删除“原则上”", "删除", "戊公司", "", "art5"),),
            answer="未采纳。该表述与上位法一致。",
            disposition="not_adopted",
        ),
        SummaryBlock(
            rows=(_row(6, "第十二条第一款第三项", "  =1+1", "", "", "电子邮件", "art12.p1.i3"),),
            answer="",
            disposition=None,
        ),
    )
    return Summary(
        language="zh",
        header=SummaryHeader(
            title="认证机构管理办法（征求意见稿）",
            table_title="征求意见汇总处理表",
            drafting_unit="市场监管总局认证监督管理司",
            person_in_charge="王明",
            phone="010-82260000",
            date="2024-05-20",
            revision_label="第 1 稿",
        ),
        labels=SummaryLabels(
            columns=ZH_COLUMNS,
            drafting_unit="负责起草单位",
            person_in_charge="承办人",
            phone="电话",
            date="填写日期",
            page_footer="第 {page} 页 共 {pages} 页",
            figures_title="征求意见情况",
            totals_title="意见处理情况",
        ),
        blocks=blocks,
        figures=(
            ("①发送《征求意见稿》的单位数", 12),
            ("②收到《征求意见稿》后，回函的单位数", 9),
            ("③收到《征求意见稿》后，回函并有建议或意见的单位数", 6),
            ("④没有回函的单位数", 3),
        ),
        totals=(
            ("意见总数", 6),
            ("采纳", 1),
            ("部分采纳", 3),
            ("未采纳", 1),
            ("说明", 0),
            ("不属于本文件调整范围", 0),
            ("待处理", 1),
        ),
        options={"answered_only": False, "names": True},
    )


def english_summary() -> Summary:
    zh = chinese_summary()
    blocks = (
        SummaryBlock(
            rows=(_row(1, "General", "Harmonise the wording.", "", "Unit A", "web", kind="ge"),),
            answer="Adopted. The wording is harmonised.",
            disposition="adopted",
        ),
        SummaryBlock(
            rows=(
                _row(
                    2,
                    "Article 2(2)",
                    '=HYPERLINK("http://evil.example","click")',
                    "Delete",
                    "Unit B",
                    "",
                    "art2.p2",
                ),
                _row(3, "Article 2(2)", "+1 agree", "Same", "Unit C", "seminar", "art2.p2"),
                _row(4, "Article 2(3)", "@SUM(A1:A3)", "", "Unit D", "late", "art2.p3"),
            ),
            answer="Partially adopted. Paragraph 2 amended; paragraph 3 kept.",
            disposition="partially_adopted",
            group_title="Scope of Article 2",
        ),
        SummaryBlock(
            rows=(_row(5, "Article 5", "-delete 'in principle'", "Delete", "Unit E", "", "art5"),),
            answer="Not adopted. Consistent with the higher law.",
            disposition="not_adopted",
        ),
        SummaryBlock(
            rows=(_row(6, "Article 12(1)(c)", "  =1+1", "", "", "e-mail", "art12.p1.i3"),),
            answer="",
            disposition=None,
        ),
    )
    return Summary(
        language="en",
        header=SummaryHeader(
            title="Measures for the Administration of Certification Bodies (draft)",
            table_title="Summary and Handling of Comments",
            drafting_unit="Certification Supervision Department, SAMR",
            person_in_charge="Wang Ming",
            phone="010-82260000",
            date="2024-05-20",
            revision_label="Draft 1",
        ),
        labels=SummaryLabels(
            columns=EN_COLUMNS,
            drafting_unit="Drafting unit",
            person_in_charge="Person in charge",
            phone="Phone",
            date="Date",
            page_footer="Page {page} of {pages}",
            figures_title="Consultation",
            totals_title="Handling of comments",
        ),
        blocks=blocks,
        figures=(
            ("① Units consulted", 12),
            ("② Units that replied", 9),
            ("③ Units that replied with comments", 6),
            ("④ Units that did not reply", 3),
        ),
        totals=(
            ("Comments", 6),
            ("Adopted", 1),
            ("Partially adopted", 3),
            ("Not adopted", 1),
            ("Noted", 0),
            ("Out of scope", 0),
            ("Pending", 1),
        ),
        options=dict(zh.options),
    )


def long_summary(comments: int, *, group_every: int = 5) -> Summary:
    """A Chinese summary of ``comments`` rows; every ``group_every`` rows form one group."""
    base = chinese_summary()
    blocks = []
    number = 1
    while number <= comments:
        size = min(group_every if number % 2 else 1, comments - number + 1)
        rows = tuple(
            _row(
                n,
                f"第{(n % 40) + 1}条第{(n % 3) + 1}款",
                f"第{n}条意见：建议明确认证机构的资质条件和审批程序，避免重复审查。" * 2,
                f"修改为“认证机构应当具备相应的技术能力”（{n}）。",
                f"认证机构{n % 97}",
                "网络" if n % 2 else "座谈会",
            )
            for n in range(number, number + size)
        )
        blocks.append(
            SummaryBlock(rows=rows, answer=f"采纳。第{number}组意见已吸收。", disposition="adopted")
        )
        number += size
    return Summary(
        language=base.language,
        header=base.header,
        labels=base.labels,
        blocks=tuple(blocks),
        figures=base.figures,
        totals=base.totals,
        options=base.options,
    )


def iso_sheet() -> IsoSheet:
    return IsoSheet(
        title="认证机构管理办法（征求意见稿） ISO comments",
        columns=ISO_COLUMNS,
        rows=(
            IsoRow("认证机构", "", "第二条", "第二款", "te", "=1+1 范围过宽", "删除", "采纳"),
            IsoRow("", "12", "5.1.2", "a)", "ed", "Typo", "Fix", ""),
        ),
        date="2024-05-20",
    )
