"""Aligning revisions: each kind of link on small drafts (real revisions are in
test_alignment_real.py)."""

from app.legaltext import parse
from app.legaltext.alignment import Link, align, normalise


def links_of(old_text: str, new_text: str) -> list[tuple]:
    return [
        (link.from_key, link.to_key, link.kind)
        for link in align(parse(old_text).clauses, parse(new_text).clauses)
    ]


def articles_only(links: list[tuple]) -> list[tuple]:
    return [link for link in links if "." not in (link[0] or link[1])]


# -- each kind, on small drafts ------------------------------------------------------------

FOUR = """第一条 为了规范认证人员的执业行为，提高认证活动的有效性，制定本办法。

第二条 本办法所称认证人员，是指在认证机构从事认证审核和检查活动的人员。

第三条 认证人员应当遵守法律法规，恪守职业道德，客观公正地开展认证活动。

第四条 本办法自发布之日起施行。
"""


def test_an_inserted_article_is_new_and_the_renumbered_ones_stay_the_same():
    new = FOUR.replace(
        "第三条 认证人员应当遵守",
        "第三条 认证机构应当建立认证人员档案，记录其培训、考核和执业情况。\n\n第四条 认证人员应当遵守",
    ).replace("第四条 本办法自", "第五条 本办法自")

    assert links_of(FOUR, new) == [
        ("art1", "art1", "same"),
        ("art2", "art2", "same"),
        (None, "art3", "new"),
        ("art3", "art4", "same"),
        ("art4", "art5", "same"),
        ("art1.p1", "art1.p1", "same"),
        ("art2.p1", "art2.p1", "same"),
        ("art3.p1", "art4.p1", "same"),
        ("art4.p1", "art5.p1", "same"),
    ]


def test_an_article_inserted_as_zhi_yi_keeps_the_others_where_they_were():
    new = FOUR.replace(
        "第三条 认证人员应当遵守",
        "第二条之一 认证机构应当建立认证人员档案，记录其培训、考核和执业情况。\n\n第三条 认证人员应当遵守",
    )
    assert articles_only(links_of(FOUR, new)) == [
        ("art1", "art1", "same"),
        ("art2", "art2", "same"),
        (None, "art2-1", "new"),
        ("art3", "art3", "same"),
        ("art4", "art4", "same"),
    ]


def test_a_deleted_article_is_listed_where_it_stood():
    new = (
        FOUR.replace(
            "第二条 本办法所称认证人员，是指在认证机构从事认证审核和检查活动的人员。\n\n", ""
        )
        .replace("第三条", "第二条")
        .replace("第四条", "第三条")
    )
    assert articles_only(links_of(FOUR, new)) == [
        ("art1", "art1", "same"),
        ("art2", None, "deleted"),
        ("art3", "art2", "same"),
        ("art4", "art3", "same"),
    ]


def test_numbers_do_not_decide_two_articles_that_swapped_places_keep_their_texts():
    swapped = FOUR.replace("第二条 本办法所称", "第三条 本办法所称").replace(
        "第三条 认证人员应当", "第二条 认证人员应当"
    )
    swapped_lines = swapped.split("\n\n")
    swapped = "\n\n".join([swapped_lines[0], swapped_lines[2], swapped_lines[1], swapped_lines[3]])
    assert articles_only(links_of(FOUR, swapped)) == [
        ("art1", "art1", "same"),
        ("art3", "art2", "same"),
        ("art2", "art3", "same"),
        ("art4", "art4", "same"),
    ]


def test_a_reworded_article_is_modified_and_punctuation_alone_is_not_a_change():
    new = FOUR.replace(
        "客观公正地开展认证活动", "独立、客观、公正地开展认证审核活动，不得弄虚作假"
    ).replace("提高认证活动的有效性，", "提高认证活动的有效性；")
    links = align(parse(FOUR).clauses, parse(new).clauses)
    kinds = {(link.from_key, link.to_key): link.kind for link in links}
    assert kinds[("art1", "art1")] == "same"
    assert kinds[("art3", "art3")] == "modified"
    score = next(link.score for link in links if link.from_key == "art3")
    assert 0.5 < score < 0.95


def test_an_unrelated_article_in_the_place_of_a_deleted_one_is_not_forced_on_it():
    new = FOUR.replace(
        "本办法所称认证人员，是指在认证机构从事认证审核和检查活动的人员。",
        "国务院财政部门会同有关部门制定本市公共停车场收费标准。",
    )
    assert articles_only(links_of(FOUR, new)) == [
        ("art1", "art1", "same"),
        ("art2", None, "deleted"),
        (None, "art2", "new"),
        ("art3", "art3", "same"),
        ("art4", "art4", "same"),
    ]


