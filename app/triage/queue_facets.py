"""The queue's side bar: each filter's options with their counts, in a stable order."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.accounts.models import CATEGORY_LABELS
from app.comments.models import (
    CHANNEL_LABELS,
    STATUS_LABELS,
    TYPE_LABELS,
    CommentStatus,
)
from app.core.i18n import current_language
from app.triage import queue as q
from app.triage.models import DISPOSITION_LABELS, RESPONSE_STATE_LABELS


def facet_options(page: q.QueuePage, filters: q.QueueFilters, clauses: dict, link) -> list:
    """[(name, title, [(label, count, chosen, href)])] for the filters' side bar: options in a
    stable order, the chosen one linking back to "any"."""
    f = page.facets
    language_en = current_language() == "en"

    def options(name, entries, clear=""):
        out = []
        for value, label, count in entries:
            chosen = str(getattr(filters, name)) == str(value)
            href = link(**{name: clear}) if chosen else link(**{name: value})
            out.append((label, count, chosen, href))
        return out

    def labelled(name, names: dict, extra: dict | None = None):
        names = {getattr(k, "value", k): v for k, v in {**names, **(extra or {})}.items()}
        counts = f[name]
        chosen = str(getattr(filters, name))
        return options(
            name,
            [
                (k, str(v), counts.get(k, 0))
                for k, v in names.items()
                if counts.get(k) or k == chosen
            ],
        )

    def named(name, missing=None):
        entries = [
            (key if key is not None else "none", label if key is not None else missing, count)
            for key, (label, count) in f[name].items()
            if key is not None or missing is not None
        ]
        entries.sort(key=lambda e: (-e[2], str(e[1])))
        return options(name, entries, clear=None if name in ("unit", "event") else "")

    def status_options():
        counts = f["status"]
        entries = [
            ("", str(STATUS_LABELS[CommentStatus.SUBMITTED]), counts.get("submitted", 0)),
            ("withdrawn", str(STATUS_LABELS[CommentStatus.WITHDRAWN]), counts.get("withdrawn", 0)),
            ("all", _("All"), sum(counts.values())),
        ]
        return options("status", [e for e in entries if e[2] or e[0] == ""])

    def clause_label(key):
        clause = clauses.get(key)
        if clause is None:
            return key
        return (clause.citation_en if language_en else "") or clause.citation or key

    clause_entries = [(key, clause_label(key), n) for key, n in f["clause"].items() if key]
    if filters.clause and filters.clause not in f["clause"]:  # a sub-clause chosen by URL
        clause_entries.insert(0, (filters.clause, clause_label(filters.clause), page.total))
    general = f["clause"].get("")
    groups = [
        (
            "general",
            _("Whole draft"),
            options(
                "general",
                [(True, _("Comments on the whole draft"), general)] if general else [],
                clear=False,
            ),
        ),
        ("clause", _("Clause"), options("clause", clause_entries)),
        ("type", _("Type of comment"), labelled("type", TYPE_LABELS)),
        ("category", _("Unit category"), labelled("category", CATEGORY_LABELS)),
        ("unit", _("Unit"), named("unit")),
        ("channel", _("Channel"), labelled("channel", CHANNEL_LABELS)),
        ("event", _("Seminar"), named("event")),
        ("status", _("Status"), status_options()),
        (
            "disposition",
            _("Disposition"),
            labelled("disposition", DISPOSITION_LABELS, {"none": _l("Unanswered")}),
        ),
        (
            "state",
            _("Answer"),
            labelled(
                "state",
                RESPONSE_STATE_LABELS,
                {"none": _l("No answer"), "unpublished": _l("Not yet published")},
            ),
        ),
        (
            "group",
            _("Group"),
            labelled("group", {"any": _l("In a group"), "none": _l("In no group")}),
        ),
        ("assignee", _("Assigned to"), named("assignee", _("No one"))),
        (
            "attachment",
            _("Attachment"),
            labelled("attachment", {"yes": _l("With attachment"), "no": _l("Without attachment")}),
        ),
        ("late", _("Late"), labelled("late", {"yes": _l("Late"), "no": _l("On time")})),
        (
            "moderation",
            _("Reports and hiding"),
            labelled(
                "moderation", {"reported": _l("Reported"), "hidden": _l("Hidden from the public")}
            ),
        ),
        (
            "carried",
            _("Carried over"),
            labelled(
                "carried",
                {"yes": _l("Carried over from earlier revisions"), "no": _l("On this revision")},
            ),
        ),
    ]
    return [group for group in groups if group[2]]
