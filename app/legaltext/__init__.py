"""Draft importer: Markdown/.docx drafts of regulations, laws and standards -> clause tree.

Pure Python (no Flask, no SQLAlchemy): `parse(text)` returns a `Document` whose `clauses`
carry stable keys (art12.p2.i3), labels and citations; `to_markdown(doc)` writes it back.
The format is specified in docs/draft-format.md.
"""

from .citation_reading import CitationIndex, Resolution, read_citation
from .citations import cite
from .docx import read_docx
from .model import Clause, Document, ParseError
from .parsing import parse, parse_file
from .render import to_markdown

__all__ = [
    "CitationIndex",
    "Clause",
    "Document",
    "ParseError",
    "Resolution",
    "cite",
    "parse",
    "parse_file",
    "read_citation",
    "read_docx",
    "to_markdown",
]
