"""Chinese legal drafts (cn): 编/章/节, 第X条 (之一), 款, （一） items, 1. sub-items, 附件."""

from __future__ import annotations

import re

from ..frontmatter import Line
from ..model import Clause, ParseError
from ..numerals import CN_NUMERAL_CHARS, cn_to_int, int_to_cn
from ._outline import Outline, tidy_caption
from ._tree import Node, Tree, heading_like
from .common import Annexes, Preamble, read_number

_N = f"[{CN_NUMERAL_CHARS}]+"
DIVISIONS = (
    ("part", re.compile(rf"第({_N})编(.*)")),
    ("chapter", re.compile(rf"第({_N})章(.*)")),
    ("section", re.compile(rf"第({_N})节(.*)")),
)
ARTICLE = re.compile(rf"第({_N})条(?:之({_N}))?(.*)")
_ITEM = re.compile(r"[（(]([一二三四五六七八九十百〇零两]+)[）)](.*)")
_SUB_DOT = re.compile(r"([0-9０-９]{1,3})[.．](?![0-9０-９])(.*)")
_SUB_PAREN = re.compile(r"[（(]([0-9０-９]{1,3})[）)](.*)")
_ANNEX = re.compile(rf"附\s*[件录]\s*({_N}|[A-Z])?(.*)")
_FOOTNOTE = re.compile(r"[①-⑳]")
_CAPTION = re.compile(r"[（(【]([^（）()【】]{1,12})[）)】]")
_CAPTION_PUNCT = re.compile(r"[，。；：,.;:！？!?]")
_DELETED = ("（删去）", "(删去)")
_SPACE = re.compile(r"\s+")
_WORD = {"part": "编", "chapter": "章", "section": "节"}


def division_label(kind: str, number: int) -> str:
    """第二编 / 第三章 / 第一节."""
    return f"第{int_to_cn(number)}{_WORD[kind]}"


def article_label(number: int, suffix: int = 0) -> str:
    """第十二条 / 第一百二十条之一."""
    return f"第{int_to_cn(number)}条" + (f"之{int_to_cn(suffix)}" if suffix else "")


def is_structural(text: str) -> bool:
    """Whether a line opens a part, chapter, section or article."""
    return bool(ARTICLE.match(text) or any(rx.match(text) for _, rx in DIVISIONS))


def split_caption(rest: str) -> tuple[str, str]:
    """Split what follows 第X条 into (caption, text).

    第一条（目的）为了… has a caption: the bracket follows 条 directly. With a space before the
    bracket, as in 第十三条 （市）区教育行政部门…, the bracket is only a caption when a space or
    the line's end also follows it (第一条 （目的） 为了…); otherwise it opens the text. Captions
    are short (<= 12 characters) and have no sentence punctuation; （删去） is never a caption.
    """
    body = rest.lstrip()
    spaced = body is not rest and bool(rest)
    match = _CAPTION.match(body)
    if match:
        caption = match.group(1).strip()
        after = body[match.end() :]
        fits = caption and caption != "删去" and not _CAPTION_PUNCT.search(caption)
        if fits and (not spaced or not after or after[0].isspace()):
            return caption, after.strip()
    return "", body.strip()


class _Article:
    """Paragraph/item state inside one article."""

    def __init__(self, node: Node, first: Node) -> None:
        self.node = node
        self.paragraphs = [first]
        self.item: Node | None = None
        self.previous = "paragraph"  # what the last body line was: paragraph/item/subitem
        self.sub_style = ""
        self.list_paragraph: Node | None = None  # the last paragraph that has items


