"""Fixtures: every database test runs on SQLite and again on a real PostgreSQL server.

One app per engine serves the session's tests. Each test runs inside one transaction on one
connection, rolled back at the end: every database session of the test (the test's own, and
the one of each request, which IsolatedClient runs in a fresh context) is bound to that
connection and joins it with a SAVEPOINT, so a view's commit releases a savepoint and the
rollback still undoes it. Tests marked ``committed`` need data that other connections,
threads or processes can read: they get their own app, commit for real, and empty the tables
afterwards.
"""

from __future__ import annotations

import contextvars
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from flask_migrate import upgrade
from flask_sqlalchemy.session import Session
from sqlalchemy import create_engine, event, make_url

from app import create_app
from app.core.extensions import db as _db
from app.core.extensions import limiter
from tests.postgres import PrivateServer, Unavailable

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def postgres_url():
    if os.environ.get("ZQ_TEST_POSTGRES_URL"):
        yield os.environ["ZQ_TEST_POSTGRES_URL"]
        return
    try:
        server = PrivateServer()
        url = server.start()
    except Unavailable as error:
        if IN_CI:  # in CI a missing database server is a failure, never a silent skip
            pytest.fail(f"PostgreSQL is required in CI: {error}")
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    yield url
    server.stop()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    """A migrated, empty database of each engine, shared by the session's tests."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'test.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        _db.engine.dispose()
    return url


class IsolatedClient(FlaskClient):
    """Each request runs in an empty context, as in production: its own app context, ``g``
    and database session, even while the test itself holds an app context open."""

    def open(self, *args, **kwargs):
        _release_test_savepoint()
        return contextvars.Context().run(super().open, *args, **kwargs)


def build_app(database_url: str, tmp_path: Path, **overrides):
    """The application as the tests run it: the given database, mail into tmp_path, fresh
    request contexts, rate limits off unless asked for."""
    config = {
        "SQLALCHEMY_DATABASE_URI": database_url,
        **per_test_config(tmp_path),
        "RATELIMIT_ENABLED": False,
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SERVER_NAME": "zhengqiu.test",
    }
    app = create_app({**config, **overrides})
    app.test_client_class = IsolatedClient
    return app


def per_test_config(tmp_path: Path) -> dict:
    """What no two tests may share: the mail they send and the search index they build."""
    return {"MAIL_FOLDER": str(tmp_path / "mail"), "SEARCH_INDEX_DIR": str(tmp_path / "search")}


# -- one transaction per test ---------------------------------------------------------------


class _BoundSession(Session):
    """Flask-SQLAlchemy's session picks the engine by bind key and so ignores ``bind``; here
    ``bind`` is the test's connection and wins."""

    def get_bind(self, *args, **kwargs):
        if self.bind is not None:
            return self.bind
        return super().get_bind(*args, **kwargs)


def _savepoints_on_sqlite(engine) -> None:
    """pysqlite delays BEGIN until the first write and never sends one before a SAVEPOINT, so
    a released savepoint would commit; let SQLAlchemy send BEGIN itself (SQLAlchemy's recipe
    for SAVEPOINT on pysqlite)."""

    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _explicit_begin(connection):
        connection.exec_driver_sql("BEGIN")


@pytest.fixture(scope="session")
def shared_app(database_url, tmp_path_factory):
    """The one app of each engine; a test's own folders and settings are put on it by
    ``configured``."""
    app = build_app(database_url, tmp_path_factory.mktemp("shared-app"))
    with app.app_context():
        if _db.engine.dialect.name == "sqlite":
            _savepoints_on_sqlite(_db.engine)
    yield app
    with app.app_context():
        _db.engine.dispose()


