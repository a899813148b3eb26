"""Fixtures: every database test runs on SQLite and again on a real PostgreSQL server."""

from __future__ import annotations

import contextvars
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from flask_migrate import upgrade

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
        return contextvars.Context().run(super().open, *args, **kwargs)


def build_app(database_url: str, tmp_path: Path, **overrides):
    """The application as the tests run it: the given database, mail into tmp_path, fresh
    request contexts, rate limits off unless asked for."""
    config = {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "MAIL_FOLDER": str(tmp_path / "mail"),
        "SEARCH_INDEX_DIR": str(tmp_path / "search"),
        "RATELIMIT_ENABLED": False,
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SERVER_NAME": "zhengqiu.test",
    }
    app = create_app({**config, **overrides})
    app.test_client_class = IsolatedClient
    return app


@contextmanager
def serving(app):
    """Hold the app's context for the test, then leave the database empty for the next."""
    with app.app_context():
        yield app
        _db.session.remove()
        _empty_tables()
        _db.engine.dispose()


@pytest.fixture
def app(database_url, tmp_path):
    with serving(build_app(database_url, tmp_path)) as app:
        yield app


@pytest.fixture
def limited_app(database_url, tmp_path):
    """An app with its rate limits on; a test sets the limit it checks in app.config."""
    try:
        with serving(build_app(database_url, tmp_path, RATELIMIT_ENABLED=True)) as app:
            yield app
    finally:
        limiter.enabled = False  # the limiter is one object shared by every app of the session


def _empty_tables() -> None:
    """Each test starts from empty tables (views commit, so a rollback would not be enough)."""
    with _db.engine.begin() as connection:
        for table in reversed(_db.metadata.sorted_tables):
            connection.execute(table.delete())


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


@pytest.fixture
def demo(app):
    """The demo drafts of drafts/, imported."""
    from app.demo.loader import load_demo

    load_demo()
    _db.session.commit()
    return app
