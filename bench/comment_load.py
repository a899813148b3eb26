"""Comments under load: concurrent participants post comments to the app under gunicorn on
loopback (4 workers × 2 threads, as `make run`; SQLite with the demo data), against a bare endpoint that
only inserts a row through the same stack (POST /bench/bare, in bench/_bare.py's app only).

Each comment is what a participant's browser does: GET the clause's comment form (csrf_token,
one-time form_token), POST it, read the receipt from the 303's Location. rps counts comments
per second of wall time; bare_rps counts bare inserts per second, with the same clients and
the same number of requests. Target: rps at least half of bare_rps.
Prints last: {"rps": …, "bare_rps": …, "ratio": …, "p95_ms": …, "receipts": …, "rows": …,
"duplicates": …, "errors_5xx": …}.
"""

import json
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from app import create_app  # noqa: E402
from app.accounts.models import Role, Unit, User  # noqa: E402
from app.comments.models import Comment  # noqa: E402
from app.core.extensions import db  # noqa: E402
from app.core.timeutil import utcnow  # noqa: E402
from app.demo.content import STANDARD_SLUG  # noqa: E402
from app.demo.loader import load_demo  # noqa: E402
from app.measures.models import Measure, Revision  # noqa: E402
from bench._common import percentile  # noqa: E402
from testkit.participants import (  # noqa: E402
    Browser,
    Outcome,
    fetch_forms,
    post_comments,
    post_forms,
    run_participants,
)
from testkit.servers import serve_gunicorn  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 20
PER_CLIENT = 40
ROUNDS = 5
TIME_LIMIT = 120  # seconds for each phase; whatever is unfinished then is not sent
PASSWORD = "bench-password-2021"
KEYS = ["4.1", "4.3", "5.1.1", "5.2.2", "6.1", "6.2.2"]


def prepare(config: dict) -> list[str]:
    """Migrate, load the demo, open the standard's period around now, add the participants."""
    app = create_app(config)
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        load_demo()
        revision = db.session.scalar(
            select(Revision).join(Measure).where(Measure.slug == STANDARD_SLUG)
        )
        revision.opens_at = utcnow() - timedelta(days=1)
        revision.closes_at = utcnow() + timedelta(days=30)
        units = db.session.scalars(select(Unit).order_by(Unit.id)).all()
        password_hash = generate_password_hash(PASSWORD)
        emails = [f"bench{i:02d}@example.org" for i in range(CLIENTS)]
        for i, email in enumerate(emails):
            unit = units[i % len(units)] if i % 2 == 0 else None  # half speak for a unit
            db.session.add(
                User(email=email, name=f"基准{i:02d}", role=Role.PARTICIPANT, unit=unit,
                     password_hash=password_hash)
            )  # fmt: skip
        db.session.commit()
        db.engine.dispose()
    return emails


def phase(setup: Callable[[int], object], run: Callable[[int, object], list]) -> tuple[list, float]:
    """Every client runs ``setup`` (not timed), then all ``run`` at once: their outcomes and the
    wall time from when all were ready to the last answer."""
    started: list[float] = []
    ready = threading.Barrier(CLIENTS, action=lambda: started.append(time.perf_counter()))

    def work(index: int) -> list:
        try:
            prepared = setup(index)
        except Exception:
            ready.abort()  # nobody waits for a client that could not get ready
            raise
        ready.wait()
        return run(index, prepared)

    outcomes = run_participants(CLIENTS, work)
    return outcomes, time.perf_counter() - started[0]


def signed_in_with_token(port: int, email: str) -> tuple[Browser, str]:
    """A participant's browser, signed in, with a CSRF token from a page it was served."""
    browser = Browser(port)
    browser.sign_in(email, PASSWORD)
    _action, hidden = browser.comment_form(STANDARD_SLUG, 1, KEYS[0])
    return browser, hidden["csrf_token"]


def post_bare(browser: Browser, token: str, body: str):
    return browser.request(
        "POST", "/bench/bare", {"csrf_token": token, "body": body}, keep_cookies=False
    )


def bare_phase(port: int, emails: list[str]) -> tuple[list[Outcome], float]:
    """The same participants, signed in, each POSTing a CSRF-checked form that inserts a row."""

    def run(index: int, prepared) -> list[Outcome]:
        browser, token = prepared
        outcomes = []
        deadline = time.monotonic() + TIME_LIMIT
        for n in range(PER_CLIENT):
            if time.monotonic() > deadline:
                break
            reply = post_bare(browser, token, f"bare {index} {n}")
            outcomes.append(Outcome(index, reply.status, None, reply.seconds, ""))
        browser.close()
        return outcomes

    return phase(lambda index: signed_in_with_token(port, emails[index]), run)


