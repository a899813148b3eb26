"""Canonical Markdown of a Document: parse(to_markdown(doc)) == doc."""

from __future__ import annotations

from .families import is_structural
from .families.chinese import split_caption
from .frontmatter import format_meta_value
from .model import Clause, Document

_DIVISIONS = ("part", "chapter", "section")


def to_markdown(doc: Document) -> str:
    """Write `doc` as Markdown: front matter, title, then one line per natural paragraph.

    Clauses are written in document order, each with its marker, so the parser meets the
    same lines in the same order and rebuilds the same tree.
    """
    out: list[str] = []
    if doc.meta:
        fields = (f"{key}: {format_meta_value(value)}" for key, value in doc.meta.items())
        out.append("\n".join(["---", *fields, "---"]))
    title = doc.meta.get("title", "")
    if title and "\n" not in title and not is_structural(title) and not title.startswith("#"):
        out.append(f"# {title}")
    by_key = doc.by_key()
    write = {"cn": _chinese, "en": _english, "std": _standard}[doc.family]
    for clause in doc.clauses:
        out.extend(write(clause, by_key))
    return "\n\n".join(out) + "\n"


def _depth(clause: Clause, by_key: dict[str, Clause]) -> int:
    depth, parent = 0, clause.parent
    while parent is not None:
        depth, parent = depth + 1, by_key[parent].parent
    return depth


def _heading(clause: Clause, by_key: dict[str, Clause], words: str) -> list[str]:
    # Marks are cosmetic for numbered headings but make a bare 附则/annex heading a heading.
    return ["#" * min(6, 2 + _depth(clause, by_key)) + " " + words.strip()]


def _first_paragraph(clause: Clause, by_key: dict[str, Clause]) -> Clause | None:
    return by_key.get(f"{clause.key}.p1")


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _chinese(clause: Clause, by_key: dict[str, Clause]) -> list[str]:
    kind = clause.kind
    if kind in _DIVISIONS or kind == "annex":
        head = _heading(clause, by_key, f"{clause.label} {clause.caption}")
        return head + (_lines(clause.text) if kind == "annex" else [])
    if kind == "article":
        first = _first_paragraph(clause, by_key)
        words = first.text if first else ""
        if clause.caption:
            return [f"{clause.label}（{clause.caption}）{words}"]
        if words and split_caption(" " + words)[0]:
            # Words that open with "(0)" would read as a caption on the article's line.
            return [clause.label, words]
        return [f"{clause.label} {words}".strip()]
    if kind == "paragraph":
        # The first paragraph is written on its article's line.
        if clause.number == 1 and clause.key.endswith(".p1"):
            return []
        return _lines(clause.text)
    if kind in ("item", "subitem"):
        return [clause.label + clause.text]
    return _lines(clause.text)  # preamble


def _english(clause: Clause, by_key: dict[str, Clause]) -> list[str]:
    kind = clause.kind
    if kind in _DIVISIONS or kind == "annex":
        head = _heading(clause, by_key, f"{clause.label} {clause.caption}")
        return head + (_lines(clause.text) if kind == "annex" else [])
    if kind == "article":
        return [f"{clause.label} {clause.caption}".strip()]
    if kind == "paragraph":
        lines = _lines(clause.text)
        if clause.label:
            first = lines[0] if lines else ""
            return [f"{clause.label} {first}".strip(), *lines[1:]]
        return lines
    if kind in ("item", "subitem"):
        return [f"{clause.label} {clause.text}".strip()]
    return _lines(clause.text)


def _standard(clause: Clause, by_key: dict[str, Clause]) -> list[str]:
    kind = clause.kind
    if kind in ("chapter", "article"):
        return _heading(clause, by_key, f"{clause.label} {clause.caption}")
    if kind == "annex":
        return [f"## {clause.label} {clause.caption}".strip(), *_lines(clause.text)]
    if kind in ("item", "subitem"):
        return [f"{clause.label} {clause.text}".strip()]
    if kind == "preamble":
        return [clause.label, *_lines(clause.text)]  # 前言 / 引言 heads the preamble
    return _lines(clause.text)  # paragraph
