"""The plain data of a letter being split: the blocks read from its file, and the segments."""

from __future__ import annotations

from dataclasses import dataclass


class PaperRefused(ValueError):
    """A letter that is not split, with a message that says what is wrong with the file."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, heading or table row of a letter, in document order.

    ``outline`` is Word's own numbering level (a paragraph numbered by a list style shows no
    "一、" in its text) or None; ``heading`` is a heading style's level (Heading 1 → 1) or 0;
    ``cells`` are a table row's cells (``text`` is then the cells joined); ``page`` is the
    PDF page the line came from (1-based; 0 for other formats).
    """

    text: str
    kind: str = "para"  # para | row
    cells: tuple[str, ...] = ()
    outline: int | None = None
    heading: int = 0
    page: int = 0


@dataclass(slots=True)
class Segment:
    """One comment cut from the letter: its text and the clause it cites (None: general)."""

    text: str
    clause: str | None = None
    citation: str = ""  # the words that cite the clause, as written ('' when none)
    where: str = ""  # where it starts, for the preview ("paragraph 12", "table 1 row 3")

    def as_json(self) -> dict:
        return {"clause": self.clause, "text": self.text}
