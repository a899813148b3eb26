"""Co-signing units (联名单位) confirm before their name appears anywhere."""

import html
import json
import re

import pytest
from sqlalchemy import select

from app.accounts.models import RepresentativeStatus
from app.audit.models import AuditEvent
from app.comments.models import Consent, Cosignature
from app.core.extensions import db
from app.measures.models import CommentVisibility
from tests.accounts.helpers import flashes, sent_mail
from tests.comments.helpers import english, post_comment, stored, text
from tests.factories import make_open_revision, make_unit, make_user
from tests.pages import csrf_token

AWAITING = "Awaiting confirmation by co-signing units"
OFFICIAL = "Official position of the unit"


@pytest.fixture
def scene(app, client, login_as):
    """A's representative names B (which has a representative) and C (which has none)."""
    revision = make_open_revision()
    revision.measure.comments_public = CommentVisibility.AT_ONCE
    revision.measure.names_public = True
    unit_a = make_unit("中国认证认可协会", "AS")
    unit_b = make_unit("华信认证有限公司", "CB")
    unit_c = make_unit("省市场监管局", "RG")
    author = make_user(unit=unit_a, representative=True, name="王五", email="wang@example.org")
    rep_b = make_user(unit=unit_b, representative=True, name="李四")
    team = make_user("team", name="组员")
    login_as(author)
    english(client)
    post_comment(
        client,
        revision,
        "art2",
        body="联名意见。",
        official_position="y",
        consent=Consent.NAMED.value,
        cosigners=[str(unit_b.id), str(unit_c.id)],
    )
    [comment] = stored()
    return {
        "revision": revision,
        "comment": comment,
        "author": author,
        "rep_b": rep_b,
        "team": team,
        "units": (unit_a, unit_b, unit_c),
    }


