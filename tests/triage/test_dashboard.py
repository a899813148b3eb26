"""The per-revision dashboard: exact counts, in a fixed number of statements, drawn as SVG."""

import re
import xml.etree.ElementTree as ET

import pytest

from app.accounts.models import UnitCategory
from app.comments.models import Channel, CommentStatus
from app.triage.dashboard import revision_statistics
from app.triage.models import Disposition, ResponseState
from tests.factories import (
    make_comment,
    make_group,
    make_open_revision,
    make_response,
    make_unit,
    make_user,
)
from tests.pages import counting_statements, english, text

URL = "/m/sample-measure/r/1/team/dashboard"
PUBLISHED = {"state": ResponseState.PUBLISHED}


@pytest.fixture
def filled(app, db):
    """Seven submitted comments (two general, two late) and one withdrawn, variously answered."""
    revision = make_open_revision()
    team = make_user("team")
    cb = make_user("participant", unit=make_unit(category="CB"))
    tb = make_user("participant", unit=make_unit(category="TB"))
    person = make_user("participant")  # no unit: an individual (IP)
    c1 = make_comment(revision, cb, "art1")
    c2 = make_comment(revision, cb, "art2")
    c3 = make_comment(revision, tb, "art2.p2", channel=Channel.SEMINAR)
    c4 = make_comment(revision, person, "art2.p2", channel=Channel.LETTER, late=True)
    c5 = make_comment(revision, tb, "art3.p1.i2", channel=Channel.EMAIL)
    make_comment(revision, cb, None)
    make_comment(revision, person, None, channel=Channel.SEMINAR, late=True)
    gone = make_comment(revision, cb, "art1", status=CommentStatus.WITHDRAWN)
    make_response(make_group(revision, [c3, c4]), team, "adopted", **PUBLISHED)
    make_response(c1, team, "noted", **PUBLISHED)
    make_response(c2, team, "not_adopted", state=ResponseState.APPROVED)
    make_response(c5, team, "partly")
    make_response(gone, team, "out_of_scope", **PUBLISHED)
    return revision


def test_statistics_count_each_clause_with_its_paragraphs_and_items(filled):
    stats = revision_statistics(filled)

    assert stats.by_clause == {"ch1": 4, "art1": 1, "art2": 3, "ch2": 1, "art3": 1, "art4": 0}
    assert (stats.total, stats.general, stats.late, stats.withdrawn) == (7, 2, 2, 1)
    assert stats.heat_maximum == 3
    assert [(row.node.clause.key, row.depth) for row in stats.heat_rows] == [
        ("ch1", 0),
        ("art1", 1),
        ("art2", 1),
        ("ch2", 0),
        ("art3", 1),
        ("art4", 1),
    ]


def test_statistics_per_category_channel_and_disposition(filled):
    stats = revision_statistics(filled)

    assert stats.by_category == {UnitCategory.CB: 3, UnitCategory.TB: 2, UnitCategory.IP: 2}
    assert stats.by_channel == {
        Channel.ONLINE: 3,
        Channel.SEMINAR: 2,
        Channel.LETTER: 1,
        Channel.EMAIL: 1,
    }
    assert stats.answers.by_state == {
        Disposition.ADOPTED: {ResponseState.PUBLISHED: 2},  # through their group
        Disposition.NOTED: {ResponseState.PUBLISHED: 1},
        Disposition.NOT_ADOPTED: {ResponseState.APPROVED: 1},
        Disposition.PARTLY: {ResponseState.DRAFT: 1},
    }
    assert stats.answers.no_answer == 2
    assert stats.answers.answered == 4  # approved or published
    assert stats.answers.answered_published == 3
    assert stats.answers.unanswered == 3  # no answer, or one still in draft


def test_statistics_take_the_same_statements_for_few_and_many_comments(filled, db):
    assert filled.id  # loaded before counting: only the statistics' own statements count
    with counting_statements() as few:
        revision_statistics(filled)
    author = make_user("participant", unit=make_unit(category="AS"))
    more = [make_comment(filled, author, key) for key in ["art4.p1", "art3.p1.i1", None] * 10]
    make_response(make_group(filled, more[:12]), author, "adopted")
    db.session.expire_all()
    assert filled.id
    with counting_statements() as many:
        stats = revision_statistics(filled)

    assert stats.total == 37
    assert len(few) == len(many) == 6


def test_statistics_of_an_empty_revision_are_zero(app):
    stats = revision_statistics(make_open_revision())

    answers = stats.answers
    assert (answers.received, answers.unanswered, answers.no_answer, stats.heat_maximum) == (
        0,
        0,
        0,
        0,
    )
    assert set(stats.by_clause.values()) == {0}


