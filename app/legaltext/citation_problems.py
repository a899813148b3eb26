"""Why a citation reads as it does, as data: a code and its parameters, not a sentence.

The citation reader (citation_reading) says why a form row's clause is unknown or ambiguous
("article 12 has 2 paragraphs, not 5"). The web pages say it in the reader's language, so the
reader hands over a `CitationProblem` — a `ProblemCode` and parameters (numbers, the text as
written, and clause references as `Ref`s) — and each interface words it. `english()` words it
in short English for the CLI and for tests; `Ref.text(language)` names a clause in Chinese
legal usage (第十二条第二款) or in English (paragraph 2 of article 12), with no translation
catalogue: both are part of the legal text, not of the interface.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .numerals import int_to_cn, int_to_letter


class ProblemCode(enum.StrEnum):
    WHOLE_DRAFT = "whole_draft"  # a comment on the whole draft
    READ_AS = "read_as"  # matched: clause
    UNREADABLE = "unreadable"  # text
    BAD_NUMERAL = "bad_numeral"  # text, numeral, detail (English, from the numeral reader)
    NO_SUCH_CLAUSE = "no_such_clause"  # what
    NO_PREAMBLE = "no_preamble"
    NO_ANNEXES = "no_annexes"
    HAS_NO = "has_no"  # where, what
    NOT_IN = "not_in"  # what, where
    NO_PARAGRAPHS = "no_paragraphs"  # where
    NO_ITEMS = "no_items"  # where
    NO_SUBITEMS = "no_subitems"  # where
    PARAGRAPH_OUT_OF_RANGE = "paragraph_out_of_range"  # where, count, asked
    ITEM_OUT_OF_RANGE = "item_out_of_range"  # where, count, asked
    SUBITEM_OUT_OF_RANGE = "subitem_out_of_range"  # where, count, asked
    PARTLY_READ = "partly_read"  # what, left
    WITHOUT_ARTICLE = "without_article"  # what
    WITHOUT_CLAUSE = "without_clause"  # what (a standards clause)
    MAY_MEAN = "may_mean"  # text, meanings (Refs)
    FITS_SEVERAL = "fits_several"  # what, count
    NAMES_RANGE = "names_range"  # count, first, last
    NAMES_SEVERAL = "names_several"  # parts: the problems of the clauses that do not exist


#: The codes for an inner kind with none of it, and with fewer than asked.
NONE_OF = {
    "paragraph": ProblemCode.NO_PARAGRAPHS,
    "item": ProblemCode.NO_ITEMS,
    "subitem": ProblemCode.NO_SUBITEMS,
}
OUT_OF_RANGE = {
    "paragraph": ProblemCode.PARAGRAPH_OUT_OF_RANGE,
    "item": ProblemCode.ITEM_OUT_OF_RANGE,
    "subitem": ProblemCode.SUBITEM_OUT_OF_RANGE,
}

# Short English, with {name} for the parameters; "count" words are made plural by _plural.
ENGLISH = {
    ProblemCode.WHOLE_DRAFT: "a comment on the whole draft",
    ProblemCode.READ_AS: "read as {clause}",
    ProblemCode.UNREADABLE: "cannot read '{text}' as a clause citation",
    ProblemCode.BAD_NUMERAL: "cannot read '{text}': {detail}",
    ProblemCode.NO_SUCH_CLAUSE: "there is no {what} in this revision",
    ProblemCode.NO_PREAMBLE: "this revision has no preamble",
    ProblemCode.NO_ANNEXES: "this revision has no annexes",
    ProblemCode.HAS_NO: "{where} has no {what}",
    ProblemCode.NOT_IN: "{what} is not in {where}",
    ProblemCode.NO_PARAGRAPHS: "{where} has no paragraphs",
    ProblemCode.NO_ITEMS: "{where} has no items",
    ProblemCode.NO_SUBITEMS: "{where} has no sub-items",
    ProblemCode.PARAGRAPH_OUT_OF_RANGE: "{where} has {count} paragraph{s}, not {asked}",
    ProblemCode.ITEM_OUT_OF_RANGE: "{where} has {count} item{s}, not {asked}",
    ProblemCode.SUBITEM_OUT_OF_RANGE: "{where} has {count} sub-item{s}, not {asked}",
    ProblemCode.PARTLY_READ: "read {what}, but not '{left}'",
    ProblemCode.WITHOUT_ARTICLE: "{what} is cited without its article",
    ProblemCode.WITHOUT_CLAUSE: "{what} is cited without its clause",
    ProblemCode.MAY_MEAN: "'{text}' may mean {meanings}",
    ProblemCode.FITS_SEVERAL: "{what} fits {count} clauses",
    ProblemCode.NAMES_RANGE: "names {count} clauses, {first} to {last}",
    ProblemCode.NAMES_SEVERAL: "names several clauses",
}
ENGLISH_TRUNCATED = " ({total} candidates, the first {shown} offered)"

_EN_WORD = {"subitem": "sub-item"}
_ZH_MARK = {"part": "编", "chapter": "章", "section": "节", "paragraph": "款", "item": "项"}
_ZH_MARK["subitem"] = "目"


@dataclass(frozen=True)
class Ref:
    """A clause as a reading names it: steps from the outside in, such as
    (("article", (12, 0)), ("paragraph", 2)). ``nested`` words it inside out in English
    ("paragraph 2 of article 12", a clause that exists) rather than as read ("article 12
    paragraph 2"). Chinese names both the same way."""

    steps: tuple[tuple[str, Any], ...]
    nested: bool = False

    def text(self, language: str) -> str:
        return self._chinese() if language.startswith("zh") else self._english()

    def _english(self) -> str:
        words = [_english_step(name, value) for name, value in self.steps]
        return " of ".join(reversed(words)) if self.nested else " ".join(words)

    def _chinese(self) -> str:
        out, standard = [], False
        for name, value in self.steps:
            if name == "article":
                number, suffix = value
                out.append(
                    f"第{int_to_cn(number)}条" + (f"之{int_to_cn(suffix)}" if suffix else "")
                )
            elif name == "clause":
                standard = True
                out.append(str(value))
            elif standard and name in ("paragraph", "item", "subitem"):
                # GB/T 1.1: 5.1.2第2段, 5.1.2 a), 5.1.2 a) 1)
                out.append(_standard_step(name, value))
            elif name in _ZH_MARK:
                out.append(f"第{int_to_cn(value)}{_ZH_MARK[name]}")
            elif name == "annex":
                if value is None:
                    out.append("附件")
                elif isinstance(value, int):
                    out.append(f"附件{int_to_cn(value)}")
                else:
                    out.append(f"附录{value}")
            elif name == "preamble":
                out.append("序言")
            else:  # "named" (kind, citation) and unknown keys: as written
                out.append(str(value[1] if name in ("named", "named_annex") else value))
        return "".join(out).strip()


def _standard_step(name: str, value: int) -> str:
    """GB/T 1.1 usage after a clause number: 5.1.2第2段, 5.1.2 a), 5.1.2 a) 1)."""
    if name == "paragraph":
        return f"第{value}段"
    if name == "item" and 0 < value <= 52:
        return f" {int_to_letter(value)})"
    return f" {value})"


def _english_step(name: str, value) -> str:
    if name == "article":
        number, suffix = value
        return f"article {number}" + (f"-{suffix}" if suffix else "")
    if name == "preamble":
        return "the preamble"
    if name == "annex":
        return "an annex" if value is None else f"annex {value}"
    if name == "named_annex":
        return f"annex {value[1]}"
    if name == "named":
        return f"{value[0]} {value[1]}"
    return f"{_EN_WORD.get(name, name)} {value}"


@dataclass(frozen=True)
class CitationProblem:
    """Why a citation reads as it does: a code, its parameters (ints, the text as written,
    Refs; ``meanings`` a tuple of Refs), the problems of the parts of a list of clauses, and
    how many candidates there were when not all are offered."""

    code: ProblemCode
    params: Mapping[str, Any] = field(default_factory=dict)
    parts: tuple[CitationProblem, ...] = ()
    total: int = 0  # candidates found, when more than ``shown`` were
    shown: int = 0

    def words(self, language: str) -> dict[str, Any]:
        """The parameters ready for a message: Refs named in ``language``."""
        joiner = "或" if language.startswith("zh") else " or "
        out: dict[str, Any] = {}
        for name, value in self.params.items():
            if isinstance(value, Ref):
                out[name] = value.text(language)
            elif name == "meanings":
                out[name] = joiner.join(dict.fromkeys(ref.text(language) for ref in value))
            else:
                out[name] = value
        return out

    def truncated(self, total: int, shown: int) -> CitationProblem:
        return CitationProblem(self.code, self.params, self.parts, total, shown)

    def english(self) -> str:
        words = self.words("en")
        if "count" in words:
            words["s"] = "" if words["count"] == 1 else "s"
        text = ENGLISH[self.code].format(**words)
        text += "".join(f"; {part.english()}" for part in self.parts)
        if self.total:
            text += ENGLISH_TRUNCATED.format(total=self.total, shown=self.shown)
        return text
