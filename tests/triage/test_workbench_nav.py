"""The team's workbench: one navigation on every team page of a revision, every link opening,
and /team linking into each workbench page."""

from __future__ import annotations

import re

import pytest

from tests.factories import DEMO_ZH, make_comment, make_group, make_revision, make_unit, make_user
from tests.feedback.test_import import fill_xlsx, upload
from tests.pages import english, text

LABELS = [
    "Queue",
    "Dashboard",
    "Groups",
    "Suggested groups",
    "Reviews",
    "Fast entry",
    "Seminars and events",
    "Consulted units",
    "Form import",
    "Downloads",
    "Revision and alignment",
    "Consistency check",
]
PATHS = [
    "team/comments",
    "team/dashboard",
    "team/groups",
    "team/suggestions",
    "team/reviews",
    "team/entry",
    "team/events",
    "team/consulted",
    "team/forms",
    "downloads",
    "team/revision",
    "team/consistency",
]


def nav(html: str) -> list[tuple[str, str, bool]]:
    """(label, url, current) of each link of the page's workbench navigation."""
    found = re.findall(r'<nav class="workbench-nav".*?</nav>', html, re.S)
    assert len(found) == 1, "one workbench navigation on the page"
    return [
        (label, url, bool(current))
        for url, current, label in re.findall(
            r'<li><a href="([^"]+)"( aria-current="page")?>([^<]+)</a></li>', found[0]
        )
    ]


@pytest.fixture
def bench(app, db, client, login_as):
    english(client)
    revision = make_revision(DEMO_ZH.read_text(encoding="utf-8"))
    author = make_user("participant", name="Alice")
    first = make_comment(revision, author, "art1", body="第一条意见")
    second = make_comment(revision, make_user("participant"), "art1", body="第一条另一意见")
    group = make_group(revision, [first, second], title="关于第一条")
    team = login_as(make_user("team", name="Tina"))
    base = f"/m/{revision.measure.slug}/r/{revision.number}/"
    blank = client.get(base + "feedback-form.xlsx").data
    make_unit("丙认证有限公司", "CB")
    preview = upload(
        client,
        revision,
        fill_xlsx(blank, [("第3条", "第三条意见。", "", "")], "丙认证有限公司"),
        "x.xlsx",
    ).headers["Location"]
    return {
        "base": base,
        "team": team,
        "extra": {
            f"team/comments/{first.id}": "Queue",
            f"team/groups/{group.id}": "Groups",
            preview.split(base, 1)[-1]: "Form import",
        },
    }


def test_every_team_page_shows_the_workbench_with_every_link(bench, client):
    base = bench["base"]
    pages = {**dict(zip(PATHS, LABELS, strict=True)), **bench["extra"]}
    assert "team/forms/" in " ".join(pages)  # the form import's preview is among them
    expected = [(label, base + path) for label, path in zip(LABELS, PATHS, strict=True)]
    for path, current in pages.items():
        page = client.get(base + path)
        assert page.status_code == 200, path
        links = nav(text(page))
        assert [(label, url) for label, url, _ in links] == expected, path
        assert [label for label, _, is_current in links if is_current] == [current], path
    for _, url in expected:
        assert client.get(url).status_code == 200, url


def test_readers_see_only_the_pages_they_may_open(bench, client, login_as):
    login_as(make_user("official"))
    links = nav(text(client.get(bench["base"] + "team/dashboard")))
    assert [label for label, _, _ in links] == [
        label for label in LABELS if label not in ("Fast entry", "Form import")
    ]
    for _, url, _ in links:
        assert client.get(url).status_code == 200, url


def test_team_home_links_into_each_workbench_page(bench, client):
    html = text(client.get("/team"))
    row = re.search(r'<ul class="workbench-nav__links"[^>]*>(.*?)</ul>', html, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', row)
    assert links == [
        (bench["base"] + path, label) for path, label in zip(PATHS, LABELS, strict=True)
    ]
