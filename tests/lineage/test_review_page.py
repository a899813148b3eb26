"""The review page: old and new side by side, weakest links first, filters, corrections."""

import re

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.extensions import db
from app.lineage.services import links_of
from tests.factories import make_user
from tests.lineage.helpers import link_map, two_revisions
from tests.pages import csrf_token, english, text

PAGE = "/m/sample-measure/r/2/team/lineage"


def row_ids(html: str) -> list[str]:
    """The ids of the article rows, in the order shown."""
    return re.findall(r'<tbody class="lineage-group">\s*<tr id="([^"]+)"', html)


def row_of(html: str, row_id: str) -> str:
    found = re.search(rf'<tr id="{re.escape(row_id)}"[^>]*>(.*?)</tr>', html, re.S)
    assert found, f"no row {row_id}"
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


def link_id(revision, from_key, to_key) -> str:
    [found] = [k for k in links_of(revision) if (k.from_key, k.to_key) == (from_key, to_key)]
    return f"link-{found.id}"


def score_of(revision, from_key, to_key) -> float:
    [found] = [k for k in links_of(revision) if (k.from_key, k.to_key) == (from_key, to_key)]
    return found.score


def weakest_first(revision, pairs) -> list[str]:
    """Row ids of these links by rising score, as the page lists them."""
    ranked = sorted(pairs, key=lambda pair: score_of(revision, *pair))
    return [link_id(revision, *pair) for pair in ranked]


@pytest.fixture
def pair(app, db):
    return two_revisions()


@pytest.fixture
def team(client, login_as):
    return login_as(make_user("team", name="赵六"))


def test_an_unpublished_revision_is_reviewed_side_by_side_weakest_first(client, pair, team):
    _first, second = pair
    english(client)

    html = text(client.get(PAGE))

    assert "This revision is not published: only staff see it." in html
    ids = row_ids(html)
    # New first (no score), then modified by rising score, unchanged last.
    assert ids == [
        link_id(second, None, "art2"),
        *weakest_first(second, [("art2", "art3"), ("art4", "art5")]),
        link_id(second, "art1", "art1"),
        link_id(second, "art3", "art4"),
    ]
    assert row_of(html, link_id(second, "art2", "art3")).startswith(
        f"Modified {score_of(second, 'art2', 'art3'):.2f} 第二条 本办法适用于认证人员。 认证机构应当遵守本办法。 "
        "第三条 本办法适用于认证人员。 认证机构应当遵守本办法和国家有关规定。"
    )
    assert 'class="lineage-kind lineage-kind--new"' in html
    assert "Not confirmed yet." in html


def test_document_order_and_a_filter_by_kind(client, pair, team):
    _first, second = pair

    ordered = row_ids(text(client.get(PAGE + "?sort=document")))
    modified = text(client.get(PAGE + "?kind=modified"))

    assert ordered == [
        link_id(second, "art1", "art1"),
        link_id(second, None, "art2"),
        link_id(second, "art2", "art3"),
        link_id(second, "art3", "art4"),
        link_id(second, "art4", "art5"),
    ]
    assert row_ids(modified) == weakest_first(second, [("art2", "art3"), ("art4", "art5")])


def test_paragraph_rows_sit_under_their_article(client, pair, team):
    _first, second = pair

    html = text(client.get(PAGE))

    group = html.split(f'<tr id="{link_id(second, "art2", "art3")}"')[1].split("</tbody>")[0]
    assert f'id="{link_id(second, "art2.p2", "art3.p2")}"' in group
    assert f'id="{link_id(second, "art2.p1", "art3.p1")}"' in group
    assert "<details>" in group
    assert "第三条第二款" in group


def test_the_team_sets_a_link_and_the_page_shows_it_by_hand(client, pair, team):
    _first, second = pair
    english(client)
    page = text(client.get(PAGE))

    response = client.post(
        PAGE + "/links",
        data={
            "csrf_token": csrf_token(page),
            "from_key": "art4",
            "to_key": "art2",
            "kind": "modified",
        },
    )

    assert response.status_code == 303
    assert ("art4", "art2", "modified") in link_map(links_of(second))
    html = text(client.get(response.headers["Location"]))
    assert "The link is set by hand." in html
    assert "By hand · 赵六" in row_of(html, link_id(second, "art4", "art2"))


def test_a_refused_link_says_why(client, pair, team):
    _first, second = pair
    english(client)
    page = text(client.get(PAGE))
    before = link_map(links_of(second))

    response = client.post(
        PAGE + "/links",
        data={"csrf_token": csrf_token(page), "from_key": "art4", "to_key": "art5", "kind": "new"},
        follow_redirects=True,
    )

    assert "A new clause has no clause in the previous revision." in text(response)
    assert link_map(links_of(second)) == before


def test_remove_a_link_then_confirm_then_a_change_withdraws_the_confirmation(client, pair, team):
    _first, second = pair
    english(client)
    token = csrf_token(text(client.get(PAGE)))
    wrong = link_id(second, "art4", "art5").removeprefix("link-")

    client.post(f"{PAGE}/links/{wrong}/delete", data={"csrf_token": token})
    confirmed = text(
        client.post(PAGE + "/confirm", data={"csrf_token": token}, follow_redirects=True)
    )
    assert "The alignment is confirmed." in confirmed
    assert re.search(r"Confirmed by 赵六 on \d{4}-\d\d-\d\d \d\d:\d\d\.", confirmed)

    hand = link_id(second, "art4", None).removeprefix("link-")
    changed = text(
        client.post(
            f"{PAGE}/links/{hand}/delete", data={"csrf_token": token}, follow_redirects=True
        )
    )

    assert "The hand link was removed" in changed
    assert "confirm it again when it is right" in changed
    assert "Not confirmed yet." in changed
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.revision_id == second.id).order_by(AuditEvent.id)
    ).all()
    assert actions == ["lineage.unlink", "lineage.confirm", "lineage.unlink"]


def test_readers_see_the_page_without_the_correction_forms(client, login_as, pair):
    login_as(make_user("official"))

    html = text(client.get(PAGE))

    assert 'id="correct"' not in html
    assert "/team/lineage/links" not in html
    assert "/team/lineage/confirm" not in html
    assert row_ids(html)


def test_a_first_revision_has_nothing_to_align(client, pair, team):
    english(client)

    html = text(client.get("/m/sample-measure/r/1/team/lineage"))

    assert "This is the first revision: there is no earlier text to align it with." in html


def test_a_published_revision_is_reviewed_within_the_workbench(client, app, db, team):
    two_revisions(published=True)
    english(client)

    html = text(client.get(PAGE))

    assert "only staff see it" not in html
    assert 'class="workbench-nav"' in html
    assert row_ids(html)


def test_a_clause_no_link_names_comes_first_and_is_marked_new_with_one_button(client, pair, team):
    _first, second = pair
    english(client)
    # An aligner may leave a clause out; the page offers to settle it.
    [orphan] = [k for k in links_of(second) if (k.from_key, k.to_key) == (None, "art2")]
    db.session.delete(orphan)
    db.session.commit()

    html = text(client.get(PAGE))

    assert row_ids(html)[0] == "clause-art2"
    assert row_of(html, "clause-art2").startswith("Not aligned — (none) 第二条")
    response = client.post(
        PAGE + "/links",
        data={"csrf_token": csrf_token(html), "from_key": "", "to_key": "art2", "kind": "new"},
    )
    assert response.status_code == 303
    [mark] = [k for k in links_of(second) if k.to_key == "art2"]
    assert (mark.from_key, mark.kind.value, mark.by_hand) == (None, "new", True)
