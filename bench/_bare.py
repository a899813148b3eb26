"""The app of bench/comment_load.py's baseline: the application plus POST /bench/bare, built
here so that nothing in app/ knows the benchmark (gunicorn runs ``bench._bare:create_bench_app``).

The endpoint inserts one row through the same stack as a participant's comment POST —
gunicorn, Flask, the signed session with its signed-in user (Flask-Login), the CSRF check, the
SQLAlchemy session, one commit, a 303 — and does nothing else, so the ratio of the two
throughputs is what the comment's own work costs. The row goes to ``bench_rows``, a table
outside the application's metadata: Alembic never sees it, and it is created here, only for
the benchmark.
"""

import secrets

from flask import Flask, redirect, request
from flask_login import login_required
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text
from sqlalchemy.schema import CreateTable

from app import create_app
from app.core.extensions import db
from app.core.timeutil import utcnow

bench_metadata = MetaData()
bench_rows = Table(
    "bench_rows",
    bench_metadata,
    Column("id", Integer, primary_key=True),
    Column("token", String(64), unique=True, nullable=False),  # like Comment.form_token
    Column("body", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)


def create_bench_app(config: dict | None = None) -> Flask:
    """``create_app(config)`` with the bare endpoint and its table."""
    app = create_app(config)
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(CreateTable(bench_rows, if_not_exists=True))

    @login_required
    def bare():
        db.session.execute(
            bench_rows.insert().values(
                token=secrets.token_urlsafe(24),
                body=request.form.get("body", ""),
                created_at=utcnow(),
            )
        )
        db.session.commit()
        return redirect("/", code=303)

    app.add_url_rule("/bench/bare", "bench_bare", bare, methods=["POST"])
    return app
