"""The summary and handling table of a revision, read from the database in one pass.

An answer counts once a reviewer has approved it (approved or published): officials receive
the team's reviewed position, and an answer still in draft leaves its comments pending.
Grouped comments are listed together under their group's one answer; blocks follow document
order (general comments first), each placed where its first comment stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import Row, func, select
from sqlalchemy.orm import aliased

from app.accounts.models import CATEGORY_LABELS, Unit, User
from app.comments.models import (
    CHANNEL_LABELS,
    Channel,
    Comment,
    CommentStatus,
    Consent,
    CosignatureState,
    comment_cosigners,
)
from app.comments.moderation import hidden_in_revision
from app.core.extensions import db
from app.exports.summary_model import (
    IsoRow,
    IsoSheet,
    Summary,
    SummaryBlock,
    SummaryHeader,
    SummaryLabels,
    SummaryRow,
)
from app.measures.models import Clause, Revision
from app.triage.consulted import consultation_figures
from app.triage.figures import APPROVED_STATES, AnswerFigures, answer_figures
from app.triage.landings import landing_phrases
from app.triage.models import (
    DISPOSITION_LABELS,
    CommentGroup,
    Disposition,
    Event,
    Response,
)

LANGUAGES = ("zh", "en")


@dataclass(frozen=True, slots=True)
class SummaryOptions:
    language: str = "zh"
    answered_only: bool = False  # only comments with a reviewed answer
    names: bool = True  # name units and people (never those who asked to be anonymous)

    def as_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "answered_only": self.answered_only,
            "names": self.names,
        }


@dataclass(frozen=True, slots=True)
class _Line:
    """A comment as read: what the table shows of it (its fields are _read_lines' labels)."""

    comment_id: int
    clause_key: str | None  # None for a general comment
    citation: str | None
    citation_en: str | None
    clause_kind: str | None
    clause_position: int | None  # 0-based document order of the clause
    parent_citation: str | None
    group_id: int | None
    group_title: str | None
    type: str
    body: str
    proposed: str
    reason: str
    unit_name: str | None
    category: str
    author_name: str | None
    consent: str
    channel: str
    event_city: str | None
    event_date: date | None
    late: bool
    official: bool
    receipt: str | None
    status: str  # CommentStatus value
    hidden_reason: str | None = None  # set after reading: the team hid it from the public

    @property
    def withdrawn(self) -> bool:
        return self.status == CommentStatus.WITHDRAWN


@dataclass(frozen=True, slots=True)
class _Words:
    """The edition's words for rows, translated once per table (not once per row: a table
    of 10,000 comments would otherwise spend most of its time in gettext)."""

    general: str
    individual: str
    categories: dict[str, str]
    channels: dict[str, str]
    dispositions: dict[Disposition, str]
    seminar: str  # with {city} and {date}
    official: str
    cosigned: str  # with {units}
    late: str
    withdrawn: str
    hidden: str  # with {reason}
    withdrawn_total: str
    separator: str
    list_separator: str
    answer: str  # with {disposition} and {reason}
    reason: str
    landings: dict[int, str] = field(default_factory=dict)  # answer id -> "见第二稿第十四条"


def _words() -> _Words:
    return _Words(
        general=_("General (whole draft)"),
        individual=_("Individual"),
        categories={code.value: str(label) for code, label in CATEGORY_LABELS.items()},
        channels={channel.value: str(label) for channel, label in CHANNEL_LABELS.items()},
        dispositions={d: str(label) for d, label in DISPOSITION_LABELS.items()},
        seminar=_("Seminar, %(city)s %(date)s", city="{city}", date="{date}"),
        official=_("Official position of the unit"),
        cosigned=_("Co-signed by %(units)s", units="{units}"),
        late=_("Received after the period closed"),
        withdrawn=_("Withdrawn by its author (listed, not counted)"),
        hidden=_("Hidden from the public: %(reason)s", reason="{reason}"),
        withdrawn_total=_("Withdrawn (listed, not counted)"),
        separator=_("; "),
        list_separator=_("、"),
        answer=_("%(disposition)s: %(reason)s", disposition="{disposition}", reason="{reason}"),
        reason=_("Reason: "),
    )


def build_summary(revision: Revision, options: SummaryOptions, *, today: date) -> Summary:
    """The summary of ``revision`` as ``options`` ask, dated ``today``."""
    lines = _read_lines(revision)
    answers = _reviewed_answers(revision)
    cosigners = _cosigners(revision)
    with force_locale(options.language):
        words = _words()
        words.landings.update(_landings(answers, options.language))
        blocks = _blocks(
            lines, answers, cosigners, options, words, revision_name(revision, options.language)
        )
        figures = consultation_figures(revision)
        return Summary(
            language=options.language,
            header=_header(revision, options.language, today),
            labels=_labels(),
            blocks=tuple(blocks),
            figures=(
                (_("① Units consulted"), figures.consulted),
                (_("② Units that replied"), figures.replied),
                (_("③ Units that replied with comments"), figures.with_comments),
                (_("④ Units that did not reply"), figures.not_replied),
            ),
            totals=_totals(answer_figures(revision), options, blocks, words),
            options=options.as_dict(),
        )


def build_iso_sheet(revision: Revision, options: SummaryOptions, *, today: date) -> IsoSheet:
    """The ISO-style comment sheet: one line per comment, the answer as the secretariat's
    observations. The clause column holds the article (or the standard's clause); the
    paragraph column the rest of the citation."""
    lines = _read_lines(revision)
    answers = _reviewed_answers(revision)
    with force_locale(options.language):
        words = _words()
        words.landings.update(_landings(answers, options.language))
        rows = []
        for line in lines:
            # The group's answer for a grouped comment, as in the table (triage.figures' rule).
            answer = answers.get(("g", line.group_id) if line.group_id else ("c", line.comment_id))
            if options.answered_only and answer is None:
                continue
            clause, paragraph = _iso_clause(line, options.language, words)
            comment = line.body if not line.reason else f"{line.body}\n{words.reason}{line.reason}"
            rows.append(
                IsoRow(
                    member=words.categories.get(line.category, line.category),
                    line=_iso_line(line),
                    clause=clause,
                    paragraph=paragraph,
                    comment_type=line.type,
                    comment=comment,
                    proposed=line.proposed,
                    observations=_observations(line, answer, options.language, words),
                )
            )
        return IsoSheet(
            title=revision.measure.title_in(options.language),
            columns=(
                _("MB/NC (unit category)"),
                _("Line number"),
                _("Clause/Subclause"),
                _("Paragraph/Figure/Table"),
                _("Type of comment"),
                _("Comments"),
                _("Proposed change"),
                _("Observations of the secretariat"),
            ),
            rows=tuple(rows),
            date=today.isoformat(),
        )


def _read_lines(revision: Revision) -> list[_Line]:
    """Every comment, in document order (general comments first), with what the table needs
    of it, from one statement, and the reasons of those hidden from the public from another.
    Withdrawn comments are read too: the table lists them, marked, and does not count them
    (never silently dropped)."""
    parent = aliased(Clause)
    author = aliased(User)
    rows = db.session.execute(
        select(
            Comment.id.label("comment_id"),
            Clause.key.label("clause_key"),
            Clause.citation,
            Clause.citation_en,
            Clause.kind.label("clause_kind"),
            Clause.position.label("clause_position"),
            parent.citation.label("parent_citation"),
            Comment.group_id,
            CommentGroup.title.label("group_title"),
            Comment.type,
            Comment.body,
            Comment.proposed,
            Comment.reason,
            Unit.name.label("unit_name"),
            Comment.unit_category.label("category"),
            # An account's name, or the name the team recorded for a comment made elsewhere.
            func.coalesce(author.name, Comment.author_name).label("author_name"),
            Comment.consent,
            Comment.channel,
            Event.city.label("event_city"),
            Event.held_on.label("event_date"),
            Comment.late,
            Comment.official_position.label("official"),
            Comment.receipt,
            Comment.status,
        )
        .outerjoin(Clause, Clause.id == Comment.clause_id)
        .outerjoin(parent, parent.id == Clause.parent_id)
        .outerjoin(CommentGroup, CommentGroup.id == Comment.group_id)
        .outerjoin(Unit, Unit.id == Comment.unit_id)
        .outerjoin(author, author.id == Comment.author_id)
        .outerjoin(Event, Event.id == Comment.event_id)
        .where(Comment.revision_id == revision.id)
        .order_by(Clause.position.is_not(None), Clause.position, Comment.id)
    )
    hidden = hidden_in_revision(revision.id)
    return [_Line(**row._asdict(), hidden_reason=hidden.get(row.comment_id)) for row in rows]


def _reviewed_answers(revision: Revision) -> dict[tuple[str, int], Row]:
    """{("g", group id) | ("c", comment id): its approved or published answer}, as rows of
    (id, group_id, comment_id, disposition, reason, reason_en)."""
    responses = db.session.execute(
        select(
            Response.id,
            Response.group_id,
            Response.comment_id,
            Response.disposition,
            Response.reason,
            Response.reason_en,
        ).where(Response.revision_id == revision.id, Response.state.in_(APPROVED_STATES))
    )
    answers: dict[tuple[str, int], Row] = {}
    for response in responses:
        if response.group_id is not None:
            answers[("g", response.group_id)] = response
        else:
            answers[("c", response.comment_id)] = response
    return answers


def _cosigners(revision: Revision) -> dict[int, list[str]]:
    rows = db.session.execute(
        select(comment_cosigners.c.comment_id, Unit.name)
        .join(Unit, Unit.id == comment_cosigners.c.unit_id)
        .join(Comment, Comment.id == comment_cosigners.c.comment_id)
        .where(
            Comment.revision_id == revision.id,
            comment_cosigners.c.state == CosignatureState.CONFIRMED,  # a unit that confirmed
        )
        .order_by(comment_cosigners.c.comment_id, Unit.name)
    )
    found: dict[int, list[str]] = {}
    for comment_id, name in rows:
        found.setdefault(comment_id, []).append(name)
    return found


def _blocks(
    lines, answers, cosigners, options: SummaryOptions, words: _Words, revision: str
) -> list:
    """Lines gathered into blocks (a group's members together, at its first member's place)
    and numbered 1… in the order printed."""
    gathered: dict[tuple[str, int], list[_Line]] = {}
    for line in lines:  # already in document order: a block's first line fixes its place
        block_key = ("g", line.group_id) if line.group_id else ("c", line.comment_id)
        gathered.setdefault(block_key, []).append(line)
    blocks, number = [], 0
    for block_key, members in gathered.items():
        answer = answers.get(block_key)
        if options.answered_only and answer is None:
            continue
        rows = []
        for line in members:
            number += 1
            rows.append(
                _row(number, line, cosigners.get(line.comment_id, []), options, words, revision)
            )
        blocks.append(
            SummaryBlock(
                rows=tuple(rows),
                answer=_answer_text(answer, options.language, words) if answer else "",
                disposition=answer.disposition.value if answer else None,
                group_title=(members[0].group_title or "") if block_key[0] == "g" else "",
            )
        )
    return blocks


def _row(
    number: int,
    line: _Line,
    cosigners: list[str],
    options: SummaryOptions,
    words: _Words,
    revision: str,
) -> SummaryRow:
    english = options.language == "en"
    if line.clause_key is None:
        citation = words.general
    else:
        citation = (line.citation_en if english else "") or line.citation or ""
    return SummaryRow(
        number=number,
        citation=citation,
        revision=revision,
        body=line.body,
        proposed=line.proposed,
        unit=_proposer(line, options, words),
        note=_note(line, cosigners, words),
        receipt=line.receipt or "",
        clause_key=line.clause_key,
        comment_type=line.type,
        unit_category=words.categories[line.category] if line.unit_name else "",
        status=_status(line),
        hidden_reason=line.hidden_reason or "",
    )


def _status(line: _Line) -> str:
    if line.withdrawn:
        return "withdrawn"
    return "hidden" if line.hidden_reason is not None else "submitted"


def _marks(line: _Line, words: _Words) -> list[str]:
    """What the row says first of a comment that is not simply standing: withdrawn (listed,
    not counted), hidden from the public with the team's reason."""
    marks = []
    if line.withdrawn:
        marks.append(words.withdrawn)
    if line.hidden_reason is not None:
        marks.append(words.hidden.format(reason=line.hidden_reason))
    return marks


def _proposer(line: _Line, options: SummaryOptions, words: _Words) -> str:
    """提出单位: the unit, or the person for an individual; only the unit category when names
    are left out or the author asked to stay anonymous."""
    if not options.names or line.consent == Consent.ANONYMOUS:
        return (
            words.categories.get(line.category, line.category)
            if line.unit_name
            else (words.individual)
        )
    return line.unit_name or line.author_name or words.individual


def _note(line: _Line, cosigners: list[str], words: _Words) -> str:
    parts = _marks(line, words)
    if line.channel == Channel.SEMINAR and line.event_city:
        held = line.event_date.isoformat() if line.event_date else ""
        parts.append(words.seminar.format(city=line.event_city, date=held).strip())
    elif line.channel != Channel.ONLINE:
        parts.append(words.channels[line.channel])
    if line.official:
        parts.append(words.official)
    if cosigners:
        parts.append(words.cosigned.format(units=words.list_separator.join(cosigners)))
    if line.late:
        parts.append(words.late)
    return words.separator.join(parts)


def _observations(line: _Line, answer: Row | None, language: str, words: _Words) -> str:
    """The ISO sheet's observations: the row's marks (withdrawn, hidden), then the answer."""
    parts = _marks(line, words)
    if answer is not None:
        parts.append(_answer_text(answer, language, words))
    return "\n".join(parts)


def _landings(answers: dict, language: str) -> dict[int, str]:
    """{answer id: "见第二稿第十四条"}: where each answer's change landed, in a published later
    revision only (the table leaves the team; an unpublished text is not cited)."""
    return landing_phrases(list(answers.values()), language, public=True)


def _answer_text(answer: Row, language: str, words: _Words) -> str:
    """处理意见: the disposition, then its reason (the English one in the English edition,
    the Chinese one when no English was written), then where the change landed."""
    label = words.dispositions[answer.disposition]
    reason = _without_label((answer.reason_en if language == "en" else "") or answer.reason, label)
    text = words.answer.format(disposition=label, reason=reason) if reason else label
    landed = words.landings.get(answer.id, "")
    if not landed:
        return text
    if language == "en":
        return f"{text.rstrip('.')}. {landed[0].upper()}{landed[1:]}."
    return f"{text.rstrip('。')}。{landed}。"


_AFTER_LABEL = "。：:.，,;； \u3000"


def _without_label(reason: str, label: str) -> str:
    """A reason as written, minus a leading disposition label ("采纳。第二稿…"): the table
    prints the label itself, and would otherwise say it twice ("采纳：采纳。…")."""
    reason = reason.strip()
    if reason.casefold().startswith(label.casefold()):
        rest = reason[len(label) :]
        if not rest or rest[0] in _AFTER_LABEL:
            return rest.lstrip(_AFTER_LABEL)
    return reason


def _iso_clause(line: _Line, language: str, words: _Words) -> tuple[str, str]:
    """(article or clause, the rest): 第十二条 and 第二款第三项 for art12.p2.i3."""
    if line.clause_key is None:
        return words.general, ""
    english = language == "en"
    citation = (line.citation_en if english else "") or line.citation
    article = citation
    if line.clause_kind in ("paragraph", "item", "subitem"):
        article = _article_citation(line, english)
    rest = citation[len(article) :].strip(" ,") if citation.startswith(article) else ""
    return article, rest


def _iso_line(line: _Line) -> str:
    """Line number: the clause's line in the draft as printed, counted from 1. Every heading,
    article, paragraph and item starts its own line, so the clause's place in document order
    is the line a secretariat counts to find it (the draft source's own line numbers are not
    kept, and they would shift with blank lines and front matter). '' for general comments."""
    return "" if line.clause_position is None else str(line.clause_position + 1)


def _article_citation(line: _Line, english: bool) -> str:
    """The article part of a sub-clause's citation: the shortest leading part that ends in
    the article's own label (第…条 / Article N / a standards number)."""
    citation = (line.citation_en if english else "") or line.citation
    if english:
        return citation.split("(", 1)[0]
    head, found, _rest = citation.partition("条")
    return head + found if found else (line.parent_citation or citation)


def revision_name(revision: Revision, language: str) -> str:
    """The revision as the table names it: its label (第二稿) or "Revision 2"; call inside
    the edition's locale."""
    return revision.label_in(language) or _("Revision %(number)s", number=revision.number)


def _header(revision: Revision, language: str, today: date) -> SummaryHeader:
    measure = revision.measure
    label = revision_name(revision, language)
    return SummaryHeader(
        title=measure.title_in(language),
        table_title=_("Summary and handling of comments"),
        drafting_unit=measure.drafting_unit_in(language),
        person_in_charge=measure.person_in_charge,
        phone=measure.phone,
        date=today.isoformat(),
        revision_label=label,
    )


def _labels() -> SummaryLabels:
    return SummaryLabels(
        columns=(
            _("No."),
            _("Clause number"),
            _("Revision commented on"),
            _("Comment content"),
            _("Proposed change"),
            _("Proposed by"),
            _("Handling (with reason)"),
            _("Remarks"),
        ),
        drafting_unit=_("Drafting unit"),
        person_in_charge=_("Person in charge"),
        phone=_("Phone"),
        date=_("Date filled"),
        page_footer=_("Page {page} of {pages}"),
        figures_title=_("Units consulted and their replies"),
        totals_title=_("Totals (approved answers)"),
    )


def _totals(
    figures: AnswerFigures, options: SummaryOptions, blocks: list, words: _Words
) -> tuple[tuple[str, int], ...]:
    """The footer's totals, on the approved-answer basis defined in triage.figures (the
    dashboard shows the same numbers). A table of answered comments only has none pending.
    When the table lists withdrawn comments, a last line says how many (not counted above)."""
    approved = figures.approved
    withdrawn = sum(1 for block in blocks for row in block.rows if row.status == "withdrawn")
    return (
        (_("Comments"), figures.answered if options.answered_only else figures.received),
        *((str(DISPOSITION_LABELS[d]), approved[d]) for d in Disposition),
        (_("Pending"), 0 if options.answered_only else figures.unanswered),
        *(((words.withdrawn_total, withdrawn),) if withdrawn else ()),
    )
