"""The 修改前后对照表: two revisions of a measure side by side, article by article.

Rows follow the new text's order; a deleted article comes after the row of the article before
it in the old text. Each row is one group of articles linked together through the stored
lineage (app/lineage) — one article kept, renumbered or modified; one split into several;
several merged into one; a new one; a deleted one. Between revisions that are not consecutive
the links of every revision in between are composed (1 → 2 → 3), as the clause history
follows them (app/reading/chain.py). Only articles are compared: their paragraphs and items
are the lines of the article's text, so a changed paragraph shows as a changed line.

The texts of a changed row are compared with legaltext.diffing (characters for Chinese,
words for English) and split back into each side's paragraphs: the old column keeps what was
deleted (marked), the new one what was inserted. Rows whose text did not change are not
compared at all.

A handful of queries whatever the size of the law: the links of the chain, the clauses of
each revision (columns, not objects). The answers that explain a row (the staff's column) are
looked up separately (`row_answers`), since they change while the texts do not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload

from app.comments.models import Comment, CommentStatus
from app.core.extensions import db
from app.legaltext.alignment import ARTICLE_KINDS
from app.legaltext.diffing import DELETE, EQUAL, INSERT, diff
from app.lineage.models import ClauseLink, LinkKind
from app.measures.models import Clause, Revision
from app.reading.chain import chain_links
from app.triage.models import Disposition, Response, ResponseLanding

# The kinds of a row. A row whose text is unchanged is "same" (its number too) or
# "renumbered"; the others are the lineage's kinds of change.
SAME, RENUMBERED = "same", "renumbered"
MODIFIED, SPLIT, MERGED = LinkKind.MODIFIED.value, LinkKind.SPLIT.value, LinkKind.MERGED.value
NEW, DELETED = LinkKind.NEW.value, LinkKind.DELETED.value
ROW_KINDS = (MODIFIED, SPLIT, MERGED, NEW, DELETED, RENUMBERED, SAME)
UNCHANGED = frozenset({SAME, RENUMBERED})
ROW_KIND_LABELS = {
    MODIFIED: _l("Modified"),
    SPLIT: _l("Split"),
    MERGED: _l("Merged"),
    NEW: _l("New"),
    DELETED: _l("Deleted"),
    RENUMBERED: _l("Renumbered"),
    SAME: _l("Unchanged"),
}
LABEL = "label"  # a segment that is the article's number, not its text
ADOPTING = (Disposition.ADOPTED, Disposition.PARTLY)


@dataclass(frozen=True, slots=True)
class Article:
    key: str
    position: int
    label: str  # 第十二条 / Article 12
    text: str  # paragraphs and items, one a line


Segment = tuple[str, str]  # (equal | insert | delete | label, text)
Paragraph = list[Segment]


@dataclass(slots=True)
class CompareRow:
    index: int
    kind: str
    old: list[Article]
    new: list[Article]
    before: list[Paragraph] = field(default_factory=list)  # the old column, deletions marked
    after: list[Paragraph] = field(default_factory=list)  # the new column, insertions marked

    @property
    def changed(self) -> bool:
        return self.kind not in UNCHANGED

    @property
    def html_id(self) -> str:
        return f"row-{self.new[0].key}" if self.new else f"row-deleted-{self.old[0].key}"

    def key_of(self, label: str, side: str) -> str | None:
        """The key of the article numbered ``label`` on ``side`` ("old" or "new") of the row:
        its number segments name it, and its clause page is linked from there."""
        for article in self.old if side == "old" else self.new:
            if article.label == label:
                return article.key
        return None

    @property
    def formerly(self) -> str:
        """The old numbers of a renumbered, split or merged row ("第十二条、第十三条")."""
        return "、".join(article.label for article in self.old)


@dataclass
class Comparison:
    old: Revision
    new: Revision
    chain: list[Revision]  # old, the revisions in between, new
    language: str  # the texts' language: "en" when both revisions have an English text
    rows: list[CompareRow]
    # {(revision id, clause key): the rows it is part of}, for every clause of the chain
    rows_of: dict[tuple[int, str], set[int]]

    @property
    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(ROW_KINDS, 0)
        for row in self.rows:
            found[row.kind] += 1
        return found

    @property
    def unchanged(self) -> int:
        return sum(1 for row in self.rows if not row.changed)

    def blocks(self) -> list[tuple[bool, list[CompareRow]]]:
        """The rows in order, as (collapsed, rows): each run of unchanged rows is one block
        shown collapsed, each changed row a block of its own."""
        found: list[tuple[bool, list[CompareRow]]] = []
        for row in self.rows:
            if not row.changed and found and found[-1][0]:
                found[-1][1].append(row)
            else:
                found.append((not row.changed, [row]))
        return found


def chain_of(revisions: list[Revision], old: int, new: int) -> list[Revision] | None:
    """Revisions ``old`` … ``new`` of a measure's ``revisions``; None when one is missing."""
    chain = [r for r in revisions if old <= r.number <= new]
    return chain if len(chain) == new - old + 1 and old < new else None


