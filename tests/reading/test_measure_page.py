"""The measure's page lists its revisions: label and number, period, state, articles and the
comments received (as the revision pages count them); the staff also see unpublished ones."""

from __future__ import annotations

import re

import pytest

from app.comments.models import CommentStatus
from tests.factories import make_comment, make_revision, make_user
from tests.pages import text
from tests.reading.rounds import two_revisions


def rows(html: str) -> list[list[str]]:
    """The table's rows, each cell's words (tags dropped, white space folded)."""
    body = re.search(r'<table class="measure-revisions">.*?<tbody>(.*?)</tbody>', html, re.S)
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S)
    ]


@pytest.fixture
def rounds(app, db):
    first, second = two_revisions(second_opens="2099-01-01", second_closes="2099-02-01")
    author = make_user()
    make_comment(first, author, "art2")
    make_comment(first, author, None)
    make_comment(first, author, "art3", status=CommentStatus.WITHDRAWN)  # not counted
    return first, second


def test_the_measure_page_lists_its_revisions_with_periods_and_counts(rounds, client):
    html = text(client.get("/m/sample-measure"))

    assert "<h1>样例管理办法（征求意见稿）</h1>" in html
    assert rows(html) == [
        ["征求意见稿（第1稿）", "2021-01-08 – 2021-02-08", "已结束", "4", "2"],
        ["第二稿（第2稿） 与上一稿对照", "2099-01-01 – 2099-02-01", "尚未开始", "6", "0"],
    ]
    assert '<a href="/m/sample-measure/r/1">征求意见稿（第1稿）</a>' in html
    assert '<a class="compare-link" href="/m/sample-measure/compare/1...2">与上一稿对照</a>' in html
    assert '<a href="/m/sample-measure/r/2">第二稿（第2稿）</a>' in html


def test_a_revision_without_a_period_says_so(app, client):
    make_revision(opens=None, closes=None)

    assert rows(text(client.get("/m/sample-measure"))) == [
        ["征求意见稿（第1稿）", "尚未设定征求意见时间", "", "4", "0"]
    ]


def test_an_unpublished_revision_is_listed_for_the_staff_only(rounds, client, login_as, db):
    _first, second = rounds
    second.published_at = None
    db.session.commit()

    assert [row[0] for row in rows(text(client.get("/m/sample-measure")))] == [
        "征求意见稿（第1稿）"
    ]
    login_as(make_user("reviewer"))
    staff = rows(text(client.get("/m/sample-measure")))
    assert staff[1][0] == "第二稿（第2稿） 与上一稿对照"  # the staff compare it before it is out
    assert staff[1][2] == "未发布"


def test_an_unknown_measure_is_not_found(app, client):
    assert client.get("/m/no-such-measure").status_code == 404


def test_an_extended_period_says_so_with_its_reason(app, client, db):
    revision = make_revision()
    revision.extension_reason = "应行业协会请求"
    db.session.commit()

    period = rows(text(client.get("/m/sample-measure")))[0][1]

    assert period == "2021-01-08 – 2021-02-08 征求意见期延长至2021-02-08（应行业协会请求）"
