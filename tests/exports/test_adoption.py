"""The adoption report (意见采纳情况说明): public once the period has closed, published
answers only, comments shown only as their authors consented."""

import pytest

from app.comments.models import Consent
from app.core.extensions import db
from app.measures.models import CommentVisibility
from app.triage.models import ResponseState
from tests.factories import (
    make_closed_revision,
    make_comment,
    make_group,
    make_open_revision,
    make_response,
    make_unit,
    make_user,
)
from tests.pages import english, text


def report_url(revision) -> str:
    return f"/m/{revision.measure.slug}/r/{revision.number}/adoption"


@pytest.fixture
def closed(app):
    revision = make_closed_revision()
    revision.measure.comments_public = CommentVisibility.AFTER
    revision.measure.names_public = True
    db.session.commit()
    team = make_user("team")
    named = make_user(unit=make_unit("甲认证有限公司"), name="李甲")
    shy = make_user(name="钱丙")
    grouped = [
        make_comment(revision, named, "art2", body="应包括实习审核员。", consent=Consent.NAMED),
        make_comment(revision, shy, "art2", body="同意增加实习审核员。", consent=Consent.PRIVATE),
    ]
    group = make_group(revision, grouped)
    make_response(
        group, team, "partly", reason="增加实习审核员的规定。", state=ResponseState.PUBLISHED
    )
    single = make_comment(revision, shy, None, body="整体赞成。", consent=Consent.ANONYMOUS)
    make_response(single, team, "noted", reason="感谢支持。", state=ResponseState.PUBLISHED)
    drafted = make_comment(revision, named, "art4", body="施行日期过早。", consent=Consent.NAMED)
    make_response(drafted, team, "adopted", reason="草稿，未公布。")
    return revision


def test_everyone_reads_the_published_answers_by_clause_with_counts(closed, client):
    english(client)
    page = client.get(report_url(closed))
    html = text(page)

    assert page.status_code == 200
    assert '<dd id="figure-received">4</dd>' in html
    assert '<dd id="figure-answered">3</dd>' in html
    assert '<dd id="figure-partly">2</dd>' in html
    assert '<dd id="figure-noted">1</dd>' in html
    assert '<dd id="figure-adopted">0</dd>' in html  # the draft answer is not published
    assert "草稿，未公布。" not in html
    # General comments first, then the clauses in document order.
    assert html.index('id="general"') < html.index('id="art2"')
    assert "增加实习审核员的规定。" in html and "answers 2 comments" in html


def test_comments_appear_only_as_their_authors_consented(closed, client):
    english(client)
    html = text(client.get(report_url(closed)))

    assert "应包括实习审核员。" in html and "李甲（甲认证有限公司）" in html
    assert "同意增加实习审核员。" not in html  # "do not publish"
    assert "1 more comment is not published, at its author's request." in html
    assert "整体赞成。" in html and "钱丙" not in html  # anonymous


def test_before_the_period_closes_the_report_waits(app, client):
    english(client)
    revision = make_open_revision()
    make_comment(revision, make_user(), "art2", body="意见。")
    html = text(client.get(report_url(revision)))
    assert "published once the comment period has closed" in html
    assert "figure-received" not in html
