"""Storing drafts: one transaction, nothing half-written, re-imports are no-ops."""

import json

from sqlalchemy import func, select

from app.measures.models import Clause, Measure, Revision
from tests.factories import (
    DEMO_EN,
    DEMO_STD,
    DEMO_ZH,
    SHORT_BODY,
    THREE_ARTICLES_EN,
    make_revision,
    write_draft,
)


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_import_demo_draft_stores_the_clause_tree(app, db):
    result = app.test_cli_runner().invoke(args=["drafts", "import", str(DEMO_ZH)])

    assert result.exit_code == 0, result.output
    assert "imported certified-personnel revision 1" in result.output
    assert "8 chapters, 0 sections, 50 articles" in result.output
    revision = db.session.scalar(select(Revision))
    assert revision.measure.title == "认证人员管理办法（征求意见稿）"
    assert revision.measure.drafting_unit == "中国质量认证中心"
    clauses = {c.key: c for c in revision.clauses}
    assert clauses["art12"].label == "第十二条"
    assert clauses["art12"].parent.key == "ch2"
    assert clauses["art12.p2"].text == "申请人应当对其所提交材料的真实性、准确性负责。"
    assert clauses["art12.p2"].citation == "第十二条第二款"
    assert clauses["art3.p1.i2"].citation == "第三条第一款第二项"
    assert clauses["art3.p1.i2"].label == "（二）"
    assert [c.position for c in revision.clauses] == sorted(c.position for c in revision.clauses)


def test_import_english_fills_the_same_clauses(app, db):
    runner = app.test_cli_runner()
    runner.invoke(args=["drafts", "import", str(DEMO_ZH)])
    result = runner.invoke(args=["drafts", "import", str(DEMO_EN)])

    assert result.exit_code == 0, result.output
    assert "imported English text of certified-personnel revision 1" in result.output
    clauses = {c.key: c for c in db.session.scalar(select(Revision)).clauses}
    assert clauses["art12"].label_en == "Article 12"
    assert clauses["art12.p2"].text_en == (
        "The applicant shall be responsible for the truthfulness and accuracy of the "
        "materials submitted."
    )
    assert clauses["art12.p2"].citation_en == "Article 12(2)"
    assert all(c.text_en for c in clauses.values() if c.kind in ("paragraph", "item"))


def test_reimport_same_file_is_a_no_op_that_says_so(app, db):
    runner = app.test_cli_runner()
    runner.invoke(args=["drafts", "import", str(DEMO_ZH)])
    clauses_before = count(db, Clause)

    result = runner.invoke(args=["drafts", "import", str(DEMO_ZH)])

    assert result.exit_code == 0
    assert "already imported as certified-personnel revision 1; nothing changed." in result.output
    assert count(db, Clause) == clauses_before
    assert count(db, Revision) == 1


def test_import_refuses_skipped_numbering_and_writes_nothing(app, db, tmp_path):
    body = SHORT_BODY.replace("第四条", "第五条")
    path = write_draft(tmp_path, body=body)

    result = app.test_cli_runner().invoke(args=["drafts", "import", str(path)])

    assert result.exit_code == 1
    assert "line 27" in result.output
    assert "第四条" in result.output
    assert count(db, Measure) == 0
    assert count(db, Clause) == 0


def test_import_force_accepts_skipped_numbering(app, db, tmp_path):
    path = write_draft(tmp_path, body=SHORT_BODY.replace("第四条", "第五条"))

    result = app.test_cli_runner().invoke(args=["drafts", "import", str(path), "--force"])

    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(Clause.key).where(Clause.key == "art5")) == "art5"


def test_import_dry_run_stores_nothing(app, db):
    result = app.test_cli_runner().invoke(args=["drafts", "import", str(DEMO_ZH), "--dry-run"])

    assert result.exit_code == 0
    assert "would import certified-personnel revision 1" in result.output
    assert "(dry run)" in result.output
    assert count(db, Measure) == 0
    assert count(db, Clause) == 0


def test_import_of_a_changed_file_as_the_same_revision_is_refused(app, db, tmp_path):
    make_revision()
    path = write_draft(tmp_path, body=SHORT_BODY.replace("制定本办法", "特制定本办法"))

    result = app.test_cli_runner().invoke(args=["drafts", "import", str(path)])

    assert result.exit_code == 1
    assert "already stored from a different file" in result.output
    assert "revision 2" in result.output
    stored = db.session.scalar(select(Clause.text).where(Clause.key == "art1.p1"))
    assert stored == "为了规范认证活动，制定本办法。"


