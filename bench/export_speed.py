"""The summary table's XLSX export of 10,000 comments, against writing the same rows with
openpyxl's write-only mode directly (the least any XLSX export of them can cost).

The export is what an official's download does: read the revision's comments, answers and
consulted units from the database, lay out the table (title, header block, merged answer
cells, page setup, footer) and write it. The baseline writes the same seven cells per row
into a bare write-only sheet. Rounds alternate; medians are kept. Target: ratio within 2.
Prints last: {"xlsx_10k_s": …, "bare_s": …, "ratio": …}.
"""

import io
import json
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app import create_app  # noqa: E402
from app.core.extensions import db  # noqa: E402
from app.core.timeutil import zone  # noqa: E402
from app.exports.downloads import summary_file  # noqa: E402
from app.exports.summary import SummaryOptions, build_summary  # noqa: E402
from app.legaltext import parse  # noqa: E402
from app.measures.models import Revision  # noqa: E402
from app.measures.services import import_revision, sha256_hex  # noqa: E402
from bench._common import large_draft, median, timed  # noqa: E402
from bench._queue import _fill  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COMMENTS = 10_000
ROUNDS = 3
DAY = date(2021, 3, 1)


def bare_xlsx(rows: list[list]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="zq-bench-export-"))
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}", "SECRET_KEY": "b"}
    )
    text = large_draft(60)
    with app.app_context(), app.test_request_context():
        upgrade(directory=str(ROOT / "migrations"))
        import_revision(document=parse(text), source_sha256=sha256_hex(text.encode()), tz=zone())
        db.session.commit()
        _fill(COMMENTS, random.Random(5))
        revision = db.session.scalar(select(Revision))
        options = SummaryOptions()
        summary = build_summary(revision, options, today=DAY)
        rows = [
            [row.number, row.citation, row.body, row.proposed, row.unit,
             block.answer if index == 0 else None, row.note]
            for block in summary.blocks
            for index, row in enumerate(block.rows)
        ]  # fmt: skip
        if len(rows) != COMMENTS:
            sys.exit(f"expected {COMMENTS} rows in the summary, found {len(rows)}")
        ours, bare = [], []
        for _ in range(ROUNDS):
            bare += timed(lambda: bare_xlsx(rows), 1)
            ours += timed(lambda: summary_file(revision, options, "xlsx", today=DAY), 1)
        size = len(summary_file(revision, options, "xlsx", today=DAY).data)
    print(
        f"{COMMENTS} comments: export {[round(t, 2) for t in ours]} s, bare write-only "
        f"{[round(t, 2) for t in bare]} s; file {size / 1e6:.1f} MB",
        file=sys.stderr,
    )
    xlsx_s, bare_s = median(ours), median(bare)
    print(json.dumps({"xlsx_10k_s": round(xlsx_s, 2), "bare_s": round(bare_s, 2),
                      "ratio": round(xlsx_s / bare_s, 2)}))  # fmt: skip


if __name__ == "__main__":
    main()
