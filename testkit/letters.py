"""Position papers (意见函) written for the splitter's tests and benchmark, with the segments a
reader cuts them into and the clause each cites (of drafts/certified-personnel-r1.zh.md).

A letter is a list of lines: ("noise", text) is not a comment (letterhead, salutation,
signature, quoted lines); ("head", text) a heading over points; ("point", text, clause) opens
a segment, which ("more", text) lines continue; ("table", header, rows) a table whose rows
are points (each row: cells, clause). The letters are built as DOCX (python-docx, with a
running header and page numbers), as plain text, and (by LibreOffice, once) as PDF.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass

from docx import Document

from app.exports.writers.docx import page_footer

SIGNATURE = [
    ("noise", "此致"),
    ("noise", "敬礼！"),
    ("noise", "中国认证认可协会（盖章）"),
    ("noise", "二〇二六年十一月二十日"),
    ("noise", "联系人：张明　电话：010-68881234"),
]

FORMAL = [  # 公文 style: 一、 over （一）, a heading that cites, relative citations
    ("noise", "中国认证认可协会"),
    ("noise", "认协函〔2026〕45号"),
    ("noise", "关于《认证人员管理办法（征求意见稿）》的意见"),
    ("noise", "国家认证认可监督管理委员会："),
    (
        "noise",
        "贵委《关于征求〈认证人员管理办法（征求意见稿）〉意见的函》收悉。经研究，现提出如下意见：",
    ),
    ("head", "一、总体意见"),
    ("point", "（一）建议在总则中明确认证人员分类管理的原则，区分审核员和检查员的不同要求。", None),
    ("point", "（二）建议增加过渡期安排，给予现有认证人员不少于一年的过渡期。", None),
    ("head", "二、具体条款意见"),
    ("point", "（一）第十二条第二款规定的申请材料过多，建议删减与注册无关的材料。", "art12.p2"),
    (
        "more",
        "理由：部分材料在认证机构已有存档，重复提交增加申请人负担，也与《认证认可条例》第十条的精神不符。",
    ),
    ("point", "（二）关于第十五条，认证人员注册证书有效期三年过短，建议延长为五年。", "art15"),
    ("point", "（三）建议将第九条第一款第（三）项中的“三年”修改为“两年”。", "art9.p1.i3"),
    (
        "point",
        "（四）“第三十条第一款”所列行为不够全面，建议增加虚假宣传培训效果的情形。",
        "art30.p1",
    ),
    ("head", "三、关于第二十条"),
    ("point", "（一）第二款的义务表述不明确，建议细化认证人员报告的时限。", "art20.p2"),
    ("point", "（二）建议增加认证人员如实记录审核过程的义务。", "art20"),
    ("more", "同时，记录应当保存不少于六年。"),
    *SIGNATURE,
]

PLAIN = [  # arabic numbering, citations written every which way, quoted lines
    ("noise", "各位领导："),
    ("noise", "我公司组织相关人员认真研究了征求意见稿，提出以下意见："),
    ("point", "1. 第12条第2款：建议明确补正材料的期限，避免申请长期搁置。", "art12.p2"),
    ("point", "2. 13条中“五个工作日”偏短，建议修改为十个工作日。", "art13"),
    ("noise", "原文：认证人员注册机构应当自收到注册申请之日起五个工作日内作出是否受理的决定。"),
    (
        "point",
        "3. 建议参照第五条的表述，修改第十八条第一款，允许认证人员在两个认证机构执业。",
        "art18.p1",
    ),
    ("more", "理由：兼职执业在实践中普遍存在，一律禁止不利于行业发展。"),
    ("point", "4. 建议增加关于继续教育学时认定的规定。", None),
    ("more", "例如，在线学习、参加标准起草的学时如何计算，应当予以明确。"),
    ("noise", "> 贵委此前来函：请于11月30日前反馈。"),
    ("point", "5. 第四十二条第一款第（二）项的“情节严重”缺少认定标准，建议列举。", "art42.p1.i2"),
    ("noise", "特此函告。"),
    ("noise", "北京某某认证有限公司"),
    ("noise", "2026年11月21日"),
]

TOPICS = [  # unnumbered: a clause on a line of its own heads its paragraphs
    ("noise", "中国质量认证中心关于认证人员管理办法的反馈意见"),
    ("noise", "国家认证认可监督管理委员会认证人员管理处："),
    ("head", "关于第五条："),
    ("point", "建议在认证人员应当遵循的原则中增加“保密”原则。", "art5"),
    ("more", "理由：保密是认证人员的基本职业要求，第二十三条虽有规定，但应在原则中体现。"),
    ("head", "关于第十四条："),
    (
        "point",
        "第（二）项“受到刑事处罚”的表述过宽，建议限定为与执业有关的刑事处罚。",
        "art14.p1.i2",
    ),
    ("point", "第十六条第一款规定的每年二十四学时的要求偏高，建议调整为每年十六学时。", "art16.p1"),
    ("point", "我中心认为，本办法对认证咨询机构的监管措施总体可行，建议尽快出台。", None),
    ("noise", "以上意见供参考。"),
    ("noise", "中国质量认证中心"),
    ("noise", "2026年11月22日"),
]

TABLE = [  # the points in a table: 序号 | 条款 | 修改意见 | 理由
    ("noise", "关于认证人员管理办法（征求意见稿）的修改意见"),
    ("noise", "国家认证认可监督管理委员会："),
    ("noise", "我单位对征求意见稿的意见见下表："),
    (
        "table",
        ("序号", "条款", "修改意见", "理由"),
        [
            (
                ("1", "第十二条第二款", "建议删除“近期免冠照片”的要求。", "系统已有照片。"),
                "art12.p2",
            ),
            (("2", "第17条", "建议将三十日改为六十日。", "三十日过短。"), "art17"),
            (("3", "总体", "建议统一“认证人员”与“审核员”的用语。", ""), None),
            (
                ("4", "第二十七条第一款第（一）项", "建议明确培训课时的最低要求。", "便于监督。"),
                "art27.p1.i1",
            ),
        ],
    ),
    ("point", "另外，建议在第三十一条中增加对培训质量评价结果的运用。", "art31"),
    ("noise", "联系人：李华"),
    ("noise", "电话：021-55556666"),
    ("noise", "上海某某检测认证股份有限公司"),
    ("noise", "2026年11月23日"),
]

LETTERS = {"formal": FORMAL, "plain": PLAIN, "topics": TOPICS, "table": TABLE}


@dataclass(frozen=True)
class Expected:
    clause: str | None
    text: str


def expected_segments(letter) -> list[Expected]:
    """The segments a reader cuts the letter into, in order (numbering left out)."""
    out: list[list] = []
    for line in letter:
        if line[0] == "point":
            out.append([line[2], _unnumbered(line[1])])
        elif line[0] == "more":
            out[-1][1] += "\n" + line[1]
        elif line[0] == "table":
            header = line[1]
            for cells, clause in line[2]:
                text = cells[2] + (f"\n{header[3]}：{cells[3]}" if cells[3] else "")
                out.append([clause, text])
    return [Expected(clause, text) for clause, text in out]


def _unnumbered(text: str) -> str:
    return re.sub(
        r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、])\s*", "", text
    )


def letter_text(letter) -> str:
    lines = []
    for line in letter:
        if line[0] == "table":
            lines.append("\t".join(line[1]))
            lines.extend("\t".join(cells) for cells, _ in line[2])
        else:
            lines.append(line[1])
    return "\n".join(lines) + "\n"


def letter_docx(
    letter, *, running_header: str = "认证人员管理办法意见", repeat: int = 1, page_breaks=False
) -> bytes:
    """The letter as Word writes it: a running header, 第 X 页 共 Y 页 in the footer, a
    table for the table's rows; ``repeat`` copies the body that many times (a long letter);
    ``page_breaks`` starts each heading but the first on a new page."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = running_header
    page_footer(section.footer.paragraphs[0], "第 {page} 页 共 {pages} 页")
    first_head = next((line for line in letter if line[0] == "head"), None)
    for _ in range(repeat):
        for line in letter:
            if line[0] == "table":
                table = document.add_table(rows=1, cols=len(line[1]))
                table.style = document.styles["Table Grid"]
                for cell, value in zip(table.rows[0].cells, line[1], strict=True):
                    cell.text = value
                for cells, _clause in line[2]:
                    for cell, value in zip(table.add_row().cells, cells, strict=True):
                        cell.text = value
            else:
                paragraph = document.add_paragraph(line[1])
                if page_breaks and line[0] == "head" and line is not first_head:
                    paragraph.paragraph_format.page_break_before = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- scoring -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    expected: int
    found: int
    matched: int  # found segments that are an expected one (same text, near enough)
    clauses_right: int  # of those, with the expected clause

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def clause_accuracy(self) -> float:
        return self.clauses_right / self.matched if self.matched else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self.counts(), other.counts(), strict=True)))

    def counts(self) -> tuple[int, int, int, int]:
        return (self.expected, self.found, self.matched, self.clauses_right)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def score(expected: list[Expected], found: list[dict]) -> Score:
    """Segments found in order against those expected: a found segment matches the next
    expected one whose text it is (≥ 0.9 alike, ignoring spaces and line breaks)."""
    matched = right = 0
    start = 0
    for segment in found:
        for index in range(start, len(expected)):
            ratio = difflib.SequenceMatcher(
                None, _flat(expected[index].text), _flat(segment["text"]), autojunk=False
            ).ratio()
            if ratio >= 0.9:
                matched += 1
                right += expected[index].clause == segment["clause"]
                start = index + 1
                break
    return Score(len(expected), len(found), matched, right)


