"""A live server on loopback with the demo loaded, and a real Chromium driven by Playwright."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from app import create_app
from app.core.extensions import db
from app.demo.content import DEMO_PASSWORD
from app.demo.loader import load_demo
from tests.factories import make_open_revision, make_unit, make_user

BROWSER_USER = "browser@example.org"
DUPLICATE_UNIT = "中国认证认可协会（CCAA）"

CHROMIUM = Path(os.environ.get("ZQ_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ROOT = Path(__file__).resolve().parents[2]
# As root and on a closed network: no sandbox, and none of Chromium's background connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def sign_in(
    page, live_server, email: str, password: str = DEMO_PASSWORD, *, from_home: bool = False
) -> None:
    """Sign in on the sign-in page, reached by its address or (``from_home``) by clicking 登录
    on the home page. The demo's accounts share DEMO_PASSWORD; BROWSER_USER has the factories'
    PASSWORD."""
    if from_home:
        page.goto(live_server + "/")
        page.locator(".site-nav a", has_text="登录").click()
    else:
        page.goto(live_server + "/sign-in")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()


@pytest.fixture(scope="session")
def live_mail(tmp_path_factory) -> Path:
    """Where the live server writes the mail it sends (.eml files)."""
    return tmp_path_factory.mktemp("live-mail")


@pytest.fixture(scope="session")
def live_database_url(request, tmp_path_factory) -> str:
    """SQLite by default; ZQ_LIVE_DATABASE=postgresql serves the browser tests from a private
    PostgreSQL server (tests/postgres.py) instead."""
    if os.environ.get("ZQ_LIVE_DATABASE") == "postgresql":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.sqlite3'}"


@pytest.fixture(scope="session")
def live_server(live_database_url, live_mail):
    url = live_database_url
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "browser-tests", "MAIL_FOLDER": live_mail}
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        load_demo()
        db.session.commit()
        # A draft open for comment whatever the date, and a participant to comment on it.
        make_open_revision(measure="open-measure")
        make_user("participant", email=BROWSER_USER, unit=make_unit())
        # The demo's association entered a second time, for the admin to merge.
        twice = make_unit(DUPLICATE_UNIT, "AS")
        for number in (1, 2):
            make_user("participant", email=f"ccaa{number}@example.org", unit=twice)
    with serving(app) as url:
        yield url


@contextmanager
def serving(app):
    """``app`` served on a free loopback port for the block; its engine disposed after."""
    # make_server binds and listens before it returns: the port accepts as soon as the thread
    # serves, so there is nothing to wait for.
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()  # the listening socket, which shutdown() leaves open
        thread.join(timeout=10)
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is absent: install Debian's chromium package"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
