"""Case-insensitive "contains" for what a person typed into a search box.

LIKE's wildcards (``%``, ``_``) and its escape character in the typed text are matched as
literal characters: an admin looking for "100%_合格" finds that name, not every name.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func


def contains_pattern(text: str) -> str:
    """The LIKE pattern (escape character ``\\``) matching any text that contains ``text``."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column, text: str) -> ColumnElement[bool]:
    """``column`` contains ``text``, in any case (LOWER on both sides: the same on SQLite and
    PostgreSQL, where ILIKE and SQLite's LIKE differ outside ASCII)."""
    return func.lower(column).like(contains_pattern(text.lower()), escape="\\")
