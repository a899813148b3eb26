"""Comments still unanswered on revision N are listed in revision N+1's queue as carried over
(上一稿遗留), with a filter; they stay comments of revision N (its pages, its summary)."""

import re
from datetime import date

import pytest

from app.comments.models import CommentStatus
from app.exports.summary import SummaryOptions, build_summary
from app.triage.models import Response, ResponseState
from tests.factories import make_comment, make_group, make_response, make_unit, make_user
from tests.lineage.helpers import two_revisions
from tests.pages import counting_statements, english, text

QUEUE = "/m/sample-measure/r/2/team/comments"


@pytest.fixture
def rounds(app, db):
    """Revision 1 with comments in every state of answer, revision 2 (published) with one."""
    first, second = two_revisions(published=True)
    author = make_user("participant", unit=make_unit())
    team = make_user("team", name="赵六")
    c = {
        "open": make_comment(first, author, "art2.p2", body="第二款应细化。"),
        "draft_answer": make_comment(first, author, "art4", body="施行日期过早。"),
        "general": make_comment(first, author, None, body="总体赞成。"),
        "answered": make_comment(first, author, "art1", body="已答复的意见。"),
        "grouped": make_comment(first, author, "art3", body="归并后已答复。"),
        "withdrawn": make_comment(
            first, author, "art2", body="撤回的意见。", status=CommentStatus.WITHDRAWN
        ),
        "new": make_comment(second, author, "art3", body="对第二稿的意见。"),
    }
    make_response(c["draft_answer"], team, "adopted")  # a draft: not an answer yet
    make_response(c["answered"], team, "noted", state="published")
    group = make_group(first, [c["grouped"]], by=team)
    make_response(group, team, "adopted", state="published")
    return {"first": first, "second": second, "team": team, "comments": c}


def receipts(html: str) -> set[str]:
    return set(re.findall(r'<td><a href="[^"]+/team/comments/\d+">([^<]+)</a>', html))


def row_of(html: str, comment) -> str:
    found = re.search(
        rf'<tr class="queue-row[^"]*">((?:(?!</tr>).)*?>{comment.receipt}</a>.*?)</tr>', html, re.S
    )
    assert found, f"no row for {comment.receipt}"
    return found.group(1)


def test_unanswered_comments_of_the_first_revision_are_carried_over(client, login_as, rounds):
    c = rounds["comments"]
    login_as(rounds["team"])

    html = text(client.get(QUEUE))

    carried = {c["open"].receipt, c["draft_answer"].receipt, c["general"].receipt}
    assert receipts(html) == carried | {c["new"].receipt}
    row = row_of(html, c["open"])
    assert "上一稿遗留（征求意见稿）" in row
    assert f'href="/m/sample-measure/r/1/team/comments/{c["open"].id}"' in row
    assert 'name="ids"' not in row  # worked on in revision 1's pages, not selectable here
    assert "现为第三条第二款" in row  # where its clause went (lineage)
    own = row_of(html, c["new"])
    assert "上一稿遗留" not in own
    assert f'href="/m/sample-measure/r/2/team/comments/{c["new"].id}"' in own


def test_the_filter_shows_only_the_carried_over_or_hides_them(client, login_as, rounds):
    c = rounds["comments"]
    login_as(rounds["team"])
    english(client)

    everything = text(client.get(QUEUE))
    only = receipts(text(client.get(QUEUE + "?carried=yes")))
    hidden = receipts(text(client.get(QUEUE + "?carried=no")))

    assert only == {c["open"].receipt, c["draft_answer"].receipt, c["general"].receipt}
    assert hidden == {c["new"].receipt}
    facet = everything.split('id="facet-carried"')[1].split("</section>")[0]
    assert re.search(
        r"Carried over from earlier revisions <span class=\"facet__count\">3</span>", facet
    )
    assert re.search(r"On this revision <span class=\"facet__count\">1</span>", facet)
    assert "Carried over from Draft for Comments" in everything


def test_a_clause_of_the_new_revision_finds_the_comments_on_the_clause_it_came_from(
    client, login_as, rounds
):
    c = rounds["comments"]
    login_as(rounds["team"])

    html = text(client.get(QUEUE + "?clause=art3"))

    # 第三条 of revision 2 was 第二条 of revision 1.
    assert receipts(html) == {c["new"].receipt, c["open"].receipt}


def test_the_first_revisions_queue_and_summary_keep_its_comments(client, login_as, rounds):
    c, first, second = rounds["comments"], rounds["first"], rounds["second"]
    login_as(rounds["team"])

    html = text(client.get("/m/sample-measure/r/1/team/comments"))
    first_rows = {
        row.receipt
        for block in build_summary(first, SummaryOptions(), today=date(2026, 3, 1)).blocks
        for row in block.rows
    }
    second_rows = {
        row.receipt
        for block in build_summary(second, SummaryOptions(), today=date(2026, 3, 1)).blocks
        for row in block.rows
    }

    assert 'id="facet-carried"' not in html
    assert c["new"].receipt not in receipts(html)
    assert c["open"].receipt in first_rows
    assert second_rows == {c["new"].receipt}


def test_once_answered_a_comment_is_no_longer_carried_over(client, db, login_as, rounds):
    c = rounds["comments"]
    login_as(rounds["team"])
    answer = db.session.query(Response).filter_by(comment_id=c["draft_answer"].id).one()
    answer.state = ResponseState.PUBLISHED
    db.session.commit()

    html = text(client.get(QUEUE))

    assert c["draft_answer"].receipt not in receipts(html)


def test_carried_over_rows_cost_no_statement_each(client, login_as, rounds):
    login_as(rounds["team"])
    with counting_statements() as few:
        client.get(QUEUE)
    author = make_user("participant")
    for number in range(30):
        make_comment(rounds["first"], author, "art2.p1", body=f"遗留{number}")
    with counting_statements() as many:
        client.get(QUEUE)

    assert len(many) == len(few)
