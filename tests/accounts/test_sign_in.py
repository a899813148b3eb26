"""Signing in and out: one generic error, inactive accounts refused, safe redirects, limits."""

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.core.extensions import db as _db
from tests.accounts.helpers import (
    csrf_token,
    english,
    flashes,
    form_errors,
    post_form,
    read_english,
    text,
)
from tests.factories import PASSWORD, make_user

WRONG = "The e-mail address or password is wrong."


def sign_in(client, email, password=PASSWORD, url="/sign-in", **extra):
    return post_form(client, url, {"email": email, "password": password, **extra})


def test_sign_in_with_the_right_password_signs_in_and_records_the_time(client, db):
    user = make_user(email="wang@example.org", name="王五")

    response = sign_in(client, "wang@example.org")

    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    html = read_english(client, "/")
    assert flashes(html) == ["You are signed in."]
    assert '<a href="/account">王五</a>' in html
    assert ">Sign out</button>" in html
    assert ">Sign in</a>" not in html
    db.session.expire_all()
    assert db.session.get(User, user.id).last_login_at is not None


def test_sign_in_email_ignores_case_and_spaces(client):
    make_user(email="wang@example.org")

    response = sign_in(client, "  WANG@Example.org ")

    assert response.status_code == 303


def test_sign_in_wrong_password_and_unknown_email_give_the_same_error(client, db):
    user = make_user(email="wang@example.org")

    wrong_password = sign_in(client, "wang@example.org", "not the password")
    unknown = sign_in(client, "nobody@example.org")

    assert form_errors(text(wrong_password)) == [WRONG]
    assert form_errors(text(unknown)) == [WRONG]
    assert 'value="wang@example.org"' in text(wrong_password)  # the address stays filled in
    assert db.session.get(User, user.id).last_login_at is None
    assert ">Sign in</a>" in read_english(client, "/")


def test_sign_in_to_a_deactivated_account_is_refused(client, db):
    user = make_user(email="gone@example.org")
    user.active = False
    db.session.commit()

    refused = sign_in(client, "gone@example.org")
    wrong = sign_in(client, "gone@example.org", "not the password")

    assert form_errors(text(refused)) == [
        "This account has been deactivated. Please contact the administrator."
    ]
    assert form_errors(text(wrong)) == [WRONG]
    assert ">Sign in</a>" in read_english(client, "/")


def test_sign_in_page_has_the_expected_fields(client):
    html = read_english(client, "/sign-in")

    for name in ("email", "password", "remember", "csrf_token"):
        assert f'name="{name}"' in html
    assert 'autocomplete="current-password"' in html
    assert '<a href="/password/forgot">Forgot your password?</a>' in html


def test_sign_in_follows_a_local_next(client):
    make_user(email="wang@example.org")

    response = sign_in(client, "wang@example.org", url="/sign-in?next=/account%3Ftab%3D1")

    assert response.headers["Location"] == "/account?tab=1"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "/\t/evil.example",  # browsers drop tabs and newlines: this would be //evil.example
        "/\n/evil.example",
        "javascript:alert(1)",
    ],
)
def test_sign_in_never_redirects_off_site(client, target):
    make_user(email="wang@example.org")

    html = read_english(client, "/sign-in")
    response = client.post(
        "/sign-in",
        query_string={"next": target},
        data={"email": "wang@example.org", "password": PASSWORD, "csrf_token": csrf_token(html)},
    )

    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_account_page_sends_anonymous_readers_to_sign_in_and_back(client):
    make_user(email="wang@example.org")
    english(client)

    redirected = client.get("/account")
    assert redirected.status_code == 302
    assert redirected.headers["Location"] == "/sign-in?next=%2Faccount"
    html = read_english(client, redirected.headers["Location"])
    assert flashes(html) == ["Please sign in to continue."]

    response = sign_in(client, "wang@example.org", url="/sign-in?next=%2Faccount")
    assert response.headers["Location"] == "/account"


def test_sign_out_signs_out(client, login_as):
    login_as(make_user(name="王五"))

    response = post_form(client, "/sign-out", {}, page="/")

    assert response.status_code == 303
    html = read_english(client, "/")
    assert flashes(html) == ["You are signed out."]
    assert ">Sign in</a>" in html
    assert "王五" not in html


def test_sign_out_without_csrf_token_is_refused_and_keeps_the_session(client, login_as):
    login_as(make_user(name="王五"))

    response = client.post("/sign-out")

    assert response.status_code == 400
    assert "The CSRF token is missing." in text(response)
    assert '<a href="/account">王五</a>' in read_english(client, "/")


def test_sign_in_without_csrf_token_is_refused(client, db):
    user = make_user(email="wang@example.org")

    response = client.post("/sign-in", data={"email": "wang@example.org", "password": PASSWORD})

    assert response.status_code == 400
    assert db.session.get(User, user.id).last_login_at is None
    assert ">Sign in</a>" in read_english(client, "/")


def test_deactivating_an_account_ends_its_session(client, db, login_as):
    user = login_as(make_user(name="王五"))
    user.active = False
    db.session.commit()

    html = read_english(client, "/")

    assert "王五" not in html
    assert client.get("/account").status_code == 302


def test_nav_shows_the_admin_link_to_admins_only(client, login_as):
    login_as(make_user("participant", name="王五"))
    participant_nav = read_english(client, "/")
    login_as(make_user("admin", name="管理员"))
    admin_nav = read_english(client, "/")

    assert '<a href="/admin/users">Accounts</a>' not in participant_nav
    assert '<a href="/admin/users">Accounts</a>' in admin_nav


def test_password_reset_requests_fourth_within_the_limit_gets_429(limited_app):
    """Sign-in failures are counted in shared storage (test_sign_in_limits.py); Flask-Limiter's
    per-address limit still guards the reset requests, here at 3 a minute."""
    limited_app.config["RATELIMIT_SIGNIN"] = "3 per minute"
    client = limited_app.test_client()
    english(client)
    token = csrf_token(client.get("/password/forgot").get_data(as_text=True))
    data = {"email": "nobody@example.org", "csrf_token": token}

    statuses = [client.post("/password/forgot", data=data).status_code for _ in range(4)]
    page = client.get("/password/forgot")  # reading the form is not limited

    assert statuses == [303, 303, 303, 429]
    blocked = client.post("/password/forgot", data=data)
    assert "429 · Too many requests" in text(blocked)
    assert "Please wait a moment before trying again." in text(blocked)
    assert page.status_code == 200
    assert _db.session.scalars(select(User)).all() == []
