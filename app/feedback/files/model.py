"""The plain data both sides of the feedback form share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FormRow:
    """One comment on a feedback form: a row of the rows table.

    Written forms use only citation, body, proposed and reason. Read forms also say where the
    row was found: ``line`` is the sheet row (XLSX) or the table row counted from 1 with the
    heading row (DOCX); ``where`` says the same in words ("Sheet1 row 7", "table 2 row 4").
    """

    line: int = 0
    citation: str = ""  # 章条编号, as the unit wrote it ('' when left blank)
    body: str = ""  # 意见内容
    proposed: str = ""  # 修改建议
    reason: str = ""  # 理由
    comment_type: str | None = None  # ge / te / ed, from the ISO sheet's "Type of comment"
    where: str = ""
