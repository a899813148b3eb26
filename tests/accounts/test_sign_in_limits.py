"""Sign-in limits shared by every worker: per account, per network address, with a notice."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.accounts.services import SignInRefused
from app.accounts.sign_in import sign_in
from app.accounts.sign_in_limits import LoginFailure, SignInLocked
from app.audit.models import AuditEvent
from tests.accounts.helpers import (
    csrf_token,
    english,
    form_errors,
    read_english,
    sent_mail,
    text,
)
from tests.conftest import build_app
from tests.factories import PASSWORD, make_user

WRONG = "The e-mail address or password is wrong."
ACCOUNT_LOCKED = (
    "Too many failed attempts to sign in with this e-mail address. Signing in with it is "
    "paused for 15 minutes. If you have forgotten your password, you can choose a new one."
)
NETWORK_LOCKED = (
    "Too many failed attempts to sign in from your network. Please try again in 15 minutes."
)
NOON = datetime(2026, 12, 3, 4, 0)  # 12:00 in Beijing


def worker(app, address="203.0.113.7"):
    """A client of one app instance, as one gunicorn worker would serve it."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    english(client)
    return client


def post_sign_in(client, email, password):
    token = csrf_token(client.get("/sign-in").get_data(as_text=True))
    return client.post("/sign-in", data={"email": email, "password": password, "csrf_token": token})


@pytest.fixture
def second_worker(app, database_url, tmp_path):
    """Another app instance on the same database: a second worker process."""
    other = build_app(database_url, tmp_path)
    yield other
    with other.app_context():
        from app.core.extensions import db

        db.engine.dispose()


def test_the_lock_comes_at_the_tenth_failure_counted_across_two_workers(app, second_worker, db):
    make_user(email="wang@example.org", name="王五")
    workers = [worker(app), worker(second_worker)]

    errors = [
        form_errors(text(post_sign_in(workers[i % 2], "wang@example.org", "wrong")))
        for i in range(10)
    ]
    right_password = post_sign_in(workers[0], "wang@example.org", PASSWORD)
    other_worker = post_sign_in(workers[1], "wang@example.org", PASSWORD)

    assert errors == [[WRONG]] * 9 + [[ACCOUNT_LOCKED]]
    assert form_errors(text(right_password)) == [ACCOUNT_LOCKED]
    assert form_errors(text(other_worker)) == [ACCOUNT_LOCKED]
    events = db.session.scalars(select(AuditEvent).filter_by(action="sign_in.lock")).all()
    assert [(e.target_type, e.actor_id, e.after_data["failures"]) for e in events] == [
        ("user", None, 10)
    ]


def test_an_unknown_address_locks_with_the_same_message(app):
    client = worker(app)

    errors = [form_errors(text(post_sign_in(client, "nobody@example.org", "x"))) for _ in range(10)]

    assert errors == [[WRONG]] * 9 + [[ACCOUNT_LOCKED]]
    assert sent_mail() == []


def test_the_owner_is_told_of_the_lock(app):
    make_user(email="wang@example.org", name="王五")
    for _ in range(10):
        with pytest.raises((SignInRefused, SignInLocked)):
            sign_in(email="wang@example.org", password="wrong", address="198.51.100.1", now=NOON)

    [mail] = sent_mail()

    assert mail["To"] == "wang@example.org"
    assert mail["Subject"] == "您的账号已暂停登录"  # the default language, outside a request
    body = mail.get_content()
    assert body.startswith("王五，您好：\n\n您的账号有 10 次因密码错误而登录失败。")
    assert "登录已暂停至 2026-12-03 12:15（北京时间）。" in body


def test_the_lock_expires_after_fifteen_minutes(app, db):
    make_user(email="wang@example.org")
    for minute in range(10):
        with pytest.raises((SignInRefused, SignInLocked)):
            sign_in(
                email="wang@example.org",
                password="wrong",
                address="198.51.100.1",
                now=NOON + timedelta(minutes=minute),
            )
    locked_at = NOON + timedelta(minutes=9)

    with pytest.raises(SignInLocked):
        sign_in(
            email="wang@example.org",
            password=PASSWORD,
            address="198.51.100.1",
            now=locked_at + timedelta(minutes=14, seconds=59),
        )
    user = sign_in(
        email="wang@example.org",
        password=PASSWORD,
        address="198.51.100.1",
        now=locked_at + timedelta(minutes=15),
    )

    assert user.email == "wang@example.org"


