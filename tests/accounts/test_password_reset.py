"""Forgotten and changed passwords: one answer for every address, links that work once."""

import re
import time

from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from app.accounts.models import User
from tests.accounts.helpers import (
    english,
    field_error,
    flashes,
    form_errors,
    post_form,
    read_english,
    sent_mail,
    text,
)
from tests.factories import PASSWORD, make_user

NEW_PASSWORD = "a brand new password"
SAME_ANSWER = (
    "If an account exists for {email}, we have sent it a link to choose a new password. "
    "Please check your mailbox."
)


def forgot(client, email):
    return post_form(client, "/password/forgot", {"email": email})


def reset_link(message) -> str:
    links = re.findall(r"http://zhengqiu\.test/password/reset/\S+", message.get_content())
    assert len(set(links)) == 1
    return links[0]


def sign_in(client, email, password):
    return post_form(client, "/sign-in", {"email": email, "password": password})


def test_forgot_password_mails_a_link_that_sets_a_new_password(client, db):
    user = make_user(email="zhao@example.org", name="赵六")

    response = forgot(client, "Zhao@example.org")

    assert response.status_code == 303
    assert flashes(read_english(client, "/sign-in")) == [
        SAME_ANSWER.format(email="zhao@example.org")
    ]
    [message] = sent_mail()
    assert message["To"] == "zhao@example.org"
    link = reset_link(message)
    path = link.removeprefix("http://zhengqiu.test")
    html = read_english(client, path)
    assert "For the account zhao@example.org." in html

    done = post_form(client, path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})

    assert done.status_code == 303
    assert done.headers["Location"] == "/sign-in"
    assert flashes(read_english(client, "/sign-in")) == [
        "Your password has been changed. Please sign in."
    ]
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(NEW_PASSWORD)
    assert form_errors(text(sign_in(client, "zhao@example.org", PASSWORD))) == [
        "The e-mail address or password is wrong."
    ]
    assert sign_in(client, "zhao@example.org", NEW_PASSWORD).status_code == 303


def test_forgot_password_answers_the_same_for_an_unknown_address(client):
    response = forgot(client, "nobody@example.org")

    assert response.status_code == 303
    assert flashes(read_english(client, "/sign-in")) == [
        SAME_ANSWER.format(email="nobody@example.org")
    ]
    assert sent_mail() == []


def test_forgot_password_sends_nothing_to_a_deactivated_account(client, db):
    user = make_user(email="gone@example.org")
    user.active = False
    db.session.commit()

    response = forgot(client, "gone@example.org")

    assert response.status_code == 303
    assert sent_mail() == []


def test_reset_mail_is_in_chinese_and_english_with_the_absolute_link(client):
    make_user(email="zhao@example.org", name="赵六")

    forgot(client, "zhao@example.org")

    [message] = sent_mail()
    body = message.get_content()
    assert message["Subject"] == "重置密码 · Reset your password — 征求意见平台 Zhengqiu"
    assert body.startswith("赵六，您好：")
    assert "请在 2 小时内打开下面的链接设置新密码（链接只能使用一次）" in body
    assert "Hello 赵六," in body
    assert "Open this link within 2 hours to choose a new password (it works once):" in body
    assert body.count(reset_link(message)) == 2


def test_reset_link_works_only_once(client):
    make_user(email="zhao@example.org")
    forgot(client, "zhao@example.org")
    path = reset_link(sent_mail()[0]).removeprefix("http://zhengqiu.test")
    post_form(client, path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})

    again = client.get(path)

    assert again.status_code == 400
    assert "This password reset link is invalid, has expired or has already been used." in text(
        again
    )
    assert '<a href="/password/forgot">Ask for a new link</a>' in text(again)


def test_reset_link_is_spent_by_a_password_change(client, db):
    user = make_user(email="zhao@example.org")
    forgot(client, "zhao@example.org")
    path = reset_link(sent_mail()[0]).removeprefix("http://zhengqiu.test")
    user.set_password("changed meanwhile!")
    db.session.commit()

    assert client.get(path).status_code == 400


def test_reset_link_expires(client, app, db):
    user = make_user(email="zhao@example.org")

    class TwoHoursAgo(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - app.config["PASSWORD_RESET_MAX_AGE"] - 1

    old = URLSafeTimedSerializer(
        app.config["SECRET_KEY"], salt="password-reset", signer=TwoHoursAgo
    ).dumps({"user": user.id, "version": user.session_version})

    english(client)
    response = client.get(f"/password/reset/{old}")

    assert response.status_code == 400
    assert "has expired" in text(response)


def test_reset_link_that_was_tampered_with_is_refused(client, app):
    user = make_user(email="zhao@example.org")
    forged = URLSafeTimedSerializer("another key", salt="password-reset").dumps(
        {"user": user.id, "version": user.session_version}
    )

    for token in (forged, "garbage", forged[:-2]):
        response = client.post(
            f"/password/reset/{token}", data={"password": "x" * 12, "confirm": "x" * 12}
        )
        assert response.status_code == 400
    assert user.check_password(PASSWORD)


def test_reset_form_refuses_a_short_password(client, db):
    user = make_user(email="zhao@example.org")
    forgot(client, "zhao@example.org")
    path = reset_link(sent_mail()[0]).removeprefix("http://zhengqiu.test")

    response = post_form(client, path, {"password": "short", "confirm": "short"})

    assert field_error(text(response), "password") == (
        "The password must have at least 10 characters."
    )
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(PASSWORD)


def test_account_page_shows_name_email_role_and_unit(client, login_as):
    from tests.factories import make_unit

    unit = make_unit("中国质量认证中心", category="CB", region="北京市")
    login_as(make_user("reviewer", unit=unit, email="rev@example.org", name="钱七"))

    html = read_english(client, "/account")

    assert "<dt>Name</dt><dd>钱七</dd>" in html
    assert (
        '<dt>E-mail address</dt><dd>rev@example.org <span class="muted">(not verified)</span></dd>'
        in html
    )
    assert "<dt>Role</dt><dd>Reviewer</dd>" in html
    assert '中国质量认证中心 <span class="muted">(Certification body · 北京市)</span>' in html
    assert 'action="/account/password"' in html


def test_change_password_keeps_this_session_and_ends_the_others(app, client, db, login_as):
    user = login_as(make_user(email="qian@example.org"))
    other = app.test_client()
    with other.session_transaction() as session:
        session["_user_id"] = user.get_id()

    response = post_form(
        client,
        "/account/password",
        {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        page="/account",
    )

    assert response.status_code == 303
    assert flashes(read_english(client, "/account")) == ["Your password has been changed."]
    assert other.get("/account").status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(NEW_PASSWORD)


def test_change_password_with_a_wrong_current_password_is_refused(client, db, login_as):
    user = login_as(make_user())

    response = post_form(
        client,
        "/account/password",
        {"current_password": "not it at all", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        page="/account",
    )

    assert field_error(text(response), "current_password") == "The current password is wrong."
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(PASSWORD)
