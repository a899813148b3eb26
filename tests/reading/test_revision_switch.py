"""Every page of a revision says which one it shows and links to the measure's others: the
reading pages, the team's pages (the same page of the other revision), the adoption report,
a participant's comment pages. An unpublished revision is the staff's only, and marked."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_comment, make_user
from tests.pages import english, text
from tests.reading.rounds import two_revisions

SWITCH = re.compile(r'<nav class="revision-switch".*?</nav>', re.S)


def switch(html: str) -> dict:
    """The page's one revision switch: the revision shown, the others (name → link or None,
    and whether marked unpublished)."""
    found = SWITCH.findall(html)
    assert len(found) == 1, "one revision switch on the page"
    nav = found[0]
    shown = re.search(r"<strong>(.*?)</strong>", nav).group(1)
    others = {}
    part = nav.split('class="revision-switch__others">', 1)
    for item in re.findall(
        r"(<a href=\"[^\"]+\">[^<]+</a>|<span>[^<]+</span>)( <span class=\"tag tag--unpublished\">)?",
        part[1] if len(part) > 1 else "",
    ):
        link = re.match(r'<a href="([^"]+)">([^<]+)</a>', item[0])
        name = link.group(2) if link else re.sub(r"</?span>", "", item[0])
        others[name] = (link.group(1) if link else None, bool(item[1]))
    return {"shown": shown, "others": others}


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return text(response)


@pytest.fixture
def rounds(app, db):
    return two_revisions()


def test_reading_pages_name_their_revision_and_link_the_other(rounds, client):
    for url in ("/m/sample-measure/r/2", "/m/sample-measure/r/2/c/art3"):
        assert switch(page(client, url)) == {
            "shown": "第二稿（第2稿）",
            "others": {"征求意见稿（第1稿）": ("/m/sample-measure/r/1", False)},
        }
    assert switch(page(client, "/m/sample-measure/r/1/c/art1")) == {
        "shown": "征求意见稿（第1稿）",
        "others": {"第二稿（第2稿）": ("/m/sample-measure/r/2", False)},
    }
    english(client)
    assert switch(page(client, "/m/sample-measure/r/1"))["others"] == {
        "Second Draft (revision 2)": ("/m/sample-measure/r/2", False)
    }


def test_the_team_pages_switch_to_the_same_page_of_the_other_revision(rounds, client, login_as):
    first, _second = rounds
    comment = make_comment(first, make_user(), "art2")
    login_as(make_user("team"))

    for path, other in [
        ("team/comments", "team/comments"),
        ("team/dashboard", "team/dashboard"),
        (f"team/comments/{comment.id}", "team/comments"),  # a comment's page: the queue
        ("downloads", "downloads"),
    ]:
        assert switch(page(client, f"/m/sample-measure/r/1/{path}")) == {
            "shown": "征求意见稿（第1稿）",
            "others": {"第二稿（第2稿）": (f"/m/sample-measure/r/2/{other}", False)},
        }, path


def test_the_adoption_report_and_the_participants_pages_name_the_revision(rounds, client, login_as):
    first, _second = rounds
    author = login_as(make_user())
    comment = make_comment(first, author, "art2")

    assert switch(page(client, "/m/sample-measure/r/1/adoption"))["others"] == {
        "第二稿（第2稿）": ("/m/sample-measure/r/2/adoption", False)
    }
    assert switch(page(client, f"/comments/{comment.receipt}")) == {
        "shown": "征求意见稿（第1稿）",
        "others": {"第二稿（第2稿）": ("/m/sample-measure/r/2", False)},
    }
    mine = page(client, "/my/comments")
    assert '<a class="revision-name" href="/m/sample-measure/r/1">征求意见稿（第1稿）</a>' in mine


def test_an_unpublished_revision_is_shown_to_the_staff_only_and_marked(
    rounds, client, login_as, db
):
    _first, second = rounds
    second.published_at = None
    db.session.commit()

    assert "revision-switch__others" not in page(client, "/m/sample-measure/r/1")
    login_as(make_user())
    assert "第二稿" not in page(client, "/m/sample-measure/r/1/c/art2")

    for role in ("team", "official"):
        login_as(make_user(role))
        others = switch(page(client, "/m/sample-measure/r/1"))["others"]
        assert list(others) == ["第二稿（第2稿）"]
        assert others["第二稿（第2稿）"][1] is True  # marked 未发布
        assert others["第二稿（第2稿）"][0] != "/m/sample-measure/r/2"  # not its public page
    assert '<span class="tag tag--unpublished">未发布</span>' in page(
        client, "/m/sample-measure/r/1/team/dashboard"
    )
    assert client.get("/m/sample-measure/r/2").status_code == 404  # still not public
