"""Recognising a feedback form's column headings and the unit's details above the table.

Units return our form, their own (with headings such as 条款号 · 具体意见 · 建议修改为 ·
修改理由) or ISO's comment template; all are read through the same vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from .wording import WORDINGS

HEADING_SEARCH_ROWS = 15

# Headings as written, by field; matched after normalising (see _norm).
_EXACT = {
    kind: names.split("|")
    for kind, names in {
        "number": "序号|编号|No.|No|Number|Item|#",
        "clause": "章条编号|章条号|章条|条款|条款号|条款编号|条款序号|章节条款|章节|条目|对应条款"
        "|所涉条款|涉及条款|修改条款|条文|条号|Clause|Clauses|Clause No.|Clause/Subclause"
        "|Article|Articles|Article No.|Provision|Section|Reference",
        "paragraph": "Paragraph/Figure/Table|Paragraph/Figure/Table/|Paragraph|段/图/表",
        "comment": "意见内容|意见|具体意见|修改意见|问题描述|意见和建议|意见及建议|意见建议"
        "|反馈意见|主要意见|存在问题|问题|Comment|Comments|Comment(s)|Issue"
        "|Comments and suggestions",
        "proposed": "修改建议|建议修改为|建议条文|建议|建议内容|建议修改内容|修改后条文|建议修改"
        "|修改为|Proposed change|Proposed changes|Proposed wording|Proposed text"
        "|Suggested change|Suggested wording|Suggestion|Proposal",
        "reason": "理由|修改理由|依据|理由及依据|理由和依据|修改依据|说明|理由说明|原因|Reason"
        "|Reasons|Justification|Rationale|Reason for change",
        "type": "Type of comment|Type|Comment type|意见类型|类型",
        "mb": "MB/NC|MB|NC|NB",
        "line": "Line number|Line|Line No.",
        # Columns a unit may add that are not the comment: the clause's text, the team's answer.
        "ignore": "原条文|原文|条文内容|条款内容|现行条文|处理意见|采纳情况|备注|提出单位"
        "|Observations of the secretariat|Remarks|Note|Notes",
    }.items()
}

# When no heading matches exactly: Chinese headings end in their head noun (修改理由 is a
# reason, 意见所涉条款 a clause); English ones are found by a word they contain.
_ENDINGS = [
    ("ignore", ("处理意见", "原条文", "条文内容", "条款内容")),
    # 修改意见及理由 is the comment with its reasons in one column.
    ("comment", ("意见及理由", "意见和理由", "意见与理由", "意见及依据")),
    ("proposed", ("建议及理由", "建议和理由")),
    ("reason", ("理由", "依据", "原因")),
    ("comment", ("意见", "问题", "描述")),
    ("proposed", ("建议", "修改为", "建议条文")),
    ("clause", ("条款", "条文", "条目", "章条", "条款号", "条款编号", "章条编号")),
]
_CONTAINS = [
    ("ignore", ("secretariat", "处理")),
    ("type", ("typeofcomment", "类型")),
    ("paragraph", ("paragraph", "figure")),
    ("mb", ("mb/nc",)),
    ("line", ("linenumber",)),
    ("reason", ("reason", "justif", "rationale")),
    ("proposed", ("proposed", "suggest")),
    ("comment", ("comment",)),
    ("clause", ("clause", "article")),
]
_ISO_FIELDS = {"paragraph", "mb", "line"}  # a type column alone (意见类型) is no ISO sheet
_MAX_HEADING = 40  # a longer cell is a sentence (a title, instructions), not a heading


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"\s+", "", text)
    return text.strip("*:.、")


def _bare(text: str) -> str:
    """Without notes in brackets and footnote marks: 章条编号(必填) → 章条编号, Type of comment2."""
    text = re.sub(r"\([^)]*\)|\[[^]]*\]", "", text)
    return re.sub(r"(?<=[a-z])\d+$", "", text).strip("*:.、")


_LOOKUP = {_norm(name): kind for kind, names in _EXACT.items() for name in names}


def classify(text: str) -> str | None:
    """The field a heading cell names, or None."""
    norm = _norm(text)
    if not norm or len(norm) > _MAX_HEADING:
        return None
    for candidate in (norm, _bare(norm)):
        if candidate in _LOOKUP:
            return _LOOKUP[candidate]
    bare = _bare(norm)
    for kind, endings in _ENDINGS:
        if bare.endswith(endings):
            return kind
    for kind, words in _CONTAINS:
        if any(word in bare for word in words):
            return kind
    return None


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each field is, as 0-based column indexes; a field may span several columns."""

    fields: dict[str, tuple[int, ...]]
    layout: str  # "ours", "own" or "iso"
    width: int

    def get(self, kind: str) -> tuple[int, ...]:
        return self.fields.get(kind, ())