def _text(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def _rows(html: str, table_id: str) -> list[str]:
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    return [_text(row) for row in re.findall(r"<tr>.*?</tr>", table, re.S)]


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg.*?</svg>", html, re.S)]


def test_dashboard_page_shows_the_figures_to_an_official(filled, client, login_as):
    login_as(make_user("official"))
    english(client)

    html = text(client.get(URL))

    figures = re.findall(r'<dd id="figure-(\w+)">(\d+)</dd>', html)
    assert figures == [
        ("total", "7"),
        ("answered", "4"),  # approved or published: the summary's basis
        ("published", "3"),  # the adoption report's basis
        ("unanswered", "3"),  # no approved answer: the summary's "pending"
        ("late", "2"),
        ("general", "2"),
    ]
    labels = re.findall(r"<dt>([^<]*)</dt><dd id=\"figure-", html)
    assert labels[:4] == [
        "Comments received",
        "Answered (approved answers)",
        "Answered (published answers)",
        "Unanswered (no approved answer)",
    ]
    assert _text(re.search(r'<p[^>]*id="withdrawn-note">.*?</p>', html).group(0)) == (
        "1 withdrawn comments are not counted."
    )
    art2 = re.search(r'<li class="heat heat--(\d)" id="heat-art2">(.*?)</li>', html, re.S)
    assert art2.group(1) == "5"
    assert _text(art2.group(2)) == "第二条 Comments: 3"
    assert 'href="/m/sample-measure/r/1/c/art2"' in art2.group(2)
    assert 'href="/m/sample-measure/r/1/team/comments?clause=art2"' in art2.group(2)
    art4 = re.search(r'<li class="heat heat--(\d)" id="heat-art4">(.*?)</li>', html, re.S)
    assert (art4.group(1), _text(art4.group(2))) == ("0", "第四条 Comments: 0")
    general = re.search(r'<p[^>]*id="heat-general">(.*?)</p>', html, re.S).group(1)
    assert _text(general) == "General comments (no clause): 2"
    assert 'href="/m/sample-measure/r/1/team/comments?general=1"' in general
    chapter = re.search(r'<li class="heat-map__heading[^"]*" id="heat-ch1">(.*?)</li>', html, re.S)
    assert _text(chapter.group(1)) == "第一章 总则 Comments: 4"
    assert _rows(html, "table-categories") == [
        "Unit category Comments",
        "Certification body 3",
        "Certification training body 2",
        "Certified personnel (individual) 2",
    ]
    assert _rows(html, "table-channels") == [
        "Channel Comments",
        "Online 3",
        "Seminar 2",
        "Letter 1",
        "E-mail 1",
        "Form import 0",
    ]
    assert _rows(html, "table-dispositions") == [
        "Disposition In draft Approved Published Approved answers",
        "Adopted 0 0 2 2",
        "Partially adopted 1 0 0 0",
        "Not adopted 0 1 0 1",
        "Noted (explained) 0 0 1 1",
        "Out of scope 0 0 0 0",
        "All responses 1 1 3 4",
        "Unanswered (no approved answer) 3",
    ]


def test_dashboard_charts_are_well_formed_labelled_svg(filled, client, login_as):
    login_as(make_user("team"))
    english(client)

    svgs = _svgs(text(client.get(URL)))

    assert [svg.get("aria-label") for svg in svgs] == [
        "Key",
        "Comments per unit category",
        "Comments per channel",
        "Comments per disposition (approved answers)",
    ]
    assert {svg.get("role") for svg in svgs} == {"img"}
    channel_texts = [t.text for t in svgs[2].iter("{http://www.w3.org/2000/svg}text")]
    assert channel_texts[:4] == ["Online", "3", "Seminar", "2"]


def test_dashboard_of_an_empty_revision_renders(app, client, login_as):
    make_open_revision()
    login_as(make_user("reviewer"))
    english(client)

    response = client.get(URL)
    html = text(response)

    assert response.status_code == 200
    assert re.findall(r'<dd id="figure-(\w+)">(\d+)</dd>', html) == [
        ("total", "0"),
        ("answered", "0"),
        ("published", "0"),
        ("unanswered", "0"),
        ("late", "0"),
        ("general", "0"),
    ]
    assert set(re.findall(r'<li class="heat heat--(\d)"', html)) == {"0"}
    assert len(_svgs(html)) == 4
    assert 'id="withdrawn-note"' not in html


def test_dashboard_is_forbidden_to_participants(filled, client, login_as):
    login_as(make_user("participant"))

    response = client.get(URL)

    assert response.status_code == 403
    assert "figure-total" not in text(response)


def test_dashboard_shows_the_consulted_units_figures(filled, client, login_as, db):
    pytest.importorskip("app.triage.consulted")
    from app.accounts.models import Unit
    from app.comments.models import RevisionUnit
    from app.core.timeutil import utcnow

    commented = db.session.query(Unit).filter_by(category=UnitCategory.CB).one()
    silent = make_unit(category="RG")
    for unit in (commented, silent):
        db.session.add(RevisionUnit(revision_id=filled.id, unit_id=unit.id, invited_at=utcnow()))
    db.session.commit()
    login_as(make_user("official"))
    english(client)

    html = text(client.get(URL))

    block = re.search(r'<dl[^>]*id="consulted-figures">(.*?)</dl>', html, re.S).group(1)
    assert re.findall(r"<dt>(.*?)</dt><dd>(\d+)</dd>", block) == [
        ("Units consulted", "2"),
        ("Units that replied", "1"),
        ("Replied with comments", "1"),
        ("Replied &#34;no comments&#34;", "0"),
        ("Did not reply", "1"),
        ("Commented without being consulted", "1"),  # the training body
    ]
