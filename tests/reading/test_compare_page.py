"""The compare page /m/<slug>/compare/<old>...<new> (修改前后对照表): one row per group of
linked articles in the new text's order, the old text beside the new with <del> and <ins>
marks, runs of unchanged articles folded, the counts at the top, links to each clause page;
the staff also see the answers tied to each row, and compare unpublished revisions."""

from __future__ import annotations

import re

import pytest

from app.triage.models import ResponseLanding
from tests.factories import make_comment, make_response, make_revision, make_user
from tests.pages import text
from tests.reading.rounds import FIRST, aligned_by_hand, two_revisions

URL = "/m/sample-measure/compare/1...2"


def page(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return text(response)


def words(html: str) -> str:
    """Tags dropped but <ins>, <del> and links; white space folded."""
    return " ".join(re.sub(r"<(?!/?(?:ins|del)\b)[^>]+>", " ", html).split())


def rows(html: str) -> dict[str, tuple[str, str, str]]:
    """{row id: (kind, old column, new column)} as words."""
    found = {}
    for row_id, kind, old, new in re.findall(
        r'<div class="compare-row compare-row--[a-z]+" id="([^"]+)">\s*'
        r'<p class="compare-row__kind">(.*?)</p>\s*'
        r'<div class="compare-row__old"[^>]*>(.*?)</div>\s*'
        r'<div class="compare-row__new"[^>]*>(.*?)</div>',
        html,
        re.S,
    ):
        found[row_id] = (words(kind), words(old), words(new))
    return found


@pytest.fixture
def rounds(app, db):
    return two_revisions()


def test_the_rows_side_by_side_with_the_changes_marked(rounds, client):
    html = page(client)

    assert rows(html) == {
        "row-art1": (
            "未改动",
            "第一条 为了规范认证人员的管理，制定本办法。",
            "第一条 为了规范认证人员的管理，制定本办法。",
        ),
        "row-art2": (
            "新增",
            "（无）",
            "第二条 <ins>国家认证认可监督管理部门负责认证人员的统一管理工作。</ins>",
        ),
        "row-art3": (
            "已修改 · 原第二条",
            "第二条 认证人员应当具备相应的专业能力。",
            "第三条 认证人员应当具备相应的专业能力<ins>和良好的职业道德</ins>。",
        ),
        "row-art4": (
            "已拆分 · 原第三条",
            "第三条 认证机构应当对认证人员进行培训和考核<del>，</del>考核不合格的，不得从事认证活动。",
            "第四条 认证机构应当对认证人员进行培训和考核<ins>。</ins> "
            "第五条 考核不合格的<ins>认证人员</ins>，不得从事认证活动。",
        ),
        "row-art6": (
            "条序变动 · 原第四条",
            "第四条 本办法自发布之日起施行。",
            "第六条 本办法自发布之日起施行。",
        ),
    }
    # the article numbers open the clause pages of their revision
    assert '<a class="compare-row__number" href="/m/sample-measure/r/1/c/art3">第三条</a>' in html
    assert '<a class="compare-row__number" href="/m/sample-measure/r/2/c/art5">第五条</a>' in html


def test_the_counts_at_the_top_and_unchanged_runs_folded(rounds, client):
    html = page(client)

    counts = re.search(r'<ul class="compare-summary__counts">(.*?)</ul>', html, re.S).group(1)
    assert words(counts) == "已修改： 1 已拆分： 1 新增： 1 条序变动： 1 未改动： 1"
    folded = re.findall(
        r'<details class="compare__unchanged">\s*<summary>(.*?)</summary>(.*?)</details>',
        html,
        re.S,
    )
    assert [(summary, re.findall(r'id="(row-[^"]+)"', body)) for summary, body in folded] == [
        ("1 条未修改", ["row-art1"]),
        ("1 条未修改", ["row-art6"]),
    ]
    assert "征求意见稿（第1稿）与第二稿（第2稿）修改前后对照表" in html


def test_the_measure_page_and_the_revision_link_to_it(rounds, client):
    link = f'href="{URL}">与上一稿对照</a>'
    assert link in page(client, "/m/sample-measure")
    assert link in page(client, "/m/sample-measure/r/2")
    assert link in page(client, "/m/sample-measure/r/2/c/art3")
    assert "与上一稿对照" not in page(client, "/m/sample-measure/r/1")


def test_the_texts_are_escaped(app, db, client):
    first = make_revision(FIRST)
    second = make_revision(
        FIRST.replace("制定本办法。", "制定本办法<script>alert(1)</script>。"),
        revision="2",
        label="第二稿",
    )
    aligned_by_hand(second, first, [], None)

    html = page(client)
    assert "<script>alert" not in html
    assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>" in html


def test_visitors_compare_published_revisions_only(rounds, client, login_as, db):
    _first, second = rounds
    second.published_at = None
    db.session.commit()

    assert client.get(URL).status_code == 404
    login_as(make_user("participant"))
    assert client.get(URL).status_code == 404
    login_as(make_user("reviewer"))
    html = page(client)
    assert '<span class="tag tag--unpublished">未发布</span>' in html
    # no clause page to open in an unpublished revision: its numbers are not links
    assert '<strong class="compare-row__number">第五条</strong>' in html


def test_a_pair_out_of_order_or_missing(rounds, client):
    assert client.get("/m/sample-measure/compare/1...3").status_code == 404
    assert client.get("/m/no-such-measure/compare/1...2").status_code == 404
    same = client.get("/m/sample-measure/compare/2...2")
    assert same.status_code == 400
    assert "对照须由前一稿到后一稿：2...2" in text(same)
    backwards = client.get("/m/sample-measure/compare/2...1")
    assert (backwards.status_code, backwards.headers["Location"]) == (302, URL)


def test_the_staff_see_the_answers_tied_to_each_row(rounds, client, login_as, db):
    first, second = rounds
    team = make_user("team")
    adopted = make_response(
        make_comment(first, make_user(), "art2"), team, "adopted", reason="增加职业道德要求。"
    )
    general = make_response(make_comment(first, make_user()), team, "partly", reason="增设一条。")
    db.session.add(ResponseLanding(response=general, revision=second, clause_key="art2"))
    db.session.commit()

    assert "增加职业道德要求" not in page(client)
    assert "compare-row__answers" not in page(client)

    login_as(make_user("official"))
    html = page(client)
    answers = dict(
        re.findall(
            r'id="(row-[^"]+)">.*?<div class="compare-row__answers">(.*?)</div>\s*</div>',
            html,
            re.S,
        )
    )
    assert words(answers["row-art3"]).startswith("采纳 草稿")
    assert "增加职业道德要求。" in answers["row-art3"]
    assert f'/m/sample-measure/r/1/team/comments/{adopted.comment_id}"' in answers["row-art3"]
    assert "增设一条。" in answers["row-art2"]
    assert words(answers["row-art1"]) == ""
    assert "相关处理意见" in html


def test_a_correction_of_the_links_shows_at_once(rounds, client, db):
    """The rows are cached per pair; a link set by hand afterwards changes them."""
    from app.lineage.models import ClauseLink, LinkKind

    first, second = rounds
    assert rows(page(client))["row-art2"][0] == "新增"
    # the team says revision 2's 第二条 came from revision 1's 第二条 after all (a split)
    db.session.add(
        ClauseLink(
            revision_id=second.id,
            previous_revision_id=first.id,
            from_key="art2",
            to_key="art2",
            kind=LinkKind.SPLIT,
            by_hand=True,
        )
    )
    db.session.commit()

    found = rows(page(client))
    assert "row-art2" in found and found["row-art2"][0].startswith("已拆分")
    assert "row-art3" not in found  # one row now: 第二条 → 第二条、第三条
