"""Account services, called as the views and the CLI call them: explicit actor, no request."""

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from app.accounts import services
from app.accounts.models import Role, Unit, UnitCategory, User
from tests.accounts.helpers import sent_mail
from tests.factories import PASSWORD, make_unit, make_user

NEW_PASSWORD = "a brand new password"


def test_register_participant_with_a_new_unit_stores_both(db):
    user = services.register_participant(
        email=" Ma@Example.ORG",
        name=" 马八 ",
        password=NEW_PASSWORD,
        new_unit={"name": "某检验检测机构", "category": "LB", "region": "上海市"},
    )
    db.session.commit()

    stored = db.session.get(User, user.id)
    assert (stored.email, stored.name, stored.role, stored.session_version) == (
        "ma@example.org",
        "马八",
        Role.PARTICIPANT,
        1,
    )
    assert (stored.unit.name, stored.unit.category, stored.unit.region) == (
        "某检验检测机构",
        UnitCategory.LB,
        "上海市",
    )


def test_register_participant_refuses_a_taken_email_in_any_case(db):
    make_user(email="taken@example.org")

    with pytest.raises(services.EmailTaken) as refused:
        services.register_participant(email="Taken@Example.org", name="x", password=NEW_PASSWORD)

    assert refused.value.field == "email"
    assert len(db.session.scalars(select(User)).all()) == 1


def test_find_or_create_unit_finds_by_exact_name_and_needs_a_category_for_a_new_one(db):
    unit = make_unit("中国质量认证中心", category="CB")

    assert services.find_or_create_unit(name=" 中国质量认证中心 ") == unit
    with pytest.raises(services.AccountRefused) as refused:
        services.find_or_create_unit(name="中国质量认证中心（分中心）")
    assert refused.value.field == "new_unit_category"
    created = services.find_or_create_unit(name="新单位", category=UnitCategory.AS)
    db.session.commit()
    assert db.session.get(Unit, created.id).category == UnitCategory.AS


def test_create_user_enforces_the_password_length(db):
    with pytest.raises(services.AccountRefused) as refused:
        services.create_user(email="a@example.org", name="x", password="123456789")

    assert refused.value.field == "password"
    assert db.session.scalars(select(User)).all() == []


def test_authenticate_refuses_without_telling_which_part_is_wrong(db):
    make_user(email="wang@example.org")

    with pytest.raises(services.SignInRefused) as unknown:
        services.authenticate(email="nobody@example.org", password=PASSWORD)
    with pytest.raises(services.SignInRefused) as wrong:
        services.authenticate(email="wang@example.org", password="not it")

    assert unknown.value.reason == wrong.value.reason == "wrong"
    with force_locale("en"):
        assert str(unknown.value.message) == str(wrong.value.message)


def test_authenticate_records_the_sign_in_time(db):
    from datetime import datetime

    user = make_user(email="wang@example.org")
    when = datetime(2026, 11, 24, 8, 0)

    assert services.authenticate(email="WANG@example.org", password=PASSWORD, now=when) == user
    assert user.last_login_at == when


def test_change_role_and_set_active_refuse_to_lock_the_admin_out(db):
    admin = make_user("admin")
    other = make_user()

    with pytest.raises(services.AccountRefused):
        services.change_role(actor=admin, user=admin, role=Role.TEAM)
    with pytest.raises(services.AccountRefused):
        services.set_active(actor=admin, user=admin, active=False)
    services.change_role(actor=admin, user=other, role="official")
    services.set_active(actor=admin, user=other, active=False)
    db.session.commit()

    assert (admin.role, admin.active) == (Role.ADMIN, True)
    assert (other.role, other.active) == (Role.OFFICIAL, False)


def test_request_password_reset_sends_mail_only_to_an_existing_account(db):
    user = make_user(email="zhao@example.org")

    assert services.request_password_reset(email="nobody@example.org") is None
    token = services.request_password_reset(email="zhao@example.org")

    [message] = sent_mail()
    assert f"http://zhengqiu.test/password/reset/{token}" in message.get_content()
    assert services.user_for_reset_token(token=token) == user


def test_reset_password_works_once(db):
    user = make_user(email="zhao@example.org")
    token = services.make_reset_token(user)

    services.reset_password(token=token, password=NEW_PASSWORD)
    db.session.commit()

    assert user.check_password(NEW_PASSWORD)
    with pytest.raises(services.ResetRefused):
        services.reset_password(token=token, password="yet another password")
    assert user.check_password(NEW_PASSWORD)


def test_reset_token_of_a_deactivated_account_is_refused(db):
    user = make_user()
    token = services.make_reset_token(user)
    user.active = False

    with pytest.raises(services.ResetRefused):
        services.user_for_reset_token(token=token)


def test_change_password_needs_the_current_one_and_ends_other_sessions(db):
    user = make_user()
    version = user.session_version

    with pytest.raises(services.AccountRefused):
        services.change_password(user=user, current_password="wrong", new_password=NEW_PASSWORD)
    services.change_password(user=user, current_password=PASSWORD, new_password=NEW_PASSWORD)

    assert user.check_password(NEW_PASSWORD)
    assert user.session_version == version + 1
