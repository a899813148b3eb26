"""English drafts (en): Part/Chapter/Section, Article N (+ caption), 1. paragraphs, (a), (i)."""

from __future__ import annotations

import re

from ..frontmatter import Line
from ..model import Clause, ParseError
from ..numerals import (
    arabic_or_roman,
    int_to_letter,
    int_to_roman,
    letter_to_int,
    roman_or_none,
)
from ._outline import Outline, tidy_caption
from ._tree import Node, Tree, caption_like
from .common import Annexes, Preamble

_NUMBER = r"(\d+|[IVXL]+)"
DIVISIONS = (
    ("part", re.compile(rf"(?i:part)\s+{_NUMBER}\b(.*)")),
    ("chapter", re.compile(rf"(?i:chapter)\s+{_NUMBER}\b(.*)")),
    ("section", re.compile(rf"(?i:section)\s+{_NUMBER}\b(.*)")),
)
ARTICLE = re.compile(r"(?i:article)\s+(\d+)([a-z]?)\b(.*)")
_PARAGRAPH = re.compile(r"(\d{1,3})\.(?!\d)\s*(.*)")
_ITEM = re.compile(r"\(([a-z]{1,6})\)\s*(.*)")
_ANNEX = re.compile(r"(?i:annex)\s+(\d+|[IVXL]+|[A-Z])\b(.*)")
_WORD = {"part": "Part", "chapter": "Chapter", "section": "Section"}


def division_label(kind: str, number: int) -> str:
    """Part II / Chapter 3 / Section 2 (parts in Roman numerals, as the format table says)."""
    shown = int_to_roman(number) if kind == "part" else str(number)
    return f"{_WORD[kind]} {shown}"


def article_label(number: int, suffix: int = 0) -> str:
    """Article 12 / Article 12a (an inserted article)."""
    return f"Article {number}" + (chr(96 + suffix) if suffix else "")


def is_structural(text: str) -> bool:
    """Whether a line opens a part, chapter, section or article."""
    return bool(ARTICLE.match(text) or any(rx.match(text) for _, rx in DIVISIONS))


def _letter(token: str) -> int | None:
    try:
        return letter_to_int(token)
    except ValueError:
        return None


class _Article:
    def __init__(self, node: Node) -> None:
        self.node = node
        self.paragraphs: list[Node] = []
        self.numbered = False  # paragraphs carry numbers (1., 2.)
        self.item: Node | None = None
        self.awaiting_caption = not node.caption


