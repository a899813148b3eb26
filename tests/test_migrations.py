"""The schema comes only from migrations, and the migrations match the models."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.core.extensions import db


def test_migrated_schema_matches_the_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)

    assert differences == []


def test_sqlite_runs_with_wal_busy_timeout_and_foreign_keys(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite settings only")
    with db.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA busy_timeout").scalar() == 10000
        assert pragma("PRAGMA foreign_keys").scalar() == 1


def test_every_table_has_a_primary_key(app):
    inspector = inspect(db.engine)
    tables = [t for t in inspector.get_table_names() if t != "alembic_version"]

    assert {"clauses", "measures", "revisions"} <= set(tables)
    for table in tables:
        assert inspector.get_pk_constraint(table)["constrained_columns"] != [], table


def test_upgrading_sqlite_keeps_comments_and_their_child_rows(tmp_path):
    """Batch migrations rebuild SQLite tables; the comments' attachments, versions and
    co-signers (ON DELETE CASCADE children) must come through the rebuild untouched."""
    from flask_migrate import upgrade

    from tests.conftest import ROOT, build_app

    app = build_app(f"sqlite:///{tmp_path / 'old.sqlite3'}", tmp_path)
    with app.app_context():
        migrations = str(ROOT / "migrations")
        upgrade(directory=migrations, revision="7ec3a898a131")  # before the triage tables
        with db.engine.begin() as connection:
            run = connection.exec_driver_sql
            run("INSERT INTO measures (id, slug, title, title_en, drafting_unit, person_in_charge,"
                " phone, comments_public, names_public, receipt_prefix, created_at) VALUES"
                " (1, 'm', 'M', '', '', '', '', 'never', 0, 'M', '2021-01-01')")  # fmt: skip
            run("INSERT INTO revisions (id, measure_id, number, label, family, source_sha256, short_period_reason,"
                " source_en_sha256, created_at) VALUES (1, 1, 1, '', 'cn', '', '', '', '2021-01-01')")  # fmt: skip
            run("INSERT INTO units (id, name, category, region, example, created_at) VALUES"
                " (1, 'U', 'CB', '', 0, '2021-01-01')")  # fmt: skip
            run("INSERT INTO users (id, email, name, password_hash, role, active, phone, example,"
                " session_version, created_at) VALUES"
                " (1, 'a@example.org', 'A', 'x', 'participant', 1, '', 0, 1, '2021-01-01')")  # fmt: skip
            run("INSERT INTO comments (id, revision_id, author_id, unit_category, type, body,"
                " proposed, reason, quote_exact, quote_prefix, quote_suffix, channel, consent,"
                " official_position, receipt, content_sha256, status, late, form_token, example,"
                " created_at, updated_at) VALUES (1, 1, 1, 'IP', 'ge', '意见', '', '', '', '', '',"
                " 'online', 'private', 0, 'M-R1-000001', '', 'submitted', 0, 't', 0,"
                " '2021-01-01', '2021-01-01')")  # fmt: skip
            run("INSERT INTO attachments (comment_id, filename, mime, size, sha256, stamped, data,"
                " created_at) VALUES (1, 'a.pdf', 'application/pdf', 1, '', 0, x'25',"
                " '2021-01-01')")  # fmt: skip
            run("INSERT INTO comment_versions (comment_id, number, type, body, proposed, reason,"
                " quote_exact, consent, content_sha256, saved_at) VALUES (1, 1, 'ge', '旧', '', '',"
                " '', 'private', '', '2021-01-01')")  # fmt: skip
            run("INSERT INTO comment_cosigners (comment_id, unit_id) VALUES (1, 1)")

        upgrade(directory=migrations)

        with db.engine.connect() as connection:
            count = lambda table: connection.exec_driver_sql(  # noqa: E731
                f"SELECT count(*) FROM {table}"
            ).scalar()
            assert [count(t) for t in ("comments", "attachments", "comment_versions")] == [1, 1, 1]
            assert count("comment_cosigners") == 1
            state = connection.exec_driver_sql("SELECT state FROM comment_cosigners").scalar()
            assert state == "confirmed"  # the co-signers shown before keep being shown
            row = connection.exec_driver_sql(
                "SELECT receipt, author_name, group_id FROM comments"
            ).one()
            assert tuple(row) == ("M-R1-000001", "", None)
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        db.engine.dispose()
