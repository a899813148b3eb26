"""The fast entry form: comments made at a seminar or sent by letter or e-mail."""

from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from app.accounts.models import UnitCategory
from app.audit.models import AuditEvent
from app.comments.models import Channel, Comment, CommentType, Consent, Stance
from app.comments.receipts import content_sha256
from app.measures.models import CommentVisibility
from tests.factories import (
    make_closed_revision,
    make_comment,
    make_event,
    make_open_revision,
    make_unit,
    make_user,
)
from tests.pages import csrf_token, english, text


@pytest.fixture
def team(app, client, login_as):
    english(client)
    return login_as(make_user("team", name="王五"))


def entry_url(revision, **query):
    url = f"/m/{revision.measure.slug}/r/{revision.number}/team/entry"
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def post_entry(client, revision, **fields):
    token = csrf_token(text(client.get(entry_url(revision))))
    data = {
        "csrf_token": token,
        "author_name": "赵六",
        "channel": "letter",
        "received_on": date.today().isoformat(),
        "type": "ge",
        "consent": "private",
        "body": "建议删除本条。",
        **fields,
    }
    return client.post(entry_url(revision), data=data)


def refusal(response) -> str:
    html = text(response)
    start = html.index('<p class="notice notice--refused" role="alert">') + len(
        '<p class="notice notice--refused" role="alert">'
    )
    return html[start : html.index("</p>", start)]


def stored() -> list[Comment]:
    from app.core.extensions import db

    return list(db.session.scalars(select(Comment).order_by(Comment.id)))


def audit(action: str) -> list[AuditEvent]:
    from app.core.extensions import db

    return list(db.session.scalars(select(AuditEvent).filter_by(action=action)))


def test_seminar_comment_is_stored_exactly_with_receipt_and_audit(app, client, team):
    revision = make_open_revision()
    revision.measure.comments_public = CommentVisibility.AFTER  # so that consent is asked
    event = make_event(revision, title="南京座谈会", city="南京", held_on=date.today())
    unit = make_unit("江苏省认证协会", "AS")

    response = post_entry(
        client,
        revision,
        author_name="钱七",
        unit_id=str(unit.id),
        channel="seminar",
        event_id=str(event.id),
        received_on=date.today().isoformat(),
        clause="第二条第二款",
        type="te",
        stance="amend",
        body="建议明确认证机构的责任。",
        proposed="认证机构应当对认证结论负责。",
        reason="与认证认可条例衔接。",
        consent="named",
    )

    [comment] = stored()
    assert response.status_code == 303
    assert comment.receipt == f"SM-R1-{comment.id:06d}"
    assert (comment.author_id, comment.author_name, comment.author_label) == (None, "钱七", "钱七")
    assert (comment.unit_id, comment.unit_category) == (unit.id, UnitCategory.AS)
    assert (comment.channel, comment.event_id) == (Channel.SEMINAR, event.id)
    assert comment.on_behalf_by_id == team.id
    assert comment.clause.key == "art2.p2"
    assert (comment.type, comment.stance, comment.consent) == (
        CommentType.TECHNICAL,
        Stance.AMEND,
        Consent.NAMED,
    )
    assert (comment.body, comment.proposed, comment.reason) == (
        "建议明确认证机构的责任。",
        "认证机构应当对认证结论负责。",
        "与认证认可条例衔接。",
    )
    assert comment.late is False
    assert len(comment.form_token) >= 32
    assert comment.content_sha256 == content_sha256(comment)
    [entered] = audit("comment.enter")
    assert (entered.actor_id, entered.target_id) == (team.id, comment.id)
    after = entered.after_data
    assert {
        k: after[k] for k in ("receipt", "clause", "channel", "event", "author_name", "unit")
    } == {
        "receipt": comment.receipt,
        "clause": "art2.p2",
        "channel": "seminar",
        "event": event.id,
        "author_name": "钱七",
        "unit": "江苏省认证协会",
    }


def test_after_saving_the_form_comes_back_with_sticky_fields_and_the_receipt(app, client, team):
    revision = make_open_revision()
    event = make_event(revision, held_on=date.today() - timedelta(days=1))
    unit = make_unit("广东省认证认可协会", "AS")
    received = (date.today() - timedelta(days=1)).isoformat()

    response = post_entry(
        client,
        revision,
        channel="seminar",
        event_id=str(event.id),
        unit_id=str(unit.id),
        received_on=received,
        clause="art1",
    )

    location = urlsplit(response.headers["Location"])
    assert location.path == entry_url(revision)
    assert parse_qs(location.query) == {
        "channel": ["seminar"],
        "event": [str(event.id)],
        "received": [received],
        "unit": [str(unit.id)],
    }
    html = text(client.get(response.headers["Location"]))
    [comment] = stored()
    assert f"Comment {comment.receipt} was recorded." in html
    assert '<option value="seminar" selected>Seminar</option>' in html
    assert f'<option value="{event.id}" selected>' in html
    assert f'<option value="{unit.id}" selected>广东省认证认可协会</option>' in html
    assert f'value="{received}"' in html


def test_a_new_unit_is_created_with_its_category_and_region(app, client, team):
    revision = make_open_revision()

    post_entry(
        client,
        revision,
        new_unit_name="上海某检测有限公司",
        new_unit_category="LB",
        new_unit_region="上海市",
    )

    [comment] = stored()
    assert (comment.unit.name, comment.unit.category, comment.unit.region) == (
        "上海某检测有限公司",
        UnitCategory.LB,
        "上海市",
    )
    assert comment.unit_category == UnitCategory.LB
    assert [e.after_data["name"] for e in audit("unit.create")] == ["上海某检测有限公司"]