SPLIT_OLD = """第一条 为了规范认证人员的执业行为，制定本办法。

第二条 认证人员应当具备相应的专业知识和工作经历，并通过认证机构组织的考核。

认证机构应当对认证人员的执业行为进行监督，每年至少组织一次业务培训，并保存培训记录。

第三条 本办法自发布之日起施行。
"""

SPLIT_NEW = """第一条 为了规范认证人员的执业行为，制定本办法。

第二条 认证人员应当具备相应的专业知识和工作经历，并通过认证机构组织的考核。

第三条 认证机构应当对认证人员的执业行为进行监督，每年至少组织一次业务培训，并保存培训记录。

第四条 本办法自发布之日起施行。
"""


def test_an_article_split_in_two_gives_one_row_per_new_article_with_the_same_from():
    assert links_of(SPLIT_OLD, SPLIT_NEW) == [
        ("art1", "art1", "same"),
        ("art2", "art2", "split"),
        ("art2", "art3", "split"),
        ("art3", "art4", "same"),
        ("art1.p1", "art1.p1", "same"),
        ("art2.p1", "art2.p1", "same"),
        ("art2.p2", "art3.p1", "same"),
        ("art3.p1", "art4.p1", "same"),
    ]


def test_two_articles_merged_give_one_row_per_old_article_with_the_same_to():
    assert links_of(SPLIT_NEW, SPLIT_OLD) == [
        ("art1", "art1", "same"),
        ("art2", "art2", "merged"),
        ("art3", "art2", "merged"),
        ("art4", "art3", "same"),
        ("art1.p1", "art1.p1", "same"),
        ("art2.p1", "art2.p1", "same"),
        ("art3.p1", "art2.p2", "same"),
        ("art4.p1", "art3.p1", "same"),
    ]


ITEMS_OLD = """第一条 申请认证人员注册的，应当提交下列材料：

（一）注册申请书；

（二）身份证明；

（三）学历证明。

认证机构应当自收到材料之日起十日内作出决定。
"""

ITEMS_NEW = """第一条 申请认证人员注册的，应当提交下列材料：

（一）注册申请书；

（二）学历证明和工作经历证明；

（三）无犯罪记录的书面承诺。

认证机构应当在收到申请之日起二十个工作日内作出决定。

决定不予注册的，应当书面说明理由。
"""


def test_finer_rows_link_paragraphs_and_items_inside_an_aligned_article():
    links = links_of(ITEMS_OLD, ITEMS_NEW)
    assert links == [
        ("art1", "art1", "modified"),
        ("art1.p1", "art1.p1", "modified"),
        ("art1.p1.i1", "art1.p1.i1", "same"),
        ("art1.p1.i2", None, "deleted"),
        ("art1.p1.i3", "art1.p1.i2", "modified"),
        (None, "art1.p1.i3", "new"),
        ("art1.p2", "art1.p2", "modified"),
        (None, "art1.p3", "new"),
    ]


def test_english_articles_are_aligned_like_chinese_ones():
    old = """Article 1
1. This Regulation lays down rules for certified personnel.

Article 2
1. Certification bodies shall keep a record of each auditor.

2. The record shall be kept for five years.

Article 3
1. This Regulation enters into force on the day of its publication.
"""
    new = """Article 1
1. This Regulation lays down rules for certified personnel.

Article 2
1. Auditors shall complete twenty hours of training each year.

Article 3
1. Certification bodies shall keep a record of each auditor.

2. The record shall be kept for ten years.

Article 4
1. This Regulation enters into force on the day of its publication.
"""
    links = links_of(old, new)
    assert articles_only(links) == [
        ("art1", "art1", "same"),
        (None, "art2", "new"),
        ("art2", "art3", "modified"),
        ("art3", "art4", "same"),
    ]
    assert ("art2.p1", "art3.p1", "same") in links
    assert ("art2.p2", "art3.p2", "modified") in links


def test_links_read_as_json_with_scores_between_zero_and_one():
    links = align(parse(SPLIT_OLD).clauses, parse(SPLIT_NEW).clauses)
    assert links[1].to_json() == {"from": "art2", "to": "art2", "kind": "split", "score": 1.0}
    assert Link(None, "art9", "new", 0.87654).to_json() == {
        "from": None,
        "to": "art9",
        "kind": "new",
        "score": 0.8765,
    }
    assert all(0.0 <= link.score <= 1.0 for link in links)


def test_normalise_drops_whitespace_and_punctuation_only():
    assert normalise("第一款、 第二款，\n（一）ａｂ；") == normalise("第一款第二款（一）ab")
    assert normalise("处三年以下") != normalise("处五年以下")
