"""Server time of the compare page (修改前后对照表) of a large pair against the revision page of
the same draft, in the same run, through the test client.

The pair: the criminal code (revision 1) and a revision of it made by testkit/revised_law.py
(20 articles inserted, 10 deleted, 10 rewritten, 5 split, 5 merged, all renumbered: revision
2), stored and aligned as an import would (align_revision). Both pages are asked in turn, so
that a change in the machine's load falls on both series alike; the first request of each
renders what the page caches (the draft, the comparison's rows), the figures are the warm
ones, and the cold time of the comparison (computed and rendered, nothing cached) is printed
too. Target: compare p50 within 3x the revision page's.
Prints last: {"compare_p50_ms": …, "page_p50_ms": …, "ratio": …, "compare_cold_ms": …}.
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from app import create_app  # noqa: E402
from app.core.extensions import db  # noqa: E402
from app.core.timeutil import zone  # noqa: E402
from app.legaltext import parse  # noqa: E402
from app.lineage.services import align_revision  # noqa: E402
from app.measures.reading import fragments  # noqa: E402
from app.measures.services import import_revision, sha256_hex  # noqa: E402
from bench._common import median, percentile, timed  # noqa: E402
from testkit.revised_law import revise  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ZQ_CORPUS_DIR") or ROOT.parent / "shared" / "corpus")
CRIMINAL_CODE = CORPUS / "law-criminal-code.md"
REQUESTS = 30
SLUG = "bench-criminal-code"


def with_head(body: str, number: int, label: str) -> str:
    head = {
        "measure": SLUG,
        "title": "中华人民共和国刑法（修订草案）",
        "revision": str(number),
        "label": label,
        "opens": "2021-01-08" if number == 1 else "2021-03-01",
        "closes": "2021-02-08" if number == 1 else "2021-04-01",
        "language": "zh",
    }
    return "---\n" + "\n".join(f"{k}: {v}" for k, v in head.items()) + "\n---\n\n" + body


def store(app, first: str, second: str) -> None:
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        revisions = []
        for text in (first, second):
            outcome = import_revision(
                document=parse(text), source_sha256=sha256_hex(text.encode()), tz=zone()
            )
            db.session.commit()
            revisions.append(outcome.revision)
        started = time.perf_counter()
        links = align_revision(revision=revisions[1])
        db.session.commit()
        print(
            f"aligned: {len(links)} links in {time.perf_counter() - started:.2f} s", file=sys.stderr
        )


def main() -> None:
    if not CRIMINAL_CODE.exists():
        print(f"{CRIMINAL_CODE} is absent: nothing to measure", file=sys.stderr)
        print(json.dumps({"compare_p50_ms": None, "page_p50_ms": None, "ratio": None}))
        return
    code = CRIMINAL_CODE.read_text(encoding="utf-8")
    revised = revise(code, seed=13)
    folder = Path(tempfile.mkdtemp(prefix="zq-bench-"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}"})
    store(app, with_head(code, 1, "征求意见稿"), with_head(revised.text, 2, "第二稿"))

    client = app.test_client()
    compare_url, page_url = f"/m/{SLUG}/compare/1...2", f"/m/{SLUG}/r/2"
    cold = []
    for _ in range(3):  # nothing cached: the comparison computed and rendered each time
        fragments.entries.clear()
        cold += timed(lambda: client.get(compare_url), 1)
    first = client.get(compare_url)
    html = first.get_data(as_text=True)
    rows = html.count('<div class="compare-row ')
    if first.status_code != 200 or rows < 500:
        sys.exit(f"the compare page did not render its rows (HTTP {first.status_code}, {rows})")
    if client.get(page_url).status_code != 200:
        sys.exit("the revision page did not render")
    for _ in range(5):  # warm-up both paths
        client.get(compare_url)
        client.get(page_url)
    compared, page = [], []
    for _ in range(REQUESTS):
        compared += timed(lambda: client.get(compare_url), 1)
        page += timed(lambda: client.get(page_url), 1)

    print(
        f"compare page: {rows} rows, {len(html)} bytes; p95 {percentile(compared, 0.95) * 1000:.1f} ms; "
        f"revision page p95 {percentile(page, 0.95) * 1000:.1f} ms; target ratio ≤ 3",
        file=sys.stderr,
    )
    print(
        json.dumps(
            {
                "compare_p50_ms": round(median(compared) * 1000, 2),
                "page_p50_ms": round(median(page) * 1000, 2),
                "ratio": round(median(compared) / median(page), 2),
                "compare_cold_ms": round(median(cold) * 1000, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
