"""parse() and parse_file(): from Markdown/text/.docx to a Document."""

from __future__ import annotations

from pathlib import Path

from .docx import read_docx
from .families import PARSERS, detect_family, is_structural
from .frontmatter import read_source
from .model import Document, ParseError

_LANGUAGES = {"cn": "zh", "en": "en", "std": "zh"}
_TEXT_SUFFIXES = {".md", ".markdown", ".txt"}


def parse(text: str, *, force: bool = False, family: str | None = None) -> Document:
    """Parse a draft into its clause tree.

    `family` ('cn', 'en', 'std') overrides the front matter's `family`, which overrides the
    guess. Numbering that skips or repeats raises ParseError unless `force` is true; then
    repeated keys are made unique (art12r2). Bad input only ever raises ParseError.
    """
    source = read_source(text, is_structural)
    meta = source.meta
    chosen = family or meta.get("family") or detect_family(source.lines)
    if chosen not in PARSERS:
        raise ParseError(1, f"unknown family {chosen!r}: use cn, en or std")
    clauses = PARSERS[chosen](source.lines, meta, force)
    language = meta.get("language") or _LANGUAGES[chosen]
    return Document(meta=meta, family=chosen, language=language, clauses=clauses)


def decode(data: bytes) -> str:
    """Decode UTF-8 bytes (a BOM is dropped); anything else is a ParseError on line 1."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(
            1,
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save it as UTF-8",
        ) from error


def parse_file(path: str | Path, *, force: bool = False) -> Document:
    """Parse a .md/.markdown/.txt (UTF-8) or .docx draft from disk.

    A missing or unreadable file raises OSError as usual: that is a bad path, not bad input.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return parse(read_docx(path), force=force)
    if suffix not in _TEXT_SUFFIXES:
        raise ParseError(
            1, f"unsupported file type {suffix or path.name!r}: use .md, .txt or .docx"
        )
    return parse(decode(path.read_bytes()), force=force)
