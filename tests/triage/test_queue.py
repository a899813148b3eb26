"""The queue: each filter, facet counts, sub-clauses, sort, paging and its statement count."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta

import pytest

from app.comments.models import Attachment, Channel, CommentStatus, CommentType
from app.triage import queue as q
from tests.factories import (
    make_comment,
    make_event,
    make_group,
    make_open_revision,
    make_response,
    make_unit,
    make_user,
)
from tests.pages import counting_statements, english, text

T0 = datetime(2021, 1, 10, 8, 0)


@pytest.fixture
def world(app, db):
    """Seven comments, each chosen to fall in or out of one filter."""
    revision = make_open_revision()
    cb = make_unit("A认证有限公司", "CB")
    tb = make_unit("B培训中心", "TB")
    alice = make_user("participant", unit=cb, name="Alice")
    bob = make_user("participant", unit=tb, name="Bob")
    carol = make_user("participant", name="Carol")  # no unit: IP
    team = make_user("team", name="Tina")
    seminar = make_event(revision)

    def at(minutes):
        return T0 + timedelta(minutes=minutes)

    c = {}
    c["a"] = make_comment(
        revision, alice, "art2.p2", body="甲一", type=CommentType.TECHNICAL, created_at=at(1)
    )
    c["b"] = make_comment(
        revision,
        bob,
        "art2.p1",
        body="乙二",
        type=CommentType.EDITORIAL,
        channel=Channel.SEMINAR,
        event_id=seminar.id,
        late=True,
        created_at=at(2),
    )
    c["c"] = make_comment(
        revision, carol, None, body="丙三", created_at=at(3), channel=Channel.LETTER
    )
    c["d"] = make_comment(
        revision, alice, "art3.p1.i1", body="丁四", type=CommentType.TECHNICAL, created_at=at(4)
    )
    c["e"] = make_comment(
        revision, bob, "art1", body="戊五", created_at=at(5), status=CommentStatus.WITHDRAWN
    )
    c["f"] = make_comment(
        revision, carol, "art4.p1", body="己六", created_at=at(6), assignee_id=team.id
    )
    c["g"] = make_comment(revision, alice, "art2", body="庚七", created_at=at(0))
    group = make_group(revision, [c["a"], c["d"]], by=team)
    make_response(group, team, "adopted", state="published")
    make_response(c["f"], team, "not_adopted", reason="理由")
    data = b"%PDF-1.4\n%%EOF\n"
    db.session.add(
        Attachment(
            comment=c["f"],
            filename="x.pdf",
            mime="application/pdf",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
        )
    )
    db.session.commit()
    return {
        "revision": revision,
        "c": c,
        "team": team,
        "event": seminar,
        "group": group,
        "cb": cb,
        "tb": tb,
    }


def pick(world, **args):
    filters = q.QueueFilters.from_args({k: str(v) for k, v in args.items()})
    ctx = q.Context(
        revision_id=world["revision"].id,
        clauses=q.revision_clauses(world["revision"].id),
        user_id=world["team"].id,
    )
    page = q.load_page(filters, ctx)
    names = {comment.id: name for name, comment in world["c"].items()}
    return "".join(names[row[0].id] for row in page.rows), page


@pytest.mark.parametrize(
    "args,expected",
    [
        ({}, "cgbadf"),  # document order: whole draft first; withdrawn hidden
        ({"clause": "art2"}, "gba"),  # art2 and its sub-clauses
        ({"clause": "art2.p2"}, "a"),
        ({"clause": "art3"}, "d"),
        ({"clause": "art9"}, ""),
        ({"general": 1}, "c"),
        ({"type": "te"}, "ad"),
        ({"type": "ed"}, "b"),
        ({"category": "IP"}, "cf"),
        ({"category": "TB"}, "b"),
        ({"channel": "seminar"}, "b"),
        ({"channel": "letter"}, "c"),
        ({"status": "withdrawn"}, "e"),
        ({"status": "all"}, "cegbadf"),
        ({"disposition": "adopted"}, "ad"),
        ({"disposition": "not_adopted"}, "f"),
        ({"disposition": "none"}, "cgb"),
        ({"state": "published"}, "ad"),
        ({"state": "draft"}, "f"),
        ({"state": "unpublished"}, "cgbf"),
        ({"group": "any"}, "ad"),
        ({"group": "none"}, "cgbf"),
        ({"assignee": "me"}, "f"),
        ({"assignee": "none"}, "cgbad"),
        ({"attachment": "yes"}, "f"),
        ({"attachment": "no"}, "cgbad"),
        ({"late": "yes"}, "b"),
        ({"late": "no"}, "cgadf"),
        ({"type": "te", "clause": "art2"}, "a"),
        ({"type": "nonsense", "late": "maybe"}, "cgbadf"),  # invalid values are ignored
    ],
)
def test_queue_filter_selects_exactly(world, args, expected):
    assert pick(world, **args)[0] == expected


def test_queue_filters_by_unit_event_and_group_id(world):
    assert pick(world, unit=world["cb"].id)[0] == "gad"
    assert pick(world, event=world["event"].id)[0] == "b"
    assert pick(world, group=world["group"].id)[0] == "ad"
    assert pick(world, assignee=world["team"].id)[0] == "f"


def test_queue_sorts(world):
    assert pick(world, sort="newest")[0] == "fdcbag"
    assert pick(world, sort="oldest")[0] == "gabcdf"
    # By unit name (A before B), comments without a unit last, each oldest first.
    assert pick(world, sort="unit")[0] == "gadbcf"


def test_facets_count_under_the_other_filters(world):
    _, page = pick(world, type="te")
    facets = page.facets
    # A facet ignores its own filter: every type still shows its count.
    assert facets["type"] == {"te": 2, "ed": 1, "ge": 3}
    assert facets["category"] == {"CB": 2}
    assert facets["clause"] == {"art2": 1, "art3": 1}
    assert facets["disposition"] == {"adopted": 2}
    assert facets["status"] == {"submitted": 2}

    _, page = pick(world)
    facets = page.facets
    assert facets["clause"] == {"": 1, "art2": 3, "art3": 1, "art4": 1}
    assert facets["channel"] == {"online": 4, "seminar": 1, "letter": 1}
    assert facets["status"] == {"submitted": 6, "withdrawn": 1}
    assert facets["disposition"] == {"none": 3, "adopted": 2, "not_adopted": 1}
    assert facets["state"] == {"none": 3, "published": 2, "draft": 1, "unpublished": 4}
    assert facets["group"] == {"any": 2, "none": 4}
    assert facets["attachment"] == {"yes": 1, "no": 5}
    assert facets["late"] == {"yes": 1, "no": 5}
    assert facets["unit"] == {
        world["cb"].id: ("A认证有限公司", 3),
        world["tb"].id: ("B培训中心", 1),
        None: (None, 2),
    }
    assert facets["event"] == {world["event"].id: ("南京座谈会", 1), None: (None, 5)}
    assert facets["assignee"] == {world["team"].id: ("Tina", 1), None: (None, 5)}


def test_queue_page_shows_rows_and_facets(world, client, login_as):
    english(client)
    login_as(world["team"])
    slug = world["revision"].measure.slug
    response = client.get(f"/m/{slug}/r/1/team/comments?clause=art2")
    html = text(response)
    receipts = re.findall(r'/team/comments/\d+">([^<]+)</a>', html)
    assert receipts == [world["c"][k].receipt for k in "gba"]
    assert "3 comments" in html
    assert (
        'aria-current="true" title="Remove this filter">第二条 <span class="facet__count">3' in html
    )
    assert 'name="ids"' in html


def test_queue_pages_fifty_at_a_time(world, client, login_as):
    revision = world["revision"]
    author = make_user("participant")
    for number in range(60):
        make_comment(
            revision,
            author,
            "art1",
            body=f"批量{number}",
            created_at=T0 + timedelta(hours=1, minutes=number),
        )
    english(client)
    login_as(world["team"])
    slug = revision.measure.slug
    first = text(client.get(f"/m/{slug}/r/1/team/comments?sort=oldest"))
    second = text(client.get(f"/m/{slug}/r/1/team/comments?sort=oldest&page=2"))
    assert len(re.findall(r'name="ids"', first)) == 50
    assert len(re.findall(r'name="ids"', second)) == 16
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert 'href="/m/' + slug + '/r/1/team/comments?sort=oldest&amp;page=2" rel="next"' in first


def count_statements(client, url) -> int:
    with counting_statements() as seen:
        response = client.get(url)
    assert response.status_code == 200
    return len(seen)


def test_queue_statement_count_does_not_grow_with_rows(world, client, login_as):
    login_as(world["team"])
    slug = world["revision"].measure.slug
    url = f"/m/{slug}/r/1/team/comments"
    few = count_statements(client, url)
    author = make_user("participant", unit=make_unit())
    for number in range(80):
        make_comment(
            revision=world["revision"], author=author, clause_key="art3.p1.i2", body=f"多{number}"
        )
    many = count_statements(client, url)
    filtered = count_statements(client, url + "?type=te&clause=art3&assignee=me&page=2")
    assert few == many == filtered
    assert many <= 25
