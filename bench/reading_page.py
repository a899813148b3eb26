"""Server time of the revision page of a 450-article revision, through the test client.

Baseline in the same run: an endpoint that returns the same HTML from a constant, so the ratio
is what rendering the draft costs over just serving bytes through Flask. Target: within 3x.
Prints last: {"p50_ms": …, "p95_ms": …, "ratio_vs_constant": …}.
"""

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from app import create_app  # noqa: E402
from app.core.extensions import db  # noqa: E402
from app.core.timeutil import zone  # noqa: E402
from app.legaltext import parse  # noqa: E402
from app.measures.services import import_revision, sha256_hex  # noqa: E402
from bench._common import large_draft, median, percentile, timed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 50


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="zq-bench-"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}"})
    text = large_draft(450)
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        document = parse(text)
        import_revision(document=document, source_sha256=sha256_hex(text.encode()), tz=zone())
        db.session.commit()
        clauses = len(document.clauses)

    client = app.test_client()
    url = "/m/bench-large/r/1"
    first = client.get(url)
    html = first.get_data(as_text=True)
    if first.status_code != 200 or html.count('<article id="art') != 450:
        sys.exit(f"the revision page did not render its 450 articles (HTTP {first.status_code})")
    app.view_functions["measures.home"] = lambda: html  # the constant baseline: same HTML
    assert client.get("/").get_data(as_text=True) == html

    for _ in range(5):  # warm-up both paths
        client.get(url)
        client.get("/")
    # Interleaved, so that a change in the machine's load falls on both series alike.
    page, constant = [], []
    for _ in range(REQUESTS):
        page += timed(lambda: client.get(url), 1)
        constant += timed(lambda: client.get("/"), 1)

    print(f"revision page: 450 articles, {clauses} clauses, {len(html)} bytes", file=sys.stderr)
    print(
        json.dumps(
            {
                "p50_ms": round(median(page) * 1000, 2),
                "p95_ms": round(percentile(page, 0.95) * 1000, 2),
                "constant_p50_ms": round(median(constant) * 1000, 3),
                "ratio_vs_constant": round(median(page) / median(constant), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
