"""A clause page shows the clause's history: its text in each revision (followed through
lineage, renumbered, split and merged), the change from the revision before, the comments
each revision received there and their answers; a participant sees their own comments and
what became of the clause."""

from __future__ import annotations

import re

import pytest

from app.comments.models import Consent
from app.measures.models import CommentVisibility
from tests.factories import make_comment, make_response, make_revision, make_user
from tests.pages import counting_statements, text
from tests.reading.rounds import FIRST, SECOND, third_revision, two_revisions


def history(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    found = re.search(r'<section class="clause-history".*?</section>', text(response), re.S)
    assert found, f"no history on {url}"
    return found.group(0)


def steps(html: str) -> dict[str, str]:
    """{revision number: the step's words and marks (<ins>, <del>, links kept)}."""
    found = {}
    for number, body in re.findall(
        r'<li class="history-step[^"]*" id="history-r(\d+)">(.*?)</li>\s*(?=<li class="history-step|</ol>)',
        html,
        re.S,
    ):
        found[number] = " ".join(re.sub(r"<(?!/?(?:ins|del|a)\b)[^>]+>", " ", body).split())
    return found


@pytest.fixture
def rounds(app, db):
    first, second = two_revisions()
    first.measure.comments_public = CommentVisibility.AFTER  # both periods are closed
    db.session.commit()
    return first, second


def test_the_clause_in_each_revision_with_the_change_marked(rounds, client):
    found = steps(history(client, "/m/sample-measure/r/2/c/art3"))

    assert found["1"].startswith(
        '征求意见稿（第1稿） · <a href="/m/sample-measure/r/1/c/art2">第二条</a> '
        "认证人员应当具备相应的专业能力。"
    )
    assert found["2"].startswith(
        "第二稿（第2稿） · 第三条 本页 已修改 · 原第二条 "
        "认证人员应当具备相应的专业能力<ins>和良好的职业道德</ins>。"
    )
    # and from revision 1's page, forward to revision 2
    forward = steps(history(client, "/m/sample-measure/r/1/c/art2"))
    assert '<a href="/m/sample-measure/r/2/c/art3">第三条</a>' in forward["2"]
    assert "<ins>和良好的职业道德</ins>" in forward["2"]


def test_revisions_not_aligned_yet_show_no_history(app, client):
    make_revision(FIRST)
    make_revision(SECOND, revision="2", label="第二稿")

    response = client.get("/m/sample-measure/r/2/c/art3")

    assert response.status_code == 200
    assert 'class="clause-history"' not in text(response)


def test_a_renumbered_clause_is_followed_to_its_new_number(rounds, client):
    found = steps(history(client, "/m/sample-measure/r/1/c/art4"))

    assert found["2"].startswith(
        '第二稿（第2稿） · <a href="/m/sample-measure/r/2/c/art6">第六条</a> 未改动 · 原第四条 '
        "本办法自发布之日起施行。"
    )
    assert "<ins>" not in found["2"] and "<del>" not in found["2"]
    back = steps(history(client, "/m/sample-measure/r/2/c/art6"))
    assert '<a href="/m/sample-measure/r/1/c/art4">第四条</a>' in back["1"]


def test_a_paragraph_is_followed_with_its_article(rounds, client):
    found = steps(history(client, "/m/sample-measure/r/2/c/art3.p1"))

    assert found["1"].startswith(
        '征求意见稿（第1稿） · <a href="/m/sample-measure/r/1/c/art2.p1">第二条第一款</a> '
    )
    assert found["2"].startswith("第二稿（第2稿） · 第三条第一款 本页 已修改 · 原第二条第一款 ")


def test_a_split_clause_is_followed_to_both_parts(rounds, client):
    forward = steps(history(client, "/m/sample-measure/r/1/c/art3"))
    assert forward["2"].startswith(
        '第二稿（第2稿） · <a href="/m/sample-measure/r/2/c/art4">第四条</a>、'
        '<a href="/m/sample-measure/r/2/c/art5">第五条</a> 已拆分 '
    )
    assert "考核不合格的<ins>认证人员</ins>，不得从事认证活动。" in forward["2"]

    back = steps(history(client, "/m/sample-measure/r/2/c/art5"))
    assert '<a href="/m/sample-measure/r/1/c/art3">第三条</a>' in back["1"]
    assert "已拆分 · 拆分出的其他条款：第四条" in back["2"]


def test_a_merge_and_a_deletion_in_a_third_revision(rounds, client):
    _first, second = rounds
    third_revision(second)

    merged = steps(history(client, "/m/sample-measure/r/1/c/art3"))
    assert list(merged) == ["1", "2", "3"]
    assert merged["3"].startswith(
        '送审稿（第3稿） · <a href="/m/sample-measure/r/3/c/art3">第三条</a> 已合并 '
    )
    assert "在下一稿中与第五条合并" in steps(history(client, "/m/sample-measure/r/2/c/art4"))["2"]
    deleted = steps(history(client, "/m/sample-measure/r/2/c/art2"))
    assert deleted["3"] == "送审稿（第3稿） 已删除 本稿删去了本条。"
    assert deleted["2"].startswith("第二稿（第2稿） · 第二条 本页 新增 ")


def test_comments_on_revision_one_are_shown_on_the_revision_two_page(rounds, client, db):
    first, _second = rounds
    team = make_user("team")
    public = make_comment(
        first, make_user(), "art2.p1", body="建议增加职业道德要求。", consent=Consent.ANONYMOUS
    )
    make_comment(first, make_user(), "art2", body="不公开的意见。")  # private: counted only
    make_response(
        public, team, disposition="adopted", reason="已在第二稿中增加。", state="published"
    )

    found = steps(history(client, "/m/sample-measure/r/2/c/art3"))

    assert "本稿中本条收到 2 条意见" in found["1"]
    assert "公开的意见（1 条） 匿名" in found["1"]
    assert "建议增加职业道德要求。" in found["1"]
    assert "处理意见： 采纳 已在第二稿中增加。" in found["1"]
    assert "不公开的意见" not in found["1"]


def test_comments_stay_hidden_where_the_measure_does_not_publish_them(rounds, client, db):
    first, _second = rounds
    first.measure.comments_public = CommentVisibility.NEVER
    db.session.commit()
    make_comment(first, make_user(), "art2", body="建议增加职业道德要求。", consent=Consent.NAMED)

    found = steps(history(client, "/m/sample-measure/r/2/c/art3"))

    assert "本稿中本条收到 1 条意见" in found["1"]  # counts are shown, as on the draft's badges
    assert "建议增加职业道德要求。" not in found["1"]


def test_a_participant_sees_their_comment_and_what_became_of_the_clause(rounds, client, login_as):
    first, _second = rounds
    author = login_as(make_user())
    comment = make_comment(first, author, "art2", body="建议增加职业道德要求。")  # private
    make_comment(first, make_user(), "art2", body="别人的意见。")

    html = history(client, "/m/sample-measure/r/2/c/art3")

    own = re.search(r'<ul class="clause-history__own"[^>]*>(.*?)</ul>', html, re.S).group(1)
    assert " ".join(re.sub(r"<[^>]+>", " ", own).split()) == (
        f"您在征求意见稿（第1稿）对第二条提出的意见 ( {comment.receipt} ) "
        "→ 第二稿（第2稿）第三条（已修改）"
    )
    found = steps(html)
    assert "您在本稿中对本条提出的意见" in found["1"]
    assert f'<a class="receipt" href="/comments/{comment.receipt}">' in found["1"]
    assert "别人的意见" not in html
    receipt = text(client.get(f"/comments/{comment.receipt}"))
    assert (
        '<a class="clause-history-link" href="/m/sample-measure/r/1/c/art2#history">'
        "本条在其后各稿中的情况</a>"
    ) in receipt
    login_as(make_user())
    assert "建议增加职业道德要求。" not in history(client, "/m/sample-measure/r/2/c/art3")


def test_an_unpublished_revision_is_in_the_history_of_the_staff_only(rounds, client, login_as, db):
    _first, second = rounds
    second.published_at = None
    db.session.commit()

    assert (
        client.get("/m/sample-measure/r/1/c/art2")
        .get_data(as_text=True)
        .count('class="clause-history"')
        == 0
    )
    login_as(make_user("team"))
    found = steps(history(client, "/m/sample-measure/r/1/c/art2"))
    assert found["2"].startswith("第二稿（第2稿） 未发布 · 第三条 已修改")  # not linked


def test_the_history_costs_the_same_queries_whatever_the_number_of_revisions(rounds, client):
    _first, second = rounds
    make_comment(rounds[0], make_user(), "art3", consent=Consent.NAMED)
    client.get("/m/sample-measure/r/1/c/art3")  # warm: what every page loads once
    with counting_statements() as two:
        client.get("/m/sample-measure/r/1/c/art3")
    third_revision(second)
    with counting_statements() as three:
        assert "送审稿" in history(client, "/m/sample-measure/r/1/c/art3")

    assert len(three) == len(two)
