"""What readers and authors see of moderation: the report link and form, the limit on
reports, a hidden comment gone from every public page, and the author's page saying why."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import func, select

from app.comments.models import Consent
from app.comments.moderation import hide_comment, report_comment
from app.comments.moderation_models import CommentReport, ReportReason
from app.core.extensions import db
from app.measures.models import CommentVisibility
from app.triage.models import ResponseState
from tests.factories import (
    make_closed_revision,
    make_comment,
    make_open_revision,
    make_response,
    make_user,
)
from tests.pages import csrf_token, english, text
from tests.reading.rounds import two_revisions

NOW = datetime(2026, 12, 5, 8, 0)
CLAUSE = "/m/sample-measure/r/1/c/art2"


@pytest.fixture
def published(app):
    revision = make_open_revision()
    revision.measure.comments_public = CommentVisibility.AT_ONCE
    db.session.commit()
    author = make_user(name="作者", email="author@example.org")
    comment = make_comment(revision, author, "art2", body="公开的意见。", consent=Consent.ANONYMOUS)
    return {"revision": revision, "author": author, "comment": comment, "team": make_user("team")}


def report_url(comment) -> str:
    return f"/m/sample-measure/r/1/comments/{comment.id}/report"


def section(html: str) -> str:
    return html.split('id="public-comments-heading"')[1].split("</section>")[0]


def item(html: str, comment) -> str:
    found = re.search(
        rf'<li class="public-comment" id="comment-{comment.id}">(.*?)</li>', html, re.S
    )
    return found.group(1) if found else ""


def visible(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def flashes(html: str) -> list[str]:
    return re.findall(r'<p class="flash flash--\w+">(.*?)</p>', html)


def post_report(client, comment, **data):
    page = text(client.get(report_url(comment)))
    return client.post(report_url(comment), data={"csrf_token": csrf_token(page), **data})


def test_every_reader_but_the_author_is_offered_to_report(published, client, login_as):
    comment = published["comment"]
    english(client)
    link = f'<a href="{report_url(comment)}?next=/m/sample-measure/r/1/c/art2%23comment-{comment.id}" rel="nofollow">Report</a>'

    assert link in item(text(client.get(CLAUSE)), comment)  # a visitor: signs in on the way
    login_as(make_user())
    assert link in item(text(client.get(CLAUSE)), comment)
    login_as(published["author"])
    assert "Report" not in item(text(client.get(CLAUSE)), comment)


def test_a_visitor_is_asked_to_sign_in_before_reporting(published, client):
    response = client.get(report_url(published["comment"]))
    assert response.status_code in (302, 303)
    assert "/sign-in" in response.headers["Location"]


def test_a_reader_reports_with_a_reason_and_is_thanked(published, client, login_as):
    comment = published["comment"]
    reader = login_as(make_user(name="读者"))
    english(client)
    form = text(client.get(report_url(comment)))
    assert "<p>公开的意见。</p>" in form  # the reader sees what they report
    labels = re.findall(r'<input type="radio" name="reason" value="(\w+)"> ([^<]+)</label>', form)
    assert labels == [
        ("spam", "Advertising or off-topic"),
        ("abuse", "Personal attack"),
        ("privacy", "Discloses personal information"),
        ("other", "Other"),
    ]

    response = post_report(client, comment, reason="privacy", details="写出了他人的手机号")

    assert response.status_code == 303
    assert response.headers["Location"].endswith(
        f"/m/sample-measure/r/1/c/art2#comment-{comment.id}"
    )
    page = text(client.get(CLAUSE))
    assert flashes(page) == [
        "Thank you: your report was sent to the drafting team, who will look at it."
    ]
    assert "You reported this comment" in item(page, comment)
    [stored] = db.session.scalars(select(CommentReport)).all()
    assert (stored.reporter_id, stored.reason, stored.details) == (
        reader.id,
        ReportReason.PRIVACY,
        "写出了他人的手机号",
    )
    again = text(client.get(report_url(comment)))
    assert "You have already reported this comment; the team will look at it." in again
    post_report(client, comment, reason="spam")
    assert db.session.scalar(select(func.count()).select_from(CommentReport)) == 1


def test_other_without_words_is_refused_beside_the_field(published, client, login_as):
    login_as(make_user())
    english(client)

    response = post_report(client, published["comment"], reason="other", details="")

    assert response.status_code == 400
    html = text(response)
    assert (
        '<ul class="field-errors" id="details-errors"><li>Please say what is wrong with this comment.</li></ul>'
        in html
    )
    assert db.session.scalar(select(func.count()).select_from(CommentReport)) == 0


def test_a_comment_that_is_not_published_cannot_be_reported(published, client, login_as):
    private = make_comment(published["revision"], published["author"], "art2")
    login_as(make_user())
    assert client.get(report_url(private)).status_code == 404
    login_as(published["author"])
    own = client.get(report_url(published["comment"]))
    english(client)
    assert own.status_code == 403


def test_too_many_reports_get_429_with_a_clear_message(limited_app):
    limited_app.config["RATELIMIT_REPORT"] = "2 per hour"
    revision = make_open_revision(measure="limited-reports")
    revision.measure.comments_public = CommentVisibility.AT_ONCE
    db.session.commit()
    author = make_user()
    comments = [
        make_comment(revision, author, "art2", body=f"意见{n}", consent=Consent.NAMED)
        for n in range(3)
    ]
    reader = make_user()
    client = limited_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = reader.get_id()
    client.set_cookie("zq_lang", "en", domain="zhengqiu.test")

    replies = []
    for comment in comments:
        url = f"/m/limited-reports/r/1/comments/{comment.id}/report"
        token = csrf_token(text(client.get(url)))
        replies.append(client.post(url, data={"csrf_token": token, "reason": "spam"}))

    assert [reply.status_code for reply in replies] == [303, 303, 429]
    blocked = text(replies[2])
    assert "<h1>Too many reports</h1>" in blocked
    assert (
        "You have sent many reports in a short time. Nothing was stored; please try again in an "
        "hour. The team reads every report already sent."
    ) in blocked
    assert db.session.scalar(select(func.count()).select_from(CommentReport)) == 2


def test_a_hidden_comment_leaves_the_clause_page_and_the_author_sees_why(
    published, client, login_as
):
    comment, author = published["comment"], published["author"]
    kept = make_comment(
        published["revision"], make_user(), "art2", body="另一条。", consent=Consent.NAMED
    )
    hide_comment(comment=comment, actor=published["team"], reason="含有广告链接。", now=NOW)
    db.session.commit()
    english(client)

    page = section(text(client.get(CLAUSE)))
    assert "公开的意见。" not in page
    assert item(page, kept)
    assert visible(page).endswith(
        "1 more comment on this clause was hidden from the public by the drafting team."
    )
    assert "at its author's request" not in page

    login_as(author)
    receipt = text(client.get(f"/comments/{comment.receipt}"))
    hidden = re.search(r'<dd class="comment-hidden" id="comment-hidden">(.*?)</dd>', receipt, re.S)
    assert visible(hidden.group(1)).startswith(
        "The drafting team hid this comment from the public on "
    )
    assert "Reason: 含有广告链接。 The comment is kept and will still be answered" in visible(
        hidden.group(1)
    )
    mine = text(client.get("/my/comments"))
    row = re.search(rf'<tr id="{comment.receipt}">(.*?)</tr>', mine, re.S).group(1)
    assert "Submitted · Hidden from the public" in visible(row)


def test_a_hidden_comment_leaves_the_history_of_later_revisions(app, client):
    first, _second = two_revisions()
    first.measure.comments_public = CommentVisibility.AFTER  # both periods are closed
    db.session.commit()
    shown = make_comment(first, make_user(), "art2.p1", body="留下的意见。", consent=Consent.NAMED)
    gone = make_comment(first, make_user(), "art2.p1", body="隐藏的意见。", consent=Consent.NAMED)
    hide_comment(comment=gone, actor=make_user("team"), reason="人身攻击。", now=NOW)
    db.session.commit()

    html = text(client.get("/m/sample-measure/r/2/c/art3"))
    history = re.search(r'<section class="clause-history".*?</section>', html, re.S).group(0)

    assert shown.body in history
    assert "隐藏的意见。" not in history


def test_the_adoption_report_leaves_out_a_hidden_comment_and_says_so(app, client):
    revision = make_closed_revision()
    revision.measure.comments_public = CommentVisibility.AFTER
    db.session.commit()
    team = make_user("team")
    answered = make_comment(
        revision, make_user(), "art2", body="被隐藏的意见。", consent=Consent.NAMED
    )
    make_response(answered, team, "noted", reason="已作说明。", state=ResponseState.PUBLISHED)
    other = make_comment(revision, make_user(), "art3", body="公开的意见。", consent=Consent.NAMED)
    make_response(other, team, "noted", reason="同上。", state=ResponseState.PUBLISHED)
    hide_comment(comment=answered, actor=team, reason="泄露个人信息。", now=NOW)
    db.session.commit()
    english(client)

    html = text(client.get(f"/m/{revision.measure.slug}/r/1/adoption"))

    assert "被隐藏的意见。" not in html
    assert "公开的意见。" in html
    assert "已作说明。" in html  # the answer itself stays public
    assert '<dd id="figure-received">2</dd>' in html  # and the comment is counted


def test_the_reporter_is_never_named_to_the_public(published, client, login_as):
    report_comment(
        comment=published["comment"], reporter=make_user(name="举报人甲"), reason="spam",
        details="", now=NOW,
    )  # fmt: skip
    db.session.commit()
    login_as(published["author"])
    assert "举报人甲" not in text(client.get(f"/comments/{published['comment'].receipt}"))
    assert "举报人甲" not in text(client.get(CLAUSE))


def test_a_report_without_the_forms_token_is_refused(published, client, login_as):
    login_as(make_user())
    response = client.post(report_url(published["comment"]), data={"reason": "spam"})
    assert response.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(CommentReport)) == 0
