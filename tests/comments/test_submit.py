"""Submitting a comment: the form, the receipt after commit, what is stored."""

import re
import threading

import pytest

from app.accounts.models import UnitCategory
from app.comments.models import CommentStatus, CommentType, Consent, Stance
from app.comments.receipts import content_sha256
from app.core.extensions import db
from app.measures.models import CommentVisibility
from tests.comments.helpers import english, form_url, message, post_comment, stored, text, tokens
from tests.factories import make_open_revision, make_unit, make_user


@pytest.fixture
def revision(app):
    return make_open_revision()


def test_form_shows_the_clause_text_citation_and_tokens(revision, client, login_as):
    login_as(make_user())
    english(client)

    html = text(client.get(form_url(revision, "art2")))

    assert "<h1>Comment on 第二条</h1>" in html
    assert (
        '<blockquote class="quote-source" data-quote-source lang="zh-CN">'
        "本办法适用于认证人员。\n认证机构应当遵守本办法。</blockquote>" in html
    )
    assert "<figcaption>第二条</figcaption>" in html
    assert re.search(r'name="csrf_token" value="[^"]+"', html)
    assert re.search(r'name="form_token" value="[^"]+"', html)
    assert '<input type="hidden" name="clause" value="art2">' in html


def test_submit_stores_the_comment_and_redirects_to_its_receipt(revision, client, login_as):
    revision.measure.comments_public = CommentVisibility.AT_ONCE  # consent is asked for
    db.session.commit()
    unit = make_unit("华信认证有限公司", "CB")
    author = login_as(make_user(unit=unit, name="李四"))
    english(client)

    response = post_comment(
        client,
        revision,
        "art2.p2",
        type="te",
        stance="amend",
        body="建议明确**认证机构**的义务。",
        proposed="认证机构应当遵守本办法和有关规定。",
        reason="与上位法衔接。",
        consent="named",
    )

    [comment] = stored()
    assert response.status_code == 303
    assert response.headers["Location"] == f"/comments/{comment.receipt}?received=1"
    assert comment.receipt == f"SM-R1-{comment.id:06d}"
    assert comment.clause.key == "art2.p2"
    assert comment.author_id == author.id
    assert (comment.unit_id, comment.unit_category) == (unit.id, UnitCategory.CB)
    assert (comment.type, comment.stance, comment.consent) == (
        CommentType.TECHNICAL,
        Stance.AMEND,
        Consent.NAMED,
    )
    assert comment.body == "建议明确**认证机构**的义务。"
    assert comment.proposed == "认证机构应当遵守本办法和有关规定。"
    assert comment.reason == "与上位法衔接。"
    assert comment.status == CommentStatus.SUBMITTED
    assert comment.content_sha256 == content_sha256(comment)
    assert len(comment.form_token) == 32

    page = text(client.get(response.headers["Location"]))
    assert f'<strong class="receipt">{comment.receipt}</strong>' in page
    assert "第二条第二款" in page
    assert f'<code class="checksum">{comment.content_sha256}</code>' in page
    assert "<p>建议明确<strong>认证机构</strong>的义务。</p>" in page
    assert "Your comment has been received." in page


def test_an_individual_comments_without_a_unit(revision, client, login_as):
    login_as(make_user())

    post_comment(client, revision, body="全文意见。")

    [comment] = stored()
    assert (comment.unit_id, comment.unit_category) == (None, UnitCategory.IP)
    assert comment.clause is None
    assert comment.consent == Consent.PRIVATE