def receipt_fields(client, comment) -> dict[str, str]:
    html = text(client.get(f"/comments/{comment.receipt}"))
    return dict(re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", html))


def public_cosigners(client) -> list[str]:
    html = text(client.get("/m/sample-measure/r/1/c/art2"))
    return re.findall(r'<span class="public-comment__cosigners">(.*?)</span>', html)


def summary_notes(client) -> list[str]:
    data = client.get("/m/sample-measure/r/1/downloads/summary.json?lang=en").data
    return [row["note"] for block in json.loads(data)["blocks"] for row in block["rows"]]


def summary_csv(client) -> str:
    return client.get("/m/sample-measure/r/1/downloads/summary.csv?lang=en").data.decode(
        "utf-8-sig"
    )


def decide(client, login_as, actor, comment, unit, decision, reason=None):
    login_as(actor)
    english(client)
    page = text(client.get("/representatives"))
    data = {"csrf_token": csrf_token(page)}
    if reason is not None:
        data["reason"] = reason
    url = f"/representatives/cosignatures/{comment.id}/{unit.id}/{decision}"
    return text(client.post(url, data=data, follow_redirects=True))


def states(comment) -> list[tuple[str, str]]:
    db.session.expire_all()
    rows = db.session.scalars(
        select(Cosignature).where(Cosignature.comment_id == comment.id).order_by("unit_id")
    )
    return [(row.unit.name, row.state.value) for row in rows]


def test_named_units_wait_on_the_receipt_and_appear_nowhere_else(scene, client, login_as):
    comment = scene["comment"]

    fields = receipt_fields(client, comment)
    assert fields[AWAITING] == "华信认证有限公司、省市场监管局"
    assert "Co-signing units" not in fields
    assert public_cosigners(client) == []
    login_as(scene["team"])
    assert summary_notes(client) == [OFFICIAL]
    assert "华信认证有限公司" not in summary_csv(client)
    assert "省市场监管局" not in summary_csv(client)
    team_page = text(client.get(f"/m/sample-measure/r/1/team/comments/{comment.id}"))
    assert dict(re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", team_page))[AWAITING] == (
        "华信认证有限公司、省市场监管局 · "
        '<a href="/representatives#cosignatures-heading">Co-signatures awaiting confirmation</a>'
    )
    assert "<dt>Co-signing units</dt>" not in team_page


def test_the_units_representative_confirms_audited_and_mailed(scene, client, login_as):
    comment, rep_b = scene["comment"], scene["rep_b"]
    _a, unit_b, _c = scene["units"]

    page = decide(client, login_as, rep_b, comment, unit_b, "confirm")

    assert flashes(page) == [f"华信认证有限公司 co-signs comment {comment.receipt}."]
    assert states(comment) == [("华信认证有限公司", "confirmed"), ("省市场监管局", "pending")]
    login_as(scene["author"])
    fields = receipt_fields(client, comment)
    assert (fields["Co-signing units"], fields[AWAITING]) == ("华信认证有限公司", "省市场监管局")
    assert public_cosigners(client) == ["co-signed by 华信认证有限公司"]
    login_as(scene["team"])
    assert summary_notes(client) == [f"{OFFICIAL}; Co-signed by 华信认证有限公司"]
    assert "Co-signed by 华信认证有限公司" in summary_csv(client)
    [event] = db.session.scalars(select(AuditEvent).filter_by(action="comment.cosignature"))
    assert (event.actor_id, event.target_type, event.target_id) == (rep_b.id, "comment", comment.id)
    assert (event.before_data, event.after_data) == (
        {"unit": "华信认证有限公司", "cosignature": "pending"},
        {"unit": "华信认证有限公司", "cosignature": "confirmed"},
    )
    [mail] = sent_mail()
    assert mail["To"] == "wang@example.org"
    assert f"华信认证有限公司 has agreed to co-sign your comment {comment.receipt}." in (
        mail.get_content()
    )


def test_a_declined_unit_never_appears(scene, client, login_as):
    comment = scene["comment"]
    _a, unit_b, _c = scene["units"]

    page = decide(client, login_as, scene["rep_b"], comment, unit_b, "decline")

    assert flashes(page) == [f"华信认证有限公司 declined to co-sign comment {comment.receipt}."]
    login_as(scene["author"])
    fields = receipt_fields(client, comment)
    assert (fields["Declined to co-sign"], fields[AWAITING]) == ("华信认证有限公司", "省市场监管局")
    assert "Co-signing units" not in fields
    assert public_cosigners(client) == []
    login_as(scene["team"])
    assert summary_notes(client) == [OFFICIAL]
    [mail] = sent_mail()
    assert "华信认证有限公司 has declined to co-sign" in mail.get_content()


def forger(scene, who):
    unit_a, unit_b, _c = scene["units"]
    if who == "author":
        return scene["author"]
    if who == "unconfirmed member of B":
        member = make_user(unit=unit_b, verified=True)
        member.representative = RepresentativeStatus.PENDING
        db.session.commit()
        return member
    if who == "representative of another unit":
        return make_user(unit=make_unit("另一认证机构"), representative=True)
    return scene["team"]  # B has a representative, who decides for it


@pytest.mark.parametrize(
    ("who", "refusal"),
    [
        ("author", "Only a confirmed representative of this unit can decide."),
        ("unconfirmed member of B", None),
        (
            "representative of another unit",
            "Only a confirmed representative of this unit can decide.",
        ),
        ("team", "This unit has a representative, who decides for it."),
    ],
)
def test_a_forged_decision_is_refused_and_changes_nothing(scene, client, login_as, who, refusal):
    comment = scene["comment"]
    _a, unit_b, _c = scene["units"]
    actor = forger(scene, who)
    login_as(actor)
    english(client)
    token = csrf_token(text(client.get("/account")))

    response = client.post(
        f"/representatives/cosignatures/{comment.id}/{unit_b.id}/confirm",
        data={"csrf_token": token, "reason": "伪造"},
        follow_redirects=True,
    )

    if refusal is None:  # not a representative at all: the page itself is closed
        assert response.status_code == 403
    else:
        assert flashes(text(response)) == [refusal]
    assert states(comment) == [("华信认证有限公司", "pending"), ("省市场监管局", "pending")]
    assert (
        db.session.scalars(select(AuditEvent).filter_by(action="comment.cosignature")).all() == []
    )
    assert sent_mail() == []


def test_the_team_decides_for_a_unit_without_representative_with_a_reason(scene, client, login_as):
    comment, team = scene["comment"], scene["team"]
    _a, _b, unit_c = scene["units"]

    without = decide(client, login_as, team, comment, unit_c, "confirm", reason="")
    assert [html.unescape(flash) for flash in flashes(without)] == [
        "Give the reason for deciding on the unit's behalf, e.g. its signed letter."
    ]
    assert states(comment)[1] == ("省市场监管局", "pending")

    page = decide(client, login_as, team, comment, unit_c, "confirm", reason="收到盖章联名函")

    assert flashes(page) == [f"省市场监管局 co-signs comment {comment.receipt}."]
    assert states(comment)[1] == ("省市场监管局", "confirmed")
    [event] = db.session.scalars(select(AuditEvent).filter_by(action="comment.cosignature"))
    assert event.actor_id == team.id
    assert event.after_data == {
        "unit": "省市场监管局",
        "cosignature": "confirmed",
        "reason": "收到盖章联名函",
    }
    login_as(scene["author"])
    assert receipt_fields(client, comment)["Co-signing units"] == "省市场监管局"


def test_each_decider_sees_the_requests_they_may_decide(scene, client, login_as):
    comment = scene["comment"]
    heading = "is asked to co-sign comment"

    login_as(scene["rep_b"])
    rep_page = text(client.get("/representatives"))
    login_as(scene["team"])
    team_page = text(client.get("/representatives"))

    assert re.findall(rf"<h3>(.*?) {heading}", rep_page) == ["华信认证有限公司"]
    assert re.findall(rf"<h3>(.*?) {heading}", team_page) == ["华信认证有限公司", "省市场监管局"]
    # The team may decide only for C (B has a representative): one reason field, for C.
    assert re.findall(r'id="reason-(\d+)-(\d+)"', team_page) == [
        (str(comment.id), str(scene["units"][2].id))
    ]
    assert "<p>联名意见。</p>" in rep_page


def test_rewording_a_confirmed_comment_asks_the_co_signers_again(scene, client, login_as):
    comment, author = scene["comment"], scene["author"]
    _a, unit_b, _c = scene["units"]
    decide(client, login_as, scene["rep_b"], comment, unit_b, "confirm")
    login_as(author)
    english(client)
    csrf = csrf_token(text(client.get(f"/comments/{comment.receipt}/edit")))

    client.post(
        f"/comments/{comment.receipt}/edit",
        data={"csrf_token": csrf, "body": "改写后的联名意见。", "type": "te", "consent": "named"},
    )

    assert states(comment) == [("华信认证有限公司", "pending"), ("省市场监管局", "pending")]
    assert receipt_fields(client, comment)[AWAITING] == "华信认证有限公司、省市场监管局"
    assert public_cosigners(client) == []
    events = db.session.scalars(
        select(AuditEvent).filter_by(action="comment.cosignature").order_by(AuditEvent.id)
    ).all()
    assert [(e.actor_id, e.after_data["cosignature"]) for e in events] == [
        (scene["rep_b"].id, "confirmed"),
        (author.id, "pending"),
    ]
