"""The consulted units (征求意见单位): the list, pasted lists, replies and the footer's figures."""

from datetime import datetime

import pytest
from sqlalchemy import select

from app.accounts.models import Unit, UnitCategory
from app.audit.models import AuditEvent
from app.comments.models import CommentStatus, RevisionUnit
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.triage.consulted import Figures, add_consulted_unit, consultation_figures
from app.triage.entry import NewUnit
from tests.factories import make_comment, make_open_revision, make_unit, make_user
from tests.pages import counting_statements, csrf_token, english, text


@pytest.fixture
def revision(app):
    return make_open_revision()


def consulted_url(revision, tail=""):
    return f"/m/{revision.measure.slug}/r/{revision.number}/team/consulted{tail}"


def invited(revision) -> list[tuple[str, str, str]]:
    rows = db.session.execute(
        select(Unit.name, Unit.category, RevisionUnit.invite_channel)
        .join(RevisionUnit, RevisionUnit.unit_id == Unit.id)
        .where(RevisionUnit.revision_id == revision.id, RevisionUnit.invited_at.is_not(None))
        .order_by(RevisionUnit.id)
    )
    return [(name, category.value, channel) for name, category, channel in rows]


def invite(revision, unit, team):
    add_consulted_unit(
        revision=revision,
        actor=team,
        invited_on=datetime(2021, 1, 8).date(),
        channel="letter",
        unit_id=unit.id,
        now=utcnow(),
    )
    db.session.commit()


def test_the_team_adds_one_unit_audited(revision, client, login_as):
    english(client)
    team = login_as(make_user("team"))
    unit = make_unit("中国质量认证中心", "CB")
    token = csrf_token(text(client.get(consulted_url(revision))))

    response = client.post(
        consulted_url(revision),
        data={
            "csrf_token": token,
            "unit_id": str(unit.id),
            "invited_on": "2021-01-08",
            "channel": "email",
            "note": "主送",
        },
    )

    assert response.status_code == 303
    assert invited(revision) == [("中国质量认证中心", "CB", "email")]
    [entry] = db.session.scalars(select(AuditEvent).filter_by(action="consulted.add")).all()
    assert (entry.actor_id, entry.target_id, entry.after_data["invited_on"]) == (
        team.id,
        unit.id,
        "2021-01-08",
    )
    html = text(client.get(consulted_url(revision)))
    assert '<th scope="row">中国质量认证中心</th>' in html
    assert "<td>2021-01-08</td>" in html


def test_a_pasted_list_adds_units_and_reports_duplicates(revision, client, login_as):
    english(client)
    team = login_as(make_user("team"))
    invite(revision, make_unit("甲认证有限公司", "CB"), team)
    token = csrf_token(text(client.get(consulted_url(revision))))
    lines = "甲认证有限公司\n乙培训中心\tTB\t江苏省\n\n丙咨询公司，cc，广东省\n乙培训中心\n丁协会"

    response = client.post(
        consulted_url(revision, "/paste"),
        data={"csrf_token": token, "lines": lines, "invited_on": "2021-01-10", "channel": "letter"},
    )

    assert response.status_code == 303
    assert invited(revision) == [
        ("甲认证有限公司", "CB", "letter"),
        ("乙培训中心", "TB", "letter"),
        ("丙咨询公司", "CC", "letter"),
        ("丁协会", "OT", "letter"),
    ]
    assert db.session.scalar(select(Unit.region).filter_by(name="丙咨询公司")) == "广东省"
    html = text(client.get(response.headers["Location"]))
    assert "3 units were added." in html
    assert "Line 1: 甲认证有限公司 is already on the list." in html
    assert "Line 5: 乙培训中心 is already on the list." in html


def test_a_pasted_list_with_a_bad_line_stores_nothing(revision, client, login_as):
    english(client)
    login_as(make_user("team"))
    token = csrf_token(text(client.get(consulted_url(revision))))
    lines = "乙培训中心\tTB\n丙咨询公司\tXX\t广东省\n丁协会"

    response = client.post(
        consulted_url(revision, "/paste"),
        data={"csrf_token": token, "lines": lines, "invited_on": "2021-01-10", "channel": "letter"},
    )

    assert response.status_code == 400
    html = text(response)
    assert "Nothing was added: some lines could not be read." in html
    assert "<li>Line 2: unknown unit category “XX”</li>" in html
    assert invited(revision) == []
    assert db.session.scalars(select(Unit.name)).all() == []


