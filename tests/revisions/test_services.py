"""The revision cycle's operations: upload N+1 unpublished, replace it, publish it; every
refusal stores nothing, every state change is audited."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.core.extensions import db
from app.core.refusal import Refused
from app.core.timeutil import zone
from app.lineage.models import ClauseLink, LinkKind
from app.lineage.services import links_of
from app.measures.models import Revision
from app.revisions.services import publish_revision, replace_revision, upload_revision
from tests.factories import draft_text, make_closed_revision, make_revision, make_user
from tests.lineage.helpers import SECOND_BODY

SECOND_EN = """Chapter 1 General Provisions

Article 1

These Measures are formulated to regulate certification.

Article 2

Certified personnel shall be honest and shall not issue false conclusions.

Article 3

1. These Measures apply to certified personnel.

2. Certification bodies shall comply with these Measures and the relevant provisions.

Chapter 2 Supplementary Provisions

Article 4

For the purposes of these Measures:

(a) certification means conformity assessment;

(b) auditor means a registered person.

Article 5

These Measures shall take effect on the date of promulgation.
"""

NOW = datetime(2026, 3, 2, 1, 0)


def second_draft(body: str = SECOND_BODY, **meta) -> bytes:
    meta = {"revision": "2", "label": "第二稿", "opens": None, "closes": None, **meta}
    return draft_text(body, **meta).encode()


def english_draft(body: str = SECOND_EN, **meta) -> bytes:
    meta = {"revision": "2", "label": "第二稿", "opens": None, "closes": None, **meta}
    return draft_text(body, language="en", family="en", **meta).encode()


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def revision_count(measure) -> int:
    return db.session.scalar(
        select(func.count(Revision.id)).where(Revision.measure_id == measure.id)
    )


@pytest.fixture
def first(app, db):
    return make_closed_revision()


@pytest.fixture
def team(app, db):
    return make_user("team", name="赵六")


def upload(first, team, data=None, filename="second.md", english=None):
    revision = upload_revision(
        measure=first.measure,
        data=second_draft() if data is None else data,
        filename=filename,
        english=english,
        actor=team,
        tz=zone(),
    )
    db.session.commit()
    return revision


def test_the_next_revision_is_stored_unpublished_and_aligned(first, team):
    second = upload(first, team, english=(english_draft(), "second.en.md"))

    assert (second.number, second.is_published, second.label) == (2, False, "第二稿")
    assert second.has_english
    assert {c.key: c.text_en for c in second.clauses}["art2"].startswith("Certified personnel")
    found = {(k.from_key, k.to_key, LinkKind(k.kind).value) for k in links_of(second)}
    assert (None, "art2", "new") in found and ("art3", "art4", "same") in found
    [event] = events("revision.upload")
    assert (event.actor_id, event.target_id, event.revision_id) == (team.id, second.id, second.id)
    assert '"filename": "second.md"' in event.after


def test_a_file_without_front_matter_takes_the_measure_and_the_next_number(first, team):
    second = upload(first, team, data=SECOND_BODY.encode(), filename="第二稿.txt")

    assert second.number == 2 and not second.is_published


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (second_draft(measure="other-measure"), "measure other-measure, not of sample-measure"),
        (second_draft(revision="3"), "says it is revision 3"),
        (second_draft(SECOND_BODY.replace("第三条", "第九条")), "line "),
        (b"\xff\xfe not utf-8", "UTF-8"),
        (b"", "empty"),
    ],
)
def test_a_wrong_or_malformed_file_is_refused_and_nothing_is_stored(first, team, data, words):
    with pytest.raises(Refused) as refused:
        upload(first, team, data=data)
    db.session.rollback()

    assert words in str(refused.value.message)
    assert refused.value.field == "file"
    assert revision_count(first.measure) == 1
    assert not events("revision.upload")


def test_a_malformed_file_names_the_line_and_the_clause(first, team):
    with pytest.raises(Refused) as refused:
        upload(first, team, data=second_draft(SECOND_BODY.replace("第三条", "第九条")))

    message = str(refused.value.message)
    assert message.startswith("second.md: line 15: ") and "found 第九条" in message


def test_an_unsupported_file_type_is_refused(first, team):
    with pytest.raises(Refused, match="unsupported file type"):
        upload(first, team, filename="second.pdf")


def test_an_english_text_that_does_not_match_the_chinese_is_refused_before_storing(first, team):
    short = SECOND_EN.split("Article 5")[0]
    with pytest.raises(Refused) as refused:
        upload(first, team, english=(english_draft(short), "second.en.md"))
    db.session.rollback()

    assert refused.value.field == "file_en"
    assert "only in the Chinese text: art5" in str(refused.value.message)
    assert revision_count(first.measure) == 1


def test_no_second_upload_while_a_revision_is_unpublished(first, team):
    upload(first, team)

    with pytest.raises(Refused, match="Revision 2 is uploaded and not published yet"):
        upload(first, team, data=second_draft(revision="3"))


def test_replacing_realigns_and_keeps_hand_links(first, team):
    second = upload(first, team)
    db.session.add(
        ClauseLink(
            revision_id=second.id,
            previous_revision_id=first.id,
            from_key="art4",
            to_key="art2",
            kind=LinkKind.MODIFIED,
            by_hand=True,
            set_by_id=team.id,
        )
    )
    db.session.commit()

    replace_revision(
        revision=second,
        data=second_draft(SECOND_BODY.replace("国家有关规定", "有关法律法规")),
        filename="second-v2.md",
        actor=team,
        tz=zone(),
    )
    db.session.commit()

    texts = {c.key: c.text for c in second.clauses}
    assert "有关法律法规" in texts["art3.p2"]
    [kept] = [k for k in links_of(second) if k.by_hand]
    assert (kept.from_key, kept.to_key) == ("art4", "art2")
    [event] = events("revision.replace")
    assert '"filename": "second-v2.md"' in event.after


def test_replacing_with_the_same_file_or_another_number_is_refused(first, team):
    second = upload(first, team)
    for data, words in [(second_draft(), "already stored"), (second_draft(revision="3"), "3")]:
        with pytest.raises(Refused, match=words):
            replace_revision(revision=second, data=data, filename="x.md", actor=team, tz=zone())
        db.session.rollback()
    assert not events("revision.replace")


def test_a_published_revision_is_not_replaced(first, team):
    with pytest.raises(Refused, match="is published"):
        replace_revision(
            revision=first, data=second_draft(revision="1"), filename="x.md", actor=team, tz=zone()
        )


def publish(revision, team, **fields):
    values = {
        "label": "第二稿",
        "opens_on": date(2026, 3, 2),
        "closes_on": date(2026, 4, 1),
        "short_period_reason": "",
        "no_period": False,
        **fields,
    }
    publish_revision(revision=revision, actor=team, now=NOW, tz=zone(), **values)
    db.session.commit()
    return revision


def test_publishing_sets_label_period_and_closes_the_previous_period(app, db, team):
    first = make_revision(opens="2026-02-20", closes="2026-03-31")  # open at NOW
    second = upload(first, team)

    publish(second, team)

    assert second.published_at == NOW and second.label == "第二稿"
    assert second.opens_at is not None and second.closes_at > second.opens_at
    assert first.closes_at == NOW
    [closed] = events("revision.close")
    assert closed.target_id == first.id
    [published] = events("revision.publish")
    assert published.target_id == second.id and "第二稿" in published.after


def test_a_closed_previous_period_is_left_as_it_was(first, team):
    closes = first.closes_at
    publish(upload(first, team), team)

    assert first.closes_at == closes
    assert not events("revision.close")


def test_a_text_only_revision_has_no_period(first, team):
    second = publish(upload(first, team), team, label="送审稿", no_period=True, opens_on=None)

    assert (second.label, second.opens_at, second.closes_at) == ("送审稿", None, None)
    assert second.is_published


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"label": "  "}, "label"),
        ({"opens_on": None}, "opens_on"),
        ({"closes_on": date(2026, 3, 20)}, "short_period_reason"),
        ({"closes_on": date(2026, 3, 1)}, "closes_on"),
    ],
)
def test_publishing_refuses_a_missing_label_or_a_wrong_period(first, team, fields, field):
    second = upload(first, team)
    with pytest.raises(Refused) as refused:
        publish(second, team, **fields)
    db.session.rollback()

    assert refused.value.field == field
    assert not second.is_published and not events("revision.publish")


def test_a_short_period_with_its_reason_is_accepted(first, team):
    second = publish(
        upload(first, team), team, closes_on=date(2026, 3, 20), short_period_reason="紧急"
    )

    assert second.short_period_reason == "紧急"


def test_a_revision_is_published_once(first, team):
    with pytest.raises(Refused, match="already published"):
        publish(first, team)


def test_only_the_team_changes_revisions(first):
    with pytest.raises(PermissionError):
        upload(first, make_user("reviewer"))
