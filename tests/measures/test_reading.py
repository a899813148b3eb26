"""The published draft: home, revision page, clause page, languages."""

import re

import pytest
from sqlalchemy import select

from app.core.templating import last_day, local_date
from app.measures.models import Revision
from tests.factories import THREE_ARTICLES_EN, THREE_ARTICLES_ZH, make_revision


def page(client, url, **kwargs) -> str:
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_home_lists_open_and_closed_measures_with_their_periods(demo, client, db):
    html = page(client, "/")

    open_part, closed_part = html.split('id="closed-heading"')
    assert "认证人员能力评价通用要求（征求意见稿）" in open_part
    assert '2026-11-02</time> – <time datetime="2026-12-31">2026-12-31</time>' in open_part
    # the measure's second round, opened in the demo's present, stands for it on the home page
    second = db.session.scalar(select(Revision).filter_by(number=2))
    opens, closes = local_date(second.opens_at), last_day(second.closes_at)
    card = re.search(
        r'<li class="measure-card">\s*<h3><a href="/m/certified-personnel/r/2">.*?</li>',
        open_part,
        re.S,
    )
    assert "认证人员管理办法（征求意见稿）</a></h3>" in card.group(0)
    assert "<span>第二稿</span> · " in card.group(0)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card.group(0))).split(" · ", 1)[1]
    assert words.strip() == f"征求意见时间: {opens} – {closes} 负责起草单位: 中国质量认证中心"
    assert "certified-personnel" not in closed_part


def test_revision_page_shows_every_clause_with_its_anchor(demo, client):
    html = page(client, "/m/certified-personnel/r/1")

    assert "<h1>认证人员管理办法（征求意见稿）</h1>" in html
    assert 'id="art12"' in html
    assert 'id="art12.p2"' in html
    assert 'id="art3.p1.i2"' in html
    assert len(re.findall(r'<article id="art\d+"', html)) == 50
    assert "申请人应当对其所提交材料的真实性、准确性负责。" in html
    assert 'data-cite="第十二条第二款"' in html
    assert 'href="#ch2"' in html  # the table of contents
    assert 'href="/m/certified-personnel/r/1/c/art12"' in html
    assert html.count('id="art12"') == 1


def test_revision_page_in_english_and_side_by_side(demo, client):
    english = page(client, "/m/certified-personnel/r/1?text=en")
    both = page(client, "/m/certified-personnel/r/1?text=both")

    assert "<h1>Management Measures for Certified Personnel (Draft for Comments)</h1>" in english
    assert "The applicant shall be responsible for the truthfulness" in english
    assert "申请人应当对其所提交材料的真实性" not in english
    assert "The applicant shall be responsible for the truthfulness" in both
    assert "申请人应当对其所提交材料的真实性" in both
    assert both.count('id="art12.p2"') == 1


def test_unknown_measure_revision_and_clause_are_not_found(demo, client):
    assert client.get("/m/no-such-measure/r/1").status_code == 404
    assert client.get("/m/certified-personnel/r/9").status_code == 404
    response = client.get("/m/certified-personnel/r/1/c/art999")
    assert response.status_code == 404
    assert "没有这个页面" in response.get_data(as_text=True)


def test_clause_page_shows_the_citation_breadcrumbs_and_neighbours(demo, client):
    html = page(client, "/m/certified-personnel/r/1/c/art12")

    assert "<h1>第十二条</h1>" in html
    assert "认证人员管理办法（征求意见稿）第十二条" in html
    assert "Article 12, Management Measures for Certified Personnel" in html
    assert "第二章 认证人员的能力与注册" in html
    assert 'rel="prev" href="/m/certified-personnel/r/1/c/art11"' in html
    assert 'rel="next" href="/m/certified-personnel/r/1/c/art13"' in html
    assert "http://zhengqiu.test/m/certified-personnel/r/1#art12" in html


def test_clause_page_of_an_item(demo, client):
    html = page(client, "/m/certified-personnel/r/1/c/art3.p1.i2")

    assert "<h1>第三条第一款第二项</h1>" in html
    assert "审核员，是指经注册" in html


def test_standard_draft_reads_with_its_clause_numbers(demo, client):
    html = page(client, "/m/gbt-personnel-competence/r/1")

    assert 'id="5.1.2"' in html
    assert 'id="annexA"' in html
    assert "附录A（规范性）" in html
    assert '<div id="1.p1" class="clause clause--paragraph">' in html  # a chapter's own text
    assert "本文件规定了认证人员能力评价的总则、能力要求和评价方法。" in html


