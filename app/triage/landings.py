"""Where an answer's change landed (ResponseLanding): an answer adopted (采纳 / 部分采纳) on
revision N names the clauses of a later revision that carry the change, so the summary table
and the adoption report can say "见第二稿第十四条" and the consistency check can compare.

Landings are named by clause key (they survive the replacement of an unpublished revision);
``set_landings`` checks the keys against the revision as it is now. Suggestions come from the
lineage (ClauseLink) of the commented clause, followed revision by revision.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from app.audit.writer import record
from app.comments.models import Comment
from app.core.extensions import db
from app.core.refusal import Refused
from app.lineage.models import ClauseLink, LinkKind
from app.measures.models import Clause, Revision
from app.triage.models import CommentGroup, Disposition, Response, ResponseLanding
from app.triage.rules import can_triage

KEYS_MAX = 50
# The answers that changed the text, and so name where the change landed.
ADOPTING = frozenset({Disposition.ADOPTED, Disposition.PARTLY})


@dataclass(frozen=True)
class Suggestion:
    """A clause of the later revision the commented clause became, and how (same, modified…)."""

    clause: Clause
    kind: LinkKind

    @property
    def key(self) -> str:
        return self.clause.key

    @property
    def changed(self) -> bool:
        return self.kind != LinkKind.SAME


def parse_keys(text: str) -> list[str]:
    """Keys typed in a field: separated by spaces, commas or 、; duplicates dropped, order kept."""
    for separator in ",，、;；\n":
        text = (text or "").replace(separator, " ")
    return list(dict.fromkeys(text.split()))


def next_revision(revision: Revision) -> Revision | None:
    """The revision after ``revision`` (published or not): where its answers' changes land."""
    return db.session.scalar(
        select(Revision).where(
            Revision.measure_id == revision.measure_id, Revision.number == revision.number + 1
        )
    )


def landing_keys(response: Response, revision: Revision) -> list[str]:
    """The keys the response landed on in ``revision``, in the order they were set."""
    return [landing.clause_key for landing in _landings(response, revision)]


def set_landings(
    *, response: Response, revision: Revision, keys, actor, now: datetime
) -> list[ResponseLanding]:
    """Replace the response's landings in ``revision`` with the clauses named by ``keys``
    (an empty list removes them). Refused unless the actor triages, ``revision`` is a later
    revision of the same measure and every key is a clause of it. Audited when they change."""
    if not can_triage(actor):
        raise Refused(_l("Only the project team says where an answer's change landed."))
    answered_on = response.revision
    if revision.measure_id != answered_on.measure_id or revision.number <= answered_on.number:
        raise Refused(
            _l(
                "The change of an answer on revision %(answered)d lands in a later revision, "
                "not in revision %(number)d.",
                answered=answered_on.number,
                number=revision.number,
            ),
            field="landings",
        )
    keys = list(dict.fromkeys(k.strip() for k in keys if k and k.strip()))
    if len(keys) > KEYS_MAX:
        raise Refused(_l("Name at most %(n)d clauses.", n=KEYS_MAX), field="landings")
    known = set(
        db.session.scalars(
            select(Clause.key).where(
                Clause.revision_id == revision.id,
                Clause.key.in_(keys),
                Clause.deleted.is_(False),
            )
        )
    )
    unknown = [key for key in keys if key not in known]
    if unknown:
        raise Refused(
            _l(
                "Revision %(number)d has no clause %(keys)s.",
                number=revision.number,
                keys="、".join(unknown),
            ),
            field="landings",
        )
    before = landing_keys(response, revision)
    if before == keys:
        return _landings(response, revision)
    db.session.execute(
        delete(ResponseLanding).where(
            ResponseLanding.response_id == response.id,
            ResponseLanding.revision_id == revision.id,
        )
    )
    for key in keys:
        db.session.add(
            ResponseLanding(response_id=response.id, revision_id=revision.id, clause_key=key)
        )
    db.session.flush()
    db.session.expire(response, ["landings"])
    record(
        actor=actor,
        action="response.landings",
        target_type="response",
        target_id=response.id,
        before={"landing_revision": revision.number, "landings": before},
        after={"landing_revision": revision.number, "landings": keys},
        revision_id=response.revision_id,
        at=now,
    )
    return _landings(response, revision)


def _landings(response: Response, revision: Revision) -> list[ResponseLanding]:
    return list(
        db.session.scalars(
            select(ResponseLanding)
            .where(
                ResponseLanding.response_id == response.id,
                ResponseLanding.revision_id == revision.id,
            )
            .order_by(ResponseLanding.id)
        )
    )


def commented_clauses(response: Response) -> list[Clause]:
    """The clauses the answered comments are on (see ``clauses_of_target``)."""
    return clauses_of_target(group_id=response.group_id, comment_id=response.comment_id)


def clauses_of_target(*, group_id: int | None, comment_id: int | None) -> list[Clause]:
    """The clauses a group's members are on (a group may span clauses), or the one comment's;
    none for comments on the draft as a whole."""
    query = select(Clause).join(Comment, Comment.clause_id == Clause.id)
    if group_id is not None:
        query = query.where(Comment.group_id == group_id)
    else:
        query = query.where(Comment.id == comment_id)
    return list(db.session.scalars(query.distinct().order_by(Clause.position)))


def _parents(key: str):
    """The key, then the keys of the clauses around it: art3.p1.i6, art3.p1, art3."""
    parts = key.split(".")
    for end in range(len(parts), 0, -1):
        yield ".".join(parts[:end])


