"""What participants see of the answers, and the team's grouping pages end to end."""

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.triage import grouping
from app.triage.models import CommentGroup, ResponseState
from app.triage.published_answers import published_response_for
from tests.factories import make_comment, make_group, make_open_revision, make_response, make_user
from tests.pages import cell, csrf_token, english, text


@pytest.fixture
def setup(app, db):
    revision = make_open_revision()
    return revision, make_user("team"), make_user(name="李四"), make_user(name="王五")


def test_a_draft_or_approved_answer_is_not_shown(client, login_as, setup):
    revision, team, author, _ = setup
    comment = make_comment(revision, author, "art1")
    response = make_response(comment, team, disposition="adopted", reason="")
    login_as(author)
    english(client)

    draft_page = text(client.get("/my/comments"))
    response.state = ResponseState.APPROVED
    from app.core.extensions import db

    db.session.commit()
    approved_page = text(client.get(f"/comments/{comment.receipt}"))

    assert cell(draft_page, comment.receipt, "Response") == ("response", "Not yet answered")
    assert "Adopted" not in approved_page
    assert published_response_for(comment) is None


def test_a_group_answer_reaches_every_member(client, login_as, setup):
    revision, team, first, second = setup
    mine = make_comment(revision, first, "art2.p2", body="删除。")
    theirs = make_comment(revision, second, "art2.p2", body="删掉。")
    group = make_group(revision, [mine, theirs])
    make_response(
        group,
        team,
        disposition="not_adopted",
        reason="本条为上位法要求。",
        reason_en="Required by the superior law.",
        state=ResponseState.PUBLISHED,
    )

    login_as(first)
    chinese = text(client.get("/my/comments"))
    english(client)
    login_as(second)
    receipt = " ".join(text(client.get(f"/comments/{theirs.receipt}")).split())

    # The label is asserted in English below: the Chinese catalogue is merged by the lead.
    assert cell(chinese, mine.receipt, "处理意见")[1].endswith(
        '<span class="reason">本条为上位法要求。</span>'
    )
    assert (
        '<p><strong class="disposition disposition--not_adopted">Not adopted</strong></p> '
        '<p class="reason">Required by the superior law.</p>'
    ) in receipt


def test_english_page_falls_back_to_the_chinese_reason(client, login_as, setup):
    revision, team, author, _ = setup
    comment = make_comment(revision, author, "art1")
    make_response(
        comment, team, disposition="partly", reason="部分采纳。", state=ResponseState.PUBLISHED
    )
    login_as(author)
    english(client)

    html = text(client.get("/my/comments"))

    assert cell(html, comment.receipt, "Response") == (
        "response",
        '<strong class="disposition disposition--partly">Partially adopted</strong>'
        '<span class="reason">部分采纳。</span>',
    )


TEXT = "建议将第二条第二款中的认证机构修改为认证机构及其分支机构，以便明确本办法的适用范围。"


def test_suggestions_page_accepts_a_checked_subset(client, login_as, db, setup):
    revision, team, author, _ = setup
    near = [
        make_comment(revision, author, "art2.p2", body=TEXT),
        make_comment(revision, author, "art2.p2", body=TEXT + "谢谢。"),
        make_comment(revision, author, "art2.p2", body="我们" + TEXT),
    ]
    make_comment(revision, author, "art2.p2", body="第二条应当增加对外资认证机构的规定。")
    url = f"/m/{revision.measure.slug}/r/1/team/suggestions?scope=clause"
    login_as(team)
    english(client)
    page = text(client.get(url))

    done = client.post(
        f"/m/{revision.measure.slug}/r/1/team/suggestions/accept?scope=clause",
        data={
            "csrf_token": csrf_token(page),
            "comment_id": [near[0].id, near[1].id],
            "similarity": "0.9",
            "title": "分支机构",
        },
        follow_redirects=True,
    )

    assert page.count('<section class="cluster cluster--copies"') == 1
    assert "Same words" in page
    assert all(f'name="comment_id" value="{c.id}" checked' in page for c in near)
    assert '<p class="flash flash--success">The comments were grouped.</p>' in text(done)
    group = db.session.scalar(select(CommentGroup))
    assert (group.title, group.similarity) == ("分支机构", 0.9)
    assert [c.id for c in grouping.members(group)] == [near[0].id, near[1].id]
    assert db.session.scalar(select(AuditEvent.action)) == "group.create"


def test_group_page_split_and_merge(client, login_as, db, setup):
    revision, team, author, _ = setup
    comments = [make_comment(revision, author, "art1", body=f"意见{i}") for i in range(5)]
    first = make_group(revision, comments[:3], title="甲")
    second = make_group(revision, comments[3:], title="乙")
    url = f"/m/{revision.measure.slug}/r/1/team/groups/{first.id}"
    login_as(team)
    english(client)
    token = csrf_token(text(client.get(url)))

    client.post(f"{url}/remove", data={"csrf_token": token, "comment_id": [comments[2].id]})
    merged = client.post(
        f"{url}/merge", data={"csrf_token": token, "other_group": second.id}, follow_redirects=True
    )
    listing = text(client.get(f"/m/{revision.measure.slug}/r/1/team/groups"))

    assert '<p class="flash flash--success">The groups were merged.</p>' in text(merged)
    assert [c.id for c in grouping.members(first)] == [
        c.id for c in comments if c.id != comments[2].id
    ]
    assert listing.count('<td class="size">') == 1
    assert '<td class="size">4</td>' in listing


def test_dissolve_needs_confirmation(client, login_as, db, setup):
    revision, team, author, _ = setup
    group = make_group(revision, [make_comment(revision, author), make_comment(revision, author)])
    url = f"/m/{revision.measure.slug}/r/1/team/groups/{group.id}"
    login_as(team)
    english(client)
    token = csrf_token(text(client.get(url)))

    unconfirmed = client.post(f"{url}/dissolve", data={"csrf_token": token}, follow_redirects=True)
    confirmed = client.post(
        f"{url}/dissolve", data={"csrf_token": token, "confirm": "y"}, follow_redirects=True
    )

    assert (
        '<p class="flash flash--error">Tick the box to confirm that the group is dissolved.</p>'
    ) in text(unconfirmed)
    assert '<p class="flash flash--success">The group was dissolved.</p>' in text(confirmed)
    assert db.session.scalar(select(CommentGroup)) is None
