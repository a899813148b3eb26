"""The units pages: admins list, search and filter units, edit one (audited), mark its
representatives, and merge a duplicate after a confirmation page."""

import re

from sqlalchemy import select

from app.accounts.models import RepresentativeStatus, Unit, UnitCategory, User
from app.audit.models import AuditEvent
from tests.accounts.helpers import (
    csrf_token,
    field_error,
    flashes,
    post_form,
    read_english,
    sent_mail,
)
from tests.factories import make_comment, make_open_revision, make_unit, make_user


def rows(html: str) -> list[list[str]]:
    """Each unit's row as the cells a reader sees."""
    found = []
    for row in re.findall(r'<tr id="unit-\d+">(.*?)</tr>', html, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        found.append([re.sub(r"<[^>]+>", " ", cell).split() for cell in cells])
    return [[" ".join(words) for words in row] for row in found]


def test_units_page_shows_members_comments_and_representatives(client, login_as):
    login_as(make_user("admin"))
    cqc = make_unit("中国质量认证中心", "CB")
    make_unit("某某咨询有限公司", "CC")
    make_user(unit=cqc, name="甲", representative=True)
    author = make_user(unit=cqc, name="乙")
    make_comment(make_open_revision(), author)

    html = read_english(client, "/admin/units")

    assert sorted(rows(html)) == sorted(
        [
            ["中国质量认证中心", "Certification body", "2", "1", "甲"],
            ["某某咨询有限公司", "Certification consulting body", "0", "0", "None"],
        ]
    )
    assert "Number of units: 2" in html


def test_units_page_searches_with_wildcards_taken_literally_and_filters_by_category(
    client, login_as
):
    login_as(make_user("admin"))
    make_unit("中国认证认可协会", "AS")
    make_unit("中国认证认可协会（CCAA）", "AS")
    make_unit("100%_合格认证中心", "CB")
    make_unit("1000合格认证中心", "CB")

    found = read_english(client, "/admin/units?q=认证认可")
    in_category = read_english(client, "/admin/units?q=认证&category=CB")
    literal = read_english(client, "/admin/units?q=0%25_")

    assert sorted(row[0] for row in rows(found)) == ["中国认证认可协会", "中国认证认可协会（CCAA）"]
    assert "Units matching “认证认可”: 2" in found
    assert '<strong aria-current="true">All (2)</strong>' in found
    assert sorted(row[0] for row in rows(in_category)) == sorted(
        ["1000合格认证中心", "100%_合格认证中心"]
    )
    assert '<strong aria-current="true">Certification body (2)</strong>' in in_category
    assert [row[0] for row in rows(literal)] == ["100%_合格认证中心"]
    assert client.get("/admin/units?category=XX").status_code == 404


def test_units_page_pages_by_fifty(client, db, login_as):
    login_as(make_user("admin"))
    db.session.add_all(Unit(name=f"单位{n:03d}", category=UnitCategory.CO) for n in range(55))
    db.session.commit()

    second = read_english(client, "/admin/units?category=CO&page=2")

    assert len(rows(read_english(client, "/admin/units"))) == 50
    assert [row[0] for row in rows(second)] == [f"单位{n:03d}" for n in range(50, 55)]
    assert "Page 2 of 2" in second


def test_editing_a_unit_is_audited_and_a_taken_name_is_refused(client, db, login_as):
    admin = login_as(make_user("admin"))
    unit = make_unit("中国认证认可协会", "OT")
    make_unit("中国质量认证中心")
    url = f"/admin/units/{unit.id}"

    refused = post_form(client, url, {"name": "中国质量认证中心", "category": "AS"})
    saved = post_form(
        client,
        url,
        {
            "name": "中国认证认可协会",
            "name_en": "China Certification and Accreditation Association",
            "category": "AS",
        },
    )

    assert field_error(refused.get_data(as_text=True), "name") == (
        "Another unit already has this name: merge the two units instead."
    )
    assert saved.headers["Location"] == url
    assert flashes(read_english(client, url)) == ["The details of the unit are saved."]
    [entry] = db.session.scalars(select(AuditEvent).filter_by(action="unit.edit")).all()
    assert (entry.actor_id, entry.target_id) == (admin.id, unit.id)
    assert entry.before_data == {"category": "OT", "name_en": ""}
    assert entry.after_data == {
        "category": "AS",
        "name_en": "China Certification and Accreditation Association",
    }


def test_admin_confirms_and_revokes_a_representative_from_the_unit_page(client, db, login_as):
    admin = login_as(make_user("admin"))
    unit = make_unit("中国认证认可协会", "AS")
    member = make_user(unit=unit, name="李四", email="li@example.org", verified=True)
    url = f"/admin/units/{unit.id}"
    data = {"user_id": member.id}

    confirmed = post_form(client, f"{url}/representatives", {**data, "decision": "confirm"}, url)
    page = read_english(client, url)
    revoked = post_form(client, f"{url}/representatives", {**data, "decision": "revoke"}, url)

    assert confirmed.headers["Location"] == url
    assert flashes(page) == ["李四 now represents 中国认证认可协会."]
    assert "Revoke 李四 as representative" in page
    assert flashes(read_english(client, url)) == ["李四 no longer represents 中国认证认可协会."]
    assert revoked.headers["Location"] == url
    db.session.expire_all()
    assert db.session.get(User, member.id).representative == RepresentativeStatus.REFUSED
    events = db.session.scalars(
        select(AuditEvent).filter_by(action="user.representative").order_by(AuditEvent.id)
    ).all()
    assert [(e.actor_id, e.after_data["representative"]) for e in events] == [
        (admin.id, "confirmed"),
        (admin.id, "refused"),
    ]
    assert [mail["To"] for mail in sent_mail()] == ["li@example.org", "li@example.org"]


def test_a_member_of_another_unit_cannot_be_marked_from_this_one(client, login_as):
    login_as(make_user("admin"))
    unit = make_unit()
    stranger = make_user(unit=make_unit(), verified=True)
    html = read_english(client, f"/admin/units/{unit.id}")

    response = client.post(
        f"/admin/units/{unit.id}/representatives",
        data={"user_id": stranger.id, "decision": "confirm", "csrf_token": csrf_token(html)},
    )

    assert response.status_code == 404


def test_merging_shows_what_will_move_then_merges_into_the_kept_unit(client, db, login_as):
    login_as(make_user("admin"))
    kept = make_unit("中国认证认可协会", "AS")
    merged = make_unit("中国认证认可协会（CCAA）", "AS")
    make_user(unit=kept, name="甲")
    author = make_user(unit=merged, name="乙")
    make_user(unit=merged, name="丙")
    make_comment(make_open_revision(), author)
    merge_url = f"/admin/units/{merged.id}/merge"

    choose = read_english(client, merge_url)
    confirm = read_english(client, f"{merge_url}?into={kept.id}")
    done = client.post(merge_url, data={"into": kept.id, "csrf_token": csrf_token(confirm)})
    kept_page = read_english(client, f"/admin/units/{kept.id}")

    assert re.findall(r'<li id="candidate-\d+">(.*?) <span', choose) == ["中国认证认可协会"]
    assert 'value="中国认证认可协会"' in choose  # the search starts from the unbracketed name
    plan = dict(re.findall(r'<tr><th scope="row">(.*?)</th><td>(\d+)</td></tr>', confirm))
    assert plan["Unit members"] == "2"
    assert plan["Comments"] == "1"
    assert "“中国认证认可协会（CCAA）” will be removed." in confirm
    assert done.headers["Location"] == f"/admin/units/{kept.id}"
    assert flashes(kept_page) == [
        "中国认证认可协会（CCAA） was merged into 中国认证认可协会. Moved: members 2, comments 1."
    ]
    assert re.search(r'<dd id="unit-members">(\d+)</dd>', kept_page).group(1) == "3"
    assert db.session.scalar(select(Unit.id).filter_by(id=merged.id)) is None
