"""Moderation's services: who may report what, once; hiding closes the reports and keeps the
comment; unhiding keeps the hiding's record; every step is audited."""

from datetime import datetime

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.comments.models import CommentStatus, Consent
from app.comments.moderation import (
    current_hiding,
    dismiss_reports,
    hide_comment,
    hidings_of,
    report_comment,
    reports_of,
    unhide_comment,
)
from app.comments.moderation_models import ReportReason, ReportState
from app.comments.publication import comment_counts, is_public, public_comments
from app.core.extensions import db
from app.core.refusal import Refused
from app.measures.models import CommentVisibility
from tests.factories import make_comment, make_open_revision, make_user

NOW = datetime(2026, 12, 5, 8, 0)


@pytest.fixture
def published(app):
    """An open revision whose measure publishes comments at once, a published comment by an
    author, a reader and a team member."""
    revision = make_open_revision()
    revision.measure.comments_public = CommentVisibility.AT_ONCE
    db.session.commit()
    author = make_user(name="作者")
    comment = make_comment(revision, author, "art2", body="公开的意见。", consent=Consent.ANONYMOUS)
    return {
        "revision": revision,
        "author": author,
        "comment": comment,
        "reader": make_user(name="读者"),
        "team": make_user("team", name="组员"),
    }


def refusal(call) -> str:
    with pytest.raises(Refused) as caught, force_locale("en"):
        call()
    with force_locale("en"):
        return str(caught.value.message)


def actions(comment) -> list[str]:
    return list(
        db.session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.target_type == "comment", AuditEvent.target_id == comment.id)
            .order_by(AuditEvent.id)
        )
    )


def test_a_reader_reports_a_published_comment_once(published):
    comment, reader = published["comment"], published["reader"]

    report = report_comment(
        comment=comment, reporter=reader, reason="abuse", details=" 骂人 ", now=NOW
    )
    db.session.commit()

    assert (report.reason, report.details, report.state) == (
        ReportReason.ABUSE,
        "骂人",
        ReportState.OPEN,
    )
    again = refusal(
        lambda: report_comment(comment=comment, reporter=reader, reason="spam", details="", now=NOW)
    )
    assert again == "You have already reported this comment; the team will look at it."
    assert [r.id for r in reports_of(comment)] == [report.id]
    assert actions(comment) == ["comment.report"]


def test_a_report_needs_a_reason_and_words_for_other(published):
    comment, reader = published["comment"], published["reader"]

    def report(reason, details=""):
        return lambda: report_comment(
            comment=comment, reporter=reader, reason=reason, details=details, now=NOW
        )

    assert refusal(report("")) == "Please choose why you report this comment."
    assert refusal(report("rude")) == "Please choose why you report this comment."
    assert refusal(report("other", "  ")) == "Please say what is wrong with this comment."
    assert refusal(report("other", "长" * 1001)) == (
        "Please keep the explanation under 1000 characters."
    )
    assert (
        report_comment(
            comment=comment, reporter=reader, reason="other", details="与本条无关", now=NOW
        ).details
        == "与本条无关"
    )


def test_only_a_comment_everyone_reads_can_be_reported_and_not_by_its_author(published):
    comment, reader, author = published["comment"], published["reader"], published["author"]
    assert (
        refusal(
            lambda: report_comment(
                comment=comment, reporter=author, reason="spam", details="", now=NOW
            )
        )
        == "You cannot report your own comment; you may edit or withdraw it."
    )

    private = make_comment(published["revision"], author, "art2", consent=Consent.PRIVATE)
    withdrawn = make_comment(
        published["revision"], author, "art2", consent=Consent.NAMED,
        status=CommentStatus.WITHDRAWN,
    )  # fmt: skip
    for unseen in (private, withdrawn):
        assert (
            refusal(
                lambda unseen=unseen: report_comment(
                    comment=unseen, reporter=reader, reason="spam", details="", now=NOW
                )
            )
            == "This comment is no longer published; there is nothing to report."
        )


def test_hiding_takes_the_comment_off_the_public_and_closes_its_reports(published):
    comment, team, revision = published["comment"], published["team"], published["revision"]
    for name in ("甲", "乙"):
        report_comment(
            comment=comment, reporter=make_user(name=name), reason="privacy", details="", now=NOW
        )
    counted = comment_counts(revision)

    hiding = hide_comment(comment=comment, actor=team, reason="含有他人电话号码。", now=NOW)
    db.session.commit()

    assert current_hiding(comment) == hiding
    assert not is_public(comment, NOW)
    assert public_comments(revision, comment.clause, NOW) == []
    assert comment_counts(revision) == counted  # still counted for the team
    assert {r.state for r in reports_of(comment)} == {ReportState.HIDDEN}
    assert {r.closed_by_id for r in reports_of(comment)} == {team.id}
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "comment.hide")).one()
    assert event.before_data == {"receipt": comment.receipt, "hidden": False}
    assert event.after_data == {
        "receipt": comment.receipt,
        "hidden": True,
        "why": "含有他人电话号码。",
        "reports_closed": 2,
    }
    assert comment.status == CommentStatus.SUBMITTED  # nothing of the comment changed


def test_hiding_needs_a_reason_and_happens_once(published):
    comment, team = published["comment"], published["team"]
    assert (
        refusal(lambda: hide_comment(comment=comment, actor=team, reason=" ", now=NOW))
        == "Please give the reason for hiding: the author and the team will read it."
    )
    hide_comment(comment=comment, actor=team, reason="广告。", now=NOW)
    assert (
        refusal(lambda: hide_comment(comment=comment, actor=team, reason="再次", now=NOW))
        == "This comment is already hidden from the public."
    )


def test_unhiding_shows_it_again_and_keeps_the_record(published):
    comment, team = published["comment"], published["team"]
    hide_comment(comment=comment, actor=team, reason="误判前的理由。", now=NOW)
    later = datetime(2026, 12, 6, 9, 0)

    unhide_comment(comment=comment, actor=team, now=later)
    db.session.commit()

    assert is_public(comment, later)
    assert current_hiding(comment) is None
    [kept] = hidings_of(comment)
    assert (kept.reason, kept.unhidden_at, kept.unhidden_by_id) == (
        "误判前的理由。",
        later,
        team.id,
    )
    assert actions(comment) == ["comment.hide", "comment.unhide"]
    assert (
        refusal(lambda: unhide_comment(comment=comment, actor=team, now=later))
        == "This comment is not hidden."
    )


def test_the_team_keeps_a_reported_comment_public(published):
    comment, team = published["comment"], published["team"]
    assert (
        refusal(lambda: dismiss_reports(comment=comment, actor=team, now=NOW))
        == "This comment has no open report."
    )
    report_comment(
        comment=comment, reporter=published["reader"], reason="spam", details="", now=NOW
    )

    assert dismiss_reports(comment=comment, actor=team, now=NOW) == 1
    db.session.commit()

    assert is_public(comment, NOW)
    assert [r.state for r in reports_of(comment)] == [ReportState.DISMISSED]
    assert actions(comment) == ["comment.report", "comment.reports_dismiss"]


def test_a_withdrawn_comment_is_not_hidden(published):
    comment = published["comment"]
    comment.status = CommentStatus.WITHDRAWN
    assert (
        refusal(lambda: hide_comment(comment=comment, actor=published["team"], reason="x", now=NOW))
        == "A withdrawn comment is not published; there is nothing to hide."
    )
