"""The audit trail: what is recorded, who may read it, how it is searched, that it stays."""

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.audit.models import AuditEvent
from app.audit.queries import search_events, trail_for
from app.audit.writer import record
from app.measures.models import Measure
from tests.accounts.helpers import post_form
from tests.factories import (
    PASSWORD,
    make_open_revision,
    make_unit,
    make_user,
)
from tests.pages import csrf_token, english, text

ROOT = Path(__file__).resolve().parent.parent


def stored(db) -> list[tuple]:
    db.session.expire_all()
    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
    return [(e.action, e.actor_id, e.target_type, e.before_data, e.after_data) for e in events]


def row_ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<tr id="audit-(\d+)">', html)]


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2021, 1, day, hour)


# The trail cannot be changed -----------------------------------------------------------------


def test_a_stored_event_refuses_an_update(db):
    event = record(actor=None, action="user.role", target_type="user", target_id=1)
    db.session.commit()

    event.after = '{"role": "admin"}'

    with pytest.raises(PermissionError):
        db.session.commit()
    db.session.rollback()


def test_a_stored_event_refuses_a_delete(db):
    event = record(actor=None, action="user.role", target_type="user", target_id=1)
    db.session.commit()

    db.session.delete(event)

    with pytest.raises(PermissionError):
        db.session.flush()
    db.session.rollback()
    assert db.session.scalar(select(AuditEvent.id)) == event.id


def test_no_code_in_the_app_bulk_updates_or_deletes_audit_events():
    pattern = re.compile(
        r"(delete|update)\(\s*AuditEvent|AuditEvent\.__table__\.(delete|update)"
        r"|query\(\s*AuditEvent\).*\.(delete|update)\(|(DELETE\s+FROM|UPDATE)\s+audit_events",
        re.I,
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "app").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]

    assert offenders == []


# What is recorded --------------------------------------------------------------------------


def test_admin_creating_an_account_is_recorded_without_the_password(client, db, login_as):
    unit = make_unit("国家认监委认证监管司", category="RG")
    admin = login_as(make_user("admin"))

    post_form(
        client,
        "/admin/users/new",
        {
            "name": "司局官员",
            "email": "Official@Example.org",
            "role": "official",
            "unit_id": str(unit.id),
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )

    user_id = db.session.scalar(select(AuditEvent.target_id))
    assert stored(db) == [
        (
            "user.create",
            admin.id,
            "user",
            {},
            {
                "email": "official@example.org",
                "name": "司局官员",
                "role": "official",
                "unit": "国家认监委认证监管司",
            },
        )
    ]
    raw = db.session.scalar(select(AuditEvent.after))
    assert PASSWORD not in raw and "pbkdf2" not in raw and "scrypt" not in raw
    assert user_id is not None


def test_admin_changing_a_role_is_recorded(client, db, login_as):
    admin = login_as(make_user("admin"))
    user = make_user(name="王五")

    post_form(client, f"/admin/users/{user.id}/role", {"role": "reviewer"}, page="/admin/users")

    assert stored(db) == [
        ("user.role", admin.id, "user", {"role": "participant"}, {"role": "reviewer"})
    ]


def test_giving_the_same_role_again_records_nothing(client, db, login_as):
    login_as(make_user("admin"))
    user = make_user("team")

    post_form(client, f"/admin/users/{user.id}/role", {"role": "team"}, page="/admin/users")

    assert stored(db) == []


def test_admin_deactivating_and_reactivating_is_recorded(client, db, login_as):
    admin = login_as(make_user("admin"))
    user = make_user()

    post_form(client, f"/admin/users/{user.id}/active", {"active": "0"}, page="/admin/users")
    post_form(client, f"/admin/users/{user.id}/active", {"active": "1"}, page="/admin/users")

    assert stored(db) == [
        ("user.active", admin.id, "user", {"active": True}, {"active": False}),
        ("user.active", admin.id, "user", {"active": False}, {"active": True}),
    ]


def test_flask_users_create_is_recorded_with_no_actor(app, db):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "--role", "admin", "--email", "a@example.org", "--name", "管理员",
              "--password", PASSWORD],
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert stored(db) == [
        (
            "user.create",
            None,
            "user",
            {},
            {"email": "a@example.org", "name": "管理员", "role": "admin", "unit": None},
        )
    ]


def test_a_participant_signing_up_is_not_a_team_change(client, db):
    english(client)
    html = text(client.get("/register"))

    client.post(
        "/register",
        data={
            "csrf_token": csrf_token(html),
            "name": "李四",
            "email": "li@example.org",
            "password": PASSWORD,
            "confirm": PASSWORD,
            "unit_mode": "individual",
        },
    )

    assert db.session.scalar(select(User.email)) == "li@example.org"
    assert stored(db) == []


