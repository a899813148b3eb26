"""My comments: every comment of the signed-in participant, with receipt, clause, status."""

from datetime import datetime

from app.comments.models import CommentStatus
from tests.comments.helpers import english, text
from tests.factories import make_closed_revision, make_comment, make_open_revision, make_user
from tests.pages import cell


def rows(html: str) -> list[str]:
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [" ".join(row.split()) for row in body.split("</tr>")[:-1]]


def test_lists_each_comment_with_receipt_citation_status_and_local_time(app, client, login_as):
    author = login_as(make_user())
    english(client)
    revision = make_open_revision()
    general = make_comment(
        revision, author, body="总体。", created_at=datetime(2026, 11, 20, 16, 30)
    )
    on_item = make_comment(
        revision, author, "art3.p1.i2", body="项。", created_at=datetime(2026, 11, 21, 2, 5)
    )
    make_comment(revision, make_user(), "art1", body="别人的。")

    html = text(client.get("/my/comments"))

    first, second = rows(html)
    assert f'<a class="receipt" href="/comments/{on_item.receipt}">{on_item.receipt}</a>' in first
    assert cell(html, on_item.receipt, "Clause") == ("citation", "第三条第二项")
    assert cell(html, on_item.receipt, "Status") == ("status status-submitted", "Submitted")
    assert '<time datetime="2026-11-21 10:05">2026-11-21 10:05</time>' in first
    assert cell(html, general.receipt, "Clause") == ("citation", "Whole draft")
    assert '<time datetime="2026-11-21 00:30">2026-11-21 00:30</time>' in second
    assert f'href="/comments/{general.receipt}/edit"' in second
    assert "别人的" not in html


def test_actions_only_while_the_period_is_open(app, client, login_as):
    author = login_as(make_user())
    open_one = make_comment(make_open_revision(), author)
    closed_one = make_comment(make_closed_revision(measure="old-measure"), author)
    withdrawn = make_comment(
        make_open_revision(measure="third"), author, status=CommentStatus.WITHDRAWN
    )

    html = text(client.get("/my/comments"))

    assert f'href="/comments/{open_one.receipt}/edit"' in html
    assert f'href="/comments/{open_one.receipt}/withdraw?next=/my/comments"' in html
    assert f"/comments/{closed_one.receipt}/edit" not in html
    assert f"/comments/{withdrawn.receipt}/edit" not in html
    assert f"/comments/{withdrawn.receipt}/withdraw" not in html


def test_no_comments_yet(app, client, login_as):
    login_as(make_user())
    english(client)

    assert '<p class="empty">You have not commented yet.</p>' in text(client.get("/my/comments"))


def test_nav_links_to_my_comments_for_participants(app, client, login_as):
    login_as(make_user())
    english(client)

    assert '<a href="/my/comments">My comments</a>' in text(client.get("/"))
