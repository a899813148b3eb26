"""`flask drafts align OLD NEW`: the links between two drafts, from the files, no database."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "legaltext" / "alignment_data"
OLD, NEW = DATA / "ebike-2019.md", DATA / "ebike-2024.md"


def test_align_json_lists_article_rows_then_finer_rows(app):
    result = app.test_cli_runner().invoke(args=["drafts", "align", str(OLD), str(NEW), "--json"])

    assert result.exit_code == 0, result.output
    links = json.loads(result.output)["links"]
    assert set(links[0]) == {"from", "to", "kind", "score"}
    articles = [(k["from"], k["to"], k["kind"]) for k in links[:20]]
    assert articles[2:4] == [("art3", "art3", "split"), ("art3", "art4", "split")]
    assert ("art11", None, "deleted") in articles and (None, "art7", "new") in articles
    assert ("art7", "art14", "same") in articles  # moved to another chapter, word for word
    assert all("." in (k["from"] or k["to"]) for k in links[20:])
    assert {"from": "art13.p1", "to": "art11.p1", "kind": "merged", "score": 1.0} in links


def test_align_without_json_prints_a_table_with_citations(app):
    result = app.test_cli_runner().invoke(args=["drafts", "align", str(OLD), str(NEW)])

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith(
        "20 article rows (5 same, 6 modified, 2 split, 4 merged, 2 new, 1 deleted), 23 finer rows"
    )
    assert lines[3].split() == ["art3", "第三条", "art3", "第三条", "split", "1.00"]
    assert "art11 第十一条" in result.output and "deleted" in result.output


def test_align_names_the_file_and_line_of_a_bad_draft(app, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("第一条 甲。\n\n第三条 乙。\n", encoding="utf-8")

    result = app.test_cli_runner().invoke(args=["drafts", "align", str(OLD), str(bad)])
    missing = app.test_cli_runner().invoke(
        args=["drafts", "align", str(tmp_path / "none.md"), str(NEW)]
    )

    assert result.exit_code == 1
    assert f"{bad}: line 3: article number skips" in result.output
    assert missing.exit_code == 1
    assert f"{tmp_path / 'none.md'}: cannot read the file" in missing.output