# Written after the splitter was, and not tuned for: how it does on a letter it has not seen.
HELD_OUT = [
    ("noise", "深圳市某某认证咨询有限公司"),
    ("noise", "关于对《认证人员管理办法（征求意见稿）》的反馈意见"),
    ("noise", "尊敬的国家认监委："),
    ("noise", "根据贵委通知要求，我公司结合工作实际，对征求意见稿逐条进行了研究，意见如下。"),
    ("point", "一、第3条用语的含义中，建议增加“认证咨询人员”的定义，与第三十三条相衔接。", "art3"),
    (
        "point",
        "二、第八条规定经注册后方可执业，但未规定注册申请期间能否参与审核，建议予以明确。",
        "art8",
    ),
    ("more", "实践中，新入职人员在等待注册期间往往以观察员身份参与审核，建议本条增加相关表述。"),
    ("point", "三、第十三条第二款中“十个工作日”的期限，建议修改为“十五个工作日”。", "art13.p2"),
    (
        "point",
        "四、《行政许可法》第三十条规定了公示义务，建议本办法第二十八条参照执行，增加公示期限。",
        "art28",
    ),
    ("point", "五、一是建议第二十二条增加禁止出借注册证书的情形；", "art22"),
    (
        "point",
        "六、第三十五条第（四）项表述为“其他违反规定的行为”，过于笼统，建议列明。",
        "art35.p1.i4",
    ),
    ("point", "七、建议对违反本办法的法律责任条款进行梳理，统一罚款幅度。", None),
    ("noise", "- 2 -"),
    ("noise", "以上意见，请酌。"),
    ("noise", "深圳市某某认证咨询有限公司"),
    ("noise", "2026年11月25日"),
]
