"""The clause page shows the published comments that the measure and each author allow."""

import pytest

from app.comments.models import CommentStatus, Consent
from app.core.extensions import db
from app.measures.models import CommentVisibility
from tests.comments.helpers import english, text
from tests.factories import (
    make_closed_revision,
    make_comment,
    make_open_revision,
    make_unit,
    make_user,
)


def publish(revision, visibility, names=False):
    revision.measure.comments_public = visibility
    revision.measure.names_public = names
    db.session.commit()


def comments_section(html: str) -> str:
    if 'id="public-comments-heading"' not in html:
        return ""
    return html.split('id="public-comments-heading"')[1].split("</section>")[0]


@pytest.mark.parametrize(
    ("make", "visibility", "shown"),
    [
        (make_open_revision, CommentVisibility.NEVER, False),
        (make_closed_revision, CommentVisibility.NEVER, False),
        (make_open_revision, CommentVisibility.AFTER, False),
        (make_closed_revision, CommentVisibility.AFTER, True),
        (make_open_revision, CommentVisibility.AT_ONCE, True),
    ],
)
def test_publication_follows_the_measure(app, client, make, visibility, shown):
    revision = make()
    publish(revision, visibility)
    make_comment(revision, make_user(), "art2", body="公开的意见。", consent=Consent.ANONYMOUS)

    section = comments_section(text(client.get("/m/sample-measure/r/1/c/art2")))

    assert ("<p>公开的意见。</p>" in section) is shown


def test_consent_and_names(app, client):
    revision = make_open_revision()
    publish(revision, CommentVisibility.AT_ONCE, names=True)
    unit = make_unit("华信认证有限公司")
    make_comment(
        revision, make_user(unit=unit, name="王五"), "art2", body="署名。", consent=Consent.NAMED
    )
    make_comment(
        revision, make_user(name="赵六"), "art2.p1", body="匿名。", consent=Consent.ANONYMOUS
    )
    make_comment(revision, make_user(name="钱七"), "art2", body="不公开。", consent=Consent.PRIVATE)
    make_comment(
        revision,
        make_user(name="孙八"),
        "art2",
        body="已撤回。",
        consent=Consent.NAMED,
        status=CommentStatus.WITHDRAWN,
    )
    english(client)

    section = comments_section(text(client.get("/m/sample-measure/r/1/c/art2")))

    authors = [
        part.split("</span>")[0] for part in section.split('class="public-comment__author">')[1:]
    ]
    assert authors == ["王五（华信认证有限公司）", "Anonymous"]
    assert "<p>署名。</p>" in section
    assert "<p>匿名。</p>" in section
    assert "· 第二条第一款" in section  # a comment on a paragraph, shown on its article's page
    assert "不公开" not in section
    assert "已撤回" not in section
    assert "赵六" not in section


def test_names_hidden_when_the_measure_does_not_show_them(app, client):
    revision = make_open_revision()
    publish(revision, CommentVisibility.AT_ONCE, names=False)
    make_comment(revision, make_user(name="王五"), "art2", body="署名。", consent=Consent.NAMED)
    english(client)

    section = comments_section(text(client.get("/m/sample-measure/r/1/c/art2")))

    assert '<span class="public-comment__author">Anonymous</span>' in section
    assert "王五" not in section


def test_published_comments_are_rendered_inert(app, client):
    revision = make_open_revision()
    publish(revision, CommentVisibility.AT_ONCE)
    make_comment(
        revision,
        make_user(),
        "art2",
        body="<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        consent=Consent.ANONYMOUS,
    )

    section = comments_section(text(client.get("/m/sample-measure/r/1/c/art2")))

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "&lt;img src=x onerror=alert(1)&gt;" in section
    assert "<script" not in section
    assert 'href="javascript:' not in section