def test_whole_draft_receipt_says_whole_draft(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = post_comment(client, revision, body="总体赞成。")

    page = text(client.get(response.headers["Location"]))
    assert "<dd>Whole draft</dd>" in page


def test_the_body_is_required(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = post_comment(client, revision, "art1", body="")

    assert response.status_code == 400
    assert (
        '<ul class="field-errors" id="body-errors"><li>Please write your comment.</li></ul>'
        in text(response)
    )
    assert stored() == []


def test_a_resent_form_stores_one_comment(revision, client, login_as):
    login_as(make_user())
    token = tokens(client, revision, "art1")

    first = post_comment(client, revision, "art1", token=token, body="一次。")
    second = post_comment(client, revision, "art1", token=token, body="一次。")

    [comment] = stored()
    assert first.status_code == second.status_code == 303
    assert (
        first.headers["Location"]
        == second.headers["Location"]
        == f"/comments/{comment.receipt}?received=1"
    )


def test_two_forms_make_two_comments(revision, client, login_as):
    login_as(make_user())

    post_comment(client, revision, "art1", body="一。")
    post_comment(client, revision, "art1", body="二。")

    assert [c.body for c in stored()] == ["一。", "二。"]


def test_another_users_form_token_is_refused(revision, app, client, login_as):
    other_client = app.test_client()
    with other_client.session_transaction() as session:
        other = make_user()
        session["_user_id"] = other.get_id()
    foreign = tokens(other_client, revision)["form_token"]
    login_as(make_user())
    english(client)
    token = tokens(client, revision)

    response = post_comment(client, revision, token={**token, "form_token": foreign}, body="x")

    assert response.status_code == 400
    assert message(text(response)) == (
        "This form was not issued to you or has been altered. "
        "Nothing was stored; please submit the form below again."
    )
    assert stored() == []


@pytest.mark.parametrize("forged", ["", "abc", "eyJ1IjoxLCJuIjoieHh4eHh4eHh4eHh4eHh4eHh4In0.bad"])
def test_a_missing_or_forged_form_token_is_refused(revision, client, login_as, forged):
    login_as(make_user())
    english(client)
    token = tokens(client, revision)

    response = post_comment(client, revision, token={**token, "form_token": forged}, body="x")

    assert response.status_code == 400
    assert message(text(response)).startswith(
        "This form was not issued to you or has been altered."
    )
    assert stored() == []


def test_without_csrf_token_nothing_is_stored(revision, client, login_as):
    login_as(make_user())
    token = tokens(client, revision)

    response = post_comment(client, revision, token={"form_token": token["form_token"]}, body="x")

    assert response.status_code == 400
    assert stored() == []


@pytest.mark.committed  # four threads, four connections: each must see what the others stored
def test_same_token_at_the_same_moment_makes_one_comment(revision, app):
    """Four requests of one browser session (a double-click, a resend) race each other."""
    clients = [app.test_client() for _ in range(4)]
    with clients[0].session_transaction() as session:
        session["_user_id"] = make_user().get_id()
        session["_fresh"] = True
    token = tokens(clients[0], revision, "art1")
    cookie = clients[0].get_cookie("session", domain="zhengqiu.test")
    for each in clients[1:]:
        each.set_cookie("session", cookie.value, domain="zhengqiu.test")
    barrier = threading.Barrier(len(clients))
    responses = [None] * len(clients)

    def post(index):
        barrier.wait()
        responses[index] = post_comment(
            clients[index], revision, "art1", token=token, body="同时。"
        )

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    [comment] = stored()
    assert [r.status_code for r in responses] == [303] * len(clients)
    assert {r.headers["Location"] for r in responses} == {f"/comments/{comment.receipt}?received=1"}


@pytest.mark.parametrize("role", ["team", "reviewer", "official", "admin"])
def test_only_participants_comment_online(revision, client, login_as, role):
    login_as(make_user(role))
    english(client)

    response = client.get(form_url(revision, "art1"))

    assert response.status_code == 403
    assert message(text(response)) == "Only participants can comment online."


def test_anonymous_visitors_are_sent_to_sign_in(revision, client):
    response = client.get(form_url(revision, "art1"))

    assert response.status_code == 302
    assert response.headers["Location"].split("?")[0] == "/sign-in"


def test_unknown_clause_is_not_found(revision, client, login_as):
    login_as(make_user())

    assert client.get(form_url(revision, "art99")).status_code == 404