@contextmanager
def rolled_back(app):
    """Bind every database session opened inside the block, in whatever context, to one
    connection whose transaction is rolled back at the end."""
    with app.app_context():
        connection = _db.engine.connect()
    transaction = connection.begin()
    original = _db.session
    _db.session = _db._make_scoped_session(
        {
            "class_": _BoundSession,
            "bind": connection,
            "join_transaction_mode": "create_savepoint",  # a commit releases a savepoint
        }
    )
    try:
        yield
    finally:
        for session in list(_db.session.registry.registry.values()):
            session.close()  # any context left open (a request context never popped)
        _db.session = original
        transaction.rollback()
        connection.close()


def _release_test_savepoint() -> None:
    """Commit the test's own session (its savepoint) before a request, without expiring its
    objects. A request's commit would otherwise be nested in the savepoint of the test's last
    reads, and the test's next rollback or ``db.session.remove()`` would undo it, which a
    real commit never allows."""
    if not has_app_context() or not _db.session.registry.has():
        return
    session = _db.session()
    if isinstance(session, _BoundSession) and session.in_transaction():
        session.expire_on_commit = False
        try:
            session.commit()
        finally:
            session.expire_on_commit = True


@contextmanager
def configured(app, **settings):
    """``settings`` on ``app`` for the block; afterwards its config as it was (tests also set
    values of their own in app.config)."""
    saved = app.config.copy()
    app.config.update(settings)
    try:
        yield app
    finally:
        app.config.clear()
        app.config.update(saved)


@contextmanager
def serving(app):
    """Hold the app's context for a test that commits for real, then leave the database
    empty for the next."""
    with app.app_context():
        yield app
        _db.session.remove()
        _empty_tables()
        _db.engine.dispose()


def _empty_tables() -> None:
    with _db.engine.begin() as connection:
        for table in reversed(_db.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def app(request, shared_app, database_url, tmp_path):
    if request.node.get_closest_marker("committed"):
        with serving(build_app(database_url, tmp_path)) as app:
            yield app
        return
    # The limiter is one object; any app built since (the live server's, a test's own) may
    # have turned it on. The shared app runs with it off, as each test's own app used to.
    limiter.enabled = False
    # A test that asks for the demo runs on the engine's second database, which holds it.
    serving_app = (
        request.getfixturevalue("demo_app") if "demo" in request.fixturenames else shared_app
    )
    with (
        rolled_back(serving_app),
        configured(serving_app, **per_test_config(tmp_path)),
        serving_app.app_context(),
    ):
        yield serving_app


@pytest.fixture
def limited_app(shared_app, database_url, tmp_path):
    """An app with its rate limits on; a test sets the limit it checks in app.config. Its
    own app, so that its limiter starts with empty counters."""
    limited = build_app(database_url, tmp_path, RATELIMIT_ENABLED=True)
    try:
        with rolled_back(shared_app), limited.app_context():
            yield limited
    finally:
        limiter.enabled = False  # the limiter is one object shared by every app of the session
        with limited.app_context():
            _db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def login_as(client):
    """Sign ``user`` in on ``client`` (as Flask-Login's session does), without the form."""

    def login(user):
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return user

    return login


def _sibling_database(url: str, name: str, folder: Path) -> str:
    """A second, empty database of ``url``'s engine: a file in ``folder`` for SQLite, a
    database on the same server for PostgreSQL."""
    if url.startswith("sqlite"):
        return f"sqlite:///{folder / (name + '.sqlite3')}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def demo_app(database_url, tmp_path_factory):
    """The app of a second database of the engine, which holds the demo (the drafts of
    drafts/ and the example data, committed once); the tests that ask for ``demo`` run on it,
    each in a rolled-back transaction like every other test."""
    from app.demo.loader import load_demo

    folder = tmp_path_factory.mktemp("demo-app")
    app = build_app(_sibling_database(database_url, "zq_demo", folder), folder)
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        load_demo()
        _db.session.commit()
        _db.session.remove()
        _db.engine.dispose()
        if _db.engine.dialect.name == "sqlite":
            _savepoints_on_sqlite(_db.engine)
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture
def demo(app):
    """The demo, as ``flask demo`` loads it: ``app`` serves the test from ``demo_app``."""
    return app
