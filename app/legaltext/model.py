"""The clause tree of a draft: Clause and Document dataclasses, and ParseError."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: Kinds counted by Document.counts(), in the order of the returned dict.
COUNTED_KINDS = {
    "parts": "part",
    "chapters": "chapter",
    "sections": "section",
    "articles": "article",
    "paragraphs": "paragraph",
    "items": "item",
    "subitems": "subitem",
    "annexes": "annex",
}
#: Divisions that may be unnumbered (a bare "## 附则" heading); counts() skips those.
DIVISIONS = ("part", "chapter", "section")


class ParseError(ValueError):
    """Bad input: says what and where; str(error) begins with "line N: "."""

    def __init__(
        self, line: int, text: str, *, expected: str | None = None, found: str | None = None
    ) -> None:
        self.line = max(1, int(line))
        self.message = f"line {self.line}: {text}"
        self.expected = expected
        self.found = found
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        # Keep the error picklable (multiprocessing, caches) despite the keyword-only init.
        text = self.message.split(": ", 1)[1]
        return (_rebuild_error, (self.line, text, self.expected, self.found))


def _rebuild_error(line: int, text: str, expected: str | None, found: str | None) -> ParseError:
    return ParseError(line, text, expected=expected, found=found)


@dataclass(frozen=True)
class Clause:
    """One addressable unit of a draft: a chapter, an article, a paragraph (款), an item (项)…"""

    key: str
    kind: str
    number: int | None
    suffix: int
    label: str
    caption: str
    parent: str | None
    position: int
    text: str
    citation: str
    # Rendering reflows lines, so the source line is not part of a clause's identity.
    line: int = field(compare=False)
    deleted: bool = False


@dataclass
class Document:
    """A parsed draft: front matter, family (cn/en/std), language and clauses in order."""

    meta: dict[str, str]
    family: str
    language: str
    clauses: list[Clause]

    def by_key(self) -> dict[str, Clause]:
        """Map each clause key to its clause."""
        return {clause.key: clause for clause in self.clauses}

    def children(self, key: str | None) -> list[Clause]:
        """The clauses whose parent is `key` (None: the top level), in document order."""
        return [clause for clause in self.clauses if clause.parent == key]

    def counts(self) -> dict[str, int]:
        """How many parts, chapters, sections, articles, paragraphs, items, sub-items, annexes.

        Unnumbered divisions (a bare 附则 heading) are not counted: they carry no number a
        reader could cite, and the reference counts of real laws do not include them.
        """
        tally = Counter(
            clause.kind
            for clause in self.clauses
            if clause.kind not in DIVISIONS or clause.number is not None
        )
        return {name: tally[kind] for name, kind in COUNTED_KINDS.items()}

    def to_json(self) -> dict:
        """A JSON-ready dict: meta, family, language and the clauses (without source lines)."""
        return {
            "meta": dict(self.meta),
            "family": self.family,
            "language": self.language,
            "clauses": [
                {
                    "key": c.key,
                    "kind": c.kind,
                    "number": c.number,
                    "suffix": c.suffix,
                    "label": c.label,
                    "caption": c.caption,
                    "citation": c.citation,
                    "parent": c.parent,
                    "text": c.text,
                    "deleted": c.deleted,
                }
                for c in self.clauses
            ],
        }
