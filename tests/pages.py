"""Reading pages in tests: the interface in English, hidden form fields, table cells, response
text, and the SQL statements a page costs."""

import re
from contextlib import contextmanager

from sqlalchemy import event


def english(client) -> None:
    """Messages are asserted as their English msgids (stable whatever the catalogues hold)."""
    client.set_cookie("zq_lang", "en", domain="zhengqiu.test")


def hidden(html: str, name: str) -> str:
    """The value of the hidden input ``name`` (csrf_token, form_token …) in a page."""
    return re.search(rf'name="{name}"[^>]*value="([^"]*)"', html).group(1)


def csrf_token(html: str) -> str:
    return hidden(html, "csrf_token")


def cell(html: str, row: str, label: str) -> tuple[str, str]:
    """The class and the content (white space folded) of the cell labelled ``label`` (its
    data-label, which phones show in place of the column header) in the row ``<tr id=row>``."""
    found = re.search(rf'<tr id="{re.escape(row)}">(.*?)</tr>', html, re.S)
    assert found, f"no row {row}"
    tag = re.search(
        rf'<td(?: class="([^"]*)")? data-label="{re.escape(label)}">(.*?)</td>',
        found.group(1),
        re.S,
    )
    assert tag, f"no cell {label} in row {row}"
    return tag.group(1) or "", " ".join(tag.group(2).split())


def text(response) -> str:
    return response.get_data(as_text=True)


HARNESS = ("SAVEPOINT ", "RELEASE SAVEPOINT ", "ROLLBACK TO SAVEPOINT ")


@contextmanager
def counting_statements():
    """The SQL statements run inside the block (a list that fills as they run), without the
    savepoints that the tests' rolled-back transaction puts around each session's work."""
    from app.core.extensions import db

    statements = []

    def before(_conn, _cursor, statement, *_args):
        if not statement.startswith(HARNESS):
            statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)
