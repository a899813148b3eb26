"""Per-clause comment counts: the service, and the badges on the (cached) revision page."""

from urllib.parse import urlsplit

from app.comments.models import CommentStatus
from app.comments.publication import comment_counts
from tests.comments.helpers import english, post_comment, text
from tests.factories import make_comment, make_open_revision, make_user


def badge(html: str, key: str) -> str:
    head = html.split(f'<article id="{key}"')[1].split("</h")[1].split('class="clause__page"')[0]
    found = head.split('<span class="comment-count">')
    return found[1].split("</span>")[0] if len(found) > 1 else ""


def clause_id(revision, key):
    return next(c.id for c in revision.clauses if c.key == key)


def test_counts_submitted_comments_per_clause(app):
    revision = make_open_revision()
    author = make_user()
    make_comment(revision, author, "art2")
    make_comment(revision, author, "art2")
    make_comment(revision, author, "art2.p1")
    make_comment(revision, author, "art3", status=CommentStatus.WITHDRAWN)
    make_comment(revision, author)

    assert comment_counts(revision) == {
        clause_id(revision, "art2"): 2,
        clause_id(revision, "art2.p1"): 1,
        None: 1,
    }


def test_articles_show_the_total_of_their_subtree(app, client):
    revision = make_open_revision()
    author = make_user()
    make_comment(revision, author, "art2")
    make_comment(revision, author, "art2.p2")
    make_comment(revision, author, "art3.p1.i2")
    make_comment(revision, author, "art3.p1.i2", status=CommentStatus.WITHDRAWN)
    make_comment(revision, author)
    english(client)

    html = text(client.get("/m/sample-measure/r/1"))

    assert [badge(html, key) for key in ("art1", "art2", "art3", "art4")] == [
        "",
        "2 comment(s)",
        "1 comment(s)",
        "",
    ]
    assert (
        '<a class="button" href="/m/sample-measure/r/1/comment">Comment on the draft as a whole</a>'
        ' <span class="comment-count">1 comment(s)</span>' in html
    )


def test_counts_follow_new_and_withdrawn_comments_on_a_cached_page(app, client, login_as):
    revision = make_open_revision()
    login_as(make_user())
    english(client)
    assert badge(text(client.get("/m/sample-measure/r/1")), "art1") == ""  # cached now

    response = post_comment(client, revision, "art1.p1", body="新意见。")
    after_one = text(client.get("/m/sample-measure/r/1"))
    receipt = urlsplit(response.headers["Location"]).path.rsplit("/", 1)[1]
    csrf = text(client.get("/my/comments")).split('name="csrf_token" value="')[1].split('"')[0]
    client.post(f"/comments/{receipt}/withdraw", data={"csrf_token": csrf})
    after_withdrawal = text(client.get("/m/sample-measure/r/1"))

    assert badge(after_one, "art1") == "1 comment(s)"
    assert badge(after_withdrawal, "art1") == ""


def test_each_article_links_to_the_comment_form(app, client):
    make_open_revision()
    english(client)

    html = text(client.get("/m/sample-measure/r/1"))

    assert (
        '<a class="clause__comment" href="/m/sample-measure/r/1/comment?clause=art3">Comment'
        '<span class="visually-hidden">: 第三条</span></a>' in html
    )
    assert html.count('class="clause__comment"') == 4
