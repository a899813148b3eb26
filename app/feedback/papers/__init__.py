"""Position papers (意见函): a unit's letter, split into one comment per point, each anchored to
the clause it cites.

Pure Python (python-docx, pypdf and legaltext; no Flask, no SQLAlchemy): ``extracting`` reads
the file's text as blocks, ``segmenting`` cuts them into points and leaves out what is not a
comment (``noise``), ``anchoring`` reads the clause each point cites. The preview, the commit
and the CLI live with the callers (app/feedback/splitting.py and its views).
"""

from __future__ import annotations

from app.legaltext.citation_reading import CitationIndex

from .anchoring import Anchorer
from .extracting import MAX_BYTES, read_blocks
from .model import Block, PaperRefused, Segment
from .segmenting import split_blocks


def split_paper(
    data: bytes,
    filename: str,
    index: CitationIndex | None,
    *,
    title: str = "",
    max_bytes: int = MAX_BYTES,
) -> list[Segment]:
    """The points of the letter in ``data``, in document order, anchored to the clauses of
    ``index`` (None: every point general). PaperRefused when the file cannot be read (a scan,
    a damaged or encrypted file, a spreadsheet)."""
    _kind, blocks = read_blocks(data, filename, max_bytes=max_bytes)
    return split_blocks(blocks, Anchorer(index, title=title))


__all__ = ["Block", "PaperRefused", "Segment", "read_blocks", "split_blocks", "split_paper"]
