"""The consistency check of a revision pair: adopted answers whose text did not change,
rejected answers whose clause changed, changes no answer explains; its page and the
dashboard's counts."""

from datetime import datetime

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.core.extensions import db as database
from app.lineage.corrections import set_link
from app.measures.models import Revision
from app.triage.consistency import NO_LANDING, REJECTED_CHANGED, UNCHANGED, check
from app.triage.landings import set_landings
from app.triage.models import CommentGroup
from tests.factories import make_closed_revision, make_comment, make_response, make_user
from tests.lineage.helpers import two_revisions
from tests.pages import counting_statements, english, text

NOW = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def pair(app, db):
    first, second = two_revisions()
    return first, second, make_user("team", name="赵六"), make_user()


def answer(first, author, team, key, disposition, reason="理由。"):
    return make_response(make_comment(first, author, key), team, disposition, reason=reason)


def land(response, second, team, *keys):
    set_landings(response=response, revision=second, keys=list(keys), actor=team, now=NOW)


def test_adopted_answers_with_no_landing_or_an_unchanged_one_are_listed(pair):
    first, second, team, author = pair
    silent = answer(first, author, team, "art2.p2", "adopted")
    unchanged = answer(first, author, team, "art3.p1", "partly")
    land(unchanged, second, team, "art4.p1")  # old art3 is art4, unchanged
    landed = answer(first, author, team, "art2.p2", "adopted")
    land(landed, second, team, "art3.p2")  # reworded

    report = check(revision=second)

    assert [(i.response.id, i.why) for i in report.adopted_unchanged] == [
        (silent.id, NO_LANDING),
        (unchanged.id, UNCHANGED),
    ]
    item = report.adopted_unchanged[1]
    assert [c.key for c in item.clauses] == ["art3.p1"]
    assert [c.key for c in item.landings] == ["art4.p1"]
    assert [c.receipt for c in item.comments] == [unchanged.comment.receipt]


def test_an_adopted_deletion_needs_no_landing(pair):
    first, second, team, author = pair
    set_link(revision=second, from_key="art4", to_key="", kind="deleted", actor=team, now=NOW)
    answer(first, author, team, "art4", "adopted")

    assert check(revision=second).adopted_unchanged == []


def test_rejected_answers_on_a_changed_clause_are_listed(pair):
    first, second, team, author = pair
    changed = answer(first, author, team, "art2.p2", "not_adopted")
    answer(first, author, team, "art1", "not_adopted")  # art1 unchanged: consistent
    answer(first, author, team, "art2.p2", "noted")  # explained: not checked

    report = check(revision=second)

    assert [(i.response.id, i.why, i.kind.value) for i in report.rejected_changed] == [
        (changed.id, REJECTED_CHANGED, "modified")
    ]


def test_changes_no_answer_explains_are_listed_once_at_their_outermost_clause(pair):
    first, second, team, author = pair
    explained = answer(first, author, team, "art2.p2", "adopted")
    land(explained, second, team, "art3.p2")

    report = check(revision=second)

    # the new art2 and old art4 reworded as art5 (and its paragraph, not listed again)
    assert [(c.link.from_key, c.link.to_key, c.link.kind.value) for c in report.unexplained] == [
        (None, "art2", "new"),
        ("art4", "art5", "modified"),
    ]
    assert report.unexplained[1].old.key == "art4"
    assert report.unexplained[1].new.key == "art5"


def test_a_first_revision_has_nothing_to_check(app, db):
    assert check(revision=make_closed_revision()) is None


def test_the_check_costs_the_same_statements_for_few_or_many_answers(pair):
    first, second, team, author = pair
    answer(first, author, team, "art2.p2", "adopted")
    with counting_statements() as few:
        check(revision=second)
    for key in ("art1", "art3.p1", "art4", "art2.p1"):
        land(answer(first, author, team, key, "adopted"), second, team, "art1")
        answer(first, author, team, key, "not_adopted")
    database.session.commit()
    with counting_statements() as many:
        check(revision=second)
    assert len(many) == len(few)


# -- the demo: its deliberate slip ------------------------------------------------------------


def demo_revisions():
    second = database.session.scalar(select(Revision).where(Revision.number == 2))
    first = database.session.scalar(
        select(Revision).where(Revision.number == 1, Revision.measure_id == second.measure_id)
    )
    return first, second


