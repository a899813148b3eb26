"""A measure's second round open for comment is what a newcomer is offered: on the home page,
on the measure's page, and on the pages of the earlier, closed round."""

import re

from app.core.templating import last_day
from tests.factories import make_closed_revision, make_open_revision
from tests.pages import english, text


def two_rounds():
    first = make_closed_revision()
    second = make_open_revision(revision="2", label="第二次征求意见稿")
    return first, second


def notice(html: str) -> str | None:
    found = re.search(r'<p class="notice newer-draft" role="note">(.*?)</p>', html, re.S)
    return found and re.sub(r"\s+", " ", found.group(1)).strip()


def test_the_measure_opens_at_its_open_second_round(app, client):
    two_rounds()

    measure_page = text(client.get("/m/sample-measure"))
    offered = re.search(r'<p class="notice measure-open" role="note">(.*?)</p>', measure_page, re.S)
    assert 'href="/m/sample-measure/r/2">第二次征求意见稿（第2稿）</a>' in offered.group(1)
    assert "/m/sample-measure/r/1" not in offered.group(1)
    page = text(client.get("/m/sample-measure/r/2"))
    assert 'href="/m/sample-measure/r/2/comment">对全文提出意见</a>' in page
    assert notice(page) is None


def test_the_closed_first_round_points_to_the_open_second_one(app, client):
    _first, second = two_rounds()
    closes = last_day(second.closes_at)

    for url in ("/m/sample-measure/r/1", "/m/sample-measure/r/1/c/art2"):
        assert notice(text(client.get(url))) == (
            f"本办法的新一稿正在征求意见，截止日期为{closes}： "
            '<a href="/m/sample-measure/r/2">第二次征求意见稿</a>'
        )
    english(client)
    assert notice(text(client.get("/m/sample-measure/r/1"))) == (
        f"A newer draft of this measure is open for comment until {closes}: "
        '<a href="/m/sample-measure/r/2">Second Draft for Comments</a>'
    )


def test_home_offers_the_open_second_round(app, client):
    two_rounds()

    open_part = text(client.get("/")).split('id="closed-heading"')[0]
    assert '<a href="/m/sample-measure/r/2">样例管理办法（征求意见稿）</a>' in open_part
    assert "/m/sample-measure/r/1" not in open_part
