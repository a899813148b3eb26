"""The audit page words the team's corrections of an alignment: citations, relations, names."""

import re
from datetime import datetime

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.extensions import db
from app.lineage.corrections import confirm_alignment, remove_link, set_link
from app.lineage.services import links_of
from tests.factories import make_user
from tests.lineage.helpers import two_revisions
from tests.pages import english, text

NOW = datetime(2026, 3, 2, 1, 0)


def cells(html: str, event) -> list[str]:
    row = re.search(rf'<tr id="audit-{event.id}">(.*?)</tr>', html, re.S).group(1)
    return [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


def events(action):
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_links_set_removed_and_confirmed_are_told_in_words(app, client, login_as):
    _first, second = two_revisions()
    team = make_user("team", name="赵六")
    confirm_alignment(revision=second, actor=team, now=NOW)
    set_link(revision=second, from_key="art2", to_key="art2", kind="split", actor=team, now=NOW)
    set_link(revision=second, from_key="art2", to_key="art3", kind="modified", actor=team, now=NOW)
    [wrong] = [k for k in links_of(second) if (k.from_key, k.to_key) == ("art4", "art5")]
    remove_link(link=wrong, actor=team, now=NOW)
    db.session.commit()
    login_as(make_user("admin"))

    chinese = text(client.get("/admin/audit"))
    english(client)
    html = text(client.get("/admin/audit"))

    confirmed, first_link, second_link, removed = (
        *events("lineage.confirm"),
        *events("lineage.link"),
        *events("lineage.unlink"),
    )
    assert cells(html, confirmed)[2:] == [
        "Alignment with the previous revision confirmed",
        f"Revision #{second.id}",
        "Alignment confirmed : 2026-03-02 09:00",
    ]
    assert cells(html, first_link)[2:] == [
        "Clause link set by hand",
        f"Clause link #{first_link.target_id}",
        "Clause of the previous revision : 第二条 Clause of this revision : 第二条 "
        "Relation : Split Confirmation of the alignment withdrawn : Yes",
    ]
    assert cells(html, second_link)[4] == (
        "Clause of the previous revision : 第二条 Clause of this revision : 第三条 "
        "Relation : Modified Replaces the links : 第二条 → 第二条 (Split)"
    )
    assert cells(html, removed)[4] == (
        "Clause of the previous revision : 第四条 → — Clause of this revision : 第五条 → — "
        "Relation : Modified → — Set by hand : No → — "
        "Marked deleted : — → 第四条 Marked new : — → 第五条"
    )
    assert "替换的链接 : 第二条 → 第二条（已拆分）" in " ".join(cells(chinese, second_link))