def links_signature(chain: list[Revision]) -> tuple:
    """What the comparison's links are, cheaply: their number, newest id and newest time over
    the chain. A correction deletes links (the number drops) or adds one (a newer time, even
    where SQLite gives it the id of a link just deleted). One query, for the page's cache key."""
    return tuple(
        db.session.execute(
            select(
                func.count(ClauseLink.id), func.max(ClauseLink.id), func.max(ClauseLink.created_at)
            ).where(ClauseLink.revision_id.in_([r.id for r in chain[1:]]))
        ).one()
    )


def texts_language(chain: list[Revision], wanted: str) -> str:
    """English when it is wanted and both compared revisions have an English text."""
    return "en" if wanted == "en" and chain[0].has_english and chain[-1].has_english else "zh"


def compare(chain: list[Revision], *, language: str) -> Comparison:
    """The comparison of ``chain[0]`` with ``chain[-1]`` (``language`` as texts_language)."""
    old, new = chain[0], chain[-1]
    trees = [_clause_rows(revision) for revision in chain]
    article_of = [_articles_of(tree) for tree in trees]
    links = chain_links(chain)
    finals, reached = _compose(chain, article_of, links)
    old_articles = _articles(trees[0], article_of[0], language)
    new_articles = _articles(trees[-1], article_of[-1], language)
    rows = _rows(finals, old_articles, new_articles, language=language)
    rows_of = _rows_of(chain, trees, article_of, reached, rows)
    return Comparison(old, new, chain, language, rows, rows_of)


# ---- the clauses and their articles -----------------------------------------------------


def _clause_rows(revision: Revision) -> list:
    """Every clause of ``revision`` in document order, as rows of columns (not objects)."""
    return db.session.execute(
        select(
            Clause.id,
            Clause.parent_id,
            Clause.key,
            Clause.kind,
            Clause.position,
            Clause.label,
            Clause.label_en,
            Clause.text,
            Clause.text_en,
        )
        .where(Clause.revision_id == revision.id, Clause.deleted.is_(False))
        .order_by(Clause.position)
    ).all()


def _articles_of(clauses: list) -> dict[str, str]:
    """{clause key: the key of the article it is in} for articles and what is inside them
    (as lineage's levels: parts, chapters and sections are in no article)."""
    key_of = {c.id: c.key for c in clauses}
    found: dict[str, str] = {}
    for clause in clauses:  # document order: an article before its paragraphs
        parent = key_of.get(clause.parent_id)
        if clause.kind in ARTICLE_KINDS and (parent is None or parent not in found):
            found[clause.key] = clause.key
        elif parent in found:
            found[clause.key] = found[parent]
    return found


def _articles(clauses: list, article_of: dict[str, str], language: str) -> dict[str, Article]:
    english = language == "en"
    return {
        c.key: Article(
            c.key,
            c.position,
            (c.label_en if english and c.label_en else c.label) or c.key,
            c.text_en if english and c.text_en else c.text,
        )
        for c in clauses
        if article_of.get(c.key) == c.key
    }


# ---- following the links from the old text to the new one -----------------------------


def _compose(chain, article_of, links):
    """Where each article of the old text went in the new one, through every revision.

    Returns ``finals``: {origin: {new article key: changed on the way}}, an origin being
    ("old", key) for an article of the old text or ("born", j, key) for one that appeared in
    revision j of the chain; and ``reached``: for each revision j, {article key: origins}."""
    tops = [{k for k, a in found.items() if k == a} for found in article_of]
    paths: dict[tuple, dict[str, bool]] = {("old", k): {k: False} for k in tops[0]}
    reached = [_reached_by(paths)]
    for j in range(1, len(chain)):
        forward: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for link in links.get(chain[j].id, ()):
            if link.from_key in tops[j - 1] and link.to_key in tops[j]:
                forward[link.from_key].append((link.to_key, LinkKind(link.kind) != LinkKind.SAME))
        following: dict[tuple, dict[str, bool]] = {}
        for origin, keys in paths.items():
            went: dict[str, bool] = {}
            for key, changed in keys.items():
                for to_key, step_changed in forward.get(key, ()):
                    went[to_key] = went.get(to_key, False) or changed or step_changed
            if went:
                following[origin] = went
        arrived = {key for went in following.values() for key in went}
        for key in tops[j] - arrived:  # new here (or not aligned: new as far as we know)
            following[("born", j, key)] = {key: True}
        paths = following
        reached.append(_reached_by(paths))
    return paths, reached


