"""Published answers beside the published comments on a clause page; badges lead to them."""

import re

from app.comments.models import Consent
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.measures.models import CommentVisibility
from app.triage.models import ResponseState
from tests.factories import (
    make_comment,
    make_group,
    make_open_revision,
    make_response,
    make_user,
)
from tests.pages import counting_statements, english, text


def publish_comments(revision):
    revision.measure.comments_public = CommentVisibility.AT_ONCE
    db.session.commit()


def published(**fields):
    return {"state": ResponseState.PUBLISHED, "published_at": utcnow(), **fields}


def shown(html: str) -> list[tuple[str, str]]:
    """(comment body, what is shown as its answer) for each published comment, in order."""
    section = html.split('id="comments"')[1].split("</section>")[0]
    rows = []
    for item in section.split('<li class="public-comment"')[1:]:
        body = re.search(r'<div class="comment-body"><p>(.*?)</p>', item).group(1)
        answer = (
            item.split('class="public-answer', 1)[1].split(">", 1)[1]
            if "public-answer" in item
            else ""
        )
        answer = re.sub(r"<[^>]+>", " ", answer.split("</li>")[0])
        rows.append((body, " ".join(answer.split())))
    return rows


def test_a_published_answer_is_shown_beside_its_comment_and_no_other(app, client):
    revision = make_open_revision()
    publish_comments(revision)
    team = make_user("team")
    comments = [
        make_comment(revision, make_user(), "art2", body=body, consent=Consent.ANONYMOUS)
        for body in ("已答复。", "已批准未公布。", "草稿。", "未答复。")
    ]
    make_response(
        comments[0], team, "partly", "部分采纳。", reason_en="Partly adopted.", **published()
    )
    make_response(comments[1], team, "adopted", "采纳。", state=ResponseState.APPROVED)
    make_response(comments[2], team, "not_adopted", "不采纳。")
    english(client)

    html = text(client.get("/m/sample-measure/r/1/c/art2"))

    assert shown(html) == [
        ("已答复。", "Response: Partially adopted Partly adopted."),
        ("已批准未公布。", ""),
        ("草稿。", ""),
        ("未答复。", ""),
    ]


def test_the_answer_is_in_chinese_in_the_chinese_interface(app, client):
    revision = make_open_revision()
    publish_comments(revision)
    comment = make_comment(revision, make_user(), "art2.p1", consent=Consent.ANONYMOUS)
    make_response(
        comment,
        make_user("team"),
        "noted",
        "已在第五条中规定。",
        reason_en="See Article 5.",
        **published(),
    )

    html = text(client.get("/m/sample-measure/r/1/c/art2"))

    assert shown(html) == [("建议删除本条。", "处理意见： 说明 已在第五条中规定。")]


def test_a_group_answer_is_shown_once_for_the_group(app, client):
    revision = make_open_revision()
    publish_comments(revision)
    team = make_user("team")
    first, own, second = [
        make_comment(revision, make_user(), key, body=body, consent=Consent.ANONYMOUS)
        for key, body in (("art2", "甲。"), ("art2.p2", "乙。"), ("art2.p1", "丙。"))
    ]
    group = make_group(revision, [first, second])
    answer = make_response(group, team, "adopted", "已采纳。", reason_en="Adopted.", **published())
    make_response(own, team, "out_of_scope", "", **published())
    english(client)

    html = text(client.get("/m/sample-measure/r/1/c/art2"))

    assert shown(html) == [
        ("甲。", "Response: Adopted Adopted."),
        ("乙。", "Response: Out of scope"),
        ("丙。", "Answered together with a comment above"),
    ]
    assert f'<div class="public-answer" id="answer-{answer.id}">' in html
    assert f'<a href="#answer-{answer.id}">Answered together with a comment above</a>' in html


def test_the_page_says_how_many_comments_it_does_not_publish(app, client):
    revision = make_open_revision()
    publish_comments(revision)
    make_comment(revision, make_user(), "art2", consent=Consent.ANONYMOUS)
    make_comment(revision, make_user(), "art2.p1", consent=Consent.PRIVATE)
    make_comment(revision, make_user(), "art2.p2", consent=Consent.PRIVATE)
    english(client)

    html = text(client.get("/m/sample-measure/r/1/c/art2"))

    assert (
        '<p class="public-comments__unpublished">2 more comments on this clause are not'
        " published, at their authors' request.</p>"
    ) in html.replace("&#39;", "'")


def test_answers_cost_one_query_whatever_the_number_of_comments(app, client):
    revision = make_open_revision()
    publish_comments(revision)
    team = make_user("team")

    answered = []

    def statements() -> int:
        with counting_statements() as run:
            html = text(client.get("/m/sample-measure/r/1/c/art2"))
        assert html.count('class="public-answer"') == len(answered)
        return len(run)

    def answered_comment():
        comment = make_comment(revision, make_user(), "art2.p1", consent=Consent.ANONYMOUS)
        answered.append(make_response(comment, team, "noted", "已说明。", **published()))

    answered_comment()
    with_one = statements()
    for _ in range(9):
        answered_comment()
    db.session.expire_all()

    assert statements() == with_one


def test_article_badges_link_to_the_comments_of_the_clause_page(app, client):
    revision = make_open_revision()
    publish_comments(revision)
    make_comment(revision, make_user(), "art2", consent=Consent.ANONYMOUS)
    make_comment(revision, make_user(), "art2.p2", consent=Consent.PRIVATE)
    english(client)

    html = text(client.get("/m/sample-measure/r/1"))

    assert (
        '<a class="comment-count" href="/m/sample-measure/r/1/c/art2#comments"'
        ' aria-describedby="art2-h">2 comment(s)</a>'
    ) in html
    assert html.count('class="comment-count"') == 1
    assert '<section class="public-comments" id="comments"' in text(
        client.get("/m/sample-measure/r/1/c/art2")
    )


def test_badges_stay_plain_counts_while_the_comments_are_not_published(app, client):
    revision = make_open_revision()  # the sample measure never publishes its comments
    make_comment(revision, make_user(), "art2", consent=Consent.ANONYMOUS)
    english(client)

    html = text(client.get("/m/sample-measure/r/1"))

    assert '<span class="comment-count">1 comment(s)</span>' in html
    assert 'href="/m/sample-measure/r/1/c/art2#comments"' not in html
