"""The demo: drafts plus clearly marked example data, the same on every load, loaded once."""

import re
from datetime import datetime

from sqlalchemy import func, select

from app.accounts.models import Role, Unit, UnitCategory, User
from app.comments.models import Comment, RevisionUnit
from app.comments.receipts import content_sha256
from app.demo.content import DEMO_PASSWORD, STAFF_ACCOUNTS, TOPICS
from app.demo.loader import load_demo
from app.measures.models import CommentVisibility, Measure, Revision


def _load(db):
    load_demo()
    db.session.commit()


def _main_comments(db, number: int = 1):
    """The comments on revision ``number`` of the 认证人员管理办法 (the 2021 round by default)."""
    return db.session.scalars(
        select(Comment)
        .join(Comment.revision)
        .join(Measure)
        .where(Measure.slug == "certified-personnel", Revision.number == number)
        .order_by(Comment.id)
    ).all()


def _counts(db):
    return {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in (Unit, User, Comment, RevisionUnit)
    }


def test_demo_has_example_units_of_every_category_but_individuals(demo, db):
    units = db.session.scalars(select(Unit)).all()
    by_category = {category: 0 for category in UnitCategory}
    for unit in units:
        by_category[unit.category] += 1
    assert all(unit.example and unit.name.endswith("（示例）") and unit.region for unit in units)
    assert by_category[UnitCategory.IP] == 0
    assert {c for c, n in by_category.items() if n >= 2} == set(UnitCategory) - {UnitCategory.IP}


def test_demo_comments_have_receipts_checksums_and_true_quotes(demo, db):
    comments = _main_comments(db)
    assert 300 <= len(comments) <= 400
    for comment in comments:
        assert comment.example is True
        assert re.fullmatch(r"CP-R1-\d{6}", comment.receipt), comment.receipt
        assert comment.content_sha256 == content_sha256(comment)
        if comment.author is None:  # recorded by the team at a seminar, or from a letter
            assert comment.author_name and comment.on_behalf_by.role == Role.TEAM
            continue
        assert comment.author.email.endswith("@example.org")
        assert datetime(2021, 1, 7, 16) <= comment.created_at < datetime(2021, 2, 8, 16)
    quoted = [c for c in comments if c.quote_exact]
    assert len(quoted) >= 50
    for comment in quoted:
        text = comment.clause.text
        assert text[comment.quote_start : comment.quote_end] == comment.quote_exact
        assert text[: comment.quote_start].endswith(comment.quote_prefix)
        assert text[comment.quote_end :].startswith(comment.quote_suffix)
    assert len({c.form_token for c in comments}) == len(comments)
    assert sum(1 for c in comments if c.clause is None) >= 10
    assert sum(1 for c in comments if c.official_position) >= 10
    assert sum(1 for c in comments if c.cosigners) >= 3


def test_demo_shows_the_seminars_groups_answers_and_their_audit_trail(demo, db):
    from app.audit.models import AuditEvent
    from app.triage.models import CommentGroup, Event, Response, ResponseState

    events = db.session.scalars(select(Event).order_by(Event.held_on)).all()
    assert [(e.city, e.held_on.isoformat()) for e in events] == [
        ("南京", "2021-01-15"),
        ("广州", "2021-01-20"),
    ]
    comments = _main_comments(db)
    entered = [c for c in comments if c.author_id is None]
    seminar = [c for c in entered if c.event_id is not None]
    assert {c.event_id for c in seminar} == {e.id for e in events} and len(seminar) == 15
    # received on 2021-02-10 in Beijing time (stored in UTC), after the period closed
    assert [c.received_at for c in entered if c.late] == [datetime(2021, 2, 9, 16)]
    groups = db.session.scalars(select(CommentGroup)).all()
    assert len(groups) >= 20
    assert all(sum(1 for c in comments if c.group_id == g.id) >= 2 for g in groups)
    states = [r.state for r in db.session.scalars(select(Response))]
    assert {state: states.count(state) for state in ResponseState} == {
        ResponseState.DRAFT: 2,
        ResponseState.APPROVED: 2,
        ResponseState.PUBLISHED: 17,
    }
    assert sum(1 for c in comments if c.assignee_id is not None) == 40
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"event.create", "comment.enter", "group.create", "response.publish"} <= actions


def test_every_quote_of_the_templates_is_in_its_clauses(demo, db):
    revision = _main_comments(db)[0].revision
    texts = {c.key: c.text for c in revision.clauses}
    for topic in TOPICS:
        if topic.quote:
            assert all(topic.quote in texts[key] for key in topic.keys), topic.keys


