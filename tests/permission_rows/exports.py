"""Downloads of a revision's outputs: everyone who reads every comment; participants never."""

from tests.permission_roles import STAFF_READ

ROWS = [
    ("GET", "/m/{slug}/r/1/downloads", STAFF_READ),
    ("GET", "/m/{slug}/r/1/downloads/summary.{fmt}", STAFF_READ),
    ("GET", "/m/{slug}/r/1/downloads/summary.docx", STAFF_READ),
    ("GET", "/m/{slug}/r/1/downloads/summary.csv", STAFF_READ),
    ("GET", "/m/{slug}/r/1/downloads/summary.json?lang=en&answered=1&names=0", STAFF_READ),
    ("GET", "/m/{slug}/r/1/downloads/iso-comments.xlsx", STAFF_READ),
    ("GET", "/m/{slug}/r/1/downloads/summary-cumulative.{fmt}", STAFF_READ),
    ("GET", "/m/{slug}/r/1/downloads/summary-cumulative.csv?lang=en", STAFF_READ),
]
