"""A corpus of hostile input: each is refused with a clear message or stored and shown inert."""

import re
from urllib.parse import urlencode

import pytest
from werkzeug.test import encode_multipart

from tests.comments.helpers import english, form_url, message, post_comment, stored, text, tokens
from tests.factories import (
    SHORT_BODY,
    make_closed_revision,
    make_open_revision,
    make_revision,
    make_user,
)

INERT = [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("[点我](javascript:alert(1))", "[点我](javascript:alert(1))"),
    ("[x](JaVaScRiPt:alert(document.cookie))", "[x](JaVaScRiPt:alert(document.cookie))"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](data:text/html;base64,PHNjcmlwdD4=)"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    (
        '<a href="#" onclick="alert(1)">x</a>',
        "&lt;a href=&quot;#&quot; onclick=&quot;alert(1)&quot;&gt;x&lt;/a&gt;",
    ),
    ("<svg/onload=alert(1)>", "&lt;svg/onload=alert(1)&gt;"),
    (  # images are off: no tracking pixel, a plain link instead
        "![x](https://evil.example/pixel.png)",
        '!<a rel="nofollow noopener ugc" href="https://evil.example/pixel.png">x</a>',
    ),
    ('"><iframe src=//evil.example>', "&quot;&gt;&lt;iframe src=//evil.example&gt;"),
]

CLEANED = [
    ("意见\x00内容", "意见内容"),
    ("响铃\x07退格\x08转义\x1b[31m删除\x7f单字节\x85", "响铃退格转义[31m删除单字节"),
    ("用户\u202e名称\u202a\u202b\u202c\u202d", "用户名称"),
    ("隔离\u2066\u2067\u2068\u2069结束", "隔离结束"),
    ("第一行\r\n第二行\r第三行\t缩进", "第一行\n第二行\n第三行\t缩进"),
]


@pytest.fixture
def revision(app):
    return make_open_revision()


def no_active_content(html: str) -> None:
    assert "<script" not in html.split("</footer>")[0].replace('<script src="/static/', "")
    assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html, re.IGNORECASE)
    assert not re.search(r"<[a-z][^>]*javascript:", html, re.IGNORECASE)
    assert not re.search(r"<[a-z][^>]*(src|href)=\"?(data:|//evil)", html, re.IGNORECASE)
    assert "<img" not in html and "<iframe" not in html and "<svg" not in html


@pytest.mark.parametrize(("body", "escaped"), INERT)
def test_markup_is_stored_as_written_and_shown_inert(revision, client, login_as, body, escaped):
    login_as(make_user())

    response = post_comment(client, revision, "art1", body=body, proposed=body, reason=body)

    [comment] = stored()
    assert (comment.body, comment.proposed, comment.reason) == (body, body, body)
    html = text(client.get(response.headers["Location"]))
    assert html.count(f"<p>{escaped}</p>") == 3
    no_active_content(html)


def test_safe_links_stay_links(revision, client, login_as):
    login_as(make_user())

    response = post_comment(client, revision, "art1", body="[依据](https://www.samr.gov.cn/)")

    html = text(client.get(response.headers["Location"]))
    assert '<p><a rel="nofollow noopener ugc" href="https://www.samr.gov.cn/">依据</a></p>' in html


@pytest.mark.parametrize(("body", "kept"), CLEANED)
def test_control_and_bidi_characters_are_removed(revision, client, login_as, body, kept):
    login_as(make_user())

    post_comment(client, revision, "art1", body=body, quote_exact="规范\u202e认证")

    [comment] = stored()
    assert comment.body == kept
    assert comment.quote_exact == "规范认证"


def test_a_body_of_only_control_characters_is_empty(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = post_comment(client, revision, "art1", body="\x00\x01\u202e")

    assert message(text(response)) == "Please write your comment."
    assert stored() == []


@pytest.mark.parametrize("field", ["body", "proposed", "reason"])
def test_a_text_over_the_limit_is_refused(revision, app, client, login_as, field):
    login_as(make_user())
    english(client)
    limit = app.config["COMMENT_MAX_CHARS"]
    fields = {"body": "意见", field: "长" * (limit + 1)}

    response = post_comment(client, revision, "art1", **fields)

    label = {"body": "Comment", "proposed": "Proposed change", "reason": "Reason"}[field]
    assert response.status_code == 400
    assert message(text(response)) == (
        f"{label} is too long: {limit + 1} characters, at most {limit} are accepted."
    )
    assert stored() == []


def ten_megabytes(client, revision) -> dict:
    data = {**tokens(client, revision, "art1"), "clause": "art1", "type": "ge"}
    data["body"] = "x" * (10 * 1024 * 1024)
    return data


def test_a_ten_megabyte_body_from_the_form_is_refused(revision, client, login_as):
    login_as(make_user())
    english(client)
    # Encoded here, in memory: the test client would spool it to a file it never closes.
    boundary, body = encode_multipart(ten_megabytes(client, revision))

    response = client.post(
        form_url(revision, "art1"),
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )

    assert response.status_code == 413
    assert message(text(response)) == (
        "What you sent is too large: each text may have at most 20000 characters and each "
        "file at most 10 MB. Nothing was stored."
    )
    assert stored() == []


def test_a_ten_megabyte_urlencoded_body_is_refused_and_not_sent_back(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = client.post(
        form_url(revision, "art1"),
        data=urlencode(ten_megabytes(client, revision)),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400
    assert message(text(response)) == (
        "Comment is too long: 10485760 characters, at most 20000 are accepted."
    )
    assert len(response.data) < 100_000
    assert stored() == []


@pytest.mark.parametrize("key", ["art99", "art1<script>", "../../admin", "art1' OR '1'='1"])
def test_a_forged_clause_key_is_not_found(revision, client, login_as, key):
    login_as(make_user())
    token = tokens(client, revision)

    response = post_comment(client, revision, token=token, clause=key, body="x")

    assert response.status_code == 404
    assert stored() == []


def test_a_clause_of_another_revision_is_not_found(revision, client, login_as):
    make_revision(SHORT_BODY + "\n第五条　另一稿的条文。\n", measure="other-measure")
    login_as(make_user())
    token = tokens(client, revision)

    response = post_comment(client, revision, token=token, clause="art5", body="x")

    assert response.status_code == 404
    assert stored() == []


def test_a_closed_period_is_refused(app, client, login_as):
    closed = make_closed_revision()
    open_revision = make_open_revision(measure="open-one")
    login_as(make_user())
    english(client)
    token = tokens(client, open_revision)

    response = post_comment(client, closed, "art1", token=token, body="x")

    assert response.status_code == 403
    assert message(text(response)) == (
        "The comment period has closed; comments are no longer accepted online."
    )
    assert stored() == []


@pytest.mark.parametrize("form_token", [None, "", "forged.token"])
def test_a_missing_or_forged_form_token_is_refused(revision, client, login_as, form_token):
    login_as(make_user())
    english(client)
    token = tokens(client, revision)
    if form_token is None:
        del token["form_token"]
    else:
        token["form_token"] = form_token

    response = post_comment(client, revision, "art1", token=token, body="x")

    assert response.status_code == 400
    assert message(text(response)) == (
        "This form was not issued to you or has been altered. "
        "Nothing was stored; please submit the form below again."
    )
    assert stored() == []


def test_an_unknown_type_or_consent_is_refused(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = post_comment(client, revision, "art1", body="x", type="zz", consent="everyone")

    assert (
        message(text(response)) == "Please choose the type of comment and how it may be published."
    )
    assert stored() == []
