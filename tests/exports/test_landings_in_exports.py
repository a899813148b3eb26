"""The summary table's 处理意见 and the adoption report say where an adopted answer's change
landed ("见第二稿第三条第二款"), once the next revision is published."""

from datetime import date, datetime

import pytest

from app.core.extensions import db as database
from app.exports.summary import SummaryOptions, build_iso_sheet, build_summary
from app.triage.landings import set_landings
from app.triage.models import ResponseState
from tests.factories import make_comment, make_group, make_response, make_user
from tests.lineage.helpers import two_revisions
from tests.pages import english, text

NOW = datetime(2021, 2, 20, 9, 0)


def landed_pair(*, published: bool):
    first, second = two_revisions(published=published)
    team = make_user("team")
    comments = [make_comment(first, make_user(), "art2.p2", body=f"意见{i}。") for i in range(2)]
    group = make_group(first, comments, title="认证机构的义务")
    response = make_response(
        group, team, "adopted", reason="第二稿已修改。", state=ResponseState.PUBLISHED,
        published_at=NOW, reason_en="Changed in the second draft.",
    )  # fmt: skip
    set_landings(response=response, revision=second, keys=["art3.p2"], actor=team, now=NOW)
    database.session.commit()
    return first, second


def summary_answers(revision, language="zh"):
    summary = build_summary(revision, SummaryOptions(language=language), today=date(2021, 3, 1))
    return [block.answer for block in summary.blocks]


def test_the_summary_says_where_the_change_landed(app, db):
    first, _second = landed_pair(published=True)

    assert summary_answers(first) == ["采纳：第二稿已修改。见第二稿第三条第二款。"]
    sheet = build_iso_sheet(first, SummaryOptions(language="zh"), today=date(2021, 3, 1))
    assert {row.observations for row in sheet.rows} == {
        "采纳：第二稿已修改。见第二稿第三条第二款。"
    }


def test_the_english_edition_says_it_in_english(app, db):
    first, _second = landed_pair(published=True)

    [answer] = summary_answers(first, "en")

    assert answer.endswith("Changed in the second draft. See 第三条第二款 of the Second Draft.")


def test_an_unpublished_next_revision_is_not_cited(app, db):
    first, _second = landed_pair(published=False)

    assert summary_answers(first) == ["采纳：第二稿已修改。"]


@pytest.mark.parametrize("published", [True, False])
def test_the_adoption_report_says_where_the_change_landed(app, db, client, published):
    english(client)
    first, _second = landed_pair(published=published)

    html = text(client.get(f"/m/{first.measure.slug}/r/1/adoption"))

    shown = '<p class="landing">see 第三条第二款 of the Second Draft</p>' in html
    assert shown is published
