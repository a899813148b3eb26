"""The users page: admins list, filter, create accounts, change roles, deactivate."""

import re

import pytest
from sqlalchemy import select

from app.accounts.models import Role, User
from tests.accounts.helpers import (
    csrf_token,
    field_error,
    flashes,
    post_form,
    read_english,
    text,
)
from tests.factories import PASSWORD, make_unit, make_user
from tests.pages import counting_statements

ROLES = ["participant", "team", "reviewer", "official", "admin"]


def rows(html: str) -> list[str]:
    return re.findall(r'<tr id="user-\d+">\s*<th scope="row">(.*?)</th>', html)


def admin_routes(target_id: int):
    token_data = {"role": "official", "active": "0", "name": "x"}
    return [
        ("GET", "/admin/users", None),
        ("GET", "/admin/users/new", None),
        ("POST", f"/admin/users/{target_id}/role", token_data),
        ("POST", f"/admin/users/{target_id}/active", token_data),
        ("POST", "/admin/users/new", token_data),
    ]


@pytest.mark.parametrize("role", [None, *ROLES])
def test_admin_pages_are_for_admins_only(client, db, login_as, role):
    target = make_user(email="target@example.org")
    if role:
        login_as(make_user(role))
    token = csrf_token(read_english(client, "/"))

    outcomes = []
    for method, url, data in admin_routes(target.id):
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, data={**data, "csrf_token": token})
        outcomes.append(response.status_code)
        if role is None:
            assert response.headers["Location"].startswith("/sign-in?next=")
        if response.status_code == 403:
            assert "You do not have permission to do this." in text(response)

    if role == "admin":
        assert outcomes == [200, 200, 303, 303, 200]  # the last form was incomplete
    else:
        assert outcomes == [302 if role is None else 403] * 5
        db.session.expire_all()
        stored = db.session.get(User, target.id)
        assert (stored.role, stored.active) == (Role.PARTICIPANT, True)


def test_users_page_lists_role_unit_and_status(client, db, login_as):
    unit = make_unit("中国质量认证中心")
    login_as(make_user("admin", name="管理员"))
    make_user("team", unit=unit, name="项目组甲", email="team@example.org")
    gone = make_user(name="已停用", email="gone@example.org")
    gone.active = False
    db.session.commit()

    html = read_english(client, "/admin/users")

    # Ordered by name in the database's collation, which differs between the engines.
    assert sorted(rows(html)) == sorted(["已停用", "管理员", "项目组甲"])
    team_row = html[html.index("项目组甲") :].split("</tr>")[0]
    assert "<td>team@example.org</td>" in team_row
    assert "<td>中国质量认证中心</td>" in team_row
    assert '<option value="team" selected>Project team</option>' in team_row
    assert '<span class="state state--active">Active</span>' in team_row
    gone_row = html[html.index("已停用") :].split("</tr>")[0]
    assert '<span class="state state--inactive">Deactivated</span>' in gone_row
    assert "Number of accounts: 3" in html


def test_users_page_filters_by_role(client, login_as):
    login_as(make_user("admin", name="管理员"))
    make_user("official", name="司局甲")
    make_user("participant", name="参与者乙")

    html = read_english(client, "/admin/users?role=official")

    assert rows(html) == ["司局甲"]
    assert '<strong aria-current="true">Official (1)</strong>' in html
    assert '<a href="/admin/users">All (3)</a>' in html
    assert '<a href="/admin/users?role=participant">Participant (1)</a>' in html
    assert client.get("/admin/users?role=king").status_code == 404


def test_users_page_pages_by_fifty(client, db, login_as):
    login_as(make_user("admin", name="管理员"))
    for number in range(55):
        db.session.add(
            User(email=f"p{number}@example.org", name=f"参与者{number:03d}", password_hash="x")
        )
    db.session.commit()

    first = read_english(client, "/admin/users?role=participant")
    second = read_english(client, "/admin/users?role=participant&page=2")

    assert len(rows(first)) == 50
    assert rows(second) == [f"参与者{n:03d}" for n in range(50, 55)]
    assert "Page 2 of 2" in second
    assert 'href="/admin/users?role=participant&amp;page=2" rel="next"' in first


def test_users_page_finds_by_name_email_or_unit_with_counts_per_role(client, login_as):
    cqc = make_unit("中国质量认证中心")
    login_as(make_user("admin", name="管理员", email="admin@example.org"))
    make_user("team", unit=cqc, name="项目组甲", email="team@example.org")
    make_user("participant", unit=cqc, name="参与者乙", email="b@example.org")
    make_user("participant", name="王五", email="Wang.Wu@Example.org")
    make_user("participant", name="100%_user", email="pct@example.org")

    by_unit = read_english(client, "/admin/users?q=质量认证")
    by_email = read_english(client, "/admin/users?q=wang.wu")
    by_name_in_role = read_english(client, "/admin/users?q=项目组&role=team")
    literal = read_english(client, "/admin/users?q=0%25_")
    nothing = read_english(client, "/admin/users?q=nobody")

    assert sorted(rows(by_unit)) == sorted(["项目组甲", "参与者乙"])
    assert "Accounts matching “质量认证”: 2" in by_unit
    assert (
        '<a href="/admin/users?q=%E8%B4%A8%E9%87%8F%E8%AE%A4%E8%AF%81&amp;role=team">Project team (1)</a>'
        in by_unit
    )
    assert '<strong aria-current="true">All (2)</strong>' in by_unit
    assert 'value="质量认证"' in by_unit
    assert rows(by_email) == ["王五"]
    assert rows(by_name_in_role) == ["项目组甲"]
    assert rows(literal) == ["100%_user"]
    assert rows(nothing) == []
    assert "No account matches this search." in nothing


