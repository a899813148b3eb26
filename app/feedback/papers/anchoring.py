"""Which clause a piece of a letter is about: the citations written in its running text
(第十二条第二款, 第12条第2款, 12条, 第九条第一款第（三）项, “第三十条第一款”, 关于第五条), read with
legaltext's CitationIndex, as a returned form's clause column is.

A point usually names its clause first (关于第五条 / 第十二条第二款规定……); a clause it compares
with comes later or after 参照, 依据, 与 (建议参照第三条的表述修改第十二条 is about article 12).
A clause of another act (《认证认可条例》第十条) is not one of the draft's. A paragraph or item
cited alone (第二款, 本条第三项) is read within the article of the point it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.legaltext.citation_reading import AMBIGUOUS, MATCHED, UNKNOWN, CitationIndex
from app.legaltext.numerals import CN_NUMERAL_CHARS

_N = rf"[{CN_NUMERAL_CHARS}]+"
_ITEM = rf"(?:\s*第?\s*[（(]\s*{_N}\s*[）)]\s*项?|\s*第\s*{_N}\s*项)"
_TAIL = rf"(?:\s*第\s*{_N}\s*款)?{_ITEM}?(?:\s*第\s*{_N}\s*目)?"
_ARTICLE = (
    rf"(?:第\s*{_N}\s*条(?:\s*之\s*[一二三四五六七八九十]+)?"
    rf"|(?<![0-9０-９第.．])[0-9０-９]{{1,3}}\s*条(?!意见|建议|修改|内容|措施|问题|规定之外))"
)
_CITATION = re.compile(
    rf"{_ARTICLE}{_TAIL}"
    rf"|第\s*{_N}\s*[编章](?:\s*第\s*{_N}\s*节)?|第\s*{_N}\s*节"
    rf"|(?P<relative>(?:本条|该条|此条)?(?:第\s*{_N}\s*款{_ITEM}?|第\s*{_N}\s*项|第?[（(]{_N}[）)]项))"
)
_STD_CITATION = re.compile(
    r"(?<![0-9０-９.．])(?:第\s*)?[0-9]{1,2}(?:[.．][0-9]{1,2}){1,4}(?![0-9.．])(?:\s*条)?|附录\s*[A-Z]"
)
# Words before a citation that make it a comparison, not the subject of the point.
_ASIDE = re.compile(
    r"(?:参照|参考|依照|依据|根据|按照|对照|比照|与|同|和|及|见|如|衔接|引用)\s*[“\"‘]?\s*$"
)
_OTHER_ACT = re.compile(r"》\s*$|(?<!本)(?:法|条例|规章|细则|规定|办法|决定|准则|标准)\s*$")
# 本办法第二十八条, 《办法》第五条, 《……（征求意见稿）》第五条: the draft itself.
_OUR_ACT = re.compile(
    r"《[^》]*(?:征求意见稿|草案|送审稿|修订稿)[^》]*》\s*$|《?本?(?:办法|规定|细则|条例|规则|标准)》?\s*$"
)


@dataclass(frozen=True, slots=True)
class Anchor:
    key: str | None
    words: str  # the citation as written ('' when none)


NO_ANCHOR = Anchor(None, "")


class Anchorer:
    """The citations of one revision's clauses, found in running text."""

    def __init__(self, index: CitationIndex | None, *, title: str = "") -> None:
        self.index = index
        self.title = title
        self.std = index is not None and index.family == "std"

    def anchor(self, text: str, *, context: str | None = None) -> Anchor:
        """The clause ``text`` is about: the first citation that is its subject, or one
        that is only compared with when there is no other; NO_ANCHOR when none reads."""
        if self.index is None:
            return NO_ANCHOR
        subjects, asides = [], []
        for found in self._citations(text):
            before = text[max(0, found.start() - 30) : found.start()]
            if _OTHER_ACT.search(before) and not self._ours(before):
                continue
            (asides if _ASIDE.search(before) else subjects).append(found)
        for found in subjects + asides:
            key = self.read(found.group(0), relative=bool(found.groupdict().get("relative")),
                            context=context)  # fmt: skip
            if key:
                return Anchor(key, found.group(0).strip())
        return NO_ANCHOR

    def _citations(self, text: str):
        yield from _CITATION.finditer(text)
        if self.std:
            yield from _STD_CITATION.finditer(text)

    def _ours(self, before: str) -> bool:
        if _OUR_ACT.search(before):
            return True
        title = re.search(r"《([^》]*)》\s*$", before)
        return bool(title and self.title and (title.group(1) in self.title or
                                              self.title in title.group(1)))  # fmt: skip

    def read(self, words: str, *, relative: bool = False, context: str | None = None) -> str | None:
        """The key of the clause ``words`` cite; a paragraph or item cited alone is read
        within the context's article; a clause that does not exist gives way to the one
        that contains it (第十五条第五款 of a three-paragraph article: article 15)."""
        assert self.index is not None
        words = re.sub(r"^(?:本条|该条|此条)", "", words.strip())
        if relative:
            article = self._article_of(context)
            if article is None:
                return None
            words = self.index.by_key[article].citation + words
        while words:
            resolution = self.index.read(words)
            if resolution.status == MATCHED:
                return resolution.key
            if resolution.status == AMBIGUOUS and resolution.candidates:
                return self._common(resolution.candidates)
            if resolution.status != UNKNOWN:
                return None
            shorter = re.sub(rf"(?:第\s*{_N}\s*[款项目节]|第?\s*[（(]\s*{_N}\s*[）)]\s*项?)$", "",
                             words)  # fmt: skip
            if shorter == words:
                return None
            words = shorter
        return None

    def _article_of(self, key: str | None) -> str | None:
        while key is not None:
            clause = self.index.by_key.get(key)
            if clause is None:
                return None
            if clause.kind == "article":
                return key
            key = clause.parent
        return None

    def _common(self, keys) -> str | None:
        """The smallest clause that holds all of ``keys`` (第三项 of several paragraphs: the
        article), or None when they share none."""
        lines = []
        for key in keys:
            line = []
            while key is not None and key in self.index.by_key:
                line.append(key)
                key = self.index.by_key[key].parent
            lines.append(line)
        shared = set(lines[0]).intersection(*map(set, lines[1:]))
        for key in lines[0]:
            if key in shared and self.index.by_key[key].kind not in ("part", "chapter", "section"):
                return key
        return None
