"""The fixed words of our feedback form, in each language, and the form's identifier name."""

from __future__ import annotations

from dataclasses import dataclass

# The workbook-level defined name that carries the form identifier in our XLSX forms; a unit
# that copies the rows into a workbook of its own loses it, which is fine: reading never needs it.
IDENTIFIER_NAME = "ZhengqiuForm"


@dataclass(frozen=True, slots=True)
class Wording:
    form_title: str
    unit: str
    contact: str
    phone: str
    email: str
    columns: tuple[str, str, str, str, str]  # 序号 · 章条编号 · 意见内容 · 修改建议 · 理由
    general: str  # the citation for a comment on the whole draft
    instructions: str  # "{example}" is replaced by an example citation
    example: str
    sheet: str
    list_sheet: str
    prompt_title: str  # at most 32 characters (Excel)
    prompt: str  # at most 255 characters (Excel)


WORDINGS = {
    "zh": Wording(
        form_title="意见反馈表",
        unit="单位名称",
        contact="联系人",
        phone="电话",
        email="电子邮箱",
        columns=("序号", "章条编号", "意见内容", "修改建议", "理由"),
        general="总体",
        instructions=(
            "填写说明：每行填写一条意见。“章条编号”请写明具体条款，如“{example}”；"
            "对征求意见稿的总体意见，请填写“总体”。请勿修改表头。"
        ),
        example="第十二条第二款第三项",
        sheet="意见反馈表",
        list_sheet="条款列表",
        prompt_title="章条编号",
        prompt="可从列表中选择，也可直接填写，如“第十二条第二款”；总体意见填写“总体”。",
    ),
    "en": Wording(
        form_title="Feedback Form",
        unit="Unit",
        contact="Contact",
        phone="Phone",
        email="E-mail",
        columns=("No.", "Clause", "Comment", "Proposed wording", "Reason"),
        general="General",
        instructions=(
            "How to fill in: one comment per row. In the Clause column cite the provision, "
            "e.g. “{example}”; for a comment on the draft as a whole write “General”. "
            "Please keep the column headings."
        ),
        example="Article 12(2)(c)",
        sheet="Feedback form",
        list_sheet="Clauses",
        prompt_title="Clause",
        prompt="Pick from the list or type a citation, e.g. “Article 12(2)”; "
        "write “General” for the whole draft.",
    ),
}


def wording(language: str) -> Wording:
    try:
        return WORDINGS[language]
    except KeyError:
        raise ValueError(f"unknown form language {language!r}: expected 'zh' or 'en'") from None
