"""The team's queue page at 10,000 comments over a 60-article draft: server time through the
test client, signed in as a team member, over varied filters and pages. Target: p50 < 150 ms.
"""

from __future__ import annotations

import hashlib
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 50
URLS = [
    "",
    "?page=7",
    "?sort=newest",
    "?clause=art12",
    "?type=te&category=CB",
    "?channel=seminar",
    "?disposition=none",
    "?state=unpublished&page=3",
    "?group=any&sort=unit",
    "?assignee=me",
    "?attachment=yes",
    "?late=yes&sort=oldest",
    "?clause=art30.p1&type=ed",
    "?general=1",
    "?disposition=adopted&page=2",
]


def _fill(count: int, rng: random.Random) -> None:
    from sqlalchemy import insert, select

    from app.accounts.models import Role, Unit, UnitCategory, User
    from app.comments.models import Attachment, Channel, Comment, CommentType, Stance
    from app.core.extensions import db
    from app.measures.models import Clause
    from app.triage.models import CommentGroup, Disposition, Event, Response, ResponseState

    revision_id, clause_ids = None, []
    for clause in db.session.scalars(select(Clause)):
        revision_id = clause.revision_id
        clause_ids.append(clause.id)
    units = [Unit(name=f"单位{n}", category=rng.choice(list(UnitCategory))) for n in range(200)]
    db.session.add_all(units)
    team = User(email="team@bench", name="队员", role=Role.TEAM, password_hash="x")
    people = [User(email=f"p{n}@bench", name=f"参与者{n}", password_hash="x") for n in range(500)]
    db.session.add_all([team, *people])
    events = [
        Event(revision_id=revision_id, title=t, city=c, held_on=datetime(2021, 1, d).date())
        for t, c, d in (("南京座谈会", "南京", 15), ("广州座谈会", "广州", 20))
    ]
    db.session.add_all(events)
    db.session.flush()
    start = datetime(2021, 1, 8)
    rows = []
    for n in range(count):
        unit = rng.choice(units) if rng.random() < 0.8 else None
        channel = rng.choice(list(Channel))
        rows.append(
            {
                "revision_id": revision_id,
                "clause_id": rng.choice(clause_ids) if rng.random() < 0.95 else None,
                "author_id": rng.choice(people).id,
                "unit_id": unit.id if unit else None,
                "unit_category": unit.category if unit else UnitCategory.IP,
                "type": rng.choice(list(CommentType)),
                "stance": rng.choice(list(Stance)),
                "body": "建议修改本条，明确认证人员的执业要求和监督管理措施。" * rng.randint(1, 6),
                "channel": channel,
                "event_id": rng.choice(events).id if channel == Channel.SEMINAR else None,
                "receipt": f"CP-R1-{n + 1:06d}",
                "form_token": f"bench-{n}",
                "late": rng.random() < 0.02,
                "assignee_id": team.id if rng.random() < 0.1 else None,
                "created_at": start + timedelta(minutes=n * 4),
                "updated_at": start + timedelta(minutes=n * 4),
            }
        )
    db.session.execute(insert(Comment), rows)
    ids = list(db.session.scalars(select(Comment.id)))
    rng.shuffle(ids)
    for g in range(400):  # 400 groups of 5, every other one answered
        group = CommentGroup(revision_id=revision_id, title=f"归并{g}")
        db.session.add(group)
        db.session.flush()
        db.session.execute(
            Comment.__table__.update()
            .where(Comment.id.in_(ids[g * 5 : g * 5 + 5]))
            .values(group_id=group.id)
        )
        if g % 2 == 0:
            db.session.add(
                Response(
                    revision_id=revision_id,
                    group_id=group.id,
                    disposition=rng.choice(list(Disposition)),
                    reason="理由",
                    state=rng.choice(list(ResponseState)),
                    author_id=team.id,
                )
            )
    for comment_id in ids[2000:2500]:  # direct answers
        db.session.add(
            Response(
                revision_id=revision_id,
                comment_id=comment_id,
                disposition=rng.choice(list(Disposition)),
                state=ResponseState.PUBLISHED,
                author_id=team.id,
            )
        )
    data = b"%PDF-1.4\n%%EOF\n"
    for comment_id in ids[3000:3100]:
        db.session.add(
            Attachment(
                comment_id=comment_id,
                filename="a.pdf",
                mime="application/pdf",
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                data=data,
            )
        )
    db.session.commit()
    return team.get_id()


def measure_queue(count: int = 10_000) -> dict:
    """{"queue_p50_ms", "queue_p95_ms"} over REQUESTS requests of the queue page."""
    sys.path.insert(0, str(ROOT))
    from flask_migrate import upgrade

    from app import create_app
    from app.core.extensions import db
    from app.core.timeutil import zone
    from app.legaltext import parse
    from app.measures.services import import_revision, sha256_hex
    from bench._common import large_draft, median, percentile, timed

    folder = Path(tempfile.mkdtemp(prefix="zq-bench-queue-"))
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            "SECRET_KEY": "bench",
            "RATELIMIT_ENABLED": False,
        }
    )
    text = large_draft(60)
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        import_revision(document=parse(text), source_sha256=sha256_hex(text.encode()), tz=zone())
        db.session.commit()
        user_id = _fill(count, random.Random(5))
        db.session.remove()

    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user_id
        session["_fresh"] = True
    base = "/m/bench-large/r/1/team/comments"
    for url in URLS[:3]:  # warm-up
        response = client.get(base + url)
        if response.status_code != 200:
            sys.exit(f"the queue did not answer (HTTP {response.status_code})")
    times = []
    for n in range(REQUESTS):
        times += timed(lambda n=n: client.get(base + URLS[n % len(URLS)]), 1)
    return {
        "queue_p50_ms": round(median(times) * 1000, 1),
        "queue_p95_ms": round(percentile(times, 0.95) * 1000, 1),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(measure_queue()))