class ChineseParser:
    """One pass over the lines of a Chinese draft."""

    def __init__(self, lines: list[Line], meta: dict[str, str], force: bool) -> None:
        self.lines = lines
        self.meta = meta
        self.tree = Tree("cn", force=force)
        self.outline = Outline(self.tree, division_label)
        self.preamble = Preamble(self.tree, "序言")
        self.annexes = Annexes(self.tree)
        self.article: _Article | None = None
        self.notes: list[str] = []

    def parse(self) -> list[Clause]:
        last_article = max(
            (i for i, line in enumerate(self.lines) if ARTICLE.match(line.text)), default=-1
        )
        for index, line in enumerate(self.lines):
            if self.preamble.skipping(line.text):
                continue
            if index > last_article and self._annex(line):
                continue
            self._line(line)
        if self.tree.last_article is None:
            raise ParseError(1, "no articles found")
        if self.notes and "notes" not in self.meta:
            self.meta["notes"] = "\n".join(self.notes)
        return self.tree.freeze("")

    def _annex(self, line: Line) -> bool:
        """After the last article: 附件/附录 lines and bare headings open annexes."""
        text = line.text
        match = _ANNEX.fullmatch(text)
        if match:
            title = tidy_caption(match.group(2))
            if heading_like(title, 60):
                marker = _SPACE.sub("", text[: len(text) - len(match.group(2))])
                number = match.group(1)
                if number and not (number.isascii() and number.isupper()):
                    number = read_number(number, line.no, strict=True)  # 附件一, 附件2
                self.annexes.open(marker, number, title, line.no)
                return True
        if line.hashes and not is_structural(text) and not _ITEM.match(text):
            self.annexes.open(text, None, "", line.no)
            return True
        return self.annexes.add_text(text)

    def _line(self, line: Line) -> None:
        text = line.text
        if self.article and _FOOTNOTE.match(text):
            self.notes.append(text)  # footnotes of the source edition, not words of the law
            return
        for kind, pattern in DIVISIONS:
            match = pattern.fullmatch(text)
            if match and self._division(kind, match, line):
                return
        match = ARTICLE.fullmatch(text)
        if match and self._article(match, line):
            return
        opened = self.outline.opened
        if opened and opened.number is not None and not opened.caption and heading_like(text):
            opened.caption = tidy_caption(text)  # "第一章" with its title on the line below
        elif line.hashes and self.tree.last_article and not _ITEM.match(text):
            self.outline.add_unnumbered(text, line.no)
            self.article = None
        elif self.article:
            self._body(line)
        elif opened is None:
            self.preamble.add(text, line.no)
        else:
            raise ParseError(
                line.no, f"text under {opened.label} before its first article: {text[:40]}"
            )

    def _division(self, kind: str, match: re.Match, line: Line) -> bool:
        rest = match.group(2)
        if not heading_like(rest.strip()):
            return False
        number = read_number(match.group(1), line.no, strict=bool(rest[:1].isspace()))
        if number is None:
            return False
        if rest and not rest[0].isspace() and number not in self.outline.allowed(kind):
            return False  # "第二节规定" at a line's start is a reference, not a heading
        self.outline.add(kind, number, rest, line.no)
        self.article = None
        return True

    def _article(self, match: re.Match, line: Line) -> bool:
        rest = match.group(3)
        separated = not rest or rest[0].isspace() or rest[0] in "（(【"
        number = read_number(match.group(1), line.no, strict=separated)
        suffix = read_number(match.group(2), line.no, strict=separated) if match.group(2) else 0
        if number is None or suffix is None:
            return False
        if not self.tree.next_article(line.no, (number, suffix), article_label, strict=separated):
            return False  # "第三十条规定的…" opening a paragraph quotes another article
        caption, words = split_caption(rest)
        key = f"art{number}" + (f"-{suffix}" if suffix else "")
        node = self.tree.add(
            "article",
            key,
            self.outline.container(),
            number=number,
            suffix=suffix,
            label=article_label(number, suffix),
            caption=caption,
            line=line.no,
        )
        node.deleted = words in _DELETED
        first = self.tree.child("paragraph", node, 1, _paragraph_label, line=line.no, text=words)
        self.article = _Article(node, first)
        self.outline.opened = None
        return True

    def _body(self, line: Line) -> None:
        art = self.article
        assert art is not None
        text = line.text
        match = _ITEM.fullmatch(text)
        if match and self._item(art, match, line):
            return
        for style, pattern in (("dot", _SUB_DOT), ("paren", _SUB_PAREN)):
            match = pattern.fullmatch(text)
            if match and self._subitem(art, style, match, line):
                return
        first = art.paragraphs[0]
        if len(art.paragraphs) == 1 and not first.lines[0] and not first.children:
            first.lines[0] = text  # "第九条" alone on its line: the words follow below
            art.node.deleted = text in _DELETED
        else:
            number = len(art.paragraphs) + 1
            paragraph = self.tree.child(
                "paragraph", art.node, number, _paragraph_label, line=line.no, text=text
            )
            art.paragraphs.append(paragraph)
        art.previous, art.item = "paragraph", None

    def _item(self, art: _Article, match: re.Match, line: Line) -> bool:
        try:
            number = cn_to_int(match.group(1))
        except ValueError:
            return False
        paragraph, listed, after = art.paragraphs[-1], art.list_paragraph, None
        if "item" not in paragraph.last and number > 1:
            marker = int_to_cn(number - 1)
            if listed is not None and listed.last["item"][0] + 1 == number:
                # The list of an earlier paragraph resumes after lines the drafter set
                # between its items (the Shenzhen regulation's article 29).
                paragraph = listed
            elif f"（{marker}）" in paragraph.lines[0] or f"({marker})" in paragraph.lines[0]:
                after = number - 1  # the list began inline: "…文件： （一）登记申请书；"
        art.item = self.tree.child(
            "item",
            paragraph,
            number,
            _item_label,
            line=line.no,
            text=match.group(2).strip(),
            after=after,
        )
        art.list_paragraph, art.previous = paragraph, "item"
        return True

    def _subitem(self, art: _Article, style: str, match: re.Match, line: Line) -> bool:
        item = art.item
        continues = art.previous == "subitem" and art.sub_style == style
        if item is None or not (art.previous == "item" or continues):
            return False  # "1." not right under an item is an ordinary paragraph
        number = cn_to_int(match.group(1))  # ASCII or full-width digits
        label = _dot_label if style == "dot" else _paren_label
        self.tree.child("subitem", item, number, label, line=line.no, text=match.group(2).strip())
        art.previous, art.sub_style = "subitem", style
        return True


def _item_label(number: int) -> str:
    return f"（{int_to_cn(number)}）"


def _paragraph_label(number: int) -> str:
    return f"第{int_to_cn(number)}款"


def _dot_label(number: int) -> str:
    return f"{number}."


def _paren_label(number: int) -> str:
    return f"（{number}）"


def parse_chinese(lines: list[Line], meta: dict[str, str], force: bool) -> list[Clause]:
    """Parse the body lines of a Chinese draft into clauses (meta may gain 'notes')."""
    return ChineseParser(lines, meta, force).parse()
