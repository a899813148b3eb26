"""One figure, one value: the summary's totals, the adoption report's counts and the team's
dashboard read the same definitions (app/triage/figures.py), each page naming its basis —
answers approved by a reviewer (已审定的处理意见) or published ones (已公布的处理意见)."""

import json
import re

import pytest

from app.triage.models import ResponseState
from tests.factories import (
    make_closed_revision,
    make_comment,
    make_group,
    make_response,
    make_user,
)
from tests.pages import text


@pytest.fixture
def answered(app):
    """Eight comments: a group of three adopted and published, one partly adopted and
    published, one partly adopted and approved, one not adopted in draft, two unanswered."""
    revision = make_closed_revision()
    team = make_user("team")
    author = make_user(name="李甲")
    c = [make_comment(revision, author, key) for key in ("art1", "art1", "art2", "art2")]
    c += [make_comment(revision, author, key) for key in ("art3", "art4", "art4", None)]
    group = make_group(revision, c[:3])
    make_response(group, team, "adopted", reason="", state=ResponseState.PUBLISHED)
    make_response(c[3], team, "partly", reason="部分采纳。", state=ResponseState.PUBLISHED)
    make_response(c[4], team, "partly", reason="已修改。", state=ResponseState.APPROVED)
    make_response(c[5], team, "not_adopted", reason="草稿。")  # in draft: not counted
    return revision


def _figures(html: str, pattern: str) -> list[tuple[str, str]]:
    return [(label.strip(), value) for label, value in re.findall(pattern, html, re.S)]


def test_summary_adoption_report_and_dashboard_agree(answered, client, login_as):
    revision = answered
    base = f"/m/{revision.measure.slug}/r/{revision.number}"
    login_as(make_user("official", name="国家局官员"))  # reads all three (zh, the default)

    summary = json.loads(client.get(f"{base}/downloads/summary.json?lang=zh").data)
    report = text(client.get(f"{base}/adoption"))
    dashboard = text(client.get(f"{base}/team/dashboard"))

    # The summary: approved answers, so the partly adopted answer still only approved counts.
    assert summary["labels"]["totals_title"] == "合计（已审定的处理意见）"
    assert [(t["caption"], t["figure"]) for t in summary["totals"]] == [
        ("意见", 8), ("采纳", 3), ("部分采纳", 2), ("未采纳", 0), ("说明", 0),
        ("不属于本文件调整范围", 0), ("待处理", 3),
    ]  # fmt: skip
    # The adoption report: published answers only, and it says so.
    assert _figures(report, r"<dt>([^<]*)</dt><dd id=\"figure-[\w-]+\">(\d+)</dd>") == [
        ("收到的意见", "8"),
        ("已公布处理意见的意见", "4"),
        ("已公布的处理意见：采纳", "3"),
        ("已公布的处理意见：部分采纳", "1"),
        ("已公布的处理意见：未采纳", "0"),
        ("已公布的处理意见：说明", "0"),
        ("已公布的处理意见：不属于本文件调整范围", "0"),
    ]
    # The dashboard: both bases, each labelled; the same basis gives the same number.
    assert _figures(
        dashboard,
        r"<dt>([^<]*)</dt><dd id=\"figure-(?:total|answered|published|unanswered)\">(\d+)</dd>",
    ) == [
        ("收到的意见", "8"),  # = the summary's 意见 and the report's 收到的意见
        ("已答复（已审定的处理意见）", "5"),  # = the summary's 3 + 2
        ("已答复（已公布的处理意见）", "4"),  # = the report's 4
        ("未答复（无已审定的处理意见）", "3"),  # = the summary's 待处理
    ]