class EnglishParser:
    """One pass over the lines of an English draft."""

    def __init__(self, lines: list[Line], meta: dict[str, str], force: bool) -> None:
        self.lines = lines
        self.tree = Tree("en", force=force)
        self.outline = Outline(self.tree, division_label)
        self.preamble = Preamble(self.tree, "Preamble")
        self.annexes = Annexes(self.tree)
        self.article: _Article | None = None

    def parse(self) -> list[Clause]:
        last_article = max(
            (i for i, line in enumerate(self.lines) if self._article_heading(line.text)),
            default=-1,
        )
        for index, line in enumerate(self.lines):
            if self.preamble.skipping(line.text):
                continue
            if index > last_article and self._annex(line):
                continue
            self._line(line)
        if self.tree.last_article is None:
            raise ParseError(1, "no articles found")
        return self.tree.freeze(" ", paragraph_labels=True)

    @staticmethod
    def _article_heading(text: str) -> re.Match | None:
        """'Article 12' alone or with a caption; 'Article 12 shall apply.' is a sentence."""
        match = ARTICLE.fullmatch(text)
        if match:
            rest = tidy_caption(match.group(3))
            if not rest or caption_like(rest):
                return match
        return None

    def _annex(self, line: Line) -> bool:
        text = line.text
        match = _ANNEX.fullmatch(text)
        if match:
            title = tidy_caption(match.group(2))
            token = match.group(1)
            number: int | str | None = token
            if token.isdigit() or len(token) > 1 or token in "IVX":
                # Annex II; a single other capital is a letter: Annex B
                number = arabic_or_roman(token)
            if (not title or caption_like(title, 120)) and number is not None:
                if isinstance(number, str):
                    label = f"Annex {number}"
                else:
                    label = f"Annex {int_to_roman(number)}" if 0 < number < 4000 else text
                self.annexes.open(label, number, title, line.no)
                return True
        if line.hashes and not is_structural(text):
            self.annexes.open(text, None, "", line.no)
            return True
        return self.annexes.add_text(text)

    def _line(self, line: Line) -> None:
        text = line.text
        for kind, pattern in DIVISIONS:
            match = pattern.fullmatch(text)
            if match and self._division(kind, match, line):
                return
        match = self._article_heading(text)
        if match:
            self._article(match, line)
            return
        opened = self.outline.opened
        if opened and opened.number is not None and not opened.caption and caption_like(text):
            opened.caption = tidy_caption(text)  # "CHAPTER I" with its title on the next line
        elif line.hashes and self.tree.last_article:
            self.outline.add_unnumbered(text, line.no)
            self.article = None
        elif self.article:
            self._body(self.article, line)
        elif opened is None:
            self.preamble.add(text, line.no)
        else:
            raise ParseError(
                line.no, f"text under {opened.label} before its first article: {text[:40]}"
            )

    def _division(self, kind: str, match: re.Match, line: Line) -> bool:
        caption = tidy_caption(match.group(2))
        number = arabic_or_roman(match.group(1))
        if (caption and not caption_like(caption, 120)) or not number or number >= 4000:
            return False
        self.outline.add(kind, number, caption, line.no)
        self.article = None
        return True

    def _article(self, match: re.Match, line: Line) -> None:
        number = int(match.group(1))
        suffix = ord(match.group(2).lower()) - 96 if match.group(2) else 0
        self.tree.next_article(line.no, (number, suffix), article_label)
        node = self.tree.add(
            "article",
            f"art{number}" + (f"-{suffix}" if suffix else ""),
            self.outline.container(),
            number=number,
            suffix=suffix,
            label=article_label(number, suffix),
            caption=tidy_caption(match.group(3)),
            line=line.no,
        )
        self.article = _Article(node)
        self.outline.opened = None

    def _body(self, art: _Article, line: Line) -> None:
        text = line.text
        awaiting, art.awaiting_caption = art.awaiting_caption, False
        match = _PARAGRAPH.fullmatch(text)
        if match:
            self._paragraph(art, match.group(2).strip(), line.no, int(match.group(1)))
            return
        match = _ITEM.fullmatch(text)
        if match and self._marker(art, match.group(1), match.group(2).strip(), line.no):
            return
        if awaiting and caption_like(tidy_caption(text)) and not match:
            art.node.caption = tidy_caption(text)  # "Article 12", its caption on the next line
        elif art.numbered:
            art.paragraphs[-1].lines.append(text)  # flush-out words of a numbered paragraph
        else:
            self._paragraph(art, text, line.no, None)

    def _paragraph(self, art: _Article, text: str, no: int, printed: int | None) -> Node:
        if printed is None:
            number, label = art.node.last.get("paragraph", (0, 0))[0] + 1, _unlabelled
        else:
            number, label, art.numbered = printed, _numbered, True
        node = self.tree.child("paragraph", art.node, number, label, line=no, text=text)
        art.paragraphs.append(node)
        art.item = None
        return node

    def _marker(self, art: _Article, token: str, text: str, no: int) -> bool:
        """Tell an item (c) from a sub-item (iii); False if the line is plain text.

        (i), (v), (x) read both ways: right after item (h), "(i)" is the next item; inside
        any other item it is a sub-item; outside items a Roman marker is just text.
        """
        letter, roman, item = _letter(token), roman_or_none(token), art.item
        if roman is not None and roman >= 50:
            roman = None  # (c), (d), (l), (m) are letters here, never sub-item 100
        next_item = item is not None and letter == item.number + 1
        if item is not None and not next_item and roman is not None:
            self.tree.child("subitem", item, roman, _sub_label, line=no, text=text)
            return True
        if letter is None or (item is None and letter != 1 and roman is not None):
            return False
        if not art.paragraphs:
            self._paragraph(art, "", no, None)  # "(a)" right under the article heading
        paragraph = art.paragraphs[-1]
        art.item = self.tree.child("item", paragraph, letter, _item_label, line=no, text=text)
        return True


def _unlabelled(number: int) -> str:
    return ""


def _numbered(number: int) -> str:
    return f"{number}."


def _item_label(number: int) -> str:
    return f"({int_to_letter(number)})" if 0 < number <= 52 else f"({number})"


def _sub_label(number: int) -> str:
    return f"({int_to_roman(number).lower()})" if 0 < number < 4000 else f"({number})"


def parse_english(lines: list[Line], meta: dict[str, str], force: bool) -> list[Clause]:
    """Parse the body lines of an English draft into clauses."""
    return EnglishParser(lines, meta, force).parse()
