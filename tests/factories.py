"""Small builders for tests: draft files and stored revisions."""

from __future__ import annotations

from pathlib import Path

from app.extensions import db
from app.legaltext import parse
from app.measures.services import import_revision, sha256_hex
from app.timeutil import zone

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"
DEMO_ZH = DRAFTS / "certified-personnel-r1.zh.md"
DEMO_EN = DRAFTS / "certified-personnel-r1.en.md"
DEMO_STD = DRAFTS / "gbt-certification-personnel-competence.zh.md"

SHORT_BODY = """第一章　总则

第一条　为了规范认证活动，制定本办法。

第二条　本办法适用于认证人员。

认证机构应当遵守本办法。

第二章　附则

第三条　本办法下列用语的含义：

（一）认证，是指合格评定活动；

（二）审核员，是指经注册的人员。

第四条　本办法自发布之日起施行。
"""


def draft_text(body: str = SHORT_BODY, **meta: str) -> str:
    fields = {
        "measure": "sample-measure",
        "title": "样例管理办法（征求意见稿）",
        "revision": "1",
        "label": "征求意见稿",
        "opens": "2021-01-08",
        "closes": "2021-02-08",
        "language": "zh",
    }
    fields.update(meta)
    head = "\n".join(f"{key}: {value}" for key, value in fields.items() if value is not None)
    return f"---\n{head}\n---\n\n{body}"


def write_draft(folder: Path, name: str = "draft.md", body: str = SHORT_BODY, **meta) -> Path:
    path = folder / name
    path.write_text(draft_text(body, **meta), encoding="utf-8")
    return path


def make_revision(body: str = SHORT_BODY, **meta):
    """Parse and store a draft; returns the committed Revision."""
    text = draft_text(body, **meta)
    outcome = import_revision(
        document=parse(text), source_sha256=sha256_hex(text.encode()), tz=zone()
    )
    db.session.commit()
    return outcome.revision
