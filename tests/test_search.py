"""Full-text search: Chinese and English, comments, proposed wording and clause text, catch-up."""

import logging
import re
import time
from datetime import datetime

import pytest
from whoosh import index as whoosh_index

from app.comments.services import withdraw_comment
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.search import whoosh_index as search
from tests.comments.helpers import post_comment, stored
from tests.factories import make_comment, make_open_revision, make_user


@pytest.fixture
def revision(app):
    return make_open_revision()


@pytest.fixture
def author(app):
    return make_user()


def test_a_chinese_query_finds_comments_by_body_proposed_wording_and_clause(revision, author):
    by_body = make_comment(revision, author, "art2", body="建议增加注册人员的继续教育要求。")
    by_proposed = make_comment(
        revision, author, "art1", body="建议修改。", proposed="认证人员应当每年参加继续教育。"
    )
    by_clause = make_comment(revision, author, "art3.p1.i2", body="建议删除本项。")
    make_comment(revision, author, "art4", body="施行日期过早。")

    assert search.query("继续教育", revision_id=revision.id) == [by_body.id, by_proposed.id]
    found = search.query("注册", revision_id=revision.id)
    assert found[0] == by_body.id  # its own words weigh more than those of its clause
    assert sorted(found) == sorted([by_body.id, by_clause.id])
    assert search.query("参加 继续教育", revision_id=revision.id) == [by_proposed.id]


def test_an_english_query_is_case_insensitive_and_stemmed(revision, author):
    english = make_comment(
        revision, author, "art2", body="The REGISTRATION of auditors is unclear."
    )
    make_comment(revision, author, "art2", body="建议明确审核员的注册条件。")

    assert search.query("registration", revision_id=revision.id) == [english.id]
    assert search.query("Auditor Registrations", revision_id=revision.id) == [english.id]
    assert search.query("auditors unknownword", revision_id=revision.id) == []


def test_empty_queries_and_stop_words_find_nothing(revision, author):
    make_comment(revision, author, "art2", body="The auditors.")

    assert search.query("", revision_id=revision.id) == []
    assert search.query("   ", revision_id=revision.id) == []
    assert search.query("the", revision_id=revision.id) == []


def test_results_stay_within_the_revision(revision, author):
    other = make_open_revision(measure="other-measure")
    mine = make_comment(revision, author, "art2", body="继续教育学时不足。")
    theirs = make_comment(other, author, "art2", body="继续教育学时过多。")

    assert search.query("继续教育", revision_id=revision.id) == [mine.id]
    assert search.query("继续教育", revision_id=other.id) == [theirs.id]


def test_a_comment_stored_after_the_index_was_built_is_found(revision, author):
    make_comment(revision, author, "art2", body="第一条意见。")
    assert search.query("继续教育", revision_id=revision.id) == []

    later = make_comment(revision, author, "art2", body="建议取消继续教育。")
    # entered by the team with the time it was received, earlier than the index's watermark
    letter = make_comment(
        revision, author, "art2", body="来信：继续教育应免费。", updated_at=datetime(2021, 1, 9)
    )

    assert sorted(search.query("继续教育", revision_id=revision.id)) == [later.id, letter.id]


def test_an_edited_comment_is_found_by_its_new_words(revision, author):
    comment = make_comment(revision, author, "art2", body="建议删除。")
    assert search.query("继续教育", revision_id=revision.id) == []

    comment.body = "建议增加继续教育。"
    comment.updated_at = utcnow()
    db.session.commit()

    assert search.query("继续教育", revision_id=revision.id) == [comment.id]
    assert search.query("删除", revision_id=revision.id) == []


def test_a_withdrawn_comment_disappears(revision, author):
    kept = make_comment(revision, author, "art2", body="继续教育要求过高。")
    withdrawn = make_comment(revision, author, "art2", body="继续教育要求过低。")
    assert sorted(search.query("继续教育", revision_id=revision.id)) == [kept.id, withdrawn.id]

    withdraw_comment(comment=withdrawn, actor=author, now=utcnow())
    db.session.commit()

    assert search.query("继续教育", revision_id=revision.id) == [kept.id]


def test_a_comment_posted_while_the_index_is_locked_is_found_once_released(
    app, revision, client, login_as
):
    login_as(make_user())
    assert search.query("继续教育", revision_id=revision.id) == []
    other_writer = whoosh_index.open_dir(str(search.folder())).writer()  # holds the lock
    try:
        started = time.perf_counter()
        response = post_comment(client, revision, "art2", body="建议明确继续教育的学时。")
        elapsed = time.perf_counter() - started
        [comment] = stored()

        assert response.status_code == 303
        assert response.headers["Location"] == f"/comments/{comment.receipt}?received=1"
        assert elapsed < 2.0
        assert search.query("继续教育", revision_id=revision.id) == []  # the index as it is
    finally:
        other_writer.cancel()

    assert search.query("继续教育", revision_id=revision.id) == [comment.id]


def test_index_and_remove_change_the_index_at_once(revision, author):
    comment = make_comment(revision, author, "art2", body="继续教育。")
    assert search.query("继续教育", revision_id=revision.id) == [comment.id]
    search.remove(comment.id)
    assert search.catch_up() == 0
    with search._catch_up_lock:  # no catch-up: what is seen is what remove() and index() did
        assert search.query("继续教育", revision_id=revision.id) == []
        search.index(comment)
        assert search.query("继续教育", revision_id=revision.id) == [comment.id]


def test_rebuild_command_reports_the_count_and_query_command_prints_ids(app, revision, author):
    first = make_comment(revision, author, "art2", body="继续教育学时。")
    second = make_comment(revision, author, "art1", proposed="每年参加继续教育。")
    make_comment(revision, author, "art4", body="其他。")
    withdrawn = make_comment(revision, author, "art2", body="继续教育。")
    withdrawn.status = "withdrawn"
    db.session.commit()
    runner = app.test_cli_runner()

    rebuilt = runner.invoke(args=["search", "rebuild"])
    found = runner.invoke(args=["search", "query", "继续教育", "--revision-id", str(revision.id)])

    assert rebuilt.exit_code == 0, rebuilt.output
    assert re.fullmatch(r"Indexed 3 comments in \d+\.\d s\.\n", rebuilt.output)
    assert found.exit_code == 0, found.output
    assert sorted(found.output.split()) == sorted([str(first.id), str(second.id)])


@pytest.mark.parametrize("damage", ["garbage", "missing"])
def test_a_corrupt_or_missing_index_is_rebuilt(app, revision, author, caplog, monkeypatch, damage):
    # alembic's logging.config.fileConfig (the PostgreSQL database's migration) disables
    # loggers that already exist, the app's among them
    monkeypatch.setattr(app.logger, "disabled", False)
    comment = make_comment(revision, author, "art2", body="继续教育学时。")
    assert search.query("继续教育", revision_id=revision.id) == [comment.id]
    path = search.folder()
    caplog.clear()
    if damage == "missing":
        for child in path.iterdir():
            child.unlink()
        path.rmdir()
    else:
        for child in path.iterdir():
            child.write_bytes(b"\x00not an index")

    with caplog.at_level(logging.WARNING):
        assert search.query("继续教育", revision_id=revision.id) == [comment.id]

    assert [record.getMessage()[:14] for record in caplog.records] == ["search index /"]
    assert "rebuilding it" in caplog.records[0].getMessage()
