"""testkit/revised_law.py's revision of a law: the text parses, and its known answer accounts for
every article of both texts as the counts asked for. A small code of its own, so that the test
needs no corpus."""

from collections import Counter

from app.legaltext import parse
from app.legaltext.numerals import int_to_cn
from testkit.revised_law import revise

OFFENCES = (
    "盗伐林木",
    "非法狩猎",
    "走私普通货物",
    "伪造公文",
    "聚众斗殴",
    "非法行医",
    "虐待被监护人",
)


def small_code() -> str:
    lines = ["# 示例刑法", "", "## 第一编 总则", "", "### 第一章 任务", ""]
    number = 0

    def article(*paragraphs: str) -> None:
        nonlocal number
        number += 1
        lines.extend([f"第{int_to_cn(number)}条 {paragraphs[0]}", "", *paragraphs[1:], ""])

    for k in range(4):
        article(f"本法第{int_to_cn(k + 1)}项任务是保护人民，惩罚犯罪，维护社会秩序。")
    lines += ["## 第二编 分则", "", "### 第一章 妨害社会管理秩序罪", ""]
    for k, offence in enumerate(OFFENCES * 2):
        article(
            f"{offence}，情节严重的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金；"
            f"情节特别严重的，处三年以上七年以下有期徒刑，并处罚金（第{k + 1}种）。",
            "单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，"
            "依照前款的规定处罚。",
        )
    lines += ["## 附则", ""]
    article("本法自公布之日起施行。")
    return "\n".join(lines)


def test_the_revision_parses_and_its_answer_accounts_for_every_article():
    text = small_code()
    revision = revise(text, seed=3, inserted=3, deleted=2, rewritten=2, split=1, merged=1)
    old, new = parse(text), parse(revision.text)
    old_keys = [c.key for c in old.clauses if c.kind == "article"]
    new_keys = [c.key for c in new.clauses if c.kind == "article"]

    kinds = Counter(kind for _, _, kind in revision.expected)
    assert kinds == {"same": 12, "modified": 2, "split": 2, "merged": 2, "new": 3, "deleted": 2}
    assert len(new_keys) == len(old_keys) + 3 - 2 + 1 - 1
    # Every article of each text is in the answer, and only split and merged rows share one.
    assert sorted(f for f, _, _ in revision.expected if f) == sorted(
        old_keys + [f for f, _, kind in revision.expected if kind == "split"][1:]
    )
    assert sorted(t for _, t, _ in revision.expected if t) == sorted(
        new_keys + [t for _, t, kind in revision.expected if kind == "merged"][1:]
    )
    # Renumbered throughout: article n of the revision is 第n条, whatever it was before.
    assert [c.number for c in new.clauses if c.kind == "article"] == list(range(1, 21))
    # The closing article is kept word for word; a split's parts stand side by side.
    assert (old_keys[-1], new_keys[-1], "same") in revision.expected
    parts = [t for _, t, kind in revision.expected if kind == "split"]
    assert abs(new_keys.index(parts[0]) - new_keys.index(parts[1])) == 1


def test_the_revision_is_the_same_for_the_same_seed():
    text = small_code()
    first = revise(text, seed=5, inserted=2, deleted=1, rewritten=1, split=1, merged=1)
    again = revise(text, seed=5, inserted=2, deleted=1, rewritten=1, split=1, merged=1)
    other = revise(text, seed=6, inserted=2, deleted=1, rewritten=1, split=1, merged=1)
    assert (first.text, first.expected) == (again.text, again.expected)
    assert first.text != other.text
