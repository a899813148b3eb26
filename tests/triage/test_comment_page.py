"""One comment's page for the team: quote in context, escaping, group, author, notes, forms."""

from __future__ import annotations

import pytest

from app.comments.models import CommentType, CommentVersion, Consent
from app.measures.models import Clause
from tests.factories import (
    make_comment,
    make_group,
    make_open_revision,
    make_response,
    make_user,
)
from tests.pages import csrf_token, english, text


@pytest.fixture
def page(app, db):
    revision = make_open_revision()
    author = make_user("participant", name="Alice")
    clause = db.session.query(Clause).filter_by(revision_id=revision.id, key="art2.p2").one()
    start = clause.text.index("遵守")
    comment = make_comment(
        revision,
        author,
        "art2.p2",
        body="<script>alert(1)</script> 建议**修改**",
        quote_exact="遵守",
        quote_start=start,
        quote_end=start + 2,
    )
    sibling = make_comment(make_open_revision(measure="other"), author, "art1", body="另一办法")
    other = make_comment(revision, author, "art1", body="作者的另一条意见")
    member = make_comment(revision, make_user("participant"), "art2", body="同组意见")
    group = make_group(revision, [comment, member], title="关于第二条")
    team = make_user("team", name="Tina")
    make_response(group, team, "partly", reason="部分采纳的理由")
    db.session.add(
        CommentVersion(
            comment=comment,
            number=1,
            type=CommentType.GENERAL,
            body="最初的文本",
            consent=Consent.PRIVATE,
            content_sha256="0" * 64,
        )
    )
    db.session.commit()
    url = f"/m/{revision.measure.slug}/r/1/team/comments/{comment.id}"
    return {
        "url": url,
        "comment": comment,
        "other": other,
        "member": member,
        "team": team,
        "clause": clause,
        "sibling": sibling,
        "revision": revision,
    }


def test_comment_page_shows_everything(page, client, login_as):
    english(client)
    login_as(page["team"])
    html = text(client.get(page["url"]))
    before, _, after = page["clause"].text.partition("遵守")
    assert f'<p class="clause-text">{before}<mark class="quote-mark">遵守</mark>{after}</p>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "<strong>修改</strong>" in html
    assert "作者的另一条意见" in html and "另一办法" not in html  # same revision only
    assert "同组意见" in html and "关于第二条" in html
    assert "Partially adopted" in html and "部分采纳的理由" in html
    assert "最初的文本" in html
    assert 'name="body"' in html and "/assign" in html


@pytest.mark.parametrize("role", ["official", "reviewer"])
def test_readers_see_no_write_forms(page, client, login_as, role):
    english(client)
    login_as(make_user(role))
    html = text(client.get(page["url"]))
    assert "同组意见" in html
    assert 'name="body"' not in html and "/assign" not in html and "/notes" not in html


def test_comment_of_another_revision_is_missing(page, client, login_as):
    login_as(page["team"])
    url = page["url"].rsplit("/", 1)[0] + f"/{page['sibling'].id}"
    response = client.get(url)

    assert response.status_code == 404
    assert page["sibling"].receipt not in text(response)  # nothing of it leaks


def test_note_and_assignment_from_the_page(page, client, login_as, db):
    english(client)
    login_as(page["team"])
    token = csrf_token(text(client.get(page["url"])))
    response = client.post(
        page["url"] + "/notes", data={"csrf_token": token, "body": "<b>核实</b>"}
    )
    assert response.status_code == 303
    client.post(page["url"] + "/assign", data={"csrf_token": token, "assignee": page["team"].id})
    html = text(client.get(page["url"]))
    assert "&lt;b&gt;核实&lt;/b&gt;" in html
    assert f'<option value="{page["team"].id}" selected>Tina</option>' in html
    assert "comment.note" in html or "Note" in html  # the audit trail lists the change
    client.post(page["url"] + "/notes", data={"csrf_token": token, "body": "  "})
    assert "The note is empty." in text(client.get(page["url"]))