def _reached_by(paths: dict[tuple, dict[str, bool]]) -> dict[str, set[tuple]]:
    found: dict[str, set[tuple]] = defaultdict(set)
    for origin, keys in paths.items():
        for key in keys:
            found[key].add(origin)
    return found


def _rows(finals, old_articles, new_articles, *, language: str) -> list[CompareRow]:
    """The rows: the groups of old and new articles linked together, in the new text's order."""
    new_from: dict[str, set[str]] = defaultdict(set)  # new key -> old keys
    changed: dict[str, bool] = defaultdict(bool)  # new key -> changed on some path to it
    for origin, keys in finals.items():
        for key, was_changed in keys.items():
            if origin[0] == "old":
                new_from[key].add(origin[1])
            changed[key] = changed[key] or was_changed
    old_to: dict[str, set[str]] = defaultdict(set)
    for new_key, old_keys in new_from.items():
        for old_key in old_keys:
            old_to[old_key].add(new_key)
    groups: list[tuple[list[str], list[str]]] = []
    seen_old: set[str] = set()
    for key in sorted(new_articles, key=lambda k: new_articles[k].position):
        if key in new_from or key in seen_old:
            continue
        groups.append(([], [key]))  # new
    placed_new: set[str] = set()
    for old_key in sorted(old_articles, key=lambda k: old_articles[k].position):
        if old_key in seen_old:
            continue
        olds, news, stack = set(), set(), [("old", old_key)]
        while stack:  # the connected group of old and new articles
            side, key = stack.pop()
            if side == "old" and key not in olds:
                olds.add(key)
                stack += [("new", k) for k in old_to.get(key, ())]
            elif side == "new" and key not in news:
                news.add(key)
                stack += [("old", k) for k in new_from.get(key, ())]
        seen_old |= olds
        placed_new |= news
        groups.append(
            (
                sorted(olds, key=lambda k: old_articles[k].position),
                sorted(news, key=lambda k: new_articles[k].position),
            )
        )
    rows = [
        _row(
            [old_articles[k] for k in olds],
            [new_articles[k] for k in news],
            any(changed[k] for k in news),
            language,
        )
        for olds, news in groups
    ]
    rows = _ordered(rows)
    for index, row in enumerate(rows):
        row.index = index
    return rows


def _row(old: list[Article], new: list[Article], changed: bool, language: str) -> CompareRow:
    if not old:
        kind = NEW
    elif not new:
        kind = DELETED
    elif len(old) == 1 and len(new) == 1:
        same_text = _folded(old[0].text) == _folded(new[0].text)
        if same_text and not changed:
            kind = SAME if old[0].label == new[0].label else RENUMBERED
        else:
            kind = MODIFIED
    else:
        kind = SPLIT if len(new) > len(old) else MERGED
    row = CompareRow(0, kind, old, new)
    old_text = "\n".join(a.text for a in old)
    new_text = "\n".join(a.text for a in new)
    if kind in UNCHANGED:
        changes = [(EQUAL, new_text)]
    elif kind == NEW:
        changes = [(INSERT, new_text)]
    elif kind == DELETED:
        changes = [(DELETE, old_text)]
    else:
        changes = diff(old_text, new_text, language)
    row.before = _side(changes, DELETE, old)
    row.after = _side(changes, INSERT, new)
    return row


def _folded(text: str) -> str:
    return "".join(text.split())


def _side(changes: list[tuple[str, str]], shown: str, articles: list[Article]) -> list[Paragraph]:
    """One column of a row: the diff's equal runs and ``shown`` runs (deletions on the old
    side, insertions on the new) cut into the side's lines, each article's number first.
    Those runs put together are exactly the side's text, so its lines are the articles'."""
    if not articles:
        return []
    lines: list[Paragraph] = [[]]
    for op, text in changes:
        if op != EQUAL and op != shown:
            continue
        for number, part in enumerate(text.split("\n")):
            if number:
                lines.append([])
            if part:
                lines[-1].append((op, part))
    at = 0
    for article in articles:
        if at < len(lines):
            lines[at].insert(0, (LABEL, article.label))
        at += article.text.count("\n") + 1
    return [line for line in lines if line]


