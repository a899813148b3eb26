"""Full-text search over many comments: build the index of ``count`` generated comments of the
demo regulation (SQLite on disk, through create_app and the migrations), then time 50 varied
queries through ``app.search.whoosh_index.query`` itself, catch-up check included, all results returned.

Run alone: `.venv/bin/python bench/_search.py [count]` prints {"search_p50_ms": …, …}.
"""

from __future__ import annotations

import json
import random
import secrets
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from app import create_app  # noqa: E402
from app.accounts.models import Role, User  # noqa: E402
from app.comments.models import Comment  # noqa: E402
from app.core.extensions import db  # noqa: E402
from app.core.timeutil import utcnow, zone  # noqa: E402
from app.legaltext import parse  # noqa: E402
from app.measures.models import Clause  # noqa: E402
from app.measures.services import import_revision, sha256_hex  # noqa: E402
from app.search import whoosh_index as search_module  # noqa: E402
from bench._common import percentile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "drafts" / "certified-personnel-r1.zh.md"

OPENINGS = ["建议", "我们认为", "本单位建议", "经研究，建议", "从实践看，", "提请注意，"]
SUBJECTS = ["认证人员", "审核员", "认证机构", "继续教育", "注册管理", "执业记录", "监督检查",
            "信用档案", "专职审核员", "兼职人员", "培训机构", "检查员", "技术专家", "评价人员"]  # fmt: skip
ACTIONS = ["明确", "细化", "删除", "补充", "调整", "放宽", "收紧", "统一", "简化", "取消"]
OBJECTS = ["的资格条件", "的学时要求", "的处罚标准", "的注册程序", "的考核方式", "的责任划分",
           "的年度报告", "的公示期限", "的变更手续", "的保密义务", "的回避情形", "的法律责任"]  # fmt: skip
REASONS = ["与上位法衔接。", "便于基层执行。", "减轻企业负担。", "避免重复监管。",
           "参照国际通行做法。", "防止权力滥用。", "实践中难以操作。", "表述不够严谨。"]  # fmt: skip
ENGLISH = ["The registration of auditors should follow ISO/IEC 17024.",
           "Continuing education hours are too high for part-time auditors.",
           "Please clarify the penalties for certification bodies."]  # fmt: skip
QUERIES = ["继续教育", "注册", "审核员", "认证机构", "处罚标准", "学时要求", "信用档案",
           "专职审核员", "公示期限", "法律责任", "检查员 考核", "上位法", "基层执行", "国际通行做法",
           "保密义务", "回避情形", "年度报告", "变更手续", "培训机构", "技术专家", "删除",
           "简化 注册程序", "放宽 资格条件", "监督检查 责任划分", "认证人员 继续教育",
           "auditors", "Registration", "continuing education", "ISO/IEC 17024", "penalties",
           "认证活动", "执业", "兼职", "评价人员", "实践中难以操作", "表述", "企业负担",
           "重复监管", "权力滥用", "细化 学时", "统一 考核方式", "取消", "收紧 处罚",
           "补充 法律责任", "审核员 注册", "认证机构 年度报告", "检查员", "资格条件", "考核",
           "本办法"]  # fmt: skip


def generated(rng: random.Random) -> tuple[str, str, str]:
    """A comment's body, proposed wording and reason, built from the phrases above."""
    if rng.random() < 0.02:
        return rng.choice(ENGLISH), "", ""
    parts = []
    for _ in range(rng.randint(1, 3)):
        parts.append(
            f"{rng.choice(OPENINGS)}{rng.choice(ACTIONS)}{rng.choice(SUBJECTS)}"
            f"{rng.choice(OBJECTS)}，{rng.choice(REASONS)}"
        )
    proposed = ""
    if rng.random() < 0.3:
        proposed = f"{rng.choice(SUBJECTS)}应当{rng.choice(ACTIONS)}{rng.choice(OBJECTS)[1:]}。"
    return "".join(parts), proposed, rng.choice(REASONS)


def prepare(folder: Path, count: int):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            "SEARCH_INDEX_DIR": str(folder / "search"),
            "SECRET_KEY": "bench",
        }
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        text = DRAFT.read_text(encoding="utf-8")
        revision = import_revision(
            document=parse(text), source_sha256=sha256_hex(text.encode()), tz=zone()
        ).revision
        author = User(
            email="bench@example.org", name="基准", role=Role.PARTICIPANT, password_hash="-"
        )
        db.session.add(author)
        db.session.flush()
        clause_ids = db.session.scalars(
            select(Clause.id).where(Clause.revision_id == revision.id)
        ).all()
        rng = random.Random(20210108)
        start = utcnow() - timedelta(days=30)
        for base in range(0, count, 10_000):
            rows = []
            for n in range(base, min(count, base + 10_000)):
                body, proposed, reason = generated(rng)
                when = start + timedelta(seconds=n * 20)
                rows.append(
                    {"revision_id": revision.id, "clause_id": rng.choice(clause_ids),
                     "author_id": author.id, "unit_category": "IP", "type": "te",
                     "body": body, "proposed": proposed, "reason": reason,
                     "form_token": secrets.token_hex(16), "created_at": when,
                     "updated_at": when}
                )  # fmt: skip
            db.session.execute(insert(Comment), rows)
        db.session.commit()
        revision_id = revision.id
        db.engine.dispose()
    return app, revision_id


def measure_search(count: int = 100_000) -> dict:
    with tempfile.TemporaryDirectory(prefix="zq-search-") as name:
        app, revision_id = prepare(Path(name), count)
        with app.app_context():
            started = time.perf_counter()
            indexed = search_module.rebuild()
            build = time.perf_counter() - started
            search_module.query("认证", revision_id=revision_id)  # opens the index, loads jieba
            times, hits = [], []
            for text in QUERIES:
                started = time.perf_counter()
                found = search_module.query(text, revision_id=revision_id)
                times.append(time.perf_counter() - started)
                hits.append(len(found))
            limited = []
            for text in QUERIES:
                started = time.perf_counter()
                search_module.query(text, revision_id=revision_id, limit=50)
                limited.append(time.perf_counter() - started)
            db.engine.dispose()
    return {
        "search_p50_ms": round(percentile(times, 0.5) * 1000, 1),
        "search_p95_ms": round(percentile(times, 0.95) * 1000, 1),
        "search_limit50_p50_ms": round(percentile(limited, 0.5) * 1000, 1),
        "index_build_s": round(build, 1),
        "indexed": indexed,
        "median_hits": sorted(hits)[len(hits) // 2],
        "max_hits": max(hits),
    }


if __name__ == "__main__":
    print(json.dumps(measure_search(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)))
