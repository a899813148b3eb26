"""E-mail verification and unit representatives: who may speak for a unit."""

import re

import pytest
from flask_babel import force_locale

from app.accounts import representatives
from app.accounts.models import RepresentativeStatus
from app.accounts.services import AccountRefused
from app.audit.models import AuditEvent
from app.core.extensions import db
from app.core.timeutil import utcnow
from tests.accounts.helpers import field_error, flashes, post_form, read_english, sent_mail
from tests.comments.helpers import english, message, post_comment, stored, text
from tests.factories import make_open_revision, make_unit, make_user

REFUSAL = (
    "Only a confirmed representative of a unit, with a verified e-mail address, can "
    "give its official position or add co-signing units."
)


def verify_link(mail) -> str:
    [link] = set(re.findall(r"http://zhengqiu\.test/account/verify/\S+", mail.get_content()))
    return link.removeprefix("http://zhengqiu.test")


def test_registering_mails_a_link_that_verifies_the_address(app, client):
    unit = make_unit("华信认证有限公司")
    response = post_form(
        client,
        "/register",
        {
            "email": "li@example.org",
            "name": "李四",
            "password": "a long enough password 1",
            "confirm": "a long enough password 1",
            "unit_mode": "existing",
            "unit_id": str(unit.id),
            "consent": "y",
        },
    )
    assert response.status_code == 303
    [mail] = sent_mail()
    assert mail["To"] == "li@example.org"
    page = read_english(client, "/account")
    assert 'li@example.org <span class="muted">(not verified)</span>' in page

    client.get(verify_link(mail))

    page = read_english(client, "/account")
    assert 'li@example.org <span class="muted">(verified)</span>' in page
    assert "Ask to represent my unit" in page


def test_a_forged_link_verifies_nothing(app, client, login_as):
    user = login_as(make_user(unit=make_unit()))
    english(client)

    response = client.get("/account/verify/not-a-token", follow_redirects=True)

    assert flashes(response.get_data(as_text=True)) == [
        "This verification link is invalid or has expired. Ask for a new one below."
    ]
    db.session.expire_all()
    assert user.email_verified_at is None


def test_the_team_confirms_a_request_audited_and_mailed(app, client, login_as):
    unit = make_unit("华信认证有限公司")
    member = make_user(unit=unit, verified=True, name="李四")
    team = make_user("team")
    representatives.request_representation(user=member, now=utcnow())
    db.session.commit()

    assert representatives.pending_requests(actor=team) == [member]
    representatives.decide_representation(actor=team, user=member, confirm=True, now=utcnow())
    db.session.commit()

    assert member.representative == RepresentativeStatus.CONFIRMED
    assert member.representative_by_id == team.id
    [event] = db.session.query(AuditEvent).filter_by(action="user.representative").all()
    assert (event.actor_id, event.target_id) == (team.id, member.id)
    [mail] = sent_mail()
    assert "Your request to speak for 华信认证有限公司 has been confirmed." in mail.get_content()


def test_a_representative_decides_only_for_their_own_unit(app):
    unit, other_unit = make_unit("华信认证有限公司"), make_unit("华培认证培训中心")
    rep = make_user(unit=unit, representative=True)
    colleague = make_user(unit=unit, verified=True)
    stranger = make_user(unit=other_unit, verified=True)
    for user in (colleague, stranger):
        representatives.request_representation(user=user, now=utcnow())

    assert representatives.pending_requests(actor=rep) == [colleague]
    with pytest.raises(AccountRefused):
        representatives.decide_representation(actor=rep, user=stranger, confirm=True, now=utcnow())
    representatives.decide_representation(actor=rep, user=colleague, confirm=True, now=utcnow())
    assert colleague.is_representative


def test_an_unverified_member_cannot_ask_to_represent(app):
    member = make_user(unit=make_unit())

    with pytest.raises(AccountRefused) as refused:
        representatives.request_representation(user=member, now=utcnow())

    with force_locale("en"):
        assert str(refused.value.message) == "Please verify your e-mail address first."


@pytest.mark.parametrize("verified,representative", [(False, False), (True, False)])
def test_a_forged_official_position_is_refused_and_nothing_stored(
    app, client, login_as, verified, representative
):
    revision = make_open_revision()
    partner = make_unit("省市场监管局", "RG")
    login_as(make_user(unit=make_unit("中国认证认可协会", "AS"), verified=verified))
    english(client)

    form = text(client.get("/m/sample-measure/r/1/comment"))
    response = post_comment(
        client, revision, body="x", official_position="y", cosigners=[str(partner.id)]
    )

    assert "official position" not in form.lower()
    assert message(text(response)) == REFUSAL
    assert stored() == []


def register(client, unit_mode: str, unit=None, **extra):
    data = {
        "email": "li@example.org",
        "name": "李四",
        "password": "a long enough password 1",
        "confirm": "a long enough password 1",
        "unit_mode": unit_mode,
        "unit_id": str(unit.id) if unit else "",
        **extra,
    }
    return post_form(client, "/register", data, follow_redirects=True)


def test_asking_to_represent_at_sign_up_waits_for_verification_then_the_team(app, client, login_as):
    unit = make_unit("华信认证有限公司")
    page = text(register(client, "existing", unit, represent="y"))

    assert flashes(page)[-1] == (
        "Your request to represent 华信认证有限公司 waits for the project team, who confirm it "
        "once your e-mail address is verified."
    )
    account = read_english(client, "/account")
    assert "Requested, waiting for confirmation." in account
    [member] = representatives.pending_requests(actor=make_user("team"))
    assert (member.email, member.representative) == ("li@example.org", "pending")

    team = login_as(make_user("team"))
    queue = read_english(client, "/representatives")
    assert 'li@example.org <span class="muted">(not verified)</span>' in queue
    refused = post_form(client, f"/representatives/{member.id}/confirm", {}, "/representatives")
    assert flashes(text(client.get(refused.headers["Location"]))) == [
        "This person has not verified their e-mail address yet."
    ]
    db.session.expire_all()
    assert member.representative == RepresentativeStatus.PENDING

    [mail] = sent_mail()
    client.get(verify_link(mail))
    db.session.expire_all()
    representatives.decide_representation(actor=team, user=member, confirm=True, now=utcnow())
    assert member.is_representative


def test_only_someone_with_a_unit_can_ask_to_represent_it_at_sign_up(app, client):
    page = register(client, "individual", represent="y").get_data(as_text=True)

    assert field_error(page, "represent") == "Choose your unit to ask to represent it."
    assert sent_mail() == []


def test_signing_up_without_the_box_asks_for_nothing(app, client):
    register(client, "existing", make_unit("华信认证有限公司"))

    assert "No: you comment as a person." in read_english(client, "/account")