def comment_phase(port: int, emails: list[str]) -> tuple[list[Outcome], float]:
    """Comment POSTs back to back, their forms fetched first: the write path against bare."""

    def setup(index: int):
        browser = Browser(port)
        browser.sign_in(emails[index], PASSWORD)
        forms = fetch_forms(browser, slug=STANDARD_SLUG, number=1, keys=KEYS, count=PER_CLIENT)
        return browser, forms

    def run(index: int, prepared) -> list[Outcome]:
        browser, forms = prepared
        outcomes = post_forms(browser, index, forms, deadline=time.monotonic() + TIME_LIMIT)
        browser.close()
        return outcomes

    return phase(setup, run)


def flow_phase(port: int, emails: list[str]) -> tuple[list[Outcome], float]:
    """Whole submissions, as a participant makes them: GET the form, POST it, again."""

    def setup(index: int) -> Browser:
        browser = Browser(port)
        browser.sign_in(emails[index], PASSWORD)
        return browser

    def run(index: int, browser: Browser) -> list[Outcome]:
        outcomes = post_comments(
            browser,
            index,
            slug=STANDARD_SLUG,
            number=1,
            keys=KEYS,
            count=PER_CLIENT,
            deadline=time.monotonic() + TIME_LIMIT,
        )
        browser.close()
        return outcomes

    return phase(setup, run)


def count_rows(config: dict, emails: list[str]) -> tuple[int, int]:
    """Comments stored for the bench's participants, and how many share a form token."""
    app = create_app(config)
    with app.app_context():
        authors = select(User.id).where(User.email.in_(emails))
        rows = db.session.scalar(
            select(func.count()).select_from(Comment).where(Comment.author_id.in_(authors))
        )
        tokens = db.session.scalar(
            select(func.count(func.distinct(Comment.form_token))).where(
                Comment.author_id.in_(authors)
            )
        )
        db.engine.dispose()
    return rows, rows - tokens


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="zq-bench-load-"))
    config = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
        "SECRET_KEY": secrets.token_hex(16),
        "RATELIMIT_ENABLED": False,
    }
    emails = prepare(config)
    # as `make run`, plus the bare endpoint
    with serve_gunicorn(
        config, folder, factory="bench._bare:create_bench_app", workers=4, threads=2
    ) as server:
        # The first requests of each worker pay for imports and caches.
        warm, token = signed_in_with_token(server.port, emails[0])
        for _ in range(8):
            post_bare(warm, token, "warm-up")
            warm.request("GET", f"/m/{STANDARD_SLUG}/r/1")
        warm.close()
        # Bare and comment phases alternate, and the medians are kept: a burst of other load
        # on a shared machine then spoils one round, not the figure.
        bare, comments, bare_rates, comment_rates = [], [], [], []
        for _ in range(ROUNDS):
            round_bare, seconds = bare_phase(server.port, emails)
            bare += round_bare
            bare_rates.append(sum(1 for o in round_bare if o.status == 303) / seconds)
            round_comments, seconds = comment_phase(server.port, emails)
            comments += round_comments
            comment_rates.append(sum(1 for o in round_comments if o.receipt) / seconds)
        flow, flow_seconds = flow_phase(server.port, emails)
    rows, shared_tokens = count_rows(config, emails)

    received = [o.receipt for o in [*comments, *flow] if o.receipt]
    posted = sum(1 for o in comments if o.receipt)
    bare_done = sum(1 for o in bare if o.status == 303)
    rps = statistics.median(comment_rates)
    bare_rps = statistics.median(bare_rates)
    ratio = statistics.median(c / b for c, b in zip(comment_rates, bare_rates, strict=True))
    errors = sum(1 for o in [*bare, *comments, *flow] if o.status >= 500)
    print(
        f"{CLIENTS} clients × {PER_CLIENT} × {ROUNDS} rounds: {bare_done} bare inserts "
        f"(rounds: {', '.join(f'{r:.0f}/s' for r in bare_rates)}); "
        f"{posted} comment POSTs (rounds: {', '.join(f'{r:.0f}/s' for r in comment_rates)}); "
        f"{sum(1 for o in flow if o.receipt)} form+POST submissions in {flow_seconds:.2f} s; "
        f"answers {dict(Counter(o.status for o in [*bare, *comments, *flow]))}"
        + (f"; gunicorn log kept: {server.log}" if errors else ""),
        file=sys.stderr,
    )
    if not errors:
        shutil.rmtree(folder, ignore_errors=True)
    print(
        json.dumps(
            {
                "rps": round(rps, 1),
                "bare_rps": round(bare_rps, 1),
                "ratio": round(ratio, 3),
                "p95_ms": ms(percentile([o.seconds for o in comments], 0.95)),
                "bare_p95_ms": ms(percentile([o.seconds for o in bare], 0.95)),
                "flow_rps": round(sum(1 for o in flow if o.receipt) / flow_seconds, 1),
                "flow_p95_ms": ms(percentile([o.seconds for o in flow if o.status], 0.95)),
                "receipts": len(set(received)),
                "rows": rows,
                "duplicates": shared_tokens + (len(received) - len(set(received))),
                "errors_5xx": errors,
            }
        )
    )


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


if __name__ == "__main__":
    main()
