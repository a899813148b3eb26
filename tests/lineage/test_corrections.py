"""The team corrects the alignment by hand and confirms it; each change is audited."""

from datetime import datetime

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.extensions import db
from app.core.refusal import Refused
from app.lineage.corrections import confirm_alignment, remove_link, set_link
from app.lineage.services import align_revision, links_of
from tests.factories import make_user
from tests.lineage.helpers import link_map, two_revisions

NOW = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def pair(app, db):
    first, second = two_revisions()
    return first, second, make_user("team", name="赵六")


def trail(action):
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def link(revision, from_key, to_key):
    [found] = [k for k in links_of(revision) if (k.from_key, k.to_key) == (from_key, to_key)]
    return found


def test_a_hand_link_replaces_the_automatic_links_it_contradicts(pair):
    _first, second, team = pair

    made = set_link(
        revision=second, from_key="art4", to_key="art2", kind="modified", actor=team, now=NOW
    )

    mapped = link_map(links_of(second))
    assert (made.by_hand, made.set_by_id) == (True, team.id)
    assert made.score == 0.0  # the two texts share nothing: the page shows it
    assert ("art4", "art2", "modified") in mapped
    assert ("art4", "art5", "modified") not in mapped
    assert (None, "art2", "new") not in mapped
    assert (None, "art5", "new") in mapped  # left without a partner
    [event] = trail("lineage.link")
    assert (event.actor_id, event.revision_id, event.target_id) == (team.id, second.id, made.id)
    assert event.after_data == {"from_clause": "art4", "to_clause": "art2", "link_kind": "modified"}


def test_a_clause_is_marked_new_or_deleted_by_hand(pair):
    _first, second, team = pair

    set_link(revision=second, from_key="", to_key="art5", kind="new", actor=team, now=NOW)

    mapped = link_map(links_of(second))
    assert (None, "art5", "new") in mapped
    assert ("art4", None, "deleted") in mapped


@pytest.mark.parametrize(
    "from_key,to_key,kind,field",
    [
        ("art2", "art2", "new", "from_key"),  # new ⇒ no clause before
        ("", "", "new", "to_key"),
        ("art2", "art3", "deleted", "to_key"),  # deleted ⇒ no clause after
        ("", "art3", "modified", "from_key"),
        ("art2", "", "same", "to_key"),
        ("art9", "art3", "modified", "from_key"),  # no such clause in revision 1
        ("art2", "art9.p1", "modified", "to_key"),
        ("ch1", "art1", "same", "from_key"),  # chapters are not aligned
    ],
)
def test_keys_and_kind_must_fit_the_two_revisions(pair, from_key, to_key, kind, field):
    _first, second, team = pair

    with pytest.raises(Refused) as refused:
        set_link(revision=second, from_key=from_key, to_key=to_key, kind=kind, actor=team, now=NOW)

    assert refused.value.field == field


def test_a_split_is_built_link_by_link_and_a_contradicting_hand_link_replaces_the_old_one(pair):
    _first, second, team = pair

    set_link(revision=second, from_key="art2", to_key="art2", kind="split", actor=team, now=NOW)
    set_link(revision=second, from_key="art2", to_key="art3", kind="split", actor=team, now=NOW)
    hand = {(k.from_key, k.to_key, k.kind.value) for k in links_of(second) if k.by_hand}
    assert hand == {("art2", "art2", "split"), ("art2", "art3", "split")}

    set_link(revision=second, from_key="art2", to_key="art3", kind="modified", actor=team, now=NOW)

    hand = {(k.from_key, k.to_key, k.kind.value) for k in links_of(second) if k.by_hand}
    assert hand == {("art2", "art3", "modified")}
    last = trail("lineage.link")[-1]
    assert sorted(last.after_data["replaces"]) == [
        ["art2", "art2", "split"],
        ["art2", "art3", "split"],
    ]


def test_the_same_hand_link_twice_is_refused(pair):
    _first, second, team = pair
    made = set_link(
        revision=second, from_key="art2", to_key="art3", kind="modified", actor=team, now=NOW
    )
    assert made.score == pytest.approx(0.857, abs=0.01)  # as alike as the aligner found them

    with pytest.raises(Refused):
        set_link(
            revision=second, from_key="art2", to_key="art3", kind="modified", actor=team, now=NOW
        )


def test_removing_a_wrong_automatic_link_sticks_when_the_revision_is_aligned_again(pair):
    _first, second, team = pair

    was_by_hand = remove_link(link=link(second, "art4", "art5"), actor=team, now=NOW)
    align_revision(revision=second)

    mapped = link_map(links_of(second))
    assert was_by_hand is False
    assert ("art4", "art5", "modified") not in mapped
    assert {("art4", None, "deleted"), (None, "art5", "new")} <= mapped
    [event] = trail("lineage.unlink")
    assert event.before_data == {
        "from_clause": "art4",
        "to_clause": "art5",
        "link_kind": "modified",
        "by_hand": False,
    }
    assert event.after_data == {"marked_deleted": "art4", "marked_new": "art5"}


def test_removing_a_hand_link_gives_the_clauses_back_to_the_aligner(pair):
    _first, second, team = pair
    made = set_link(
        revision=second, from_key="art4", to_key="art2", kind="modified", actor=team, now=NOW
    )

    assert remove_link(link=made, actor=team, now=NOW) is True

    assert not [k for k in links_of(second) if k.by_hand]
    assert {("art4", "art5", "modified"), (None, "art2", "new")} <= link_map(links_of(second))


def test_an_automatic_new_mark_is_changed_by_linking_not_removed(pair):
    _first, second, team = pair

    with pytest.raises(Refused):
        remove_link(link=link(second, None, "art2"), actor=team, now=NOW)


def test_confirming_records_who_and_when_and_a_later_change_withdraws_it(pair):
    first, second, team = pair

    confirm_alignment(revision=second, actor=team, now=NOW)

    assert (second.lineage_confirmed_at, second.lineage_confirmed_by_id) == (NOW, team.id)
    [event] = trail("lineage.confirm")
    assert (event.target_type, event.target_id) == ("revision", second.id)
    with pytest.raises(Refused):
        confirm_alignment(revision=second, actor=team, now=NOW)

    set_link(revision=second, from_key="", to_key="art5", kind="new", actor=team, now=NOW)

    assert second.lineage_confirmed_at is None
    assert trail("lineage.link")[-1].after_data["confirmation_withdrawn"] is True
    with pytest.raises(Refused):
        confirm_alignment(revision=first, actor=team, now=NOW)  # the first has no previous
