"""What participants type, made safe to store: no control characters, no bidi overrides."""

import re

# C0 and C1 control characters except tab and newline; the bidi embeddings, overrides and
# isolates (U+202A–U+202E, U+2066–U+2069) that can make a text read differently than it is.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str | None) -> str:
    """The text with CRLF and CR as newlines, unwanted characters removed, ends trimmed."""
    if not value:
        return ""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNWANTED.sub("", value).strip()
