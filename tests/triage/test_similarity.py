"""Grouping suggestions (app.triage.similarity): quality on the labelled set, and behaviour."""

import subprocess
import sys
from pathlib import Path

import pytest

from app.triage.similarity import Item, Suggestion, suggest_groups
from testkit.labelled_set import build_labelled_set, precision_recall

ROOT = Path(__file__).resolve().parents[2]

LETTER = (
    "{unit}经研究，对第七条提出如下意见：建议明确认证认可行业协会可以开展认证人员执业行为评价、"
    "通报和行业惩戒，并与行政监管相衔接，为协会自律提供规章依据。"
)


@pytest.fixture(scope="module")
def labelled():
    return build_labelled_set()


def test_labelled_set_is_large_and_mixed(labelled):
    labels = [label for _item, label in labelled]
    assert len(labelled) >= 300
    assert labels.count(None) >= 90
    kinds = {label.rstrip("0123456789") for label in labels if label}
    assert kinds == {"topic", "paraphrase", "copy", "campaign"}


@pytest.mark.parametrize("scope", ["clause", "draft"])
def test_suggestions_meet_the_measured_floors(labelled, scope):
    # Measured at the default thresholds, both tiers: precision 0.99, recall 0.97 (both scopes).
    precision, recall = precision_recall(
        suggest_groups([item for item, _label in labelled], scope=scope), labelled
    )
    assert precision >= 0.95
    assert recall >= 0.9


def test_unrelated_comments_on_the_same_clause_are_not_copies():
    # The same-point tier needs a revision's worth of comments to weigh its words (TF-IDF);
    # it is tested on such a set in test_similarity_points.py, where these four are too.
    items = [
        Item(
            1,
            "art16.p1",
            "每年累计不少于二十四学时的要求偏高，建议改为注册有效期内累计七十二学时。",
        ),
        Item(2, "art16.p1", "赞成每年累计不少于二十四学时的要求，学时要求不能降低，否则流于形式。"),
        Item(3, "art16.p1", "继续专业发展学时如何计算？建议注册机构统一学时折算标准。"),
        Item(4, "art16.p1", "建议明确继续专业发展记录由谁保存、保存多久。"),
    ]
    assert suggest_groups(items, tiers=("copies",)) == []


def test_a_copy_with_the_units_name_changed_is_grouped():
    items = [
        Item(10, "art7.p1", LETTER.format(unit="某某省认证认可协会（示例）")),
        Item(11, "art7.p1", LETTER.format(unit="某某市质量协会（示例）")),
        Item(12, "art7.p1", "建议删除第七条第二款。"),
    ]
    [suggestion] = suggest_groups(items)
    assert suggestion.ids == [10, 11]
    assert suggestion.clause == "art7.p1"
    assert 0.4 <= suggestion.similarity < 1.0


def test_scope_clause_keeps_clauses_apart_and_draft_does_not():
    text = LETTER.format(unit="中国认证认可协会（示例）")
    items = [Item("a", "art7.p1", text), Item("b", "art7.p2", text), Item("c", None, text)]
    assert suggest_groups(items, scope="clause") == []
    assert suggest_groups(items, scope="draft") == [
        Suggestion(ids=["a", "b", "c"], similarity=1.0, clause=None, tier="copies")
    ]


def test_draft_scope_names_the_clause_when_the_group_shares_one():
    items = [
        Item(1, "art7.p1", LETTER.format(unit="甲")),
        Item(2, "art7.p1", LETTER.format(unit="乙")),
    ]
    assert [s.clause for s in suggest_groups(items, scope="draft")] == ["art7.p1"]


def test_empty_and_single_inputs_give_no_groups():
    assert suggest_groups([]) == []
    assert suggest_groups([Item(1, None, LETTER)]) == []
    assert suggest_groups([Item(1, None, ""), Item(2, None, "，。 ")]) == []


def test_groups_are_largest_first_with_sorted_mixed_ids():
    big = [Item(i, "art1.p1", LETTER.format(unit=f"单位{i}")) for i in (5, 3, 9, 11)]
    pair = [
        Item(s, "art2.p1", "建议设置过渡期，明确已注册人员、培训机构和咨询机构如何衔接新要求。" + s)
        for s in ("y", "x")
    ]
    small = [
        Item(7, "art2.p1", "建议设置过渡期，明确已注册人员、培训机构和咨询机构如何衔接新要求。")
    ]
    suggestions = suggest_groups(big + pair + small)
    assert [s.ids for s in suggestions] == [[3, 5, 9, 11], [7, "x", "y"]]


def test_the_same_input_gives_the_same_output_in_any_order(labelled):
    items = [item for item, _label in labelled]
    first = suggest_groups(items)
    assert suggest_groups(items) == first
    assert suggest_groups(list(reversed(items))) == first


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        suggest_groups([], scope="chapter")
    with pytest.raises(ValueError):
        suggest_groups([], threshold=0)
    with pytest.raises(ValueError):
        suggest_groups([], point_threshold=1.5)
    with pytest.raises(ValueError):
        suggest_groups([], tiers=("paraphrase",))


PROBE = """
import sys, types
shell = types.ModuleType("app")
shell.__path__ = [sys.argv[1] + "/app"]
sys.modules["app"] = shell
from app.triage.similarity import Item, suggest_groups
suggest_groups([Item(1, None, "甲乙丙丁"), Item(2, None, "甲乙丙丁")])
import app.triage.similarity_points  # the second tier, loaded by the call above anyway
banned = {"flask", "sqlalchemy", "flask_sqlalchemy", "werkzeug"}
print(",".join(sorted(name for name in sys.modules if name.split(".")[0] in banned)))
"""


def test_similarity_imports_neither_flask_nor_sqlalchemy():
    # A bare `app` package, so that app/__init__.py (which builds the Flask app) does not run.
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
