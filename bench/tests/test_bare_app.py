"""bench/_bare.py's app: the application plus POST /bench/bare, which inserts one row behind
the same sign-in and CSRF checks as a comment. Lives under bench/ (tests/ never imports bench);
pytest collects it through testpaths."""

import re
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import select

from app.accounts.models import Role, User
from app.core.extensions import db
from bench._bare import bench_rows, create_bench_app

ROOT = Path(__file__).resolve().parents[2]


def test_the_bench_app_adds_a_bare_endpoint_that_inserts_one_row(tmp_path):
    bench_app = create_bench_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'bench.sqlite3'}",
            "SECRET_KEY": "bench",
        }
    )
    with bench_app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        user = User(email="bench@example.org", name="基准", role=Role.PARTICIPANT)
        user.set_password("bench-password")
        db.session.add(user)
        db.session.commit()
        session_id = user.get_id()
    client = bench_app.test_client()

    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    anonymous = client.post("/bench/bare", data={"body": "匿名", "csrf_token": token})
    with client.session_transaction() as session:
        session["_user_id"] = session_id
    forged = client.post("/bench/bare", data={"body": "无令牌"})
    response = client.post("/bench/bare", data={"body": "一行", "csrf_token": token})

    assert anonymous.status_code == 302 and "/sign-in" in anonymous.headers["Location"]
    assert forged.status_code == 400
    assert (response.status_code, response.headers["Location"]) == (303, "/")
    with bench_app.app_context():
        rows = db.session.execute(select(bench_rows.c.body)).scalars().all()
        db.engine.dispose()
    assert rows == ["一行"]