def test_demo_records_the_consultation_and_publishes_comments_after_the_period(demo, db):
    rows = db.session.scalars(select(RevisionUnit)).all()
    assert len(rows) == 20
    assert {row.invite_channel for row in rows} == {"letter"}
    silent = [row for row in rows if row.no_comments_at is not None]
    assert [row.unit.name for row in silent] == ["某某实验室认可评审中心（示例）"]
    assert db.session.get(User, silent[0].no_comments_by_id).unit_id == silent[0].unit_id
    assert not any(c.unit_id == silent[0].unit_id for c in _main_comments(db))
    measure = db.session.scalar(select(Measure).filter_by(slug="certified-personnel"))
    assert (measure.comments_public, measure.names_public) == (CommentVisibility.AFTER, False)


def test_demo_accounts_exist_with_their_roles_and_password(demo, db):
    for email, role, _name in STAFF_ACCOUNTS:
        user = db.session.scalar(select(User).filter_by(email=email))
        assert (user.role, user.example) == (role, True)
        assert user.check_password(DEMO_PASSWORD)
    participant = db.session.scalar(select(User).filter_by(email="participant@example.org"))
    assert (participant.role, participant.unit.category) == (Role.PARTICIPANT, UnitCategory.CB)
    assert (
        db.session.scalar(
            select(func.count()).select_from(User).where(User.role == Role.PARTICIPANT)
        )
        == 45
    )


def test_loading_the_demo_twice_adds_nothing(demo, db):
    first = _counts(db)
    receipts = [c.receipt for c in _main_comments(db)]
    second_round = [c.receipt for c in _main_comments(db, 2)]
    period = _second_round(db).opens_at, _second_round(db).closes_at

    _load(db)

    assert (_second_round(db).opens_at, _second_round(db).closes_at) == period

    assert _counts(db) == first
    assert [c.receipt for c in _main_comments(db)] == receipts
    assert [c.receipt for c in _main_comments(db, 2)] == second_round


def test_demo_command_if_empty_loads_once_and_lists_the_accounts(app, db):
    runner = app.test_cli_runner()

    first = runner.invoke(args=["demo", "--if-empty"])
    counts = _counts(db)
    second = runner.invoke(args=["demo", "--if-empty"])

    assert first.exit_code == 0, first.output
    assert "admin@example.org" in first.output
    assert DEMO_PASSWORD in first.output
    assert second.output == "demo: the database already holds measures; nothing loaded.\n"
    assert _counts(db) == counts


def _second_round(db):
    return db.session.scalar(
        select(Revision)
        .join(Measure)
        .where(Measure.slug == "certified-personnel", Revision.number == 2)
    )


def test_the_second_round_is_open_in_the_demos_present_and_the_first_keeps_its_history(demo, db):
    from app.core.timeutil import to_local, utcnow, zone

    first, second = db.session.scalar(
        select(Measure).filter_by(slug="certified-personnel")
    ).revisions
    today = to_local(utcnow(), zone()).date()
    assert (second.number, second.label) == (2, "第二稿")
    assert second.is_open(utcnow()) and first.has_closed(utcnow())
    assert (today - to_local(second.opens_at, zone()).date()).days == 7
    assert (to_local(second.closes_at, zone()).date() - today).days == 31  # closes at 24:00
    assert second.has_english
    comments = _main_comments(db, 2)
    assert [c.receipt for c in comments] == [f"CP-R2-{c.id:06d}" for c in comments]
    assert len(comments) == 11
    assert all(c.example and c.created_at < utcnow() for c in comments)
    from app.triage.models import Response

    assert all(c.group_id is None for c in comments)
    answered = select(Response).where(Response.comment_id.in_([c.id for c in comments]))
    assert db.session.scalars(answered).all() == []
    assert len(_main_comments(db)) == 389  # the 2021 round, with its seminars and letters