@pytest.mark.parametrize("mode", ["zh", "en", "both"])
def test_revision_without_translation_falls_back_to_chinese(app, client, mode):
    make_revision()
    html = page(client, f"/m/sample-measure/r/1?text={mode}")

    assert "为了规范认证活动，制定本办法。" in html
    if mode != "zh":
        assert "没有英文译本" in html


def heading_levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/m/certified-personnel/r/1",
        "/m/certified-personnel/r/1/c/art12",
        "/m/certified-personnel/r/1/c/ch2",
        "/m/gbt-personnel-competence/r/1",
        "/m/gbt-personnel-competence/r/1/c/5.1",
    ],
)
def test_headings_start_at_one_and_never_skip_a_level(demo, client, url):
    levels = heading_levels(page(client, url))

    assert levels[0] == 1
    assert levels.count(1) == 1
    jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert jumps == []


def test_pages_have_landmarks_and_a_skip_link(demo, client):
    html = page(client, "/m/certified-personnel/r/1")

    assert '<a class="skip-link" href="#main">跳到正文</a>' in html
    assert '<header class="site-header" role="banner">' in html
    assert '<main id="main" tabindex="-1">' in html
    assert '<nav class="toc" aria-labelledby="toc-heading">' in html
    assert '<footer class="site-footer" role="contentinfo">' in html


def neighbours(client, url: str) -> tuple[str | None, str | None]:
    """The labels of a clause page's previous and next links, as a reader sees them."""
    html = page(client, url)
    previous = re.search(r'<a rel="prev" href="[^"]*">← ([^<]*)</a>', html)
    following = re.search(r'<a rel="next" href="[^"]*">([^<]*) →</a>', html)
    return (previous and previous.group(1), following and following.group(1))


STANDARD_BODY = """1 范围

本文件规定了要求。

2 总则

2.1 公正性

应公正。

2.2 持续性

应持续。

3 能力要求

3.1 知识

3.1.1 认证人员应具备通用知识。

3.1.2 认证人员应具备专业知识。

3.2 技能

3.2.1 认证人员应具备审核技能。

3.2.2 组长还应具备领导技能。

4 评价方法

4.1 评价方法的选择

应选择。
"""


def test_standard_clause_pages_link_to_units_of_their_own_depth(app, client):
    make_revision(STANDARD_BODY, family="std", measure="std-sample")
    base = "/m/std-sample/r/1/c/"

    assert neighbours(client, base + "2.2") == ("2.1", "3.1")
    assert neighbours(client, base + "3.1") == ("2.2", "3.2")
    assert neighbours(client, base + "3.2") == ("3.1", "4.1")
    assert neighbours(client, base + "3.1.1") == (None, "3.1.2")
    assert neighbours(client, base + "3.1.2") == ("3.1.1", "3.2.1")
    assert neighbours(client, base + "3.2.1") == ("3.1.2", "3.2.2")
    assert neighbours(client, base + "3.2.2") == ("3.2.1", None)
    assert neighbours(client, base + "3") == (None, None)  # a chapter has no neighbours


def test_demo_standard_clause_pages_no_longer_link_to_themselves(demo, client):
    base = "/m/gbt-personnel-competence/r/1/c/"

    assert neighbours(client, base + "5.1.1") == (None, "5.1.2")
    assert neighbours(client, base + "5.1.2") == ("5.1.1", "5.2.1")
    assert neighbours(client, base + "5.2.2") == ("5.2.1", "6.2.1")


def test_chinese_clause_pages_link_to_the_neighbouring_articles(app, client):
    make_revision()
    base = "/m/sample-measure/r/1/c/"

    assert neighbours(client, base + "art1") == (None, "第二条")
    assert neighbours(client, base + "art2.p2") == ("第一条", "第三条")
    assert neighbours(client, base + "art3") == ("第二条", "第四条")  # across chapters
    assert neighbours(client, base + "art3.p1.i2") == ("第二条", "第四条")
    assert neighbours(client, base + "art4") == ("第三条", None)


def test_english_clause_pages_link_to_the_neighbouring_articles(app, client):
    make_revision(THREE_ARTICLES_ZH, measure="en-sample")
    make_revision(THREE_ARTICLES_EN, language="en", family="en", measure="en-sample")
    base = "/m/en-sample/r/1/c/"

    assert neighbours(client, base + "art1?text=en") == (None, "Article 2")
    assert neighbours(client, base + "art2.p1?text=en") == ("Article 1", "Article 3")
    assert neighbours(client, base + "art3?text=en") == ("Article 2", None)
