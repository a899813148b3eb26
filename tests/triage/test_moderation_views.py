"""The team's side of moderation: reported comments in the queue (a filter with counts) and on
the comment's page with their reasons; hiding with a reason, the author's mail, showing the
comment again, keeping it public; the hidden comment stays in the team's work."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.comments.models import Consent
from app.comments.moderation import current_hiding, hide_comment, report_comment, reports_of
from app.comments.moderation_models import ReportState
from app.core.extensions import db
from app.measures.models import CommentVisibility
from tests.accounts.helpers import sent_mail
from tests.factories import make_comment, make_open_revision, make_user
from tests.pages import csrf_token, english, text

NOW = datetime(2026, 12, 5, 8, 0)
TEAM = "/m/sample-measure/r/1/team"


@pytest.fixture
def reported(app):
    """A published revision with three comments: one reported twice, one hidden, one quiet."""
    revision = make_open_revision()
    revision.measure.comments_public = CommentVisibility.AT_ONCE
    db.session.commit()
    author = make_user(name="作者", email="author@example.org")
    team = make_user("team", name="王组员")
    comments = [
        make_comment(revision, author, "art2", body=f"第{n}条意见。", consent=Consent.NAMED)
        for n in range(3)
    ]
    report_comment(
        comment=comments[0], reporter=make_user(name="读者甲"), reason="abuse",
        details="辱骂其他单位", now=NOW,
    )  # fmt: skip
    report_comment(
        comment=comments[0], reporter=make_user(name="读者乙"), reason="other",
        details="与本条无关", now=NOW,
    )  # fmt: skip
    hide_comment(comment=comments[1], actor=team, reason="广告。", now=NOW)
    db.session.commit()
    return {"revision": revision, "team": team, "author": author, "comments": comments}


def page_url(comment) -> str:
    return f"{TEAM}/comments/{comment.id}"


def post(client, comment, action: str, **data):
    token = csrf_token(text(client.get(page_url(comment))))
    return client.post(f"{page_url(comment)}/{action}", data={"csrf_token": token, **data})


def visible(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def facet(html: str, name: str) -> list[str]:
    block = re.search(
        rf'<section class="facet" aria-labelledby="facet-{name}">(.*?)</section>', html, re.S
    )
    return [visible(li) for li in re.findall(r"<li[^>]*>(.*?)</li>", block.group(1), re.S)]


def test_the_queue_filters_reported_and_hidden_comments_with_counts(reported, client, login_as):
    login_as(reported["team"])
    english(client)
    first, second, third = reported["comments"]

    queue = text(client.get(f"{TEAM}/comments"))
    assert facet(queue, "moderation") == ["Reported 1", "Hidden from the public 1"]
    assert "Reported 2 times" in queue  # the row's mark
    for comment in (first, second, third):  # a hidden comment stays in the team's queue
        assert f">{comment.receipt}</a>" in queue

    only = text(client.get(f"{TEAM}/comments?moderation=reported"))
    assert f">{first.receipt}</a>" in only
    assert f">{second.receipt}</a>" not in only and f">{third.receipt}</a>" not in only
    hidden = text(client.get(f"{TEAM}/comments?moderation=hidden"))
    assert f">{second.receipt}</a>" in hidden and f">{first.receipt}</a>" not in hidden


def test_the_comments_page_lists_its_reports_and_their_reasons(reported, client, login_as):
    login_as(make_user("official"))  # officials read it too, without the forms
    english(client)
    html = text(client.get(page_url(reported["comments"][0])))
    box = re.search(r'<section id="moderation".*?</section>', html, re.S).group(0)

    rows = re.findall(r'<tr id="report-\d+" class="report report--open">(.*?)</tr>', box, re.S)
    cells = [[visible(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]
    assert [row[:3] + row[4:] for row in cells] == [
        ["Other", "与本条无关", "读者乙", "Open"],
        ["Personal attack", "辱骂其他单位", "读者甲", "Open"],
    ]
    assert "2 reports, 2 open" in box
    assert "Hide from the public" not in box  # only the team acts


def test_the_team_hides_a_comment_and_its_author_is_told_why(reported, client, login_as):
    login_as(reported["team"])
    english(client)
    comment = reported["comments"][0]

    response = post(client, comment, "hide", reason="辱骂其他单位，不予公开。")

    assert response.status_code == 303
    html = text(client.get(page_url(comment)))
    assert "The comment is hidden from the public; its author was told why." in html
    notice = re.search(r'<p class="notice comment-hidden" id="hidden-notice">(.*?)</p>', html)
    assert visible(notice.group(1)).endswith("by 王组员. Reason: 辱骂其他单位，不予公开。")
    db.session.expire_all()
    assert current_hiding(comment).reason == "辱骂其他单位，不予公开。"
    assert {r.state for r in reports_of(comment)} == {ReportState.HIDDEN}
    [mail] = sent_mail()
    assert mail["To"] == "author@example.org"
    assert mail["Subject"] == f"您的意见已被隐藏 · Your comment was hidden — {comment.receipt}"
    body = mail.get_content()
    assert "辱骂其他单位，不予公开。" in body
    assert f"http://zhengqiu.test/comments/{comment.receipt}" in body
    assert "第二条" in body
    public = text(client.get("/m/sample-measure/r/1/c/art2"))
    assert "第0条意见。" not in public


def test_hiding_without_a_reason_is_refused_and_nobody_is_mailed(reported, client, login_as):
    login_as(reported["team"])
    english(client)
    comment = reported["comments"][2]

    post(client, comment, "hide", reason="  ")

    html = text(client.get(page_url(comment)))
    assert "Please give the reason for hiding: the author and the team will read it." in html
    db.session.expire_all()
    assert current_hiding(comment) is None
    assert sent_mail() == []


def test_the_team_shows_a_hidden_comment_again(reported, client, login_as):
    login_as(reported["team"])
    english(client)
    comment = reported["comments"][1]

    post(client, comment, "unhide")

    html = text(client.get(page_url(comment)))
    assert "The comment is shown to the public again, as its publication settings allow." in html
    assert "Hidden 2026-12-05 16:00 by 王组员, shown again" in visible(html)  # kept, Beijing time
    assert "第1条意见。" in text(client.get("/m/sample-measure/r/1/c/art2"))
    [mail] = sent_mail()
    assert (
        mail["Subject"] == f"您的意见已恢复公开 · Your comment is shown again — {comment.receipt}"
    )
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.target_id == comment.id).order_by(AuditEvent.id)
    ).all()
    assert actions == ["comment.hide", "comment.unhide"]


def test_the_team_keeps_a_reported_comment_public(reported, client, login_as):
    login_as(reported["team"])
    english(client)
    comment = reported["comments"][0]

    post(client, comment, "reports/dismiss")

    html = text(client.get(page_url(comment)))
    assert "2 reports closed; the comment stays public." in html
    assert "第0条意见。" in text(client.get("/m/sample-measure/r/1/c/art2"))
    queue = text(client.get(f"{TEAM}/comments"))
    assert facet(queue, "moderation") == ["Hidden from the public 1"]


def test_the_audit_trail_names_the_steps_in_words(reported, client, login_as):
    login_as(make_user("admin"))
    english(client)
    html = visible(text(client.get("/admin/audit")))
    assert "Published comment reported by a reader" in html
    assert "Reported as : Personal attack Explanation : 辱骂其他单位" in html
    assert "Comment hidden from the public" in html
    assert "Why : — → 广告。 Hidden from the public : No → Yes" in html
