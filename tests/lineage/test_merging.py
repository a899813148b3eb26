"""Hand links and the automatic links around them, with no database (lineage.merging)."""

from dataclasses import dataclass

from app.legaltext.alignment import Link, align
from app.lineage.merging import levels, with_hand_links


@dataclass(frozen=True)
class C:
    key: str
    kind: str
    parent: str | None
    text: str


@dataclass(frozen=True)
class Hand:
    from_key: str | None
    to_key: str | None
    kind: str = "modified"


def article(key, *paragraphs):
    yield C(key, "article", None, "".join(paragraphs))
    for number, text in enumerate(paragraphs, 1):
        yield C(f"{key}.p{number}", "paragraph", key, text)


OLD = [
    *article("art1", "认证机构应当建立人员管理制度。", "制度应当包括培训和考核。"),
    *article("art2", "审核员应当每年参加继续教育。"),
    *article("art3", "本办法自发布之日起施行。"),
]
NEW = [
    *article("art1", "认证机构应当建立人员管理制度。", "制度应当包括培训和考核。"),
    *article("art2", "审核员应当每两年参加继续教育。"),
    *article("art3", "本办法自公布之日起施行。"),
]


def triples(links):
    return {(k.from_key, k.to_key, k.kind) for k in links}


def test_levels_count_from_the_articles_and_skip_chapters():
    clauses = [C("ch1", "chapter", None, ""), *article("art1", "甲。", "乙。")]
    clauses.append(C("art1.p2.i1", "item", "art1.p2", "丙。"))

    assert levels(clauses) == {"art1": 0, "art1.p1": 1, "art1.p2": 1, "art1.p2.i1": 2}


def test_with_no_hand_link_the_aligners_links_are_kept_as_they_are():
    found = align(OLD, NEW)

    assert with_hand_links(found, [], OLD, NEW) == found


def test_a_hand_link_removes_the_automatic_links_of_its_clauses_and_the_rest_is_aligned_again():
    found = align(OLD, NEW)
    assert ("art2", "art2", "modified") in triples(found)

    asked = []

    def aligner(old, new):
        asked.append(([c.key for c in old], [c.key for c in new]))
        return align(old, new)

    # The team says old 第二条 became new 第三条 (wrongly or not: the team decides).
    automatic = triples(with_hand_links(found, [Hand("art2", "art3")], OLD, NEW, aligner))

    assert not {k for k in automatic if k[0] == "art2" or k[1] == "art3"}
    # Old 第三条 and new 第二条 are left: aligned again between themselves, too unlike to pair.
    assert ("art3", None, "deleted") in automatic
    assert (None, "art2", "new") in automatic
    # Inside the hand pair the paragraphs are aligned afresh (too unlike to pair); the pairs
    # nothing touched keep the aligner's paragraph links.
    assert (["art2.p1"], ["art3.p1"]) in asked
    assert {("art2.p1", None, "deleted"), (None, "art3.p1", "new")} <= automatic
    assert ("art2.p1", "art2.p1", "modified") not in automatic
    assert ("art1.p1", "art1.p1", "same") in automatic
    assert ("art1.p2", "art1.p2", "same") in automatic


def test_a_finer_hand_link_leaves_the_other_paragraphs_of_the_pair_to_be_aligned_among_themselves():
    texts = ("认证机构应当登记。", "审核员每年参加培训。", "本办法自发布之日起施行。")
    old, new = [*article("art1", *texts)], [*article("art1", *texts)]
    hand = [Hand("art1.p1", "art1.p2")]

    automatic = triples(with_hand_links(align(old, new), hand, old, new))

    assert ("art1", "art1", "same") in automatic
    assert ("art1.p3", "art1.p3", "same") in automatic  # untouched
    # art1.p2 (old) and art1.p1 (new) lost their partners; between themselves they differ.
    assert ("art1.p2", None, "deleted") in automatic
    assert (None, "art1.p1", "new") in automatic
    assert not {k for k in automatic if k[0] == "art1.p1" or k[1] == "art1.p2"}


def test_a_clause_marked_new_by_hand_is_not_paired_and_its_old_partner_is_left_deleted():
    hand = [Hand(None, "art3", "new")]

    automatic = triples(with_hand_links(align(OLD, NEW), hand, OLD, NEW))

    assert ("art3", None, "deleted") in automatic
    assert not {k for k in automatic if k[1] == "art3"}
    # The paragraphs of a deleted or new article are not aligned, as the aligner does.
    assert not {k for k in automatic if k[0] == "art3.p1" or k[1] == "art3.p1"}


def test_the_aligner_is_asked_only_about_the_clauses_left_over():
    asked = []

    def aligner(old, new):
        asked.append(([c.key for c in old], [c.key for c in new]))
        return align(old, new)

    found = [
        Link("art1", "art1", "same", 1.0),
        Link("art2", "art2", "modified", 0.9),
        Link("art3", "art3", "modified", 0.9),
        Link("art1.p1", "art1.p1", "same", 1.0),
        Link("art1.p2", "art1.p2", "same", 1.0),
        Link("art2.p1", "art2.p1", "modified", 0.9),
        Link("art3.p1", "art3.p1", "modified", 0.9),
    ]

    with_hand_links(found, [Hand("art3", "art3", "same")], OLD, NEW, aligner=aligner)

    # Same pair as the aligner's: the paragraphs keep their links, nothing is aligned again.
    assert asked == []