def _ordered(rows: list[CompareRow]) -> list[CompareRow]:
    """The new text's order; a deleted article after the row of the old article before it
    (at the top when it was the first)."""
    place: dict[str, tuple] = {}
    for row in rows:
        if row.new:
            spot = (min(a.position for a in row.new), 0, 0)
            for article in row.old:
                place[article.key] = spot
    old_order = sorted((a for row in rows for a in row.old), key=lambda article: article.position)
    previous: dict[str, tuple] = {}
    last: tuple = (-1, 0, 0)
    for article in old_order:
        previous[article.key] = last
        last = place.get(article.key, last)

    def position(row: CompareRow) -> tuple:
        if row.new:
            return place.get(row.old[0].key) if row.old else (row.new[0].position, 0, 0)
        return (previous[row.old[0].key][0], 1, row.old[0].position)

    return sorted(rows, key=position)


def _rows_of(chain, trees, article_of, reached, rows) -> dict[tuple[int, str], set[int]]:
    """{(revision id, clause key): rows} for every clause of every revision of the chain: an
    old or new clause is in its article's row; one of a revision in between, in the rows of
    the old articles it came from, or of the new articles it became."""
    by_old = {a.key: row.index for row in rows for a in row.old}
    by_new = {a.key: row.index for row in rows for a in row.new}
    by_origin: dict[tuple, set[int]] = defaultdict(set)
    for row in rows:
        for article in row.old:
            by_origin[("old", article.key)].add(row.index)
    last = len(chain) - 1
    for key, origins in reached[last].items():
        for origin in origins:
            if origin[0] == "born" and key in by_new:
                by_origin[origin].add(by_new[key])
    found: dict[tuple[int, str], set[int]] = {}
    for j, (revision, clauses) in enumerate(zip(chain, trees, strict=True)):
        for clause in clauses:
            article = article_of[j].get(clause.key)
            if article is None:
                continue
            if j == 0:
                rows_here = {by_old[article]} if article in by_old else set()
            elif j == last:
                rows_here = {by_new[article]} if article in by_new else set()
            else:
                rows_here = set()
                for origin in reached[j].get(article, ()):
                    rows_here |= by_origin.get(origin, set())
            if rows_here:
                found[(revision.id, clause.key)] = rows_here
    return found


# ---- the answers that explain a row (the staff's column) --------------------------------


def row_answers(comparison: Comparison) -> dict[int, list[Response]]:
    """{row index: answers}, in any state (the staff's column): answers whose landing names a
    clause of the row in a later revision of the chain, and adopted (采纳, 部分采纳) answers to
    comments made on a clause of the row in an earlier one. Three queries."""
    return row_answers_of(comparison.chain, comparison.rows_of)


def row_answers_of(
    chain: list[Revision], rows_of: dict[tuple[int, str], set[int]]
) -> dict[int, list[Response]]:
    """As row_answers, from a comparison's chain and ``rows_of`` (what the page caches)."""
    ids = [r.id for r in chain]
    found: dict[int, set[int]] = defaultdict(set)  # row -> response ids
    landings = db.session.execute(
        select(ResponseLanding.response_id, ResponseLanding.revision_id, ResponseLanding.clause_key)
        .join(Response, Response.id == ResponseLanding.response_id)
        .where(ResponseLanding.revision_id.in_(ids[1:]), Response.revision_id.in_(ids))
    ).all()
    on_comments = db.session.execute(
        select(Response.id, Clause.revision_id, Clause.key)
        .join(
            Comment,
            or_(
                Comment.id == Response.comment_id,
                and_(Response.group_id.is_not(None), Comment.group_id == Response.group_id),
            ),
        )
        .join(Clause, Clause.id == Comment.clause_id)
        .where(
            Response.revision_id.in_(ids[:-1]),
            Response.disposition.in_(ADOPTING),
            Comment.status == CommentStatus.SUBMITTED,
        )
    ).all()
    for response_id, revision_id, key in [*landings, *on_comments]:
        for index in rows_of.get((revision_id, key), ()):
            found[index].add(response_id)
    wanted = {response_id for ids_ in found.values() for response_id in ids_}
    if not wanted:
        return {}
    responses = {
        r.id: r
        for r in db.session.scalars(
            select(Response)
            .where(Response.id.in_(wanted))
            .options(selectinload(Response.group), selectinload(Response.comment))
        )
    }
    return {index: [responses[i] for i in sorted(found[index])] for index in sorted(found)}
