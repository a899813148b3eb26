"""Example data for `flask demo`: units of every category, participants, the staff accounts of
the demo, and a few hundred comments on the 认证人员管理办法 draft — all marked as example data.

Everything is built from the templates below and the clause texts with ``random.Random(2021)``,
so the demo is the same on every machine. It is added in one flush and committed by the caller,
so that ``make run`` starts in seconds; a second load finds the example units and adds nothing.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from werkzeug.security import generate_password_hash

from app.accounts.models import RepresentativeStatus, Role, Unit, UnitCategory, User
from app.comments.models import (
    Channel,
    Comment,
    CommentStatus,
    CommentType,
    Consent,
    Cosignature,
    CosignatureState,
    RevisionUnit,
    Stance,
)
from app.comments.quotes import quote_context
from app.comments.receipts import content_sha256, receipt_for
from app.core.extensions import db
from app.core.timeutil import utcnow
from app.demo.content import (
    BODY_LISTS,
    CLOSERS,
    CONSULTED,
    DEMO_PASSWORD,
    MAIN_SLUG,
    NO_COMMENTS_UNIT,
    OPENERS,
    PARTICIPANT_UNIT,
    PARTICIPANTS,
    SHANGHAI,
    STAFF_ACCOUNTS,
    STANDARD_SLUG,
    STANDARD_TOPICS,
    TOPICS,
    UNITS,
)
from app.measures.models import Clause, CommentVisibility, Measure, Revision

DEMO_VERIFIED_AT = datetime(2021, 1, 4)


def load_example_data() -> list[str]:
    """Add the example units, people, consultation records and comments, once.

    Returns lines for the command's output. The caller commits. Nothing is added when the
    database already holds example units (a second ``flask demo``), or when the demo draft
    of the 认证人员管理办法 is not stored.
    """
    if db.session.scalar(select(Unit.id).filter_by(example=True).limit(1)) is not None:
        return ["example data: already there"]
    main = _revision(MAIN_SLUG)
    if main is None:
        return [f"example data: skipped ({MAIN_SLUG} r1 is not stored)"]
    rng = random.Random(2021)
    units = {
        key: Unit(name=name, category=UnitCategory(cat), region=region, example=True)
        for key, name, cat, region in UNITS
    }
    db.session.add_all(units.values())
    password_hash = generate_password_hash(DEMO_PASSWORD)  # hashed once: scrypt is slow
    people = _participants(units, password_hash)
    staff = _staff(units, password_hash)
    authors = [p for p in [*people, *staff] if p[0].role == Role.PARTICIPANT]
    db.session.flush()  # user ids: the unit's 无意见 names who declared it

    main_comments = _comments(rng, main, TOPICS, authors, units)
    standard = _revision(STANDARD_SLUG)
    standard_comments = (
        _comments(rng, standard, STANDARD_TOPICS, authors, units) if standard else []
    )
    _consultation(main, units, people)
    main.measure.comments_public = CommentVisibility.AFTER
    main.measure.names_public = False

    comments = [*main_comments, *standard_comments]
    db.session.add_all(comments)
    db.session.flush()  # row ids, hence receipts
    for comment in comments:
        comment.receipt = receipt_for(comment)
        comment.content_sha256 = content_sha256(comment)
    db.session.flush()
    from app.demo.triage import load_example_triage

    return [
        f"example data: {len(units)} units, {len(people)} participants, "
        f"{len(STAFF_ACCOUNTS)} demo accounts, {len(main_comments)} comments on {MAIN_SLUG} r1, "
        f"{len(standard_comments)} on {STANDARD_SLUG} r1",
        *load_example_triage(main),
    ]


def _revision(slug: str) -> Revision | None:
    return db.session.scalar(
        select(Revision).join(Measure).where(Measure.slug == slug, Revision.number == 1)
    )


def _trusted(unit_key: str | None) -> dict:
    """Example addresses count as verified, and every example member of a unit represents it,
    so the demo's official positions and "no comments" come from confirmed representatives."""
    trusted = {"email_verified_at": DEMO_VERIFIED_AT}
    if unit_key:
        trusted |= {
            "representative": RepresentativeStatus.CONFIRMED,
            "representative_at": DEMO_VERIFIED_AT,
        }
    return trusted


def _participants(units: dict, password_hash: str) -> list[tuple[User, str | None]]:
    people = []
    for name, local, unit_key in PARTICIPANTS:
        user = User(
            email=f"{local}@example.org",
            name=name,
            role=Role.PARTICIPANT,
            unit=units[unit_key] if unit_key else None,
            password_hash=password_hash,
            example=True,
            **_trusted(unit_key),
        )
        db.session.add(user)
        people.append((user, unit_key))
    return people


def _staff(units: dict, password_hash: str) -> list[tuple[User, str | None]]:
    """The accounts the README lists; an address already taken is left as it is."""
    taken = set(
        db.session.scalars(
            select(User.email).where(User.email.in_([email for email, _, _ in STAFF_ACCOUNTS]))
        )
    )
    staff = []
    for email, role, name in STAFF_ACCOUNTS:
        if email in taken:
            continue
        unit_key = PARTICIPANT_UNIT if role == Role.PARTICIPANT else None
        user = User(
            email=email,
            name=name,
            role=role,
            unit=units[unit_key] if unit_key else None,
            password_hash=password_hash,
            example=True,
            **_trusted(unit_key),
        )
        db.session.add(user)
        staff.append((user, unit_key))
    return staff


