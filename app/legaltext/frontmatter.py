"""Source preparation: front matter, LawRefBook's info block, the title line, clean lines.

Everything here is family-neutral: it turns the raw text into `meta` plus a list of
non-blank `Line`s whose heading marks are counted and removed (marks never decide structure).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from .model import ParseError

_NEWLINE = re.compile(r"\r\n|\r|\n")
_KEY_VALUE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)\s*:(.*)")
_COMMENT = re.compile(r"\s#")
# Zero-width characters copied out of web pages and Word (the corpus has a line of U+200B).
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff")
_HTML_COMMENT = re.compile(r"<!--.*-->")
# Markdown rules and setext underlines (---, ***, ===) decorate; they are not words.
_RULE = re.compile(r"([-*_=])(?:\s*\1){2,}")
INFO_END = "<!-- INFO END -->"
_PLAIN_VALUE = re.compile(r"[^\s\"'#][^#\n\r]*")


@dataclass(frozen=True)
class Line:
    """A non-blank source line: 1-based number, heading-mark count, text without the marks."""

    no: int
    hashes: int
    text: str


@dataclass
class Source:
    """The prepared input: front matter, title/info found in the body, and the body lines."""

    meta: dict[str, str]
    lines: list[Line]


def clean_line(raw: str) -> tuple[int, str]:
    """Strip invisible characters, whitespace (also full-width), heading marks and **bold**."""
    text = raw.translate(_INVISIBLE).strip()
    # Heading marks, with or without a space after them ("##第一章"); "## #" is blank.
    bare = text.lstrip("#")
    hashes = len(text) - len(bare)
    while bare[:1].isspace() or bare[:1] == "#":
        bare = bare.lstrip().lstrip("#")
    text = bare
    # Drafts pasted from Word often bold the marker: "**第一条** 为了…".
    if text.startswith("**"):
        end = text.find("**", 2)
        if end > 2:
            text = (text[2:end] + text[end + 2 :]).strip()
    return hashes, text


def _parse_value(value: str, no: int) -> str:
    value = value.strip()
    if value.startswith('"'):
        try:
            decoded, end = json.JSONDecoder().raw_decode(value)
        except ValueError as error:
            raise ParseError(
                no, f"front matter value is not a valid quoted string: {value}"
            ) from error
        rest = value[end:].strip()
        if rest and not rest.startswith("#"):
            raise ParseError(no, f"front matter value has text after its closing quote: {rest}")
        return decoded if isinstance(decoded, str) else str(decoded)
    if value.startswith("'"):
        end = value.find("'", 1)
        if end < 0:
            raise ParseError(no, f"front matter value has no closing quote: {value}")
        return value[1:end]
    # YAML's rule: '#' starts a comment only after whitespace (so "C#" survives).
    return _COMMENT.split(value, maxsplit=1)[0].strip()


def format_meta_value(value: str) -> str:
    """Write a meta value so that the front matter reader returns it unchanged."""
    if value and _PLAIN_VALUE.fullmatch(value) and value == value.strip() and value.isprintable():
        return value
    # JSON, with invisible and other unprintable characters escaped so they survive.
    return "".join(
        char if char.isprintable() else json.dumps(char)[1:-1]
        for char in json.dumps(value, ensure_ascii=False)
    )


def _bare(raw: str) -> str:
    return raw.translate(_INVISIBLE).strip()


def _front_matter(raw_lines: list[str]) -> tuple[dict[str, str], int]:
    """Read `---` front matter at the top; return meta and the index of the first body line."""
    first = 0
    while first < len(raw_lines) and not _bare(raw_lines[first]):
        first += 1
    if first == len(raw_lines) or _bare(raw_lines[first]) != "---":
        return {}, 0
    end = next((i for i in range(first + 1, len(raw_lines)) if _bare(raw_lines[i]) == "---"), None)
    if end is None:
        raise ParseError(
            first + 1,
            f"front matter opened with '---' on line {first + 1} is never closed with '---'",
        )
    meta: dict[str, str] = {}
    for index in range(first + 1, end):
        raw = _bare(raw_lines[index])
        if not raw or raw.startswith("#"):
            continue
        match = _KEY_VALUE.fullmatch(raw)
        if not match:
            raise ParseError(index + 1, f"front matter line is not 'key: value': {raw[:60]}")
        meta[match.group(1)] = _parse_value(match.group(2), index + 1)
    return meta, end + 1


def read_source(text: str, is_structural: Callable[[str], bool]) -> Source:
    """Split `text` into meta and clean body lines.

    `is_structural(text)` tells a heading such as "# 第一章 总则" from a "# Title" line: a first
    single-'#' line that is not structural is the document title. Lines before a LawRefBook
    `<!-- INFO END -->` marker are publication notes, kept joined in meta['info'].
    """
    raw_lines = _NEWLINE.split(text.removeprefix("\ufeff"))
    meta, start = _front_matter(raw_lines)
    lines: list[Line] = []
    info: list[str] = []
    title: str | None = None
    seen_info_end = False
    for index in range(start, len(raw_lines)):
        hashes, body = clean_line(raw_lines[index])
        if not body:
            continue
        if body == INFO_END and not seen_info_end:
            seen_info_end = True
            info.extend(line.text for line in lines)
            lines.clear()
            continue
        if _HTML_COMMENT.fullmatch(body) or _RULE.fullmatch(body):
            continue
        if title is None and not lines and not info and hashes == 1 and not is_structural(body):
            title = body
            continue
        lines.append(Line(index + 1, hashes, body))
    if title is not None:
        meta.setdefault("title", title)
    if info:
        meta.setdefault("info", "\n".join(info))
    return Source(meta, lines)
