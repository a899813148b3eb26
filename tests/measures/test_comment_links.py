"""Every paragraph and item of an open draft has its own 意见 link to the comment form on it."""

import re
from datetime import date, timedelta

import pytest

from tests.factories import make_open_revision, make_revision, make_user
from tests.pages import text

STANDARD_BODY = """1 范围

本文件规定了认证人员能力评价的要求。

本文件适用于认证机构。

2 能力要求

2.1 知识

2.1.1 认证人员应具备下列通用知识：

a) 认证认可法律法规；

b) 审核的原则，包括：

1) 管理体系审核的策划；

2) 审核报告。
"""

ENGLISH_BODY = """Chapter 1 General provisions

Article 1

1. These Measures lay down rules.

2. They apply to:

(a) auditors;

(b) inspectors, including:

(i) trainees;

(ii) assessors.

Article 2

These Measures enter into force on publication.
"""

CHINESE_OF_ENGLISH = """第一章　总则

第一条　本办法规定认证人员管理规则。

本办法适用于：

（一）审核员；

（二）检查员，包括：

1. 实习检查员；

2. 评审员。

第二条　本办法自发布之日起施行。
"""


OPEN = {
    "opens": (date.today() - timedelta(days=5)).isoformat(),
    "closes": (date.today() + timedelta(days=30)).isoformat(),
}
CLOSED = {"opens": "2021-01-08", "closes": "2021-02-08"}


def cn_draft(period):
    make_revision(**period)


def std_draft(period):
    make_revision(STANDARD_BODY, family="std", **period)


def english_text(period):
    """The third family: an English draft, the translation of a Chinese one (same keys)."""
    make_revision(CHINESE_OF_ENGLISH, **period)
    make_revision(ENGLISH_BODY, language="en", family="en", **period)


# How to store a draft of each family, the text shown (?text=), and the (key, aria-label) of
# each link in document order: every paragraph, item and sub-item.
FAMILIES = {
    "cn": (
        cn_draft,
        "zh",
        [
            ("art1.p1", "对第一条第一款提出意见"),
            ("art2.p1", "对第二条第一款提出意见"),
            ("art2.p2", "对第二条第二款提出意见"),
            ("art3.p1", "对第三条第一款提出意见"),
            ("art3.p1.i1", "对第三条第一项提出意见"),
            ("art3.p1.i2", "对第三条第二项提出意见"),
            ("art4.p1", "对第四条第一款提出意见"),
        ],
    ),
    "std": (
        std_draft,
        "zh",
        [
            ("1.p1", "对1 第1段提出意见"),
            ("1.p2", "对1 第2段提出意见"),
            ("2.1.1.p1", "对2.1.1提出意见"),
            ("2.1.1.p1.i1", "对2.1.1 a)提出意见"),
            ("2.1.1.p1.i2", "对2.1.1 b)提出意见"),
            ("2.1.1.p1.i2.s1", "对2.1.1 b) 1)提出意见"),
            ("2.1.1.p1.i2.s2", "对2.1.1 b) 2)提出意见"),
        ],
    ),
    "en": (
        english_text,
        "en",
        [
            ("art1.p1", "对Article 1(1)提出意见"),
            ("art1.p2", "对Article 1(2)提出意见"),
            ("art1.p2.i1", "对Article 1(2)(a)提出意见"),
            ("art1.p2.i2", "对Article 1(2)(b)提出意见"),
            ("art1.p2.i2.s1", "对Article 1(2)(b)(i)提出意见"),
            ("art1.p2.i2.s2", "对Article 1(2)(b)(ii)提出意见"),
            ("art2.p1", "对Article 2(1)提出意见"),
        ],
    ),
}

LINK = re.compile(
    r'<a class="clause__comment-link" href="/m/sample-measure/r/1/comment\?clause=([^"]+)"'
    r' aria-label="([^"]+)">意见</a>'
)


def links(html: str) -> list[tuple[str, str]]:
    return LINK.findall(html)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_paragraph_and_item_links_to_the_form_on_it(app, client, family):
    store, shown, expected = FAMILIES[family]
    store(OPEN)

    html = text(client.get(f"/m/sample-measure/r/1?text={shown}"))

    assert links(html) == expected
    assert html.count('class="clause__comment-link"') == len(expected)


def test_the_links_are_in_the_clause_page_of_an_article_and_of_a_paragraph(app, client):
    make_open_revision()

    article = text(client.get("/m/sample-measure/r/1/c/art2"))
    paragraph = text(client.get("/m/sample-measure/r/1/c/art3.p1"))

    assert links(article) == [
        ("art2.p1", "对第二条第一款提出意见"),
        ("art2.p2", "对第二条第二款提出意见"),
    ]
    assert links(paragraph) == [
        ("art3.p1.i1", "对第三条第一项提出意见"),
        ("art3.p1.i2", "对第三条第二项提出意见"),
    ]


def test_the_links_follow_the_reader_language(app, client):
    make_open_revision()
    client.set_cookie("zq_lang", "en", domain="zhengqiu.test")

    html = text(client.get("/m/sample-measure/r/1"))

    assert (
        '<a class="clause__comment-link" href="/m/sample-measure/r/1/comment?clause=art2.p2"'
        ' aria-label="Comment on 第二条第二款">Comment</a>' in html
    )


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_no_links_once_the_period_has_closed(app, client, family):
    store, shown, expected = FAMILIES[family]
    store(CLOSED)
    paragraph = expected[1][0]

    pages = [
        text(client.get(f"/m/sample-measure/r/1?text={shown}")),
        text(client.get(f"/m/sample-measure/r/1/c/{paragraph.split('.p')[0]}?text={shown}")),
        text(client.get(f"/m/sample-measure/r/1/c/{paragraph}?text={shown}")),
    ]

    assert [links(html) for html in pages] == [[], [], []]
    assert all(f'id="{paragraph}"' in html for html in pages)  # the text itself is there


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_link_opens_the_form_on_that_clause(app, client, login_as, family):
    store, shown, expected = FAMILIES[family]
    store(OPEN)
    login_as(make_user())
    key, label = expected[4]
    href = f"/m/sample-measure/r/1/comment?clause={key}"
    assert (key, label) in links(text(client.get(f"/m/sample-measure/r/1?text={shown}")))

    form = text(client.get(href))

    heading = re.search(r"<h1>(.*)</h1>", form).group(1)
    assert (
        heading
        == {  # the form cites the Chinese text
            "cn": "对第三条第一项提出意见",
            "std": "对2.1.1 b)提出意见",
            "en": "对第一条第二款第二项第一目提出意见",
        }[family]
    )
    assert f'<input type="hidden" name="clause" value="{key}">' in form
