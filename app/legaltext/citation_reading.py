"""Reading the clause column of feedback forms: from what people write to clause keys.

Units answering a consultation cite clauses in many ways — 第十二条第二款第三项, 第12条第2款,
十二条, 第十二条（三）, 12.2, Article 12(2)(c), 5.1.2 a), 附录A — and with full-width digits,
spaces and words around them. `read_citation(text, clauses)` (or `CitationIndex(clauses).read`
for many rows) resolves such a text against the clauses of one revision:

- "matched": one clause, and nothing in the text was left unexplained;
- "ambiguous": candidates to choose from — the text names several clauses (第十二条、第十五条, a
  range), fits several (第三项 without its article; 第一章 where chapters restart in each part;
  12.2 when both article 12 paragraph 2 and a standards clause 12.2 exist), or was only partly
  understood (第十二条后增加一条: article 12 is offered, the team confirms);
- "unknown": nothing fits, with the reason ("there is no article 99 in this revision",
  "article 12 has 3 paragraphs, not 5");
- "general": 总体, 通篇, 全文, General, an empty cell — a comment on the whole draft.

A text equal to a clause's own citation (or its key, art12.p2) always reads as that clause, so a
pre-filled form comes back exactly. Where two clauses share a citation — a standards clause and
its only paragraph (5.1.2 cites both, as in GB/T 1.1 usage) — the text reads as the clause, the
larger unit: the reader did not single out a paragraph. 第十二条第一款 of an article with one
paragraph, by contrast, names paragraph 1, which exists (art12.p1), and reads as it: Chinese
usage only drops 第一款 in citations of items. An item cited under its article (第十二条第三项)
is looked for in all the article's paragraphs: one fit is a match, several are ambiguous.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ._citation_grammar import (
    LEVEL,
    Reading,
    compact,
    is_general,
    normalize,
    numeral_trouble,
    readings,
    strip_prefix,
)
from .citation_problems import NONE_OF, OUT_OF_RANGE, CitationProblem, ProblemCode, Ref

MATCHED, AMBIGUOUS, UNKNOWN, GENERAL = "matched", "ambiguous", "unknown", "general"
#: At most this many candidates are offered; the reason gives the full count.
MAX_CANDIDATES = 20
_INNER = ("paragraph", "item", "subitem")
_LIST = re.compile(r"\s*(?:、|;|,|以及|和|及|与|或|&|\band\b|\bor\b)\s*", re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:至|到|~|—+|–|\bto\b)\s*", re.IGNORECASE)
_CAPTION_END = re.compile(r"(?:一章|章|一节|节|编|部分)$")


class CitableClause(Protocol):
    """What the reader needs of a clause (app.legaltext.Clause has it; so do small adapters
    of database rows). Optional: citation_en, caption, caption_en, read when present."""

    @property
    def key(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def number(self) -> int | None: ...
    @property
    def suffix(self) -> int: ...
    @property
    def parent(self) -> str | None: ...
    @property
    def citation(self) -> str: ...


@dataclass(frozen=True)
class Resolution:
    """The outcome of reading one citation. `problem` says why, as a code and parameters
    that each interface words in its reader's language; `reason` is the same in short English
    (the CLI's, and what tests compare)."""

    status: str  # matched | ambiguous | unknown | general
    key: str | None = None  # the clause key when matched
    candidates: tuple[str, ...] = ()  # keys to choose from when ambiguous
    reason: str = ""
    problem: CitationProblem | None = field(default=None, compare=False)


def _resolution(status: str, problem: CitationProblem, **fields) -> Resolution:
    return Resolution(status, reason=problem.english(), problem=problem, **fields)


def _problem(code: ProblemCode, **params) -> CitationProblem:
    return CitationProblem(code, params)


@dataclass(frozen=True)
class _Outcome:
    keys: tuple[str, ...] = ()
    problem: CitationProblem | None = None  # why nothing fits
    hints: tuple[str, ...] = ()  # near misses: article 12 exists, but not in chapter 3


def read_citation(text: str, clauses: Sequence[CitableClause], *, family: str = "cn") -> Resolution:
    """Resolve one citation against the clauses of a revision (in document order)."""
    return CitationIndex(clauses, family=family).read(text)


class CitationIndex:
    """The clauses of one revision, indexed once, to read many citations (a 500-row form)."""

    def __init__(self, clauses: Iterable[CitableClause], *, family: str = "cn") -> None:
        self.family = family
        self.clauses = list(clauses)
        self.by_key = {c.key: c for c in self.clauses}
        self.position = {c.key: i for i, c in enumerate(self.clauses)}
        self.children: dict[str | None, list] = defaultdict(list)
        self.numbered: dict[tuple, list] = defaultdict(list)
        self.kinds: dict[str, list] = defaultdict(list)
        self.keys: dict[str, list[str]] = defaultdict(list)
        self.exact: dict[str, list[str]] = defaultdict(list)
        self.captions: dict[str, list[str]] = defaultdict(list)
        self._ancestors: dict[str, frozenset[str]] = {}
        for c in self.clauses:
            self.children[c.parent].append(c)
            self.kinds[c.kind].append(c)
            self.keys[c.key.lower()].append(c.key)
            if c.kind == "article" and c.key.startswith("art"):
                self.numbered["article", (c.number, c.suffix or 0)].append(c)
            elif c.number is not None and c.kind != "article":  # not standards clauses
                self.numbered[c.kind, c.number].append(c)
            for citation in {c.citation, getattr(c, "citation_en", "") or ""} - {""}:
                self.exact[compact(citation)].append(c.key)
            if c.kind in ("part", "chapter", "section", "annex"):
                for caption in {getattr(c, "caption", ""), getattr(c, "caption_en", "")} - {""}:
                    self.captions[compact(caption)].append(c.key)

    # -- reading -------------------------------------------------------------------------------

    def read(self, text: str | float | None) -> Resolution:
        """Resolve one citation as people write it (a spreadsheet may hand over 12 or 12.2
        as a number; None is an empty cell)."""
        if isinstance(text, float) and text.is_integer():
            text = int(text)
        normal = normalize("" if text is None else str(text))
        if is_general(normal):
            return _resolution(GENERAL, _problem(ProblemCode.WHOLE_DRAFT))
        body = strip_prefix(normal)
        whole = self._readings(body)
        if not any(r.clean for r in whole):
            several = self._several(body)
            if several is not None:
                return several
        if not whole:
            trouble = numeral_trouble(body)
            if trouble:
                numeral, detail = trouble
                return _resolution(
                    UNKNOWN,
                    _problem(ProblemCode.BAD_NUMERAL, text=normal, numeral=numeral, detail=detail),
                )
            return _resolution(UNKNOWN, _problem(ProblemCode.UNREADABLE, text=normal))
        return self._conclude(normal, whole)

    def _readings(self, body: str) -> list[Reading]:
        """Grammar readings (this family's first), then the clause whose citation, key or
        caption the text is."""
        found = sorted(readings(body), key=lambda r: (r.grammar == "std") != (self.family == "std"))
        flat = compact(body)
        exact = self._chain_head(self.exact.get(flat, []))
        exact += self.keys.get(flat, [])
        exact += self.captions.get(_CAPTION_END.sub("", flat), []) + self.captions.get(flat, [])
        for key in dict.fromkeys(exact):
            found.append(Reading((("key", key),), True, grammar="exact"))
        return found

    def _chain_head(self, keys: list[str]) -> list[str]:
        """Of clauses sharing a citation, drop those whose parent shares it (a single 段)."""
        return [k for k in keys if self.by_key[k].parent not in keys]

    def _conclude(self, normal: str, found: list[Reading]) -> Resolution:
        clean = [r for r in found if r.clean]
        # Only partly understood: keep the readings that left the least unexplained.
        pool = clean or [r for r in found if len(r.left) == min(len(f.left) for f in found)]
        outcomes = [(r, self._resolve(r.steps)) for r in pool]
        hits = [(r, o) for r, o in outcomes if o.keys]
        keys = list(dict.fromkeys(k for _, o in hits for k in o.keys))
        if not keys:
            hints = tuple(dict.fromkeys(h for _, o in outcomes for h in o.hints))
            problem = outcomes[0][1].problem
            if hints:
                return self._ambiguous(hints, problem)
            return _resolution(UNKNOWN, problem)
        reading, outcome = hits[0]
        if not clean:
            what = _say(reading.steps, self)
            return self._ambiguous(
                keys, _problem(ProblemCode.PARTLY_READ, what=what, left=reading.left)
            )
        if len(keys) == 1 and not any(r.partial for r, _ in hits):
            clause = self.describe(keys[0])
            return _resolution(MATCHED, _problem(ProblemCode.READ_AS, clause=clause), key=keys[0])
        if reading.partial:
            code = (
                ProblemCode.WITHOUT_CLAUSE if self.family == "std" else ProblemCode.WITHOUT_ARTICLE
            )
            return self._ambiguous(keys, _problem(code, what=_say(reading.steps, self)))
        if len({o.keys for _, o in hits}) > 1:
            meanings = tuple(_say(r.steps, self) for r, _ in hits)
            return self._ambiguous(
                keys, _problem(ProblemCode.MAY_MEAN, text=normal, meanings=meanings)
            )
        what = _say(reading.steps, self)
        return self._ambiguous(keys, _problem(ProblemCode.FITS_SEVERAL, what=what, count=len(keys)))

    def _ambiguous(self, keys: Sequence[str], problem: CitationProblem) -> Resolution:
        keys = sorted(dict.fromkeys(keys), key=self.position.__getitem__)
        if len(keys) > MAX_CANDIDATES:
            problem = problem.truncated(len(keys), MAX_CANDIDATES)
        return _resolution(AMBIGUOUS, problem, candidates=tuple(keys[:MAX_CANDIDATES]))

    def _several(self, body: str) -> Resolution | None:
        """第十二条、第十五条 / 第十二条至第十五条 / 第二款、第三款 (inheriting the article)."""
        ranged = _RANGE.split(body)
        parts = ranged if len(ranged) == 2 else _LIST.split(body)
        if len(parts) < 2 or not all(parts):
            return None
        results, previous = [], ()
        for part in parts:
            found = [r for r in self._readings(part) if r.clean]
            if not found:
                return None
            first = found[0]
            if previous and first.grammar != "exact":
                level = LEVEL[first.steps[0][0]]
                inherited = tuple(s for s in previous if LEVEL[s[0]] < level)
                if inherited:
                    found = [Reading(inherited + first.steps, True, grammar=first.grammar)]
            previous = found[0].steps
            results.append(self._conclude(part, found))
        if len(ranged) == 2 and all(r.status == MATCHED for r in results):
            span = self._span(results[0].key, results[1].key)
            if span:
                first, last = (self.describe(k) for k in (span[0], span[-1]))
                return self._ambiguous(
                    span,
                    _problem(ProblemCode.NAMES_RANGE, count=len(span), first=first, last=last),
                )
        keys = [k for r in results for k in ((r.key,) if r.key else r.candidates)]
        if not keys:
            return _resolution(UNKNOWN, next(r.problem for r in results if r.problem))
        failed = tuple(r.problem for r in results if r.status == UNKNOWN)
        return self._ambiguous(keys, CitationProblem(ProblemCode.NAMES_SEVERAL, parts=failed))

    def _span(self, start: str, end: str) -> list[str]:
        a, b = self.by_key[start], self.by_key[end]
        low, high = self.position[start], self.position[end]
        if a.kind != b.kind or high <= low or (a.kind in _INNER and a.parent != b.parent):
            return []
        return [
            c.key
            for c in self.clauses[low : high + 1]
            if c.kind == a.kind
            and (c.parent == a.parent if a.kind in _INNER else _same_rank(a.key, c.key))
        ]

    # -- resolving -----------------------------------------------------------------------------

    def _resolve(self, steps: tuple) -> _Outcome:
        scopes: list | None = None
        for index, (name, value) in enumerate(steps):
            found, problem, hints = self._step(name, value, scopes, steps[: index + 1])
            if not found:
                return _Outcome(problem=problem, hints=tuple(hints))
            scopes = found
        return _Outcome(keys=tuple(dict.fromkeys(c.key for c in scopes or ())))

    def _step(
        self, name: str, value, scopes: list | None, said: tuple
    ) -> tuple[list, object, list]:
        what = _say(said[-1:], self)
        no_such = _problem(ProblemCode.NO_SUCH_CLAUSE, what=what)
        if name in ("key", "clause"):
            clause = self.by_key.get(value)
            return ([clause] if clause else []), no_such, []
        if name == "preamble":
            return self.kinds["preamble"], _problem(ProblemCode.NO_PREAMBLE), []
        if name == "annex":
            if value is None:
                return self.kinds["annex"], _problem(ProblemCode.NO_ANNEXES), []
            clause = self.by_key.get(f"annex{value}")
            return ([clause] if clause else []), no_such, []
        if name in _INNER and scopes is not None:
            found = [
                c for s in scopes for c in self._inner(s) if c.kind == name and c.number == value
            ]
            return found, self._missing(scopes, name, value, said), []
        pool = self.numbered.get((name, value), [])
        if scopes is None or (name == "article" and not pool):  # articles run through
            return pool, no_such, []
        inside = [c for c in pool if any(self._within(c, s) for s in scopes)]
        if inside or not pool:
            where = self.describe(scopes[0].key) if len(scopes) == 1 else _say(said[:-1], self)
            return inside, _problem(ProblemCode.HAS_NO, where=where, what=what), []
        where = _say(said[:-1], self)
        return [], _problem(ProblemCode.NOT_IN, what=what, where=where), [c.key for c in pool]

    def _inner(self, scope) -> list:
        """Paragraphs, items and sub-items of a clause, not crossing into sub-clauses."""
        out, stack = [], list(reversed(self.children.get(scope.key, [])))
        while stack:
            clause = stack.pop()
            if clause.kind in _INNER:
                out.append(clause)
                stack.extend(reversed(self.children.get(clause.key, [])))
        return out

    def _missing(self, scopes: list, name: str, value: int, said: tuple) -> CitationProblem:
        if len(scopes) > 1:
            return _problem(ProblemCode.NO_SUCH_CLAUSE, what=_say(said, self))
        scope = scopes[0]
        where = self.describe(scope.key)
        counted = [c for c in self._inner(scope) if c.kind == name]
        if not counted:
            return _problem(NONE_OF[name], where=where)
        if all(c.parent == scope.key for c in counted):
            return _problem(OUT_OF_RANGE[name], where=where, count=len(counted), asked=value)
        return _problem(ProblemCode.HAS_NO, where=where, what=Ref(((name, value),)))

    def _within(self, clause, scope) -> bool:
        return scope.key in self._ancestry(clause.key)

    def _ancestry(self, key: str) -> frozenset[str]:
        known = self._ancestors.get(key)
        if known is None:
            parent = self.by_key[key].parent
            above = self._ancestry(parent) if parent in self.by_key else frozenset()
            known = self._ancestors[key] = above | ({parent} if parent else set())
        return known

    def describe(self, key: str) -> Ref:
        """A clause that exists: paragraph 2 of article 12, clause 5.1.2, annex A."""
        return Ref(self._steps(key), nested=True)

    def _steps(self, key: str) -> tuple[tuple[str, object], ...]:
        clause = self.by_key[key]
        kind, number = clause.kind, clause.number
        if kind == "article" and key.startswith("art"):
            return (("article", (number, clause.suffix or 0)),)
        if kind in ("article", "chapter") and (key[:1].isdigit() or key[1:2] == "."):
            return (("clause", key),)  # a standard's 5, 5.1.2, A.1
        if kind == "annex":
            if key.startswith("annex"):
                return (("annex", key[5:]),)
            return (("named_annex", (kind, clause.citation)),)
        if kind == "preamble":
            return (("preamble", None),)
        if number is None:
            return (("named", (kind, clause.citation)),)
        above = self._steps(clause.parent) if clause.parent in self.by_key else ()
        return (*above, (kind, number))


def _same_rank(a: str, b: str) -> bool:
    """Articles with articles (art12, art12-1), standards clauses of one depth (5.1, 5.2)."""
    return a.startswith("art") == b.startswith("art") and a.count(".") == b.count(".")


def _say(steps: Sequence[tuple[str, object]], index: CitationIndex) -> Ref:
    """What a reading names, as read: article 12 paragraph 2 item 3."""
    if len(steps) == 1 and steps[0][0] == "key" and steps[0][1] in index.by_key:
        return index.describe(steps[0][1])
    out: list[tuple[str, object]] = []
    for name, value in steps:
        if name == "key" and value in index.by_key:
            out.extend(index._steps(value))
        else:
            out.append((name, value))
    return Ref(tuple(out))