def test_the_second_draft_revises_the_first_as_the_round_one_answers_said(demo, db):
    text = {c.key: c.text for c in _second_round(db).clauses}
    assert "注册有效期内累计不少于七十二学时，其中每年不少于十六学时" in text["art16.p1"]
    assert "有效期届满三十日前" in text["art15.p2"]
    assert text["art15-1"].startswith("认证人员注册机构应当在认证人员注册证书有效期届满九十日前")
    assert "以帮助组织获得认证为目的" in text["art3.p1.i6"]
    assert text["art32.p1.i2"] == "具有三名以上与其咨询业务相适应的专职认证咨询人员；"
    # inserted: the auditor's right to refuse is the new article 20, the old one moves down
    assert text["art20.p1"].startswith("认证人员依照认证规则独立作出审核或者检查结论")
    assert text["art21.p1"].startswith("认证人员实施审核或者检查，应当履行下列义务")
    # old articles 22 and 23 are one; old article 44 is two; old article 49 is gone
    assert "认证人员明知人日数不足" in text["art23.p2"]
    assert "仍应当对其在执业活动中知悉的国家秘密" in text["art23.p3"]
    assert "《中华人民共和国认证认可条例》" in text["art45.p1"]
    assert text["art46.p2"] == "有下列情形之一的，属于前款规定的情节严重："
    assert not any("参照本办法执行" in t for t in text.values())
    assert text["art52"].startswith("本办法自")
    assert "art53" not in text


def _links(db):
    from app.lineage.models import ClauseLink

    return {
        (link.from_key, link.to_key): link
        for link in db.session.scalars(
            select(ClauseLink).where(ClauseLink.revision_id == _second_round(db).id)
        )
    }


def test_the_second_draft_is_aligned_with_the_first_and_the_alignment_confirmed(demo, db):
    links = _links(db)
    kind = {pair: link.kind.value for pair, link in links.items()}
    # inserted, with the articles after them renumbered and otherwise unchanged
    assert [kind[None, key] for key in ("art15-1", "art20", "art34", "art51")] == ["new"] * 4
    assert kind["art20", "art21"] == kind["art43", "art44"] == kind["art50", "art52"] == "same"
    # one split, one merge, one deletion, set by the team where the aligner cannot see them
    assert kind["art44", "art45"] == kind["art44", "art46"] == "split"
    assert kind["art22", "art23"] == kind["art23", "art23"] == "merged"
    assert kind["art49", None] == "deleted"
    assert links["art44", "art46"].by_hand and not links["art49", None].by_hand
    # no automatic link contradicts the hand links
    assert ("art44", "art45") in links and (None, "art46") not in links
    assert ("art23", None) not in links and (None, "art23.p3") not in links
    # the wording changes
    assert kind["art16.p1", "art16.p1"] == kind["art32.p1.i2", "art32.p1.i2"] == "modified"
    second = _second_round(db)
    assert second.lineage_confirmed_at < second.opens_at
    assert db.session.get(User, second.lineage_confirmed_by_id).role == Role.TEAM


def _landings(db):
    from app.triage.models import CommentGroup, Response, ResponseLanding

    rows = db.session.execute(
        select(CommentGroup.title, Response.disposition, ResponseLanding.clause_key)
        .join(Response, Response.id == ResponseLanding.response_id)
        .join(CommentGroup, CommentGroup.id == Response.group_id)
        .where(ResponseLanding.revision_id == _second_round(db).id)
    ).all()
    landings = {}
    for title, disposition, key in rows:
        landings.setdefault((title, disposition.value), set()).add(key)
    return landings


def test_the_adopted_answers_name_the_clauses_of_the_second_draft_where_they_landed(demo, db):
    from app.triage.models import Disposition, Response

    landings = _landings(db)
    assert landings["延续注册申请时限", "adopted"] == {"art15.p2"}
    assert landings["审核人日不足的责任划分", "partly"] == {"art23.p1.i2", "art23.p2"}
    assert landings["认证人员违反禁止性规定的罚则", "partly"] == {"art46.p2", "art46.p3"}
    assert landings["认证人员的权益保障", "partly"] == {"art20"}
    assert {disposition for _, disposition in landings} == {"adopted", "partly"}
    keys = {c.key for c in _second_round(db).clauses}
    assert set().union(*landings.values()) <= keys
    adopted = db.session.scalars(
        select(Response).where(Response.disposition.in_([Disposition.ADOPTED, Disposition.PARTLY]))
    ).all()
    # every adopted answer names where it landed, except the one that adopted a deletion
    assert [r.group.title for r in adopted if not r.landings] == ["评审员参照本办法管理"]


def test_one_answer_is_adopted_but_its_clause_did_not_change_in_the_second_draft(demo, db):
    links = _links(db)
    changed = {
        to_key for (_, to_key), link in links.items() if to_key and link.kind.value != "same"
    }
    unchanged = {
        (title, key)
        for (title, _), keys in _landings(db).items()
        for key in keys
        if key not in changed and not any(key.startswith(c + ".") for c in changed)
    }
    assert unchanged == {("培训机构的备案时点", "art26.p2")}
    assert links["art26.p2", "art26.p2"].kind.value == "same"