def test_measure_publication_settings_are_recorded(client, db, login_as):
    revision = make_open_revision()
    measure_id = revision.measure.id
    admin = login_as(make_user("admin"))
    page = text(client.get("/admin/measures"))
    token = re.search(r'name="m\d+-csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    for setting in ("after", "after"):  # the second, unchanged, records nothing
        client.post(
            "/admin/measures/sample-measure/publication",
            data={
                f"m{measure_id}-csrf_token": token,
                f"m{measure_id}-comments_public": setting,
                f"m{measure_id}-names_public": "y",
            },
        )

    assert stored(db) == [
        (
            "measure.publication",
            admin.id,
            "measure",
            {"comments_public": "never", "names_public": False},
            {"comments_public": "after", "names_public": True},
        )
    ]
    assert db.session.get(Measure, measure_id).names_public is True


# Reading the trail -----------------------------------------------------------------------------


def test_trail_for_lists_one_objects_events_oldest_first(db):
    actor = make_user("team", name="赵六")
    later = record(actor=actor, action="b", target_type="comment", target_id=7, at=at(3))
    earlier = record(actor=actor, action="a", target_type="comment", target_id=7, at=at(2))
    record(actor=actor, action="c", target_type="comment", target_id=8, at=at(1))
    record(actor=actor, action="d", target_type="group", target_id=7, at=at(1))
    db.session.commit()
    expected = [earlier.id, later.id]
    db.session.expunge_all()

    trail = trail_for("comment", 7)

    assert [e.id for e in trail] == expected
    assert [e.actor.name for e in trail] == ["赵六", "赵六"]


# Searching -----------------------------------------------------------------------------------


@pytest.fixture
def events(db):
    """A small trail: the keys name each event; ids come back in the order asked for."""
    first = make_open_revision()
    second = make_open_revision(measure="second-measure")
    zhao = make_user("team", name="赵六", email="zhao@example.org")
    qian = make_user("reviewer", name="钱七", email="qian@example.org")
    made = {
        "assign": record(actor=zhao, action="comment.assign", target_type="comment",
                         target_id=1, revision_id=first.id, after={"assignee": "钱七"},
                         at=datetime(2021, 1, 10, 3)),
        "group": record(actor=zhao, action="group.create", target_type="group", target_id=2,
                        revision_id=first.id, after={"title": "关于培训学时"},
                        at=datetime(2021, 1, 14, 16, 30)),  # 2021-01-15 00:30 in Shanghai
        "approve": record(actor=qian, action="response.approve", target_type="response",
                          target_id=3, revision_id=second.id, before={"state": "draft"},
                          after={"state": "approved"}, at=datetime(2021, 1, 15, 2)),
        "cli": record(actor=None, action="user.create", target_type="user", target_id=4,
                      after={"email": "new_100%@example.org"}, at=datetime(2021, 1, 20, 8)),
    }  # fmt: skip
    db.session.commit()
    return {"ids": {key: event.id for key, event in made.items()}, "first": first.id,
            "second": second.id, "zhao": zhao.id}  # fmt: skip


def found(events, *keys):
    return [events["ids"][key] for key in keys]


def ids(**filters):
    page, _total = search_events(**filters)
    return [event.id for event in page]


def test_search_without_filters_lists_everything_newest_first(events):
    assert ids() == found(events, "cli", "approve", "group", "assign")
    assert search_events()[1] == 4


@pytest.mark.parametrize(
    "filters,keys",
    [
        ({"text": "培训学时"}, ["group"]),
        ({"text": "APPROVE"}, ["approve"]),
        ({"text": "comment"}, ["assign"]),
        ({"text": "100%"}, ["cli"]),
        ({"text": "_"}, ["cli"]),
        ({"text": "4"}, ["cli"]),
        ({"actor": "QIAN@"}, ["approve"]),
        ({"actor": "赵"}, ["group", "assign"]),
        ({"action": "group.create"}, ["group"]),
        ({"target_type": "response"}, ["approve"]),
        ({"since": datetime(2021, 1, 15), "until": datetime(2021, 1, 20)}, ["approve"]),
        ({"text": "钱七", "action": "response.approve"}, []),
    ],
)
def test_each_search_filter_narrows_the_results(events, filters, keys):
    assert ids(**filters) == found(events, *keys)


def test_search_by_actor_id_and_revision(events):
    assert ids(actor_id=events["zhao"]) == found(events, "group", "assign")
    assert ids(revision_id=events["first"]) == found(events, "group", "assign")
    assert ids(revision_id=events["second"]) == found(events, "approve")


def test_search_pages_by_fifty(db):
    made = [
        record(actor=None, action="x.y", target_type="user", target_id=n, at=datetime(2021, 1, 1) + timedelta(minutes=n))
        for n in range(120)
    ]  # fmt: skip
    db.session.commit()
    newest_first = [e.id for e in reversed(made)]

    pages = [search_events(page=n) for n in (1, 2, 3, 4)]

    assert [[e.id for e in page] for page, _ in pages] == [
        newest_first[:50], newest_first[50:100], newest_first[100:], []
    ]  # fmt: skip
    assert {total for _, total in pages} == {120}


# The page -------------------------------------------------------------------------------------


def test_the_page_filters_by_shanghai_days(client, events, login_as):
    login_as(make_user("admin"))

    on_the_15th = text(client.get("/admin/audit?since=2021-01-15&until=2021-01-15"))
    up_to_the_14th = text(client.get("/admin/audit?until=2021-01-14"))

    assert row_ids(on_the_15th) == found(events, "approve", "group")
    assert row_ids(up_to_the_14th) == found(events, "assign")


def test_the_page_filters_by_each_field(client, events, login_as):
    login_as(make_user("admin"))
    rev = events["first"]

    assert row_ids(text(client.get("/admin/audit?q=培训"))) == found(events, "group")
    assert row_ids(text(client.get("/admin/audit?actor=qian"))) == found(events, "approve")
    assert row_ids(text(client.get("/admin/audit?action=user.create"))) == found(events, "cli")
    assert row_ids(text(client.get("/admin/audit?target=group"))) == found(events, "group")
    assert row_ids(text(client.get(f"/admin/audit?revision={rev}"))) == found(
        events, "group", "assign"
    )


def test_the_page_shows_who_what_and_the_changes_in_english(client, events, login_as):
    login_as(make_user("admin"))
    english(client)

    html = text(client.get("/admin/audit"))

    row = re.search(rf'<tr id="audit-{events["ids"]["approve"]}">(.*?)</tr>', html, re.S).group(1)
    cells = [
        " ".join(re.sub(r"<[^>]+>", "", c).split())
        for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]
    assert cells == [
        "2021-01-15 10:00",
        "钱七 qian@example.org",
        "Response approved",
        "Response #3",
        "State: In draft → Approved",
    ]  # fmt: skip
    assert "System (command line)" in html
    assert "Number of records: 4" in html
    assert '<a href="/m/sample-measure/r/1/team/comments/1">Comment #1</a>' in html
    assert '<a href="/admin/audit">Audit trail</a>' in html


def test_the_page_shows_the_chinese_labels(client, events, login_as):
    login_as(make_user("admin"))

    html = text(client.get("/admin/audit"))

    assert "<h1>审计记录</h1>" in html
    assert ">处理意见已审核<" in html


def test_an_unknown_action_is_shown_as_stored(client, db, login_as):
    login_as(make_user("admin"))
    record(actor=None, action="thing.frobnicate", target_type="thing", target_id=None)
    db.session.commit()
    english(client)

    html = text(client.get("/admin/audit"))

    assert '<span title="thing.frobnicate">thing.frobnicate</span>' in html


def test_values_are_escaped_and_long_ones_shortened(client, db, login_as):
    login_as(make_user("admin"))
    long = "很长的意见" * 30
    record(
        actor=None, action="comment.edit_on_behalf", target_type="comment", target_id=5,
        before={"body": "<script>alert(1)</script>"}, after={"body": long},
    )  # fmt: skip
    db.session.commit()

    html = text(client.get("/admin/audit"))

    assert "<script>alert" not in html
    assert '<span class="audit-value">&lt;script&gt;alert(1)&lt;/script&gt;</span>' in html
    assert f'<span class="audit-value" title="{long}">{long[:79]}…</span>' in html


def test_the_page_pages_by_fifty_and_keeps_the_filters(client, db, login_as):
    login_as(make_user("admin"))
    for n in range(55):
        record(
            actor=None, action="x.y", target_type="user", target_id=n, at=datetime(2021, 1, 1, 0, n)
        )
    db.session.commit()
    english(client)

    first = text(client.get("/admin/audit?action=x.y"))
    second = text(client.get("/admin/audit?action=x.y&page=2"))

    assert len(row_ids(first)) == 50 and len(row_ids(second)) == 5
    assert "Page 1 of 2" in first
    assert 'href="/admin/audit?action=x.y&amp;page=2" rel="next"' in first
    assert 'href="/admin/audit?action=x.y" rel="prev"' in second


def test_a_wrong_date_is_shown_as_a_field_error(client, events, login_as):
    login_as(make_user("admin"))
    english(client)

    html = text(client.get("/admin/audit?since=2021-13-45"))

    assert '<span class="field__error" id="since-error">Not a valid date value.</span>' in html
    assert row_ids(html) == []


@pytest.mark.parametrize("role", ["team", "reviewer", "official", "participant"])
def test_only_admins_read_the_trail(client, login_as, role):
    login_as(make_user(role))

    assert client.get("/admin/audit").status_code == 403