def test_removing_an_invitation_is_audited(revision, client, login_as):
    english(client)
    team = login_as(make_user("team"))
    unit = make_unit("甲认证有限公司", "CB")
    invite(revision, unit, team)
    token = csrf_token(text(client.get(consulted_url(revision))))

    client.post(consulted_url(revision, f"/{unit.id}/remove"), data={"csrf_token": token})

    assert invited(revision) == []
    [entry] = db.session.scalars(select(AuditEvent).filter_by(action="consulted.remove")).all()
    assert (entry.target_id, entry.before_data["unit"], entry.before_data["channel"]) == (
        unit.id,
        "甲认证有限公司",
        "letter",
    )


def test_figures_count_replies_and_keep_the_footers_identities(revision, client, login_as):
    team = make_user("team")
    commenting = make_unit("甲认证有限公司", "CB")  # invited, comments online
    by_letter = make_unit("乙培训中心", "TB")  # invited, its comment entered from a letter
    silent_yes = make_unit("丙咨询公司", "CC")  # invited, declared "no comments"
    withdrawn = make_unit("丁协会", "AS")  # invited, its only comment withdrawn
    silent = make_unit("戊检测公司", "LB")  # invited, no reply
    stranger = make_unit("己企业", "CO")  # not invited, comments
    for unit in (commenting, by_letter, silent_yes, withdrawn, silent):
        invite(revision, unit, team)
    make_comment(revision, make_user(unit=commenting), "art1")
    make_comment(revision, make_user(unit=stranger), "art1")
    make_comment(revision, make_user(unit=withdrawn), "art1", status=CommentStatus.WITHDRAWN)
    english(client)
    login_as(team)
    token = csrf_token(text(client.get(consulted_url(revision))))
    client.post(
        f"/m/{revision.measure.slug}/r/1/team/entry",
        data={
            "csrf_token": token,
            "author_name": "钱七",
            "channel": "letter",
            "received_on": utcnow().date().isoformat(),
            "type": "ge",
            "consent": "private",
            "body": "来函意见。",
            "unit_id": str(by_letter.id),
        },
    )
    client.post(
        consulted_url(revision, f"/{silent_yes.id}/no-comments"), data={"csrf_token": token}
    )

    figures = consultation_figures(revision)

    assert figures == Figures(
        consulted=5, replied=3, with_comments=2, no_comments=1, not_replied=2, uninvited=1
    )
    assert figures.consulted == figures.replied + figures.not_replied  # ① = ② + ④
    assert figures.with_comments <= figures.replied  # ③ ≤ ②
    html = text(client.get(consulted_url(revision)))
    assert '<dd id="figure-consulted">5</dd>' in html
    assert '<dd id="figure-not-replied">2</dd>' in html
    assert "<li>己企业</li>" in html


def test_a_new_unit_entered_by_name_is_created_in_category_ot_unless_given(revision, app):
    team = make_user("team")

    add_consulted_unit(
        revision=revision,
        actor=team,
        invited_on=datetime(2021, 1, 8).date(),
        channel="other",
        new_unit=NewUnit(name="某高校"),
        now=utcnow(),
    )

    assert db.session.scalar(select(Unit.category).filter_by(name="某高校")) == UnitCategory.OT


def test_the_consulted_page_costs_the_same_statements_for_few_or_many_units(
    revision, client, login_as
):
    team = make_user("team")
    login_as(team)
    invite(revision, make_unit(), team)
    with counting_statements() as few:
        assert client.get(consulted_url(revision)).status_code == 200
    for _ in range(6):
        invite(revision, make_unit(), team)
    with counting_statements() as many:
        html = text(client.get(consulted_url(revision)))

    assert html.count('<tr id="unit-') == 7
    assert len(many) == len(few)
