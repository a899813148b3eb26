"""The team's queue of a revision's comments: filters, facet counts, sort and paging.

Everything is computed in SQL with a fixed number of statements per page (one count, one
page of rows, one GROUP BY per facet), so the page costs the same at 50 comments or 10,000.
A facet's counts apply every active filter except its own, so each option shows how many
comments choosing it would give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased, contains_eager, joinedload

from app.accounts.models import Unit, UnitCategory, User
from app.comments.models import Attachment, Channel, Comment, CommentStatus, CommentType
from app.comments.moderation_models import HIDDEN_NOW, REPORTED_NOW
from app.core.extensions import db
from app.lineage.models import ClauseLink
from app.measures.models import Clause, Revision
from app.triage.models import Disposition, Event, Response, ResponseState
from app.triage.team_search import TeamSearch

PAGE_SIZE = 50
SORTS = ("document", "newest", "oldest", "unit")

# The response answering a comment: its own, else its group's (a comment's own answer wins).
_own = aliased(Response, name="own_response")
_grouped = aliased(Response, name="group_response")
DISPOSITION = func.coalesce(_own.disposition, _grouped.disposition)
STATE = func.coalesce(_own.state, _grouped.state)
# A non-correlated IN: both engines build the set of commented-on ids once per statement.
HAS_ATTACHMENT = Comment.id.in_(select(Attachment.comment_id))
# Answered: a published response on the comment or on its group (as revision_totals counts).
# The group test is spelt out for ungrouped comments: NULL IN (…) is NULL, and NOT NULL too.
ANSWERED = Comment.id.in_(
    select(Response.comment_id).where(
        Response.state == ResponseState.PUBLISHED, Response.comment_id.is_not(None)
    )
) | (
    Comment.group_id.is_not(None)
    & Comment.group_id.in_(
        select(Response.group_id).where(
            Response.state == ResponseState.PUBLISHED, Response.group_id.is_not(None)
        )
    )
)
# Moderation: hidden from the public now, else with a reader's open report (hiding closes
# the reports, so a comment is rarely both; hidden wins).
MODERATION = case((HIDDEN_NOW, "hidden"), (REPORTED_NOW, "reported"), else_=None)


@dataclass(frozen=True)
class QueueFilters:
    """The query string of the queue, validated: unknown values are dropped, not errors."""

    clause: str = ""  # a clause key; includes its sub-clauses
    general: bool = False  # whole-draft comments only
    type: str = ""
    category: str = ""
    unit: int | None = None
    channel: str = ""
    event: int | None = None
    status: str = ""  # "" = submitted; "withdrawn"; "all"
    disposition: str = ""  # a Disposition value or "none"
    state: str = ""  # a ResponseState value, "none", or "unpublished" (none of them published)
    group: str = ""  # "any", "none" or a group id
    assignee: str = ""  # "none", "me" or a user id
    attachment: str = ""  # "yes" / "no"
    late: str = ""  # "yes" / "no"
    carried: str = ""  # "yes": only those carried over from earlier revisions; "no": none
    moderation: str = ""  # "reported": with an open report; "hidden": hidden from the public
    q: str = ""
    sort: str = "document"
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> QueueFilters:
        def choice(name: str, allowed) -> str:
            value = (args.get(name) or "").strip()
            return value if value in allowed else ""

        def number(name: str) -> int | None:
            value = (args.get(name) or "").strip()
            return int(value) if value.isdigit() and len(value) < 10 else None

        group = (args.get("group") or "").strip()
        assignee = (args.get("assignee") or "").strip()
        return cls(
            clause=(args.get("clause") or "").strip()[:120],
            general=args.get("general") in ("1", "yes", "on"),
            type=choice("type", {t.value for t in CommentType}),
            category=choice("category", {c.value for c in UnitCategory}),
            unit=number("unit"),
            channel=choice("channel", {c.value for c in Channel}),
            event=number("event"),
            status=choice("status", {"withdrawn", "all"}),
            disposition=choice("disposition", {d.value for d in Disposition} | {"none"}),
            state=choice("state", {s.value for s in ResponseState} | {"none", "unpublished"}),
            group=group
            if group in ("any", "none") or (group.isdigit() and len(group) < 10)
            else "",
            assignee=assignee
            if assignee in ("none", "me") or (assignee.isdigit() and len(assignee) < 10)
            else "",
            attachment=choice("attachment", {"yes", "no"}),
            late=choice("late", {"yes", "no"}),
            carried=choice("carried", {"yes", "no"}),
            moderation=choice("moderation", {"reported", "hidden"}),
            q=(args.get("q") or "").strip()[:200],
            sort=choice("sort", SORTS) or "document",
            page=number("page") or 1,
        )

    def args(self, **changes) -> dict[str, str]:
        """The query string of these filters with ``changes`` applied (defaults left out);
        any change of filter goes back to the first page."""
        if "page" not in changes:
            changes["page"] = 1
        chosen = replace(self, **changes)
        out = {}
        for item in fields(chosen):
            value = getattr(chosen, item.name)
            if value in ("", None, False) or value == item.default:
                continue
            out[item.name] = "1" if value is True else str(value)
        return out

    @property
    def active(self) -> bool:
        return bool(self.args(sort="document"))


@dataclass
class QueuePage:
    rows: list  # (comment, has_attachment, disposition, state)
    total: int
    page: int
    pages: int
    facets: dict[str, dict] = field(default_factory=dict)


@dataclass
class Context:
    """What the filters need besides the query string: the revision's clauses (for the
    sub-clause filter), who is asking ("me"), what the search box matched, and the earlier
    revisions whose unanswered comments are carried over into this queue."""

    revision_id: int
    clauses: list  # revision_clauses()
    user_id: int | None = None
    search: TeamSearch | None = None
    carried: Carried | None = None


@dataclass(frozen=True)
class Carried:
    """The earlier revisions of a queue's revision, and where the clauses of the one just
    before it went (lineage): a carried-over comment on old 第二条 is found under 第三条."""

    revisions: dict  # {revision id: Revision}, the earlier revisions
    successors: dict[int, list[str]] = field(default_factory=dict)  # old clause id -> new keys

    def clause_ids(self, key: str) -> list[int]:
        """The old clauses that became clause ``key`` of this revision or one inside it."""
        return [
            old
            for old, keys in self.successors.items()
            if any(k == key or k.startswith(key + ".") for k in keys)
        ]


def carried_over(revision) -> Carried | None:
    """What ``revision``'s queue carries over: the unanswered comments of the revisions
    before it (None for a first revision). Two statements."""
    earlier = list(
        db.session.scalars(
            select(Revision)
            .where(
                Revision.measure_id == revision.measure_id,
                Revision.number < revision.number,
                Revision.published_at.is_not(None),
            )
            .order_by(Revision.number)
        )
    )
    if not earlier:
        return None
    successors: dict[int, list[str]] = {}
    rows = db.session.execute(
        select(Clause.id, ClauseLink.to_key)
        .join(
            ClauseLink,
            (ClauseLink.previous_revision_id == Clause.revision_id)
            & (ClauseLink.from_key == Clause.key),
        )
        .where(ClauseLink.revision_id == revision.id, ClauseLink.to_key.is_not(None))
        .order_by(ClauseLink.id)
    )
    for clause_id, to_key in rows:
        successors.setdefault(clause_id, []).append(to_key)
    return Carried({r.id: r for r in earlier}, successors)


def revision_clauses(revision_id: int) -> list:
    """The revision's clauses as light rows (id, key, label, citation, citation_en), in
    document order: the filters need their keys, the side bar their names, not their text."""
    return list(
        db.session.execute(
            select(Clause.id, Clause.key, Clause.label, Clause.citation, Clause.citation_en)
            .where(Clause.revision_id == revision_id)
            .order_by(Clause.position)
        )
    )


def clause_ids(clauses: list, key: str) -> list[int]:
    """The clause ``key`` and its sub-clauses (art12 → art12, art12.p2, art12.p2.i1 …)."""
    return [c.id for c in clauses if c.key == key or c.key.startswith(key + ".")]


def _conditions(filters: QueueFilters, ctx: Context, skip: str = "") -> list:
    """SQL conditions of ``filters``, leaving out the filter named ``skip`` (for its facet)."""
    f = filters
    where = [_in_queue(f, ctx, skip)]
    if skip != "status":
        if f.status == "":
            where.append(Comment.status == CommentStatus.SUBMITTED)
        elif f.status == "withdrawn":
            where.append(Comment.status == CommentStatus.WITHDRAWN)
    if skip != "clause":
        if f.general:
            where.append(Comment.clause_id.is_(None))
        elif f.clause:
            chosen = clause_ids(ctx.clauses, f.clause)
            if ctx.carried is not None:
                chosen += ctx.carried.clause_ids(f.clause)
            where.append(Comment.clause_id.in_(chosen or [-1]))
    if f.type and skip != "type":
        where.append(Comment.type == CommentType(f.type))
    if f.category and skip != "category":
        where.append(Comment.unit_category == UnitCategory(f.category))
    if f.unit is not None and skip != "unit":
        where.append(Comment.unit_id == f.unit)
    if f.channel and skip != "channel":
        where.append(Comment.channel == Channel(f.channel))
    if f.event is not None and skip != "event":
        where.append(Comment.event_id == f.event)
    if f.disposition and skip != "disposition":
        where.append(
            DISPOSITION.is_(None)
            if f.disposition == "none"
            else Disposition(f.disposition).value == DISPOSITION
        )
    if f.state and skip != "state":
        if f.state == "none":
            where.append(STATE.is_(None))
        elif f.state == "unpublished":
            where.append(STATE.is_(None) | (ResponseState.PUBLISHED.value != STATE))
        else:
            where.append(f.state == STATE)
    if f.group and skip != "group":
        if f.group == "any":
            where.append(Comment.group_id.is_not(None))
        elif f.group == "none":
            where.append(Comment.group_id.is_(None))
        else:
            where.append(Comment.group_id == int(f.group))
    if f.assignee and skip != "assignee":
        if f.assignee == "none":
            where.append(Comment.assignee_id.is_(None))
        else:
            who = ctx.user_id if f.assignee == "me" else int(f.assignee)
            where.append(Comment.assignee_id == (who if who is not None else -1))
    if f.attachment and skip != "attachment":
        where.append(HAS_ATTACHMENT if f.attachment == "yes" else ~HAS_ATTACHMENT)
    if f.late and skip != "late":
        where.append(Comment.late.is_(f.late == "yes"))
    if f.moderation and skip != "moderation":
        where.append(HIDDEN_NOW if f.moderation == "hidden" else REPORTED_NOW)
    if f.q and ctx.search is not None:
        where.append(ctx.search.ids_condition)
    return where


def _in_queue(filters: QueueFilters, ctx: Context, skip: str):
    """The revision's own comments, and (unless filtered out) the submitted comments of the
    earlier revisions that no published answer covers yet: carried over. They stay comments
    of their revision (its summary and exports); the queue only lists them."""
    here = Comment.revision_id == ctx.revision_id
    if ctx.carried is None:
        return here
    carried = (
        Comment.revision_id.in_(list(ctx.carried.revisions))
        & (Comment.status == CommentStatus.SUBMITTED)
        & ~ANSWERED
    )
    chosen = filters.carried if skip != "carried" else ""
    if chosen == "yes":
        return carried
    if chosen == "no":
        return here
    return here | carried


def _base(*columns, answers: bool = True):
    """Comments, joined to the responses that answer them only when ``answers`` (the join
    is most of a facet's cost, and most facets do not need it)."""
    statement = select(*columns).select_from(Comment)
    if not answers:
        return statement
    return statement.outerjoin(_own, _own.comment_id == Comment.id).outerjoin(
        _grouped, _grouped.group_id == Comment.group_id
    )


def _answers(filters: QueueFilters, skip: str = "") -> bool:
    return bool(filters.disposition and skip != "disposition") or bool(
        filters.state and skip != "state"
    )


def _facet(filters: QueueFilters, ctx: Context, name: str, column) -> dict:
    """{value: count} of ``column`` over the comments the other filters select."""
    answers = name in ("disposition", "state") or _answers(filters, skip=name)
    statement = _base(column, func.count(), answers=answers)
    statement = statement.where(*_conditions(filters, ctx, skip=name)).group_by(column)
    return {value: count for value, count in db.session.execute(statement)}


def _named_facet(filters, ctx, name, id_column, model, label) -> dict:
    """{id: (label, count)} for a facet over another table's rows (units, events, people)."""
    statement = (
        _base(id_column, label, func.count(), answers=_answers(filters, skip=name))
        .outerjoin(model, model.id == id_column)
        .where(*_conditions(filters, ctx, skip=name))
        .group_by(id_column, label)
    )
    return {key: (text, count) for key, text, count in db.session.execute(statement)}


def facets(filters: QueueFilters, ctx: Context) -> dict[str, dict]:
    """Counts per option of every filter, each under the other active filters."""
    yes_no = {True: "yes", False: "no"}
    states = _keyed(_facet(filters, ctx, "state", STATE))
    states["unpublished"] = sum(n for key, n in states.items() if key != "published")
    return {
        "clause": _clause_facet(
            _facet(filters, ctx, "clause", Comment.clause_id), ctx.clauses, ctx.carried
        ),
        "type": _keyed(_facet(filters, ctx, "type", Comment.type)),
        "category": _keyed(_facet(filters, ctx, "category", Comment.unit_category)),
        "unit": _named_facet(filters, ctx, "unit", Comment.unit_id, Unit, Unit.name),
        "channel": _keyed(_facet(filters, ctx, "channel", Comment.channel)),
        "event": _named_facet(filters, ctx, "event", Comment.event_id, Event, Event.title),
        "status": _keyed(_facet(filters, ctx, "status", Comment.status)),
        "disposition": _keyed(_facet(filters, ctx, "disposition", DISPOSITION)),
        "state": states,
        "group": _keyed(
            _facet(filters, ctx, "group", Comment.group_id.is_not(None)),
            names={True: "any", False: "none"},
        ),
        "assignee": _named_facet(filters, ctx, "assignee", Comment.assignee_id, User, User.name),
        "attachment": _keyed(_facet(filters, ctx, "attachment", HAS_ATTACHMENT), names=yes_no),
        "late": _keyed(_facet(filters, ctx, "late", Comment.late), names=yes_no),
        "moderation": _keyed(_facet(filters, ctx, "moderation", MODERATION)),
        "carried": _keyed(
            _facet(filters, ctx, "carried", Comment.revision_id != ctx.revision_id), names=yes_no
        )
        if ctx.carried is not None
        else {},
    }


def _keyed(counts: dict, names: dict | None = None) -> dict[str, int]:
    """Counts keyed by the option's query-string value ("none" for no value)."""
    out: dict[str, int] = {}
    for value, count in counts.items():
        if names is not None:
            key = names[bool(value)]
        elif value is None:
            key = "none"
        else:
            key = getattr(value, "value", value)
        out[key] = out.get(key, 0) + count
    return out


def _clause_facet(per_clause: dict, clauses: list, carried: Carried | None) -> dict[str, int]:
    """Counts per top-level clause (art12 counts the comments on art12.p2 too), in document
    order, with "" for whole-draft comments; a carried-over comment counts under the article
    its clause became (the first, when it was split). Rolls up clause rows, not comments."""
    by_id = {c.id: c for c in clauses}
    successors = carried.successors if carried is not None else {}
    out: dict[str, int] = {}
    if None in per_clause:
        out[""] = per_clause[None]
    for clause in clauses:  # document order
        if "." not in clause.key:
            out.setdefault(clause.key, 0)
    for clause_id, count in per_clause.items():
        if clause_id in by_id:
            top = by_id[clause_id].key.split(".")[0]
        elif clause_id in successors:
            top = successors[clause_id][0].split(".")[0]
        else:
            continue
        out[top] = out.get(top, 0) + count
    return {key: count for key, count in out.items() if count}


def _order(sort: str, search: TeamSearch | None = None) -> list:
    """The ORDER BY of ``sort``; a search lists the comments its receipt number found first."""
    first = search.first if search is not None else None
    return ([first] if first is not None else []) + _sort_order(sort)


def _sort_order(sort: str) -> list:
    if sort == "newest":
        return [Comment.created_at.desc(), Comment.id.desc()]
    if sort == "oldest":
        return [Comment.created_at, Comment.id]
    if sort == "unit":
        return [Unit.name.is_(None), Unit.name, Comment.created_at, Comment.id]
    # Document order: whole-draft comments first, then by the clause's place in the text.
    return [Comment.clause_id.is_not(None), Clause.position, Comment.created_at, Comment.id]


def load_page(filters: QueueFilters, ctx: Context, *, with_facets: bool = True) -> QueuePage:
    """One page of the queue: its rows with what each row shows, the total and the facets."""
    where = _conditions(filters, ctx)
    total = db.session.scalar(_base(func.count(), answers=_answers(filters)).where(*where))
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, filters.page), pages)
    statement = (
        _base(Comment, HAS_ATTACHMENT, DISPOSITION, STATE)
        .outerjoin(Clause, Clause.id == Comment.clause_id)
        .outerjoin(Unit, Unit.id == Comment.unit_id)
        .options(
            contains_eager(Comment.clause),
            contains_eager(Comment.unit),
            joinedload(Comment.author),
            joinedload(Comment.assignee),
            joinedload(Comment.event),
            joinedload(Comment.group),
        )
        .where(*where)
        .order_by(*_order(filters.sort, ctx.search))
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    rows = [
        (comment, bool(attached), _enum(Disposition, disposition), _enum(ResponseState, state))
        for comment, attached, disposition, state in db.session.execute(statement)
    ]
    return QueuePage(
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        facets=facets(filters, ctx) if with_facets else {},
    )


def _enum(kind, value):
    return None if value is None else kind(getattr(value, "value", value))


def revision_totals() -> dict[int, tuple[int, int, int]]:
    """{revision_id: (comments, unanswered, late)} over every revision's submitted comments,
    in one statement. Unanswered: no published response on the comment or on its group."""
    own = aliased(Response)
    grouped = aliased(Response)
    answered = (own.id.is_not(None)) | (grouped.id.is_not(None))
    statement = (
        select(
            Comment.revision_id,
            func.count(),
            func.sum(case((answered, 0), else_=1)),
            func.sum(case((Comment.late.is_(True), 1), else_=0)),
        )
        .select_from(Comment)
        .outerjoin(own, (own.comment_id == Comment.id) & (own.state == ResponseState.PUBLISHED))
        .outerjoin(
            grouped,
            (grouped.group_id == Comment.group_id) & (grouped.state == ResponseState.PUBLISHED),
        )
        .where(Comment.status == CommentStatus.SUBMITTED)
        .group_by(Comment.revision_id)
    )
    return {
        rid: (total, int(open_ or 0), int(late or 0))
        for rid, total, open_, late in db.session.execute(statement)
    }