def test_users_search_keeps_the_search_across_pages(client, db, login_as):
    login_as(make_user("admin", name="管理员"))
    for number in range(51):
        db.session.add(
            User(email=f"p{number}@example.org", name=f"张{number:03d}", password_hash="x")
        )
    db.session.commit()

    first = read_english(client, "/admin/users?q=张")

    assert len(rows(first)) == 50
    assert 'href="/admin/users?q=%E5%BC%A0&amp;page=2" rel="next"' in first
    assert rows(read_english(client, "/admin/users?q=张&page=2")) == ["张050"]


def test_admin_changes_a_role(client, db, login_as):
    login_as(make_user("admin"))
    user = make_user(name="王五")

    response = post_form(
        client,
        f"/admin/users/{user.id}/role",
        {"role": "reviewer", "next": "/admin/users?role=participant"},
        page="/admin/users",
    )

    assert response.headers["Location"] == "/admin/users?role=participant"
    assert flashes(read_english(client, "/admin/users")) == ["王五 is now: Reviewer."]
    db.session.expire_all()
    assert db.session.get(User, user.id).role == Role.REVIEWER


def test_admin_cannot_remove_their_own_admin_role(client, db, login_as):
    admin = login_as(make_user("admin"))

    post_form(client, f"/admin/users/{admin.id}/role", {"role": "team"}, page="/admin/users")

    assert flashes(read_english(client, "/admin/users")) == [
        "You cannot remove your own administrator role."
    ]
    db.session.expire_all()
    assert db.session.get(User, admin.id).role == Role.ADMIN


def test_admin_role_change_with_an_unknown_role_is_refused(client, db, login_as):
    login_as(make_user("admin"))
    user = make_user()

    response = post_form(
        client, f"/admin/users/{user.id}/role", {"role": "king"}, page="/admin/users"
    )

    assert response.headers["Location"] == "/admin/users"
    assert flashes(read_english(client, "/admin/users")) == [
        "Nothing was changed: choose a role from the list."
    ]
    assert db.session.get(User, user.id).role == Role.PARTICIPANT


def test_admin_deactivates_and_reactivates_an_account(app, client, db, login_as):
    login_as(make_user("admin"))
    user = make_user(name="王五", email="wang@example.org")
    their_client = app.test_client()
    with their_client.session_transaction() as session:
        session["_user_id"] = user.get_id()

    post_form(client, f"/admin/users/{user.id}/active", {"active": "0"}, page="/admin/users")

    assert flashes(read_english(client, "/admin/users")) == ["The account of 王五 is deactivated."]
    db.session.expire_all()
    assert db.session.get(User, user.id).active is False
    assert their_client.get("/account").status_code == 302  # their session has ended

    post_form(client, f"/admin/users/{user.id}/active", {"active": "1"}, page="/admin/users")

    assert flashes(read_english(client, "/admin/users")) == ["The account of 王五 is active again."]
    db.session.expire_all()
    assert db.session.get(User, user.id).active is True


def test_admin_cannot_deactivate_themselves(client, db, login_as):
    admin = login_as(make_user("admin"))

    post_form(client, f"/admin/users/{admin.id}/active", {"active": "0"}, page="/admin/users")

    assert flashes(read_english(client, "/admin/users")) == [
        "You cannot deactivate your own account."
    ]
    assert db.session.get(User, admin.id).active is True


def test_admin_actions_on_a_missing_user_give_404(client, login_as):
    login_as(make_user("admin"))

    response = post_form(client, "/admin/users/99999/role", {"role": "team"}, page="/admin/users")

    assert response.status_code == 404


def test_admin_role_change_without_csrf_token_is_refused(client, db, login_as):
    login_as(make_user("admin"))
    user = make_user()

    response = client.post(f"/admin/users/{user.id}/role", data={"role": "admin"})

    assert response.status_code == 400
    assert "The CSRF token is missing." in text(response)
    assert db.session.get(User, user.id).role == Role.PARTICIPANT


def test_admin_creates_an_account_of_any_role(client, db, login_as):
    unit = make_unit("国家认监委认证监管司", category="RG")
    login_as(make_user("admin"))

    response = post_form(
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

    assert response.headers["Location"] == "/admin/users"
    assert flashes(read_english(client, "/admin/users")) == [
        "Account created for 司局官员 (Official)."
    ]
    user = db.session.scalar(select(User).where(User.email == "official@example.org"))
    assert (user.name, user.role, user.unit_id) == ("司局官员", Role.OFFICIAL, unit.id)
    assert user.check_password(PASSWORD)


def test_admin_new_account_with_a_taken_email_shows_a_field_error(client, db, login_as):
    login_as(make_user("admin"))
    make_user(email="taken@example.org")

    response = post_form(
        client,
        "/admin/users/new",
        {
            "name": "重复",
            "email": "taken@example.org",
            "role": "team",
            "unit_id": "",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )

    assert field_error(text(response), "email") == (
        "An account with this e-mail address already exists."
    )
    assert len(db.session.scalars(select(User)).all()) == 2


def test_user_list_loads_units_with_the_page_not_per_row(app, client, db, login_as):

    from tests.factories import make_unit

    for n in range(12):
        make_user(unit=make_unit(), email=f"member{n}@example.org")
    login_as(make_user("admin"))
    with counting_statements() as statements:
        html = client.get("/admin/users").get_data(as_text=True)

    assert html.count("测试认证有限公司") == 12
    assert len(statements) <= 4  # the signed-in user, the count, the page, its units
