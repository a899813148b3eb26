"""The schema comes only from migrations, and the migrations match the models."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.extensions import db


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
