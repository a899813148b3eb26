"""Storing the alignment: automatic links recomputed, hand links kept while their clauses
exist, also when an unpublished revision is replaced and aligned again."""

from datetime import datetime

from app.core.extensions import db
from app.lineage.models import ClauseLink, LinkKind
from app.lineage.services import align_revision, links_of
from tests.factories import make_user
from tests.lineage.helpers import SECOND_BODY, link_map, replace_text, two_revisions

EXPECTED = {
    ("art1", "art1", "same"),
    (None, "art2", "new"),
    ("art2", "art3", "modified"),
    ("art3", "art4", "same"),
    ("art4", "art5", "modified"),
    ("art1.p1", "art1.p1", "same"),
    ("art2.p1", "art3.p1", "same"),
    ("art2.p2", "art3.p2", "modified"),
    ("art3.p1", "art4.p1", "same"),
    ("art3.p1.i1", "art4.p1.i1", "same"),
    ("art3.p1.i2", "art4.p1.i2", "same"),
    ("art4.p1", "art5.p1", "modified"),
}


def hand_link(revision, first, from_key, to_key, kind, by):
    link = ClauseLink(
        revision_id=revision.id,
        previous_revision_id=first.id,
        from_key=from_key,
        to_key=to_key,
        kind=LinkKind(kind),
        by_hand=True,
        set_by_id=by.id,
    )
    db.session.add(link)
    db.session.flush()
    return link


def test_the_second_revision_is_aligned_as_written_down_by_hand(app, db):
    _first, second = two_revisions()

    assert link_map(links_of(second)) == EXPECTED


def test_a_hand_link_survives_replacing_the_revision_and_the_rest_follows_it(app, db):
    first, second = two_revisions()
    team = make_user("team")
    # The team says the inserted 第二条 in fact comes from old 第四条 (the aligner disagrees).
    hand_link(second, first, "art4", "art2", "modified", team)
    align_revision(revision=second)

    replace_text(second, SECOND_BODY.replace("国家有关规定", "有关法律法规"))
    links = align_revision(revision=second)

    mapped = link_map(links)
    [kept] = [k for k in links if k.by_hand]
    assert (kept.from_key, kept.to_key, kept.set_by_id) == ("art4", "art2", team.id)
    # No automatic link contradicts it: old 第四条 has no other partner, new 第二条 neither,
    # so new 第五条 is left new; the paragraphs of the hand pair are aligned inside it.
    assert not {k for k in mapped if k[0] == "art4" and k[1] != "art2"}
    assert not {k for k in mapped if k[1] == "art2" and k[0] != "art4"}
    assert (None, "art5", "new") in mapped
    assert ("art4.p1", "art2.p1", "modified") in mapped or ("art4.p1", None, "deleted") in mapped
    # The rest is the aligner's, on the new text.
    assert ("art2.p2", "art3.p2", "modified") in mapped
    assert ("art3", "art4", "same") in mapped


def test_a_hand_link_to_a_clause_that_is_gone_is_dropped(app, db):
    first, second = two_revisions()
    hand_link(second, first, "art4", "art5", "same", make_user("team"))

    replace_text(second, SECOND_BODY.split("第五条")[0])  # 第五条 removed from the draft
    links = align_revision(revision=second)

    assert not [k for k in links if k.by_hand]
    assert ("art4", None, "deleted") in link_map(links)


def test_a_confirmation_holds_while_the_links_stay_and_goes_when_they_change(app, db):
    _first, second = two_revisions()
    second.lineage_confirmed_at = datetime(2026, 3, 1, 8, 0)
    second.lineage_confirmed_by_id = make_user("team").id

    replace_text(second, SECOND_BODY)  # the same text again
    align_revision(revision=second)
    assert second.lineage_confirmed_at == datetime(2026, 3, 1, 8, 0)

    replace_text(second, SECOND_BODY.replace("诚实守信，不得出具虚假结论", "保守秘密"))
    align_revision(revision=second)  # other words, the same links: still confirmed
    assert second.lineage_confirmed_at == datetime(2026, 3, 1, 8, 0)

    replace_text(second, SECOND_BODY.split("第五条")[0])
    align_revision(revision=second)
    assert second.lineage_confirmed_at is None
    assert second.lineage_confirmed_by_id is None


def test_the_first_revision_has_nothing_to_align_with(app, db):
    first, _second = two_revisions()

    assert align_revision(revision=first) == []