def _links_from(revision: Revision, keys: set[str]) -> dict[str, list[ClauseLink]]:
    found = defaultdict(list)
    if not keys:
        return found
    for link in db.session.scalars(
        select(ClauseLink)
        .where(ClauseLink.revision_id == revision.id, ClauseLink.from_key.in_(keys))
        .order_by(ClauseLink.id)
    ):
        found[link.from_key].append(link)
    return found


def successor_links(key: str, revision: Revision) -> list[ClauseLink]:
    """The links of ``revision`` from clause ``key`` of the revision before it; when the clause
    itself is not aligned (a sentence, a sub-item), those of the nearest clause around it."""
    candidates = list(_parents(key))
    by_key = _links_from(revision, set(candidates))
    for candidate in candidates:
        if by_key.get(candidate):
            return by_key[candidate]
    return []


def suggest_landings(response: Response, revision: Revision | None = None) -> list[Suggestion]:
    """The clauses of ``revision`` (by default the next one) the commented clauses became, by
    lineage (see ``suggest_for``)."""
    revision = revision or next_revision(response.revision)
    if revision is None:
        return []
    keys = [clause.key for clause in commented_clauses(response)]
    return suggest_for(keys, response.revision, revision)


def suggest_for(keys, answered_on: Revision, revision: Revision) -> list[Suggestion]:
    """The clauses of ``revision`` that clauses ``keys`` of ``answered_on`` became: followed
    through each revision in between, with the kind of change (unchanged only if unchanged at
    every step); a deleted clause gives none."""
    if revision.measure_id != answered_on.measure_id or revision.number <= answered_on.number:
        return []
    steps = db.session.scalars(
        select(Revision)
        .where(
            Revision.measure_id == revision.measure_id,
            Revision.number > answered_on.number,
            Revision.number <= revision.number,
        )
        .order_by(Revision.number)
    )
    kinds: dict[str, LinkKind] = dict.fromkeys(keys, LinkKind.SAME)
    for step in steps:
        reached: dict[str, LinkKind] = {}
        for key, so_far in kinds.items():
            for link in successor_links(key, step):
                if link.to_key is not None:
                    kind = LinkKind(link.kind)
                    reached.setdefault(link.to_key, so_far if kind == LinkKind.SAME else kind)
        kinds = reached
    if not kinds:
        return []
    clauses = db.session.scalars(
        select(Clause)
        .where(Clause.revision_id == revision.id, Clause.key.in_(kinds))
        .order_by(Clause.position)
    )
    return [Suggestion(clause, kinds[clause.key]) for clause in clauses]


# -- the phrase the summary table and the reading pages show ---------------------------------


def _phrase(revision: Revision, clauses: list[Clause], language: str) -> str:
    label = revision.label_in(language) or (
        f"Revision {revision.number}" if language == "en" else f"第{revision.number}稿"
    )
    citations = [clause.citation_in(language) or clause.key for clause in clauses]
    if language == "en":
        named = citations[0] if len(citations) == 1 else ", ".join(citations[:-1])
        if len(citations) > 1:
            named = f"{named} and {citations[-1]}"
        return f"see {named} of the {label}"
    return f"见{label}{'、'.join(citations)}"


def landing_phrases(responses, language: str, *, public: bool = False) -> dict[int, str]:
    """{response id: "见第二稿第十四条、第十五条"} for the responses that landed somewhere (the
    latest revision they landed in); one query for the whole list. ``public``: only landings
    in published revisions (a participant never learns of an unpublished text)."""
    ids = [response.id for response in responses]
    if not ids:
        return {}
    query = (
        select(ResponseLanding.response_id, Revision, Clause)
        .join(Revision, Revision.id == ResponseLanding.revision_id)
        .join(
            Clause,
            (Clause.revision_id == ResponseLanding.revision_id)
            & (Clause.key == ResponseLanding.clause_key),
        )
        .where(ResponseLanding.response_id.in_(ids))
        .order_by(ResponseLanding.response_id, Revision.number, Clause.position)
    )
    if public:
        query = query.where(Revision.published_at.is_not(None))
    rows = db.session.execute(query).all()
    latest: dict[int, tuple[Revision, list[Clause]]] = {}
    for response_id, revision, clause in rows:
        shown = latest.get(response_id)
        if shown is None or shown[0].number < revision.number:
            latest[response_id] = (revision, [clause])
        elif shown[0].id == revision.id:
            shown[1].append(clause)
    return {rid: _phrase(rev, clauses, language) for rid, (rev, clauses) in latest.items()}


def landing_phrase(response: Response, language: str) -> str:
    """ "见第二稿第十四条" / "see Article 14 of the Second Draft"; "" when it landed nowhere."""
    return landing_phrases([response], language).get(response.id, "")


# -- what an answer's page shows ---------------------------------------------------------------


@dataclass(frozen=True)
class LandingBox:
    """The landing part of an answer's page: the next revision, the keys set, the suggestions,
    what the field starts with, and the phrase."""

    revision: Revision
    keys: list[str]
    suggestions: list[Suggestion]
    prefill: str
    phrase: str


def landing_box(revision: Revision, target, response: Response | None, language: str):
    """What the answer page of ``target`` (a group or a comment of ``revision``) shows of the
    landings, or None while there is no later revision."""
    later = next_revision(revision)
    if later is None:
        return None
    on_group = isinstance(target, CommentGroup)
    clauses = clauses_of_target(
        group_id=target.id if on_group else None, comment_id=None if on_group else target.id
    )
    suggestions = suggest_for([c.key for c in clauses], revision, later)
    keys = landing_keys(response, later) if response is not None else []
    adopting = response is None or response.disposition in ADOPTING
    prefill = keys or ([s.key for s in suggestions] if adopting else [])
    phrase = landing_phrase(response, language) if response is not None else ""
    return LandingBox(later, keys, suggestions, " ".join(prefill), phrase)