def test_the_demo_shows_its_deliberate_adopted_but_unchanged_answer(demo, db):
    _first, second = demo_revisions()

    report = check(revision=second)

    titles = [
        (database.session.get(CommentGroup, i.response.group_id).title, i.why)
        for i in report.adopted_unchanged
    ]
    assert titles == [("培训机构的备案时点", UNCHANGED)]
    assert [c.key for c in report.adopted_unchanged[0].landings] == ["art26.p2"]
    assert report.rejected_changed == []
    # the drafters' own tidying, as app/demo/second_draft.py lists it
    assert {(c.link.from_key, c.link.to_key) for c in report.unexplained} >= {
        ("art23.p2", "art23.p3"),
        ("art44.p2", "art45.p2"),
        ("art44.p3", "art46.p1"),
    }


def user(email):
    return database.session.scalar(select(User).where(User.email == email))


@pytest.mark.parametrize("email", ["team@example.org", "official@example.org"])
def test_staff_read_the_check_page(demo, db, client, login_as, email):
    english(client)
    _first, second = demo_revisions()
    login_as(user(email))

    html = text(client.get(f"/m/{second.measure.slug}/r/2/team/consistency"))

    assert '<strong id="count-adopted-unchanged">1</strong>' in html
    assert '<strong id="count-rejected-changed">0</strong>' in html
    row = html.split('<tr id="adopted-unchanged-', 1)[1].split("</tr>", 1)[0]
    assert "培训机构的备案时点" in row
    assert "Article 26(2)" in row and "unchanged" in row


def test_participants_may_not_read_the_check(demo, db, client, login_as):
    _first, second = demo_revisions()
    login_as(user("participant@example.org"))
    assert client.get(f"/m/{second.measure.slug}/r/2/team/consistency").status_code == 403


def test_the_dashboard_counts_and_links_the_checks(demo, db, client, login_as):
    english(client)
    first, second = demo_revisions()
    login_as(user("team@example.org"))

    html = text(client.get(f"/m/{first.measure.slug}/r/1/team/dashboard"))

    entry = html.split('id="consistency-2"', 1)[1].split("</li>", 1)[0]
    assert f'href="/m/{first.measure.slug}/r/2/team/consistency"' in entry
    assert "adopted but unchanged 1 · not adopted but changed 0" in entry


def test_the_page_of_a_first_revision_says_there_is_nothing_to_check(app, db, client, login_as):
    english(client)
    first = make_closed_revision()
    login_as(make_user("reviewer"))

    html = text(client.get(f"/m/{first.measure.slug}/r/1/team/consistency"))

    assert "This is the first revision: there are no earlier answers to check against it." in html


# -- the adoption report's staff edition -------------------------------------------------------


def adoption_page(client, revision) -> str:
    return text(client.get(f"/m/{revision.measure.slug}/r/{revision.number}/adoption"))


@pytest.mark.parametrize("email", ["team@example.org", "official@example.org"])
def test_the_adoption_report_staff_edition_has_the_check(demo, db, client, login_as, email):
    english(client)
    first, second = demo_revisions()
    login_as(user(email))

    html = adoption_page(client, first)

    section = html.split('class="adoption-consistency staff-only"', 1)[1]
    pair = section.split("<p>The answers given on the ", 1)[1].split(".</p>", 1)[0]
    names = [f"{r.label_in('en')} (revision {r.number})" for r in (first, second)]
    assert pair.split(" against the text of the ") == names  # the next text, not this one
    assert f'href="/m/{first.measure.slug}/r/2/team/consistency"' in section
    assert '<strong id="count-adopted-unchanged">1</strong>' in section
    row = section.split('<tr id="adopted-unchanged-', 1)[1].split("</tr>", 1)[0]
    assert "培训机构的备案时点" in row
    assert '<h3 id="unexplained-heading">Changes no answer explains</h3>' in section


@pytest.mark.parametrize("email", [None, "participant@example.org"])
def test_the_public_adoption_report_has_no_check(demo, db, client, login_as, email):
    first, _second = demo_revisions()
    if email:
        login_as(user(email))

    html = adoption_page(client, first)

    assert "adoption-figures" in html  # the report itself is there
    assert (
        "adoption-consistency" not in html
        and "培训机构的备案时点" not in html.split("adoption-figures", 1)[0]
    )


def test_the_last_revision_has_no_check_to_show(demo, db, client, login_as):
    _first, second = demo_revisions()
    login_as(user("team@example.org"))

    assert "adoption-consistency" not in adoption_page(client, second)