def heading_columns(cells: Sequence[str]) -> Columns | None:
    """The columns of a heading row, or None when the row has no clause and comment heading."""
    found: dict[str, list[int]] = {}
    for index, text in enumerate(cells):
        kind = classify(text)
        if kind is not None and kind != "ignore":
            found.setdefault(kind, []).append(index)
    if "clause" not in found or "comment" not in found:
        return None
    named = [_norm(text) for text in cells if _norm(text)]
    if any(named == [_norm(name) for name in w.columns] for w in WORDINGS.values()):
        layout = "ours"
    elif _ISO_FIELDS & found.keys():
        layout = "iso"
    else:
        layout = "own"
    return Columns({k: tuple(v) for k, v in found.items()}, layout, len(cells))


_LOOKED_FOR = (
    "a clause column (章条编号, 条款, 条款号, 章节条款, 条目, 对应条款, 条文, Clause, "
    "Clause/Subclause, Article) and a comment column (意见内容, 意见, 具体意见, 修改意见, "
    "问题描述, Comment, Comments)"
)


def looked_for() -> str:
    """The headings a refusal names: what a clause and a comment column may be called."""
    return _LOOKED_FOR


_TYPES = {
    "ge": "ge", "general": "ge", "总体": "ge", "一般": "ge", "综合": "ge",
    "te": "te", "technical": "te", "技术": "te", "技术性": "te",
    "ed": "ed", "editorial": "ed", "编辑": "ed", "编辑性": "ed",
}  # fmt: skip


def comment_type(text: str) -> str | None:
    """ge / te / ed from an ISO sheet's type cell; None when blank or not one of the three."""
    return _TYPES.get(_bare(_norm(text)))


# --- the unit's details: 单位名称 · 联系人 · 电话 · 电子邮箱 ------------------------------------

_LABELS = {
    "unit": [
        "单位名称", "单位全称", "意见提出单位", "提出单位", "反馈单位", "填报单位", "机构名称",
        "单位", "Name of unit", "Organisation", "Organization", "Institution", "Company", "Unit",
    ],
    "contact": ["联系人", "填表人", "经办人", "姓名", "Contact person", "Contact", "Name"],
    "phone": [
        "联系电话", "电话号码", "联系方式", "电话", "手机", "Telephone", "Phone", "Mobile", "Tel",
    ],
    "email": ["电子邮箱", "电子邮件", "邮箱", "E-mail", "Email"],
}  # fmt: skip


def _label_pattern(label: str) -> str:
    # Forms pad labels to equal width (联 系 人, 电　　话): allow spaces between the characters.
    return r"\s*".join(re.escape(char) for char in label)


_BY_LABEL = {_norm(label): kind for kind, labels in _LABELS.items() for label in labels}
_ANY_LABEL = "|".join(_label_pattern(label) for label in sorted(_BY_LABEL, key=len, reverse=True))
_NOTE = r"(?:\s*[(（][^)）]{0,12}[)）])?"  # 单位名称（盖章）
_LABEL_COLON = re.compile(rf"(?<![a-z])({_ANY_LABEL}){_NOTE}\s*[:：]", re.IGNORECASE)
_LABEL_ONLY = re.compile(rf"^\s*({_ANY_LABEL}){_NOTE}\s*[:：]?\s*$", re.IGNORECASE)
_FILLER = " \t\r\n\u3000_＿"
_SEPARATORS = _FILLER + ",，;；、"  # between two details on one line: 联系人：张三，电话：…


@dataclass
class Details:
    """The unit's details as found; the first value found for a field wins."""

    values: dict[str, str] = field(default_factory=dict)

    def offer(self, kind: str, value: str) -> None:
        value = value.strip(_SEPARATORS)
        if value and not self.values.get(kind):
            self.values[kind] = value

    def get(self, kind: str) -> str:
        return self.values.get(kind, "")


def starts_with_label(text: str) -> bool:
    """Whether a cell begins "电话：…": a details line, even when it sits under the table."""
    return bool(_LABEL_COLON.match(text.strip())) or bool(_LABEL_ONLY.match(text))


def read_details(cells: Sequence[str], details: Details) -> None:
    """Take the unit's details from one row of cells (or one line of text, as one cell).

    A cell may hold "label：value" (several in one cell: "单位名称：甲 联系人：乙"), or just the
    label, when the value is in the next filled cell to its right.
    """
    for index, text in enumerate(cells):
        if _LABEL_ONLY.match(text):
            kind = _BY_LABEL[_norm(_LABEL_ONLY.match(text).group(1))]
            details.offer(kind, _value_to_the_right(cells, index))
            continue
        matches = list(_LABEL_COLON.finditer(text))
        for number, match in enumerate(matches):
            kind = _BY_LABEL[_norm(match.group(1))]
            end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
            value = text[match.end() : end]
            if not value.strip(_FILLER) and number + 1 == len(matches):
                value = _value_to_the_right(cells, index)
            details.offer(kind, value)


def _value_to_the_right(cells: Sequence[str], index: int) -> str:
    for text in cells[index + 1 :]:
        if not text.strip(_FILLER):
            continue
        return "" if starts_with_label(text) else text
    return ""