def test_a_letter_received_after_the_period_closed_is_flagged_late(app, client, team):
    revision = make_closed_revision()  # closes 2021-02-08, Asia/Shanghai

    post_entry(client, revision, received_on="2021-02-08", body="期限最后一天寄达。")
    post_entry(client, revision, received_on="2021-02-09", body="期限后寄达。")

    assert [(c.body, c.late) for c in stored()] == [
        ("期限最后一天寄达。", False),
        ("期限后寄达。", True),
    ]
    assert stored()[1].received_at == datetime(2021, 2, 8, 16, 0)  # 2021-02-09 00:00 +08:00


def test_an_event_of_another_revision_is_refused(app, client, team):
    revision = make_open_revision()
    other = make_open_revision(measure="other-measure")
    elsewhere = make_event(other, held_on=date.today())

    response = post_entry(client, revision, channel="seminar", event_id=str(elsewhere.id))

    assert response.status_code == 400
    assert refusal(response) == "This event does not belong to this revision."
    assert stored() == []


def test_a_seminar_comment_without_its_seminar_is_refused(app, client, team):
    revision = make_open_revision()

    response = post_entry(client, revision, channel="seminar")

    assert response.status_code == 400
    assert refusal(response) == "A comment made at a seminar needs its seminar."
    assert stored() == []


def test_an_unknown_clause_is_refused_with_a_clear_message(app, client, team):
    revision = make_open_revision()

    response = post_entry(client, revision, clause="第九十九条")

    assert response.status_code == 400
    assert refusal(response) == (
        "There is no clause “第九十九条” in this revision. Give a key such as art12.p2 "
        "or a citation such as 第十二条第二款."
    )
    assert stored() == []


@pytest.mark.parametrize(
    "given,key",
    [
        ("art3.p1.i2", "art3.p1.i2"),
        ("第三条第二项", "art3.p1.i2"),
        ("第2条第2款", "art2.p2"),
        ("第 四 条", "art4"),
        ("", None),
    ],
)
def test_clauses_are_found_by_key_or_citation(app, client, team, given, key):
    revision = make_open_revision()

    post_entry(client, revision, clause=given)

    [comment] = stored()
    assert (comment.clause.key if comment.clause else None) == key


# Twelve articles, the last with two paragraphs: what 12.2 and Article 12(2) cite.
TWELVE_ARTICLES = (
    "\n\n".join(
        f"第{numeral}条　本办法第{numeral}条的规定。"
        for numeral in ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一")
    )
    + "\n\n第十二条　申请人应当提出申请。\n\n申请人应当对其所提交材料的真实性负责。\n"
)


@pytest.mark.parametrize(
    "given,key",
    [("12.2", "art12.p2"), ("Article 12(2)", "art12.p2"), ("十二条", "art12")],
)
def test_clauses_are_read_as_people_cite_them(app, client, team, given, key):
    revision = make_open_revision(body=TWELVE_ARTICLES)

    response = post_entry(client, revision, clause=given)

    assert response.status_code == 303
    [comment] = stored()
    assert comment.clause.key == key


def test_a_resent_form_stores_one_comment(app, client, team):
    revision = make_open_revision()
    html = text(client.get(entry_url(revision)))
    token = csrf_token(html)
    nonce = html.split('name="form_token" type="hidden" value="')[1].split('"')[0]
    data = {
        "csrf_token": token,
        "form_token": nonce,
        "author_name": "孙八",
        "channel": "email",
        "received_on": date.today().isoformat(),
        "type": "ge",
        "consent": "private",
        "body": "同一封邮件。",
    }

    client.post(entry_url(revision), data=data)
    client.post(entry_url(revision), data=data)

    assert [(c.body, c.form_token) for c in stored()] == [("同一封邮件。", nonce)]


def test_the_team_corrects_an_entered_comment_keeping_its_history(app, client, team):
    revision = make_open_revision()
    post_entry(client, revision, body="原文有错字。", clause="art1")
    [comment] = stored()
    url = f"{entry_url(revision)}/{comment.id}"
    token = csrf_token(text(client.get(url)))

    response = client.post(
        url,
        data={"csrf_token": token, "type": "ed", "consent": "private", "body": "原文已更正。"},
    )

    from app.core.extensions import db

    db.session.expire_all()
    [comment] = stored()
    assert response.status_code == 303
    assert comment.body == "原文已更正。"
    assert comment.type == CommentType.EDITORIAL
    assert [(v.number, v.body, v.editor_id) for v in comment.versions] == [
        (1, "原文有错字。", team.id)
    ]
    assert comment.content_sha256 == content_sha256(comment)
    [edit] = audit("comment.edit_on_behalf")
    assert (edit.before_data, edit.after_data) == (
        {"body": "原文有错字。", "type": "ge"},
        {"body": "原文已更正。", "type": "ed"},
    )


def test_a_participants_own_comment_cannot_be_edited_on_behalf(app, client, team):
    revision = make_open_revision()
    comment = make_comment(revision, make_user(), "art1", body="本人意见。")

    response = client.get(f"{entry_url(revision)}/{comment.id}")

    assert response.status_code == 409
    assert (
        "Only comments the team entered can be edited here; participants edit their own."
        in text(response)
    )