def test_misaligned_english_is_refused_and_writes_nothing(app, db, tmp_path):
    make_revision()
    path = write_draft(tmp_path, body=THREE_ARTICLES_EN, language="en", family="en")

    result = app.test_cli_runner().invoke(args=["drafts", "import", str(path)])

    assert result.exit_code == 1
    assert "does not align" in result.output
    assert "only in the Chinese text: art2.p2" in result.output
    assert db.session.scalar(select(func.count()).where(Clause.text_en != "")) == 0


def test_short_period_needs_a_reason(app, db, tmp_path):
    path = write_draft(tmp_path, opens="2021-01-08", closes="2021-01-20")

    result = app.test_cli_runner().invoke(args=["drafts", "import", str(path)])

    assert result.exit_code == 1
    assert "is 13 days" in result.output
    assert "short_period_reason" in result.output
    assert count(db, Revision) == 0

    path = write_draft(
        tmp_path, opens="2021-01-08", closes="2021-01-20", short_period_reason="紧急情况"
    )
    result = app.test_cli_runner().invoke(args=["drafts", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(Revision.short_period_reason)) == "紧急情况"


def test_period_is_stored_in_utc_for_shanghai_days(app, db):
    revision = make_revision(opens="2021-01-08", closes="2021-02-08")

    assert revision.opens_at.isoformat() == "2021-01-07T16:00:00"
    assert revision.closes_at.isoformat() == "2021-02-08T16:00:00"


def test_garbage_file_gives_a_line_numbered_error_not_a_traceback(app, db, tmp_path):
    path = tmp_path / "garbage.md"
    path.write_bytes(b"\xff\xfe\x00garbage\x00\x81")

    result = app.test_cli_runner().invoke(args=["drafts", "import", str(path)])

    assert result.exit_code == 1
    assert "line 1" in result.output
    assert "Traceback" not in result.output
    assert count(db, Measure) == 0


def test_parse_json_prints_the_tree_without_touching_the_database(app, db):
    result = app.test_cli_runner().invoke(args=["drafts", "parse", str(DEMO_STD), "--json"])

    assert result.exit_code == 0, result.output
    tree = json.loads(result.output)
    first = tree["clauses"][0]
    assert {"key", "kind", "number", "label", "citation", "parent", "text"} <= set(first)
    by_key = {c["key"]: c for c in tree["clauses"]}
    assert by_key["5.1.2"]["kind"] == "article"
    assert by_key["5.1.2"]["parent"] == "5.1"
    assert by_key["annexA"]["kind"] == "annex"
    assert count(db, Measure) == 0


def test_import_a_word_draft(app, db, tmp_path):
    from docx import Document as WordDocument

    from tests.factories import draft_text

    word = WordDocument()
    for line in draft_text().splitlines():
        if line.strip():
            word.add_paragraph(line)
    path = tmp_path / "draft.docx"
    word.save(path)

    result = app.test_cli_runner().invoke(args=["drafts", "import", str(path)])

    assert result.exit_code == 0, result.output
    assert "imported sample-measure revision 1: 0 parts, 2 chapters, 0 sections, 4 articles" in (
        result.output
    )
    texts = dict(db.session.execute(select(Clause.key, Clause.text)).all())
    assert texts["art3.p1.i2"] == "审核员，是指经注册的人员。"


def test_options_name_the_measure_of_a_file_without_front_matter(app, db, tmp_path):
    path = tmp_path / "plain.md"
    path.write_text(SHORT_BODY, encoding="utf-8")
    runner = app.test_cli_runner()

    refused = runner.invoke(args=["drafts", "import", str(path)])
    result = runner.invoke(
        args=[
            "drafts",
            "import",
            str(path),
            "--measure",
            "plain-measure",
            "--revision",
            "1",
            "--title",
            "某某办法（征求意见稿）",
            "--opens",
            "2026-01-01",
            "--closes",
            "2026-02-01",
        ]
    )

    assert refused.exit_code == 1
    assert "'measure' (the measure's slug) is missing" in refused.output
    assert result.exit_code == 0, result.output
    measure = db.session.scalar(select(Measure))
    assert (measure.slug, measure.title) == ("plain-measure", "某某办法（征求意见稿）")
