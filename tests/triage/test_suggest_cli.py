"""`flask triage suggest-groups`: the suggestion engine from the command line, no database."""

import json

import pytest

from app import create_app

LETTER = (
    "{unit}经研究，对第七条提出如下意见：建议明确认证认可行业协会可以开展认证人员执业行为评价、"
    "通报和行业惩戒，并与行政监管相衔接，为协会自律提供规章依据。"
)


@pytest.fixture
def runner(tmp_path):
    # A database that cannot exist: the command must never open one.
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/none.sqlite3",
        }
    )
    return app.test_cli_runner()  # Click 8.2 keeps stderr apart


def write(tmp_path, *lines):
    path = tmp_path / "comments.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def line(ident, clause, text):
    return json.dumps({"id": ident, "clause": clause, "text": text}, ensure_ascii=False)


def test_suggest_groups_prints_json_groups(runner, tmp_path):
    path = write(
        tmp_path,
        line(1, "art7.p1", LETTER.format(unit="某某省认证认可协会（示例）")),
        "",
        line("b", "art7.p1", LETTER.format(unit="某某市质量协会（示例）")),
        line(3, None, "总体赞成本次修订。"),
    )
    result = runner.invoke(args=["triage", "suggest-groups", "--input", path, "--json"])
    assert result.exit_code == 0
    assert result.stderr == ""
    groups = json.loads(result.stdout)["groups"]
    assert [(g["ids"], g["clause"], g["tier"]) for g in groups] == [([1, "b"], "art7.p1", "copies")]
    assert 0.4 <= groups[0]["similarity"] < 1


def test_suggest_groups_scope_and_threshold(runner, tmp_path):
    text = LETTER.format(unit="中国认证认可协会（示例）")
    path = write(tmp_path, line(1, "art7.p1", text), line(2, "art7.p2", text))
    args = ["triage", "suggest-groups", "--input", path, "--json"]
    assert json.loads(runner.invoke(args=args).stdout) == {"groups": []}
    draft = runner.invoke(args=[*args, "--scope", "draft", "--threshold", "0.9"])
    assert json.loads(draft.stdout) == {
        "groups": [{"ids": [1, 2], "similarity": 1.0, "clause": None, "tier": "copies"}]
    }


def test_suggest_groups_prints_a_table_without_json(runner, tmp_path):
    text = LETTER.format(unit="甲")
    path = write(tmp_path, line(1, "art7.p1", text), line(2, "art7.p1", text))
    result = runner.invoke(args=["triage", "suggest-groups", "--input", path])
    assert result.exit_code == 0
    assert result.stdout == (
        "1 suggested groups from 2 comments\n"
        "   1     2 comments  similarity 1.000  art7.p1  copies\n"
        "      ids: 1, 2\n"
    )


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            ['{"id": 1, "text": "甲"}', "{not json"],
            "line 2: not valid JSON (Expecting property name enclosed in double quotes)",
        ),
        (["[1, 2]"], "line 1: expected a JSON object"),
        (
            ['{"clause": null, "text": "甲"}'],
            'line 1: "id" must be an integer or a non-empty string',
        ),
        (['{"id": true, "text": "甲"}'], 'line 1: "id" must be an integer or a non-empty string'),
        (['{"id": 1, "clause": 12, "text": "甲"}'], 'line 1: "clause" must be a string or null'),
        (['{"id": 1, "clause": null}'], 'line 1: "text" must be a string'),
        (
            ['{"id": 1, "text": "甲"}', "", '{"id": 1, "text": "乙"}'],
            "line 3: duplicate id 1 (first on line 1)",
        ),
    ],
)
def test_suggest_groups_refuses_bad_input(runner, tmp_path, lines, message):
    path = write(tmp_path, *lines)
    result = runner.invoke(args=["triage", "suggest-groups", "--input", path, "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"Error: {path}: {message}\n"


def test_suggest_groups_refuses_a_missing_file(runner, tmp_path):
    missing = str(tmp_path / "nowhere.jsonl")
    result = runner.invoke(args=["triage", "suggest-groups", "--input", missing, "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"'{missing}' does not exist" in result.stderr
