"""Where an adopted answer's change landed: set by the team (checked, audited), suggested by
lineage, and said as "见第二稿第三条" in both languages."""

from datetime import datetime

import pytest
from flask_babel import force_locale
from sqlalchemy import event, select

from app.audit.models import AuditEvent
from app.core.extensions import db
from app.core.refusal import Refused
from app.lineage.models import LinkKind
from app.triage.landings import (
    landing_keys,
    landing_phrase,
    landing_phrases,
    parse_keys,
    set_landings,
    successor_links,
    suggest_landings,
)
from tests.factories import make_comment, make_group, make_response, make_user
from tests.lineage.helpers import two_revisions

NOW = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def pair(app, db):
    first, second = two_revisions()
    author = make_user()
    team = make_user("team", name="赵六")
    comments = [make_comment(first, author, "art2.p2", body=f"意见{i}。") for i in range(2)]
    group = make_group(first, comments, title="适用范围")
    response = make_response(group, team, "adopted", reason="")
    return first, second, team, response


def refusal(call) -> str:
    with pytest.raises(Refused) as caught:
        call()
    return str(caught.value.message)


def test_the_team_sets_landings_and_the_change_is_audited(pair):
    _first, second, team, response = pair

    set_landings(response=response, revision=second, keys=["art3.p2"], actor=team, now=NOW)
    set_landings(response=response, revision=second, keys=["art3.p2", "art2"], actor=team, now=NOW)

    assert landing_keys(response, second) == ["art3.p2", "art2"]
    events = list(
        db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "response.landings")
            .order_by(AuditEvent.id)
        )
    )
    assert [e.after_data["landings"] for e in events] == [["art3.p2"], ["art3.p2", "art2"]]
    assert events[1].before_data["landings"] == ["art3.p2"]
    assert (events[1].actor_id, events[1].target_id) == (team.id, response.id)


def test_setting_the_same_landings_again_records_nothing(pair):
    _first, second, team, response = pair
    for _ in range(2):
        set_landings(response=response, revision=second, keys=["art3.p2"], actor=team, now=NOW)
    count = db.session.query(AuditEvent).filter_by(action="response.landings").count()
    assert count == 1


def test_an_empty_list_removes_the_landings(pair):
    _first, second, team, response = pair
    set_landings(response=response, revision=second, keys=["art3"], actor=team, now=NOW)
    set_landings(response=response, revision=second, keys=[], actor=team, now=NOW)
    assert landing_keys(response, second) == []
    assert landing_phrase(response, "zh") == ""


def test_a_key_the_revision_does_not_have_is_refused_by_name(pair):
    _first, second, team, response = pair
    message = refusal(
        lambda: set_landings(
            response=response,
            revision=second,
            keys=["art3", "art99", "art3.p9"],
            actor=team,
            now=NOW,
        )
    )
    assert message == "Revision 2 has no clause art99、art3.p9."


def test_landing_in_the_answers_own_revision_is_refused(pair):
    first, _second, team, response = pair
    message = refusal(
        lambda: set_landings(response=response, revision=first, keys=["art2"], actor=team, now=NOW)
    )
    assert "lands in a later revision, not in revision 1" in message


@pytest.mark.parametrize("role", ["reviewer", "official", "participant"])
def test_only_the_team_sets_landings(pair, role):
    _first, second, _team, response = pair
    message = refusal(
        lambda: set_landings(
            response=response, revision=second, keys=["art3"], actor=make_user(role), now=NOW
        )
    )
    assert message == "Only the project team says where an answer's change landed."


def test_the_phrase_in_chinese_and_english(pair):
    _first, second, team, response = pair
    set_landings(response=response, revision=second, keys=["art5", "art3.p2"], actor=team, now=NOW)

    assert landing_phrase(response, "zh") == "见第二稿第三条第二款、第五条"
    # With no English text the English page keeps the Chinese citations.
    assert landing_phrase(response, "en") == "see 第三条第二款 and 第五条 of the Second Draft"
    for clause in second.clauses:
        clause.citation_en = {"art3.p2": "Article 3(2)", "art5": "Article 5"}.get(clause.key, "")
    db.session.flush()
    with force_locale("en"):
        assert landing_phrase(response, "en") == (
            "see Article 3(2) and Article 5 of the Second Draft"
        )


def test_phrases_of_a_list_take_one_query(pair):
    first, second, team, response = pair
    author = make_user()
    others = [
        make_response(make_comment(first, author, "art4", body=f"另{i}。"), team, "adopted")
        for i in range(3)
    ]
    for other in others:
        set_landings(response=other, revision=second, keys=["art5"], actor=team, now=NOW)
    set_landings(response=response, revision=second, keys=["art3"], actor=team, now=NOW)
    db.session.commit()
    listed = [response, *others]
    expected = {response.id: "见第二稿第三条", **{o.id: "见第二稿第五条" for o in others}}
    statements = []
    engine = db.engine
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listen)
    try:
        phrases = landing_phrases(listed, "zh")
    finally:
        event.remove(engine, "before_cursor_execute", listen)

    assert phrases == expected
    assert len([s for s in statements if "SAVEPOINT" not in s.upper()]) == 1


def test_suggestions_follow_the_lineage_of_the_commented_clause(pair):
    _first, second, _team, response = pair

    suggested = suggest_landings(response, second)

    # old art2.p2 became art3.p2, reworded
    assert [(s.key, s.kind, s.changed) for s in suggested] == [("art3.p2", LinkKind.MODIFIED, True)]


def test_a_clause_not_aligned_itself_is_followed_through_the_one_around_it(pair):
    first, second, team, _response = pair
    response = make_response(make_comment(first, make_user(), "art3.p1.i2"), team, "adopted")
    assert [(s.key, s.kind) for s in suggest_landings(response, second)] == [
        ("art4.p1.i2", LinkKind.SAME)
    ]
    # a sentence (not aligned on its own) follows its item
    [link] = successor_links("art3.p1.i2.s1", second)
    assert (link.from_key, link.to_key) == ("art3.p1.i2", "art4.p1.i2")


def test_no_suggestion_for_a_comment_on_the_whole_draft(pair):
    first, second, team, _response = pair
    response = make_response(make_comment(first, make_user(), None), team, "adopted")
    assert suggest_landings(response, second) == []
    assert suggest_landings(response, first) == []


def test_suggestions_default_to_the_next_revision(pair):
    _first, second, _team, response = pair
    assert [s.key for s in suggest_landings(response)] == ["art3.p2"]


def test_keys_are_read_as_typed():
    assert parse_keys("art3.p2, art5、art6；art3.p2\nart7") == [
        "art3.p2",
        "art5",
        "art6",
        "art7",
    ]