def _comments(rng, revision, topics, authors, units) -> list[Comment]:
    clauses = {c.key: c for c in db.session.scalars(select(Clause).filter_by(revision=revision))}
    period = _days(revision)
    silent = NO_COMMENTS_UNIT if revision.measure.slug == MAIN_SLUG else ""
    comments = []
    for topic in topics:
        pool = [(u, k) for u, k in authors if _category(u) in topic.who.split() and k != silent]
        days = [d for d in period if topic.since is None or d >= topic.since]
        for _ in range(topic.n):
            author, unit_key = rng.choice(pool)
            key = rng.choice(topic.keys)
            clause = clauses[key] if key else None
            comments.append(_comment(rng, revision, clause, topic, author, units, days))
    # Receipts follow the order comments arrived in, as they would have online.
    return sorted(comments, key=lambda comment: comment.created_at)


def _comment(rng, revision, clause, topic, author, units, days) -> Comment:
    type_code, _, stance = topic.kind.partition(":")
    category = _category(author)
    official = author.unit is not None and rng.random() < 0.15
    opener = "经本单位研究，提出以下意见：" if official else rng.choice(OPENERS[category])
    body = opener + topic.body + rng.choice(CLOSERS)
    if rng.random() < 0.08:
        body = BODY_LISTS[0].format(body=body)
    created = _moment(rng, days)
    comment = Comment(
        revision=revision,
        clause=clause,
        author=author,
        unit=author.unit,
        unit_category=UnitCategory(category),
        type=CommentType(type_code),
        stance=Stance(stance) if stance else None,
        body=body,
        proposed=topic.proposed if rng.random() < 0.9 else "",
        reason=topic.reason,
        channel=Channel.ONLINE,
        consent=rng.choices(list(Consent), weights=(35, 25, 40))[0],
        official_position=official,
        status=CommentStatus.WITHDRAWN if rng.random() < 0.01 else CommentStatus.SUBMITTED,
        form_token=uuid.uuid4().hex,
        example=True,
        created_at=created,
        updated_at=created,
    )
    if official and category in ("CB", "AS", "TB") and rng.random() < 0.4:
        partners = [
            u
            for u in units.values()
            if u.category in (UnitCategory.CB, UnitCategory.AS) and u is not author.unit
        ]
        # The demo's history: the co-signing units had confirmed.
        comment.cosignatures = [
            Cosignature(unit=u, state=CosignatureState.CONFIRMED, decided_at=created)
            for u in rng.sample(partners, rng.randint(1, 2))
        ]
    if clause is not None and topic.quote and topic.quote in clause.text:
        start = clause.text.index(topic.quote)
        end = start + len(topic.quote)
        comment.quote_exact, comment.quote_prefix, comment.quote_suffix = quote_context(
            clause.text, start, end
        )
        comment.quote_start, comment.quote_end = start, end
    return comment


def _category(user: User) -> str:
    return user.unit.category.value if user.unit is not None else "IP"


def _days(revision: Revision) -> list[date]:
    """The local days of the comment period; of a period still open, its first two weeks."""
    first = _local(revision.opens_at).date()
    last = (_local(revision.closes_at) - timedelta(seconds=1)).date()
    if revision.closes_at > utcnow():
        last = min(last, first + timedelta(days=13))
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _moment(rng, days: list[date]) -> datetime:
    """A working-hours moment, more of them near the deadline and fewer at weekends (UTC)."""
    weights = [
        (1 + 3 * (i / max(1, len(days) - 1)) ** 2) * (0.4 if day.weekday() >= 5 else 1)
        for i, day in enumerate(days)
    ]
    day = rng.choices(days, weights=weights)[0]
    hour = rng.choice((9, 10, 10, 11, 11, 14, 15, 15, 16, 16, 17, 20, 21, 22))
    local = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)), SHANGHAI)
    return local.astimezone(UTC).replace(tzinfo=None)


def _local(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC).astimezone(SHANGHAI)


def _consultation(revision: Revision, units: dict, people) -> None:
    """The units consulted by letter on the first day; one of them replies 无意见."""
    invited = datetime.combine(_local(revision.opens_at).date(), time(9), SHANGHAI)
    declared = datetime(2021, 1, 25, 10, 30, tzinfo=SHANGHAI)
    speaker = next(user for user, key in people if key == NO_COMMENTS_UNIT)
    for key in CONSULTED:
        row = RevisionUnit(
            revision=revision,
            unit=units[key],
            invited_at=invited.astimezone(UTC).replace(tzinfo=None),
            invite_channel="letter",
        )
        if key == NO_COMMENTS_UNIT:
            row.no_comments_at = declared.astimezone(UTC).replace(tzinfo=None)
            row.no_comments_by_id = speaker.id
        db.session.add(row)
