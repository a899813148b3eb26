"""Quoted spans of a clause, as W3C Web Annotation TextQuoteSelectors (exact, prefix, suffix)."""

import re

from flask_babel import lazy_gettext as _l

from app.core.refusal import Refused

CONTEXT_CHARS = 32  # prefix and suffix kept on each side of the quote


def locate_quote(clause_text: str, exact: str, prefix: str = "", suffix: str = "") -> tuple:
    """Where ``exact`` is in ``clause_text``, as (start, end) offsets in characters.

    Where the text occurs more than once, the occurrence whose surroundings best match
    ``prefix`` and ``suffix`` wins (the first one on a tie), as TextQuoteSelector intends.
    Whitespace inside the quote matches any whitespace (a selection across lines), so the
    stored quote is always ``clause_text[start:end]``. Raises Refused if absent.
    """
    parts = (exact or "").split()
    if not parts:
        raise Refused(_l("The quoted text is empty."))
    pattern = re.compile(r"\s*".join(re.escape(part) for part in parts))
    best = None
    position = 0
    while (match := pattern.search(clause_text, position)) is not None:
        score = _common_tail(clause_text[: match.start()], prefix) + _common_head(
            clause_text[match.end() :], suffix
        )
        if best is None or score > best[0]:
            best = (score, match.start(), match.end())
        position = match.start() + 1
    if best is None:
        raise Refused(
            _l("The quoted text is not in this clause. Select or copy it from the clause text.")
        )
    return best[1], best[2]


def quote_context(clause_text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of a located quote, with up to CONTEXT_CHARS each side."""
    return (
        clause_text[start:end],
        clause_text[max(0, start - CONTEXT_CHARS) : start],
        clause_text[end : end + CONTEXT_CHARS],
    )


def _common_tail(text: str, prefix: str) -> int:
    count = 0
    for a, b in zip(reversed(text), reversed(prefix or ""), strict=False):
        if a != b:
            break
        count += 1
    return count


def _common_head(text: str, suffix: str) -> int:
    count = 0
    for a, b in zip(text, suffix or "", strict=False):
        if a != b:
            break
        count += 1
    return count