def test_after_a_lock_expires_the_count_starts_again(app):
    make_user(email="wang@example.org")
    now = NOON
    for _ in range(10):
        with pytest.raises((SignInRefused, SignInLocked)):
            sign_in(email="wang@example.org", password="wrong", address="198.51.100.1", now=now)
    later = now + timedelta(minutes=15)

    outcomes = []
    for second in range(10):
        try:
            sign_in(
                email="wang@example.org",
                password="wrong",
                address="198.51.100.1",
                now=later + timedelta(seconds=second),
            )
        except (SignInRefused, SignInLocked) as error:
            outcomes.append(type(error).__name__)

    assert outcomes == ["SignInRefused"] * 9 + ["SignInLocked"]


def test_a_colleague_behind_the_same_address_still_signs_in(app, second_worker):
    make_user(email="wang@example.org")
    make_user(email="li@example.org", name="李四")
    office = [worker(app, "192.0.2.10"), worker(second_worker, "192.0.2.10")]
    for i in range(12):
        post_sign_in(office[i % 2], "wang@example.org", "wrong")

    response = post_sign_in(office[1], "li@example.org", PASSWORD)

    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_the_network_address_locks_at_its_own_limit(app, second_worker):
    app.config["SIGNIN_IP_LIMIT"] = second_worker.config["SIGNIN_IP_LIMIT"] = 5
    make_user(email="li@example.org")
    office = [worker(app, "192.0.2.10"), worker(second_worker, "192.0.2.10")]
    elsewhere = worker(app, "192.0.2.99")

    errors = [
        form_errors(text(post_sign_in(office[i % 2], f"u{i}@example.org", "wrong")))
        for i in range(5)
    ]
    blocked = post_sign_in(office[0], "li@example.org", PASSWORD)
    from_elsewhere = post_sign_in(elsewhere, "li@example.org", PASSWORD)

    assert errors == [[WRONG]] * 4 + [[NETWORK_LOCKED]]
    assert form_errors(text(blocked)) == [NETWORK_LOCKED]
    assert from_elsewhere.status_code == 303


def test_a_successful_sign_in_clears_the_accounts_count(app):
    make_user(email="wang@example.org")
    for _ in range(9):
        with pytest.raises(SignInRefused):
            sign_in(email="wang@example.org", password="wrong", address="198.51.100.1", now=NOON)
    sign_in(email="wang@example.org", password=PASSWORD, address="198.51.100.1", now=NOON)

    with pytest.raises(SignInRefused):
        sign_in(email="wang@example.org", password="wrong", address="198.51.100.1", now=NOON)


def test_old_failures_are_pruned_when_a_lock_is_recorded(app, db):
    db.session.add(
        LoginFailure(kind="account", key="old@example.org", at=NOON - timedelta(hours=1))
    )
    db.session.flush()
    for _ in range(10):
        with pytest.raises((SignInRefused, SignInLocked)):
            sign_in(email="new@example.org", password="wrong", address="198.51.100.1", now=NOON)

    keys = set(db.session.scalars(select(LoginFailure.key)))

    assert keys == {"new@example.org", "198.51.100.1"}


def test_the_shared_storage_counters_count_lock_and_start_again(app):
    """The Redis path, through the limits library's own in-process storage (same interface)."""
    from app.accounts.sign_in_limits import ACCOUNT, SharedStorageCounters

    store = SharedStorageCounters("memory://")
    counts = [store.fail(ACCOUNT, "wang@example.org", NOON) for _ in range(10)]
    assert store.locked_until(ACCOUNT, "wang@example.org", NOON) is None
    store.lock(ACCOUNT, "wang@example.org", NOON)

    assert counts == list(range(1, 11))
    assert store.locked_until(ACCOUNT, "wang@example.org", NOON) is not None
    assert store.fail(ACCOUNT, "wang@example.org", NOON) == 1


def test_the_lock_is_in_the_audit_trail_admins_read(app, client, login_as):
    make_user(email="wang@example.org", name="王五")
    for _ in range(10):
        with pytest.raises((SignInRefused, SignInLocked)):
            sign_in(email="wang@example.org", password="wrong", address="198.51.100.1", now=NOON)
    from app.core.extensions import db

    db.session.commit()
    login_as(make_user("admin"))

    html = read_english(client, "/admin/audit")

    assert "Sign-in paused after failed attempts" in html
    assert "wang@example.org" in html
